//! The baseline for `scripts/bench-pages.sh`: the smallest page the stack can serve — actix-web, one diesel
//! query through the same pool, one askama template — so that the site's pages can be compared with it.
//!
//!   DATABASE_URL=… cargo run --release --example minimal_page -- 4901
//!   curl http://127.0.0.1:4901/providers/1

use actix_web::{App, HttpResponse, HttpServer, web};
use askama::Template;
use diesel::prelude::*;
use khadamat::db::Db;
use khadamat::db::schema::providers;

#[derive(Template)]
#[template(
    source = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{{ name }}</title></head>\
              <body><main><h1>{{ name }}</h1><p>{{ bio }}</p><p>{{ rating }}</p></main></body></html>",
    ext = "html"
)]
struct ProviderPage {
    name: String,
    bio: String,
    rating: f64,
}

async fn show(db: web::Data<Db>, id: web::Path<i64>) -> HttpResponse {
    let id = id.into_inner();
    let row = db
        .run(move |conn| {
            Ok(providers::table
                .find(id)
                .select((providers::display_name, providers::bio_fr, providers::rating_avg))
                .first::<(String, String, f64)>(conn)
                .optional()?)
        })
        .await;
    match row {
        Ok(Some((name, bio, rating))) => match (ProviderPage { name, bio, rating }).render() {
            Ok(html) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(html),
            Err(_) => HttpResponse::InternalServerError().finish(),
        },
        Ok(None) => HttpResponse::NotFound().finish(),
        Err(_) => HttpResponse::InternalServerError().finish(),
    }
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "khadamat.db".into());
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).unwrap_or(4901);
    let db = Db::connect(&url, 8).map_err(std::io::Error::other)?;
    HttpServer::new(move || {
        App::new().app_data(web::Data::new(db.clone())).route("/providers/{id}", web::get().to(show))
    })
    .bind(("127.0.0.1", port))?
    .run()
    .await
}
