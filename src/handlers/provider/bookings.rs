//! `/{lang}/provider/bookings` (Missions): pending requests first with the time left to answer, the week's
//! agenda, the history with filters by status; accept, reject, start, complete, cancel.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::db::models::booking::{self, Booking, Side};
use crate::db::types::BookingStatus;
use crate::domain::booking::{Action, Party};
use crate::error::{AppError, AppResult};
use crate::handlers::account::bookings::{Feedback, ListQuery, PER_PAGE, booking_page, perform};
use crate::i18n::I18n;
use crate::services::bookings::{self, ActInput, Listing};
use crate::state::AppState;
use crate::web::auth::CurrentProvider;
use crate::web::render::render_status;
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct MissionsQuery {
    #[serde(flatten)]
    pub list: ListQuery,
    /// Monday of the agenda's week (YYYY-MM-DD).
    #[serde(default)]
    pub week: String,
}

#[derive(Template)]
#[template(path = "provider/bookings/index.html")]
pub struct MissionsTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub pending: Vec<(Booking, String)>,
    pub listing: Listing,
    pub query: MissionsQuery,
    pub week: NaiveDate,
    pub agenda: Vec<(NaiveDate, Vec<Booking>)>,
    pub now: NaiveDateTime,
    pub last_page: i64,
}

impl MissionsTemplate {
    pub fn when(&self, b: &Booking) -> String {
        crate::web::format::datetime_long(&self.i18n, b.scheduled_start)
    }

    pub fn day(&self, d: &NaiveDate) -> String {
        crate::web::format::date_long(&self.i18n, *d)
    }

    pub fn weekday(&self, d: &NaiveDate) -> &'static str {
        crate::handlers::public::providers::weekday_key(&(d.weekday().number_from_monday() as i16))
    }

    pub fn time(&self, b: &Booking) -> String {
        format!(
            "{}–{}",
            crate::web::format::time_local(b.scheduled_start),
            crate::web::format::time_local(b.scheduled_end)
        )
    }

    /// "5 h 20 min" left to answer.
    pub fn time_left(&self, b: &Booking) -> String {
        let minutes = (b.expires_at - self.now).num_minutes().max(0);
        self.i18n.t_numbers("missions-time-left", &[("hours", minutes / 60), ("minutes", minutes % 60)])
    }

    /// Nothing booked all week: one sentence instead of seven empty days.
    pub fn week_is_free(&self) -> bool {
        self.agenda.iter().all(|(_, jobs)| jobs.is_empty())
    }

    pub fn count(&self, status: &BookingStatus) -> i64 {
        self.listing.counts.iter().find(|(s, _)| s == status).map(|(_, n)| *n).unwrap_or(0)
    }

    pub fn filter_href(&self, status: &str) -> String {
        if status.is_empty() {
            self.page.href("/provider/bookings")
        } else {
            self.page.href(&format!("/provider/bookings?status={status}"))
        }
    }

    pub fn week_href(&self, days: i64) -> String {
        self.page.href(&format!("/provider/bookings?week={}", (self.week + Duration::days(days)).format("%Y-%m-%d")))
    }

    pub fn page_href(&self, n: &i64) -> String {
        self.page.href(&format!("/provider/bookings?status={}&page={n}", self.query.list.status))
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    query: web::Query<MissionsQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let now = state.clock.now();
    let today = crate::domain::schedule::to_local(now).date();
    // The Monday of the asked week (this week by default).
    let day = bookings::parse_date(&query.week).unwrap_or(today);
    let week = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let statuses: Vec<BookingStatus> = query.list.status().into_iter().collect();
    let n = query.list.page();
    let i18n = page.i18n();
    let (pending, listing, agenda) = state
        .db
        .run(move |conn| {
            let provider = bookings_provider(conn, &user)?;
            let side = Side::Provider(provider);
            // The most urgent first.
            let pick = crate::web::format::picker(i18n);
            let mut pending = bookings::list(conn, side, None, &[BookingStatus::Pending], now, (1, 50), pick)?.bookings;
            pending.sort_by_key(|(b, _)| b.expires_at);
            let listing = bookings::list(conn, side, None, &statuses, now, (n, PER_PAGE), pick)?;
            let from = crate::domain::schedule::local_to_utc(week.and_hms_opt(0, 0, 0).unwrap_or_default())
                .unwrap_or_default();
            let mut jobs = booking::agenda(conn, provider, from, from + Duration::days(7))?;
            booking::retitle(conn, jobs.iter_mut(), pick)?;
            Ok((pending, listing, jobs))
        })
        .await?;
    let agenda = (0..7)
        .map(|i| {
            let day = week + Duration::days(i);
            let jobs = agenda
                .iter()
                .filter(|b| crate::domain::schedule::to_local(b.scheduled_start).date() == day)
                .cloned()
                .collect();
            (day, jobs)
        })
        .collect();
    let last_page = ((listing.total + PER_PAGE - 1) / PER_PAGE).max(1);
    let tpl = MissionsTemplate { i18n: page.i18n(), page, pending, listing, query, week, agenda, now, last_page };
    Ok(crate::handlers::account::private(render_status(StatusCode::OK, &tpl)?))
}

/// The signed-in provider's profile id (a provider account without a profile has no missions yet).
fn bookings_provider(conn: &mut crate::db::DbConn, user: &crate::db::models::User) -> Result<i64, AppError> {
    crate::db::models::provider::id_for_user(conn, user.id)?.ok_or(AppError::NoProviderProfile)
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    booking_page(page, &state, user, id, Party::Provider, Feedback::default(), StatusCode::OK).await
}

/// `POST /{lang}/provider/bookings/{id}/{accept|reject|start|complete|cancel}`.
#[allow(clippy::too_many_arguments)]
pub async fn act(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64, String)>,
    CsrfForm(form): CsrfForm<ActInput>,
) -> AppResult<HttpResponse> {
    let (_, id, name) = path.into_inner();
    let action = match name.as_str() {
        "accept" => Action::Accept,
        "reject" => Action::Reject,
        "start" => Action::Start,
        "complete" => Action::Complete,
        "cancel" => Action::Cancel,
        _ => return Err(AppError::NotFound),
    };
    perform(req, htmx, page, state, user, id, Party::Provider, action, form).await
}
