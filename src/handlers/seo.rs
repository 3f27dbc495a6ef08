//! `GET /robots.txt`.

use actix_web::{HttpResponse, web};

use crate::state::AppState;

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /*/account/\nDisallow: /*/admin/\nDisallow: /*/provider/\nDisallow: /*/messages\nDisallow: /dev/\n\nSitemap: {}/sitemap.xml\n",
        state.config.base_url
    );
    HttpResponse::Ok()
        .insert_header(("Content-Type", "text/plain; charset=utf-8"))
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .body(body)
}
