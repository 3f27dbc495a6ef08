//! `/{lang}/password/forgot` and `/{lang}/password/reset/{token}`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::password;
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::auth::{self, Reset};
use crate::state::{AppState, deliver};
use crate::web::auth::actor;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, render};

use super::verify_email::problem_key;

#[derive(Template)]
#[template(path = "auth/password_forgot.html")]
pub struct ForgotTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub email: String,
    pub sent: bool,
}

#[derive(Template)]
#[template(path = "auth/password_reset.html")]
pub struct ResetTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub token: String,
    pub errors: FieldErrors,
    pub problem_key: &'static str,
}

#[derive(serde::Deserialize)]
pub struct SentQuery {
    sent: Option<String>,
}

pub async fn forgot(page: Page, query: web::Query<SentQuery>) -> AppResult<HttpResponse> {
    let sent = query.sent.is_some();
    render(&ForgotTemplate { i18n: page.i18n(), page, email: String::new(), sent })
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ForgotInput {
    #[serde(default)]
    pub email: String,
}

pub async fn forgot_create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<ForgotInput>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, None);
    let app = state.clone();
    let emails = state
        .db
        .run(move |conn| auth::request_password_reset(conn, &form.email, &actor, &super::email_context(&app)))
        .await?;
    deliver(&state, emails).await;
    Ok(see_other(htmx, &page.href("/password/forgot?sent=1")))
}

pub async fn reset(
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner().1;
    let check = token.clone();
    let problem = state.db.run(move |conn| auth::check_reset_link(conn, &check)).await?.err().map(problem_key);
    let status = if problem.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let mut res = render_status(
        status,
        &ResetTemplate {
            i18n: page.i18n(),
            page,
            token,
            errors: FieldErrors::new(),
            problem_key: problem.unwrap_or(""),
        },
    )?;
    // The token is in the URL: keep it out of caches and referrers.
    res.headers_mut()
        .insert(actix_web::http::header::CACHE_CONTROL, actix_web::http::header::HeaderValue::from_static("no-store"));
    res.headers_mut().insert(
        actix_web::http::header::REFERRER_POLICY,
        actix_web::http::header::HeaderValue::from_static("no-referrer"),
    );
    Ok(res)
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ResetInput {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirmation: String,
}

pub async fn reset_create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ResetInput>,
) -> AppResult<HttpResponse> {
    let token = path.into_inner().1;
    let actor = actor(&req, None);
    let app = state.clone();
    let secret = token.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let plain = form.password.clone();
            auth::reset_password(
                conn,
                &secret,
                &form.password,
                &form.password_confirmation,
                || password::hash(&plain),
                &actor,
                &super::email_context(&app),
            )
        })
        .await?;
    match outcome {
        Reset::Done(emails, user) => {
            deliver(&state, emails).await;
            crate::realtime::sessions_ended(&state, user).await;
            Ok(see_other(htmx, &page.href("/login?notice=password-reset")))
        }
        Reset::Invalid(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetTemplate { i18n: page.i18n(), page, token, errors, problem_key: "" },
        ),
        Reset::Link(problem) => render_status(
            StatusCode::BAD_REQUEST,
            &ResetTemplate {
                i18n: page.i18n(),
                page,
                token,
                errors: FieldErrors::new(),
                problem_key: problem_key(problem),
            },
        ),
    }
}
