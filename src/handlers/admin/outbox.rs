//! `/{lang}/admin/outbox`: the email queue (`services::outbox`) — emails waiting for a retry, given up
//! (with their last error), sent — and "retry now".

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::outbox::OutboxEmail;
use crate::db::types::OutboxStatus;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::outbox::Overview;
use crate::state::AppState;
use crate::web::auth::{Admin, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

pub const PER_PAGE: i64 = 30;

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub tab: String,
    #[serde(default)]
    pub page: String,
}

#[derive(Template)]
#[template(path = "admin/outbox/index.html")]
pub struct ListTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub tab: OutboxStatus,
    pub overview: Overview,
    pub current_page: i64,
    pub has_next: bool,
}

/// The tabs: status, its name in the URL, its label's key.
pub const TABS: [(OutboxStatus, &str, &str); 3] = [
    (OutboxStatus::Pending, "pending", "admin-outbox-pending"),
    (OutboxStatus::Failed, "failed", "admin-outbox-failed"),
    (OutboxStatus::Sent, "sent", "admin-outbox-sent"),
];

impl ListTemplate {
    pub fn when(&self, t: &chrono::NaiveDateTime) -> String {
        crate::web::format::datetime_long(&self.i18n, *t)
    }

    pub fn count(&self, status: &OutboxStatus) -> i64 {
        match status {
            OutboxStatus::Pending => self.overview.pending,
            OutboxStatus::Failed => self.overview.failed,
            OutboxStatus::Sent => self.overview.sent,
        }
    }

    pub fn tab_href(&self, name: &str, n: i64) -> String {
        self.page.href(&format!("/admin/outbox?tab={name}&page={n}"))
    }

    pub fn page_href(&self, n: i64) -> String {
        let name = TABS.iter().find(|(s, _, _)| *s == self.tab).map_or("pending", |(_, name, _)| name);
        self.tab_href(name, n)
    }

    /// Whether "retry now" applies: not sent, and not being sent by a sender right now.
    pub fn can_retry(&self, e: &OutboxEmail) -> bool {
        e.status != OutboxStatus::Sent && e.claimed_until.is_none_or(|t| t <= crate::db::now())
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let tab = TABS.iter().find(|(_, name, _)| *name == query.tab).map_or(OutboxStatus::Pending, |(s, _, _)| *s);
    let n = query.page.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let mut overview = state
        .db
        .run(move |conn| crate::services::outbox::overview(conn, tab, (n - 1) * PER_PAGE, PER_PAGE + 1))
        .await?;
    let has_next = overview.emails.len() as i64 > PER_PAGE;
    overview.emails.truncate(PER_PAGE as usize);
    let tpl = ListTemplate { i18n: page.i18n(), page, tab, overview, current_page: n, has_next };
    Ok(crate::handlers::account::private(render_status(StatusCode::OK, &tpl)?))
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct RetryForm {
    #[serde(default)]
    pub tab: String,
}

/// `POST /{lang}/admin/outbox/{id}/retry`: due at once, with a new day of retries; the sender is woken.
pub async fn retry(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<RetryForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let actor = actor(&req, Some(admin.id));
    let queued = state.db.run(move |conn| crate::services::outbox::retry_now(conn, id, &actor)).await?;
    crate::state::deliver(&state, queued).await;
    let retried = !queued.is_empty();
    let tab = TABS.iter().find(|(_, name, _)| *name == form.tab).map_or("pending", |(_, name, _)| name);
    let notice = if retried { "outbox-retried" } else { "outbox-busy" };
    Ok(see_other(htmx, &page.href(&format!("/admin/outbox?tab={tab}&notice={notice}"))))
}
