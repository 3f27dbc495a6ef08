//! The devices that receive push notifications: one row per browser push subscription.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::push_subscriptions;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = push_subscriptions)]
pub struct PushSubscription {
    pub id: i64,
    pub user_id: i64,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub device: String,
    pub created_at: NaiveDateTime,
    pub last_success_at: Option<NaiveDateTime>,
}

/// Records a subscription for a user; the same endpoint again (a browser renewing it, or a device that
/// changed hands) takes the new keys and owner. Returns its id.
pub fn upsert(
    conn: &mut DbConn,
    user_id: i64,
    endpoint: &str,
    (p256dh, auth): (&str, &str),
    device: &str,
    at: NaiveDateTime,
) -> QueryResult<i64> {
    let existing: Option<i64> = push_subscriptions::table
        .filter(push_subscriptions::endpoint.eq(endpoint))
        .select(push_subscriptions::id)
        .first(conn)
        .optional()?;
    if let Some(id) = existing {
        diesel::update(push_subscriptions::table.find(id))
            .set((
                push_subscriptions::user_id.eq(user_id),
                push_subscriptions::p256dh.eq(p256dh),
                push_subscriptions::auth.eq(auth),
                push_subscriptions::device.eq(device),
            ))
            .execute(conn)?;
        return Ok(id);
    }
    diesel::insert_into(push_subscriptions::table)
        .values((
            push_subscriptions::user_id.eq(user_id),
            push_subscriptions::endpoint.eq(endpoint),
            push_subscriptions::p256dh.eq(p256dh),
            push_subscriptions::auth.eq(auth),
            push_subscriptions::device.eq(device),
            push_subscriptions::created_at.eq(at),
        ))
        .returning(push_subscriptions::id)
        .get_result(conn)
}

pub fn for_user(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<PushSubscription>> {
    push_subscriptions::table
        .filter(push_subscriptions::user_id.eq(user_id))
        .order(push_subscriptions::id)
        .select(PushSubscription::as_select())
        .load(conn)
}

pub fn count_for(conn: &mut DbConn, user_id: i64) -> QueryResult<i64> {
    push_subscriptions::table.filter(push_subscriptions::user_id.eq(user_id)).count().get_result(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<PushSubscription>> {
    push_subscriptions::table.find(id).select(PushSubscription::as_select()).first(conn).optional()
}

/// Removes a device (its waiting pushes go with it). Whether it was there.
pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    Ok(diesel::delete(push_subscriptions::table.find(id)).execute(conn)? == 1)
}

pub fn mark_success(conn: &mut DbConn, id: i64, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(push_subscriptions::table.find(id))
        .set(push_subscriptions::last_success_at.eq(at))
        .execute(conn)
        .map(|_| ())
}
