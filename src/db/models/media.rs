//! Stored pictures: one row per picture, its files named `{storage_key}-{width}.{webp|jpg}` in the media store
//! (`services::media_store`), in the widths `domain`'s rule gives for its width (`services::images::widths_for`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{media, providers};
use crate::db::types::MediaKind;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = media)]
pub struct Media {
    pub id: i64,
    pub owner_id: i64,
    pub kind: MediaKind,
    pub storage_key: String,
    pub content_type: String,
    pub byte_size: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = media)]
pub struct NewMedia<'a> {
    pub owner_id: i64,
    pub kind: MediaKind,
    pub storage_key: &'a str,
    pub content_type: &'a str,
    pub byte_size: i64,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewMedia<'_>) -> QueryResult<i64> {
    diesel::insert_into(media::table).values(new).returning(media::id).get_result(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Media>> {
    media::table.find(id).select(Media::as_select()).first(conn).optional()
}

pub fn by_key(conn: &mut DbConn, storage_key: &str) -> QueryResult<Option<Media>> {
    media::table.filter(media::storage_key.eq(storage_key)).select(Media::as_select()).first(conn).optional()
}

pub fn delete(conn: &mut DbConn, id: i64) -> QueryResult<()> {
    diesel::delete(media::table.find(id)).execute(conn).map(|_| ())
}

/// Makes `media_id` the provider's photo; returns the one it replaces.
pub fn set_provider_photo(conn: &mut DbConn, provider_id: i64, media_id: Option<i64>) -> QueryResult<Option<i64>> {
    // Locks the row first (a no-op write: SQLite has no `FOR UPDATE`), so two changes cannot both see the same
    // previous photo.
    diesel::update(providers::table.find(provider_id))
        .set(providers::photo_media_id.eq(providers::photo_media_id))
        .execute(conn)?;
    let previous: Option<i64> = providers::table.find(provider_id).select(providers::photo_media_id).first(conn)?;
    diesel::update(providers::table.find(provider_id)).set(providers::photo_media_id.eq(media_id)).execute(conn)?;
    Ok(previous)
}

/// Every storage key in use (the orphan sweep keeps their files).
pub fn keys(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    media::table.select(media::storage_key).load(conn)
}
