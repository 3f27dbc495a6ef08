//! `GET/POST /{lang}/account/profile`: name, phone, preferred language.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::User;
use crate::db::types::Locale;
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::{I18n, Lang};
use crate::services::accounts::{self, ProfileInput};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "account/profile.html")]
pub struct ProfileTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub form: ProfileInput,
    pub errors: FieldErrors,
    pub email: String,
    pub locales: [(Locale, Lang); 3],
    /// The person's avatar, if they set one.
    pub avatar: Option<crate::web::picture::Picture>,
    /// Why the picture just sent was refused (Fluent key).
    pub photo_error: Option<&'static str>,
}

impl ProfileTemplate {
    /// Shown where there is no avatar.
    pub fn initials(&self) -> String {
        crate::web::picture::initials(&format!("{} {}", self.form.first_name, self.form.last_name))
    }
}

const LOCALES: [(Locale, Lang); 3] = [(Locale::Fr, Lang::Fr), (Locale::Ar, Lang::Ar), (Locale::En, Lang::En)];

pub async fn edit(page: Page, state: web::Data<AppState>, CurrentUser(user): CurrentUser) -> AppResult<HttpResponse> {
    profile_page(page, &state, user, None, StatusCode::OK).await
}

async fn avatar_of(state: &web::Data<AppState>, user: &User) -> AppResult<Option<crate::web::picture::Picture>> {
    let Some(id) = user.avatar_media_id else { return Ok(None) };
    let avatar = state.db.run(move |conn| Ok(crate::db::models::media::find(conn, id)?)).await?;
    Ok(avatar.as_ref().map(crate::web::picture::Picture::of))
}

/// The profile page as saved, with why a picture was refused, if it was.
pub async fn profile_page(
    page: Page,
    state: &web::Data<AppState>,
    user: User,
    photo_error: Option<&'static str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let tpl = ProfileTemplate {
        i18n: page.i18n(),
        page,
        form: ProfileInput::from_user(&user),
        errors: FieldErrors::new(),
        avatar: avatar_of(state, &user).await?,
        email: user.email,
        locales: LOCALES,
        photo_error,
    };
    Ok(super::private(render_status(status, &tpl)?))
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
        Err(errors) => {
            let avatar = avatar_of(&state, &user).await?;
            let tpl = ProfileTemplate {
                i18n: page.i18n(),
                page,
                form,
                errors,
                email: user.email,
                locales: LOCALES,
                avatar,
                photo_error: None,
            };
            Ok(super::private(render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl)?))
        }
    }
}
