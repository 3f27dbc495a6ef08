//! `/{lang}/admin/bookings`: every booking, filtered by status, dates, city, provider and client (HTMX in
//! place, a GET form without JavaScript), as CSV too; `/{lang}/admin/bookings/{id}`: a booking as the back
//! office sees it (both parties, the timeline, the reviews), and cancelling it with a reason; both parties
//! are told.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::booking::{self, AdminFilter, Booking};
use crate::db::types::BookingStatus;
use crate::i18n::I18n;
use crate::web::render;

use crate::domain::booking::{Action, Party};
use crate::error::AppResult;
use crate::handlers::account::bookings::{Feedback, booking_page, perform};
use crate::services::bookings::ActInput;
use crate::state::AppState;
use crate::web::auth::Admin;
use crate::web::listing::{Listing, day_bound};
use crate::web::{CsrfForm, Htmx, Page};

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    booking_page(page, &state, admin, id, Party::Admin, Feedback::default(), StatusCode::OK).await
}

/// `POST /{lang}/admin/bookings/{id}/cancel` (a reason is required).
pub async fn cancel(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ActInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    perform(req, htmx, page, state, admin, id, Party::Admin, Action::Cancel, form).await
}

pub const PER_PAGE: i64 = 30;
/// The CSV export's limit (the current filter's first rows).
pub const CSV_LIMIT: i64 = 10_000;

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct BookingsQuery {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub client: String,
    #[serde(default, skip_serializing)]
    pub page: String,
}

impl Listing for BookingsQuery {
    fn raw_page(&self) -> &str {
        &self.page
    }
}

impl BookingsQuery {
    /// The filter, or None when a field cannot match (an unknown city or client, a malformed date).
    fn filter(&self, conn: &mut crate::db::DbConn) -> Result<Option<AdminFilter>, crate::error::AppError> {
        let text = |s: &str| Some(s.trim().chars().take(100).collect::<String>()).filter(|s| !s.is_empty());
        let (Some(from), Some(to)) = (day_bound(&self.from, false), day_bound(&self.to, true)) else { return Ok(None) };
        let status = match text(&self.status) {
            None => None,
            Some(s) => match s.parse() {
                Ok(s) => Some(s),
                Err(_) => return Ok(None),
            },
        };
        let city_id = match text(&self.city) {
            None => None,
            Some(slug) => match crate::db::models::city::list_active(conn)?.into_iter().find(|c| c.slug == slug) {
                Some(c) => Some(c.id),
                None => return Ok(None),
            },
        };
        let client_id = match text(&self.client) {
            None => None,
            Some(c) => match c.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => match crate::db::models::user::find_by_email(conn, &c.to_lowercase())? {
                    Some(u) => Some(u.id),
                    None => return Ok(None),
                },
            },
        };
        Ok(Some(AdminFilter { status, from, to, city_id, provider: text(&self.provider), client_id }))
    }
}

#[derive(Template)]
#[template(path = "admin/bookings/index.html")]
pub struct BookingsTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub query: BookingsQuery,
    pub rows: Vec<(Booking, String, String)>,
    pub cities: Vec<crate::db::models::City>,
    pub statuses: &'static [BookingStatus],
    pub current_page: i64,
    pub has_next: bool,
}

impl BookingsTemplate {
    pub fn when(&self, t: &chrono::NaiveDateTime) -> String {
        crate::web::format::datetime_long(&self.i18n, *t)
    }
}

async fn load(
    state: &web::Data<AppState>,
    query: &BookingsQuery,
    offset: i64,
    limit: i64,
    // The reader's language for the service names (the CSV keeps the names as booked).
    i18n: Option<I18n>,
) -> AppResult<(Vec<(Booking, String, String)>, Vec<crate::db::models::City>)> {
    let q = query.clone();
    state
        .db
        .run(move |conn| {
            let mut rows = match q.filter(conn)? {
                Some(filter) => booking::admin_list(conn, &filter, offset, limit)?,
                None => Vec::new(),
            };
            if let Some(i18n) = i18n {
                booking::retitle(conn, rows.iter_mut().map(|(b, _, _)| b), crate::web::format::picker(i18n))?;
            }
            Ok((rows, crate::db::models::city::list_active(conn)?))
        })
        .await
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<BookingsQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let current_page = query.page();
    let (mut rows, cities) =
        load(&state, &query, (current_page - 1) * PER_PAGE, PER_PAGE + 1, Some(page.i18n())).await?;
    let has_next = rows.len() as i64 > PER_PAGE;
    rows.truncate(PER_PAGE as usize);
    let tpl = BookingsTemplate {
        i18n: page.i18n(),
        page,
        query,
        rows,
        cities,
        statuses: BookingStatus::ALL,
        current_page,
        has_next,
    };
    Ok(crate::handlers::account::private(render(&tpl)?))
}

/// `GET /{lang}/admin/bookings.csv?…`: the list as filtered, up to [`CSV_LIMIT`] rows.
pub async fn csv(
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<BookingsQuery>,
) -> AppResult<HttpResponse> {
    let (rows, _) = load(&state, &query, 0, CSV_LIMIT, None).await?;
    let time = |t: chrono::NaiveDateTime| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let header = "id,reference,status,scheduled_start,client,provider,title,price_cents,final_price_cents,created_at";
    let lines = rows.into_iter().map(|(b, client, provider)| {
        vec![
            b.id.to_string(),
            b.reference,
            b.status.as_str().to_string(),
            time(b.scheduled_start),
            client,
            provider,
            b.title,
            b.price_cents.map(|c| c.to_string()).unwrap_or_default(),
            b.final_price_cents.map(|c| c.to_string()).unwrap_or_default(),
            time(b.created_at),
        ]
    });
    Ok(crate::web::csv::response("khadamat-bookings.csv", header, lines))
}
