//! What every request shares: settings, database, mailer, static assets.

use std::sync::atomic::{AtomicI64, Ordering};

use actix_web::cookie::Key;

use crate::config::Config;
use crate::db::Db;
use crate::error::AppError;
use crate::mail::Mailer;
use crate::web::assets::Assets;

pub struct AppState {
    pub config: Config,
    pub db: Db,
    pub mailer: Mailer,
    /// Web push (VAPID keys and the HTTP agent), sending the outbox's PUSH rows.
    pub pusher: crate::services::push::Pusher,
    /// Stripe, when this server has its keys (Club Pro payments).
    pub stripe: Option<std::sync::Arc<crate::payments::Stripe>>,
    pub assets: Assets,
    /// Encrypts the session cookie (derived from SESSION_SECRET).
    pub cookie_key: Key,
    /// The time that booking rules and background jobs go by.
    pub clock: Clock,
    /// This instance's open WebSockets.
    pub hub: std::sync::Arc<crate::realtime::hub::Hub>,
    /// Today's profile views already counted by this instance.
    pub seen_views: std::sync::Arc<crate::services::profile_views::Seen>,
    /// The site-wide figures and reference data public pages show, kept in memory.
    pub showcase: std::sync::Arc<crate::web::showcase::Showcase>,
    /// Where pictures are kept (`services::media_store`).
    pub media: crate::services::media_store::MediaStore,
    /// Picture work (decoding, resizing, encoding): one at a time per instance, off the request threads.
    pub image_work: std::sync::Arc<tokio::sync::Semaphore>,
    /// Users with an upload being processed (one at a time each).
    pub uploading: std::sync::Arc<std::sync::Mutex<std::collections::HashSet<i64>>>,
    /// Search results and provider pages recently shown to anonymous visitors.
    pub public_cache: crate::web::recent::PublicCache,
    /// Wakes this instance's email sender (`jobs::run_sender`) after a commit queued emails.
    pub outbox_wake: std::sync::Arc<tokio::sync::Notify>,
    /// Each route's share of the database pool (`web::bulkhead`).
    pub pool_shares: crate::services::blocking::PoolShares,
    /// Becomes true when the process is asked to stop: sockets close, jobs finish their pass and return.
    pub shutdown: tokio::sync::watch::Sender<bool>,
}

/// The application clock: UTC now, shifted by an offset that test configurations move forward.
pub struct Clock {
    offset_seconds: AtomicI64,
}

impl Clock {
    pub fn new(offset_seconds: i64) -> Self {
        Clock { offset_seconds: AtomicI64::new(offset_seconds) }
    }

    pub fn now(&self) -> chrono::NaiveDateTime {
        crate::db::now() + chrono::Duration::seconds(self.offset_seconds.load(Ordering::Relaxed))
    }

    /// Moves the clock forward (tests).
    pub fn advance(&self, by: chrono::Duration) {
        self.offset_seconds.fetch_add(by.num_seconds(), Ordering::Relaxed);
    }
}

impl AppState {
    pub fn new(config: Config, db: Db) -> Result<Self, AppError> {
        let assets = Assets::load(&config.static_dir)
            .map_err(|e| AppError::internal(format!("static files in {:?}: {e}", config.static_dir)))?;
        let mailer = Mailer::from_config(&config)?;
        let pusher = crate::services::push::Pusher::new(config.vapid.clone())?;
        let cookie_key = Key::derive_from(config.session_secret.as_bytes());
        let clock = Clock::new(config.clock_offset_seconds);
        let showcase = std::sync::Arc::new(crate::web::showcase::Showcase::new(config.showcase_seconds));
        let pool_shares = crate::services::blocking::PoolShares::new(db.pool_size());
        let stripe = crate::payments::Stripe::from_config(&config).map(std::sync::Arc::new);
        let media = crate::services::media_store::MediaStore::open(&config.media_store)
            .map_err(|e| AppError::internal(e.to_string()))?;
        Ok(AppState {
            shutdown: tokio::sync::watch::Sender::new(false),
            pool_shares,
            showcase,
            public_cache: crate::web::recent::PublicCache::new(config.public_cache_seconds),
            media,
            image_work: std::sync::Arc::new(tokio::sync::Semaphore::new(1)),
            uploading: Default::default(),
            config,
            db,
            stripe,
            mailer,
            pusher,
            assets,
            cookie_key,
            clock,
            hub: Default::default(),
            seen_views: Default::default(),
            outbox_wake: Default::default(),
        })
    }

    /// Starts relaying real-time events between instances (PostgreSQL only; one instance needs none).
    pub fn start_relay(&self) {
        if self.db.backend() == crate::db::Backend::Postgres {
            crate::realtime::relay::start(self.config.database_url.clone(), self.hub.clone());
        }
    }

    pub fn session_cookie_name(&self) -> &'static str {
        if self.config.env.is_production() { "__Host-session" } else { "session" }
    }
}

/// Hands the emails a committed change wrote to the outbox to the sender. Outside tests the background sender
/// takes them at once, so a response never waits for an email (otherwise "forgot password" and registration
/// would tell known addresses from unknown ones by their timing); with the tests' memory mailer they are sent
/// before the response.
pub async fn deliver(state: &actix_web::web::Data<AppState>, queued: crate::services::outbox::Queued) {
    if queued.is_empty() {
        return;
    }
    if state.config.mail == crate::config::MailTransport::Memory {
        if let Err(e) = deliver_now(state).await {
            tracing::error!(error = %e, "outbox delivery failed");
        }
    } else {
        state.outbox_wake.notify_one();
    }
}

/// One delivery pass of the outbox on the blocking pool.
pub async fn deliver_now(state: &actix_web::web::Data<AppState>) -> Result<crate::services::outbox::Pass, AppError> {
    let state = state.clone();
    tokio::task::spawn_blocking(move || crate::services::outbox::deliver_due(&state.db, &state.mailer, &state.pusher))
        .await
        .map_err(|e| AppError::internal(format!("blocking task: {e}")))?
}
