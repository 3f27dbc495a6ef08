//! Provider search: free text (FTS5 on SQLite, tsvector + GIN on PostgreSQL, behind this one function),
//! filters, sorts and stable pagination. The text is folded like `providers.search_text`.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Double, Text};

use crate::db::schema::{cities, provider_categories, provider_cities, providers};
use crate::db::types::ProviderStatus;
use crate::db::views::provider_card::{self, ProviderCard};
use crate::db::{DbConn, MultiBackend};

/// How results are ordered. Every order ends with the provider id, so pages never overlap or skip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    /// Verified first, then rating, then number of reviews.
    #[default]
    Relevance,
    Rating,
    Price,
    /// From a point (the browser's position or a city's centre).
    Distance,
}

#[derive(Clone, Debug, Default)]
pub struct SearchQuery {
    /// Folded words (see `domain::text::fold`); empty for no text filter.
    pub words: Vec<String>,
    pub category_id: Option<i64>,
    /// Providers based in or serving this city.
    pub city_id: Option<i64>,
    pub min_price_cents: Option<i64>,
    pub max_price_cents: Option<i64>,
    pub min_rating: Option<f64>,
    pub verified_only: bool,
    /// Providers working on this date (its weekday, and not a day off).
    pub date: Option<chrono::NaiveDate>,
    /// (latitude, longitude, radius km) for "near me".
    pub near: Option<(f64, f64, f64)>,
    pub sort: Sort,
    pub page: i64,
    pub per_page: i64,
}

pub struct SearchResult {
    pub providers: Vec<ProviderCard>,
    /// How many match, counted up to [`COUNT_CAP`] (a larger number is shown as "10,000+").
    pub total: i64,
}

/// Counting stops here: exact totals past it cost a full scan and help nobody choose.
pub const COUNT_CAP: i64 = 10_000;

/// The full-text condition for this backend, with the words bound as parameters.
fn text_condition(
    postgres: bool,
    words: &[String],
) -> Option<diesel::expression::SqlLiteral<Bool, impl diesel::query_builder::QueryFragment<MultiBackend> + Send>> {
    let words: Vec<String> = words
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(if postgres {
        // Every word as a prefix: "plomb:* & casa:*".
        let query = words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & ");
        sql::<Bool>("providers.search_vector @@ to_tsquery('simple', ").bind::<Text, _>(query).sql(")")
    } else {
        // Every word as a quoted prefix: "plomb"* "casa"*.
        let query = words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" ");
        sql::<Bool>("providers.id IN (SELECT rowid FROM providers_fts WHERE providers_fts MATCH ")
            .bind::<Text, _>(query)
            .sql(")")
    })
}

type Boxed<'a> =
    diesel::helper_types::IntoBoxed<'a, diesel::helper_types::InnerJoin<providers::table, cities::table>, MultiBackend>;

fn filtered<'a>(q: &'a SearchQuery, postgres: bool) -> Boxed<'a> {
    let mut query = providers::table
        .inner_join(cities::table)
        .filter(providers::status.eq(ProviderStatus::Approved))
        .into_boxed::<MultiBackend>();
    if let Some(condition) = text_condition(postgres, &q.words) {
        query = query.filter(condition);
    }
    if let Some(category) = q.category_id {
        query = query.filter(
            providers::id.eq_any(
                provider_categories::table
                    .filter(provider_categories::category_id.eq(category))
                    .select(provider_categories::provider_id),
            ),
        );
    }
    if let Some(city) = q.city_id {
        // The cities served always include the home city (see services::providers and the seed).
        query = query.filter(providers::id.eq_any(
            provider_cities::table.filter(provider_cities::city_id.eq(city)).select(provider_cities::provider_id),
        ));
    }
    if let Some(min) = q.min_price_cents {
        query = query.filter(providers::min_price_cents.ge(min));
    }
    if let Some(max) = q.max_price_cents {
        query = query.filter(providers::min_price_cents.le(max));
    }
    if let Some(rating) = q.min_rating {
        query = query.filter(providers::rating_avg.ge(rating));
    }
    if q.verified_only {
        query = query.filter(providers::is_verified.eq(true));
    }
    if let Some(date) = q.date {
        use crate::db::schema::{provider_availability as pa, provider_days_off as off};
        let weekday = chrono::Datelike::weekday(&date).number_from_monday() as i16;
        query = query
            .filter(providers::id.eq_any(pa::table.filter(pa::weekday.eq(weekday)).select(pa::provider_id)))
            .filter(diesel::dsl::not(
                providers::id.eq_any(off::table.filter(off::day.eq(date)).select(off::provider_id)),
            ));
    }
    if let Some((lat, lng, radius)) = q.near {
        // A bounding box first (cheap, uses the index on coordinates); haversine orders the page.
        let dlat = radius / 111.0;
        let dlng = radius / (111.0 * lat.to_radians().cos().abs().max(0.01));
        query = query
            .filter(cities::latitude.between(lat - dlat, lat + dlat))
            .filter(cities::longitude.between(lng - dlng, lng + dlng));
    }
    query
}

/// One page of results and the total count, in a fixed number of queries (count, page, categories).
pub fn providers_page(conn: &mut DbConn, q: &SearchQuery) -> QueryResult<SearchResult> {
    let postgres = matches!(conn, DbConn::Pg(_));
    let total = filtered(q, postgres).select(providers::id).limit(COUNT_CAP + 1).load::<i64>(conn)?.len() as i64;
    let per_page = q.per_page.clamp(1, 50);
    let page = q.page.max(1);
    let offset = (page - 1).saturating_mul(per_page);
    if offset >= total {
        return Ok(SearchResult { providers: Vec::new(), total });
    }
    let mut query = filtered(q, postgres);
    query = match (q.sort, q.near) {
        (Sort::Distance, Some((lat, lng, _))) => {
            // Squared equirectangular distance: the same order as haversine at these distances.
            let k = lat.to_radians().cos();
            query.order((
                sql::<Double>("((cities.latitude - ")
                    .bind::<Double, _>(lat)
                    .sql(") * (cities.latitude - ")
                    .bind::<Double, _>(lat)
                    .sql(") + (cities.longitude - ")
                    .bind::<Double, _>(lng)
                    .sql(") * (cities.longitude - ")
                    .bind::<Double, _>(lng)
                    .sql(") * ")
                    .bind::<Double, _>(k * k)
                    .sql(")")
                    .asc(),
                providers::rating_avg.desc(),
                providers::id.asc(),
            ))
        }
        (Sort::Price, _) => query.order((
            providers::min_price_cents.is_null().asc(),
            providers::min_price_cents.asc(),
            providers::rating_avg.desc(),
            providers::id.asc(),
        )),
        (Sort::Rating, _) => {
            query.order((providers::rating_avg.desc(), providers::review_count.desc(), providers::id.asc()))
        }
        _ => query.order((
            providers::is_verified.desc(),
            providers::rating_avg.desc(),
            providers::review_count.desc(),
            providers::id.asc(),
        )),
    };
    let rows: Vec<provider_card::Row> =
        query.limit(per_page).offset(offset).select(crate::provider_card_columns!()).load(conn)?;
    Ok(SearchResult { providers: provider_card::complete(conn, rows)?, total })
}
