//! `GET/POST /{lang}/login`, the second factor at `/{lang}/login/two-factor`, `POST /{lang}/logout`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::User;
use crate::db::types::UserRole;
use crate::error::{AppError, AppResult};
use crate::handlers::auth::after_login;
use crate::i18n::I18n;
use crate::services::auth::{self, LoginOutcome};
use crate::state::AppState;
use crate::web::auth::{actor, client_ip};
use crate::web::render::{redirect, render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, render, session};

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct LoginInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub remember: Option<String>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "auth/login.html")]
pub struct LoginTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub email: String,
    pub next: String,
    pub error_key: &'static str,
    pub wait_minutes: i64,
}

#[derive(Template)]
#[template(path = "auth/two_factor.html")]
pub struct TwoFactorTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub next: String,
    pub error_key: &'static str,
}

#[derive(serde::Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn new(page: Page, query: web::Query<NextQuery>) -> AppResult<HttpResponse> {
    let next = super::explicit_next(query.next.as_deref(), page.lang);
    if let Some(user) = &page.user {
        return Ok(redirect(&landing(user, Some(&next))));
    }
    render(&LoginTemplate { i18n: page.i18n(), page, email: String::new(), next, error_key: "", wait_minutes: 0 })
}

/// Starts the signed-in session: a new session id (no fixation), who and from where.
fn start_session(session: &Session, req: &HttpRequest, user: &User, remember: bool) -> Result<(), AppError> {
    let ua: String =
        req.headers().get("user-agent").and_then(|v| v.to_str().ok()).unwrap_or("").chars().take(300).collect();
    // Keep only what an anonymous visitor asked to finish after signing in.
    let after_login = after_login::take(session);
    session.clear();
    // A new session id on sign-in: a session id planted before it is worthless.
    session.renew();
    let insert = |key: &str, value: serde_json::Value| {
        session.insert(key, value).map_err(|e| AppError::internal(format!("session: {e}")))
    };
    if let Some(action) = after_login {
        after_login::remember(session, action)?;
    }
    insert(session::USER_ID, user.id.into())?;
    insert(session::SID, crate::domain::token::random().into())?;
    // Administrators are never remembered (see `domain::session`).
    let admin = user.role == UserRole::Admin;
    insert(session::REMEMBER, (remember && !admin).into())?;
    insert(session::ADMIN, admin.into())?;
    insert(session::IP, client_ip(req).unwrap_or_default().into())?;
    insert(session::USER_AGENT, ua.into())?;
    Ok(())
}

/// Where a freshly signed-in user goes: admins without 2FA must set it up first; everyone else to the
/// page they came from (an explicit `next`), or to their account in the language it is set to.
fn landing(user: &User, next: Option<&str>) -> String {
    let lang = crate::services::emails::lang_of(user.locale);
    if user.role == UserRole::Admin && !user.two_factor_enabled {
        format!("/{}/account/two-factor?notice=needs-2fa", lang.code())
    } else {
        super::safe_next(next, lang)
    }
}

pub async fn create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<LoginInput>,
) -> AppResult<HttpResponse> {
    let next = super::explicit_next(form.next.as_deref(), page.lang);
    let actor = actor(&req, None);
    let (email, password) = (form.email.clone(), form.password.clone());
    let outcome = state.db.run(move |conn| auth::login(conn, &email, &password, &actor)).await?;
    let remember = form.remember.as_deref() == Some("yes");
    match outcome {
        LoginOutcome::Success(user) => {
            start_session(&session, &req, &user, remember)?;
            let target = match after_login::finish(&session, &state, &user, page.lang).await {
                Some(target) => target,
                None => landing(&user, form.next.as_deref()),
            };
            Ok(see_other(htmx, &target))
        }
        LoginOutcome::SecondFactor(user) => {
            session.renew();
            session
                .insert(session::PENDING_2FA, serde_json::json!({ "uid": user.id, "remember": remember }))
                .map_err(|e| AppError::internal(format!("session: {e}")))?;
            let url = format!("{}?next={}", page.href("/login/two-factor"), urlencode(&next));
            Ok(see_other(htmx, &url))
        }
        LoginOutcome::Suspended => render_status(
            StatusCode::FORBIDDEN,
            &LoginTemplate {
                i18n: page.i18n(),
                page,
                email: form.email,
                next,
                error_key: "auth-login-suspended",
                wait_minutes: 0,
            },
        ),
        LoginOutcome::Invalid => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &LoginTemplate {
                i18n: page.i18n(),
                page,
                email: form.email,
                next,
                error_key: "auth-login-invalid",
                wait_minutes: 0,
            },
        ),
        LoginOutcome::Wait(seconds) => {
            let minutes = (seconds + 59) / 60;
            let error_key = if seconds > 60 { "auth-login-locked" } else { "auth-login-slow-down" };
            let mut res = render_status(
                StatusCode::TOO_MANY_REQUESTS,
                &LoginTemplate { i18n: page.i18n(), page, email: form.email, next, error_key, wait_minutes: minutes },
            )?;
            res.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from(seconds.max(1)),
            );
            Ok(res)
        }
    }
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|e| e.trim_start_matches('=').to_string()).unwrap_or_default()
}

#[derive(serde::Deserialize)]
struct Pending {
    uid: i64,
    remember: bool,
}

fn pending(session: &Session) -> Option<Pending> {
    session.get::<Pending>(session::PENDING_2FA).ok().flatten()
}

pub async fn two_factor(page: Page, session: Session, query: web::Query<NextQuery>) -> AppResult<HttpResponse> {
    let next = super::explicit_next(query.next.as_deref(), page.lang);
    if pending(&session).is_none() {
        return Ok(redirect(&page.href("/login")));
    }
    render(&TwoFactorTemplate { i18n: page.i18n(), page, next, error_key: "" })
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CodeInput {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub next: Option<String>,
}

pub async fn two_factor_create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeInput>,
) -> AppResult<HttpResponse> {
    let next = super::explicit_next(form.next.as_deref(), page.lang);
    let Some(Pending { uid, remember }) = pending(&session) else {
        return Ok(see_other(htmx, &page.href("/login")));
    };
    let actor = actor(&req, Some(uid));
    let key = state.config.session_secret.clone();
    let code = form.code.clone();
    let user = state.db.run(move |conn| auth::login_second_factor(conn, uid, &code, &key, &actor)).await?;
    match user {
        Some(user) => {
            start_session(&session, &req, &user, remember)?;
            let target = match after_login::finish(&session, &state, &user, page.lang).await {
                Some(target) => target,
                None => landing(&user, form.next.as_deref()),
            };
            Ok(see_other(htmx, &target))
        }
        None => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &TwoFactorTemplate { i18n: page.i18n(), page, next, error_key: "auth-error-code-wrong" },
        ),
    }
}

#[derive(serde::Deserialize)]
pub struct Empty {}

pub async fn destroy(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    if let Some(user) = &page.user {
        let (id, actor, sid) = (user.id, actor(&req, Some(user.id)), session::sid(&session));
        state.db.run(move |conn| auth::logout(conn, id, sid.as_deref(), &actor)).await?;
        crate::realtime::sessions_ended(&state, id).await;
    }
    session.purge();
    Ok(see_other(htmx, &page.href("/?notice=signed-out")))
}
