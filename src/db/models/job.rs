//! The `jobs` table as a ledger of one-off background work (reminders): a unique key per piece of work.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;

/// Records that a one-off task ran: true for the one caller that records it first, on any number of app
/// instances sharing the database.
pub fn claim_once(conn: &mut DbConn, kind: &str, key: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let inserted = diesel::sql_query(
        "INSERT INTO jobs (kind, payload, unique_key, run_at, attempts, done_at, created_at) \
         VALUES ($1, '{}', $2, $3, 1, $3, $3) ON CONFLICT (unique_key) DO NOTHING",
    )
    .bind::<diesel::sql_types::Text, _>(kind)
    .bind::<diesel::sql_types::Text, _>(key)
    .bind::<diesel::sql_types::Timestamp, _>(at)
    .execute(conn)?;
    Ok(inserted == 1)
}
