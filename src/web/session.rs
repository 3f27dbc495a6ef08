//! Server-side sessions behind actix-session's `SessionStore`: the cookie holds a random token, the
//! database holds its SHA-256 with the user, IP, device, idle expiry and absolute expiry. Signing out
//! deletes the row, so a replayed cookie is worthless.

use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_session::{Session, SessionExt};
use actix_web::body::MessageBody;
use actix_web::cookie::time::Duration as CookieDuration;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;
use chrono::Duration;

use crate::db::models::session as sessions;
use crate::db::{Db, now};
use crate::domain::session::{Lifetime, lifetime};
use crate::domain::token;
use crate::error::AppError;
use crate::state::AppState;

/// Keys of the session state written by the sign-in service and read by the store and extractors.
pub const USER_ID: &str = "uid";
pub const REMEMBER: &str = "remember";
pub const IP: &str = "ip";
pub const USER_AGENT: &str = "ua";
pub use crate::db::models::session::SID;
/// A user who passed the password step and must now give a second factor.
pub const PENDING_2FA: &str = "pending_2fa";
/// A 2FA secret being set up, not yet confirmed.
pub const SETUP_2FA: &str = "setup_2fa";

/// Whether the signed-in person is an administrator (shorter sessions, never remembered).
pub const ADMIN: &str = "admin";

/// Refresh `last_seen_at` at most this often.
const TOUCH_EVERY: Duration = Duration::minutes(5);

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        DbSessionStore { db }
    }
}

/// A session's lifetime from its state (see `domain::session`).
fn lifetime_of(state: &HashMap<String, String>) -> Lifetime {
    let flag = |key: &str| state.get(key).is_some_and(|v| v == "true");
    lifetime(flag(REMEMBER), flag(ADMIN))
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
        self.db
            .run(move |conn| {
                let at = now();
                let Some(row) = sessions::find_live(conn, &hash, at)? else { return Ok(None) };
                let state: Option<HashMap<String, String>> = serde_json::from_str(&row.state).ok();
                if at - row.last_seen_at > TOUCH_EVERY
                    && let Some(state) = &state
                {
                    sessions::touch(conn, row.id, at, at + lifetime_of(state).idle)?;
                }
                Ok(state)
            })
            .await
            .map_err(|e| LoadError::Other(other(e)))
    }

    async fn save(&self, state: HashMap<String, String>, _ttl: &CookieDuration) -> Result<SessionKey, SaveError> {
        let key = token::random();
        let hash = token::hash(&key);
        let cols = columns(&state).map_err(|e| SaveError::Serialization(e.into()))?;
        let Lifetime { idle, absolute, .. } = lifetime_of(&state);
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
        let idle = lifetime_of(&state).idle;
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

/// The hash of this request's session key, as stored (the WebSocket watches its session row). The cookie is
/// encrypted by the session middleware with the application's cookie key.
pub fn key_hash(req: &actix_web::HttpRequest, state: &AppState) -> Option<String> {
    let cookie = req.cookie(state.session_cookie_name())?;
    let mut jar = actix_web::cookie::CookieJar::new();
    jar.add_original(cookie);
    let key = jar.private(&state.cookie_key).get(state.session_cookie_name())?;
    Some(token::hash(key.value()))
}

/// The public id of this session (see [`SID`]).
pub fn sid(session: &Session) -> Option<String> {
    session.get::<String>(SID).ok().flatten()
}

/// Marks a response whose session wants a lasting cookie ("remember me"); see [`lasting_cookie`].
#[derive(Clone, Copy)]
struct Lasting;

/// Middleware inside the session middleware: notes, after the handler, whether this session's cookie should
/// outlive the browser.
pub async fn note_lasting(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let session = req.get_session();
    let mut res = next.call(req).await?;
    let state: HashMap<String, String> = [REMEMBER, ADMIN]
        .into_iter()
        .filter_map(|key| session.get::<bool>(key).ok().flatten().map(|v| (key.to_string(), v.to_string())))
        .collect();
    if lifetime_of(&state).lasting_cookie {
        res.response_mut().extensions_mut().insert(Lasting);
    }
    Ok(res)
}

/// Middleware outside the session middleware: the session cookie is a browser-session cookie, except for a
/// remembered session, whose cookie gets the remembered lifetime as its Max-Age.
pub async fn lasting_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let name = req.app_data::<web::Data<AppState>>().map(|s| s.session_cookie_name()).unwrap_or("session");
    let mut res = next.call(req).await?;
    if res.response().extensions().get::<Lasting>().is_none() {
        return Ok(res);
    }
    let cookie = res.response().cookies().find(|c| c.name() == name && !c.value().is_empty()).map(|c| c.into_owned());
    if let Some(mut cookie) = cookie {
        let days = lifetime(true, false).absolute.num_seconds();
        cookie.set_max_age(CookieDuration::seconds(days));
        res.response_mut().del_cookie(name);
        res.response_mut().add_cookie(&cookie).ok();
    }
    Ok(res)
}
