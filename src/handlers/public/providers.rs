//! `GET /{lang}/providers`: search with filters, sorts and pages (HTMX swaps the results in place).

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::{Category, City, category};
use crate::db::search::{self, SearchQuery, Sort};
use crate::db::views::provider_card::ProviderCard;
use crate::domain::{money, text};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::web::recent::SearchAnswer;
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

impl SearchParams {
    /// The form's fields in one string, for keeping the answer (`web::recent`).
    pub fn key(&self) -> String {
        let fields = [&self.q, &self.category, &self.city, &self.min_price, &self.max_price, &self.rating];
        let more = [&self.verified, &self.day, &self.sort, &self.lat, &self.lng, &self.page];
        fields.iter().chain(&more).map(|f| f.as_str()).collect::<Vec<_>>().join("\u{1f}")
    }
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
    /// More than `total` match.
    pub capped: bool,
    pub current_page: i64,
    pub last_page: i64,
    /// The chosen category and city, for the heading.
    pub heading: String,
    /// The results the signed-in visitor has in favorites.
    pub favorite_ids: Vec<i64>,
    /// The category or city asked for does not exist (or no longer).
    pub unknown_filter: bool,
    /// Club Pro members featured on a category-in-city page (their turn this hour).
    pub featured: Vec<ProviderCard>,
}

impl SearchTemplate {
    /// The URL of another page of the same search.
    pub fn page_url(&self, number: &i64) -> String {
        self.url_without(None, *number)
    }

    /// The filters in force, each as what it says and the same search without it (removable chips).
    pub fn chips(&self) -> Vec<(String, String)> {
        let p = &self.params;
        let i18n = &self.i18n;
        let named = |key: &str, value: &str| i18n.t_with(key, [("value", value)]);
        let mut chips = Vec::new();
        let mut add = |param: &'static str, label: String| chips.push((label, self.url_without(Some(param), 1)));
        if let Some(c) = self.categories.iter().find(|c| c.slug == p.category) {
            add("category", c.name(i18n).to_string());
        }
        if let Some(c) = self.cities.iter().find(|c| c.slug == p.city) {
            add("city", c.name(i18n).to_string());
        }
        if !p.min_price.trim().is_empty() {
            add("min_price", named("search-chip-min-price", p.min_price.trim()));
        }
        if !p.max_price.trim().is_empty() {
            add("max_price", named("search-chip-max-price", p.max_price.trim()));
        }
        if !p.rating.trim().is_empty() {
            add("rating", named("search-chip-rating", &p.rating.trim().replace('.', ",")));
        }
        if let Some(day) = crate::services::bookings::parse_date(&p.day) {
            add("day", named("search-chip-day", &crate::web::format::date_long(i18n, day)));
        }
        if p.verified == "1" {
            add("verified", i18n.t("search-verified"));
        }
        chips
    }

    /// How many filters are in force (the phone's "Filtres" button says it).
    pub fn active_filters(&self) -> usize {
        self.chips().len()
    }

    /// This search on page `number`, with `dropped` left out.
    fn url_without(&self, dropped: Option<&str>, number: i64) -> String {
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
            if !v.trim().is_empty() && Some(k) != dropped {
                pairs.push((k, v.clone()));
            }
        }
        if number > 1 {
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

/// A category or city filter that names nothing shown on the site: the search matches nothing (rather than
/// everything) and the page says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownFilter;

/// Turns the typed parameters into a query.
pub fn to_query(params: &SearchParams, categories: &[Category], cities: &[City]) -> Result<SearchQuery, UnknownFilter> {
    let folded = text::fold(&params.q.chars().take(200).collect::<String>());
    let words = folded.split_whitespace().map(str::to_string).collect();
    let by_slug = |slug: &str, ids: Vec<(&str, i64)>| -> Result<Option<i64>, UnknownFilter> {
        let slug = slug.trim();
        if slug.is_empty() {
            return Ok(None);
        }
        ids.into_iter().find(|(s, _)| *s == slug).map(|(_, id)| Some(id)).ok_or(UnknownFilter)
    };
    let category_id = by_slug(&params.category, categories.iter().map(|c| (c.slug.as_str(), c.id)).collect())?;
    let city_id = by_slug(&params.city, cities.iter().map(|c| (c.slug.as_str(), c.id)).collect())?;
    let price = |s: &str| money::parse_mad(s).filter(|c| *c <= 100_000_000);
    let date = chrono::NaiveDate::parse_from_str(params.day.trim(), "%Y-%m-%d").ok();
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
    Ok(SearchQuery {
        words,
        category_id,
        city_id,
        min_price_cents: price(&params.min_price),
        max_price_cents: price(&params.max_price),
        min_rating: number(&params.rating).filter(|r| (0.0..=5.0).contains(r)),
        verified_only: params.verified == "1",
        now: Default::default(),
        date,
        near,
        sort,
        page: params.page.trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000),
        per_page: PER_PAGE,
    })
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    params: web::Query<SearchParams>,
) -> AppResult<HttpResponse> {
    search(page, state, params.into_inner()).await
}

/// `GET /{lang}/services/{category}` and `/{lang}/services/{category}/{city}`: landing pages ("Plomberie
/// à Casablanca") listing the best providers; unknown slugs are 404.
pub async fn landing(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<Vec<String>>,
    params: web::Query<SearchParams>,
) -> AppResult<HttpResponse> {
    let parts = path.into_inner();
    let (category, city) = (parts.get(1).cloned().unwrap_or_default(), parts.get(2).cloned().unwrap_or_default());
    let shown = state.showcase.get(&state.db).await?;
    if !city.is_empty() && !shown.cities.iter().any(|x| x.slug == city) {
        return Err(crate::error::AppError::NotFound);
    }
    // Shown: `None`; a category merged into another: its slug (the page moved for good).
    let moved = if shown.categories.iter().any(|x| x.category.slug == category) {
        None
    } else {
        let c = category.clone();
        state
            .db
            .run(move |conn| {
                let found = category::by_slug(conn, &c)?.ok_or(crate::error::AppError::NotFound)?;
                if found.is_active {
                    // Newer than the shown copy.
                    return Ok(None);
                }
                match found.merged_into_id.map(|id| category::find(conn, id)).transpose()?.flatten() {
                    Some(target) if target.is_active => Ok(Some(target.slug)),
                    _ => Err(crate::error::AppError::NotFound),
                }
            })
            .await?
    };
    if let Some(slug) = moved {
        let city = if city.is_empty() { String::new() } else { format!("/{city}") };
        let location = page.href(&format!("/services/{slug}{city}"));
        return Ok(HttpResponse::MovedPermanently().insert_header(("Location", location)).finish());
    }
    let mut params = params.into_inner();
    params.category = category;
    params.city = city;
    if params.sort.is_empty() {
        params.sort = "rating".into();
    }
    search(page, state, params).await
}

async fn search(page: Page, state: web::Data<AppState>, params: SearchParams) -> AppResult<HttpResponse> {
    let shown = state.showcase.get(&state.db).await?;
    let (categories, cities) = (shown.category_list(), shown.cities.clone());
    let now = state.clock.now();
    let query = to_query(&params, &categories, &cities).map(|q| SearchQuery { now, ..q });
    let viewer = page.user.as_ref().map(|u| u.id);
    // Anonymous visitors share recent answers (`web::recent`); a signed-in one reads the database.
    let key = viewer.is_none().then(|| params.key());
    let answer = state
        .public_cache
        .searches
        .get(key, || {
            state.db.run(move |conn| {
                let (query, result) = match query {
                    Ok(query) => {
                        let result = search::providers_page(conn, &query)?;
                        (Some(query), result)
                    }
                    Err(UnknownFilter) => (None, search::SearchResult::default()),
                };
                let featured = match &query {
                    // A category-in-city page's first page: the Club Pro members take turns in front.
                    Some(SearchQuery { category_id: Some(category), city_id: Some(city), page: 0 | 1, .. }) => {
                        crate::services::club_pro::featured(conn, *category, *city, now)?
                    }
                    _ => Vec::new(),
                };
                Ok(SearchAnswer { result, query, featured })
            })
        })
        .await?;
    let favorite_ids = match viewer {
        Some(user) => {
            let ids: Vec<i64> = answer.result.providers.iter().chain(&answer.featured).map(|c| c.id).collect();
            state.db.run(move |conn| Ok(crate::db::models::favorite::among(conn, user, &ids)?)).await?
        }
        None => Vec::new(),
    };
    let SearchAnswer { result, query, featured } = SearchAnswer::clone(&answer);
    let i18n = page.i18n();
    let unknown_filter = query.is_none();
    let query = query.unwrap_or_default();
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
    let mut last_page = ((result.total + PER_PAGE - 1) / PER_PAGE).max(1);
    if result.capped && result.providers.len() as i64 == PER_PAGE {
        // Uncounted results go on: "next" stays while pages are full.
        last_page = last_page.max(query.page + 1);
    }
    render(&SearchTemplate {
        i18n,
        page,
        params,
        categories,
        cities,
        results: result.providers,
        total: result.total,
        capped: result.capped,
        current_page: query.page.max(1),
        last_page,
        heading,
        favorite_ids,
        unknown_filter,
        featured,
    })
}

#[derive(Template)]
#[template(path = "public/providers/show.html")]
pub struct ProviderTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub p: std::sync::Arc<crate::db::views::provider_page::ProviderPage>,
    pub photo: Option<crate::web::picture::Picture>,
    pub json_ld: String,
    pub review_page: i64,
    pub title: String,
    pub description: String,
    pub favorite: bool,
}

impl ProviderTemplate {
    pub fn initials(&self) -> String {
        crate::web::picture::initials(&self.p.provider.display_name)
    }

    /// The portfolio: each picture's id, sizes and caption in the page's language.
    pub fn gallery(&self) -> Vec<(i64, crate::web::picture::Picture, Option<String>)> {
        let lang = self.i18n.lang();
        self.p
            .portfolio
            .iter()
            .map(|m| (m.id, crate::web::picture::Picture::of(m), m.caption(lang).map(str::to_string)))
            .collect()
    }

    /// Reporting a picture of this page (then back here).
    pub fn report_href(&self, id: i64) -> String {
        let back = self.page.href(&format!("/providers/{}", self.p.provider.slug));
        self.page.href(&format!(
            "/photos/{id}/report?back={}",
            percent_encoding::utf8_percent_encode(&back, percent_encoding::NON_ALPHANUMERIC)
        ))
    }

    /// The booking form.
    pub fn book_href(&self) -> String {
        self.page.href(&format!("/providers/{}/book", self.p.provider.slug))
    }

    /// "Contact": opens (or starts) the conversation with this provider.
    pub fn contact_href(&self) -> String {
        self.page.href(&format!("/providers/{}/contact", self.p.provider.slug))
    }

    /// The booking form with a service chosen.
    pub fn book_service_href(&self, service: &i64) -> String {
        format!("{}?service={service}", self.book_href())
    }

    pub fn bio(&self) -> &str {
        let p = &self.p.provider;
        self.i18n.pick(&p.bio_fr, &p.bio_ar, p.bio_en.as_deref())
    }

    pub fn rating(&self) -> String {
        self.i18n.decimal(self.p.provider.rating_avg, 1)
    }

    /// The criteria averages that exist, with their label keys ("4,5").
    pub fn criteria(&self) -> Vec<(&'static str, String)> {
        ["review-punctuality", "review-quality", "review-value"]
            .into_iter()
            .zip(self.p.criteria)
            .filter_map(|(key, avg)| avg.map(|a| (key, self.i18n.decimal(a, 1))))
            .collect()
    }

    pub fn top_rated(&self) -> bool {
        self.p.provider.rating_avg >= 4.8 && self.p.provider.review_count >= 10
    }

    /// "150 DH", "120 DH / heure", "Sur devis".
    pub fn price(&self, s: &crate::db::models::service::Service) -> String {
        crate::web::format::service_price(&self.i18n, s.pricing_unit, s.base_price_cents)
    }

    /// "À partir de 150 DH": the lowest published price, for the booking bar.
    pub fn price_from(&self) -> Option<String> {
        let low = self.p.services.iter().filter_map(|s| s.base_price_cents).min()?;
        Some(self.i18n.t_with("provider-price-from", [("price", self.i18n.price(low).as_str())]))
    }

    pub fn service_name<'a>(&self, s: &'a crate::db::models::service::Service) -> &'a str {
        self.i18n.pick(&s.name_fr, &s.name_ar, s.name_en.as_deref())
    }

    pub fn service_description<'a>(&self, s: &'a crate::db::models::service::Service) -> &'a str {
        self.i18n.pick(&s.description_fr, &s.description_ar, s.description_en.as_deref())
    }

    /// Width of a distribution bar in percent (of all published reviews).
    pub fn share(&self, n: &i64) -> i64 {
        let total: i64 = self.p.distribution.iter().sum();
        if total == 0 { 0 } else { n * 100 / total }
    }

    /// The languages spoken, each in its own script (isolated with `<bdi>` in the page, so that Arabic and
    /// French names keep their order and separators in either direction).
    pub fn languages(&self) -> Vec<&'static str> {
        self.p
            .provider
            .languages
            .split(',')
            .filter_map(|code| crate::i18n::Lang::from_code(code.trim()).map(|l| l.native_name()))
            .collect()
    }

    /// "environ 20 minutes", or in hours from an hour and a half ("environ 3 h").
    pub fn response_time(&self, minutes: &i32) -> String {
        if *minutes >= 90 {
            self.i18n.t_count("provider-response-hours", ((*minutes as f64) / 60.0).round() as i64)
        } else {
            self.i18n.t_count("provider-response-minutes", *minutes)
        }
    }
}

/// The Fluent key of an ISO weekday's name.
pub fn weekday_key(day: &i16) -> &'static str {
    match day {
        1 => "weekday-1",
        2 => "weekday-2",
        3 => "weekday-3",
        4 => "weekday-4",
        5 => "weekday-5",
        6 => "weekday-6",
        _ => "weekday-7",
    }
}

/// "08:30".
pub fn clock(minutes: &i32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[derive(serde::Deserialize)]
pub struct ReviewPageQuery {
    #[serde(default)]
    reviews: Option<String>,
}

pub async fn show(
    req: actix_web::HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<ReviewPageQuery>,
) -> AppResult<HttpResponse> {
    use crate::db::views::provider_page::{self, Unavailable};
    use crate::error::AppError;
    use crate::services::profile_views;
    let slug = path.into_inner().1;
    let review_page = query.reviews.as_deref().and_then(|r| r.parse::<i64>().ok()).unwrap_or(1).clamp(1, 10_000);
    let viewer = page.user.as_ref().map(|u| u.id);
    // A view counts for people who load the page (not crawlers, previews, prefetches or HEAD requests).
    let now = state.clock.now();
    let day = crate::domain::schedule::to_local(now).date();
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let user_agent = header("user-agent");
    let prefetch = header("sec-purpose").contains("prefetch") || header("purpose").contains("prefetch");
    let visitor = (req.method() == actix_web::http::Method::GET && !prefetch && !profile_views::is_bot(&user_agent))
        .then(|| {
            let ip = crate::web::auth::client_ip(&req).unwrap_or_default();
            profile_views::visitor(&state.config.session_secret, day, viewer, &ip, &user_agent)
        });
    let shown = state.showcase.get(&state.db).await?;
    // Anonymous visitors share recent pages (`web::recent`); a signed-in one reads the database.
    let key = viewer.is_none().then(|| (slug.clone(), review_page));
    let p = state
        .public_cache
        .provider_pages
        .get(key, || {
            state.db.run(move |conn| {
                let reference = (shown.category_list(), shown.cities.clone());
                match provider_page::load(conn, &slug, review_page, now, (&reference.0, &reference.1))? {
                    Ok(p) => Ok(p),
                    Err(Unavailable::NotFound) => Err(AppError::NotFound),
                    Err(Unavailable::Gone) => Err(AppError::Gone),
                }
            })
        })
        .await?;
    let (provider_id, owner) = (p.provider.id, p.provider.user_id);
    // A visitor's first view today on this instance is written (the database dedupes across instances).
    let view = visitor.filter(|v| viewer != Some(owner) && state.seen_views.first_time(day, provider_id, *v));
    let favorite = if viewer.is_some() || view.is_some() {
        state
            .db
            .run(move |conn| {
                if let Some(visitor) = view {
                    // A view not counted (the table locked, the database busy) must not cost the visitor the page.
                    let hash = profile_views::hex(&visitor);
                    let counted = crate::db::without_waiting(conn, |conn| {
                        crate::db::models::profile_view::record(conn, provider_id, day, &hash)
                    });
                    if let Err(e) = counted {
                        tracing::warn!(error = %e, "profile view not counted");
                    }
                }
                Ok(match viewer {
                    Some(user) => !crate::db::models::favorite::among(conn, user, &[provider_id])?.is_empty(),
                    None => false,
                })
            })
            .await?
    } else {
        false
    };
    let i18n = page.i18n();
    let json_ld = json_ld(&page, &i18n, &p);
    let trade = p.categories.first().map(|c| c.name(&i18n)).unwrap_or_default();
    let title = i18n.t_with(
        "provider-page-title",
        [("name", p.provider.display_name.as_str()), ("trade", trade), ("city", p.city.name(&i18n))],
    );
    let bio = i18n.pick(&p.provider.bio_fr, &p.provider.bio_ar, p.provider.bio_en.as_deref());
    let description = bio.chars().take(155).collect();
    let photo = p.photo.as_ref().map(crate::web::picture::Picture::of);
    render(&ProviderTemplate { i18n, page, p, photo, json_ld, review_page, title, description, favorite })
}

/// schema.org data for search engines: the business, its services as offers, its rating (only with
/// reviews) and the breadcrumb. `<` is escaped so that the JSON cannot close its script element.
fn json_ld(page: &Page, i18n: &I18n, p: &crate::db::views::provider_page::ProviderPage) -> String {
    use serde_json::json;
    let url = page.canonical();
    let offers: Vec<_> = p
        .services
        .iter()
        .map(|s| {
            let mut offer = json!({
                "@type": "Offer",
                "itemOffered": { "@type": "Service", "name": i18n.pick(&s.name_fr, &s.name_ar, s.name_en.as_deref()) },
                "priceCurrency": "MAD",
            });
            if let Some(c) = s.base_price_cents {
                offer["price"] = json!(format!("{:.2}", c as f64 / 100.0));
            }
            offer
        })
        .collect();
    let mut business = json!({
        "@context": "https://schema.org",
        "@type": "HomeAndConstructionBusiness",
        "name": p.provider.display_name,
        "url": url,
        "description": i18n.pick(&p.provider.bio_fr, &p.provider.bio_ar, p.provider.bio_en.as_deref()),
        "address": { "@type": "PostalAddress", "addressLocality": p.city.name(i18n), "addressCountry": "MA" },
        "geo": { "@type": "GeoCoordinates", "latitude": p.city.latitude, "longitude": p.city.longitude },
        "areaServed": p.cities_served.iter().map(|c| c.name(i18n)).collect::<Vec<_>>(),
        "makesOffer": offers,
    });
    // The range of the published prices ("150–750 MAD"), when there are any.
    let prices: Vec<i64> = p.services.iter().filter_map(|s| s.base_price_cents).collect();
    if let (Some(low), Some(high)) = (prices.iter().min(), prices.iter().max()) {
        let dirhams = |cents: i64| (cents + 50) / 100;
        business["priceRange"] = if low == high {
            json!(format!("{} MAD", dirhams(*low)))
        } else {
            json!(format!("{}–{} MAD", dirhams(*low), dirhams(*high)))
        };
    }
    if p.club_pro {
        business["award"] = json!("Khadamat Club Pro");
    }
    if let Some(photo) = &p.photo {
        business["image"] = json!(format!("{}{}", page.base_url(), crate::web::picture::Picture::of(photo).src(800)));
    }
    if p.provider.review_count > 0 {
        business["aggregateRating"] = json!({
            "@type": "AggregateRating",
            "ratingValue": format!("{:.1}", p.provider.rating_avg),
            "reviewCount": p.provider.review_count,
            "bestRating": 5,
            "worstRating": 1,
        });
    }
    let mut crumbs = vec![
        json!({ "@type": "ListItem", "position": 1, "name": i18n.t("nav-home"), "item": format!("{}/{}/", page.base_url(), page.lang.code()) }),
    ];
    if let Some(c) = p.categories.first() {
        crumbs.push(json!({ "@type": "ListItem", "position": 2, "name": c.name(i18n), "item": format!("{}/{}/providers?category={}", page.base_url(), page.lang.code(), c.slug) }));
    }
    crumbs.push(
        json!({ "@type": "ListItem", "position": crumbs.len() + 1, "name": p.provider.display_name, "item": url }),
    );
    let breadcrumb = json!({ "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": crumbs });
    json!([business, breadcrumb]).to_string().replace('<', "\\u003c")
}
