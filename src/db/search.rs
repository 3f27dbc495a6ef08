//! Provider search: free text (FTS5 on SQLite, tsvector + GIN on PostgreSQL, behind this one function),
//! filters, sorts and stable pagination. The text is folded like `providers.search_text`.

use diesel::connection::SimpleConnection;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Double, Text};

use crate::db::schema::{cities, provider_cities, provider_listings, providers, services};
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
    /// For Club Pro badges on the cards.
    pub now: chrono::NaiveDateTime,
}

impl SearchQuery {
    /// No filter but category and city.
    fn only_place(&self) -> bool {
        self.words.is_empty()
            && self.min_price_cents.is_none()
            && self.max_price_cents.is_none()
            && self.min_rating.is_none()
            && !self.verified_only
            && self.date.is_none()
            && self.near.is_none()
    }
}

#[derive(Clone, Default)]
pub struct SearchResult {
    pub providers: Vec<ProviderCard>,
    /// How many match, counted up to a cap (then `capped` is set and the page says "more than `total`").
    pub total: i64,
    pub capped: bool,
}

/// Counting stops here: exact totals past it cost a full scan and help nobody choose.
pub const COUNT_CAP: i64 = 10_000;

/// Free-text matches are counted up to this many ("more than 100") when that saves reading them all: a common
/// word matches thousands of providers and checking each one against the filters is what grows with the data.
pub const TEXT_COUNT_CAP: i64 = 100;

/// Pages reached by a shortcut (see `text_page`): past this offset a walk could read most of the index or a
/// tier hold too few, and sorting the matches is cheaper.
const WALK_OFFSET_LIMIT: i64 = 40;

/// What the full-text condition does in a query.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Words {
    /// The full-text index gives the candidate ids.
    Drives,
    /// A sort index gives the candidates in order; the words are checked on each (SQLite: `+` keeps the planner
    /// from starting with the full-text list).
    Checks,
}

/// The full-text condition for this backend, with the words bound as parameters. `tags` (see [`TAGS_PG`]) narrow
/// the matches inside the full-text index: all of the groups, each one of its tags.
fn text_condition<QS>(
    postgres: bool,
    words: &[String],
    role: Words,
    tags: &[Vec<String>],
) -> Option<Box<dyn BoxableExpression<QS, MultiBackend, SqlType = Bool>>> {
    let words: Vec<String> = words
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    if words.is_empty() {
        return None;
    }
    let groups = |column: &str, or: &str, and: &str| {
        tags.iter().map(|group| format!("{column}({})", group.join(or))).collect::<Vec<_>>().join(and)
    };
    Some(if postgres {
        // Every word as a prefix: "plomb:* & casa:*", and the tags as they are: "(C1) & (C1R10 | C1R9)".
        let query = words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & ");
        let words = sql::<Bool>("providers.search_vector @@ (to_tsquery('simple', ").bind::<Text, _>(query);
        if tags.is_empty() {
            Box::new(words.sql("))"))
        } else {
            Box::new(words.sql(") && CAST(").bind::<Text, _>(groups("", " | ", " & ")).sql(" AS tsquery))"))
        }
    } else {
        // Every word as a quoted prefix of the text: {search_text}: ("plomb"* "casa"*), and the tags:
        // AND search_tags: (C1) AND search_tags: (C1R10 OR C1R9).
        let mut query =
            format!("{{search_text}}: ({})", words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" "));
        if !tags.is_empty() {
            query = format!("{query} AND {}", groups("search_tags: ", " OR ", " AND "));
        }
        let id = if role == Words::Drives { "providers.id" } else { "+providers.id" };
        Box::new(
            sql::<Bool>(&format!("{id} IN (SELECT rowid FROM providers_fts WHERE providers_fts MATCH "))
                .bind::<Text, _>(query)
                .sql(")"),
        )
    })
}

/// A live, approved provider's search tags on PostgreSQL (a `text[]`), from the row `p` (migration 000006 holds
/// a frozen copy): the sort tags `V<verified 0|1>R<rating bucket>`, `R<rating bucket>` (half stars, 0–10) and
/// `P<price bucket>` (up to 100, 150, 200, 300, 500, 1,000 MAD, more), each city served `C<id>` alone and before
/// each sort tag (`C1R9`: the matches in a city and a tier are one short list of the index), and each category
/// `K<id>` where the provider has an active service (as `provider_listings`). Upper case and outside the words: folded words never match them.
const TAGS_PG: &str = "CASE WHEN p.status = 'APPROVED' AND p.removed_at IS NULL THEN ARRAY( \
       SELECT e.tag FROM (SELECT ARRAY[ \
             'V' || (CASE WHEN p.is_verified THEN 1 ELSE 0 END) || 'R' || LEAST(FLOOR(p.rating_avg * 2), 10)::int, \
             'R' || LEAST(FLOOR(p.rating_avg * 2), 10)::int] \
           || CASE WHEN p.min_price_cents IS NULL THEN ARRAY[]::text[] ELSE ARRAY['P' || CASE \
             WHEN p.min_price_cents <= 10000 THEN 0 WHEN p.min_price_cents <= 15000 THEN 1 \
             WHEN p.min_price_cents <= 20000 THEN 2 WHEN p.min_price_cents <= 30000 THEN 3 \
             WHEN p.min_price_cents <= 50000 THEN 4 WHEN p.min_price_cents <= 100000 THEN 5 ELSE 6 END] END \
           AS sort) s, \
       LATERAL (SELECT unnest(s.sort) \
           UNION ALL SELECT 'C' || x.city_id || u FROM provider_cities x, unnest(ARRAY[''] || s.sort) u \
             WHERE x.provider_id = p.id \
           UNION SELECT 'K' || x.category_id FROM services x \
             WHERE x.provider_id = p.id AND x.is_active AND x.deleted_at IS NULL) AS e(tag) \
       ORDER BY 1) \
     ELSE ARRAY[]::text[] END";

/// The same tags on SQLite, as words of the second column of `providers_fts` (migration 000006 holds a frozen
/// copy); the words of the text are looked for in the first column only.
const TAGS_SQLITE: &str = "CASE WHEN p.status = 'APPROVED' AND p.removed_at IS NULL THEN ( \
       SELECT s.sort \
         || coalesce((SELECT group_concat(' C' || x.city_id || ' C' || x.city_id || replace(s.sort, ' ', ' C' || x.city_id), '') \
              FROM provider_cities x WHERE x.provider_id = p.id), '') \
         || coalesce((SELECT group_concat(' K' || x.category_id, '') FROM (SELECT DISTINCT category_id FROM services \
              WHERE provider_id = p.id AND is_active AND deleted_at IS NULL) x), '') \
       FROM (SELECT 'V' || p.is_verified || 'R' || min(CAST(p.rating_avg * 2 AS INTEGER), 10) \
           || ' R' || min(CAST(p.rating_avg * 2 AS INTEGER), 10) \
           || CASE WHEN p.min_price_cents IS NULL THEN '' ELSE ' P' || CASE \
             WHEN p.min_price_cents <= 10000 THEN 0 WHEN p.min_price_cents <= 15000 THEN 1 \
             WHEN p.min_price_cents <= 20000 THEN 2 WHEN p.min_price_cents <= 30000 THEN 3 \
             WHEN p.min_price_cents <= 50000 THEN 4 WHEN p.min_price_cents <= 100000 THEN 5 ELSE 6 END END \
           AS sort) s) \
     ELSE '' END";

/// Rewrites the search tags of these providers, or of all, where they changed.
pub fn refresh_tags(conn: &mut DbConn, ids: Option<&[i64]>) -> QueryResult<()> {
    let tags = if matches!(conn, DbConn::Pg(_)) { TAGS_PG } else { TAGS_SQLITE };
    let only = ids.map_or(String::new(), |ids| {
        format!(" WHERE p.id IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", "))
    });
    diesel::sql_query(format!(
        "UPDATE providers SET search_tags = t.tags FROM (SELECT p.id, {tags} AS tags FROM providers p{only}) t \
         WHERE providers.id = t.id AND providers.search_tags <> t.tags"
    ))
    .execute(conn)?;
    Ok(())
}

/// The place as tag groups, with the sort tags `tier` if given: `[[C1], [K3]]`, `[[C1R10, C1R9], [K3]]`.
fn place_tags(q: &SearchQuery, tier: Option<&[&str]>) -> Vec<Vec<String>> {
    let city = q.city_id.map(|c| format!("C{c}")).unwrap_or_default();
    let mut tags = match tier {
        Some(tier) => vec![tier.iter().map(|t| format!("{city}{t}")).collect()],
        None if q.city_id.is_some() => vec![vec![city]],
        None => Vec::new(),
    };
    tags.extend(q.category_id.map(|c| vec![format!("K{c}")]));
    tags
}

/// The first tier of a sort order (sort tags, see [`TAGS_PG`]): every provider in it comes before every provider
/// outside it, so a page that fills within the tier is that page of the whole order. About a sixth to a third of
/// the providers: thin enough to read quickly, thick enough to fill the first pages of a common word.
fn first_tier(sort: Sort) -> &'static [&'static str] {
    match sort {
        // Verified with 4.5 stars or more. (Distance without a point orders by relevance.)
        Sort::Relevance | Sort::Distance => &["V1R10", "V1R9"],
        Sort::Rating => &["R10", "R9"],
        // Up to 150 MAD.
        Sort::Price => &["P0", "P1"],
    }
}

/// The filters that read `providers` and `cities`, for either shape of the query below.
macro_rules! common_filters {
    ($query:expr, $q:expr) => {{
        let (q, mut query) = ($q, $query);
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
    }};
}

/// The sort orders, for either shape of the query (`$rank`: the table holding the sort columns, `$id`: its
/// provider id, the tiebreak that keeps pages stable).
macro_rules! ordered {
    ($query:expr, $q:expr, $rank:ident, $id:expr) => {{
        let (q, query) = ($q, $query);
        match (q.sort, q.near) {
            (Sort::Distance, Some((lat, lng, _))) => {
                query.order((distance(lat, lng).asc(), $rank::rating_avg.desc(), $id.asc()))
            }
            (Sort::Price, _) => query.order((
                $rank::min_price_cents.is_null().asc(),
                $rank::min_price_cents.asc(),
                $rank::rating_avg.desc(),
                $id.asc(),
            )),
            (Sort::Rating, _) => query.order(($rank::rating_avg.desc(), $rank::review_count.desc(), $id.asc())),
            _ => query.order((
                $rank::is_verified.desc(),
                $rank::rating_avg.desc(),
                $rank::review_count.desc(),
                $id.asc(),
            )),
        }
    }};
}

/// The sort orders of a category-in-city listing: as [`ordered`], with Club Pro members first within their
/// rating tier (half stars) for the relevance and rating orders — still one walk of a listing index.
macro_rules! listing_ordered {
    ($query:expr, $q:expr) => {{
        use provider_listings as l;
        let (q, query) = ($q, $query);
        match (q.sort, q.near) {
            (Sort::Rating, _) => query.order((
                l::rating_tier.desc(),
                l::club_pro.desc(),
                l::rating_avg.desc(),
                l::review_count.desc(),
                l::provider_id.asc(),
            )),
            (Sort::Relevance, _) | (Sort::Distance, None) => query.order((
                l::is_verified.desc(),
                l::rating_tier.desc(),
                l::club_pro.desc(),
                l::rating_avg.desc(),
                l::review_count.desc(),
                l::provider_id.asc(),
            )),
            _ => ordered!(query, q, provider_listings, provider_listings::provider_id),
        }
    }};
}

/// Squared equirectangular distance from a point: the same order as haversine at these distances.
fn distance(
    lat: f64,
    lng: f64,
) -> diesel::expression::SqlLiteral<Double, impl diesel::query_builder::QueryFragment<MultiBackend> + Send> {
    let k = lat.to_radians().cos();
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
}

/// All approved providers, filtered through the link tables (on PostgreSQL with words, through the tags, with
/// the sort tier `tier` if given).
fn by_links<'a>(
    q: &'a SearchQuery,
    postgres: bool,
    text: Words,
    tier: Option<&[&str]>,
) -> diesel::helper_types::IntoBoxed<'a, diesel::helper_types::InnerJoin<providers::table, cities::table>, MultiBackend>
{
    let mut query = providers::table
        .inner_join(cities::table)
        .filter(providers::status.eq(ProviderStatus::Approved))
        .into_boxed::<MultiBackend>();
    // The words drive the query when there are some (an `IN` list from the full-text index), else the category;
    // otherwise the providers are walked in sort order. A city (up to half the providers) is a probe of a key.
    if let Some(condition) = text_condition(postgres, &q.words, text, &place_tags(q, tier)) {
        // The place is in the tags.
        query = query.filter(condition);
        return common_filters!(query, q);
    }
    if let Some(category) = q.category_id {
        // A category alone is selective (a few percent of providers): the providers with an active service in
        // it drive the query.
        query = query.filter(
            providers::id.eq_any(
                services::table
                    .filter(services::category_id.eq(category))
                    .filter(services::is_active.eq(true))
                    .filter(services::deleted_at.is_null())
                    .select(services::provider_id),
            ),
        )
    }
    if let Some(city) = q.city_id {
        // The cities served always include the home city (see services::providers and the seed).
        query = query.filter(diesel::dsl::exists(
            provider_cities::table
                .filter(provider_cities::provider_id.eq(providers::id))
                .filter(provider_cities::city_id.eq(city)),
        ));
    }
    common_filters!(query, q)
}

/// A category in a city: one range of `provider_listings` (approved providers only), walked in sort order.
fn by_listing(
    q: &SearchQuery,
    category: i64,
    city: i64,
    postgres: bool,
) -> diesel::helper_types::IntoBoxed<
    '_,
    diesel::helper_types::InnerJoin<
        provider_listings::table,
        diesel::helper_types::InnerJoin<providers::table, cities::table>,
    >,
    MultiBackend,
> {
    let mut query = provider_listings::table
        .inner_join(providers::table.inner_join(cities::table))
        .filter(provider_listings::category_id.eq(category))
        .filter(provider_listings::city_id.eq(city))
        .into_boxed::<MultiBackend>();
    if let Some(condition) = text_condition(postgres, &q.words, Words::Drives, &place_tags(q, None)) {
        query = query.filter(condition);
    }
    common_filters!(query, q)
}

/// One page of results and the total count, in a fixed number of queries (count and page ids, cards,
/// categories).
pub fn providers_page(conn: &mut DbConn, q: &SearchQuery) -> QueryResult<SearchResult> {
    let postgres = matches!(conn, DbConn::Pg(_));
    let per_page = q.per_page.clamp(1, 50);
    let offset = (q.page.max(1) - 1).saturating_mul(per_page);
    let (total, cap, rows): (i64, i64, Vec<provider_card::Row>) = match (q.category_id, q.city_id) {
        (Some(category), Some(city)) => {
            let total = if q.only_place() {
                // The plain landing page: a count over one index range, without visiting the providers.
                provider_listings::table
                    .filter(provider_listings::category_id.eq(category))
                    .filter(provider_listings::city_id.eq(city))
                    .count()
                    .get_result::<i64>(conn)?
                    .min(COUNT_CAP + 1)
            } else {
                by_listing(q, category, city, postgres)
                    .select(provider_listings::provider_id)
                    .limit(COUNT_CAP + 1)
                    .load::<i64>(conn)?
                    .len() as i64
            };
            let rows = if offset >= total {
                Vec::new()
            } else {
                listing_ordered!(by_listing(q, category, city, postgres), q)
                    .limit(per_page)
                    .offset(offset)
                    .select(provider_card::columns!(q.now))
                    .load(conn)?
            };
            (total, COUNT_CAP, rows)
        }
        _ => {
            // The ids first: filtering and sorting read `providers_filter_idx` (or walk a sort index), not the
            // wide rows; then the page's cards.
            let (total, cap, page) = if q.words.is_empty() {
                // The count stops early; the page walks a sort index.
                let total = by_links(q, postgres, Words::Drives, None)
                    .select(providers::id)
                    .limit(COUNT_CAP + 1)
                    .load::<i64>(conn)?
                    .len() as i64;
                let page: Vec<i64> = if offset >= total {
                    Vec::new()
                } else {
                    ordered!(by_links(q, postgres, Words::Drives, None), q, providers, providers::id)
                        .limit(per_page)
                        .offset(offset)
                        .select(providers::id)
                        .load(conn)?
                };
                (total, COUNT_CAP, page)
            } else if postgres {
                // Bitmap scans of the full-text index only: for a LIMIT the planner would rather read the table
                // or a sort index in order, checking the words on every row.
                conn.transaction(|conn| {
                    conn.batch_execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")?;
                    text_page(conn, q, offset, per_page)
                })?
            } else {
                text_page(conn, q, offset, per_page)?
            };
            let mut rows: Vec<provider_card::Row> = if page.is_empty() {
                Vec::new()
            } else {
                providers::table
                    .inner_join(cities::table)
                    .filter(providers::id.eq_any(&page))
                    .select(provider_card::columns!(q.now))
                    .load(conn)?
            };
            rows.sort_by_key(|r| page.iter().position(|id| *id == r.0));
            (total, cap, rows)
        }
    };
    Ok(SearchResult { providers: provider_card::complete(conn, rows)?, total: total.min(cap), capped: total > cap })
}

/// Free-text results: the full-text index is cheap but checking thousands of matches against the filters and
/// sorting them is not. The first pages look within the first tier of the sort order (the index gives only the
/// matches in the place and the tier, see [`TAGS_PG`]); when the tier holds more than [`TEXT_COUNT_CAP`] matches,
/// the page is in it and the count is "more than the cap". Otherwise, and for deeper pages:
///
/// - PostgreSQL reads each match from the heap anyway: one pass sorts and counts every match;
/// - SQLite counts the matches up to the cap; a few are sorted directly; the first pages of many walk the sort
///   index, checking the words on each row; deeper pages sort every match.
fn text_page(conn: &mut DbConn, q: &SearchQuery, offset: i64, per_page: i64) -> QueryResult<(i64, i64, Vec<i64>)> {
    let postgres = matches!(conn, DbConn::Pg(_));
    let first_pages = offset < WALK_OFFSET_LIMIT && !(q.sort == Sort::Distance && q.near.is_some());
    if first_pages {
        let rows: Vec<(i64, i64)> =
            ordered!(by_links(q, postgres, Words::Drives, Some(first_tier(q.sort))), q, providers, providers::id)
                .limit(per_page)
                .offset(offset)
                .select((providers::id, sql::<BigInt>("count(*) OVER ()")))
                .load(conn)?;
        // offset + per_page < TEXT_COUNT_CAP: the page is full.
        if let Some(&(_, in_tier)) = rows.first().filter(|r| r.1 > TEXT_COUNT_CAP) {
            return Ok((in_tier, TEXT_COUNT_CAP, rows.into_iter().map(|r| r.0).collect()));
        }
    }
    if postgres {
        let ids = sorted_matches(conn, q, postgres)?;
        let total = ids.len() as i64;
        return Ok((total, COUNT_CAP, ids.into_iter().skip(offset as usize).take(per_page as usize).collect()));
    }
    let ids: Vec<i64> =
        by_links(q, postgres, Words::Drives, None).select(providers::id).limit(TEXT_COUNT_CAP + 1).load(conn)?;
    let page: Vec<i64> = if ids.len() as i64 <= TEXT_COUNT_CAP {
        let few = providers::table.inner_join(cities::table).filter(providers::id.eq_any(&ids)).into_boxed();
        ordered!(few, q, providers, providers::id).limit(per_page).offset(offset).select(providers::id).load(conn)?
    } else if first_pages {
        ordered!(by_links(q, postgres, Words::Checks, None), q, providers, providers::id)
            .limit(per_page)
            .offset(offset)
            .select(providers::id)
            .load(conn)?
    } else {
        sorted_matches(conn, q, postgres)?.into_iter().skip(offset as usize).take(per_page as usize).collect()
    };
    Ok((ids.len() as i64, TEXT_COUNT_CAP, page))
}

/// Every match's id in order (up to [`COUNT_CAP`]), the full-text index driving.
fn sorted_matches(conn: &mut DbConn, q: &SearchQuery, postgres: bool) -> QueryResult<Vec<i64>> {
    ordered!(by_links(q, postgres, Words::Drives, None), q, providers, providers::id)
        .limit(COUNT_CAP + 1)
        .select(providers::id)
        .load(conn)
}
