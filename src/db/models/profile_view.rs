//! Profile views: one row per provider, local day and visitor key (see `services::profile_views`).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Text};

use crate::db::DbConn;

/// Counts a profile view (once per provider, local day and visitor key); `true` if it was new.
pub fn record(conn: &mut DbConn, provider_id: i64, day: chrono::NaiveDate, visitor: &str) -> QueryResult<bool> {
    let n = diesel::sql_query(
        "INSERT INTO profile_views (provider_id, day, visitor_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind::<BigInt, _>(provider_id)
    .bind::<Date, _>(day)
    .bind::<Text, _>(visitor)
    .execute(conn)?;
    Ok(n == 1)
}
