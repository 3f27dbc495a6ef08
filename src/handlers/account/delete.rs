//! `GET/POST /{lang}/account/delete`: delete my account (law 09-08), with the password.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::password;
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::accounts;
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "account/delete.html")]
pub struct DeleteTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub errors: FieldErrors,
}

pub async fn show(page: Page, CurrentUser(_): CurrentUser) -> AppResult<HttpResponse> {
    Ok(super::private(render_status(
        StatusCode::OK,
        &DeleteTemplate { i18n: page.i18n(), page, errors: FieldErrors::new() },
    )?))
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DeleteInput {
    #[serde(default)]
    pub password: String,
}

pub async fn destroy(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<DeleteInput>,
) -> AppResult<HttpResponse> {
    let (actor, id) = (actor(&req, Some(user.id)), user.id);
    let app = state.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let ok = password::verify(&form.password, &user.password_hash);
            accounts::delete_account(conn, &user, ok, &actor, &crate::handlers::auth::email_context(&app))
        })
        .await?;
    match outcome {
        Ok(outcome) => {
            session.purge();
            deliver(&state, outcome.emails).await;
            crate::services::media::remove_all(&state.media, outcome.pictures).await;
            crate::realtime::sessions_ended(&state, id).await;
            Ok(see_other(htmx, &page.href("/?notice=goodbye")))
        }
        Err(errors) => Ok(super::private(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeleteTemplate { i18n: page.i18n(), page, errors },
        )?)),
    }
}
