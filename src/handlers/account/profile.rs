//! `GET/POST /{lang}/account/profile`: name, phone, preferred language.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::types::Locale;
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::{I18n, Lang};
use crate::services::accounts::{self, ProfileInput};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "account/profile.html")]
pub struct ProfileTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub form: ProfileInput,
    pub errors: FieldErrors,
    pub email: String,
    pub locales: [(Locale, Lang); 3],
}

const LOCALES: [(Locale, Lang); 3] = [(Locale::Fr, Lang::Fr), (Locale::Ar, Lang::Ar), (Locale::En, Lang::En)];

pub async fn edit(page: Page, CurrentUser(user): CurrentUser) -> AppResult<HttpResponse> {
    let form = ProfileInput::from_user(&user);
    let tpl = ProfileTemplate {
        i18n: page.i18n(),
        page,
        form,
        errors: FieldErrors::new(),
        email: user.email,
        locales: LOCALES,
    };
    Ok(super::private(render(&tpl)?))
}

pub async fn update(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<ProfileInput>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let (input, viewer) = (form.clone(), user.clone());
    match state.db.run(move |conn| accounts::update_profile(conn, &viewer, &input, &actor)).await? {
        Ok(()) => {
            // The preferred language is also the interface's: continue in it.
            let lang = form.locale.parse::<Locale>().map(crate::services::emails::lang_of).unwrap_or(page.lang);
            Ok(see_other(htmx, &format!("/{}/account/profile?notice=profile-saved", lang.code())))
        }
        Err(errors) => Ok(super::private(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ProfileTemplate { i18n: page.i18n(), page, form, errors, email: user.email, locales: LOCALES },
        )?)),
    }
}
