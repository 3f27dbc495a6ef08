//! The one place where a use case's error becomes an HTTP status (`ResponseError for AppError`), and the
//! localized error page (or an HTMX fragment) drawn for any error response, with no internals.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError, web};
use askama::Template;

use crate::error::AppError;
use crate::i18n::{I18n, Lang};
use crate::state::AppState;
use crate::web::context::{Page, split_lang_path};
use crate::web::csrf::CsrfToken;
use crate::web::htmx::Htmx;
use crate::web::lang::preferred_lang;

/// Put on an error response so that the error renderer knows to draw the localized page.
#[derive(Clone, Copy, Debug)]
pub struct ErrorMarker;

/// What went wrong inside, for the log line of a 500 (see `web::errors::render_errors`).
#[derive(Clone, Debug)]
pub struct InternalCause(pub String);

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::Malformed(_) => StatusCode::BAD_REQUEST,
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::NoProviderProfile => StatusCode::SEE_OTHER,
            AppError::Gone => StatusCode::GONE,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooSlow => StatusCode::REQUEST_TIMEOUT,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::new(self.status_code());
        response.extensions_mut().insert(ErrorMarker);
        if let AppError::Internal(message) | AppError::Unavailable(message) = self {
            // Logged with the request's id by `web::errors::render_errors`, never shown.
            response.extensions_mut().insert(InternalCause(message.clone()));
            if matches!(self, AppError::Unavailable(_)) {
                response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static(RETRY_AFTER));
            }
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        response
    }
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage {
    i18n: I18n,
    page: Page,
    status: u16,
    title_key: &'static str,
    message_key: &'static str,
    request_id: Option<String>,
}

#[derive(Template)]
#[template(path = "errors/fragment.html")]
struct ErrorFragment {
    i18n: I18n,
    status: u16,
    message_key: &'static str,
}

/// Seconds a client is asked to wait when the database is unavailable.
const RETRY_AFTER: &str = "5";

/// Middleware: replaces bare error responses with the error page.
pub async fn render_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    // An error an inner middleware returns (the session or the signed-in visitor could not be loaded) comes
    // back without its request: what its page needs is kept before.
    let asked = Asked::of(req.request());
    let res = match next.call(req).await {
        Ok(res) => unavailable_session(res),
        Err(e) => return Err(asked.error_page(e)),
    };
    let status = res.status();
    let marker = res.response().extensions().get::<ErrorMarker>().is_some();
    if marker && status == StatusCode::SEE_OTHER {
        // AppError::NoProviderProfile: to the profile form, saying why.
        let (req, _) = res.into_parts();
        let lang = split_lang_path(req.path()).map(|(l, _)| l).unwrap_or_else(|| preferred_lang(&req));
        let to = format!("/{}/provider/profile?notice=profile-first", lang.code());
        let res = crate::web::render::see_other(Htmx::of(&req), &to);
        return Ok(ServiceResponse::new(req, res).map_into_right_body());
    }
    // A page or a JSON report (readiness) made by a handler is already what the client should see.
    let is_ours = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || (!marker && is_ours) {
        return Ok(res.map_into_left_body());
    }
    let (req, res) = res.into_parts();
    if status.is_server_error() {
        let cause = match res.extensions().get::<InternalCause>() {
            Some(cause) => cause.0.clone(),
            None => res.error().map(|e| e.to_string()).unwrap_or_default(),
        };
        let request_id = req.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string());
        tracing::error!(request_id = request_id.as_deref().unwrap_or(""), status = status.as_u16(), error = %cause, "internal error");
    }
    if status == StatusCode::UNAUTHORIZED {
        return Ok(ServiceResponse::new(req.clone(), sign_in_first(&req)).map_into_right_body());
    }
    let mut page = error_response(&req, status);
    if status == StatusCode::REQUEST_TIMEOUT || status == StatusCode::PAYLOAD_TOO_LARGE {
        // The rest of a too-slow or too-large body is not read.
        page.head_mut().set_connection_type(actix_web::http::ConnectionType::Close);
    }
    for (name, value) in res.headers() {
        if name == header::RETRY_AFTER || name == header::ALLOW {
            page.headers_mut().insert(name.clone(), value.clone());
        }
    }
    Ok(ServiceResponse::new(req, page).map_into_right_body())
}

/// The session middleware turns a failed session load into a bare 500, keeping our error only as text: when
/// that error says the database is unavailable, answer 503 like any other page would.
fn unavailable_session<B>(res: ServiceResponse<B>) -> ServiceResponse<B> {
    let unavailable = res.status() == StatusCode::INTERNAL_SERVER_ERROR
        && res.response().extensions().get::<ErrorMarker>().is_none()
        && res.response().error().is_some_and(session_unavailable);
    if !unavailable {
        return res;
    }
    res.map_body(|head, body| {
        head.status = StatusCode::SERVICE_UNAVAILABLE;
        head.headers.insert(header::RETRY_AFTER, header::HeaderValue::from_static(RETRY_AFTER));
        body
    })
}

/// What an error page needs of its request.
struct Asked {
    lang: Lang,
    rest: String,
    fragment: bool,
    state: Option<web::Data<AppState>>,
    request_id: Option<tracing_actix_web::RequestId>,
}

impl Asked {
    fn of(req: &HttpRequest) -> Self {
        let (lang, rest) = match split_lang_path(req.path()) {
            Some((lang, rest)) => (lang, rest.to_string()),
            None => (preferred_lang(req), "/".to_string()),
        };
        Asked {
            lang,
            rest,
            fragment: Htmx::of(req).wants_fragment(),
            state: req.app_data::<web::Data<AppState>>().cloned(),
            request_id: req.extensions().get::<tracing_actix_web::RequestId>().copied(),
        }
    }

    /// The localized page for an error an inner middleware returned (503 when the database is unavailable).
    fn error_page(self, e: actix_web::Error) -> actix_web::Error {
        let status =
            if session_unavailable(&e) { StatusCode::SERVICE_UNAVAILABLE } else { e.as_response_error().status_code() };
        if status.is_server_error() {
            let request_id = self.request_id.map(|id| id.to_string()).unwrap_or_default();
            tracing::error!(request_id, status = status.as_u16(), error = %e, "internal error");
        }
        let mut page = render_page(&self, status, None);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            page.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static(RETRY_AFTER));
        }
        actix_web::error::InternalError::from_response(e.to_string(), page).into()
    }
}

/// Whether the session store failed because the database is unavailable: actix-session wraps its store's
/// error (ours, as text) in an `InternalError` whose only window on it is `Debug`.
fn session_unavailable(e: &actix_web::Error) -> bool {
    format!("{e:?}").contains(crate::error::UNAVAILABLE)
}

/// Anonymous visitors are sent to sign in, and come back to the page they wanted (GET only).
fn sign_in_first(req: &HttpRequest) -> HttpResponse {
    let lang = split_lang_path(req.path()).map(|(l, _)| l).unwrap_or_else(|| preferred_lang(req));
    let mut login = format!("/{}/login", lang.code());
    if req.method() == actix_web::http::Method::GET {
        let back = match req.query_string() {
            "" => req.path().to_string(),
            q => format!("{}?{q}", req.path()),
        };
        login.push_str("?next=");
        login.push_str(&serde_urlencoded::to_string([("", back)]).unwrap_or_default()[1..]);
    }
    if Htmx::of(req).wants_fragment() {
        HttpResponse::Unauthorized().insert_header(("HX-Redirect", login)).finish()
    } else {
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, login))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .finish()
    }
}

/// The Fluent keys (title, message) of the page for a status.
pub fn keys_for(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 | 405 | 413 | 415 => ("error-400-title", "error-400"),
        401 => ("error-401-title", "error-401"),
        403 => ("error-403-title", "error-403"),
        404 => ("error-404-title", "error-404"),
        409 => ("error-409-title", "error-409"),
        410 => ("error-410-title", "error-410"),
        422 => ("error-422-title", "error-422"),
        408 => ("error-408-title", "error-408"),
        429 => ("error-429-title", "error-429"),
        503 => ("error-503-title", "error-503"),
        _ => ("error-500-title", "error-500"),
    }
}

/// The error page for a request, in the language of its URL (or the visitor's preferred one).
pub fn error_response(req: &HttpRequest, status: StatusCode) -> HttpResponse {
    let signed_in = Signed {
        csrf: req.extensions().get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default(),
        user: crate::web::auth::cached_viewer(req),
        unread: crate::web::auth::unread(req),
    };
    render_page(&Asked::of(req), status, Some(signed_in))
}

/// Who asked, when known.
struct Signed {
    csrf: String,
    user: Option<crate::db::models::User>,
    unread: crate::web::auth::Unread,
}

fn render_page(asked: &Asked, status: StatusCode, signed: Option<Signed>) -> HttpResponse {
    let (title_key, message_key) = keys_for(status);
    let i18n = I18n::new(asked.lang);
    let code = status.as_u16();
    let body = if asked.fragment {
        ErrorFragment { i18n, status: code, message_key }.render()
    } else {
        match &asked.state {
            Some(state) => {
                let signed =
                    signed.unwrap_or_else(|| Signed { csrf: String::new(), user: None, unread: Default::default() });
                let page = Page {
                    lang: asked.lang,
                    rest: asked.rest.clone(),
                    query: String::new(),
                    csrf: signed.csrf,
                    state: state.clone(),
                    user: signed.user,
                    unread: signed.unread.notifications,
                    unread_messages: signed.unread.messages,
                };
                let request_id = (code >= 500).then(|| asked.request_id.map(|id| id.to_string())).flatten();
                ErrorPage { i18n, page, status: code, title_key, message_key, request_id }.render()
            }
            None => Ok(String::from("Error")),
        }
    };
    let body = body.unwrap_or_else(|e| {
        tracing::error!(error = %e, "error page failed to render");
        format!("Error {code}")
    });
    let mut builder = HttpResponse::build(status);
    builder
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::VARY, "HX-Request"));
    if asked.fragment {
        builder.insert_header(("HX-Retarget", "#toasts")).insert_header(("HX-Reswap", "beforeend"));
    }
    builder.body(body)
}

/// Default service: unknown URLs are a 404 page.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}
