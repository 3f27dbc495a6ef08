//! A provider as shown in lists: name, trade, city, rating, price from, badges.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::subscription::giving_benefits;
use crate::db::models::{Category, City};
use crate::db::schema::{categories, cities, provider_categories, provider_listings, providers, subscriptions};
use crate::db::types::ProviderStatus;
use crate::domain::lang::Lang;

#[derive(Clone, Debug)]
pub struct ProviderCard {
    pub id: i64,
    pub slug: String,
    pub display_name: String,
    pub city: City,
    pub category: Option<Category>,
    pub rating_avg: f64,
    pub review_count: i32,
    pub completed_jobs: i32,
    pub years_experience: i32,
    pub min_price_cents: Option<i64>,
    pub is_verified: bool,
    /// A Club Pro member (benefits running): the badge.
    pub club_pro: bool,
    /// The provider's photo: stored name, width and height (see `web::picture`).
    pub photo: Option<(String, i32, i32)>,
    /// The comment of the newest published review that has one: what a client said, on the card.
    pub latest_comment: Option<String>,
}

impl ProviderCard {
    pub fn city_name(&self, lang: impl Into<Lang>) -> String {
        self.city.name(lang).to_string()
    }

    pub fn category_name(&self, lang: impl Into<Lang>) -> String {
        self.category.as_ref().map(|c| c.name(lang).to_string()).unwrap_or_default()
    }

    pub fn icon(&self) -> &str {
        self.category.as_ref().map(|c| c.icon.as_str()).unwrap_or("multi-services")
    }

    /// "Top rated" badge: at least 4.8 over 10 or more reviews.
    pub fn is_top_rated(&self) -> bool {
        self.rating_avg >= 4.8 && self.review_count >= 10
    }

    pub fn initials(&self) -> String {
        crate::domain::text::initials(&self.display_name)
    }

    /// The newest comment, cut at a word to about a line and a half of a card.
    pub fn quote(&self) -> Option<String> {
        self.latest_comment.as_deref().map(|c| crate::domain::text::excerpt(c, QUOTE_CHARS))
    }
}

/// How much of a review a card quotes.
const QUOTE_CHARS: usize = 90;

/// Fewer reviews than this and a perfect score says little.
pub const MIN_REVIEWS_FOR_TOP: i32 = 3;

pub type Row = (i64, String, String, f64, i32, i32, i32, Option<i64>, bool, City, bool, Photo, Option<String>);

/// A card's photo columns: stored name, width, height.
pub type Photo = (Option<String>, Option<i32>, Option<i32>);

/// The columns of a card, for a query joining providers and cities (loads a [`Row`]), with Club Pro membership
/// at `$now` (a probe of the subscriptions index per row, in the same statement).
macro_rules! columns {
    ($now:expr) => {
        (
            $crate::db::schema::providers::id,
            $crate::db::schema::providers::slug,
            $crate::db::schema::providers::display_name,
            $crate::db::schema::providers::rating_avg,
            $crate::db::schema::providers::review_count,
            $crate::db::schema::providers::completed_jobs,
            $crate::db::schema::providers::years_experience,
            $crate::db::schema::providers::min_price_cents,
            $crate::db::schema::providers::is_verified,
            $crate::db::schema::cities::all_columns,
            diesel::dsl::exists(
                $crate::db::schema::subscriptions::table
                    .filter($crate::db::schema::subscriptions::user_id.eq($crate::db::schema::providers::user_id))
                    .filter($crate::db::models::subscription::giving_benefits!($now)),
            ),
            (
                $crate::db::views::provider_card::photo_column!(storage_key),
                $crate::db::views::provider_card::photo_column!(width),
                $crate::db::views::provider_card::photo_column!(height),
            ),
            $crate::db::views::provider_card::latest_comment!(),
        )
    };
}

/// One column of the provider's photo row, as a subquery (a primary-key probe per card).
macro_rules! photo_column {
    ($column:ident) => {
        $crate::db::schema::media::table
            .filter($crate::db::schema::media::id.nullable().eq($crate::db::schema::providers::photo_media_id))
            .select($crate::db::schema::media::$column)
            .single_value()
    };
}
/// The newest published review's comment, as a subquery (one step down the reviews' provider index per card).
macro_rules! latest_comment {
    () => {
        $crate::db::schema::reviews::table
            .filter($crate::db::schema::reviews::provider_id.eq($crate::db::schema::providers::id))
            .filter($crate::db::schema::reviews::direction.eq($crate::db::types::ReviewDirection::ClientToProvider))
            .filter($crate::db::schema::reviews::status.eq($crate::db::types::ReviewStatus::Published))
            .filter($crate::db::schema::reviews::comment.ne(""))
            .order(($crate::db::schema::reviews::published_at.desc(), $crate::db::schema::reviews::id.desc()))
            .select($crate::db::schema::reviews::comment)
            .limit(1)
            .single_value()
    };
}
pub(crate) use columns;
pub(crate) use latest_comment;
pub(crate) use photo_column;

/// The best-rated approved providers with enough reviews to mean something (rating, then number of
/// reviews, then id for a stable order).
pub fn top_rated(conn: &mut DbConn, limit: i64, now: NaiveDateTime) -> QueryResult<Vec<ProviderCard>> {
    let rows: Vec<Row> = providers::table
        .inner_join(cities::table)
        .filter(providers::status.eq(ProviderStatus::Approved))
        .filter(providers::review_count.ge(MIN_REVIEWS_FOR_TOP))
        .order((providers::rating_avg.desc(), providers::review_count.desc(), providers::id.asc()))
        .limit(limit)
        .select(columns!(now))
        .load(conn)?;
    complete(conn, rows)
}

/// Attaches each provider's first category (by catalogue order) in one query.
pub fn complete(conn: &mut DbConn, rows: Vec<Row>) -> QueryResult<Vec<ProviderCard>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let links: Vec<(i64, Category)> = provider_categories::table
        .inner_join(categories::table)
        .filter(provider_categories::provider_id.eq_any(&ids))
        .order((categories::position.asc(), categories::id.asc()))
        .select((provider_categories::provider_id, Category::as_select()))
        .load(conn)?;
    let mut first: HashMap<i64, Category> = HashMap::new();
    for (provider_id, category) in links {
        first.entry(provider_id).or_insert(category);
    }
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                slug,
                display_name,
                rating_avg,
                review_count,
                completed_jobs,
                years_experience,
                min_price_cents,
                is_verified,
                city,
                club_pro,
                photo,
                latest_comment,
            )| {
                ProviderCard {
                    id,
                    slug,
                    display_name,
                    category: first.remove(&id),
                    city,
                    rating_avg,
                    review_count,
                    completed_jobs,
                    years_experience,
                    min_price_cents,
                    is_verified,
                    club_pro,
                    photo: match photo {
                        (Some(name), Some(width), Some(height)) => Some((name, width, height)),
                        _ => None,
                    },
                    latest_comment,
                }
            },
        )
        .collect())
}

/// Cards for these providers, in the given order.
pub fn by_ids(conn: &mut DbConn, ids: &[i64], now: NaiveDateTime) -> QueryResult<Vec<ProviderCard>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<Row> = providers::table
        .inner_join(cities::table)
        .filter(providers::id.eq_any(ids))
        .select(columns!(now))
        .load(conn)?;
    let mut cards = complete(conn, rows)?;
    cards.sort_by_key(|c| ids.iter().position(|id| *id == c.id).unwrap_or(usize::MAX));
    Ok(cards)
}

/// The Club Pro members listed for a category in a city, by id (the members drive the query: they are few).
pub fn featured_ids(conn: &mut DbConn, category: i64, city: i64, now: NaiveDateTime) -> QueryResult<Vec<i64>> {
    let mut ids: Vec<i64> = subscriptions::table
        .filter(giving_benefits!(now))
        .inner_join(providers::table.on(providers::user_id.eq(subscriptions::user_id)))
        .inner_join(provider_listings::table.on(provider_listings::provider_id.eq(providers::id)))
        .filter(provider_listings::category_id.eq(category))
        .filter(provider_listings::city_id.eq(city))
        .select(providers::id)
        .load(conn)?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// An approved provider's id by slug.
pub fn public_id(conn: &mut DbConn, slug: &str) -> QueryResult<Option<i64>> {
    providers::table
        .filter(providers::slug.eq(slug))
        .filter(providers::status.eq(ProviderStatus::Approved))
        .select(providers::id)
        .first(conn)
        .optional()
}
