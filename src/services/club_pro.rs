//! Club Pro use cases. Stripe's webhooks are the only source of truth: a subscription changes here only from
//! Stripe's own state of it (re-read from Stripe for every event, so the order in which events arrive does not
//! matter), inside one transaction that stores the event once, applies the state, records the payment and
//! writes the audit row, the notification and its email. The pages start Checkout and ask Stripe for changes;
//! what Stripe answers is applied the same way.

use chrono::{Duration, NaiveDateTime};
use diesel::{Connection, OptionalExtension};

use crate::db::DbConn;
use crate::db::models::payment::{self, Payment};
use crate::db::models::subscription::{self, Plan, Subscription};
use crate::db::models::{User, provider, webhook_event};
use crate::db::types::{NotificationKind, PaymentStatus, ProviderStatus, SubscriptionStatus, WebhookSource};
use crate::domain::club_pro::{self, CHECKOUT_MINUTES};
use crate::error::AppError;
use crate::payments::{Incoming, Subject, SubscriptionFacts};
use crate::services::audit::{self, Actor, Entry};
use crate::services::emails::Context;
use crate::services::notify::{self, Event};
use crate::services::outbox::Queued;

/// What the Club Pro pages show a provider.
pub struct Overview {
    pub plans: Vec<Plan>,
    /// The latest subscription, live or not.
    pub current: Option<(Subscription, Plan)>,
    pub payments: Vec<Payment>,
}

impl Overview {
    /// The live subscription (waiting, active or past due), if any.
    pub fn live(&self) -> Option<&(Subscription, Plan)> {
        self.current.as_ref().filter(|(s, _)| {
            matches!(s.status, SubscriptionStatus::Pending | SubscriptionStatus::Active | SubscriptionStatus::PastDue)
        })
    }

    pub fn has_benefits(&self, now: NaiveDateTime) -> bool {
        self.current.as_ref().is_some_and(|(s, _)| club_pro::gives_benefits(s.status, s.current_period_end, now))
    }
}

/// Whether the person's Club Pro benefits run at `now`.
pub fn is_member(conn: &mut DbConn, user_id: i64, now: NaiveDateTime) -> Result<bool, AppError> {
    Ok(subscription::has_club_pro(conn, user_id, now)?)
}

/// The members featured now on a category-in-city page: their turn this hour (`domain::club_pro::featured_turn`).
pub fn featured(
    conn: &mut DbConn,
    category: i64,
    city: i64,
    now: NaiveDateTime,
) -> Result<Vec<crate::db::views::provider_card::ProviderCard>, AppError> {
    use crate::db::views::provider_card;
    let members = provider_card::featured_ids(conn, category, city, now)?;
    let turn = club_pro::featured_turn(&members, now.and_utc().timestamp() / 3600);
    Ok(provider_card::by_ids(conn, &turn, now)?)
}

pub fn plans(conn: &mut DbConn) -> Result<Vec<Plan>, AppError> {
    Ok(subscription::club_pro_plans(conn)?)
}

pub fn overview(conn: &mut DbConn, user_id: i64) -> Result<Overview, AppError> {
    Ok(Overview {
        plans: subscription::club_pro_plans(conn)?,
        current: subscription::latest(conn, user_id)?,
        payments: payment::of_user(conn, user_id, 24)?,
    })
}

/// A Checkout about to be opened: the waiting row, the plan's Stripe price and the customer to reuse.
pub struct Begun {
    pub row: i64,
    pub price: String,
    pub customer: Option<String>,
}

/// Checks that this provider may subscribe to the plan and writes the waiting subscription. Refused: a provider
/// not approved (403), an unknown or unpriced plan (422), a subscription already live or waiting (409; the
/// database's unique index settles two simultaneous clicks).
pub fn begin_checkout(conn: &mut DbConn, user: &User, plan_code: &str, now: NaiveDateTime) -> Result<Begun, AppError> {
    conn.transaction(|conn| {
        let approved = provider::for_user(conn, user.id)?.is_some_and(|p| p.status == ProviderStatus::Approved);
        if !approved {
            return Err(AppError::Forbidden("provider not approved"));
        }
        let plan = subscription::plan_by_code(conn, plan_code)?
            .filter(|p| p.is_active && p.kind == crate::db::types::PlanKind::ClubPro)
            .ok_or(AppError::Invalid("unknown plan"))?;
        let price = plan.stripe_price_id.clone().filter(|p| !p.is_empty()).ok_or(AppError::Invalid("unknown plan"))?;
        subscription::expire_abandoned(conn, Some(user.id), now - Duration::minutes(CHECKOUT_MINUTES + 5))?;
        if let Some((s, _)) = subscription::latest(conn, user.id)?
            && club_pro::blocks_new_checkout(s.status, s.created_at, now)
        {
            return Err(AppError::Conflict("a subscription is live"));
        }
        let customer = subscription::customer_of(conn, user.id)?;
        let row = match subscription::insert_pending(conn, user.id, plan.id, now) {
            Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
                return Err(AppError::Conflict("a subscription is live"));
            }
            other => other?,
        };
        Ok(Begun { row, price, customer })
    })
}

/// The Checkout session was created: its id and the customer are kept on the waiting row.
pub fn checkout_opened(conn: &mut DbConn, row: i64, session_id: &str, customer: &str) -> Result<(), AppError> {
    Ok(subscription::set_checkout(conn, row, session_id, customer)?)
}

/// Stripe could not open the Checkout: the waiting row goes, nothing else changed.
pub fn checkout_failed(conn: &mut DbConn, row: i64) -> Result<(), AppError> {
    Ok(subscription::delete_pending(conn, row)?)
}

/// What became of a webhook delivery.
#[derive(Debug, PartialEq, Eq)]
pub enum Applied {
    /// Applied now.
    Done,
    /// This event was applied before: nothing happened.
    Repeat,
    /// About nothing of ours (another product on the same Stripe account): stored, nothing else.
    Ignored,
}

/// Applies a verified event (once, by its id) with the subscription's current state as Stripe has it.
pub fn apply_event(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    event: &Incoming,
    payload: &str,
    facts: Option<&SubscriptionFacts>,
    now: NaiveDateTime,
) -> Result<(Applied, Queued), AppError> {
    conn.transaction(|conn| {
        if !webhook_event::insert_once(conn, WebhookSource::Stripe, &event.id, &event.kind, payload, now)? {
            return Ok((Applied::Repeat, Queued::default()));
        }
        let Some(facts) = facts else { return Ok((Applied::Ignored, Queued::default())) };
        let from_checkout = match &event.subject {
            Subject::CheckoutCompleted { row, .. } => *row,
            _ => None,
        };
        let row = match subscription::by_stripe_id(conn, &facts.id)? {
            Some(row) => Some(row),
            None => match facts.row.or(from_checkout) {
                Some(id) => subscription::find(conn, id)?,
                None => None,
            },
        };
        let Some(row) = row else {
            tracing::warn!(event = %event.id, subscription = %facts.id, "Stripe subscription unknown here");
            return Ok((Applied::Ignored, Queued::default()));
        };
        let mut queued = apply_state(conn, ctx, &row, facts, &format!("webhook {}", event.kind), now)?;
        if let Subject::Invoice { paid, invoice } = &event.subject {
            let status = if *paid { PaymentStatus::Succeeded } else { PaymentStatus::Failed };
            let plan = subscription::plan(conn, row.plan_id)?;
            let before = payment::record(
                conn,
                &payment::Invoice {
                    user_id: row.user_id,
                    subscription_id: row.id,
                    amount_cents: invoice.amount_cents,
                    currency: &invoice.currency,
                    status,
                    description: &plan.code,
                    stripe_invoice_id: &invoice.id,
                    hosted_invoice_url: invoice.hosted_url.as_deref(),
                    invoice_number: invoice.number.as_deref(),
                    paid_at: invoice.paid_at,
                },
                now,
            )?;
            if !paid && before.is_none() {
                let until = facts.period_end.map(|end| club_pro::benefits_until(SubscriptionStatus::PastDue, end));
                queued +=
                    tell(conn, ctx, row.user_id, NotificationKind::SubscriptionEnding, "payment-failed", until, now)?;
            }
        }
        Ok((Applied::Done, queued))
    })
}

/// Brings a subscription row to Stripe's state, in the caller's transaction, with its audit row and the
/// provider's notification when the status or the planned end changes.
fn apply_state(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    row: &Subscription,
    facts: &SubscriptionFacts,
    why: &str,
    now: NaiveDateTime,
) -> Result<Queued, AppError> {
    subscription::lock(conn, row.id)?;
    let row = subscription::find(conn, row.id)?.ok_or(AppError::NotFound)?;
    let plan_id = match facts.price_id.as_deref() {
        Some(price) => subscription::plan_by_price(conn, price)?.map_or(row.plan_id, |p| p.id),
        None => row.plan_id,
    };
    let mut status = club_pro::status_of(&facts.status);
    // A subscription that lapsed here (the sweep) stays lapsed unless Stripe has a later paid period.
    if row.status == SubscriptionStatus::Expired
        && status != SubscriptionStatus::Expired
        && facts.period_end.is_none_or(|end| Some(end) <= row.current_period_end)
    {
        status = SubscriptionStatus::Expired;
    }
    let state = subscription::State {
        plan_id,
        status,
        period_start: facts.period_start,
        period_end: facts.period_end,
        cancel_at_period_end: facts.cancel_at_period_end,
        stripe_subscription_id: &facts.id,
        stripe_customer_id: &facts.customer,
        cancelled_at: facts.canceled_at,
    };
    subscription::set_state(conn, row.id, &state, now)?;
    if row.status != status {
        // Members come first within their rating tier on category-in-city pages.
        relist(conn, row.user_id)?;
    }
    let changed = row.status != status
        || row.cancel_at_period_end != facts.cancel_at_period_end
        || row.plan_id != plan_id
        || row.current_period_end != facts.period_end;
    if changed {
        audit::record(
            conn,
            &Actor::default(),
            Entry::about_user("club_pro.subscription", row.user_id).about("subscription", row.id).with(
                serde_json::json!({
                    "why": why,
                    "status": status.as_str(),
                    "was": row.status.as_str(),
                    "period_end": facts.period_end.map(|t| t.to_string()),
                    "cancel_at_period_end": facts.cancel_at_period_end,
                    "plan_id": plan_id,
                }),
            ),
        )?;
    }
    let live = |s: SubscriptionStatus| matches!(s, SubscriptionStatus::Active | SubscriptionStatus::PastDue);
    use SubscriptionStatus::*;
    let note = match (row.status, status) {
        (Pending | Expired | Cancelled, Active) => Some((NotificationKind::SubscriptionActivated, "activated")),
        (Active | PastDue, Cancelled | Expired) => Some((NotificationKind::SubscriptionEnding, "ended")),
        (a, b) if live(a) && live(b) && !row.cancel_at_period_end && facts.cancel_at_period_end => {
            Some((NotificationKind::SubscriptionEnding, "scheduled"))
        }
        (a, b) if live(a) && live(b) && row.cancel_at_period_end && !facts.cancel_at_period_end => {
            Some((NotificationKind::SubscriptionActivated, "resumed"))
        }
        _ => None,
    };
    match note {
        Some((kind, variant)) => tell(conn, ctx, row.user_id, kind, variant, facts.period_end, now),
        None => Ok(Queued::default()),
    }
}

/// Rewrites the person's listings (their Club Pro place within a rating tier follows the subscription).
fn relist(conn: &mut DbConn, user_id: i64) -> Result<(), AppError> {
    if let Some(id) = provider::id_for_user(conn, user_id)? {
        provider::refresh_listing(conn, id)?;
    }
    Ok(())
}

/// The provider's notification and email about their subscription.
fn tell(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    user_id: i64,
    kind: NotificationKind,
    variant: &'static str,
    until: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<Queued, AppError> {
    let user = crate::db::models::user::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    let until = until.map(|t| crate::domain::schedule::to_local(t).date().to_string()).unwrap_or_default();
    let event = Event {
        kind,
        variant: Some(variant),
        data: serde_json::json!({ "until": until }),
        link: "/provider/club-pro".into(),
    };
    notify::send(conn, ctx, &user, event, now)
}

/// Applies what Stripe answered to a change asked from our pages (cancel at period end, resume, new plan):
/// the same state a webhook would bring.
pub fn apply_answer(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    user_id: i64,
    facts: &SubscriptionFacts,
    actor: &Actor,
    action: &str,
    now: NaiveDateTime,
) -> Result<Queued, AppError> {
    conn.transaction(|conn| {
        let row =
            subscription::by_stripe_id(conn, &facts.id)?.filter(|s| s.user_id == user_id).ok_or(AppError::NotFound)?;
        audit::record(conn, actor, Entry::about_user(action, user_id).about("subscription", row.id))?;
        apply_state(conn, ctx, &row, facts, action, now)
    })
}

/// The person's live subscription as known to Stripe (its id), for a change they ask for.
pub fn live_stripe_id(conn: &mut DbConn, user_id: i64) -> Result<String, AppError> {
    live_id(subscription::latest(conn, user_id)?.map(|(s, _)| s))
}

/// The Stripe id of a subscription that is live (active or past due) and known to Stripe.
fn live_id(s: Option<Subscription>) -> Result<String, AppError> {
    s.filter(|s| matches!(s.status, SubscriptionStatus::Active | SubscriptionStatus::PastDue))
        .and_then(|s| s.stripe_subscription_id)
        .ok_or(AppError::Conflict("no live subscription"))
}

/// The Stripe price of another plan, for a change between monthly and yearly.
pub fn price_of(conn: &mut DbConn, plan_code: &str) -> Result<String, AppError> {
    subscription::plan_by_code(conn, plan_code)?
        .filter(|p| p.is_active)
        .and_then(|p| p.stripe_price_id)
        .ok_or(AppError::Invalid("unknown plan"))
}

/// The Stripe customer of this person, for the customer portal.
pub fn customer(conn: &mut DbConn, user_id: i64) -> Result<String, AppError> {
    subscription::customer_of(conn, user_id)?.ok_or(AppError::Conflict("no live subscription"))
}

/// Ends the subscriptions whose period (and grace, when past due) ended with no renewal from Stripe, and
/// forgets Checkouts nobody paid. Run by the jobs loop.
pub fn sweep(conn: &mut DbConn, ctx: &Context<'_>, now: NaiveDateTime) -> Result<(usize, Queued), AppError> {
    conn.transaction(|conn| {
        subscription::expire_abandoned(conn, None, now - Duration::minutes(CHECKOUT_MINUTES + 5))?;
        let lapsed = subscription::lapsed(conn, now, Duration::days(club_pro::GRACE_DAYS))?;
        let mut queued = Queued::default();
        for s in &lapsed {
            subscription::set_status(conn, s.id, SubscriptionStatus::Expired, now)?;
            relist(conn, s.user_id)?;
            audit::record(
                conn,
                &Actor::default(),
                Entry::about_user("club_pro.expired", s.user_id).about("subscription", s.id),
            )?;
            queued +=
                tell(conn, ctx, s.user_id, NotificationKind::SubscriptionEnding, "ended", s.current_period_end, now)?;
        }
        Ok((lapsed.len(), queued))
    })
}

/// Whether this Stripe event was applied already (a quick look before asking Stripe anything).
pub fn seen(conn: &mut DbConn, event_id: &str) -> Result<bool, AppError> {
    Ok(webhook_event::exists(conn, WebhookSource::Stripe, event_id)?)
}

/// What the back office shows about Club Pro.
pub struct AdminOverview {
    pub figures: subscription::Figures,
    pub subscriptions: Vec<subscription::Listed>,
    pub payments: Vec<(Payment, crate::db::models::user::Named)>,
    pub plans: Vec<Plan>,
}

pub fn admin_overview(conn: &mut DbConn, now: NaiveDateTime) -> Result<AdminOverview, AppError> {
    Ok(AdminOverview {
        figures: subscription::figures(conn, now)?,
        subscriptions: subscription::listed(conn, None, 100)?,
        payments: payment::recent(conn, 50)?,
        plans: subscription::all_plans(conn)?,
    })
}

/// The dashboard's Club Pro figures.
pub fn figures(conn: &mut DbConn, now: NaiveDateTime) -> Result<subscription::Figures, AppError> {
    Ok(subscription::figures(conn, now)?)
}

/// A person's subscriptions, latest first (the back office's user page).
pub fn history(conn: &mut DbConn, user_id: i64) -> Result<Vec<subscription::Listed>, AppError> {
    Ok(subscription::listed(conn, Some(user_id), 50)?)
}

/// A plan's price, Stripe price and availability, as the back office sets them (audited).
pub fn update_plan(
    conn: &mut DbConn,
    actor: &Actor,
    id: i64,
    price_cents: i64,
    stripe_price_id: Option<&str>,
    is_active: bool,
) -> Result<(), AppError> {
    if price_cents <= 0 || stripe_price_id.is_some_and(|p| !p.starts_with("price_") || p.len() > 255) {
        return Err(AppError::Invalid("plan price or Stripe price id"));
    }
    conn.transaction(|conn| {
        let before = subscription::plan(conn, id).optional()?.ok_or(AppError::NotFound)?;
        subscription::update_plan(conn, id, price_cents, stripe_price_id, is_active)?;
        let entry = Entry::named("club_pro.plan_edited").about("subscription_plan", id).with(serde_json::json!({
            "code": before.code,
            "price_cents": price_cents,
            "was_price_cents": before.price_cents,
            "stripe_price_id": stripe_price_id,
            "is_active": is_active,
        }));
        Ok(audit::record(conn, actor, entry)?)
    })
}

/// The holder and Stripe id of a live subscription (the back office cancels it through Stripe).
pub fn live_by_row(conn: &mut DbConn, id: i64) -> Result<(i64, String), AppError> {
    let s = subscription::find(conn, id)?.ok_or(AppError::NotFound)?;
    Ok((s.user_id, live_id(Some(s))?))
}
