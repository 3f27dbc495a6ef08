//! `/{lang}/provider/reviews`: the published reviews of the provider, newest first, each with its public
//! reply or a form to write it (once).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::review::{self, Authored};
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::Refused;
use crate::services::reviews as service;
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentProvider, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

pub const PER_PAGE: i64 = 20;

#[derive(Template)]
#[template(path = "provider/reviews/index.html")]
pub struct ReviewsTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub reviews: Vec<Authored>,
    pub current_page: i64,
    pub has_next: bool,
    /// The review whose reply failed, with the text as posted and the error (Fluent key).
    pub failed: Option<(i64, String, &'static str)>,
}

impl ReviewsTemplate {
    pub fn when(&self, r: &Authored) -> String {
        crate::handlers::reviews::published_on(&self.i18n, &r.review)
    }

    pub fn reply_href(&self, r: &Authored) -> String {
        self.page.href(&format!("/provider/reviews/{}/reply", r.review.id))
    }

    pub fn failed_text(&self, r: &Authored) -> &str {
        self.failed.as_ref().filter(|f| f.0 == r.review.id).map(|f| f.1.as_str()).unwrap_or("")
    }

    pub fn failed_key(&self, r: &Authored) -> Option<&'static str> {
        self.failed.as_ref().filter(|f| f.0 == r.review.id).map(|f| f.2)
    }

    pub fn page_href(&self, n: i64) -> String {
        self.page.href(&format!("/provider/reviews?page={n}"))
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    pub page: String,
}

async fn list(
    page: Page,
    state: &web::Data<AppState>,
    user_id: i64,
    n: i64,
    failed: Option<(i64, String, &'static str)>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut reviews = state
        .db
        .run(move |conn| {
            let p = crate::db::models::provider::for_user(conn, user_id)?.ok_or(AppError::NoProviderProfile)?;
            Ok(review::of_provider(conn, p.id, (n - 1) * PER_PAGE, PER_PAGE + 1)?)
        })
        .await?;
    let has_next = reviews.len() as i64 > PER_PAGE;
    reviews.truncate(PER_PAGE as usize);
    let tpl = ReviewsTemplate { i18n: page.i18n(), page, reviews, current_page: n, has_next, failed };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    query: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    let n = query.page.parse::<i64>().unwrap_or(1).clamp(1, 10_000);
    list(page, &state, user.id, n, None, StatusCode::OK).await
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    pub reply: String,
}

/// `POST /{lang}/provider/reviews/{id}/reply`: the one public reply (another provider's review: 404).
pub async fn reply(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ReplyForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let actor = actor(&req, Some(user.id));
    let (app, u, text) = (state.clone(), user.clone(), form.reply.clone());
    let now = state.clock.now();
    let outcome = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            service::reply(conn, &ctx, &u, id, &text, now, &actor)
        })
        .await?;
    match outcome {
        Ok(outcome) => {
            deliver(&state, outcome.emails).await;
            crate::realtime::publish_all(&state, outcome.live).await;
            Ok(see_other(htmx, &page.href(&format!("/provider/reviews?notice=reply-posted#review-{id}"))))
        }
        Err(refused) => {
            let (key, status) = match refused {
                Refused::Invalid(errors) => (errors.get("reply"), StatusCode::UNPROCESSABLE_ENTITY),
                Refused::Rule(key) => (key, StatusCode::CONFLICT),
            };
            list(page, &state, user.id, 1, Some((id, form.reply, key)), status).await
        }
    }
}
