//! Everything the public provider page shows, in a fixed number of queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::review::{self, Authored};
use crate::db::models::service::Service;
use crate::db::models::{Category, City, Provider};
use crate::db::schema::{
    categories, cities, provider_availability, provider_categories, provider_cities, providers, services,
};
use crate::db::types::ProviderStatus;

pub struct ProviderPage {
    pub provider: Provider,
    pub city: City,
    pub categories: Vec<Category>,
    pub cities_served: Vec<City>,
    /// (ISO weekday, start minute, end minute), ordered.
    pub availability: Vec<(i16, i32, i32)>,
    pub services: Vec<Service>,
    pub reviews: Vec<Authored>,
    /// How many published reviews have 5, 4, 3, 2 and 1 stars.
    pub distribution: [i64; 5],
    /// Average punctuality, quality and value (None: never rated).
    pub criteria: [Option<f64>; 3],
    pub club_pro: bool,
}

/// Why a provider page cannot be shown.
pub enum Unavailable {
    NotFound,
    /// The page existed and was removed on purpose (410).
    Gone,
}

pub const REVIEWS_PER_PAGE: i64 = 10;

pub fn load(
    conn: &mut DbConn,
    slug: &str,
    review_page: i64,
    now: NaiveDateTime,
) -> QueryResult<Result<ProviderPage, Unavailable>> {
    let found: Option<(Provider, City)> = providers::table
        .inner_join(cities::table)
        .filter(providers::slug.eq(slug))
        .select((Provider::as_select(), City::as_select()))
        .first(conn)
        .optional()?;
    let Some((provider, city)) = found else { return Ok(Err(Unavailable::NotFound)) };
    if provider.removed_at.is_some() {
        return Ok(Err(Unavailable::Gone));
    }
    if provider.status != ProviderStatus::Approved {
        return Ok(Err(Unavailable::NotFound));
    }
    let id = provider.id;
    let categories = provider_categories::table
        .inner_join(categories::table)
        .filter(provider_categories::provider_id.eq(id))
        .order(categories::position.asc())
        .select(Category::as_select())
        .load(conn)?;
    let cities_served = provider_cities::table
        .inner_join(cities::table)
        .filter(provider_cities::provider_id.eq(id))
        .order(cities::position.asc())
        .select(City::as_select())
        .load(conn)?;
    let availability = provider_availability::table
        .filter(provider_availability::provider_id.eq(id))
        .order((provider_availability::weekday.asc(), provider_availability::start_minute.asc()))
        .select((
            provider_availability::weekday,
            provider_availability::start_minute,
            provider_availability::end_minute,
        ))
        .load(conn)?;
    let services = services::table
        .filter(services::provider_id.eq(id))
        .filter(services::is_active.eq(true))
        .filter(services::deleted_at.is_null())
        .order((services::base_price_cents.is_null().asc(), services::base_price_cents.asc(), services::id.asc()))
        .select(Service::as_select())
        .load(conn)?;
    let reviews = review::of_provider(conn, id, (review_page.max(1) - 1) * REVIEWS_PER_PAGE, REVIEWS_PER_PAGE)?;
    let (distribution, criteria) = review::summary(conn, id)?;
    let club_pro = crate::db::models::user::has_club_pro(conn, provider.user_id, now)?;
    Ok(Ok(ProviderPage {
        provider,
        city,
        categories,
        cities_served,
        availability,
        services,
        reviews,
        distribution,
        criteria,
        club_pro,
    }))
}
