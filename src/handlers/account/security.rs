//! `/{lang}/account/security`: last sign-in, active sessions, recent security events, change password,
//! change email.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::User;
use crate::db::models::audit_log::AuditLog;
use crate::domain::validation::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::auth::{self, ChangeEmailInput, ChangePasswordInput};
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentUser, actor};
use crate::web::format;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, session};

use super::Empty;

/// A session as listed.
pub struct SessionRow {
    pub id: i64,
    pub device: String,
    pub ip: String,
    pub last_seen: String,
    pub current: bool,
}

/// A security event as listed.
pub struct EventRow {
    pub key: &'static str,
    pub at: String,
    pub ip: String,
}

#[derive(Template)]
#[template(path = "account/security.html")]
pub struct SecurityTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub user: User,
    pub last_login: String,
    pub sessions: Vec<SessionRow>,
    pub events: Vec<EventRow>,
    pub errors: FieldErrors,
    pub new_email: String,
    pub recovery_left: usize,
}

/// The Fluent key describing an audit action to the user.
pub fn event_key(action: &str) -> &'static str {
    match action {
        "auth.login" => "account-event-login",
        "auth.login_failed" => "account-event-login-failed",
        "auth.lockout" => "account-event-lockout",
        "auth.second_factor_failed" => "account-event-second-factor-failed",
        "auth.logout" => "account-event-logout",
        "auth.registered" => "account-event-registered",
        "auth.email_verified" => "account-event-email-verified",
        "auth.password_changed" | "auth.password_reset" => "account-event-password-changed",
        "auth.password_reset_requested" => "account-event-password-reset-requested",
        "auth.session_revoked" | "auth.sessions_revoked" => "account-event-sessions-revoked",
        "auth.two_factor_enabled" => "account-event-two-factor-enabled",
        "auth.two_factor_disabled" => "account-event-two-factor-disabled",
        "account.email_changed" => "account-event-email-changed",
        "account.email_change_requested" => "account-event-email-change-requested",
        "account.profile_updated" => "account-event-profile-updated",
        _ => "account-event-other",
    }
}

async fn page_for(
    page: Page,
    state: &web::Data<AppState>,
    session: &Session,
    user: User,
    errors: FieldErrors,
    new_email: String,
) -> AppResult<SecurityTemplate> {
    let sid = session::sid(session);
    let viewer = user.clone();
    let (rows, events, current) = state
        .db
        .run(move |conn| {
            let (rows, events) = auth::security_overview(conn, &viewer)?;
            let current = auth::current_session_ids(conn, viewer.id, sid.as_deref())?;
            Ok((rows, events, current))
        })
        .await?;
    let i18n = page.i18n();
    let sessions = rows
        .into_iter()
        .map(|s| SessionRow {
            id: s.id,
            device: s
                .user_agent
                .as_deref()
                .and_then(crate::domain::device::describe)
                .unwrap_or_else(|| i18n.t("account-session-unknown-device")),
            ip: s.ip_address.unwrap_or_default(),
            last_seen: format::datetime_long(&i18n, s.last_seen_at),
            current: current.contains(&s.id),
        })
        .collect();
    let events = events
        .into_iter()
        .map(|e: AuditLog| EventRow {
            key: event_key(&e.action),
            at: format::datetime_long(&i18n, e.created_at),
            ip: e.ip_address.unwrap_or_default(),
        })
        .collect();
    let last_login = user.last_login_at.map(|t| format::datetime_long(&i18n, t)).unwrap_or_default();
    let recovery_left = auth::recovery_codes_left(&user);
    Ok(SecurityTemplate { i18n, page, user, last_login, sessions, events, errors, new_email, recovery_left })
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    session: Session,
    CurrentUser(user): CurrentUser,
) -> AppResult<HttpResponse> {
    let tpl = page_for(page, &state, &session, user, FieldErrors::new(), String::new()).await?;
    Ok(super::private(render_status(StatusCode::OK, &tpl)?))
}

fn keep(
    state: &web::Data<AppState>,
    session: &Session,
    user_id: i64,
) -> impl std::future::Future<Output = Result<Vec<i64>, AppError>> {
    let sid = session::sid(session);
    let state = state.clone();
    async move { state.db.run(move |conn| auth::current_session_ids(conn, user_id, sid.as_deref())).await }
}

pub async fn update_password(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    session: Session,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<ChangePasswordInput>,
) -> AppResult<HttpResponse> {
    let keep = keep(&state, &session, user.id).await?;
    let actor = actor(&req, Some(user.id));
    let (app, viewer) = (state.clone(), user.clone());
    let outcome = state
        .db
        .run(move |conn| {
            auth::change_password(conn, &viewer, &form, &keep, &actor, &crate::handlers::auth::email_context(&app))
        })
        .await?;
    match outcome {
        Ok(emails) => {
            deliver(&state, emails).await;
            crate::realtime::sessions_ended(&state, user.id).await;
            Ok(see_other(htmx, &page.href("/account/security?notice=password-changed")))
        }
        Err(errors) => {
            let tpl = page_for(page, &state, &session, user, errors, String::new()).await?;
            Ok(super::private(render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl)?))
        }
    }
}

pub async fn update_email(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    session: Session,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<ChangeEmailInput>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let (app, viewer, input) = (state.clone(), user.clone(), form.clone());
    let outcome = state
        .db
        .run(move |conn| {
            auth::request_email_change(conn, &viewer, &input, &actor, &crate::handlers::auth::email_context(&app))
        })
        .await?;
    match outcome {
        Ok(emails) => {
            deliver(&state, emails).await;
            Ok(see_other(htmx, &page.href("/account/security?notice=new-email-sent")))
        }
        Err(errors) => {
            let tpl = page_for(page, &state, &session, user, errors, form.new_email).await?;
            Ok(super::private(render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl)?))
        }
    }
}

#[derive(Template)]
#[template(path = "account/email_confirm.html")]
pub struct EmailConfirmTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub token: String,
    pub problem_key: &'static str,
}

/// The link from the new address shows a button (mail scanners follow links; only a person posts).
pub async fn confirm_email(page: Page, path: web::Path<(String, String)>) -> AppResult<HttpResponse> {
    let token = path.into_inner().1;
    let mut res =
        render_status(StatusCode::OK, &EmailConfirmTemplate { i18n: page.i18n(), page, token, problem_key: "" })?;
    res.headers_mut().insert(
        actix_web::http::header::REFERRER_POLICY,
        actix_web::http::header::HeaderValue::from_static("no-referrer"),
    );
    Ok(super::private(res))
}

pub async fn confirm_email_create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner().1;
    let actor = actor(&req, page.user.as_ref().map(|u| u.id));
    let (app, secret) = (state.clone(), token.clone());
    let outcome = state
        .db
        .run(move |conn| auth::confirm_email_change(conn, &secret, &actor, &crate::handlers::auth::email_context(&app)))
        .await?;
    match outcome {
        Ok(emails) => {
            deliver(&state, emails).await;
            let target = if page.user.is_some() {
                "/account/security?notice=new-email-confirmed"
            } else {
                "/login?notice=new-email-confirmed"
            };
            Ok(see_other(htmx, &page.href(target)))
        }
        Err(problem) => render_status(
            StatusCode::BAD_REQUEST,
            &EmailConfirmTemplate {
                i18n: page.i18n(),
                page,
                token,
                problem_key: crate::handlers::auth::verify_email::problem_key(problem),
            },
        ),
    }
}

pub async fn revoke_session(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let session_id = path.into_inner().1;
    let actor = actor(&req, Some(user.id));
    let id = user.id;
    let ended = state.db.run(move |conn| auth::revoke_session(conn, &user, session_id, &actor)).await?;
    if !ended {
        return Err(AppError::NotFound);
    }
    crate::realtime::sessions_ended(&state, id).await;
    Ok(see_other(htmx, &page.href("/account/security?notice=session-revoked")))
}

pub async fn revoke_others(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    session: Session,
    CurrentUser(user): CurrentUser,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let keep = keep(&state, &session, user.id).await?;
    let actor = actor(&req, Some(user.id));
    let id = user.id;
    state.db.run(move |conn| auth::revoke_other_sessions(conn, &user, &keep, &actor)).await?;
    crate::realtime::sessions_ended(&state, id).await;
    Ok(see_other(htmx, &page.href("/account/security?notice=sessions-revoked")))
}
