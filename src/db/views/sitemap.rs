//! What the sitemaps list: approved provider pages and the category (and category-in-city) landing
//! pages that have providers.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{categories, cities, provider_listings, providers};
use crate::db::types::ProviderStatus;

/// Provider URLs per sitemap file (the protocol allows 50,000).
pub const PROVIDERS_PER_FILE: i64 = 40_000;

pub fn approved_count(conn: &mut DbConn) -> QueryResult<i64> {
    providers::table.filter(providers::status.eq(ProviderStatus::Approved)).count().get_result(conn)
}

/// One file's worth of (slug, last modified), in id order.
pub fn providers_chunk(conn: &mut DbConn, file: i64) -> QueryResult<Vec<(String, NaiveDateTime)>> {
    providers::table
        .filter(providers::status.eq(ProviderStatus::Approved))
        .order(providers::id.asc())
        .offset(file.max(0) * PROVIDERS_PER_FILE)
        .limit(PROVIDERS_PER_FILE)
        .select((providers::slug, providers::updated_at))
        .load(conn)
}

/// (category slug, city slug or None, last modified) for every landing page with providers.
pub fn landing_pages(conn: &mut DbConn) -> QueryResult<Vec<(String, Option<String>, NaiveDateTime)>> {
    // The listings: approved providers with an active service in the category, in each city they serve.
    let pairs: Vec<(String, String, NaiveDateTime)> = provider_listings::table
        .inner_join(providers::table)
        .inner_join(cities::table.on(cities::id.eq(provider_listings::city_id)))
        .inner_join(categories::table.on(categories::id.eq(provider_listings::category_id)))
        .filter(categories::is_active.eq(true))
        .filter(cities::is_active.eq(true))
        .group_by((categories::slug, cities::slug))
        .select((categories::slug, cities::slug, diesel::dsl::max(providers::updated_at).assume_not_null()))
        .order((categories::slug, cities::slug))
        .load(conn)?;
    let mut pages: Vec<(String, Option<String>, NaiveDateTime)> = Vec::new();
    for (category, city, at) in pairs {
        match pages.iter_mut().find(|(c, t, _)| *c == category && t.is_none()) {
            Some(entry) => entry.2 = entry.2.max(at),
            None => pages.push((category.clone(), None, at)),
        }
        pages.push((category, Some(city), at));
    }
    Ok(pages)
}
