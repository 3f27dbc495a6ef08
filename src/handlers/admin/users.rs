//! `/{lang}/admin/users`: search by name, email or phone, filter by role and status, sort, 30 a page
//! (HTMX filters in place; a plain GET form without JavaScript), the same list as CSV, and a user's page
//! with their bookings, reviews, sessions and audit trail.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::audit_log::AuditLog;
use crate::db::models::booking::{Booking, Side};
use crate::db::models::review::Review;
use crate::db::models::session::Session;
use crate::db::models::user::{self, AdminFilter, AdminSort, User};
use crate::db::models::{Provider, provider};
use crate::db::types::{UserRole, UserStatus};
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::admin_users::{self, Decision};
use crate::state::{AppState, deliver};
use crate::web::auth::{Admin, actor};
use crate::web::listing::Listing;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, render};

pub const PER_PAGE: i64 = 30;
/// The CSV export's limit (the current filter's first rows).
pub const CSV_LIMIT: i64 = 10_000;

#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct UsersQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub sort: String,
    #[serde(default, skip_serializing)]
    pub page: String,
}

impl Listing for UsersQuery {
    fn raw_page(&self) -> &str {
        &self.page
    }
}

impl UsersQuery {
    fn filter(&self) -> AdminFilter {
        let q = self.q.trim();
        AdminFilter {
            q: (!q.is_empty()).then(|| q.chars().take(100).collect()),
            role: self.role.parse().ok(),
            status: self.status.parse().ok(),
            sort: match self.sort.as_str() {
                "oldest" => AdminSort::Oldest,
                "name" => AdminSort::Name,
                "login" => AdminSort::LastLogin,
                _ => AdminSort::Newest,
            },
        }
    }
}

/// The Fluent key of an account status.
pub fn status_key(status: &UserStatus) -> &'static str {
    match status {
        UserStatus::Active => "admin-user-status-active",
        UserStatus::Suspended => "admin-user-status-suspended",
        UserStatus::Deleted => "admin-user-status-deleted",
    }
}

#[derive(Template)]
#[template(path = "admin/users/index.html")]
pub struct UsersTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub query: UsersQuery,
    pub users: Vec<User>,
    pub current_page: i64,
    pub has_next: bool,
    pub roles: &'static [UserRole],
    pub statuses: &'static [UserStatus],
}

impl UsersTemplate {
    pub fn role_key(&self, role: &UserRole) -> &'static str {
        crate::handlers::account::index::role_key(role)
    }

    pub fn when(&self, t: &chrono::NaiveDateTime) -> String {
        crate::web::format::date_long(&self.i18n, crate::domain::schedule::to_local(*t).date())
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<UsersQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let (filter, current_page) = (query.filter(), query.page());
    let mut users = state
        .db
        .run(move |conn| Ok(user::admin_list(conn, &filter, (current_page - 1) * PER_PAGE, PER_PAGE + 1)?))
        .await?;
    let has_next = users.len() as i64 > PER_PAGE;
    users.truncate(PER_PAGE as usize);
    let tpl = UsersTemplate {
        i18n: page.i18n(),
        page,
        query,
        users,
        current_page,
        has_next,
        roles: UserRole::ALL,
        statuses: UserStatus::ALL,
    };
    Ok(crate::handlers::account::private(render(&tpl)?))
}

/// `GET /{lang}/admin/users.csv?…`: the list as filtered, up to [`CSV_LIMIT`] rows.
pub async fn csv(
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<UsersQuery>,
) -> AppResult<HttpResponse> {
    let filter = query.filter();
    let users = state.db.run(move |conn| Ok(user::admin_list(conn, &filter, 0, CSV_LIMIT)?)).await?;
    let time =
        |t: Option<chrono::NaiveDateTime>| t.map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string()).unwrap_or_default();
    let header = "id,email,first_name,last_name,phone,role,status,email_verified_at,created_at,last_login_at";
    let rows = users.into_iter().map(|u| {
        vec![
            u.id.to_string(),
            u.email,
            u.first_name,
            u.last_name,
            u.phone.unwrap_or_default(),
            u.role.as_str().to_string(),
            u.status.as_str().to_string(),
            time(u.email_verified_at),
            time(Some(u.created_at)),
            time(u.last_login_at),
        ]
    });
    Ok(crate::web::csv::response("khadamat-users.csv", header, rows))
}

#[derive(Template)]
#[template(path = "admin/users/show.html")]
pub struct UserTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub user: User,
    pub provider: Option<Provider>,
    pub bookings: Vec<Booking>,
    pub reviews: Vec<Review>,
    pub sessions: Vec<Session>,
    pub events: Vec<AuditLog>,
    pub club_pro: bool,
    /// Club Pro subscriptions, latest first.
    pub subscriptions: Vec<crate::db::models::subscription::Listed>,
    /// The provider's services (active first).
    pub services: Vec<crate::db::models::service::Service>,
    /// A refused decision (Fluent key).
    pub error: Option<&'static str>,
    pub roles: &'static [UserRole],
}

impl UserTemplate {
    pub fn when(&self, t: &chrono::NaiveDateTime) -> String {
        crate::web::format::datetime_long(&self.i18n, *t)
    }

    pub fn role_key(&self) -> &'static str {
        crate::handlers::account::index::role_key(&self.user.role)
    }
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    user_page(page, &state, path.into_inner().1, None, StatusCode::OK).await
}

async fn user_page(
    page: Page,
    state: &web::Data<AppState>,
    id: i64,
    error: Option<&'static str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let i18n = page.i18n();
    let tpl = state
        .db
        .run(move |conn| {
            let user = user::find(conn, id)?.ok_or(AppError::NotFound)?;
            let provider = provider::for_user(conn, id)?;
            let services = match &provider {
                Some(p) => crate::db::models::service::list_for_provider(conn, p.id)?,
                None => Vec::new(),
            };
            let side = match &provider {
                Some(p) => Side::Provider(p.id),
                None => Side::Client(id),
            };
            let pick = crate::web::format::picker(i18n);
            let list = |conn: &mut crate::db::DbConn, side| {
                crate::db::models::booking::list(conn, side, None, &[], now, (1, 20), pick)
                    .map(|(rows, _)| rows.into_iter().map(|(b, _)| b))
            };
            let mut bookings: Vec<_> = list(conn, side)?.collect();
            if provider.is_some() {
                // A provider may book others too.
                bookings.extend(list(conn, Side::Client(id))?);
            }
            Ok((
                user,
                provider,
                bookings,
                crate::db::models::review::by_or_about_user(conn, id, 20)?,
                crate::db::models::session::list_for_user(conn, id, now)?,
                crate::db::models::audit_log::about_user(conn, id, 50)?,
                crate::db::models::subscription::has_club_pro(conn, id, now)?,
                services,
                crate::services::club_pro::history(conn, id)?,
            ))
        })
        .await?;
    let (user, provider, bookings, reviews, sessions, events, club_pro, services, subscriptions) = tpl;
    let tpl = UserTemplate {
        i18n: page.i18n(),
        page,
        user,
        provider,
        bookings,
        reviews,
        sessions,
        events,
        club_pro,
        services,
        subscriptions,
        error,
        roles: UserRole::ALL,
    };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub role: String,
    /// "grant" or "revoke" (the verified badge).
    #[serde(default)]
    pub badge: String,
}

/// `POST /{lang}/admin/users/{id}/{suspend|reactivate|verify-email|role|badge|delete}`.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64, String)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> AppResult<HttpResponse> {
    let (_, id, name) = path.into_inner();
    let decision = match name.as_str() {
        "suspend" => Decision::Suspend,
        "reactivate" => Decision::Reactivate,
        "verify-email" => Decision::VerifyEmail,
        "badge" => Decision::Badge(form.badge == "grant"),
        "delete" => Decision::Delete,
        _ => match form.role.parse::<UserRole>() {
            Ok(role) => Decision::Role(role),
            Err(_) => {
                return user_page(page, &state, id, Some("admin-user-error-role"), StatusCode::UNPROCESSABLE_ENTITY)
                    .await;
            }
        },
    };
    let actor = actor(&req, Some(admin.id));
    let app = state.clone();
    let now = state.clock.now();
    let outcome = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            admin_users::decide(conn, &ctx, &admin, id, decision, &form.reason, now, &actor)
        })
        .await?;
    match outcome {
        Ok(outcome) => {
            deliver(&state, outcome.emails).await;
            crate::realtime::publish_all(&state, outcome.live).await;
            crate::services::media::remove_all(&state.media, outcome.pictures).await;
            let back =
                if decision == Decision::Delete { "/admin/users".to_string() } else { format!("/admin/users/{id}") };
            Ok(see_other(htmx, &page.href(&format!("{back}?notice=decision-saved"))))
        }
        Err(key) => {
            let status =
                if key == "admin-user-error-moved" { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
            user_page(page, &state, id, Some(key), status).await
        }
    }
}

/// `POST /{lang}/admin/services/{id}/deactivate` (a reason is required; the provider is emailed).
pub async fn deactivate_service(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let actor = actor(&req, Some(admin.id));
    let app = state.clone();
    let now = state.clock.now();
    let (owner, outcome) = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            admin_users::deactivate_service(conn, &ctx, id, &form.reason, now, &actor)
        })
        .await?;
    match outcome {
        Ok(emails) => {
            deliver(&state, emails).await;
            Ok(see_other(htmx, &page.href(&format!("/admin/users/{owner}?notice=decision-saved"))))
        }
        Err(key) => {
            let status =
                if key == "admin-user-error-moved" { StatusCode::CONFLICT } else { StatusCode::UNPROCESSABLE_ENTITY };
            user_page(page, &state, owner, Some(key), status).await
        }
    }
}
