//! `POST /{lang}/provider/photo` (a multipart form: the photo) and `POST /{lang}/provider/photo/remove`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::db::types::MediaKind;
use crate::error::{AppError, AppResult};
use crate::services::{images, media};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::see_other;
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

pub async fn update(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    upload: Upload,
) -> AppResult<HttpResponse> {
    let (now, user_id) = (state.clock.now(), user.id);
    let provider_id = state.db.run(move |conn| media::may_upload_provider_photo(conn, user_id, now)).await?;
    let _turn = Turn::take(&state.uploading, user.id).ok_or(AppError::RateLimited)?;
    let refused = |key: &'static str| {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        crate::handlers::provider::profile::profile_page(page.clone(), &state, user.clone(), Some(key), status)
    };
    if upload.file.is_empty() {
        return refused("photo-error-missing").await;
    }
    let prepared = {
        // One picture at a time on this instance, on the blocking pool.
        let _permit = state.image_work.acquire().await.map_err(|e| AppError::internal(e.to_string()))?;
        let bytes = upload.file;
        web::block(move || images::prepare(&bytes)).await.map_err(|e| AppError::internal(e.to_string()))?
    };
    let prepared = match prepared {
        Ok(prepared) => prepared,
        Err(refusal) => return refused(refusal.key()).await,
    };
    let name = media::stored_name(&prepared, user.id, MediaKind::ProviderPhoto);
    let size = (prepared.width, prepared.height, prepared.byte_size());
    let known = {
        let name = name.clone();
        state.db.run(move |conn| Ok(crate::db::models::media::by_key(conn, &name)?.is_some())).await?
    };
    if !known {
        media::write_files(&state.media, &name, prepared).await?;
    }
    let actor = actor(&req, Some(user.id));
    let saved = {
        let name = name.clone();
        state.db.run(move |conn| media::set_provider_photo(conn, &actor, provider_id, &name, size, now)).await
    };
    let replaced = match saved {
        Ok(replaced) => replaced,
        Err(e) => {
            if !known {
                // No row names them: they go.
                media::remove_files(&state.media, &name, size.0).await;
            }
            return Err(e);
        }
    };
    if let Some((old, width)) = replaced {
        media::remove_files(&state.media, &old, width).await;
    }
    Ok(see_other(htmx, &page.href("/provider/profile?notice=new-photo")))
}

pub async fn remove(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let user_id = user.id;
    let replaced = state
        .db
        .run(move |conn| {
            let provider = crate::db::models::provider::for_user(conn, user_id)?.ok_or(AppError::NoProviderProfile)?;
            media::remove_provider_photo(conn, &actor, provider.id)
        })
        .await?;
    if let Some((old, width)) = replaced {
        media::remove_files(&state.media, &old, width).await;
    }
    Ok(see_other(htmx, &page.href("/provider/profile?notice=no-photo")))
}
