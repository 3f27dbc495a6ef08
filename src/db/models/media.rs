//! Stored pictures: one row per picture, its files named `{storage_key}-{width}.{webp|jpg}` in the media store
//! (`services::media_store`), in the widths `domain`'s rule gives for its width (`services::images::widths_for`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{media, providers, users};
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
    pub caption_fr: Option<String>,
    pub caption_ar: Option<String>,
    pub caption_en: Option<String>,
    /// A portfolio picture's place (0 first).
    pub position: i32,
}

impl Media {
    /// The caption in `lang` ("fr", "ar", "en"), else in French, else in any language given.
    pub fn caption(&self, lang: &str) -> Option<&str> {
        let own = match lang {
            "ar" => &self.caption_ar,
            "en" => &self.caption_en,
            _ => &self.caption_fr,
        };
        [own, &self.caption_fr, &self.caption_ar, &self.caption_en].into_iter().flatten().map(String::as_str).next()
    }
}

/// A portfolio picture's captions (fr, ar, en); an empty one is none.
#[derive(AsChangeset, Clone, Debug, Default)]
#[diesel(table_name = media, treat_none_as_null = true)]
pub struct Captions {
    pub caption_fr: Option<String>,
    pub caption_ar: Option<String>,
    pub caption_en: Option<String>,
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
    pub position: i32,
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

/// Whether a provider's photo or a user's avatar still names this picture (the demo data shares rows).
pub fn in_use(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let photos: i64 = providers::table.filter(providers::photo_media_id.eq(id)).count().get_result(conn)?;
    let avatars: i64 = users::table.filter(users::avatar_media_id.eq(id)).count().get_result(conn)?;
    Ok(photos + avatars > 0)
}

/// A person's pictures of one kind, in their order.
pub fn of_owner(conn: &mut DbConn, owner_id: i64, kind: MediaKind) -> QueryResult<Vec<Media>> {
    media::table
        .filter(media::owner_id.eq(owner_id))
        .filter(media::kind.eq(kind))
        .order((media::position, media::id))
        .select(Media::as_select())
        .load(conn)
}

/// Deletes every picture a person owns (their account is going); their names and widths come back.
pub fn delete_all_of_owner(conn: &mut DbConn, owner_id: i64) -> QueryResult<Vec<(String, Option<i32>)>> {
    diesel::delete(media::table.filter(media::owner_id.eq(owner_id)))
        .returning((media::storage_key, media::width))
        .get_results(conn)
}

pub fn set_captions(conn: &mut DbConn, id: i64, captions: &Captions) -> QueryResult<()> {
    diesel::update(media::table.find(id)).set(captions).execute(conn).map(|_| ())
}

/// Puts pictures in the order given (positions 0, 1, …).
pub fn reorder(conn: &mut DbConn, ids: &[i64]) -> QueryResult<()> {
    for (position, id) in ids.iter().enumerate() {
        diesel::update(media::table.find(*id)).set(media::position.eq(position as i32)).execute(conn)?;
    }
    Ok(())
}

/// Makes `media_id` the user's avatar; returns the one it replaces.
pub fn set_avatar(conn: &mut DbConn, user_id: i64, media_id: Option<i64>) -> QueryResult<Option<i64>> {
    diesel::update(users::table.find(user_id)).set(users::avatar_media_id.eq(users::avatar_media_id)).execute(conn)?;
    let previous: Option<i64> = users::table.find(user_id).select(users::avatar_media_id).first(conn)?;
    diesel::update(users::table.find(user_id)).set(users::avatar_media_id.eq(media_id)).execute(conn)?;
    Ok(previous)
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

/// A provider's photo and a person's avatar (a booking's or a conversation's two faces), in one query.
pub fn faces(
    conn: &mut DbConn,
    photo: Option<i64>,
    avatar: Option<i64>,
) -> QueryResult<(Option<Media>, Option<Media>)> {
    let ids: Vec<i64> = [photo, avatar].into_iter().flatten().collect();
    if ids.is_empty() {
        return Ok((None, None));
    }
    let found: Vec<Media> = media::table.filter(media::id.eq_any(&ids)).select(Media::as_select()).load(conn)?;
    let pick = |id: Option<i64>| found.iter().find(|m| Some(m.id) == id).cloned();
    Ok((pick(photo), pick(avatar)))
}
