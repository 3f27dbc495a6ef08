//! Pictures people send: the provider's photo (`/{lang}/provider/photo[/remove]`), the portfolio
//! (`/{lang}/provider/portfolio…`), a person's avatar (`/{lang}/account/avatar[/remove]`), and reports about a
//! picture (`/{lang}/photos/{id}/report`). Uploads are plain multipart forms; `static/upload.js` adds a preview
//! and a progress bar where JavaScript runs.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::User;
use crate::db::models::media::Media;
use crate::db::types::MediaKind;
use crate::domain::validation::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::media::{self, Change, Slot};
use crate::services::{Refused, images, moderation};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::picture::Picture;
use crate::web::render::{render_status, see_other};
use crate::web::upload::Upload;
use crate::web::{CsrfForm, Htmx, Page};

/// Marks a user as uploading while alive: one upload at a time per person.
struct Turn<'a> {
    uploading: &'a std::sync::Mutex<std::collections::HashSet<i64>>,
    user_id: i64,
}

impl<'a> Turn<'a> {
    fn take(uploading: &'a std::sync::Mutex<std::collections::HashSet<i64>>, user_id: i64) -> Option<Turn<'a>> {
        let mut busy = uploading.lock().unwrap_or_else(|e| e.into_inner());
        busy.insert(user_id).then_some(Turn { uploading, user_id })
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.uploading.lock().unwrap_or_else(|e| e.into_inner()).remove(&self.user_id);
    }
}

/// Takes an upload into the user's picture of this kind: prepared off the request threads, its files written,
/// then its row recorded (files without a row are removed at once). `Ok(Err(key))`: refused, with why (a Fluent
/// key shown at the file field).
async fn receive(
    req: &HttpRequest,
    state: &web::Data<AppState>,
    user: &User,
    upload: Upload,
    kind: MediaKind,
) -> AppResult<Result<(), &'static str>> {
    let (now, user_id) = (state.clock.now(), user.id);
    let slot = match state.db.run(move |conn| media::may_upload(conn, user_id, kind, now)).await? {
        Ok(slot) => slot,
        Err(key) => return Ok(Err(key)),
    };
    let _turn = Turn::take(&state.uploading, user.id).ok_or(AppError::RateLimited)?;
    if upload.file.is_empty() {
        return Ok(Err("photo-error-missing"));
    }
    let captions =
        match media::captions(upload.field("caption_fr"), upload.field("caption_ar"), upload.field("caption_en")) {
            Ok(captions) => captions,
            Err(refused) => return Ok(Err(refused.key())),
        };
    let prepared = {
        // One picture at a time on this instance, on the blocking pool.
        let _permit = state.image_work.acquire().await.map_err(|e| AppError::internal(e.to_string()))?;
        let bytes = upload.file;
        web::block(move || images::prepare(&bytes)).await.map_err(|e| AppError::internal(e.to_string()))?
    };
    let prepared = match prepared {
        Ok(prepared) => prepared,
        Err(refusal) => return Ok(Err(refusal.key())),
    };
    let name = media::stored_name(&prepared, user.id, kind);
    let size = (prepared.width, prepared.height, prepared.byte_size());
    let known = {
        let name = name.clone();
        state.db.run(move |conn| media::known(conn, &name)).await?
    };
    if !known {
        media::write_files(&state.media, &name, prepared).await?;
    }
    let actor = actor(req, Some(user.id));
    let saved = {
        let name = name.clone();
        state.db.run(move |conn| media::save(conn, &actor, slot, &name, size, &captions, now)).await
    };
    if !matches!(saved, Ok(Ok(_))) && !known {
        // No row names them: they go.
        media::remove_files(&state.media, &name, size.0).await;
    }
    match saved? {
        Ok(replaced) => {
            media::remove_all(&state.media, replaced.into_iter().collect()).await;
            Ok(Ok(()))
        }
        Err(key) => Ok(Err(key)),
    }
}

/// `POST /{lang}/provider/photo`: the provider's photo (multipart: `photo`).
pub async fn update_provider_photo(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    upload: Upload,
) -> AppResult<HttpResponse> {
    update_face(req, htmx, page, state, user, upload, MediaKind::ProviderPhoto).await
}

/// `POST /{lang}/account/avatar`: the person's avatar (multipart: `photo`).
pub async fn update_avatar(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    upload: Upload,
) -> AppResult<HttpResponse> {
    update_face(req, htmx, page, state, user, upload, MediaKind::Avatar).await
}

/// A provider photo or an avatar: back to its profile page, or that page again with why it was refused.
async fn update_face(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    user: User,
    upload: Upload,
    kind: MediaKind,
) -> AppResult<HttpResponse> {
    let avatar = kind == MediaKind::Avatar;
    let refused = match receive(&req, &state, &user, upload, kind).await? {
        Ok(()) => {
            let back = if avatar { "/account/profile?notice=new-photo" } else { "/provider/profile?notice=new-photo" };
            return Ok(see_other(htmx, &page.href(back)));
        }
        Err(key) => Some(key),
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    if avatar {
        crate::handlers::account::profile::profile_page(page, &state, user, refused, status).await
    } else {
        crate::handlers::provider::profile::profile_page(page, &state, user, refused, status).await
    }
}

/// `POST /{lang}/provider/photo/remove`: the initials again.
pub async fn remove_provider_photo(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(_): CsrfForm<crate::handlers::account::Empty>,
) -> AppResult<HttpResponse> {
    clear(&req, &state, &user, MediaKind::ProviderPhoto).await?;
    Ok(see_other(htmx, &page.href("/provider/profile?notice=no-photo")))
}

/// `POST /{lang}/account/avatar/remove`.
pub async fn remove_avatar(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(_): CsrfForm<crate::handlers::account::Empty>,
) -> AppResult<HttpResponse> {
    clear(&req, &state, &user, MediaKind::Avatar).await?;
    Ok(see_other(htmx, &page.href("/account/profile?notice=no-photo")))
}

async fn clear(req: &HttpRequest, state: &web::Data<AppState>, user: &User, kind: MediaKind) -> AppResult<()> {
    let (actor, user_id) = (actor(req, Some(user.id)), user.id);
    let replaced = state
        .db
        .run(move |conn| {
            let slot = match kind {
                MediaKind::Avatar => Slot::Avatar,
                _ => Slot::ProviderPhoto(
                    crate::db::models::provider::id_for_user(conn, user_id)?.ok_or(AppError::NoProviderProfile)?,
                ),
            };
            media::clear(conn, &actor, slot)
        })
        .await?;
    media::remove_all(&state.media, replaced.into_iter().collect()).await;
    Ok(())
}

#[derive(Template)]
#[template(path = "provider/portfolio.html")]
pub struct PortfolioTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub pictures: Vec<(Media, Picture)>,
    /// Why the picture just sent was refused (Fluent key).
    pub upload_error: Option<&'static str>,
    /// The picture whose captions were refused, and why.
    pub caption_error: Option<(i64, &'static str)>,
    pub max: usize,
}

impl PortfolioTemplate {
    pub fn full(&self) -> bool {
        self.pictures.len() >= self.max
    }

    pub fn caption_of<'a>(&self, m: &'a Media, lang: &str) -> &'a str {
        match lang {
            "ar" => m.caption_ar.as_deref(),
            "en" => m.caption_en.as_deref(),
            _ => m.caption_fr.as_deref(),
        }
        .unwrap_or_default()
    }

    pub fn caption_error_of(&self, m: &Media) -> Option<&'static str> {
        self.caption_error.filter(|(id, _)| *id == m.id).map(|(_, key)| key)
    }

    pub fn alt_of(&self, m: &Media) -> String {
        m.caption(self.i18n.lang()).map_or_else(|| self.i18n.t("portfolio-alt"), str::to_string)
    }

    pub fn count(&self) -> String {
        format!("{}/{}", self.pictures.len(), self.max)
    }
}

async fn portfolio_page(
    page: Page,
    state: &web::Data<AppState>,
    user: User,
    upload_error: Option<&'static str>,
    caption_error: Option<(i64, &'static str)>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let pictures = state
        .db
        .run(move |conn| {
            crate::db::models::provider::for_user(conn, user.id)?.ok_or(AppError::NoProviderProfile)?;
            Ok(crate::db::models::media::of_owner(conn, user.id, MediaKind::Portfolio)?)
        })
        .await?;
    let pictures = pictures
        .into_iter()
        .map(|m| {
            let picture = Picture::of(&m);
            (m, picture)
        })
        .collect();
    let tpl =
        PortfolioTemplate { i18n: page.i18n(), page, pictures, upload_error, caption_error, max: media::PORTFOLIO_MAX };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

/// `GET /{lang}/provider/portfolio`: the provider's pictures of past jobs.
pub async fn portfolio(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<HttpResponse> {
    portfolio_page(page, &state, user, None, None, StatusCode::OK).await
}

/// `POST /{lang}/provider/portfolio`: a new picture (multipart: `photo`, `caption_fr|ar|en`).
pub async fn add_to_portfolio(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    upload: Upload,
) -> AppResult<HttpResponse> {
    match receive(&req, &state, &user, upload, MediaKind::Portfolio).await? {
        Ok(()) => Ok(see_other(htmx, &page.href("/provider/portfolio?notice=new-photo"))),
        Err(key) => portfolio_page(page, &state, user, Some(key), None, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CaptionsInput {
    #[serde(default)]
    pub caption_fr: String,
    #[serde(default)]
    pub caption_ar: String,
    #[serde(default)]
    pub caption_en: String,
}

/// `POST /{lang}/provider/portfolio/{id}`: a picture's captions. Someone else's picture: 404.
pub async fn caption_portfolio(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<CaptionsInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    match media::captions(&form.caption_fr, &form.caption_ar, &form.caption_en) {
        Ok(captions) => change(&req, htmx, page, &state, &user, id, Change::Captions(captions)).await,
        Err(refused) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            portfolio_page(page, &state, user, None, Some((id, refused.key())), status).await
        }
    }
}

/// `POST /{lang}/provider/portfolio/{id}/{earlier|later|delete}`. Someone else's picture: 404.
pub async fn arrange_portfolio(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64, String)>,
    CsrfForm(_): CsrfForm<crate::handlers::account::Empty>,
) -> AppResult<HttpResponse> {
    let (_, id, action) = path.into_inner();
    let what = match action.as_str() {
        "earlier" => Change::Earlier,
        "later" => Change::Later,
        _ => Change::Delete,
    };
    change(&req, htmx, page, &state, &user, id, what).await
}

async fn change(
    req: &HttpRequest,
    htmx: Htmx,
    page: Page,
    state: &web::Data<AppState>,
    user: &User,
    id: i64,
    change: Change,
) -> AppResult<HttpResponse> {
    let actor = actor(req, Some(user.id));
    let removed = state.db.run(move |conn| media::change_portfolio(conn, &actor, id, change)).await?;
    let back = match &removed {
        Some(_) => "/provider/portfolio?notice=no-photo".to_string(),
        None => format!("/provider/portfolio?notice=new-captions#portfolio-{id}"),
    };
    media::remove_all(&state.media, removed.into_iter().collect()).await;
    Ok(see_other(htmx, &page.href(&back)))
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReportInput {
    #[serde(default)]
    pub reason: String,
    /// The page the picture was reported from, to go back to.
    #[serde(default)]
    pub back: String,
}

#[derive(Template)]
#[template(path = "photos/report.html")]
pub struct ReportTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub picture: Picture,
    pub media_id: i64,
    pub form: ReportInput,
    pub errors: FieldErrors,
}

async fn report_page(
    page: Page,
    state: &web::Data<AppState>,
    user: &User,
    id: i64,
    form: ReportInput,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let user_id = user.id;
    let media = state.db.run(move |conn| moderation::reportable_photo(conn, user_id, id)).await?;
    let tpl = ReportTemplate { i18n: page.i18n(), page, picture: Picture::of(&media), media_id: id, form, errors };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

/// `GET /{lang}/photos/{id}/report`: why the picture should be looked at.
pub async fn report_form(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    query: web::Query<ReportInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let form = ReportInput { reason: String::new(), back: query.into_inner().back };
    report_page(page, &state, &user, id, form, FieldErrors::new(), StatusCode::OK).await
}

/// `POST /{lang}/photos/{id}/report`: to the back office; back to the page it came from with a thank-you.
pub async fn report(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ReportInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let actor = actor(&req, Some(user.id));
    let (now, reporter, reason) = (state.clock.now(), user.clone(), form.reason.clone());
    match state.db.run(move |conn| moderation::report_photo(conn, &reporter, id, &reason, now, &actor)).await? {
        Ok(()) => {
            let back = crate::handlers::auth::safe_next(Some(&form.back), page.lang);
            let back = back.split('#').next().unwrap_or_default();
            let joint = if back.contains('?') { '&' } else { '?' };
            Ok(see_other(htmx, &format!("{back}{joint}notice=thanks-photo-report")))
        }
        Err(Refused::Invalid(errors)) => {
            report_page(page, &state, &user, id, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(Refused::Rule(key)) => {
            let mut errors = FieldErrors::new();
            errors.add("reason", key);
            report_page(page, &state, &user, id, form, errors, StatusCode::CONFLICT).await
        }
    }
}
