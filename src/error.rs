//! The use cases' error: what went wrong, in the terms of the rules (malformed, refused, not found, conflict,
//! rate-limited, internal). Only `web::errors` turns it into an HTTP status and a localized page.

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input is malformed (bad form encoding, bad parameters).
    #[error("malformed: {0}")]
    Malformed(String),
    /// The visitor must sign in first.
    #[error("sign-in required")]
    SignInRequired,
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
    #[error("invalid: {0}")]
    Invalid(&'static str),
    /// The request body is larger than the form or upload accepts.
    #[error("request body too large")]
    TooLarge,
    /// The request body did not arrive in time (`web::limits`).
    #[error("request body too slow")]
    TooSlow,
    /// Too many attempts in a short time.
    #[error("rate limited")]
    RateLimited,
    /// The database cannot be reached, or did not answer in time (pool acquire, statement or lock timeout, a
    /// connection closed under us): try again shortly. Logged, never shown.
    #[error("{UNAVAILABLE}: {0}")]
    Unavailable(String),
    /// A bug: logged with the request id, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

/// How an `Unavailable` error's message starts (the session middleware hands our errors back only as text).
pub const UNAVAILABLE: &str = "database unavailable";

impl AppError {
    pub fn internal(message: impl Into<String>) -> Self {
        AppError::Internal(message.into())
    }
}

impl From<crate::db::DbError> for AppError {
    fn from(e: crate::db::DbError) -> Self {
        match e {
            crate::db::DbError::Query(e) => e.into(),
            crate::db::DbError::Pool(e) => AppError::Unavailable(e),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        match e {
            diesel::result::Error::NotFound => AppError::NotFound,
            other if crate::db::is_unavailable(&other) => AppError::Unavailable(other.to_string()),
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
