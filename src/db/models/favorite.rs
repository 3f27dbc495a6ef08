//! A user's favorite providers.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{favorites, providers};
use crate::db::types::ProviderStatus;

/// Adds a favorite (again: nothing happens).
pub fn add(conn: &mut DbConn, user_id: i64, provider_id: i64, at: chrono::NaiveDateTime) -> QueryResult<()> {
    let exists = favorites::table
        .filter(favorites::user_id.eq(user_id))
        .filter(favorites::provider_id.eq(provider_id))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if !exists {
        diesel::insert_into(favorites::table)
            .values((
                favorites::user_id.eq(user_id),
                favorites::provider_id.eq(provider_id),
                favorites::created_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn remove(conn: &mut DbConn, user_id: i64, provider_id: i64) -> QueryResult<usize> {
    diesel::delete(
        favorites::table.filter(favorites::user_id.eq(user_id)).filter(favorites::provider_id.eq(provider_id)),
    )
    .execute(conn)
}

/// Which of these providers the user has in favorites.
pub fn among(conn: &mut DbConn, user_id: i64, provider_ids: &[i64]) -> QueryResult<Vec<i64>> {
    favorites::table
        .filter(favorites::user_id.eq(user_id))
        .filter(favorites::provider_id.eq_any(provider_ids))
        .select(favorites::provider_id)
        .load(conn)
}

/// The user's favorites that are still public, newest first.
pub fn provider_ids(conn: &mut DbConn, user_id: i64) -> QueryResult<Vec<i64>> {
    favorites::table
        .inner_join(providers::table)
        .filter(favorites::user_id.eq(user_id))
        .filter(providers::status.eq(ProviderStatus::Approved))
        .order((favorites::created_at.desc(), favorites::id.desc()))
        .select(favorites::provider_id)
        .load(conn)
}
