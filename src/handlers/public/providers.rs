//! `GET /{lang}/providers`: search with filters, sorts and pages (HTMX swaps the results in place).

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::{Category, City, category, city};
use crate::db::search::{self, SearchQuery, Sort};
use crate::db::views::provider_card::ProviderCard;
use crate::domain::{money, text};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::web::{Page, render};

pub const PER_PAGE: i64 = 20;

/// The search form as typed: every field optional, anything unparsable ignored.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SearchParams {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub min_price: String,
    #[serde(default)]
    pub max_price: String,
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub verified: String,
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default)]
    pub lat: String,
    #[serde(default)]
    pub lng: String,
    #[serde(default)]
    pub page: String,
}

#[derive(Template)]
#[template(path = "public/providers/index.html")]
pub struct SearchTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub params: SearchParams,
    pub categories: Vec<Category>,
    pub cities: Vec<City>,
    pub results: Vec<ProviderCard>,
    pub total: i64,
    pub current_page: i64,
    pub last_page: i64,
    /// The chosen category and city, for the heading.
    pub heading: String,
}

impl SearchTemplate {
    /// The URL of another page of the same search.
    pub fn page_url(&self, number: &i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let p = &self.params;
        for (k, v) in [
            ("q", &p.q),
            ("category", &p.category),
            ("city", &p.city),
            ("min_price", &p.min_price),
            ("max_price", &p.max_price),
            ("rating", &p.rating),
            ("verified", &p.verified),
            ("day", &p.day),
            ("sort", &p.sort),
            ("lat", &p.lat),
            ("lng", &p.lng),
        ] {
            if !v.trim().is_empty() {
                pairs.push((k, v.clone()));
            }
        }
        if *number > 1 {
            pairs.push(("page", number.to_string()));
        }
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        if query.is_empty() {
            self.page.href("/providers")
        } else {
            format!("{}?{query}", self.page.href("/providers"))
        }
    }

    /// Page numbers around the current one (1 … n-1 n n+1 … last).
    pub fn pages(&self) -> Vec<i64> {
        let mut pages: Vec<i64> =
            vec![1, self.current_page - 1, self.current_page, self.current_page + 1, self.last_page]
                .into_iter()
                .filter(|p| *p >= 1 && *p <= self.last_page)
                .collect();
        pages.sort_unstable();
        pages.dedup();
        pages
    }
}

fn number(s: &str) -> Option<f64> {
    s.trim().replace(',', ".").parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Turns the typed parameters into a query (unknown slugs give no results rather than all of them).
pub fn to_query(params: &SearchParams, categories: &[Category], cities: &[City]) -> SearchQuery {
    let folded = text::fold(&params.q.chars().take(200).collect::<String>());
    let words = folded.split_whitespace().map(str::to_string).collect();
    let by_slug = |slug: &str, ids: Vec<(String, i64)>| -> Option<i64> {
        let slug = slug.trim();
        (!slug.is_empty()).then(|| ids.into_iter().find(|(s, _)| s == slug).map(|(_, id)| id).unwrap_or(-1))
    };
    let category_id = by_slug(&params.category, categories.iter().map(|c| (c.slug.clone(), c.id)).collect());
    let city_id = by_slug(&params.city, cities.iter().map(|c| (c.slug.clone(), c.id)).collect());
    let price = |s: &str| money::parse_mad(s).filter(|c| *c <= 100_000_000);
    let weekday = chrono::NaiveDate::parse_from_str(params.day.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| chrono::Datelike::weekday(&d).number_from_monday() as i16);
    let near = match (number(&params.lat), number(&params.lng)) {
        (Some(lat), Some(lng)) if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng) => {
            Some((lat, lng, 60.0))
        }
        _ => city_id
            .and_then(|id| cities.iter().find(|c| c.id == id))
            .map(|c| (c.latitude, c.longitude, 1000.0))
            .filter(|_| params.sort == "distance"),
    };
    let sort = match params.sort.as_str() {
        "rating" => Sort::Rating,
        "price" => Sort::Price,
        "distance" if near.is_some() => Sort::Distance,
        _ => Sort::Relevance,
    };
    SearchQuery {
        words,
        category_id,
        city_id,
        min_price_cents: price(&params.min_price),
        max_price_cents: price(&params.max_price),
        min_rating: number(&params.rating).filter(|r| (0.0..=5.0).contains(r)),
        verified_only: params.verified == "1",
        weekday,
        near,
        sort,
        page: params.page.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000),
        per_page: PER_PAGE,
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    params: web::Query<SearchParams>,
) -> AppResult<HttpResponse> {
    let params = params.into_inner();
    let p = params.clone();
    let (categories, cities, result, query) = state
        .db
        .run(move |conn| {
            let categories = category::list_active(conn)?;
            let cities = city::list_active(conn)?;
            let query = to_query(&p, &categories, &cities);
            let result = search::providers_page(conn, &query)?;
            Ok((categories, cities, result, query))
        })
        .await?;
    let i18n = page.i18n();
    let category = query.category_id.and_then(|id| categories.iter().find(|c| c.id == id));
    let city = query.city_id.and_then(|id| cities.iter().find(|c| c.id == id));
    let heading = match (category, city) {
        (Some(c), Some(t)) => {
            i18n.t_with("search-heading-category-city", [("category", c.name(&i18n)), ("city", t.name(&i18n))])
        }
        (Some(c), None) => c.name(&i18n).to_string(),
        (None, Some(t)) => i18n.t_with("search-heading-city", [("city", t.name(&i18n))]),
        (None, None) => i18n.t("search-title"),
    };
    let last_page = ((result.total + PER_PAGE - 1) / PER_PAGE).max(1);
    render(&SearchTemplate {
        i18n,
        page,
        params,
        categories,
        cities,
        results: result.providers,
        total: result.total,
        current_page: query.page,
        last_page,
        heading,
    })
}
