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

/// The profile of a user, whatever its status.
pub fn for_user(conn: &mut crate::db::DbConn, user_id: i64) -> QueryResult<Option<Provider>> {
    providers::table.filter(providers::user_id.eq(user_id)).select(Provider::as_select()).first(conn).optional()
}

pub fn slug_taken(conn: &mut crate::db::DbConn, slug: &str) -> QueryResult<bool> {
    Ok(providers::table.filter(providers::slug.eq(slug)).count().get_result::<i64>(conn)? > 0)
}

/// The editable part of a profile.
#[derive(AsChangeset, Clone, Debug)]
#[diesel(table_name = providers)]
pub struct ProfileFields {
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
    pub updated_at: NaiveDateTime,
}

pub fn insert_profile(conn: &mut crate::db::DbConn, user_id: i64, slug: &str, f: &ProfileFields) -> QueryResult<i64> {
    diesel::insert_into(providers::table)
        .values((
            providers::user_id.eq(user_id),
            providers::slug.eq(slug),
            providers::display_name.eq(&f.display_name),
            providers::bio_fr.eq(&f.bio_fr),
            providers::bio_ar.eq(&f.bio_ar),
            providers::bio_en.eq(&f.bio_en),
            providers::specialties.eq(&f.specialties),
            providers::years_experience.eq(f.years_experience),
            providers::hourly_rate_cents.eq(f.hourly_rate_cents),
            providers::city_id.eq(f.city_id),
            providers::neighbourhood.eq(&f.neighbourhood),
            providers::service_radius_km.eq(f.service_radius_km),
            providers::languages.eq(&f.languages),
            providers::status.eq(ProviderStatus::Pending),
            providers::created_at.eq(f.updated_at),
            providers::updated_at.eq(f.updated_at),
        ))
        .returning(providers::id)
        .get_result(conn)
}

pub fn update_profile(conn: &mut crate::db::DbConn, id: i64, f: &ProfileFields) -> QueryResult<usize> {
    diesel::update(providers::table.find(id)).set(f).execute(conn)
}

/// Replaces the categories, cities served and weekly hours of a provider.
pub fn replace_links(
    conn: &mut crate::db::DbConn,
    id: i64,
    category_ids: &[i64],
    city_ids: &[i64],
    hours: &[(i16, i32, i32)],
) -> QueryResult<()> {
    use crate::db::schema::{provider_availability, provider_categories, provider_cities};
    diesel::delete(provider_categories::table.filter(provider_categories::provider_id.eq(id))).execute(conn)?;
    for c in category_ids {
        diesel::insert_into(provider_categories::table)
            .values((provider_categories::provider_id.eq(id), provider_categories::category_id.eq(c)))
            .execute(conn)?;
    }
    diesel::delete(provider_cities::table.filter(provider_cities::provider_id.eq(id))).execute(conn)?;
    for c in city_ids {
        diesel::insert_into(provider_cities::table)
            .values((provider_cities::provider_id.eq(id), provider_cities::city_id.eq(c)))
            .execute(conn)?;
    }
    diesel::delete(provider_availability::table.filter(provider_availability::provider_id.eq(id))).execute(conn)?;
    for (weekday, start, end) in hours {
        diesel::insert_into(provider_availability::table)
            .values((
                provider_availability::provider_id.eq(id),
                provider_availability::weekday.eq(weekday),
                provider_availability::start_minute.eq(start),
                provider_availability::end_minute.eq(end),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Category ids, city ids served, and weekly hours (ISO weekday, start minute, end minute).
pub type Links = (Vec<i64>, Vec<i64>, Vec<(i16, i32, i32)>);

/// The ids of a provider's categories and cities served, and weekly hours.
pub fn links(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Links> {
    use crate::db::schema::{provider_availability as pa, provider_categories as pc, provider_cities as pt};
    Ok((
        pc::table.filter(pc::provider_id.eq(id)).select(pc::category_id).load(conn)?,
        pt::table.filter(pt::provider_id.eq(id)).select(pt::city_id).load(conn)?,
        pa::table
            .filter(pa::provider_id.eq(id))
            .order((pa::weekday, pa::start_minute))
            .select((pa::weekday, pa::start_minute, pa::end_minute))
            .load(conn)?,
    ))
}

/// Recomputes the search text and the lowest price from the profile, its categories and active services.
pub fn refresh_search(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<()> {
    refresh_search_many(conn, &[id])
}

/// The same for many providers (a catalogue change): the profiles, categories and services are read in a few
/// queries per 500 providers, then each search text is written, and the listings and tags rewritten together.
pub fn refresh_search_many(conn: &mut crate::db::DbConn, ids: &[i64]) -> QueryResult<()> {
    use std::collections::HashMap;

    use crate::db::schema::{categories, provider_categories, services};
    for chunk in ids.chunks(500) {
        let profiles: Vec<(i64, String, String, String, String, Option<String>)> = providers::table
            .filter(providers::id.eq_any(chunk))
            .select((
                providers::id,
                providers::display_name,
                providers::specialties,
                providers::bio_fr,
                providers::bio_ar,
                providers::bio_en,
            ))
            .load(conn)?;
        let mut words: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, fr, ar, en) in provider_categories::table
            .inner_join(categories::table)
            .filter(provider_categories::provider_id.eq_any(chunk))
            .select((provider_categories::provider_id, categories::name_fr, categories::name_ar, categories::name_en))
            .load::<(i64, String, String, String)>(conn)?
        {
            words.entry(id).or_default().extend([fr, ar, en]);
        }
        let mut min_price: HashMap<i64, i64> = HashMap::new();
        for (id, fr, ar, en, price) in services::table
            .filter(services::provider_id.eq_any(chunk))
            .filter(services::is_active.eq(true))
            .filter(services::deleted_at.is_null())
            .select((
                services::provider_id,
                services::name_fr,
                services::name_ar,
                services::name_en,
                services::base_price_cents,
            ))
            .load::<(i64, String, String, Option<String>, Option<i64>)>(conn)?
        {
            words.entry(id).or_default().extend([fr, ar, en.unwrap_or_default()]);
            if let Some(price) = price {
                min_price.entry(id).and_modify(|m| *m = (*m).min(price)).or_insert(price);
            }
        }
        for (id, name, specialties, bio_fr, bio_ar, bio_en) in profiles {
            let mut text = vec![name, specialties, bio_fr, bio_ar, bio_en.unwrap_or_default()];
            text.extend(words.remove(&id).unwrap_or_default());
            diesel::update(providers::table.find(id))
                .set((
                    providers::search_text.eq(crate::domain::text::fold(&text.join(" "))),
                    providers::min_price_cents.eq(min_price.get(&id).copied()),
                ))
                .execute(conn)?;
        }
        refresh_listings(conn, chunk)?;
    }
    Ok(())
}

/// The listing rows of approved providers (all of them, or one), as `INSERT … SELECT`: a provider is listed in
/// each category where they have an active service (what a client can book), in each city they serve.
/// The listing rows of approved providers: one per category with an active service and city served, with the
/// sort columns — the rating tier (half stars) and Club Pro membership (a live subscription) first within it.
fn listings_insert(conn: &crate::db::DbConn) -> String {
    let tier = if matches!(conn, crate::db::DbConn::Pg(_)) {
        "LEAST(FLOOR(p.rating_avg * 2), 10)::int"
    } else {
        "min(CAST(p.rating_avg * 2 AS INTEGER), 10)"
    };
    format!(
        "INSERT INTO provider_listings \
           (category_id, city_id, provider_id, is_verified, rating_avg, review_count, min_price_cents, rating_tier, club_pro) \
         SELECT DISTINCT s.category_id, pt.city_id, p.id, p.is_verified, p.rating_avg, p.review_count, p.min_price_cents, \
           {tier}, EXISTS (SELECT 1 FROM subscriptions x WHERE x.user_id = p.user_id AND x.status IN ('ACTIVE', 'PAST_DUE')) \
         FROM providers p \
         JOIN services s ON s.provider_id = p.id AND s.is_active AND s.deleted_at IS NULL \
         JOIN provider_cities pt ON pt.provider_id = p.id \
         WHERE p.status = 'APPROVED' AND p.removed_at IS NULL"
    )
}

/// Rewrites the provider's rows in `provider_listings` (none unless approved) and search tags: after a change of
/// categories, cities served, prices, status, verification or rating.
pub fn refresh_listing(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<()> {
    refresh_listings(conn, &[id])
}

/// The same for several providers at once.
pub fn refresh_listings(conn: &mut crate::db::DbConn, ids: &[i64]) -> QueryResult<()> {
    use crate::db::schema::provider_listings;
    if ids.is_empty() {
        return Ok(());
    }
    diesel::delete(provider_listings::table.filter(provider_listings::provider_id.eq_any(ids))).execute(conn)?;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    diesel::sql_query(format!("{} AND p.id IN ({list})", listings_insert(conn))).execute(conn)?;
    crate::db::search::refresh_tags(conn, Some(ids))
}

/// Rebuilds every listing row (after a bulk load such as the seed).
pub fn rebuild_listings(conn: &mut crate::db::DbConn) -> QueryResult<()> {
    diesel::delete(crate::db::schema::provider_listings::table).execute(conn)?;
    diesel::sql_query(listings_insert(conn)).execute(conn)?;
    crate::db::search::refresh_tags(conn, None)
}

/// The approval queue: providers waiting, oldest first.
pub fn pending(conn: &mut crate::db::DbConn) -> QueryResult<Vec<Provider>> {
    providers::table
        .filter(providers::status.eq(ProviderStatus::Pending))
        .filter(providers::removed_at.is_null())
        .order((providers::updated_at.asc(), providers::id.asc()))
        .select(Provider::as_select())
        .load(conn)
}

/// Moves a provider from one status to another, only if it is still in the expected one.
pub fn change_status(
    conn: &mut crate::db::DbConn,
    id: i64,
    from: ProviderStatus,
    to: ProviderStatus,
    reason: Option<&str>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let approved_at = (to == ProviderStatus::Approved).then_some(at);
    let updated = diesel::update(providers::table.find(id).filter(providers::status.eq(from)))
        .set((
            providers::status.eq(to),
            providers::status_reason.eq(reason),
            providers::approved_at.eq(approved_at),
            providers::updated_at.eq(at),
        ))
        .execute(conn)?;
    if updated == 1 {
        refresh_listing(conn, id)?;
    }
    Ok(updated == 1)
}

/// Grants or revokes the verified badge; `false` when it already was so. The search listings follow.
pub fn set_verified(conn: &mut crate::db::DbConn, id: i64, verified: bool, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(providers::table.find(id).filter(providers::is_verified.eq(!verified)))
        .set((providers::is_verified.eq(verified), providers::verified_at.eq(verified.then_some(at))))
        .execute(conn)?;
    if n == 1 {
        refresh_listing(conn, id)?;
    }
    Ok(n == 1)
}

pub fn by_id(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Provider> {
    providers::table.find(id).select(Provider::as_select()).first(conn)
}

pub fn replace_days_off(conn: &mut crate::db::DbConn, id: i64, days: &[chrono::NaiveDate]) -> QueryResult<()> {
    use crate::db::schema::provider_days_off as off;
    diesel::delete(off::table.filter(off::provider_id.eq(id))).execute(conn)?;
    for day in days {
        diesel::insert_into(off::table).values((off::provider_id.eq(id), off::day.eq(day))).execute(conn)?;
    }
    Ok(())
}

pub fn days_off(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Vec<chrono::NaiveDate>> {
    use crate::db::schema::provider_days_off as off;
    off::table.filter(off::provider_id.eq(id)).order(off::day).select(off::day).load(conn)
}

/// Takes this provider's lock until the transaction ends (a no-op update: a row lock on PostgreSQL, the
/// write lock on SQLite), so that changes to their bookings never interleave.
pub fn lock(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<()> {
    diesel::update(providers::table.find(id)).set(providers::updated_at.eq(providers::updated_at)).execute(conn)?;
    Ok(())
}

/// An approved, public provider by slug.
pub fn public_by_slug(conn: &mut crate::db::DbConn, slug: &str) -> QueryResult<Option<Provider>> {
    providers::table
        .filter(providers::slug.eq(slug))
        .filter(providers::status.eq(ProviderStatus::Approved))
        .filter(providers::removed_at.is_null())
        .select(Provider::as_select())
        .first(conn)
        .optional()
}

/// Weekly availability (ISO weekday, start minute, end minute) and days off.
#[allow(clippy::type_complexity)]
pub fn schedule(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<(Vec<(i16, i32, i32)>, Vec<chrono::NaiveDate>)> {
    use crate::db::schema::{provider_availability as pa, provider_days_off as off};
    let ranges = pa::table
        .filter(pa::provider_id.eq(id))
        .order((pa::weekday.asc(), pa::start_minute.asc()))
        .select((pa::weekday, pa::start_minute, pa::end_minute))
        .load(conn)?;
    let days_off = off::table.filter(off::provider_id.eq(id)).select(off::day).load(conn)?;
    Ok((ranges, days_off))
}

pub fn add_completed_job(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<()> {
    diesel::update(providers::table.find(id))
        .set(providers::completed_jobs.eq(providers::completed_jobs + 1))
        .execute(conn)?;
    Ok(())
}

pub fn set_response_time(conn: &mut crate::db::DbConn, id: i64, minutes: Option<i32>) -> QueryResult<()> {
    diesel::update(providers::table.find(id)).set(providers::response_time_minutes.eq(minutes)).execute(conn)?;
    Ok(())
}

/// The back office's provider list: every field optional.
#[derive(Clone, Debug, Default)]
pub struct AdminFilter {
    /// Part of the display name (case-insensitive).
    pub q: Option<String>,
    pub status: Option<ProviderStatus>,
    pub verified: Option<bool>,
}

/// Providers (removed ones excluded) matching the filter, newest first, with whether Club Pro runs now.
pub fn admin_list(
    conn: &mut crate::db::DbConn,
    filter: &AdminFilter,
    now: NaiveDateTime,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(Provider, bool)>> {
    use crate::db::schema::subscriptions;
    let mut query = providers::table.filter(providers::removed_at.is_null()).into_boxed::<crate::db::MultiBackend>();
    if let Some(q) = &filter.q {
        let pattern = format!("%{}%", q.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let name = diesel::dsl::sql::<diesel::sql_types::Text>("LOWER(providers.display_name)");
        query = query.filter(name.like(pattern).escape('\\'));
    }
    if let Some(status) = filter.status {
        query = query.filter(providers::status.eq(status));
    }
    if let Some(verified) = filter.verified {
        query = query.filter(providers::is_verified.eq(verified));
    }
    let rows: Vec<Provider> = query
        .order((providers::created_at.desc(), providers::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(Provider::as_select())
        .load(conn)?;
    let users: Vec<i64> = rows.iter().map(|p| p.user_id).collect();
    let pro: Vec<i64> = subscriptions::table
        .filter(subscriptions::user_id.eq_any(&users))
        .filter(crate::db::models::subscription::giving_benefits!(now))
        .select(subscriptions::user_id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|p| {
            let club = pro.contains(&p.user_id);
            (p, club)
        })
        .collect())
}
