//! `GET /{lang}/legal/{page}`: terms, privacy (law 09-08), cookies.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "public/legal/terms.html")]
pub struct TermsTemplate {
    pub i18n: I18n,
    pub page: Page,
}

#[derive(Template)]
#[template(path = "public/legal/privacy.html")]
pub struct PrivacyTemplate {
    pub i18n: I18n,
    pub page: Page,
}

#[derive(Template)]
#[template(path = "public/legal/cookies.html")]
pub struct CookiesTemplate {
    pub i18n: I18n,
    pub page: Page,
}

pub const PAGES: [&str; 3] = ["terms", "privacy", "cookies"];

pub async fn show(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let i18n = page.i18n();
    match path.1.as_str() {
        "terms" => render(&TermsTemplate { i18n, page }),
        "privacy" => render(&PrivacyTemplate { i18n, page }),
        "cookies" => render(&CookiesTemplate { i18n, page }),
        _ => Err(AppError::NotFound),
    }
}
