//! `/{lang}/admin/subscriptions`: Club Pro in the back office — members, monthly recurring revenue, churn,
//! payments with totals, every subscription (status, plan, holder, period, Stripe ids) with "cancel now"
//! (through Stripe, audited), and the plans (price, Stripe price, on offer).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::{AppError, AppResult};
use crate::handlers::provider::club_pro::{apply, day, finish, status_key};
use crate::i18n::I18n;
use crate::payments::PaymentsError;
use crate::services::club_pro::{self, AdminOverview};
use crate::state::AppState;
use crate::web::auth::{Admin, actor};
use crate::web::render::see_other;
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "admin/subscriptions/index.html")]
pub struct SubscriptionsTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub overview: AdminOverview,
    pub payments_ready: bool,
}

impl SubscriptionsTemplate {
    pub fn status_key(&self, s: &crate::db::models::subscription::Subscription) -> &'static str {
        status_key(s.status)
    }

    pub fn period_end(&self, s: &crate::db::models::subscription::Subscription) -> String {
        s.current_period_end.map(|t| day(&self.i18n, t)).unwrap_or_else(|| "—".into())
    }

    pub fn paid_day(&self, p: &crate::db::models::payment::Payment) -> String {
        day(&self.i18n, p.paid_at.unwrap_or(p.created_at))
    }

    pub fn churn(&self) -> String {
        churn(&self.i18n, &self.overview.figures)
    }

    /// A plan's price as the form shows it ("199" or "199.50").
    pub fn price_field(&self, cents: &i64) -> String {
        if cents % 100 == 0 { (cents / 100).to_string() } else { format!("{}.{:02}", cents / 100, cents % 100) }
    }

    pub fn is_live(&self, s: &crate::db::models::subscription::Subscription) -> bool {
        use crate::db::types::SubscriptionStatus::*;
        matches!(s.status, Active | PastDue) && s.stripe_subscription_id.is_some()
    }
}

/// The churn over 30 days, as a percentage ("—" with no members).
pub fn churn(i18n: &I18n, figures: &crate::db::models::subscription::Figures) -> String {
    match figures.churn_percent() {
        Some(p) => i18n.t_with("statistics-percent", [("value", i18n.decimal(p, 1).as_str())]),
        None => "—".into(),
    }
}

pub async fn index(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let overview = state.db.run(move |conn| club_pro::admin_overview(conn, now)).await?;
    let payments_ready = state.stripe.is_some();
    render(&SubscriptionsTemplate { i18n: page.i18n(), page, overview, payments_ready })
}

/// `POST /{lang}/admin/subscriptions/{id}/cancel`: ends the subscription now, through Stripe.
pub async fn cancel(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(_): CsrfForm<crate::handlers::account::Empty>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let result = async {
        let stripe = state.stripe.clone().ok_or(PaymentsError::NotConfigured)?;
        let (user_id, stripe_id) = state.db.run(move |conn| club_pro::live_by_row(conn, id)).await?;
        let facts = stripe.cancel_now(&stripe_id).await?;
        apply(&state, actor(&req, Some(admin.id)), user_id, facts, "club_pro.admin_cancel").await?;
        Ok(see_other(htmx, &page.href("/admin/subscriptions?notice=decision-saved")))
    }
    .await;
    finish(htmx, &page, "/admin/subscriptions", result)
}

#[derive(serde::Deserialize)]
pub struct PlanForm {
    pub price: String,
    #[serde(default)]
    pub stripe_price_id: String,
    #[serde(default)]
    pub is_active: Option<String>,
}

/// `POST /{lang}/admin/plans/{id}`: a plan's price (MAD), Stripe price id and whether it is on offer.
pub async fn update_plan(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<PlanForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let price = crate::domain::money::parse_mad(&form.price).ok_or(AppError::Invalid("plan price"))?;
    let stripe_price = Some(form.stripe_price_id.trim().to_string()).filter(|p| !p.is_empty());
    let active = form.is_active.is_some();
    let actor = actor(&req, Some(admin.id));
    state.db.run(move |conn| club_pro::update_plan(conn, &actor, id, price, stripe_price.as_deref(), active)).await?;
    Ok(see_other(htmx, &page.href("/admin/subscriptions?notice=decision-saved#plans")))
}
