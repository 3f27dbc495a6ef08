//! `/{lang}/provider/services`: list, new, edit, activate/deactivate, delete (PostService).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::service::{self as services, Service};
use crate::db::models::{Category, Provider, category};
use crate::db::types::PricingUnit;
use crate::domain::validation::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::providers::{self, Pairs, ServiceChange};
use crate::state::AppState;
use crate::web::auth::{CurrentProvider, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "provider/services/index.html")]
pub struct ServicesTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub provider: Provider,
    pub services: Vec<Service>,
    pub email_verified: bool,
}

impl ServicesTemplate {
    pub fn price(&self, s: &Service) -> String {
        crate::web::format::service_price(&self.i18n, s.pricing_unit, s.base_price_cents)
    }

    pub fn name<'a>(&self, s: &'a Service) -> &'a str {
        self.i18n.pick(&s.name_fr, &s.name_ar, s.name_en.as_deref())
    }
}

#[derive(Template)]
#[template(path = "provider/services/form.html")]
pub struct ServiceFormTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub service_id: Option<i64>,
    pub form: Pairs,
    pub errors: FieldErrors,
    pub categories: Vec<Category>,
    pub units: &'static [PricingUnit],
}

impl ServiceFormTemplate {
    pub fn value(&self, key: &str) -> &str {
        self.form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("")
    }

    pub fn active(&self) -> bool {
        self.form.iter().any(|(k, v)| k == "is_active" && v == "1")
    }

    pub fn action(&self) -> String {
        match self.service_id {
            Some(id) => self.page.href(&format!("/provider/services/{id}")),
            None => self.page.href("/provider/services"),
        }
    }
}

/// The Fluent key of a pricing unit.
pub fn unit_key(unit: &PricingUnit) -> &'static str {
    match unit {
        PricingUnit::Fixed => "pro-unit-fixed",
        PricingUnit::Hourly => "pro-unit-hourly",
        PricingUnit::Quote => "pro-unit-quote",
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
) -> AppResult<HttpResponse> {
    let email_verified = user.email_verified_at.is_some();
    let (provider, services) = state
        .db
        .run(move |conn| {
            let provider = providers::own_profile(conn, &user)?;
            let services = services::list_for_provider(conn, provider.id)?;
            Ok((provider, services))
        })
        .await
        .map_err(|e| match e {
            AppError::NotFound => AppError::Conflict("no provider profile yet"),
            other => other,
        })?;
    let tpl = ServicesTemplate { i18n: page.i18n(), page, provider, services, email_verified };
    Ok(crate::handlers::account::private(render_status(StatusCode::OK, &tpl)?))
}

fn form_of(s: &Service) -> Pairs {
    vec![
        ("name_fr".into(), s.name_fr.clone()),
        ("name_ar".into(), s.name_ar.clone()),
        ("name_en".into(), s.name_en.clone().unwrap_or_default()),
        ("description_fr".into(), s.description_fr.clone()),
        ("description_ar".into(), s.description_ar.clone()),
        ("description_en".into(), s.description_en.clone().unwrap_or_default()),
        ("category_id".into(), s.category_id.to_string()),
        ("pricing_unit".into(), s.pricing_unit.as_str().into()),
        ("base_price".into(), s.base_price_cents.map(|c| format!("{}", c as f64 / 100.0)).unwrap_or_default()),
        ("duration_minutes".into(), s.duration_minutes.to_string()),
        ("is_active".into(), if s.is_active { "1".into() } else { "0".into() }),
    ]
}

async fn form_page(
    page: Page,
    state: &web::Data<AppState>,
    service_id: Option<i64>,
    form: Pairs,
    errors: FieldErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let categories = state.db.run(|conn| Ok(category::list_active(conn)?)).await?;
    let tpl =
        ServiceFormTemplate { i18n: page.i18n(), page, service_id, form, errors, categories, units: PricingUnit::ALL };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn new(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(_): CurrentProvider,
) -> AppResult<HttpResponse> {
    let form = vec![
        ("pricing_unit".into(), "FIXED".into()),
        ("duration_minutes".into(), "60".into()),
        ("is_active".into(), "1".into()),
    ];
    form_page(page, &state, None, form, FieldErrors::new(), StatusCode::OK).await
}

pub async fn edit(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let service = state
        .db
        .run(move |conn| {
            let provider = providers::own_profile(conn, &user)?;
            services::find_owned(conn, id, provider.id)?.ok_or(AppError::NotFound)
        })
        .await?;
    form_page(page, &state, Some(id), form_of(&service), FieldErrors::new(), StatusCode::OK).await
}

async fn save(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    user: crate::db::models::User,
    service_id: Option<i64>,
    form: Pairs,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let input = form.clone();
    let outcome = state
        .db
        .run(move |conn| {
            let ids: Vec<i64> = category::list_active(conn)?.iter().map(|c| c.id).collect();
            match providers::validate_service(&input, &ids) {
                Ok(fields) => Ok(Ok(providers::save_service(conn, &user, service_id, &fields, &actor)?)),
                Err(errors) => Ok(Err(errors)),
            }
        })
        .await?;
    match outcome {
        Ok(_) => Ok(see_other(htmx, &page.href("/provider/services?notice=service-saved"))),
        Err(errors) => form_page(page, &state, service_id, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

pub async fn create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    CsrfForm(form): CsrfForm<Pairs>,
) -> AppResult<HttpResponse> {
    save(req, htmx, page, state, user, None, form).await
}

pub async fn update(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<Pairs>,
) -> AppResult<HttpResponse> {
    save(req, htmx, page, state, user, Some(path.into_inner().1), form).await
}

/// `POST /{lang}/provider/services/{id}/{activate|deactivate|delete}`: one route per action, one handler.
pub async fn change(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    path: web::Path<(String, i64, String)>,
    CsrfForm(_): CsrfForm<crate::handlers::account::Empty>,
) -> AppResult<HttpResponse> {
    let (_, id, action) = path.into_inner();
    let change = match action.as_str() {
        "activate" => ServiceChange::Activate,
        "deactivate" => ServiceChange::Deactivate,
        "delete" => ServiceChange::Delete,
        _ => return Err(AppError::NotFound),
    };
    let actor = actor(&req, Some(user.id));
    state.db.run(move |conn| providers::change_service(conn, &user, id, change, &actor)).await?;
    Ok(see_other(htmx, &page.href("/provider/services?notice=service-saved")))
}
