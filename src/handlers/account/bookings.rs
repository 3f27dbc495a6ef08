//! `/{lang}/account/bookings` (MesReservations): the client's bookings, upcoming and past, a booking's
//! page with its timeline, and cancelling. The booking page is shared with the provider's area.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::NaiveDateTime;

use crate::db::models::booking::{Booking, HistoryRow, Side};
use crate::db::types::BookingStatus;
use crate::domain::booking::{self as rules, Action, Party};
use crate::domain::review::ReviewInput;
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::bookings::{self, ActInput, Listing, Viewed};
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

pub const PER_PAGE: i64 = 20;

/// Where a party's bookings live.
pub fn area(party: Party) -> &'static str {
    match party {
        Party::Client => "/account/bookings",
        Party::Provider => "/provider/bookings",
        Party::Admin => "/admin/bookings",
    }
}

/// `?tab=upcoming|past&status=PENDING&page=2`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub tab: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub page: String,
}

impl ListQuery {
    pub fn status(&self) -> Option<BookingStatus> {
        self.status.parse().ok()
    }

    pub fn page(&self) -> i64 {
        self.page.parse::<i64>().unwrap_or(1).clamp(1, 10_000)
    }
}

#[derive(Template)]
#[template(path = "account/bookings/index.html")]
pub struct BookingsTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub listing: Listing,
    pub query: ListQuery,
    pub upcoming: bool,
    pub last_page: i64,
}

impl BookingsTemplate {
    pub fn when(&self, b: &Booking) -> String {
        crate::web::format::datetime_long(&self.i18n, b.scheduled_start)
    }

    pub fn count(&self, status: &BookingStatus) -> i64 {
        self.listing.counts.iter().find(|(s, _)| s == status).map(|(_, n)| *n).unwrap_or(0)
    }

    pub fn tab_href(&self, tab: &str, status: &str) -> String {
        let mut href = format!("/account/bookings?tab={tab}");
        if !status.is_empty() {
            href.push_str(&format!("&status={status}"));
        }
        self.page.href(&href)
    }

    pub fn tab(&self) -> &'static str {
        if self.upcoming { "upcoming" } else { "past" }
    }

    pub fn page_href(&self, n: &i64) -> String {
        format!("{}&page={n}", self.tab_href(self.tab(), &self.query.status))
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let upcoming = query.tab != "past";
    let statuses: Vec<BookingStatus> = query.status().into_iter().collect();
    let now = state.clock.now();
    let n = query.page();
    let pick = crate::web::format::picker(page.i18n());
    let listing = state
        .db
        .run(move |conn| {
            bookings::list(conn, Side::Client(user.id), Some(upcoming), &statuses, now, (n, PER_PAGE), pick)
        })
        .await?;
    let last_page = ((listing.total + PER_PAGE - 1) / PER_PAGE).max(1);
    let tpl = BookingsTemplate { i18n: page.i18n(), page, listing, query, upcoming, last_page };
    Ok(super::private(render_status(StatusCode::OK, &tpl)?))
}

#[derive(Template)]
#[template(path = "bookings/show.html")]
pub struct BookingTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub v: Viewed,
    pub history: Vec<HistoryRow>,
    pub actions: Vec<Action>,
    /// A refusal or a form error to show (Fluent key).
    pub error: Option<&'static str>,
    pub error_field: Option<&'static str>,
    pub now: NaiveDateTime,
    pub form: ActInput,
    pub reviews: crate::services::reviews::Panel,
    pub review: ReviewFeedback,
    /// For the back office: the pair's latest written messages (the timeline has the booking events).
    pub conversation: Vec<crate::db::models::conversation::Message>,
    /// The provider's photo and the client's avatar, where they set one.
    pub faces: crate::web::picture::Faces,
}

/// The review form as posted, with its errors (empty on a plain visit).
#[derive(Default)]
pub struct ReviewFeedback {
    pub input: ReviewInput,
    pub errors: FieldErrors,
    /// A rule that refused the review (Fluent key).
    pub refusal: Option<&'static str>,
}

impl BookingTemplate {
    pub fn is_client(&self) -> bool {
        self.v.party == Party::Client
    }

    pub fn title(&self) -> String {
        self.i18n.t_with("booking-title", [("reference", self.v.booking.reference.as_str())])
    }

    /// The title around its reference, which is shown unbroken (a phone would split "KH-000014" at the hyphen).
    pub fn title_around_reference(&self) -> (String, String) {
        let title = self.title();
        let reference = self.v.booking.reference.as_str();
        title.split_once(reference).map(|(a, b)| (a.to_string(), b.to_string())).unwrap_or_default()
    }

    pub fn provider_href(&self) -> String {
        self.page.href(&format!("/providers/{}", self.v.provider.slug))
    }

    /// The list this booking belongs to, for the back link (the back office has its own navigation).
    pub fn list_link(&self) -> Option<(String, &'static str)> {
        match self.v.party {
            Party::Client => Some((self.page.href(area(Party::Client)), "bookings-title")),
            Party::Provider => Some((self.page.href(area(Party::Provider)), "missions-title")),
            Party::Admin => None,
        }
    }

    pub fn when(&self, t: &NaiveDateTime) -> String {
        crate::web::format::datetime_long(&self.i18n, *t)
    }

    pub fn end_time(&self) -> String {
        crate::web::format::time_local(self.v.booking.scheduled_end)
    }

    pub fn price(&self) -> String {
        let b = &self.v.booking;
        crate::web::format::service_price(&self.i18n, b.pricing_unit, b.price_cents)
    }

    pub fn paid(&self) -> Option<String> {
        self.v.booking.final_price_cents.map(|c| self.i18n.price(c))
    }

    pub fn client_name(&self) -> String {
        crate::db::models::booking::short_name(&self.v.client.first_name, &self.v.client.last_name)
    }

    pub fn provider_initials(&self) -> String {
        crate::web::picture::initials(&self.v.provider.display_name)
    }

    pub fn client_initials(&self) -> String {
        crate::web::picture::initials(&format!("{} {}", self.v.client.first_name, self.v.client.last_name))
    }

    pub fn reason_text(&self, reason: &str) -> String {
        crate::web::format::booking_reason(&self.i18n, reason)
    }

    pub fn can(&self, action: &str) -> bool {
        self.actions.iter().any(|a| format!("{a:?}").eq_ignore_ascii_case(action))
    }

    /// Where the action forms post.
    pub fn action_href(&self, action: &str) -> String {
        self.page.href(&format!("{}/{}/{action}", area(self.v.party), self.v.booking.id))
    }

    /// The pair's conversation, for the parties (the back office reads it elsewhere).
    pub fn conversation_href(&self) -> Option<String> {
        let id = self.v.conversation_id.filter(|_| self.v.party != Party::Admin)?;
        Some(self.page.href(&format!("/messages/{id}")))
    }

    /// The other party's phone, once the job is confirmed (for a call or WhatsApp).
    pub fn phone(&self) -> Option<&str> {
        if !rules::holds_slot(self.v.booking.status) {
            return None;
        }
        match self.v.party {
            Party::Client => self.v.provider_phone.as_deref(),
            _ => self.v.client.phone.as_deref(),
        }
    }

    /// The client's free cancellation ends 24 hours before the start.
    pub fn cancel_is_late(&self) -> bool {
        rules::is_late_cancellation(self.v.booking.status, self.v.party, self.now, self.v.booking.scheduled_start)
    }

    pub fn answer_by(&self) -> String {
        self.when(&self.v.booking.expires_at)
    }

    /// Where the review form posts (and `…/delete`).
    pub fn review_href(&self) -> String {
        self.page.href(&format!("{}/{}/review", area(self.v.party), self.v.booking.id))
    }

    /// The review form's values: as posted after an error, else the pending review's, else empty.
    pub fn review_value(&self, field: &str) -> String {
        let posted = &self.review.input;
        if !self.review.errors.is_empty() || self.review.refusal.is_some() {
            return match field {
                "rating" => posted.rating.clone(),
                "punctuality" => posted.punctuality.clone(),
                "quality" => posted.quality.clone(),
                "value" => posted.value.clone(),
                _ => posted.comment.clone(),
            };
        }
        let Some(r) = &self.reviews.mine else { return String::new() };
        let stars = |v: Option<i16>| v.map(|n| n.to_string()).unwrap_or_default();
        match field {
            "rating" => r.rating.to_string(),
            "punctuality" => stars(r.punctuality),
            "quality" => stars(r.quality),
            "value" => stars(r.value),
            _ => r.comment.clone(),
        }
    }

    /// Who wrote a review, as this page's viewer knows them.
    pub fn review_author(&self, r: &crate::db::models::review::Review) -> String {
        if r.direction == crate::db::types::ReviewDirection::ClientToProvider {
            self.client_name()
        } else {
            self.v.provider.display_name.clone()
        }
    }

    /// Who wrote a message of the pair's conversation.
    pub fn sender(&self, m: &crate::db::models::conversation::Message) -> String {
        if m.sender_id == Some(self.v.client.id) { self.client_name() } else { self.v.provider.display_name.clone() }
    }

    pub fn client_rating(&self) -> String {
        self.i18n.decimal(self.v.client.rating_avg, 1)
    }

    pub fn review_deadline(&self) -> String {
        self.reviews.deadline.map(|t| self.when(&t)).unwrap_or_default()
    }
}

/// What a booking page shows besides the booking: an action's refusal and form, or the review form's.
#[derive(Default)]
pub struct Feedback {
    pub error: Option<(&'static str, Option<&'static str>)>,
    pub form: ActInput,
    pub review: ReviewFeedback,
}

/// The booking page for one party, optionally with a refusal; `status` is the HTTP status.
pub async fn booking_page(
    page: Page,
    state: &web::Data<AppState>,
    user: crate::db::models::User,
    id: i64,
    party: Party,
    feedback: Feedback,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let pick = crate::web::format::picker(page.i18n());
    let (v, history, reviews, conversation, faces) = state
        .db
        .run(move |conn| {
            let mut v = bookings::view(conn, &user, id, party)?;
            let faces = crate::db::models::media::faces(conn, v.provider.photo_media_id, v.client.avatar_media_id)?;
            crate::db::models::booking::retitle(conn, [&mut v.booking], pick)?;
            let history = crate::db::models::booking::history(conn, id)?;
            let reviews = crate::services::reviews::panel(conn, &v.booking, party, now)?;
            let conversation = match (party, v.conversation_id) {
                (Party::Admin, Some(c)) => crate::db::models::conversation::messages_page(conn, c, None, 50)?
                    .into_iter()
                    .filter(|m| m.kind == crate::db::types::MessageKind::User)
                    .collect(),
                _ => Vec::new(),
            };
            Ok((v, history, reviews, conversation, faces))
        })
        .await?;
    let Feedback { error, form, review } = feedback;
    let actions = rules::available(v.booking.status, party, now, v.booking.scheduled_start);
    let tpl = BookingTemplate {
        i18n: page.i18n(),
        page,
        v,
        history,
        actions,
        error: error.map(|e| e.0),
        error_field: error.and_then(|e| e.1),
        now,
        form,
        reviews,
        review,
        conversation,
        faces: crate::web::picture::Faces::of(faces),
    };
    Ok(super::private(render_status(status, &tpl)?))
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    booking_page(page, &state, user, id, Party::Client, Feedback::default(), StatusCode::OK).await
}

#[allow(clippy::too_many_arguments)]
/// Applies an action for a party and answers: 303 to the booking, or the page with the refusal.
pub async fn perform(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    user: crate::db::models::User,
    id: i64,
    party: Party,
    action: Action,
    form: ActInput,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let app = state.clone();
    let (u, f) = (user.clone(), form.clone());
    let now = state.clock.now();
    let outcome = state
        .db
        .run(move |conn| {
            bookings::act(conn, &crate::handlers::auth::email_context(&app), &u, id, party, action, &f, now, &actor)
        })
        .await?;
    match outcome {
        Ok(outcome) => {
            deliver(&state, outcome.emails).await;
            crate::realtime::publish_all(&state, outcome.live).await;
            Ok(see_other(htmx, &page.href(&format!("{}/{id}?notice=status-changed", area(party)))))
        }
        Err((key, field)) => {
            let status = if field.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::CONFLICT };
            let feedback = Feedback { error: Some((key, field)), form, ..Feedback::default() };
            booking_page(page, &state, user, id, party, feedback, status).await
        }
    }
}

/// `POST /{lang}/account/bookings/{id}/cancel`.
pub async fn cancel(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ActInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    perform(req, htmx, page, state, user, id, Party::Client, Action::Cancel, form).await
}
