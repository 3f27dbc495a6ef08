//! Everything the public provider page shows, in a fixed number of queries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::media::Media;
use crate::db::models::review::{self, Authored};
use crate::db::models::service::Service;
use crate::db::models::{Category, City, Provider};
use crate::db::schema::{
    cities, media, provider_availability, provider_categories, provider_cities, providers, services,
};
use crate::db::types::{MediaKind, ProviderStatus};

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
    /// The provider's photo, if they set one.
    pub photo: Option<Media>,
    /// Pictures of past jobs, in the provider's order.
    pub portfolio: Vec<Media>,
}

/// Why a provider page cannot be shown.
pub enum Unavailable {
    NotFound,
    /// The page existed and was removed on purpose (410).
    Gone,
}

pub const REVIEWS_PER_PAGE: i64 = 10;

/// The page in six queries: the provider with its city (and whether Club Pro is on), its trades, cities served
/// and hours together, its active services, a page of reviews, and the reviews' summary. Trades and cities are
/// taken from the reference data the caller holds (`categories`, `cities`: those shown on the site).
pub fn load(
    conn: &mut DbConn,
    slug: &str,
    review_page: i64,
    now: NaiveDateTime,
    (all_categories, all_cities): (&[Category], &[City]),
) -> QueryResult<Result<ProviderPage, Unavailable>> {
    use diesel::dsl::{exists, sql};
    use diesel::sql_types::{BigInt, Integer};

    use crate::db::schema::subscriptions;
    let club_pro = exists(
        subscriptions::table
            .filter(subscriptions::user_id.eq(providers::user_id))
            .filter(crate::db::models::subscription::giving_benefits!(now)),
    );
    let found: Option<(Provider, City, bool)> = providers::table
        .inner_join(cities::table)
        .filter(providers::slug.eq(slug))
        .select((Provider::as_select(), City::as_select(), club_pro))
        .first(conn)
        .optional()?;
    let Some((provider, city, club_pro)) = found else { return Ok(Err(Unavailable::NotFound)) };
    if provider.removed_at.is_some() {
        return Ok(Err(Unavailable::Gone));
    }
    if provider.status != ProviderStatus::Approved {
        return Ok(Err(Unavailable::NotFound));
    }
    // The photo and the portfolio in one query.
    let (portfolio, photo): (Vec<Media>, Vec<Media>) = media::table
        .filter(
            media::id
                .nullable()
                .eq(provider.photo_media_id)
                .or(media::owner_id.eq(provider.user_id).and(media::kind.eq(MediaKind::Portfolio))),
        )
        .order((media::position, media::id))
        .select(Media::as_select())
        .load(conn)?
        .into_iter()
        .partition(|m| m.kind == MediaKind::Portfolio);
    let photo = photo.into_iter().next();
    let id = provider.id;
    // (1, category) | (2, city served) | (3, weekday, start minute, end minute), in one query.
    // (`UNION ALL` does not go through `MultiConnection`: the same query for each concrete connection.)
    macro_rules! links {
        () => {
            provider_categories::table
                .filter(provider_categories::provider_id.eq(id))
                .select((
                    sql::<Integer>("1"),
                    provider_categories::category_id,
                    sql::<Integer>("0"),
                    sql::<Integer>("0"),
                ))
                .union_all(provider_cities::table.filter(provider_cities::provider_id.eq(id)).select((
                    sql::<Integer>("2"),
                    provider_cities::city_id,
                    sql::<Integer>("0"),
                    sql::<Integer>("0"),
                )))
                .union_all(provider_availability::table.filter(provider_availability::provider_id.eq(id)).select((
                    sql::<Integer>("3"),
                    sql::<BigInt>("CAST(weekday AS BIGINT)"),
                    provider_availability::start_minute,
                    provider_availability::end_minute,
                )))
        };
    }
    let links: Vec<(i32, i64, i32, i32)> = match conn {
        DbConn::Pg(c) => links!().load(c)?,
        DbConn::Sqlite(c) => links!().load(c)?,
    };
    let linked = |kind: i32| links.iter().filter(move |l| l.0 == kind).map(|l| l.1).collect::<Vec<i64>>();
    let (category_ids, city_ids) = (linked(1), linked(2));
    // In catalogue order, as the site shows them.
    let categories = all_categories.iter().filter(|c| category_ids.contains(&c.id)).cloned().collect();
    let cities_served = all_cities.iter().filter(|c| city_ids.contains(&c.id)).cloned().collect();
    let mut availability: Vec<(i16, i32, i32)> =
        links.iter().filter(|l| l.0 == 3).map(|l| (l.1 as i16, l.2, l.3)).collect();
    availability.sort_unstable();
    let services = services::table
        .filter(services::provider_id.eq(id))
        .filter(services::is_active.eq(true))
        .filter(services::deleted_at.is_null())
        .order((services::base_price_cents.is_null().asc(), services::base_price_cents.asc(), services::id.asc()))
        .select(Service::as_select())
        .load(conn)?;
    let reviews = review::of_provider(conn, id, (review_page.max(1) - 1) * REVIEWS_PER_PAGE, REVIEWS_PER_PAGE)?;
    let (distribution, criteria) = review::summary(conn, id)?;
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
        photo,
        portfolio,
    }))
}
