//! Favorites: add and remove public providers.

use diesel::Connection;

use crate::db::models::{User, favorite};
use crate::db::views::provider_card;
use crate::db::{DbConn, now};
use crate::error::AppError;

/// Adds or removes a favorite; an unknown or hidden provider is 404. Returns the provider's id.
pub fn set(conn: &mut DbConn, user: &User, slug: &str, on: bool) -> Result<i64, AppError> {
    conn.transaction(|conn| {
        let id = provider_card::public_id(conn, slug)?.ok_or(AppError::NotFound)?;
        if on {
            favorite::add(conn, user.id, id, now())?;
        } else {
            favorite::remove(conn, user.id, id)?;
        }
        Ok(id)
    })
}
