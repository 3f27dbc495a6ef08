//! `GET /{lang}/verify-email/{token}` and the resend button (`POST /{lang}/account/verification`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::accounts::{self, LinkProblem, Verification};
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "auth/verify_email.html")]
pub struct VerifyTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub verified: bool,
    pub problem_key: &'static str,
}

pub fn problem_key(problem: LinkProblem) -> &'static str {
    match problem {
        LinkProblem::Unknown => "auth-link-unknown",
        LinkProblem::Expired => "auth-link-expired",
        LinkProblem::Used => "auth-link-used",
    }
}

pub async fn show(
    req: HttpRequest,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let secret = path.into_inner().1;
    let actor = actor(&req, page.user.as_ref().map(|u| u.id));
    let outcome = state.db.run(move |conn| accounts::verify_email(conn, &secret, &actor)).await?;
    let (status, verified, problem_key) = match outcome {
        Verification::Verified | Verification::AlreadyVerified => (StatusCode::OK, true, ""),
        Verification::Failed(p) => (StatusCode::BAD_REQUEST, false, problem_key(p)),
    };
    render_status(status, &VerifyTemplate { i18n: page.i18n(), page, verified, problem_key })
}

#[derive(serde::Deserialize)]
pub struct Empty {}

pub async fn resend(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let app = state.clone();
    let emails = state
        .db
        .run(move |conn| accounts::resend_verification(conn, &user, &actor, &super::email_context(&app)))
        .await?;
    deliver(&state, emails).await;
    Ok(see_other(htmx, &page.href("/account?notice=verification-sent")))
}
