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

/// `POST /{lang}/admin/providers/{id}/{approve|reject}` (a reason is required to reject).
pub async fn decide(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64, String)>,
    CsrfForm(form): CsrfForm<DecisionInput>,
) -> AppResult<HttpResponse> {
    let (_, id, decision) = path.into_inner();
    let approve = decision == "approve";
    let actor = actor(&req, Some(admin.id));
    let app = state.clone();
    let reason = form.reason;
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
