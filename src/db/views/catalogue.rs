//! The category catalogue with the number of approved providers in each.

use std::collections::HashMap;

use diesel::dsl::count;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::{Category, category};
use crate::db::schema::{providers, services};
use crate::db::types::ProviderStatus;

#[derive(Clone, Debug)]
pub struct CategoryWithCount {
    pub category: Category,
    pub providers: i64,
}

/// Every visible category, in catalogue order, with its approved-provider count.
pub fn categories_with_counts(conn: &mut DbConn) -> QueryResult<Vec<CategoryWithCount>> {
    let categories = category::list_active(conn)?;
    // Providers listed in the category: approved, with an active service in it.
    let counts: HashMap<i64, i64> = services::table
        .inner_join(providers::table)
        .filter(providers::status.eq(ProviderStatus::Approved))
        .filter(services::is_active.eq(true))
        .filter(services::deleted_at.is_null())
        .group_by(services::category_id)
        .select((services::category_id, count(services::provider_id).aggregate_distinct()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    Ok(categories
        .into_iter()
        .map(|category| {
            let providers = counts.get(&category.id).copied().unwrap_or(0);
            CategoryWithCount { category, providers }
        })
        .collect())
}

/// Counts shown on the home page: approved providers, cities served, completed jobs.
#[derive(Clone, Debug, Default)]
pub struct SiteFigures {
    pub providers: i64,
    pub cities: i64,
    pub completed_jobs: i64,
}

pub fn site_figures(conn: &mut DbConn) -> QueryResult<SiteFigures> {
    use crate::db::schema::bookings;
    use crate::db::types::BookingStatus;
    let approved = providers::table.filter(providers::status.eq(ProviderStatus::Approved));
    let providers_count = approved.count().get_result(conn)?;
    let cities = approved.select(count(providers::city_id).aggregate_distinct()).get_result(conn)?;
    let completed_jobs =
        bookings::table.filter(bookings::status.eq(BookingStatus::Completed)).count().get_result(conn)?;
    Ok(SiteFigures { providers: providers_count, cities, completed_jobs })
}
