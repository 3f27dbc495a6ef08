//! `GET /{lang}/`: hero search, popular categories, top-rated providers, how it works.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::{City, city};
use crate::db::views::catalogue::{self, CategoryWithCount, SiteFigures};
use crate::db::views::provider_card::{self, ProviderCard};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "public/home.html")]
pub struct HomeTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub categories: Vec<CategoryWithCount>,
    pub popular: Vec<CategoryWithCount>,
    pub cities: Vec<City>,
    pub top_providers: Vec<ProviderCard>,
    pub figures: SiteFigures,
}

pub async fn show(page: Page, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let (categories, cities, top_providers, figures) = state
        .db
        .run(|conn| {
            Ok((
                catalogue::categories_with_counts(conn)?,
                city::list_active(conn)?,
                provider_card::top_rated(conn, 8)?,
                catalogue::site_figures(conn)?,
            ))
        })
        .await?;
    let popular = categories.iter().filter(|c| c.category.is_popular).take(8).cloned().collect();
    render(&HomeTemplate { i18n: page.i18n(), page, categories, popular, cities, top_providers, figures })
}
