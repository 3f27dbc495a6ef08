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
    /// What the plan gives, a JSON list of codes (`domain::club_pro::Benefit`).
    pub features: String,
    pub is_active: bool,
}

impl Plan {
    pub fn benefits(&self) -> Vec<crate::domain::club_pro::Benefit> {
        serde_json::from_str::<Vec<String>>(&self.features)
            .unwrap_or_default()
            .iter()
            .filter_map(|code| crate::domain::club_pro::Benefit::from_code(code))
            .collect()
    }
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

/// A subscription as the back office lists it: with its plan and its holder (id, name, email).
pub type Listed = (Subscription, Plan, crate::db::models::user::Named);

/// The latest subscriptions (live first), with plan and holder.
pub fn listed(conn: &mut DbConn, user_id: Option<i64>, limit: i64) -> QueryResult<Vec<Listed>> {
    use crate::db::schema::users;
    let mut query = subscriptions::table.inner_join(subscription_plans::table).inner_join(users::table).into_boxed();
    if let Some(user_id) = user_id {
        query = query.filter(subscriptions::user_id.eq(user_id));
    }
    query
        .order(subscriptions::id.desc())
        .limit(limit)
        .select((
            Subscription::as_select(),
            Plan::as_select(),
            (users::id, users::first_name, users::last_name, users::email),
        ))
        .load(conn)
}

/// The back office's Club Pro figures at `now`.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Subscriptions giving their benefits.
    pub members: i64,
    /// Monthly recurring revenue: monthly prices, and yearly ones divided by 12, of the live subscriptions not
    /// set to end.
    pub mrr_cents: i64,
    /// Subscriptions that ended (cancelled or expired) in the last 30 days.
    pub ended_30d: i64,
    /// Payments received in the last 30 days, and ever.
    pub paid_30d_cents: i64,
    pub paid_cents: i64,
}

impl Figures {
    /// Share of the members 30 days ago who left since, in percent.
    pub fn churn_percent(&self) -> Option<f64> {
        let base = self.members + self.ended_30d;
        (base > 0).then(|| 100.0 * self.ended_30d as f64 / base as f64)
    }
}

pub fn figures(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Figures> {
    use crate::db::schema::payments;
    use crate::db::types::PaymentStatus;
    let live: Vec<(BillingInterval, i64, bool)> = subscriptions::table
        .inner_join(subscription_plans::table)
        .filter(giving_benefits!(now))
        .select((
            subscription_plans::billing_interval,
            subscription_plans::price_cents,
            subscriptions::cancel_at_period_end,
        ))
        .load(conn)?;
    let mrr_cents = live
        .iter()
        .filter(|(_, _, ending)| !ending)
        .map(|(interval, price, _)| if *interval == BillingInterval::Year { price / 12 } else { *price })
        .sum();
    let month_ago = now - chrono::Duration::days(30);
    let ended_30d = subscriptions::table
        .filter(subscriptions::status.eq_any([SubscriptionStatus::Cancelled, SubscriptionStatus::Expired]))
        .filter(subscriptions::current_period_end.is_not_null())
        .filter(subscriptions::updated_at.ge(month_ago))
        .count()
        .get_result(conn)?;
    let paid = |since: Option<NaiveDateTime>, conn: &mut DbConn| -> QueryResult<i64> {
        let mut query = payments::table.filter(payments::status.eq(PaymentStatus::Succeeded)).into_boxed();
        if let Some(since) = since {
            query = query.filter(payments::paid_at.ge(since));
        }
        Ok(query.select(payments::amount_cents).load::<i64>(conn)?.into_iter().sum())
    };
    Ok(Figures {
        members: live.len() as i64,
        mrr_cents,
        ended_30d,
        paid_30d_cents: paid(Some(month_ago), conn)?,
        paid_cents: paid(None, conn)?,
    })
}

/// Every plan (the back office edits them), in order.
pub fn all_plans(conn: &mut DbConn) -> QueryResult<Vec<Plan>> {
    subscription_plans::table
        .order((subscription_plans::position.asc(), subscription_plans::id.asc()))
        .select(Plan::as_select())
        .load(conn)
}

pub fn update_plan(
    conn: &mut DbConn,
    id: i64,
    price_cents: i64,
    stripe_price_id: Option<&str>,
    is_active: bool,
) -> QueryResult<usize> {
    diesel::update(subscription_plans::table.find(id))
        .set((
            subscription_plans::price_cents.eq(price_cents),
            subscription_plans::stripe_price_id.eq(stripe_price_id),
            subscription_plans::is_active.eq(is_active),
        ))
        .execute(conn)
}

/// Whether the person has a Club Pro subscription running now.
pub fn has_club_pro(conn: &mut crate::db::DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let n: i64 = subscriptions::table
        .filter(subscriptions::user_id.eq(id))
        .filter(giving_benefits!(now))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}
