//! `GET /{lang}/admin/audit`: every admin action and security event, newest first, filtered by actor,
//! action, target and dates, 50 a page. Read-only: no route edits or deletes a row. The filter form is a
//! plain GET (HTMX swaps the results in place and keeps the URL).

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::audit_log::{self, AuditLog, Filter};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::web::auth::Admin;
use crate::web::listing::{Listing, day_bound};
use crate::web::{Page, render};

pub const PER_PAGE: i64 = 50;

/// The query string, every field as typed.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct AuditQuery {
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub target_id: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default, skip_serializing)]
    pub page: String,
}

impl Listing for AuditQuery {
    fn raw_page(&self) -> &str {
        &self.page
    }
}

impl AuditQuery {
    /// The filter, or None when a field cannot match anything (an unknown actor, a malformed id or date):
    /// the page then shows an empty list rather than ignoring what was asked.
    fn filter(&self, actor_id: Option<Option<i64>>) -> Option<Filter> {
        let text = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(|s| s.chars().take(100).collect::<String>());
        let target_id = match text(&self.target_id) {
            None => None,
            Some(s) => Some(s.parse::<i64>().ok()?),
        };
        Some(Filter {
            actor: actor_id,
            action: text(&self.action),
            target_kind: text(&self.target),
            target_id,
            from: day_bound(&self.from, false)?,
            to: day_bound(&self.to, true)?,
        })
    }
}

#[derive(Template)]
#[template(path = "admin/audit/index.html")]
pub struct AuditTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub query: AuditQuery,
    pub rows: Vec<(AuditLog, Option<String>)>,
    pub kinds: Vec<String>,
    pub current_page: i64,
    pub has_next: bool,
}

impl AuditTemplate {
    pub fn when(&self, row: &AuditLog) -> String {
        crate::web::format::datetime_long(&self.i18n, row.created_at)
    }

    /// Where the target can be seen in the back office, if it has a page there.
    pub fn target_href(&self, row: &AuditLog) -> Option<String> {
        match (row.target_kind.as_deref(), row.target_id) {
            (Some("booking"), Some(id)) => Some(self.page.href(&format!("/admin/bookings/{id}"))),
            _ => None,
        }
    }

    /// The change, as recorded: "old → new" (JSON, shortened).
    pub fn change(&self, row: &AuditLog) -> String {
        let short = |s: &Option<String>| s.as_deref().map(|s| s.chars().take(160).collect::<String>());
        match (short(&row.old_values), short(&row.new_values)) {
            (Some(old), Some(new)) => format!("{old} → {new}"),
            (None, Some(new)) => new,
            (Some(old), None) => old,
            (None, None) => String::new(),
        }
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<AuditQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let current_page = query.page();
    let q = query.clone();
    let (mut rows, kinds) = state
        .db
        .run(move |conn| {
            let actor = q.actor.trim();
            let actor_id = if actor.is_empty() {
                None
            } else if actor.eq_ignore_ascii_case("system") {
                Some(None)
            } else if let Ok(id) = actor.parse::<i64>() {
                Some(Some(id))
            } else {
                // An email (users are stored lower-case); unknown: nobody (-1 matches no row).
                let found = crate::db::models::user::find_by_email(conn, &actor.to_lowercase())?;
                Some(Some(found.map(|u| u.id).unwrap_or(-1)))
            };
            let rows = match q.filter(actor_id) {
                Some(filter) => audit_log::search(conn, &filter, (current_page - 1) * PER_PAGE, PER_PAGE + 1)?,
                None => Vec::new(),
            };
            Ok((rows, audit_log::target_kinds(conn)?))
        })
        .await?;
    let has_next = rows.len() as i64 > PER_PAGE;
    rows.truncate(PER_PAGE as usize);
    let tpl = AuditTemplate { i18n: page.i18n(), page, query, rows, kinds, current_page, has_next };
    Ok(crate::handlers::account::private(render(&tpl)?))
}
