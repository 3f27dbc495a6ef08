//! `/{lang}/admin/catalogue`: categories and cities. Names in French, Arabic and English, slugs, icons, order,
//! popular flag, shown or hidden; a category is merged into another or deleted when nothing uses it.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::{Category, City, category, city};
use crate::domain::catalogue::{CATEGORY_ICONS, CategoryInput, CityInput};
use crate::domain::validation::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::Refused;
use crate::services::catalogue::{self as service, version_of};
use crate::state::AppState;
use crate::web::auth::{Admin, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "admin/catalogue/index.html")]
pub struct CatalogueTemplate {
    pub i18n: I18n,
    pub page: Page,
    /// Each category and what uses it.
    pub categories: Vec<(Category, i64)>,
    /// Each city and how many providers serve it.
    pub cities: Vec<(City, i64)>,
}

impl CatalogueTemplate {
    /// Shown, hidden or merged into another (and popular).
    pub fn state(&self, c: &Category) -> String {
        let into = c.merged_into_id.and_then(|id| self.categories.iter().find(|(x, _)| x.id == id));
        let state = match into {
            Some((into, _)) => self.i18n.t_with("admin-catalogue-merged-into", [("name", into.name(&self.i18n))]),
            None if c.is_active => self.i18n.t("admin-catalogue-shown"),
            None => self.i18n.t("admin-catalogue-hidden"),
        };
        if c.is_popular { format!("{state} · {}", self.i18n.t("admin-catalogue-popular")) } else { state }
    }
}

/// `GET /{lang}/admin/catalogue`.
pub async fn index(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    let (categories, cities) = state
        .db
        .run(|conn| {
            let used = category::usages(conn, None)?;
            let served = city::provider_counts(conn)?;
            let categories = category::all(conn)?.into_iter().map(|c| {
                let n = used.get(&c.id).copied().unwrap_or(0);
                (c, n)
            });
            let cities = city::all(conn)?.into_iter().map(|c| {
                let n = served.get(&c.id).copied().unwrap_or(0);
                (c, n)
            });
            Ok((categories.collect(), cities.collect()))
        })
        .await?;
    let tpl = CatalogueTemplate { i18n: page.i18n(), page, categories, cities };
    Ok(crate::handlers::account::private(render_status(StatusCode::OK, &tpl)?))
}

#[derive(Template)]
#[template(path = "admin/catalogue/category.html")]
pub struct CategoryTemplate {
    pub i18n: I18n,
    pub page: Page,
    /// `None`: a new category.
    pub category: Option<Category>,
    pub used: i64,
    pub form: CategoryInput,
    pub errors: FieldErrors,
    /// Where it can be merged: the other active categories.
    pub targets: Vec<Category>,
    /// A merge or delete refused (Fluent key).
    pub refusal: Option<&'static str>,
}

impl CategoryTemplate {
    pub fn icons(&self) -> &'static [&'static str] {
        CATEGORY_ICONS
    }

    pub fn action(&self) -> String {
        match &self.category {
            Some(c) => self.page.href(&format!("/admin/catalogue/categories/{}", c.id)),
            None => self.page.href("/admin/catalogue/categories"),
        }
    }
}

/// The form filled with a category as it is now (with its version).
pub fn category_form(c: &Category) -> CategoryInput {
    CategoryInput {
        name_fr: c.name_fr.clone(),
        name_ar: c.name_ar.clone(),
        name_en: c.name_en.clone(),
        slug: c.slug.clone(),
        icon: c.icon.clone(),
        position: c.position.to_string(),
        is_popular: c.is_popular.then(String::new),
        is_active: c.is_active.then(String::new),
        version: version_of(c.updated_at),
    }
}

async fn category_page(
    page: Page,
    state: &web::Data<AppState>,
    id: Option<i64>,
    form: Option<CategoryInput>,
    errors: FieldErrors,
    refusal: Option<&'static str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (found, used, targets) = state
        .db
        .run(move |conn| {
            let found = match id {
                Some(id) => Some(category::find(conn, id)?.ok_or(AppError::NotFound)?),
                None => None,
            };
            let used = match &found {
                Some(c) => category::usage(conn, c.id)?,
                None => 0,
            };
            let targets = category::list_active(conn)?.into_iter().filter(|c| Some(c.id) != id).collect();
            Ok((found, used, targets))
        })
        .await?;
    let form = form.unwrap_or_else(|| match &found {
        Some(c) => category_form(c),
        None => CategoryInput { is_active: Some(String::new()), position: "100".into(), ..Default::default() },
    });
    let tpl = CategoryTemplate { i18n: page.i18n(), page, category: found, used, form, errors, targets, refusal };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

/// `GET /{lang}/admin/catalogue/categories/new`.
pub async fn new_category(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    category_page(page, &state, None, None, FieldErrors::new(), None, StatusCode::OK).await
}

/// `GET /{lang}/admin/catalogue/categories/{id}`.
pub async fn show_category(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    category_page(page, &state, Some(path.into_inner().1), None, FieldErrors::new(), None, StatusCode::OK).await
}

/// The id in `…/{id}`, or `None` for a new one (`/{lang}/…/categories`); not a number: 404.
fn existing(path: &[String]) -> AppResult<Option<i64>> {
    path.get(1).map(|id| id.parse::<i64>().map_err(|_| AppError::NotFound)).transpose()
}

/// `POST /{lang}/admin/catalogue/categories[/{id}]`: create or save.
pub async fn save_category(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<Vec<String>>,
    CsrfForm(form): CsrfForm<CategoryInput>,
) -> AppResult<HttpResponse> {
    let id = existing(&path)?;
    let actor = actor(&req, Some(admin.id));
    let now = state.clock.now();
    let input = form.clone();
    match state.db.run(move |conn| service::save_category(conn, id, &input, now, &actor)).await? {
        Ok(saved) => {
            Ok(see_other(htmx, &page.href(&format!("/admin/catalogue/categories/{saved}?notice=decision-saved"))))
        }
        Err(Refused::Invalid(errors)) => {
            category_page(page, &state, id, Some(form), errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(Refused::Rule(key)) => {
            category_page(page, &state, id, None, FieldErrors::new(), Some(key), StatusCode::CONFLICT).await
        }
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct MergeInput {
    #[serde(default)]
    pub into: String,
}

/// `POST /{lang}/admin/catalogue/categories/{id}/{merge|delete}`.
pub async fn decide_category(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64, String)>,
    CsrfForm(form): CsrfForm<MergeInput>,
) -> AppResult<HttpResponse> {
    let (_, id, decision) = path.into_inner();
    let actor = actor(&req, Some(admin.id));
    let now = state.clock.now();
    let into = form.into.parse::<i64>().unwrap_or(-1);
    let done = state
        .db
        .run(move |conn| match decision.as_str() {
            "merge" => service::merge_category(conn, id, into, now, &actor),
            _ => service::delete_category(conn, id, &actor),
        })
        .await?;
    match done {
        Ok(()) => Ok(see_other(htmx, &page.href("/admin/catalogue?notice=decision-saved"))),
        Err(Refused::Rule(key)) => {
            category_page(page, &state, Some(id), None, FieldErrors::new(), Some(key), StatusCode::CONFLICT).await
        }
        Err(Refused::Invalid(errors)) => {
            category_page(page, &state, Some(id), None, errors, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

#[derive(Template)]
#[template(path = "admin/catalogue/city.html")]
pub struct CityTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub city: Option<City>,
    pub form: CityInput,
    pub errors: FieldErrors,
}

impl CityTemplate {
    pub fn action(&self) -> String {
        match &self.city {
            Some(c) => self.page.href(&format!("/admin/catalogue/cities/{}", c.id)),
            None => self.page.href("/admin/catalogue/cities"),
        }
    }
}

async fn city_page(
    page: Page,
    state: &web::Data<AppState>,
    id: Option<i64>,
    form: Option<CityInput>,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let found = match id {
        Some(id) => Some(state.db.run(move |conn| city::find(conn, id)?.ok_or(AppError::NotFound)).await?),
        None => None,
    };
    let form = form.unwrap_or_else(|| match &found {
        Some(c) => CityInput {
            name_fr: c.name_fr.clone(),
            name_ar: c.name_ar.clone(),
            name_en: c.name_en.clone(),
            slug: c.slug.clone(),
            latitude: c.latitude.to_string(),
            longitude: c.longitude.to_string(),
            position: c.position.to_string(),
            is_active: c.is_active.then(String::new),
        },
        None => CityInput { is_active: Some(String::new()), position: "100".into(), ..Default::default() },
    });
    let tpl = CityTemplate { i18n: page.i18n(), page, city: found, form, errors };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

/// `GET /{lang}/admin/catalogue/cities/new`.
pub async fn new_city(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    city_page(page, &state, None, None, FieldErrors::new(), StatusCode::OK).await
}

/// `GET /{lang}/admin/catalogue/cities/{id}`.
pub async fn show_city(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    city_page(page, &state, Some(path.into_inner().1), None, FieldErrors::new(), StatusCode::OK).await
}

/// `POST /{lang}/admin/catalogue/cities[/{id}]`: create or save.
pub async fn save_city(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<Vec<String>>,
    CsrfForm(form): CsrfForm<CityInput>,
) -> AppResult<HttpResponse> {
    let id = existing(&path)?;
    let actor = actor(&req, Some(admin.id));
    let now = state.clock.now();
    let input = form.clone();
    match state.db.run(move |conn| service::save_city(conn, id, &input, now, &actor)).await? {
        Ok(_) => Ok(see_other(htmx, &page.href("/admin/catalogue?notice=decision-saved#cities"))),
        Err(Refused::Invalid(errors)) => {
            city_page(page, &state, id, Some(form), errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(Refused::Rule(_)) => {
            city_page(page, &state, id, Some(form), FieldErrors::new(), StatusCode::CONFLICT).await
        }
    }
}
