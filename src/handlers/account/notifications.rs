//! `GET/POST /{lang}/account/notifications`: email on or off per kind of notification.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::notification_preference;
use crate::db::types::NotificationTopic;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::accounts;
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::see_other;
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "account/notifications.html")]
pub struct NotificationsTemplate {
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
    Ok(super::private(render(&NotificationsTemplate { i18n: page.i18n(), page, prefs })?))
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
    Ok(see_other(htmx, &page.href("/account/notifications?notice=notifications-saved")))
}
