//! Favorites: `POST /{lang}/providers/{slug}/favorite` (and `/delete`), and "My favorites" at
//! `/{lang}/account/favorites`. Anonymous visitors are sent to sign in and the favorite is added then.

use actix_session::Session;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::favorite;
use crate::db::views::provider_card::{self, ProviderCard};
use crate::error::AppResult;
use crate::handlers::auth::after_login::{self, AfterLogin};
use crate::i18n::I18n;
use crate::services::favorites;
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::render::see_other;
use crate::web::{CsrfForm, Htmx, Page, render};

use super::Empty;

/// Session key of an action to finish after signing in.

#[derive(Template)]
#[template(path = "account/favorites.html")]
pub struct FavoritesTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub providers: Vec<ProviderCard>,
}

#[derive(Template)]
#[template(path = "components/favorite_fragment.html")]
pub struct FavoriteFragment {
    pub i18n: I18n,
    pub page: Page,
    pub slug: String,
    pub on: bool,
}

pub async fn index(page: Page, state: web::Data<AppState>, CurrentUser(user): CurrentUser) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let providers = state
        .db
        .run(move |conn| {
            let ids = favorite::provider_ids(conn, user.id)?;
            Ok(provider_card::by_ids(conn, &ids, now)?)
        })
        .await?;
    Ok(super::private(render(&FavoritesTemplate { i18n: page.i18n(), page, providers })?))
}

async fn toggle(
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    slug: String,
    on: bool,
) -> AppResult<HttpResponse> {
    let provider_page = page.href(&format!("/providers/{slug}"));
    let Some(user) = page.user.clone() else {
        // Not signed in: remember the wish, sign in, come back with it done.
        if on {
            after_login::remember(&session, AfterLogin::Favorite(slug))?;
        }
        let login = format!("{}?next={}", page.href("/login"), urlencode(&provider_page));
        return Ok(see_other(htmx, &login));
    };
    let s = slug.clone();
    state.db.run(move |conn| favorites::set(conn, &user, &s, on)).await?;
    if htmx.wants_fragment() {
        return render(&FavoriteFragment { i18n: page.i18n(), page, slug, on });
    }
    Ok(see_other(htmx, &provider_page))
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|e| e.trim_start_matches('=').to_string()).unwrap_or_default()
}

pub async fn create(
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    toggle(htmx, page, session, state, path.into_inner().1, true).await
}

pub async fn destroy(
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    toggle(htmx, page, session, state, path.into_inner().1, false).await
}
