//! `GET/POST /{lang}/providers/{slug}/book`: the booking form (BookingModal). Choosing a service and a date
//! lists the free start times: by HTMX when the date changes, by a plain GET without JavaScript.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{Duration, NaiveDate, NaiveTime};

use crate::db::models::service::Service;
use crate::db::models::{City, city};
use crate::domain::booking::MAX_AHEAD_DAYS;
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::bookings::{self, BookInput, Bookable};
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "public/book/new.html")]
pub struct BookTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub b: Bookable,
    pub cities: Vec<City>,
    pub form: BookInput,
    pub slots: Option<Vec<NaiveTime>>,
    pub errors: FieldErrors,
    pub min_date: String,
    pub max_date: String,
    pub email_verified: bool,
}

impl BookTemplate {
    pub fn service(&self) -> Option<&Service> {
        let id = self.form.service.parse::<i64>().ok()?;
        self.b.services.iter().find(|s| s.id == id)
    }

    pub fn service_name<'a>(&self, s: &'a Service) -> &'a str {
        self.i18n.pick(&s.name_fr, &s.name_ar, s.name_en.as_deref())
    }

    pub fn price(&self, s: &Service) -> String {
        crate::web::format::service_price(&self.i18n, s.pricing_unit, s.base_price_cents)
    }

    pub fn is_estimate(&self, s: &Service) -> bool {
        s.pricing_unit != crate::db::types::PricingUnit::Fixed
    }

    pub fn clock(&self, t: &NaiveTime) -> String {
        t.format("%H:%M").to_string()
    }

    /// "mercredi 2 décembre 2026" for the chosen date.
    pub fn date_label(&self) -> String {
        bookings::parse_date(&self.form.date)
            .map(|d: NaiveDate| crate::web::format::date_long(&self.i18n, d))
            .unwrap_or_default()
    }

    pub fn provider_href(&self) -> String {
        self.page.href(&format!("/providers/{}", self.b.provider.slug))
    }

    pub fn title(&self) -> String {
        self.i18n.t_with("book-title", [("name", self.b.provider.display_name.as_str())])
    }

    pub fn action(&self) -> String {
        self.page.href(&format!("/providers/{}/book", self.b.provider.slug))
    }
}

async fn form_page(
    page: Page,
    state: &web::Data<AppState>,
    slug: String,
    mut form: BookInput,
    errors: FieldErrors,
    status: StatusCode,
    email_verified: bool,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let f = form.clone();
    let (b, cities, slots) = state
        .db
        .run(move |conn| {
            let b = bookings::bookable(conn, &slug)?;
            let cities = city::list_active(conn)?;
            let service = f.service.parse::<i64>().ok().and_then(|id| b.services.iter().find(|s| s.id == id)).cloned();
            let slots = match (service, bookings::parse_date(&f.date)) {
                (Some(s), Some(date)) => Some(bookings::free_starts(conn, &b, &s, date, now)?),
                _ => None,
            };
            Ok((b, cities, slots))
        })
        .await?;
    if let (true, Some(first)) = (form.service.is_empty(), b.services.first()) {
        form.service = first.id.to_string();
    }
    if form.city.is_empty() {
        form.city = cities.iter().find(|c| c.id == b.provider.city_id).map(|c| c.slug.clone()).unwrap_or_default();
    }
    if form.key.is_empty() {
        form.key = crate::domain::token::random();
    }
    let today = crate::domain::schedule::to_local(now).date();
    let tpl = BookTemplate {
        i18n: page.i18n(),
        page,
        b,
        cities,
        form,
        slots,
        errors,
        min_date: today.format("%Y-%m-%d").to_string(),
        max_date: (today + Duration::days(MAX_AHEAD_DAYS)).format("%Y-%m-%d").to_string(),
        email_verified,
    };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn new(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, String)>,
    query: web::Query<BookInput>,
) -> AppResult<HttpResponse> {
    let slug = path.into_inner().1;
    let mut form = query.into_inner();
    // A malformed date in the address is ignored, not an error.
    if bookings::parse_date(&form.date).is_none() {
        form.date.clear();
    }
    let verified = user.email_verified_at.is_some();
    form_page(page, &state, slug, form, FieldErrors::new(), StatusCode::OK, verified).await
}

pub async fn create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<BookInput>,
) -> AppResult<HttpResponse> {
    let slug = path.into_inner().1;
    if form.show_times.is_some() {
        // The same page with the chosen date's free times; what was typed stays (and no token in an address).
        let verified = user.email_verified_at.is_some();
        return form_page(page, &state, slug, form, FieldErrors::new(), StatusCode::OK, verified).await;
    }
    let actor = actor(&req, Some(user.id));
    let app = state.clone();
    let (s, f, u) = (slug.clone(), form.clone(), user.clone());
    let now = state.clock.now();
    let outcome = state
        .db
        .run(move |conn| bookings::create(conn, &crate::handlers::auth::email_context(&app), &u, &s, &f, now, &actor))
        .await?;
    match outcome {
        Ok((id, outcome)) => {
            deliver(&state, outcome.emails).await;
            crate::realtime::publish_all(&state, outcome.live).await;
            Ok(see_other(htmx, &page.href(&format!("/account/bookings/{id}?notice=request-sent"))))
        }
        Err(errors) => {
            let verified = user.email_verified_at.is_some();
            form_page(page, &state, slug, form, errors, StatusCode::UNPROCESSABLE_ENTITY, verified).await
        }
    }
}
