//! `/{lang}/account/notifications` (NotificationBell): the notification centre — newest first, each linking
//! to its object, mark read, mark all read, delete — and `/settings`: email on or off per topic.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::{notification, notification_preference};
use crate::db::types::NotificationTopic;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::i18n::Lang;
use crate::services::accounts;
use crate::services::notify;
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::see_other;
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "account/notifications/settings.html")]
pub struct SettingsTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub prefs: Vec<(NotificationTopic, bool, bool)>,
}

/// The Fluent key naming a topic.
pub fn topic_key(topic: &NotificationTopic) -> &'static str {
    match topic {
        NotificationTopic::Bookings => "account-notifications-bookings",
        NotificationTopic::Messages => "account-notifications-messages",
        NotificationTopic::Reviews => "account-notifications-reviews",
        NotificationTopic::Account => "account-notifications-account",
        NotificationTopic::News => "account-notifications-news",
    }
}

pub async fn edit(page: Page, state: web::Data<AppState>, CurrentUser(user): CurrentUser) -> AppResult<HttpResponse> {
    let prefs = state.db.run(move |conn| Ok(notification_preference::for_user(conn, user.id)?)).await?;
    Ok(super::private(render(&SettingsTemplate { i18n: page.i18n(), page, prefs })?))
}

pub async fn update(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    // Checked boxes arrive as email=BOOKINGS&email=MESSAGES…; unknown values are ignored.
    let on: Vec<NotificationTopic> =
        form.iter().filter(|(k, _)| k == "email").filter_map(|(_, v)| v.parse().ok()).collect();
    let actor = actor(&req, Some(user.id));
    state.db.run(move |conn| accounts::update_notifications(conn, &user, &on, &actor)).await?;
    Ok(see_other(htmx, &page.href("/account/notifications/settings?notice=preferences-saved")))
}

const PER_PAGE: i64 = 30;

/// A notification as shown: its sentence in the viewer's language and where it leads.
pub struct Shown {
    pub id: i64,
    pub text: String,
    pub href: Option<String>,
    pub unread: bool,
    pub when: String,
}

#[derive(Template)]
#[template(path = "account/notifications/index.html")]
pub struct CentreTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub items: Vec<Shown>,
    pub current_page: i64,
    pub last_page: i64,
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    query: web::Query<crate::handlers::messages::PageQuery>,
) -> AppResult<HttpResponse> {
    let current_page = query.page();
    let (rows, total) =
        state.db.run(move |conn| Ok(notification::page(conn, user.id, current_page, PER_PAGE)?)).await?;
    let i18n = page.i18n();
    let items = rows
        .into_iter()
        .map(|n| {
            let data: serde_json::Value = serde_json::from_str(&n.data).unwrap_or_default();
            let keys = notify::keys(n.kind, data.get("variant").and_then(|v| v.as_str()));
            let args = notify::arguments(&i18n, &data);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            // Links are stored without a language (older ones with one): shown in the page's language.
            let href = n.link.as_deref().map(|l| match Lang::from_code(l.get(1..3).unwrap_or("")) {
                Some(_) if l.get(3..4) == Some("/") => page.href(&l[3..]),
                _ => page.href(l),
            });
            Shown {
                id: n.id,
                text: i18n.t_with(keys.centre, &args),
                href,
                unread: n.read_at.is_none(),
                when: crate::web::format::datetime_long(&i18n, n.created_at),
            }
        })
        .collect();
    let last_page = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    Ok(super::private(render(&CentreTemplate { i18n, page, items, current_page, last_page })?))
}

/// `POST …/notifications/{id}/read`: marks one read and comes back to the list.
pub async fn read(
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let now = state.clock.now();
    let found = state.db.run(move |conn| Ok(notification::mark_read(conn, user.id, id, now)?)).await?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(see_other(htmx, &page.href("/account/notifications")))
}

pub async fn read_all(
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    state.db.run(move |conn| Ok(notification::mark_all_read(conn, user.id, now)?)).await?;
    Ok(see_other(htmx, &page.href("/account/notifications?notice=all-read")))
}

pub async fn destroy(
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let found = state.db.run(move |conn| Ok(notification::delete(conn, user.id, id)?)).await?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(see_other(htmx, &page.href("/account/notifications?notice=removed")))
}
