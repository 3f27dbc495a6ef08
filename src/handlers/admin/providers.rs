//! `/{lang}/admin/providers`: pending providers, approve, reject with a reason.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::{Provider, provider};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::providers;
use crate::state::{AppState, send_emails};
use crate::web::auth::{Admin, actor};
use crate::web::forms::FieldErrors;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "admin/providers/index.html")]
pub struct QueueTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub pending: Vec<Provider>,
    pub errors: FieldErrors,
    pub failed_id: i64,
}

async fn queue(
    page: Page,
    state: &web::Data<AppState>,
    errors: FieldErrors,
    failed_id: i64,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let pending = state.db.run(|conn| Ok(provider::pending(conn)?)).await?;
    let tpl = QueueTemplate { i18n: page.i18n(), page, pending, errors, failed_id };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn index(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    queue(page, &state, FieldErrors::new(), 0, StatusCode::OK).await
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub reason: String,
}

/// One decision: which provider, approve or not, and why.
struct Decision {
    id: i64,
    approve: bool,
    reason: String,
}

async fn decide(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    admin: crate::db::models::User,
    Decision { id, approve, reason }: Decision,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(admin.id));
    let app = state.clone();
    let outcome = state
        .db
        .run(move |conn| {
            providers::decide(conn, &admin, id, approve, &reason, &actor, &crate::handlers::auth::email_context(&app))
        })
        .await?;
    match outcome {
        Ok(emails) => {
            send_emails(&state, emails).await;
            Ok(see_other(htmx, &page.href("/admin/providers?notice=decision-saved")))
        }
        Err(errors) => queue(page, &state, errors, id, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

pub async fn approve(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<DecisionInput>,
) -> AppResult<HttpResponse> {
    decide(req, htmx, page, state, admin, Decision { id: path.into_inner().1, approve: true, reason: form.reason })
        .await
}

pub async fn reject(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<DecisionInput>,
) -> AppResult<HttpResponse> {
    decide(req, htmx, page, state, admin, Decision { id: path.into_inner().1, approve: false, reason: form.reason })
        .await
}
