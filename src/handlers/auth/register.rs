//! `GET/POST /{lang}/register`, then "check your email".

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::types::Locale;
use crate::domain::password;
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::accounts::{self, RegisterInput};
use crate::state::{AppState, deliver};
use crate::web::auth::actor;
use crate::web::render::{redirect, render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "auth/register.html")]
pub struct RegisterTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub form: RegisterInput,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "auth/check_email.html")]
pub struct CheckEmailTemplate {
    pub i18n: I18n,
    pub page: Page,
}

#[derive(serde::Deserialize)]
pub struct RoleQuery {
    role: Option<String>,
}

pub async fn new(page: Page, query: web::Query<RoleQuery>) -> AppResult<HttpResponse> {
    if page.user.is_some() {
        return Ok(redirect(&page.href("/account")));
    }
    let role = match query.role.as_deref() {
        Some("provider") => "PROVIDER",
        _ => "CLIENT",
    };
    let form = RegisterInput { role: role.into(), ..Default::default() };
    render(&RegisterTemplate { i18n: page.i18n(), page, form, errors: FieldErrors::new() })
}

pub async fn create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<RegisterInput>,
) -> AppResult<HttpResponse> {
    let registration = match accounts::validate_registration(&form) {
        Ok(r) => r,
        Err(errors) => {
            let form = RegisterInput { password: String::new(), password_confirmation: String::new(), ..form };
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &RegisterTemplate { i18n: page.i18n(), page, form, errors },
            );
        }
    };
    let locale: Locale = page.lang.code().parse().unwrap_or(Locale::Fr);
    let actor = actor(&req, None);
    let app = state.clone();
    let emails = state
        .db
        .run(move |conn| {
            // Hashing happens for new and existing addresses alike: both answers take as long.
            let hash = password::hash(&registration.password);
            accounts::register(conn, &registration, &hash, locale, &actor, &super::email_context(&app))
        })
        .await?;
    deliver(&state, emails).await;
    Ok(see_other(htmx, &page.href("/register/check-email")))
}

pub async fn check_email(page: Page) -> AppResult<HttpResponse> {
    render(&CheckEmailTemplate { i18n: page.i18n(), page })
}
