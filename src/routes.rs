//! THE route table: every URL of the site is here (see DESIGN.md §3b).

use actix_web::web;

use crate::handlers::{health, public, seo};
use crate::web::{assets, lang};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(lang::root_redirect))
        .route("/health", web::get().to(health::show))
        .route("/robots.txt", web::get().to(seo::robots))
        .route("/favicon.ico", web::get().to(assets::root_file))
        .route("/manifest.webmanifest", web::get().to(assets::root_file))
        .route("/static/{path:.*}", web::get().to(assets::serve))
        .service(
            web::scope("/{lang:fr|ar|en}")
                .route("", web::get().to(lang::add_slash))
                .route("/", web::get().to(public::home::show))
                .route("/services", web::get().to(public::services::index))
                .route("/about", web::get().to(public::about::show))
                .route("/contact", web::get().to(public::contact::new))
                .route("/contact", web::post().to(public::contact::create))
                .route("/contact/thanks", web::get().to(public::contact::thanks))
                .route("/legal/{page}", web::get().to(public::legal::show)),
        );
}
