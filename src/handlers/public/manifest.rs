//! `GET /{lang}/manifest.webmanifest` (and `/manifest.webmanifest`, in French): the installable app's manifest,
//! in the page's language — name, start page, shortcuts (search, my bookings, my missions), icons and screenshots.

use actix_web::http::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::i18n::{I18n, Lang};
use crate::state::AppState;

pub async fn show(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let lang = crate::web::context::split_lang_path(req.path()).map_or(Lang::Fr, |(lang, _)| lang);
    let i18n = I18n::new(lang);
    let code = lang.code();
    let asset = |logical: &str| state.assets.url(logical);
    let shortcut = |name: &str, path: &str| {
        serde_json::json!({
            "name": i18n.t(name),
            "url": format!("/{code}{path}"),
            "icons": [{ "src": asset("img/icon-192.png"), "sizes": "192x192", "type": "image/png" }],
        })
    };
    let manifest = serde_json::json!({
        "id": "/",
        "name": i18n.t("app-name"),
        "short_name": "Khadamat",
        "description": i18n.t("site-description"),
        "lang": code,
        "dir": i18n.dir(),
        "start_url": format!("/{code}/?source=app"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0f766e",
        "categories": ["lifestyle", "business"],
        "icons": [
            { "src": asset("img/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any" },
            { "src": asset("img/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any" },
            { "src": asset("img/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "maskable" },
            { "src": asset("img/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
        ],
        "screenshots": [
            { "src": asset("img/screenshot-narrow.png"), "sizes": "720x1280", "type": "image/png", "form_factor": "narrow" },
            { "src": asset("img/screenshot-wide.png"), "sizes": "1280x800", "type": "image/png", "form_factor": "wide" },
        ],
        "shortcuts": [
            shortcut("app-shortcut-search", "/providers"),
            shortcut("app-shortcut-bookings", "/account/bookings"),
            shortcut("app-shortcut-missions", "/provider/bookings"),
        ],
    });
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, HeaderValue::from_static("application/manifest+json")))
        .insert_header((CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")))
        .body(manifest.to_string())
}
