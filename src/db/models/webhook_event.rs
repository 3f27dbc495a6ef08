//! Webhook events received, each stored once by its id: a repeat delivery finds it and does nothing.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::webhook_events;
use crate::db::types::WebhookSource;

/// Stores the event unless it is already there; returns whether it is new. Inside the transaction that
/// applies it: a concurrent delivery of the same event waits on the unique key, then finds it.
pub fn insert_once(
    conn: &mut DbConn,
    source: WebhookSource,
    event_id: &str,
    event_type: &str,
    payload: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let row = (
        webhook_events::source.eq(source),
        webhook_events::event_id.eq(event_id),
        webhook_events::event_type.eq(event_type),
        webhook_events::payload.eq(payload),
        webhook_events::processed_at.eq(at),
        webhook_events::created_at.eq(at),
    );
    let n = match conn {
        DbConn::Pg(c) => diesel::insert_into(webhook_events::table).values(row).on_conflict_do_nothing().execute(c)?,
        DbConn::Sqlite(c) => {
            diesel::insert_into(webhook_events::table).values(row).on_conflict_do_nothing().execute(c)?
        }
    };
    Ok(n == 1)
}

pub fn exists(conn: &mut DbConn, source: WebhookSource, event_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        webhook_events::table.filter(webhook_events::source.eq(source)).filter(webhook_events::event_id.eq(event_id)),
    ))
    .get_result(conn)
}
