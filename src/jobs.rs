//! Background jobs inside the server: every `JOBS_INTERVAL_SECONDS`, expire unanswered booking requests,
//! send the reminders that are due (`services::bookings::run_due`), publish reviews whose window closed and
//! remind whoever has not reviewed (`services::reviews::run_due`), and email messages left unread
//! (`services::messages::email_unread`), and delete personal data past its period (`services::privacy`). Safe
//! with several instances on
//! one PostgreSQL: each row is claimed by a conditional update or a unique key, so it is processed once.

use actix_web::web;

use crate::error::AppError;
use crate::services::emails::Context;
use crate::state::{AppState, send_emails};

/// One pass; returns how many emails it sent.
pub async fn run_once(state: &web::Data<AppState>) -> Result<usize, AppError> {
    let app = state.clone();
    let (outcome, unread) = state
        .db
        .run(move |conn| {
            let ctx = Context { base_url: &app.config.base_url };
            let now = app.clock.now();
            crate::services::privacy::purge(conn, crate::db::now())?;
            let mut outcome = crate::services::bookings::run_due(conn, &ctx, now)?;
            outcome.extend(crate::services::reviews::run_due(conn, &ctx, now)?);
            Ok((outcome, crate::services::messages::email_unread(conn, &ctx, now)?))
        })
        .await?;
    let sent = outcome.emails.len() + unread.len();
    send_emails(state, outcome.emails).await;
    send_emails(state, unread).await;
    crate::realtime::publish_all(state, outcome.live).await;
    Ok(sent)
}

/// Runs the jobs until the server stops (not at all when the interval is 0).
pub async fn run_forever(state: web::Data<AppState>) {
    let seconds = state.config.jobs_interval_seconds;
    if seconds == 0 {
        return;
    }
    let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(seconds));
    loop {
        tick.tick().await;
        if let Err(e) = run_once(&state).await {
            tracing::error!(error = %e, "background jobs failed; retrying at the next tick");
        }
    }
}
