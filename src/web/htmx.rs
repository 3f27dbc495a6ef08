//! Tells an HTMX fragment request (`HX-Request`, not boosted) from a full page request.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};

#[derive(Clone, Copy, Debug)]
pub struct Htmx {
    pub request: bool,
    pub boosted: bool,
}

impl Htmx {
    pub fn of(req: &HttpRequest) -> Self {
        let has = |name: &str| req.headers().get(name).is_some_and(|v| v.as_bytes() == b"true");
        Htmx { request: has("HX-Request"), boosted: has("HX-Boosted") }
    }

    /// True when only a fragment should be returned.
    pub fn wants_fragment(&self) -> bool {
        self.request && !self.boosted
    }
}

impl FromRequest for Htmx {
    type Error = actix_web::Error;
    type Future = Ready<Result<Htmx, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Htmx::of(req)))
    }
}
