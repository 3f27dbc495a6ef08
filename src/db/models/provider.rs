use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::providers;
use crate::db::types::ProviderStatus;

#[derive(Clone, Debug, Queryable, Selectable, Identifiable)]
#[diesel(table_name = providers)]
pub struct Provider {
    pub id: i64,
    pub user_id: i64,
    pub slug: String,
    pub display_name: String,
    pub bio_fr: String,
    pub bio_ar: String,
    pub bio_en: Option<String>,
    pub specialties: String,
    pub years_experience: i32,
    pub hourly_rate_cents: Option<i64>,
    pub city_id: i64,
    pub neighbourhood: Option<String>,
    pub service_radius_km: Option<i32>,
    pub languages: String,
    pub photo_media_id: Option<i64>,
    pub status: ProviderStatus,
    pub status_reason: Option<String>,
    pub approved_at: Option<NaiveDateTime>,
    pub is_verified: bool,
    pub verified_at: Option<NaiveDateTime>,
    pub rating_avg: f64,
    pub review_count: i32,
    pub completed_jobs: i32,
    pub response_time_minutes: Option<i32>,
    pub min_price_cents: Option<i64>,
    pub is_online: bool,
    pub last_seen_at: Option<NaiveDateTime>,
    pub profile_views: i64,
    pub search_text: String,
    pub removed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = providers)]
pub struct NewProvider {
    pub user_id: i64,
    pub slug: String,
    pub display_name: String,
    pub bio_fr: String,
    pub bio_ar: String,
    pub bio_en: Option<String>,
    pub specialties: String,
    pub years_experience: i32,
    pub hourly_rate_cents: Option<i64>,
    pub city_id: i64,
    pub neighbourhood: Option<String>,
    pub service_radius_km: Option<i32>,
    pub languages: String,
    pub status: ProviderStatus,
    pub approved_at: Option<NaiveDateTime>,
    pub is_verified: bool,
    pub verified_at: Option<NaiveDateTime>,
    pub rating_avg: f64,
    pub review_count: i32,
    pub completed_jobs: i32,
    pub response_time_minutes: Option<i32>,
    pub min_price_cents: Option<i64>,
    pub search_text: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The provider profile of a user, if they have one.
pub fn id_for_user(conn: &mut crate::db::DbConn, user_id: i64) -> QueryResult<Option<i64>> {
    providers::table.filter(providers::user_id.eq(user_id)).select(providers::id).first(conn).optional()
}

/// Takes a provider page down for good (its URL answers 410 Gone) and drops it from favorites.
pub fn remove(conn: &mut crate::db::DbConn, id: i64, at: NaiveDateTime) -> QueryResult<()> {
    use crate::db::schema::favorites;
    diesel::update(providers::table.find(id))
        .set((
            providers::status.eq(ProviderStatus::Suspended),
            providers::removed_at.eq(Some(at)),
            providers::updated_at.eq(at),
        ))
        .execute(conn)?;
    diesel::delete(favorites::table.filter(favorites::provider_id.eq(id))).execute(conn)?;
    Ok(())
}
