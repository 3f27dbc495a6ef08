//! `/{lang}/account/notifications` (NotificationBell): the notification centre — newest first, each linking
//! to its object, mark read, mark all read, delete — and `/settings`: email and push on or off per topic, and
//! the devices that receive push (`/account/push`).

use actix_web::http::header::{LOCATION, USER_AGENT};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::notification_preference::Preference;
use crate::db::models::push_subscription::{self, PushSubscription};
use crate::db::models::{notification, notification_preference};
use crate::db::types::NotificationTopic;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::i18n::Lang;
use crate::services::accounts;
use crate::services::{notify, push};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::see_other;
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "account/notifications/settings.html")]
pub struct SettingsTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub prefs: Vec<Preference>,
    /// The devices that receive push.
    pub devices: Vec<PushSubscription>,
    /// The server's VAPID public key (none: push is off on this server).
    pub push_key: Option<String>,
}

impl SettingsTemplate {
    pub fn since(&self, device: &PushSubscription) -> String {
        crate::web::format::date_long(&self.i18n, crate::domain::schedule::to_local(device.created_at).date())
    }
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
    let (prefs, devices) = state
        .db
        .run(move |conn| {
            Ok((notification_preference::for_user(conn, user.id)?, push_subscription::for_user(conn, user.id)?))
        })
        .await?;
    let push_key = state.pusher.public_key().map(str::to_string);
    Ok(super::private(render(&SettingsTemplate { i18n: page.i18n(), page, prefs, devices, push_key })?))
}

/// `POST /{lang}/account/push`: push on for this browser (its subscription, sent by `static/js/push.js`).
pub async fn subscribe(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<push::SubscriptionInput>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let agent = req.headers().get(USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let production = state.config.env.is_production();
    match state.db.run(move |conn| push::subscribe(conn, &user, &form, &agent, production, &actor)).await? {
        Ok(_) => Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, page.href("/account/notifications/settings?notice=device-added")))
            .finish()),
        Err(refused) => Ok(HttpResponse::UnprocessableEntity()
            .content_type("text/plain; charset=utf-8")
            .body(page.i18n().t(refused.key()))),
    }
}

/// `POST /{lang}/account/push/{id}/delete`: no more push to that device.
pub async fn unsubscribe(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(_): CsrfForm<super::Empty>,
) -> AppResult<HttpResponse> {
    let (id, actor) = (path.into_inner().1, actor(&req, Some(user.id)));
    state.db.run(move |conn| push::unsubscribe(conn, &user, id, &actor)).await?;
    Ok(see_other(htmx, &page.href("/account/notifications/settings?notice=device-removed")))
}

pub async fn update(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<Vec<(String, String)>>,
) -> AppResult<HttpResponse> {
    // Checked boxes arrive as email=BOOKINGS&push=MESSAGES…; unknown values are ignored.
    let on = |channel: &str| -> Vec<NotificationTopic> {
        form.iter().filter(|(k, _)| k == channel).filter_map(|(_, v)| v.parse().ok()).collect()
    };
    let (email, push) = (on("email"), on("push"));
    let actor = actor(&req, Some(user.id));
    state.db.run(move |conn| accounts::update_notifications(conn, &user, &email, &push, &actor)).await?;
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
