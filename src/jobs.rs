//! Background work inside the server. Every `JOBS_INTERVAL_SECONDS`: expire unanswered booking requests, queue
//! the reminders that are due (`services::bookings::run_due`), publish reviews whose window closed and remind
//! whoever has not reviewed (`services::reviews::run_due`), email messages left unread
//! (`services::messages::email_unread`), end Club Pro subscriptions whose period lapsed without a renewal
//! (`services::club_pro::sweep`), and delete personal data past its period (`services::privacy`). Every hour:
//! remove picture files no row names (`services::media::sweep_orphans`).
//! Separately, the email sender (`run_sender`) delivers the outbox. Safe with several instances on one
//! PostgreSQL: each row is claimed by a conditional update or a unique key, so it is processed once.

use actix_web::web;

use crate::error::AppError;
use crate::services::emails::Context;
use crate::state::{AppState, deliver, deliver_now};

/// One pass; returns how many emails it queued.
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
            let (_, lapsed) = crate::services::club_pro::sweep(conn, &ctx, now)?;
            Ok((outcome, crate::services::messages::email_unread(conn, &ctx, now)? + lapsed))
        })
        .await?;
    let queued = outcome.emails + unread;
    deliver(state, queued).await;
    crate::realtime::publish_all(state, outcome.live).await;
    Ok(queued.count())
}

/// Removes the stored picture files no row names (older than an hour); returns how many.
pub async fn sweep_media(state: &web::Data<AppState>) -> Result<usize, AppError> {
    let in_use = state.db.run(|conn| Ok(crate::db::models::media::keys(conn)?)).await?;
    crate::services::media::sweep_orphans(&state.media, in_use).await
}

/// How often the picture store is swept (listing it is not free).
const MEDIA_SWEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// Runs the jobs until the server stops (not at all when the interval is 0).
pub async fn run_forever(state: web::Data<AppState>) {
    let seconds = state.config.jobs_interval_seconds;
    if seconds == 0 {
        return;
    }
    let mut tick = actix_web::rt::time::interval(std::time::Duration::from_secs(seconds));
    let mut stopping = state.shutdown.subscribe();
    let mut swept: Option<std::time::Instant> = None;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stopping.wait_for(|stop| *stop) => return,
        }
        if let Err(e) = run_once(&state).await {
            tracing::error!(error = %e, "background jobs failed; retrying at the next tick");
        }
        if swept.is_none_or(|at| at.elapsed() >= MEDIA_SWEEP_EVERY) {
            swept = Some(std::time::Instant::now());
            match sweep_media(&state).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(removed = n, "picture files no row names removed"),
                Err(e) => tracing::warn!(error = %e, "the picture store could not be swept"),
            }
        }
    }
}

/// How often the sender tries one email that is waiting out a backoff.
const PROBE_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// This instance's email sender: a delivery pass whenever a commit queued emails (`state::deliver`) and when
/// the next retry is due (at least every minute, which also picks up emails whose sender died mid-batch).
/// Once a minute, the earliest email waiting out a backoff is tried anyway (`outbox::probe`): when it goes
/// out, the others follow at once.
pub async fn run_sender(state: web::Data<AppState>) {
    let mut stopping = state.shutdown.subscribe();
    let mut probed = std::time::Instant::now();
    loop {
        if probed.elapsed() >= PROBE_EVERY {
            probed = std::time::Instant::now();
            if let Err(e) = state.db.run(crate::services::outbox::probe).await {
                tracing::warn!(error = %e, "outbox probe failed");
            }
        }
        match deliver_now(&state).await {
            Ok(pass) if pass != Default::default() => {
                tracing::info!(sent = pass.sent, retrying = pass.retrying, failed = pass.failed, "outbox delivery")
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "outbox delivery failed; retrying"),
        }
        let most = PROBE_EVERY.saturating_sub(probed.elapsed()).as_millis().max(200) as i64;
        let wait = match state.db.run(crate::services::outbox::next_due).await {
            Ok(Some(at)) => (at - crate::db::now()).num_milliseconds().clamp(200, most),
            Ok(None) => most,
            Err(_) => 5_000,
        };
        let wake =
            actix_web::rt::time::timeout(std::time::Duration::from_millis(wait as u64), state.outbox_wake.notified());
        tokio::select! {
            _ = wake => {}
            _ = stopping.wait_for(|stop| *stop) => return,
        }
    }
}
