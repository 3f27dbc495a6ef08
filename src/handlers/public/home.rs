//! `GET /{lang}/`: hero search, popular categories, top-rated providers, how it works.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::City;
use crate::db::views::catalogue::{CategoryWithCount, SiteFigures};
use crate::db::views::provider_card::ProviderCard;
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
    let shown = state.showcase.get(&state.db).await?;
    let popular = shown.categories.iter().filter(|c| c.category.is_popular).take(8).cloned().collect();
    let mut res = render(&HomeTemplate {
        i18n: page.i18n(),
        page,
        categories: shown.categories.clone(),
        popular,
        cities: shown.cities.clone(),
        top_providers: shown.top_providers.clone(),
        figures: shown.figures.clone(),
    })?;
    // The landing page of a first visit carries its stylesheet: worth a little more compression.
    res.extensions_mut().insert(crate::web::compress::Thorough);
    Ok(res)
}
