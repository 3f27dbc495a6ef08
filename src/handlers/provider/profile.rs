//! `GET/POST /{lang}/provider/profile`: create (becoming a provider) or edit the profile.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::{Category, City, Provider, category, city, provider};
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::providers::{self, Pairs};
use crate::state::AppState;
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "provider/profile.html")]
pub struct ProfileTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub provider: Option<Provider>,
    pub form: Pairs,
    pub errors: FieldErrors,
    pub categories: Vec<Category>,
    pub cities: Vec<City>,
    /// The provider's photo, if they set one.
    pub photo: Option<crate::web::picture::Picture>,
    /// Why the photo just sent was refused (Fluent key).
    pub photo_error: Option<&'static str>,
}

impl ProfileTemplate {
    pub fn value(&self, key: &str) -> &str {
        self.form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    pub fn checked(&self, key: &str, value: &str) -> bool {
        self.form.iter().any(|(k, v)| k == key && v == value)
    }

    /// Shown where there is no photo.
    pub fn initials(&self) -> String {
        crate::web::picture::initials(self.value("display_name"))
    }

    pub fn days(&self) -> [i16; 7] {
        [1, 2, 3, 4, 5, 6, 7]
    }

    pub fn start_key(&self, day: &i16) -> String {
        format!("start_{day}")
    }

    pub fn end_key(&self, day: &i16) -> String {
        format!("end_{day}")
    }
}

/// The form filled from a saved profile.
fn pairs_of(p: &Provider, category_ids: &[i64], city_ids: &[i64], hours: &[(i16, i32, i32)]) -> Pairs {
    let clock = |m: i32| format!("{:02}:{:02}", m / 60, m % 60);
    let mut pairs: Pairs = vec![
        ("display_name".into(), p.display_name.clone()),
        ("bio_fr".into(), p.bio_fr.clone()),
        ("bio_ar".into(), p.bio_ar.clone()),
        ("bio_en".into(), p.bio_en.clone().unwrap_or_default()),
        ("years_experience".into(), p.years_experience.to_string()),
        ("hourly_rate".into(), p.hourly_rate_cents.map(|c| (c / 100).to_string()).unwrap_or_default()),
        ("city_id".into(), p.city_id.to_string()),
        ("neighbourhood".into(), p.neighbourhood.clone().unwrap_or_default()),
        ("service_radius_km".into(), p.service_radius_km.map(|r| r.to_string()).unwrap_or_default()),
    ];
    pairs.extend(category_ids.iter().map(|c| ("categories".to_string(), c.to_string())));
    pairs.extend(city_ids.iter().map(|c| ("cities".to_string(), c.to_string())));
    pairs.extend(p.languages.split(',').map(|l| ("languages".to_string(), l.to_string())));
    for (day, start, end) in hours {
        pairs.push((format!("start_{day}"), clock(*start)));
        pairs.push((format!("end_{day}"), clock(*end)));
    }
    pairs
}

pub async fn edit(page: Page, state: web::Data<AppState>, CurrentUser(user): CurrentUser) -> AppResult<HttpResponse> {
    profile_page(page, &state, user, None, StatusCode::OK).await
}

/// The profile page as saved, with why a photo was refused, if it was.
pub async fn profile_page(
    page: Page,
    state: &web::Data<AppState>,
    user: crate::db::models::User,
    photo_error: Option<&'static str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (provider, categories, cities, form, photo) = state
        .db
        .run(move |conn| {
            let provider = provider::for_user(conn, user.id)?;
            let form = match &provider {
                Some(p) => {
                    let (cats, cits, hours) = provider::links(conn, p.id)?;
                    let mut pairs = pairs_of(p, &cats, &cits, &hours);
                    let off: Vec<String> = provider::days_off(conn, p.id)?.iter().map(|d| d.to_string()).collect();
                    pairs.push(("days_off".into(), off.join(", ")));
                    pairs
                }
                None => vec![
                    ("display_name".into(), format!("{} {}", user.first_name, user.last_name)),
                    ("languages".into(), "ar".into()),
                    ("languages".into(), "fr".into()),
                    ("years_experience".into(), "1".into()),
                ],
            };
            let photo = match provider.as_ref().and_then(|p| p.photo_media_id) {
                Some(id) => crate::db::models::media::find(conn, id)?,
                None => None,
            };
            Ok((provider, category::list_active(conn)?, city::list_active(conn)?, form, photo))
        })
        .await?;
    let photo = photo.as_ref().map(crate::web::picture::Picture::of);
    let errors = FieldErrors::new();
    let tpl =
        ProfileTemplate { i18n: page.i18n(), page, provider, form, errors, categories, cities, photo, photo_error };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn update(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<Pairs>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let (lang, viewer, input) = (page.lang, user.clone(), form.clone());
    let outcome = state
        .db
        .run(move |conn| {
            let categories = category::list_active(conn)?;
            let cities = city::list_active(conn)?;
            let category_ids: Vec<i64> = categories.iter().map(|c| c.id).collect();
            let city_ids: Vec<i64> = cities.iter().map(|c| c.id).collect();
            match providers::validate_profile(&input, &category_ids, &city_ids) {
                Ok(change) => {
                    let i18n = I18n::new(lang);
                    let trade = categories
                        .iter()
                        .find(|c| change.category_ids.first() == Some(&c.id))
                        .map(|c| c.name_fr.clone())
                        .unwrap_or_default();
                    let town = cities
                        .iter()
                        .find(|c| c.id == change.fields.city_id)
                        .map(|c| c.name(&i18n).to_string())
                        .unwrap_or_default();
                    let saved = providers::save_profile(conn, &viewer, change, &trade, &town, &actor)?;
                    Ok(Ok(saved))
                }
                Err(errors) => {
                    let provider = provider::for_user(conn, viewer.id)?;
                    let photo = provider.as_ref().and_then(|p| p.photo_media_id);
                    let photo = photo.map(|id| crate::db::models::media::find(conn, id)).transpose()?.flatten();
                    Ok(Err((errors, categories, cities, provider, photo)))
                }
            }
        })
        .await?;
    match outcome {
        Ok(saved) => {
            if saved.role_changed {
                // A privilege change: a new session id.
                session.renew();
            }
            Ok(see_other(htmx, &page.href("/provider/profile?notice=profile-saved")))
        }
        Err((errors, categories, cities, provider, photo)) => {
            let photo = photo.as_ref().map(crate::web::picture::Picture::of);
            let tpl = ProfileTemplate {
                i18n: page.i18n(),
                page,
                provider,
                form,
                errors,
                categories,
                cities,
                photo,
                photo_error: None,
            };
            Ok(crate::handlers::account::private(render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl)?))
        }
    }
}

/// The Fluent key of a provider status, for the banner of the profile page.
pub fn status_key(status: &crate::db::types::ProviderStatus) -> &'static str {
    use crate::db::types::ProviderStatus;
    match status {
        ProviderStatus::Pending => "pro-status-pending",
        ProviderStatus::Approved => "pro-status-approved",
        ProviderStatus::Rejected => "pro-status-rejected",
        ProviderStatus::Suspended => "pro-status-suspended",
    }
}
