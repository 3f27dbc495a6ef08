//! CSRF protection: a random per-browser token in an HttpOnly cookie, repeated in every form
//! (`csrf_token` field) or in the `X-CSRF-Token` header that `<body data-hx-headers>` adds to HTMX
//! requests; plus an Origin check on every unsafe request.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use rand::RngCore;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::state::AppState;

/// The current browser's token, put in request extensions by [`ensure_cookie`].
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "X-CSRF-Token";
const MAX_FORM_BYTES: usize = 64 * 1024;

pub fn cookie_name(production: bool) -> &'static str {
    if production { "__Host-csrf" } else { "csrf" }
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn well_formed(token: &str) -> bool {
    token.len() == 43 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Middleware: gives every browser a CSRF token cookie (set once, kept for a year).
pub async fn ensure_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let production = req.app_data::<web::Data<AppState>>().is_some_and(|s| s.config.env.is_production());
    let name = cookie_name(production);
    let existing = req.cookie(name).map(|c| c.value().to_string()).filter(|t| well_formed(t));
    let skip = req.path().starts_with("/static/") || matches!(req.path(), "/health" | "/ready");
    let (token, fresh) = match existing {
        Some(token) => (token, false),
        None => (random_token(), !skip),
    };
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut res = next.call(req).await?;
    if fresh {
        let cookie = Cookie::build(name, token)
            .path("/")
            .http_only(true)
            .secure(production)
            .same_site(SameSite::Lax)
            .max_age(CookieDuration::days(365))
            .finish();
        res.response_mut().add_cookie(&cookie).ok();
    }
    Ok(res)
}

/// Refuses a cross-site unsafe request: the Origin — or, when a browser sends none, the Referer —
/// must be this site.
pub fn check_origin(req: &HttpRequest) -> Result<(), AppError> {
    let origin = req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).filter(|o| *o != "null");
    let referer = req.headers().get(header::REFERER).and_then(|v| v.to_str().ok());
    let Some(source) = origin.or(referer) else {
        return Ok(());
    };
    let without_scheme = source.split_once("://").map(|(_, h)| h).unwrap_or(source);
    let origin_host = without_scheme.split('/').next().unwrap_or(without_scheme);
    let host = req.connection_info().host().to_string();
    let base_host = req
        .app_data::<web::Data<AppState>>()
        .and_then(|s| s.config.base_url.split_once("://").map(|(_, h)| h.to_string()))
        .unwrap_or_default();
    if origin_host == host || origin_host == base_host { Ok(()) } else { Err(AppError::Forbidden("origin")) }
}

/// Constant-time comparison of the submitted token with the cookie's.
pub fn verify(req: &HttpRequest, submitted: Option<&str>) -> Result<(), AppError> {
    let expected = req.extensions().get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
    let header_token = req.headers().get(HEADER).and_then(|v| v.to_str().ok());
    let submitted = submitted.or(header_token).unwrap_or("");
    let same = expected.len() == submitted.len()
        && !expected.is_empty()
        && expected.bytes().zip(submitted.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
    if same { Ok(()) } else { Err(AppError::Forbidden("csrf")) }
}

#[derive(serde::Deserialize)]
struct TokenField {
    csrf_token: Option<String>,
}

/// A url-encoded form whose CSRF token and Origin were checked. Every POST handler takes its form
/// through this extractor, so a state change without the check cannot be written by mistake.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if declared.is_some_and(|n| n > MAX_FORM_BYTES) {
            // Refused before a byte of it is read.
            return Box::pin(async { Err(AppError::TooLarge) });
        }
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            check_origin(&req)?;
            let body = body.await.map_err(|e| {
                if crate::web::limits::is_too_slow(&e) {
                    AppError::TooSlow
                } else {
                    AppError::Malformed(format!("body: {e}"))
                }
            })?;
            if body.len() > MAX_FORM_BYTES {
                return Err(AppError::TooLarge);
            }
            if !crate::web::input::is_clean(&body) {
                return Err(AppError::Malformed("form: not clean text".into()));
            }
            let field: TokenField = serde_urlencoded::from_bytes(&body).unwrap_or(TokenField { csrf_token: None });
            verify(&req, field.csrf_token.as_deref())?;
            serde_urlencoded::from_bytes(&body).map(CsrfForm).map_err(|e| AppError::Malformed(format!("form: {e}")))
        })
    }
}
