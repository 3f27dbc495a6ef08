//! Khadamat: the home-services marketplace for Morocco.
//!
//! `build_app` assembles the whole site; `main.rs` serves it and every test builds it in process.

pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod handlers;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod payments;
pub mod realtime;
pub mod routes;
pub mod services;
pub mod state;
pub mod telemetry;
pub mod web;

use actix_session::SessionMiddleware;
use actix_session::config::{BrowserSession, CookieContentSecurity};
use actix_web::body::MessageBody;
use actix_web::cookie::SameSite;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::from_fn;
use actix_web::{App, web as aweb};

pub use state::AppState;

/// The whole application: routes, state, and middleware (outermost last).
pub fn build_app(
    state: aweb::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let production = state.config.env.is_production();
    let store = web::session::DbSessionStore::new(state.db.clone());
    let sessions = SessionMiddleware::builder(store.clone(), state.cookie_key.clone())
        .cookie_name(state.session_cookie_name().to_string())
        .cookie_secure(production)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_path("/".into())
        .cookie_content_security(CookieContentSecurity::Private)
        // A browser-session cookie; a remembered session's gets a Max-Age (`web::session::lasting_cookie`).
        .session_lifecycle(BrowserSession::default())
        .build();
    App::new()
        .app_data(state)
        .app_data(aweb::PathConfig::default().error_handler(|_, _| error::AppError::NotFound.into()))
        .app_data(aweb::QueryConfig::default().error_handler(|e, _| error::AppError::Malformed(e.to_string()).into()))
        .configure(routes::configure)
        .default_service(aweb::to(web::errors::not_found))
        .wrap(from_fn(web::input::clean_query))
        .wrap(from_fn(web::lang::remember))
        .wrap(from_fn(web::session::note_lasting))
        .wrap(sessions)
        .wrap(from_fn(web::session::lasting_cookie))
        .wrap(from_fn(web::csrf::ensure_cookie))
        .wrap(from_fn(web::headers::etag))
        .wrap(from_fn(web::errors::render_errors))
        .wrap(from_fn(web::headers::security))
        .wrap(from_fn(web::compress::responses))
        .wrap(from_fn(web::bulkhead::share))
        .wrap(from_fn(web::limits::body_deadline))
        .wrap(from_fn(web::log::requests))
        .wrap(tracing_actix_web::TracingLogger::default())
}
