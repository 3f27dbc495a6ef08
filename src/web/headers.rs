//! Security headers on every response, and ETags (with 304) on public HTML pages.

use actix_web::body::{self, BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};

use crate::state::AppState;

/// Middleware: CSP, framing, sniffing, referrer and permissions policies; HSTS in production.
pub async fn security(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let production = state.as_ref().is_some_and(|s| s.config.env.is_production());
    let below_files = req.path().starts_with("/static/") || req.path().starts_with("/media/");
    let request_id = req.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string());
    let signed_in = req.cookie("session").or_else(|| req.cookie("__Host-session")).is_some();
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    let set = |h: &mut header::HeaderMap, name: header::HeaderName, value: &'static str| {
        h.insert(name, header::HeaderValue::from_static(value));
    };
    if production {
        set(headers, header::STRICT_TRANSPORT_SECURITY, "max-age=63072000; includeSubDomains");
    }
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Files (stylesheets, scripts, pictures) need none of a page's policies: their responses stay small. An HTML
    // answer there (a missing file's error page) is a page.
    let html = headers.get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if below_files && !html {
        return Ok(res);
    }
    if let Some(id) = request_id.and_then(|id| header::HeaderValue::from_str(&id).ok()) {
        headers.insert(header::HeaderName::from_static("x-request-id"), id);
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        // A page may widen one directive (the Club Pro forms go on to Stripe's Checkout: `form-action`).
        let csp = state.as_ref().map_or_else(|| crate::web::assets::csp(""), |s| s.assets.csp().to_string());
        if let Ok(value) = header::HeaderValue::from_str(&csp) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    if !headers.contains_key(header::REFERRER_POLICY) {
        set(headers, header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    }
    set(
        headers,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), payment=(), geolocation=(self)",
    );
    set(headers, header::HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    if !headers.contains_key(header::CACHE_CONTROL) {
        // Pages seen by a signed-in visitor carry their name: never in a shared cache.
        set(headers, header::CACHE_CONTROL, if signed_in { "private, no-cache" } else { "no-cache" });
    }
    Ok(res)
}

/// Middleware: a weak ETag computed from the body of successful HTML GETs, answering 304 when the
/// browser already has it. Private pages opt out with `Cache-Control: no-store`.
pub async fn etag(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<BoxBody>>, actix_web::Error> {
    let is_get = req.method() == Method::GET || req.method() == Method::HEAD;
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).map(str::to_string);
    let res = next.call(req).await?;
    let cacheable = is_get
        && res.status() == StatusCode::OK
        && !res.headers().contains_key(header::ETAG)
        && res.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"text/html"))
        && !res.headers().get(header::CACHE_CONTROL).is_some_and(|v| v.as_bytes().starts_with(b"no-store"));
    if !cacheable {
        return Ok(res.map_body(|_, b| b.boxed()).map_into_left_body());
    }
    let (req, res) = res.into_parts();
    let (head, body) = res.into_parts();
    let bytes = body::to_bytes(body).await.map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
    // CRC-32 (SIMD) and the length: a validator, not a security check, at ~10 GB/s.
    let tag = format!("W/\"{:08x}{:x}\"", crc32fast::hash(&bytes), bytes.len());
    let matches = if_none_match.is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut response = if matches {
        let mut r = HttpResponse::NotModified().finish();
        for (name, value) in head.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                r.headers_mut().append(name.clone(), value.clone());
            }
        }
        r
    } else {
        head.set_body(BoxBody::new(bytes))
    };
    response.headers_mut().insert(header::ETAG, header::HeaderValue::from_str(&tag).expect("ascii etag"));
    Ok(ServiceResponse::new(req, response).map_into_right_body())
}
