//! Server-side sessions behind actix-session's `SessionStore`: the cookie holds a random token, the
//! database holds its SHA-256 with the user, IP, device, idle expiry and absolute expiry. Signing out
//! deletes the row, so a replayed cookie is worthless.

use std::collections::HashMap;

use actix_session::Session;
use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;
use chrono::Duration;

use crate::db::models::session as sessions;
use crate::db::{Db, now};
use crate::domain::token;
use crate::error::AppError;

/// Keys of the session state written by the sign-in service and read by the store and extractors.
pub const USER_ID: &str = "uid";
pub const REMEMBER: &str = "remember";
pub const IP: &str = "ip";
pub const USER_AGENT: &str = "ua";
/// A random public id of this session, to tell it apart in the list of a user's sessions.
pub const SID: &str = "sid";
/// A user who passed the password step and must now give a second factor.
pub const PENDING_2FA: &str = "pending_2fa";
/// A 2FA secret being set up, not yet confirmed.
pub const SETUP_2FA: &str = "setup_2fa";

/// Idle lifetime of a session without "remember me".
const IDLE: Duration = Duration::hours(12);
/// Refresh `last_seen_at` at most this often.
const TOUCH_EVERY: Duration = Duration::minutes(5);

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
    remember_idle: Duration,
    absolute: Duration,
}

impl DbSessionStore {
    pub fn new(db: Db, remember_idle_minutes: i64, absolute_days: i64) -> Self {
        DbSessionStore {
            db,
            remember_idle: Duration::minutes(remember_idle_minutes.max(60)),
            absolute: Duration::days(absolute_days.max(1)),
        }
    }

    fn idle_for(&self, remember: bool) -> Duration {
        if remember { self.remember_idle.max(IDLE) } else { IDLE }
    }

    /// The absolute lifetime (also the cookie's Max-Age).
    pub fn cookie_max_age(&self) -> CookieDuration {
        CookieDuration::seconds(self.absolute.num_seconds())
    }
}

struct Columns {
    json: String,
    user_id: Option<i64>,
    ip: Option<String>,
    user_agent: Option<String>,
    remember: bool,
}

fn columns(state: &HashMap<String, String>) -> Result<Columns, serde_json::Error> {
    let text = |key: &str| state.get(key).and_then(|v| serde_json::from_str::<String>(v).ok());
    Ok(Columns {
        json: serde_json::to_string(state)?,
        user_id: state.get(USER_ID).and_then(|v| v.parse().ok()),
        ip: text(IP),
        user_agent: text(USER_AGENT).map(|ua| ua.chars().take(300).collect()),
        remember: state.get(REMEMBER).is_some_and(|v| v == "true"),
    })
}

fn other(e: AppError) -> anyhow::Error {
    anyhow::anyhow!(e.to_string())
}

impl SessionStore for DbSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<HashMap<String, String>>, LoadError> {
        let hash = token::hash(key.as_ref());
        let store = self.clone();
        self.db
            .run(move |conn| {
                let at = now();
                let Some(row) = sessions::find_live(conn, &hash, at)? else { return Ok(None) };
                if at - row.last_seen_at > TOUCH_EVERY {
                    sessions::touch(conn, row.id, at, at + store.idle_for(row.remember))?;
                }
                Ok(serde_json::from_str(&row.state).ok())
            })
            .await
            .map_err(|e| LoadError::Other(other(e)))
    }

    async fn save(&self, state: HashMap<String, String>, _ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        let key = token::random();
        let hash = token::hash(&key);
        let cols = columns(&state).map_err(|e| SaveError::Serialization(e.into()))?;
        let (idle, absolute) = (self.idle_for(cols.remember), self.absolute);
        self.db
            .run(move |conn| {
                let at = now();
                sessions::insert(
                    conn,
                    &sessions::NewSession {
                        token_hash: &hash,
                        user_id: cols.user_id,
                        state: &cols.json,
                        ip_address: cols.ip.as_deref(),
                        user_agent: cols.user_agent.as_deref(),
                        remember: cols.remember,
                        created_at: at,
                        last_seen_at: at,
                        expires_at: at + idle,
                        absolute_expires_at: at + absolute,
                    },
                )?;
                Ok(())
            })
            .await
            .map_err(|e| SaveError::Other(other(e)))?;
        SessionKey::try_from(key).map_err(|e| SaveError::Other(e.into()))
    }

    async fn update(
        &self,
        key: SessionKey,
        state: HashMap<String, String>,
        ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        let hash = token::hash(key.as_ref());
        let cols = columns(&state).map_err(|e| UpdateError::Serialization(e.into()))?;
        let idle = self.idle_for(cols.remember);
        let updated = self
            .db
            .run(move |conn| {
                let at = now();
                Ok(sessions::update_state(
                    conn,
                    &hash,
                    &cols.json,
                    cols.user_id,
                    cols.ip.as_deref(),
                    cols.user_agent.as_deref(),
                    cols.remember,
                    at,
                    at + idle,
                )?)
            })
            .await
            .map_err(|e| UpdateError::Other(other(e)))?;
        if updated == 0 {
            // The row was revoked meanwhile: never resurrect it under the old key.
            return self.save(state, ttl).await.map_err(|e| UpdateError::Other(anyhow::anyhow!(e.to_string())));
        }
        Ok(key)
    }

    async fn update_ttl(&self, _key: &SessionKey, _ttl: &CookieDuration) -> Result<(), anyhow::Error> {
        // Expiry is extended in `load` (throttled), not on every request.
        Ok(())
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        let hash = token::hash(key.as_ref());
        self.db.run(move |conn| Ok(sessions::delete_by_hash(conn, &hash)?)).await.map(|_| ()).map_err(other)
    }
}

/// The signed-in user's id from the session, if any (and not halfway through 2FA).
pub fn user_id(session: &Session) -> Option<i64> {
    session.get::<i64>(USER_ID).ok().flatten()
}

/// The public id of this session (see [`SID`]).
pub fn sid(session: &Session) -> Option<String> {
    session.get::<String>(SID).ok().flatten()
}
