//! The signed-in user's area: overview, profile, notifications, security (password, email,
//! sessions, two-factor authentication) and account deletion. Private pages are never cached.

pub mod bookings;
pub mod delete;
pub mod favorites;
pub mod index;
pub mod notifications;
pub mod profile;
pub mod security;
pub mod two_factor;

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, HeaderValue};

/// Marks a response private: `Cache-Control: no-store`.
pub fn private(mut res: HttpResponse) -> HttpResponse {
    res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[derive(serde::Deserialize)]
pub struct Empty {}
