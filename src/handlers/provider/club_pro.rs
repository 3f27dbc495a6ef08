//! `/{lang}/provider/club-pro`: the provider's Club Pro — status, renewal or end date, invoices — and the changes
//! they can ask for: subscribe (Stripe Checkout), cancel at the end of the period, resume, monthly ↔ yearly, the
//! Stripe customer portal. `/{lang}/provider/club-pro/welcome`: back from Checkout, the page waits for Stripe's
//! webhook (it never activates anything itself).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::NaiveDateTime;

use crate::error::{AppError, AppResult};
use crate::handlers::account::{Empty, private};
use crate::i18n::I18n;
use crate::payments::{Checkout, PaymentsError, Stripe};
use crate::services::club_pro::{self, Overview};
use crate::services::emails::Context;
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentProvider, actor};
use crate::web::render::{redirect, see_other};
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "provider/club_pro/show.html")]
pub struct ClubProTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub overview: Overview,
    pub now: NaiveDateTime,
    /// Whether this server can take payments (Stripe keys set).
    pub payments_ready: bool,
}

#[derive(Template)]
#[template(path = "provider/club_pro/welcome.html")]
pub struct WelcomeTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub active: bool,
    pub until: Option<NaiveDateTime>,
}

#[derive(Template)]
#[template(path = "provider/club_pro/welcome_status.html")]
pub struct WelcomeStatus {
    pub i18n: I18n,
    pub page: Page,
    pub active: bool,
    pub until: Option<NaiveDateTime>,
}

#[derive(serde::Deserialize)]
pub struct PlanForm {
    pub plan: String,
}

/// The Content-Security-Policy of a page whose forms continue to Stripe (Checkout, the customer portal): the
/// site's policy with Stripe's pages added to `form-action` (a redirect after a form is checked against it).
pub fn with_stripe_forms(mut res: HttpResponse, state: &AppState) -> HttpResponse {
    let extra = crate::payments::page_origins(&state.config);
    let csp = state.assets.csp().replace("form-action 'self'", &format!("form-action 'self' {extra}"));
    if let Ok(value) = header::HeaderValue::from_str(&csp) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    res
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
) -> AppResult<HttpResponse> {
    let overview = state.db.run(move |conn| club_pro::overview(conn, user.id)).await?;
    let now = state.clock.now();
    let payments_ready = state.stripe.is_some();
    let res = render(&ClubProTemplate { i18n: page.i18n(), page, overview, now, payments_ready })?;
    Ok(private(with_stripe_forms(res, &state)))
}

impl ClubProTemplate {
    /// The last day of a past due subscription's benefits.
    pub fn grace_day(&self, s: &crate::db::models::subscription::Subscription) -> String {
        let end = s.current_period_end.map(|end| crate::domain::club_pro::benefits_until(s.status, end));
        end.map(|t| day(&self.i18n, t)).unwrap_or_default()
    }

    pub fn paid_day(&self, p: &crate::db::models::payment::Payment) -> String {
        day(&self.i18n, p.paid_at.unwrap_or(p.created_at))
    }
}

fn stripe_of(state: &AppState) -> Result<std::sync::Arc<Stripe>, PaymentsError> {
    state.stripe.clone().ok_or(PaymentsError::NotConfigured)
}

/// Why a change that goes through Stripe did not happen: our own refusal (its error page), or Stripe (not set
/// up, or not answering: back to the page with a notice).
pub enum Failure {
    App(AppError),
    Stripe(PaymentsError),
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure::App(e)
    }
}

impl From<PaymentsError> for Failure {
    fn from(e: PaymentsError) -> Self {
        Failure::Stripe(e)
    }
}

/// The answer to a change through Stripe; `back_to` is the page that shows the notice.
pub fn finish(
    htmx: Htmx,
    page: &Page,
    back_to: &str,
    result: Result<HttpResponse, Failure>,
) -> AppResult<HttpResponse> {
    match result {
        Ok(res) => Ok(res),
        Err(Failure::App(e)) => Err(e),
        Err(Failure::Stripe(e)) => {
            let notice = match e {
                PaymentsError::NotConfigured => "subscription-not-set-up",
                PaymentsError::Stripe(_) | PaymentsError::Refused(_) => {
                    tracing::warn!(error = %e, "Stripe call failed");
                    "subscription-unavailable"
                }
            };
            Ok(see_other(htmx, &page.href(&format!("{back_to}?notice={notice}"))))
        }
    }
}

/// To a page of Stripe's (Checkout, the portal): a plain redirect, or HTMX told to load it whole.
fn to_stripe(htmx: Htmx, url: &str) -> HttpResponse {
    if htmx.wants_fragment() { see_other(htmx, url) } else { redirect(url) }
}

/// `POST /{lang}/provider/club-pro/checkout` (plan): writes the waiting subscription, creates (or reuses) the
/// Stripe customer and a Checkout session, and sends the provider there.
pub async fn checkout(
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    CsrfForm(form): CsrfForm<PlanForm>,
) -> AppResult<HttpResponse> {
    let result = async {
        let stripe = stripe_of(&state)?;
        let now = state.clock.now();
        let u = user.clone();
        let begun = match state.db.run(move |conn| club_pro::begin_checkout(conn, &u, &form.plan, now)).await {
            Err(AppError::Conflict("a subscription is live")) => {
                return Ok(see_other(htmx, &page.href("/provider/club-pro?notice=subscription-already")));
            }
            other => other?,
        };
        let row = begun.row;
        let opened = async {
            let customer = match begun.customer {
                Some(c) => c,
                None => {
                    let name = format!("{} {}", user.first_name, user.last_name);
                    stripe.create_customer(&user.email, name.trim(), user.id).await?
                }
            };
            let base = format!("{}/{}", state.config.base_url, page.lang.code());
            let (session, url) = stripe
                .checkout(&Checkout {
                    customer: &customer,
                    price: &begun.price,
                    row,
                    user_id: user.id,
                    success_url: format!("{base}/provider/club-pro/welcome"),
                    cancel_url: format!("{base}/provider/club-pro?notice=subscription-checkout-cancelled"),
                    lang: page.lang,
                    expires_at: now + chrono::Duration::minutes(crate::domain::club_pro::CHECKOUT_MINUTES),
                })
                .await?;
            Ok::<_, PaymentsError>((customer, session, url))
        }
        .await;
        match opened {
            Ok((customer, session, url)) => {
                state.db.run(move |conn| club_pro::checkout_opened(conn, row, &session, &customer)).await?;
                Ok(to_stripe(htmx, &url))
            }
            Err(e) => {
                // Nothing was opened: the waiting row goes.
                state.db.run(move |conn| club_pro::checkout_failed(conn, row)).await?;
                Err(e.into())
            }
        }
    }
    .await;
    finish(htmx, &page, "/provider/club-pro", result)
}

/// `GET /{lang}/provider/club-pro/welcome`: "payment received, activating…" until the webhook has activated
/// the subscription (HTMX asks again every 2 s; without JavaScript, a link refreshes).
pub async fn welcome(
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
) -> AppResult<HttpResponse> {
    let overview = state.db.run(move |conn| club_pro::overview(conn, user.id)).await?;
    let now = state.clock.now();
    let active = overview.has_benefits(now);
    let until = overview.current.as_ref().and_then(|(s, _)| s.current_period_end);
    let i18n = page.i18n();
    let res = if htmx.wants_fragment() {
        render(&WelcomeStatus { i18n, page, active, until })?
    } else {
        render(&WelcomeTemplate { i18n, page, active, until })?
    };
    Ok(private(res))
}

/// `POST /{lang}/provider/club-pro/{cancel|resume}`: cancel at the end of the paid period, or take that back.
pub async fn change(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CurrentProvider(user): CurrentProvider,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let cancel = path.1 == "cancel";
    let result = async {
        let stripe = stripe_of(&state)?;
        let id = state.db.run(move |conn| club_pro::live_stripe_id(conn, user.id)).await?;
        let facts = stripe.cancel_at_period_end(&id, cancel).await?;
        let action = if cancel { "club_pro.cancel" } else { "club_pro.resume" };
        apply(&state, actor(&req, Some(user.id)), user.id, facts, action).await?;
        let notice = if cancel { "subscription-cancelled" } else { "subscription-resumed" };
        Ok(see_other(htmx, &page.href(&format!("/provider/club-pro?notice={notice}"))))
    }
    .await;
    finish(htmx, &page, "/provider/club-pro", result)
}

/// `POST /{lang}/provider/club-pro/plan` (plan): monthly ↔ yearly, prorated by Stripe.
pub async fn switch_plan(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    CsrfForm(form): CsrfForm<PlanForm>,
) -> AppResult<HttpResponse> {
    let result = async {
        let stripe = stripe_of(&state)?;
        let (id, price) = state
            .db
            .run(move |conn| Ok((club_pro::live_stripe_id(conn, user.id)?, club_pro::price_of(conn, &form.plan)?)))
            .await?;
        let current = stripe.subscription(&id).await?;
        let facts = if current.price_id.as_deref() == Some(price.as_str()) {
            current
        } else {
            stripe.change_price(&current, &price).await?
        };
        apply(&state, actor(&req, Some(user.id)), user.id, facts, "club_pro.plan").await?;
        Ok(see_other(htmx, &page.href("/provider/club-pro?notice=subscription-plan-changed")))
    }
    .await;
    finish(htmx, &page, "/provider/club-pro", result)
}

/// `POST /{lang}/provider/club-pro/portal`: Stripe's customer portal (payment method, invoices, cancellation).
pub async fn portal(
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentProvider(user): CurrentProvider,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    let result = async {
        let stripe = stripe_of(&state)?;
        let customer = state.db.run(move |conn| club_pro::customer(conn, user.id)).await?;
        let back_url = format!("{}{}", state.config.base_url, page.href("/provider/club-pro"));
        Ok(to_stripe(htmx, &stripe.portal(&customer, &back_url, page.lang).await?))
    }
    .await;
    finish(htmx, &page, "/provider/club-pro", result)
}

/// Applies Stripe's answer to a change asked from our pages (the same state a webhook brings), with its audit
/// row by `actor`, and sends the holder's email.
pub async fn apply(
    state: &web::Data<AppState>,
    actor: crate::services::audit::Actor,
    holder: i64,
    facts: crate::payments::SubscriptionFacts,
    action: &'static str,
) -> AppResult<()> {
    let now = state.clock.now();
    let s = state.clone();
    let queued = state
        .db
        .run(move |conn| {
            let ctx = Context { base_url: &s.config.base_url };
            club_pro::apply_answer(conn, &ctx, holder, &facts, &actor, action, now)
        })
        .await?;
    deliver(state, queued).await;
    Ok(())
}

/// The Fluent key of a subscription status.
pub fn status_key(status: impl Deref<crate::db::types::SubscriptionStatus>) -> &'static str {
    use crate::db::types::SubscriptionStatus::*;
    match status.value() {
        Pending => "club-pro-status-pending",
        Active => "club-pro-status-active",
        PastDue => "club-pro-status-past-due",
        Cancelled => "club-pro-status-cancelled",
        Expired => "club-pro-status-expired",
    }
}

/// A day in Moroccan time, written out ("31 décembre 2026").
pub fn day(i18n: &I18n, t: impl Deref<NaiveDateTime>) -> String {
    crate::i18n::format::date_long(i18n, crate::domain::schedule::to_local(t.value()).date())
}

/// A value, or a reference to one at any depth (templates pass their fields by reference).
pub trait Deref<T: Copy> {
    fn value(&self) -> T;
}

macro_rules! deref_for {
    ($($t:ty),*) => {$(
        impl Deref<$t> for $t {
            fn value(&self) -> $t {
                *self
            }
        }
    )*};
}
deref_for!(NaiveDateTime, crate::db::types::SubscriptionStatus);

impl<T: Copy, R: Deref<T>> Deref<T> for &R {
    fn value(&self) -> T {
        (**self).value()
    }
}
