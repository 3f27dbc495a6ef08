//! THE route table: every URL of the site is here (see DESIGN.md §3b).

use actix_web::{Route, guard, web};

use crate::handlers::{health, public, seo};
use crate::web::{assets, lang};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", get().to(lang::root_redirect))
        .route("/health", get().to(health::show))
        .route("/robots.txt", get().to(seo::robots))
        .route("/favicon.ico", get().to(assets::root_file))
        .route("/manifest.webmanifest", get().to(assets::root_file))
        .route("/static/{path:.*}", get().to(assets::serve))
        .service(
            web::scope("/{lang:fr|ar|en}")
                .route("", get().to(lang::add_slash))
                .route("/", get().to(public::home::show))
                .route("/services", get().to(public::services::index))
                .route("/about", get().to(public::about::show))
                .route("/contact", get().to(public::contact::new))
                .route("/contact", web::post().to(public::contact::create))
                .route("/contact/thanks", get().to(public::contact::thanks))
                .route("/legal/{page}", get().to(public::legal::show)),
        );
}

/// GET, and HEAD for crawlers and link checkers (actix sends the headers without the body).
fn get() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}
