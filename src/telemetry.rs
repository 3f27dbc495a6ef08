//! Logs: readable in development, JSON in production; level from LOG_LEVEL (an EnvFilter).

use tracing_subscriber::EnvFilter;

pub fn init(level: &str, json: bool) {
    let filter = EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    let result = if json { builder.json().flatten_event(true).try_init() } else { builder.compact().try_init() };
    // A second initialisation (tests) keeps the first subscriber.
    let _ = result;
}
