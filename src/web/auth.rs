//! Who is asking: `MaybeUser`, `CurrentUser` (signed in), `CurrentProvider` (provider role), `Admin`
//! (admin role with 2FA). The user is loaded once per request and cached in the request.

use std::future::Future;
use std::pin::Pin;

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use crate::db::models::User;
use crate::db::models::user as users;
use crate::db::types::UserRole;
use crate::error::AppError;
use crate::services::audit::Actor;
use crate::services::policy;
use crate::state::AppState;
use crate::web::session;

/// The signed-in user of a request, loaded once however many extractors ask at the same time.
#[derive(Clone, Default)]
struct LoadedUser(std::rc::Rc<tokio::sync::OnceCell<Option<User>>>);

/// The signed-in user of this request, if any (suspended and deleted accounts are signed out).
pub async fn viewer(req: &HttpRequest) -> Result<Option<User>, AppError> {
    let cell = {
        let mut extensions = req.extensions_mut();
        match extensions.get::<LoadedUser>() {
            Some(cell) => cell.clone(),
            None => {
                let cell = LoadedUser::default();
                extensions.insert(cell.clone());
                cell
            }
        }
    };
    let user = cell.0.get_or_try_init(|| load_viewer(req)).await?;
    Ok(user.clone())
}

async fn load_viewer(req: &HttpRequest) -> Result<Option<User>, AppError> {
    let session = req.get_session();
    let Some(id) = session::user_id(&session) else { return Ok(None) };
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| AppError::internal("no state"))?;
    let (found, unread) = state
        .db
        .run(move |conn| {
            let found = users::find_active(conn, id)?;
            let unread = match &found {
                Some(u) => {
                    let (messages, notifications) = crate::services::messages::unread_counts(conn, u.id)?;
                    Unread { notifications, messages }
                }
                None => Unread::default(),
            };
            Ok((found, unread))
        })
        .await?;
    if found.is_none() {
        session.purge();
    }
    req.extensions_mut().insert(unread);
    Ok(found)
}

/// The signed-in user's unread notifications and messages (loaded with the user, for the header badges).
#[derive(Clone, Copy, Default)]
pub struct Unread {
    pub notifications: i64,
    pub messages: i64,
}

pub fn unread(req: &HttpRequest) -> Unread {
    req.extensions().get::<Unread>().copied().unwrap_or_default()
}

/// The user cached by an earlier extractor (for error pages drawn after the handler).
pub fn cached_viewer(req: &HttpRequest) -> Option<User> {
    req.extensions().get::<LoadedUser>().and_then(|l| l.0.get().cloned().flatten())
}

type Boxed<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

pub struct MaybeUser(pub Option<User>);

impl FromRequest for MaybeUser {
    type Error = AppError;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ok(MaybeUser(viewer(&req).await?)) })
    }
}

/// A signed-in user; anonymous visitors are sent to sign in and brought back.
pub struct CurrentUser(pub User);

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { viewer(&req).await?.map(CurrentUser).ok_or(AppError::SignInRequired) })
    }
}

/// A signed-in provider; other roles get 403.
pub struct CurrentProvider(pub User);

impl FromRequest for CurrentProvider {
    type Error = AppError;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = viewer(&req).await?.ok_or(AppError::SignInRequired)?;
            policy::require_role(&user, UserRole::Provider)?;
            Ok(CurrentProvider(user))
        })
    }
}

/// A signed-in administrator who has two-factor authentication on; anyone else gets 403.
pub struct Admin(pub User);

impl FromRequest for Admin {
    type Error = AppError;
    type Future = Boxed<Self>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = viewer(&req).await?.ok_or(AppError::SignInRequired)?;
            policy::require_admin(&user)?;
            Ok(Admin(user))
        })
    }
}

/// Who does something, from where (for audit rows).
pub fn actor(req: &HttpRequest, user_id: Option<i64>) -> Actor {
    Actor {
        user_id,
        ip_address: client_ip(req),
        user_agent: req
            .headers()
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(300).collect()),
        request_id: req.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string()),
    }
}

/// The visitor's address, the one every per-address limit, the audit and the logs use: the TCP peer, or — behind
/// a reverse proxy, with `IP_HEADER` set — the address in that header (for `X-Forwarded-For`, the last entry:
/// the one the proxy itself appended; the ones before it came from the visitor and prove nothing). A header
/// that is missing or holds no address gives none: never the proxy's own address, which every visitor shares.
pub fn client_ip(req: &HttpRequest) -> Option<String> {
    let header = req.app_data::<web::Data<AppState>>().and_then(|s| s.config.ip_header.clone());
    match header {
        None => req.peer_addr().map(|a| a.ip().to_string()),
        Some(name) => {
            let value = req.headers().get_all(&name).filter_map(|v| v.to_str().ok()).last()?;
            let last = value.rsplit(',').next()?.trim();
            last.parse::<std::net::IpAddr>().ok().map(|ip| ip.to_string())
        }
    }
}
