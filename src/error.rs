//! One error type for the whole application. Each variant maps to an HTTP status and a Fluent message;
//! the error page itself is rendered by `web::errors` in the visitor's language.

use actix_web::{HttpResponse, ResponseError, http::StatusCode};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request is malformed (bad form encoding, bad parameters).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The visitor must sign in first.
    #[error("unauthorized")]
    Unauthorized,
    /// Signed in but not allowed, or a failed CSRF/Origin check.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("not found")]
    NotFound,
    /// A provider page asked for before the provider profile exists: the profile form comes first.
    #[error("no provider profile yet")]
    NoProviderProfile,
    /// The page existed and was removed on purpose.
    #[error("gone")]
    Gone,
    /// The object changed meanwhile (stale form, double click).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Input that parsed but does not pass validation, when no form can be re-rendered.
    #[error("unprocessable: {0}")]
    Unprocessable(&'static str),
    #[error("too many requests")]
    TooManyRequests,
    /// A bug or an outage: logged with the request id, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn internal(message: impl Into<String>) -> Self {
        AppError::Internal(message.into())
    }
}

/// Put on an error response so that the error renderer knows to draw the localized page.
#[derive(Clone, Copy, Debug)]
pub struct ErrorMarker;

/// What went wrong inside, for the log line of a 500 (see `web::errors::render_errors`).
#[derive(Clone, Debug)]
pub struct InternalCause(pub String);

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::NoProviderProfile => StatusCode::SEE_OTHER,
            AppError::Gone => StatusCode::GONE,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::new(self.status_code());
        response.extensions_mut().insert(ErrorMarker);
        if let AppError::Internal(message) = self {
            // Logged with the request's id by `web::errors::render_errors`, never shown.
            response.extensions_mut().insert(InternalCause(message.clone()));
        } else {
            tracing::debug!(error = %self, "request refused");
        }
        response
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::NotFound,
            other => AppError::Internal(format!("database: {other}")),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;
