//! `GET /{lang}/offline`: what the service worker shows when a page cannot be reached. Kept by the worker, so the
//! same for everyone: no account, no form, no token.

use actix_web::HttpResponse;
use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
use askama::Template;

use crate::error::AppResult;
use crate::i18n::I18n;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "public/offline.html")]
pub struct OfflineTemplate {
    pub i18n: I18n,
    /// The stylesheet's and the icon's fingerprinted URLs (both kept by the service worker).
    pub stylesheet: String,
    pub icon: String,
    pub logo: String,
    pub home: String,
}

pub async fn show(page: Page) -> AppResult<HttpResponse> {
    let tpl = OfflineTemplate {
        i18n: page.i18n(),
        stylesheet: page.asset("css/app.css"),
        icon: page.asset("favicon.svg"),
        logo: page.asset("img/logo-mark.svg"),
        home: page.href("/"),
    };
    let mut res = render(&tpl)?;
    res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    Ok(res)
}
