//! `/{lang}/admin/photos`: reported pictures, the longest-waiting first; remove one with a reason its owner is
//! told, or dismiss its reports with a note. Every decision is audited.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::report::{self, ReportedPhoto};
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::{Refused, moderation};
use crate::state::{AppState, deliver};
use crate::web::auth::{Admin, actor};
use crate::web::picture::Picture;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "admin/photos.html")]
pub struct PhotosTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub queue: Vec<(ReportedPhoto, Picture)>,
    /// The picture whose decision was refused, and why (Fluent key).
    pub failed: Option<(i64, &'static str)>,
}

impl PhotosTemplate {
    pub fn failed_key(&self, r: &ReportedPhoto) -> Option<&'static str> {
        self.failed.filter(|f| f.0 == r.media.id).map(|f| f.1)
    }

    pub fn kind_key(&self, r: &ReportedPhoto) -> &'static str {
        use crate::db::types::MediaKind;
        match r.media.kind {
            MediaKind::ProviderPhoto => "admin-photos-kind-photo",
            MediaKind::Portfolio => "admin-photos-kind-portfolio",
            _ => "admin-photos-kind-avatar",
        }
    }
}

async fn queue(
    page: Page,
    state: &web::Data<AppState>,
    failed: Option<(i64, &'static str)>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let queue = state.db.run(|conn| Ok(report::about_photos(conn, 100)?)).await?;
    let queue = queue
        .into_iter()
        .map(|r| {
            let picture = Picture::of(&r.media);
            (r, picture)
        })
        .collect();
    let tpl = PhotosTemplate { i18n: page.i18n(), page, queue, failed };
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

/// `POST /{lang}/admin/photos/{id}/{remove|dismiss}` (a reason is required).
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
    let actor = actor(&req, Some(admin.id));
    let (app, now) = (state.clone(), state.clock.now());
    let outcome = state
        .db
        .run(move |conn| {
            if decision == "remove" {
                let ctx = crate::handlers::auth::email_context(&app);
                moderation::remove_photo(conn, &ctx, &admin, id, &form.reason, now, &actor)
            } else {
                Ok(moderation::dismiss_photo(conn, &admin, id, &form.reason, now, &actor)?.map(|()| Default::default()))
            }
        })
        .await?;
    match outcome {
        Ok(outcome) => {
            deliver(&state, outcome.emails).await;
            crate::services::media::remove_all(&state.media, outcome.pictures).await;
            Ok(see_other(htmx, &page.href("/admin/photos?notice=decision-saved")))
        }
        Err(refused @ Refused::Invalid(_)) => {
            queue(page, &state, Some((id, refused.key())), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(Refused::Rule(key)) => queue(page, &state, Some((id, key)), StatusCode::CONFLICT).await,
    }
}
