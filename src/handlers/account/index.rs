//! `GET /{lang}/account`: the overview, with what is waiting on email verification.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::User;
use crate::db::models::audit_log::AuditLog;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::auth;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::{Page, render};

#[derive(Template)]
#[template(path = "account/index.html")]
pub struct AccountTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub user: User,
    pub last_events: Vec<AuditLog>,
    pub stats: crate::db::views::statistics::ClientStats,
}

pub async fn show(page: Page, state: web::Data<AppState>, CurrentUser(user): CurrentUser) -> AppResult<HttpResponse> {
    let viewer = user.clone();
    let now = state.clock.now();
    let (events, stats) = state
        .db
        .run(move |conn| {
            let (_, events) = auth::security_overview(conn, &viewer)?;
            Ok((events, crate::db::views::statistics::client(conn, viewer.id, now)?))
        })
        .await?;
    let last_events = events.into_iter().take(3).collect();
    Ok(super::private(render(&AccountTemplate { i18n: page.i18n(), page, user, last_events, stats })?))
}

/// The Fluent key naming a role.
pub fn role_key(role: &crate::db::types::UserRole) -> &'static str {
    match role {
        crate::db::types::UserRole::Client => "auth-role-client",
        crate::db::types::UserRole::Provider => "auth-role-provider",
        crate::db::types::UserRole::Admin => "account-role-admin",
    }
}
