//! `/{lang}/admin/reviews`: the moderation queue (reported reviews, then hidden ones); hide or restore with
//! a reason the author is told. Every decision is audited and the ratings recomputed.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::review::{self, Reported};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::Refused;
use crate::services::reviews as service;
use crate::state::{AppState, deliver};
use crate::web::auth::{Admin, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "admin/reviews/index.html")]
pub struct ModerationTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub queue: Vec<Reported>,
    /// The review whose decision was refused, and why (Fluent key).
    pub failed: Option<(i64, &'static str)>,
}

impl ModerationTemplate {
    pub fn is_hidden(&self, r: &Reported) -> bool {
        r.review.review.status == crate::db::types::ReviewStatus::Hidden
    }

    pub fn decision_href(&self, r: &Reported) -> String {
        let decision = if self.is_hidden(r) { "restore" } else { "hide" };
        self.page.href(&format!("/admin/reviews/{}/{decision}", r.review.review.id))
    }

    pub fn failed_key(&self, r: &Reported) -> Option<&'static str> {
        self.failed.filter(|f| f.0 == r.review.review.id).map(|f| f.1)
    }
}

async fn queue(
    page: Page,
    state: &web::Data<AppState>,
    failed: Option<(i64, &'static str)>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let queue = state.db.run(|conn| Ok(review::moderation_queue(conn, 100)?)).await?;
    let tpl = ModerationTemplate { i18n: page.i18n(), page, queue, failed };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn index(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    queue(page, &state, None, StatusCode::OK).await
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub reason: String,
}

/// `POST /{lang}/admin/reviews/{id}/{hide|restore}` (a reason is required).
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
    let hide = decision == "hide";
    let actor = actor(&req, Some(admin.id));
    let app = state.clone();
    let now = state.clock.now();
    let outcome = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            service::moderate(conn, &ctx, &admin, id, hide, &form.reason, now, &actor)
        })
        .await?;
    match outcome {
        Ok(outcome) => {
            deliver(&state, outcome.emails).await;
            crate::realtime::publish_all(&state, outcome.live).await;
            Ok(see_other(htmx, &page.href("/admin/reviews?notice=decision-saved")))
        }
        Err(refused @ Refused::Invalid(_)) => {
            queue(page, &state, Some((id, refused.key())), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(Refused::Rule(key)) => queue(page, &state, Some((id, key)), StatusCode::CONFLICT).await,
    }
}
