//! Reviews from the booking page (`POST /{lang}/account/bookings/{id}/review[/delete]` for the client,
//! `/{lang}/provider/bookings/{id}/review[/delete]` for the provider) and reports from the provider page
//! (`POST /{lang}/reviews/{id}/report`).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use askama::Template;

use crate::db::models::review::Review;
use crate::db::models::{Provider, User};
use crate::db::types::ReviewStatus;
use crate::domain::booking::Party;
use crate::domain::review::ReviewInput;
use crate::domain::validation::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::handlers::account::bookings::{Feedback, ReviewFeedback, area, booking_page};
use crate::i18n::I18n;
use crate::services::Refused;
use crate::services::reviews;
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentProvider, CurrentUser, actor};
use crate::web::render::see_other;
use crate::web::render::{render, render_status};
use crate::web::{CsrfForm, Htmx, Page};

#[allow(clippy::too_many_arguments)]
async fn save(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    user: User,
    id: i64,
    party: Party,
    input: ReviewInput,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let (app, u, i) = (state.clone(), user.clone(), input.clone());
    let now = state.clock.now();
    let outcome = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            reviews::save(conn, &ctx, &u, id, party, &i, now, &actor)
        })
        .await?;
    match outcome {
        Ok(outcome) => {
            deliver(&state, outcome.emails).await;
            crate::realtime::publish_all(&state, outcome.live).await;
            Ok(see_other(htmx, &page.href(&format!("{}/{id}?notice=saved-review#review", area(party)))))
        }
        Err(refused) => refusal_page(page, &state, user, id, party, input, refused).await,
    }
}

async fn refusal_page(
    page: Page,
    state: &web::Data<AppState>,
    user: User,
    id: i64,
    party: Party,
    input: ReviewInput,
    refused: Refused,
) -> AppResult<HttpResponse> {
    let (review, status) = match refused {
        Refused::Invalid(errors) => (ReviewFeedback { input, errors, refusal: None }, StatusCode::UNPROCESSABLE_ENTITY),
        Refused::Rule(key) => {
            (ReviewFeedback { input, refusal: Some(key), ..ReviewFeedback::default() }, StatusCode::CONFLICT)
        }
    };
    booking_page(page, state, user, id, party, Feedback { review, ..Feedback::default() }, status).await
}

async fn delete(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    user: User,
    id: i64,
    party: Party,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let u = user.clone();
    let now = state.clock.now();
    let done = state.db.run(move |conn| reviews::delete(conn, &u, id, party, now, &actor)).await?;
    match done {
        Ok(()) => Ok(see_other(htmx, &page.href(&format!("{}/{id}?notice=deleted-review#review", area(party))))),
        Err(refused) => refusal_page(page, &state, user, id, party, ReviewInput::default(), refused).await,
    }
}

/// `POST /{lang}/account/bookings/{id}/review`: the client reviews the provider.
pub async fn client_save(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(input): CsrfForm<ReviewInput>,
) -> AppResult<HttpResponse> {
    save(req, htmx, page, state, user, path.into_inner().1, Party::Client, input).await
}

/// `POST /{lang}/account/bookings/{id}/review/delete`.
pub async fn client_delete(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    _csrf: CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<HttpResponse> {
    delete(req, htmx, page, state, user, path.into_inner().1, Party::Client).await
}

/// `POST /{lang}/provider/bookings/{id}/review`: the provider reviews the client.
pub async fn provider_save(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64)>,
    CsrfForm(input): CsrfForm<ReviewInput>,
) -> AppResult<HttpResponse> {
    save(req, htmx, page, state, user, path.into_inner().1, Party::Provider, input).await
}

/// `POST /{lang}/provider/bookings/{id}/review/delete`.
pub async fn provider_delete(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64)>,
    _csrf: CsrfForm<serde::de::IgnoredAny>,
) -> AppResult<HttpResponse> {
    delete(req, htmx, page, state, user, path.into_inner().1, Party::Provider).await
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    pub reason: String,
}

#[derive(Template)]
#[template(path = "reviews/report.html")]
pub struct ReportTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub review: Review,
    pub provider: Provider,
    pub form: ReportForm,
    pub errors: FieldErrors,
}

/// A published review and its provider, for the report form (anything else: 404).
async fn reported(state: &web::Data<AppState>, id: i64) -> AppResult<(Review, Provider)> {
    state
        .db
        .run(move |conn| {
            let review = crate::db::models::review::find(conn, id)?
                .filter(|r| r.status == ReviewStatus::Published)
                .ok_or(AppError::NotFound)?;
            let provider = crate::db::models::provider::by_id(conn, review.provider_id)?;
            Ok((review, provider))
        })
        .await
}

/// `GET /{lang}/reviews/{id}/report`: why the review should be looked at.
pub async fn report_form(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(_): CurrentUser,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let (review, provider) = reported(&state, path.into_inner().1).await?;
    let tpl = ReportTemplate {
        i18n: page.i18n(),
        page,
        review,
        provider,
        form: ReportForm::default(),
        errors: FieldErrors::new(),
    };
    Ok(crate::handlers::account::private(render(&tpl)?))
}

/// `POST /{lang}/reviews/{id}/report`: to the back office; back to the provider page with a thank-you.
pub async fn report(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ReportForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let actor = actor(&req, Some(user.id));
    let now = state.clock.now();
    let reason = form.reason.clone();
    let done = state.db.run(move |conn| reviews::report(conn, &user, id, &reason, now, &actor)).await?;
    let (review, provider) = reported(&state, id).await?;
    match done {
        Ok(_) => {
            Ok(see_other(htmx, &page.href(&format!("/providers/{}?notice=thanks-report#review-{id}", provider.slug))))
        }
        Err(refused) => {
            let errors = match refused {
                Refused::Invalid(errors) => errors,
                Refused::Rule(key) => {
                    let mut e = FieldErrors::new();
                    e.add("reason", key);
                    e
                }
            };
            let tpl = ReportTemplate { i18n: page.i18n(), page, review, provider, form, errors };
            Ok(crate::handlers::account::private(render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl)?))
        }
    }
}

/// "12 mai 2026": when a review was published (Moroccan date).
pub fn published_on(i18n: &I18n, r: &Review) -> String {
    r.published_at
        .map(|t| crate::web::format::date_long(i18n, crate::domain::schedule::to_local(t).date()))
        .unwrap_or_default()
}
