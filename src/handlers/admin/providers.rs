//! `/{lang}/admin/providers`: pending providers, approve, reject with a reason; `/{lang}/admin/providers/all`:
//! every provider by name, status and badge, with Club Pro at a glance, and the same list as CSV.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::{Provider, provider};
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::providers;
use crate::state::{AppState, deliver};
use crate::web::auth::{Admin, actor};
use crate::web::listing::Listing;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "admin/providers/index.html")]
pub struct QueueTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub pending: Vec<Provider>,
    pub errors: FieldErrors,
    pub failed_id: i64,
}

async fn queue(
    page: Page,
    state: &web::Data<AppState>,
    errors: FieldErrors,
    failed_id: i64,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let pending = state.db.run(|conn| Ok(provider::pending(conn)?)).await?;
    let tpl = QueueTemplate { i18n: page.i18n(), page, pending, errors, failed_id };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn index(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    queue(page, &state, FieldErrors::new(), 0, StatusCode::OK).await
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub reason: String,
}

/// `POST /{lang}/admin/providers/{id}/{approve|reject}` (a reason is required to reject).
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
    let approve = decision == "approve";
    let actor = actor(&req, Some(admin.id));
    let app = state.clone();
    let reason = form.reason;
    let outcome = state
        .db
        .run(move |conn| {
            providers::decide(conn, &admin, id, approve, &reason, &actor, &crate::handlers::auth::email_context(&app))
        })
        .await?;
    match outcome {
        Ok(emails) => {
            deliver(&state, emails).await;
            Ok(see_other(htmx, &page.href("/admin/providers?notice=decision-saved")))
        }
        Err(errors) => queue(page, &state, errors, id, StatusCode::UNPROCESSABLE_ENTITY).await,
    }
}

pub const PER_PAGE: i64 = 30;
pub const CSV_LIMIT: i64 = 10_000;

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct ListQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub verified: String,
    #[serde(default, skip_serializing)]
    pub page: String,
}

impl Listing for ListQuery {
    fn raw_page(&self) -> &str {
        &self.page
    }
}

impl ListQuery {
    /// None when a field cannot match (an unknown status).
    fn filter(&self) -> Option<provider::AdminFilter> {
        let q = self.q.trim();
        let status = match self.status.as_str() {
            "" => None,
            s => Some(s.parse().ok()?),
        };
        Some(provider::AdminFilter {
            q: (!q.is_empty()).then(|| q.chars().take(100).collect()),
            status,
            verified: match self.verified.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
        })
    }
}

#[derive(Template)]
#[template(path = "admin/providers/all.html")]
pub struct ListTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub query: ListQuery,
    pub rows: Vec<(Provider, bool)>,
    pub statuses: &'static [crate::db::types::ProviderStatus],
    pub current_page: i64,
    pub has_next: bool,
}

impl ListTemplate {
    pub fn status_key(&self, status: &crate::db::types::ProviderStatus) -> &'static str {
        crate::handlers::admin::dashboard::provider_status_key(status)
    }
}

async fn load(
    state: &web::Data<AppState>,
    query: &ListQuery,
    offset: i64,
    limit: i64,
) -> AppResult<Vec<(Provider, bool)>> {
    let filter = query.filter();
    let now = state.clock.now();
    state
        .db
        .run(move |conn| match filter {
            Some(filter) => Ok(provider::admin_list(conn, &filter, now, offset, limit)?),
            None => Ok(Vec::new()),
        })
        .await
}

pub async fn all(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let current_page = query.page();
    let mut rows = load(&state, &query, (current_page - 1) * PER_PAGE, PER_PAGE + 1).await?;
    let has_next = rows.len() as i64 > PER_PAGE;
    rows.truncate(PER_PAGE as usize);
    let tpl = ListTemplate {
        i18n: page.i18n(),
        page,
        query,
        rows,
        statuses: crate::db::types::ProviderStatus::ALL,
        current_page,
        has_next,
    };
    Ok(crate::handlers::account::private(crate::web::render(&tpl)?))
}

/// `GET /{lang}/admin/providers.csv?…`: the list as filtered, up to [`CSV_LIMIT`] rows.
pub async fn csv(state: web::Data<AppState>, Admin(_): Admin, query: web::Query<ListQuery>) -> AppResult<HttpResponse> {
    let rows = load(&state, &query, 0, CSV_LIMIT).await?;
    let header =
        "id,user_id,display_name,slug,status,verified,club_pro,rating_avg,review_count,completed_jobs,created_at";
    let lines = rows.into_iter().map(|(p, club)| {
        vec![
            p.id.to_string(),
            p.user_id.to_string(),
            p.display_name,
            p.slug,
            p.status.as_str().to_string(),
            p.is_verified.to_string(),
            club.to_string(),
            format!("{:.2}", p.rating_avg),
            p.review_count.to_string(),
            p.completed_jobs.to_string(),
            p.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        ]
    });
    Ok(crate::web::csv::response("khadamat-providers.csv", header, lines))
}
