//! `GET /{lang}/services`: every category with its number of providers.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::views::catalogue::CategoryWithCount;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "public/services/index.html")]
pub struct ServicesIndexTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub categories: Vec<CategoryWithCount>,
}

pub async fn index(page: Page, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let categories = state.showcase.get(&state.db).await?.categories.clone();
    render(&ServicesIndexTemplate { i18n: page.i18n(), page, categories })
}
