//! Club Pro plans and subscriptions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{subscription_plans, subscriptions};
use crate::db::types::{BillingInterval, PlanKind, SubscriptionStatus};

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = subscription_plans)]
pub struct Plan {
    pub id: i64,
    pub code: String,
    pub kind: PlanKind,
    pub billing_interval: BillingInterval,
    pub price_cents: i64,
    pub stripe_price_id: Option<String>,
    pub is_active: bool,
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = subscriptions)]
pub struct Subscription {
    pub id: i64,
    pub user_id: i64,
    pub plan_id: i64,
    pub status: SubscriptionStatus,
    pub current_period_start: Option<NaiveDateTime>,
    pub current_period_end: Option<NaiveDateTime>,
    pub cancel_at_period_end: bool,
    pub stripe_customer_id: Option<String>,
    pub stripe_subscription_id: Option<String>,
    pub stripe_checkout_session_id: Option<String>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The condition on `subscriptions` of one that gives its benefits at `$now` (as `domain::club_pro::gives_benefits`):
/// active until the end of its period, past due until the grace after it.
macro_rules! giving_benefits {
    ($now:expr) => {{
        use $crate::db::schema::subscriptions as s;
        use $crate::db::types::SubscriptionStatus;
        let now: chrono::NaiveDateTime = $now;
        s::status.eq(SubscriptionStatus::Active).and(s::current_period_end.gt(now)).or(s::status
            .eq(SubscriptionStatus::PastDue)
            .and(s::current_period_end.gt(now - chrono::Duration::days($crate::domain::club_pro::GRACE_DAYS))))
    }};
}
pub(crate) use giving_benefits;

/// The Club Pro plans on offer, monthly first.
pub fn club_pro_plans(conn: &mut DbConn) -> QueryResult<Vec<Plan>> {
    subscription_plans::table
        .filter(subscription_plans::kind.eq(PlanKind::ClubPro))
        .filter(subscription_plans::is_active.eq(true))
        .order((subscription_plans::position.asc(), subscription_plans::id.asc()))
        .select(Plan::as_select())
        .load(conn)
}

pub fn plan(conn: &mut DbConn, id: i64) -> QueryResult<Plan> {
    subscription_plans::table.find(id).select(Plan::as_select()).first(conn)
}

pub fn plan_by_code(conn: &mut DbConn, code: &str) -> QueryResult<Option<Plan>> {
    subscription_plans::table.filter(subscription_plans::code.eq(code)).select(Plan::as_select()).first(conn).optional()
}

pub fn plan_by_price(conn: &mut DbConn, stripe_price_id: &str) -> QueryResult<Option<Plan>> {
    subscription_plans::table
        .filter(subscription_plans::stripe_price_id.eq(stripe_price_id))
        .select(Plan::as_select())
        .first(conn)
        .optional()
}

/// The person's latest subscription (live or not) with its plan.
pub fn latest(conn: &mut DbConn, user_id: i64) -> QueryResult<Option<(Subscription, Plan)>> {
    subscriptions::table
        .inner_join(subscription_plans::table)
        .filter(subscriptions::user_id.eq(user_id))
        .order(subscriptions::id.desc())
        .select((Subscription::as_select(), Plan::as_select()))
        .first(conn)
        .optional()
}

/// The Stripe customer this person already has, if any.
pub fn customer_of(conn: &mut DbConn, user_id: i64) -> QueryResult<Option<String>> {
    Ok(subscriptions::table
        .filter(subscriptions::user_id.eq(user_id))
        .filter(subscriptions::stripe_customer_id.is_not_null())
        .order(subscriptions::id.desc())
        .select(subscriptions::stripe_customer_id)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Subscription>> {
    subscriptions::table.find(id).select(Subscription::as_select()).first(conn).optional()
}

pub fn by_stripe_id(conn: &mut DbConn, stripe_subscription_id: &str) -> QueryResult<Option<Subscription>> {
    subscriptions::table
        .filter(subscriptions::stripe_subscription_id.eq(stripe_subscription_id))
        .select(Subscription::as_select())
        .first(conn)
        .optional()
}

/// A new subscription waiting for its Checkout (the live-subscription index refuses a second one).
pub fn insert_pending(conn: &mut DbConn, user_id: i64, plan_id: i64, at: NaiveDateTime) -> QueryResult<i64> {
    diesel::insert_into(subscriptions::table)
        .values((
            subscriptions::user_id.eq(user_id),
            subscriptions::plan_id.eq(plan_id),
            subscriptions::status.eq(SubscriptionStatus::Pending),
            subscriptions::created_at.eq(at),
            subscriptions::updated_at.eq(at),
        ))
        .returning(subscriptions::id)
        .get_result(conn)
}

/// Waiting subscriptions whose Checkout can no longer be paid: expired, so that they block nothing.
pub fn expire_abandoned(conn: &mut DbConn, user_id: Option<i64>, before: NaiveDateTime) -> QueryResult<usize> {
    let mut query = diesel::update(subscriptions::table)
        .filter(subscriptions::status.eq(SubscriptionStatus::Pending))
        .filter(subscriptions::stripe_subscription_id.is_null())
        .filter(subscriptions::created_at.lt(before))
        .into_boxed();
    if let Some(user_id) = user_id {
        query = query.filter(subscriptions::user_id.eq(user_id));
    }
    query
        .set((subscriptions::status.eq(SubscriptionStatus::Expired), subscriptions::updated_at.eq(before)))
        .execute(conn)
}

pub fn set_checkout(conn: &mut DbConn, id: i64, session_id: &str, customer_id: &str) -> QueryResult<()> {
    diesel::update(subscriptions::table.find(id))
        .set((
            subscriptions::stripe_checkout_session_id.eq(session_id),
            subscriptions::stripe_customer_id.eq(customer_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// A Checkout that could not be opened: the waiting row goes away with it.
pub fn delete_pending(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    diesel::delete(subscriptions::table.find(id).filter(subscriptions::status.eq(SubscriptionStatus::Pending)))
        .execute(conn)?;
    Ok(())
}

/// Takes the row's lock for the rest of the transaction (a no-op update: a row lock on PostgreSQL, the write
/// lock on SQLite), so that two webhooks about one subscription apply one after the other.
pub fn lock(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    diesel::update(subscriptions::table.find(id)).set(subscriptions::id.eq(subscriptions::id)).execute(conn)?;
    Ok(())
}

/// A subscription's state as Stripe has it.
pub struct State<'a> {
    pub plan_id: i64,
    pub status: SubscriptionStatus,
    pub period_start: Option<NaiveDateTime>,
    pub period_end: Option<NaiveDateTime>,
    pub cancel_at_period_end: bool,
    pub stripe_subscription_id: &'a str,
    pub stripe_customer_id: &'a str,
    pub cancelled_at: Option<NaiveDateTime>,
}

pub fn set_state(conn: &mut DbConn, id: i64, state: &State<'_>, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(subscriptions::table.find(id))
        .set((
            subscriptions::plan_id.eq(state.plan_id),
            subscriptions::status.eq(state.status),
            subscriptions::current_period_start.eq(state.period_start),
            subscriptions::current_period_end.eq(state.period_end),
            subscriptions::cancel_at_period_end.eq(state.cancel_at_period_end),
            subscriptions::stripe_subscription_id.eq(state.stripe_subscription_id),
            subscriptions::stripe_customer_id.eq(state.stripe_customer_id),
            subscriptions::cancelled_at.eq(state.cancelled_at),
            subscriptions::updated_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_status(conn: &mut DbConn, id: i64, status: SubscriptionStatus, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(subscriptions::table.find(id))
        .set((subscriptions::status.eq(status), subscriptions::updated_at.eq(at)))
        .execute(conn)?;
    Ok(())
}

/// Live subscriptions whose period (and grace, for past due ones) ended before `now` without a renewal.
pub fn lapsed(conn: &mut DbConn, now: NaiveDateTime, grace: chrono::Duration) -> QueryResult<Vec<Subscription>> {
    subscriptions::table
        .filter(
            subscriptions::status.eq(SubscriptionStatus::Active).and(subscriptions::current_period_end.le(now)).or(
                subscriptions::status
                    .eq(SubscriptionStatus::PastDue)
                    .and(subscriptions::current_period_end.le(now - grace)),
            ),
        )
        .select(Subscription::as_select())
        .limit(500)
        .load(conn)
}
