//! `GET /{lang}/about`.

use actix_web::HttpResponse;
use askama::Template;

use crate::error::AppResult;
use crate::i18n::I18n;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "public/about.html")]
pub struct AboutTemplate {
    pub i18n: I18n,
    pub page: Page,
}

pub async fn show(page: Page) -> AppResult<HttpResponse> {
    render(&AboutTemplate { i18n: page.i18n(), page })
}
