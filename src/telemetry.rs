//! Logs: readable in development, JSON in production; level from LOG_LEVEL (an EnvFilter).

use tracing_subscriber::EnvFilter;

pub fn init(level: &str, json: bool) {
    let filter = EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    // Events only: span fields (the request span records the full path, where reset links carry their token)
    // stay out of the lines; each request's own line (`web::log`) says what matters.
    let result = if json {
        builder.json().flatten_event(true).with_current_span(false).with_span_list(false).try_init()
    } else {
        builder.compact().with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout())).try_init()
    };
    // A second initialisation (tests) keeps the first subscriber.
    let _ = result;
}
