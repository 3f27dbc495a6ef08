//! Logs: readable in development, JSON in production; level from LOG_LEVEL (an EnvFilter, checked by the
//! configuration). One line per request (`web::log`) and per security event (`services::audit`).

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// The subscriber, writing to `writer`. JSON lines carry events only: span fields (the request span records the
/// full path, where reset links carry their token) stay out.
pub fn subscriber<W>(level: &str, json: bool, writer: W) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(json).with_writer(writer);
    if json {
        Box::new(builder.json().flatten_event(true).with_current_span(false).with_span_list(false).finish())
    } else {
        Box::new(builder.compact().with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout())).finish())
    }
}

pub fn init(level: &str, json: bool) {
    // A second initialisation (tests) keeps the first subscriber.
    let _ = tracing::subscriber::set_global_default(subscriber(level, json, std::io::stdout));
}
