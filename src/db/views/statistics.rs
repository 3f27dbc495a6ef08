//! Statistics for a period: a provider's activity, a client's, and the whole marketplace's for the back
//! office. Each is a fixed number of queries; per-month and per-day figures are bucketed in Rust from
//! narrow rows (a provider's or a period's bookings), in Moroccan local time.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{
    booking_status_history, bookings, categories, cities, favorites, payments, profile_views, providers, reviews,
    services, users,
};
use crate::db::types::{
    BookingStatus, PaymentStatus, ProviderStatus, ReviewDirection, ReviewStatus, UserRole, UserStatus,
};
use crate::domain::period::Period;
use crate::domain::schedule::to_local;

/// One month of a provider's activity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProviderMonth {
    pub year: i32,
    pub month: u32,
    pub requests: i64,
    pub revenue_cents: i64,
    /// Average of the reviews published that month (None: no review).
    pub rating: Option<f64>,
    pub reviews: i64,
    pub views: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProviderStats {
    /// Requests received (bookings created in the period).
    pub requests: i64,
    /// Of those, accepted at some point.
    pub accepted: i64,
    /// Of those accepted, completed and cancelled.
    pub completed: i64,
    pub cancelled: i64,
    /// Median minutes between a request and the provider's answer.
    pub median_response_minutes: Option<i32>,
    /// Amounts recorded on jobs completed in the period.
    pub revenue_cents: i64,
    pub views: i64,
    /// Favorites now, and added in the period.
    pub favorites: i64,
    pub favorites_added: i64,
    pub months: Vec<ProviderMonth>,
}

impl ProviderStats {
    /// Share in percent (None when there is nothing to divide by).
    pub fn rate(part: i64, whole: i64) -> Option<i64> {
        (whole > 0).then(|| (part * 100 + whole / 2) / whole)
    }
}

fn month_of(t: NaiveDateTime) -> (i32, u32) {
    let local = to_local(t);
    (local.year(), local.month())
}

pub fn provider(conn: &mut DbConn, provider_id: i64, period: &Period) -> QueryResult<ProviderStats> {
    let (start, end) = period.utc_bounds();
    let mut months: Vec<ProviderMonth> =
        period.months().into_iter().map(|(year, month)| ProviderMonth { year, month, ..Default::default() }).collect();
    let index: HashMap<(i32, u32), usize> = months.iter().enumerate().map(|(i, m)| ((m.year, m.month), i)).collect();

    let received: Vec<(i64, NaiveDateTime, Option<NaiveDateTime>, BookingStatus)> = bookings::table
        .filter(bookings::provider_id.eq(provider_id))
        .filter(bookings::created_at.ge(start))
        .filter(bookings::created_at.lt(end))
        .select((bookings::id, bookings::created_at, bookings::responded_at, bookings::status))
        .load(conn)?;
    let accepted_ids: Vec<i64> = booking_status_history::table
        .inner_join(bookings::table)
        .filter(bookings::provider_id.eq(provider_id))
        .filter(bookings::created_at.ge(start))
        .filter(bookings::created_at.lt(end))
        .filter(booking_status_history::to_status.eq(BookingStatus::Confirmed))
        .select(booking_status_history::booking_id)
        .distinct()
        .load(conn)?;
    let mut stats =
        ProviderStats { requests: received.len() as i64, accepted: accepted_ids.len() as i64, ..Default::default() };
    let mut delays = Vec::new();
    for (id, created, responded, status) in &received {
        if let Some(&i) = index.get(&month_of(*created)) {
            months[i].requests += 1;
        }
        if let Some(r) = responded {
            delays.push((*r - *created).num_minutes().max(0));
        }
        if accepted_ids.contains(id) {
            match status {
                BookingStatus::Completed => stats.completed += 1,
                BookingStatus::Cancelled => stats.cancelled += 1,
                _ => {}
            }
        }
    }
    stats.median_response_minutes = crate::domain::booking::median(&delays);

    let done: Vec<(Option<NaiveDateTime>, Option<i64>)> = bookings::table
        .filter(bookings::provider_id.eq(provider_id))
        .filter(bookings::status.eq(BookingStatus::Completed))
        .filter(bookings::completed_at.ge(start))
        .filter(bookings::completed_at.lt(end))
        .select((bookings::completed_at, bookings::final_price_cents))
        .load(conn)?;
    for (at, cents) in done {
        let cents = cents.unwrap_or(0);
        stats.revenue_cents += cents;
        if let Some(&i) = at.and_then(|t| index.get(&month_of(t))) {
            months[i].revenue_cents += cents;
        }
    }

    let rated: Vec<(Option<NaiveDateTime>, i16)> = reviews::table
        .filter(reviews::provider_id.eq(provider_id))
        .filter(reviews::direction.eq(ReviewDirection::ClientToProvider))
        .filter(reviews::status.eq(ReviewStatus::Published))
        .filter(reviews::published_at.ge(start))
        .filter(reviews::published_at.lt(end))
        .select((reviews::published_at, reviews::rating))
        .load(conn)?;
    let mut sums = vec![0i64; months.len()];
    for (at, rating) in rated {
        if let Some(&i) = at.and_then(|t| index.get(&month_of(t))) {
            months[i].reviews += 1;
            sums[i] += i64::from(rating);
        }
    }
    for (m, sum) in months.iter_mut().zip(sums) {
        m.rating = (m.reviews > 0).then(|| sum as f64 / m.reviews as f64);
    }

    let views: Vec<NaiveDate> = profile_views::table
        .filter(profile_views::provider_id.eq(provider_id))
        .filter(profile_views::day.ge(period.from))
        .filter(profile_views::day.le(period.to))
        .select(profile_views::day)
        .load(conn)?;
    stats.views = views.len() as i64;
    for day in views {
        if let Some(&i) = index.get(&(day.year(), day.month())) {
            months[i].views += 1;
        }
    }

    let favorite_times: Vec<NaiveDateTime> =
        favorites::table.filter(favorites::provider_id.eq(provider_id)).select(favorites::created_at).load(conn)?;
    stats.favorites = favorite_times.len() as i64;
    stats.favorites_added = favorite_times.iter().filter(|t| **t >= start && **t < end).count() as i64;
    stats.months = months;
    Ok(stats)
}

/// A client's activity, all time (shown on their account page).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientStats {
    pub bookings: i64,
    pub completed: i64,
    pub upcoming: i64,
    pub spent_cents: i64,
    pub reviews_given: i64,
}

pub fn client(conn: &mut DbConn, user_id: i64, now: NaiveDateTime) -> QueryResult<ClientStats> {
    let rows: Vec<(BookingStatus, NaiveDateTime, Option<i64>)> = bookings::table
        .filter(bookings::client_id.eq(user_id))
        .select((bookings::status, bookings::scheduled_start, bookings::final_price_cents))
        .load(conn)?;
    let mut stats = ClientStats { bookings: rows.len() as i64, ..Default::default() };
    for (status, start, paid) in rows {
        if status == BookingStatus::Completed {
            stats.completed += 1;
            stats.spent_cents += paid.unwrap_or(0);
        }
        if crate::domain::booking::holds_slot(status) && start > now {
            stats.upcoming += 1;
        }
    }
    stats.reviews_given = reviews::table
        .filter(reviews::author_id.eq(user_id))
        .filter(reviews::direction.eq(ReviewDirection::ClientToProvider))
        .count()
        .get_result(conn)?;
    Ok(stats)
}

/// The marketplace for the back office.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AdminStats {
    /// Accounts by role (deleted ones excluded), and new accounts in the period.
    pub users_by_role: Vec<(UserRole, i64)>,
    pub new_users: i64,
    pub providers_by_status: Vec<(ProviderStatus, i64)>,
    /// Bookings created in the period, by status and by local day.
    pub bookings_by_status: Vec<(BookingStatus, i64)>,
    pub bookings_per_day: Vec<(NaiveDate, i64)>,
    /// Top categories and cities by bookings in the period: (slug, fr, ar, en names, count).
    pub top_categories: Vec<(String, [String; 3], i64)>,
    pub top_cities: Vec<(String, [String; 3], i64)>,
    /// Subscription payments received in the period, in total and per month.
    pub revenue_cents: i64,
    pub revenue_per_month: Vec<((i32, u32), i64)>,
}

pub fn admin(conn: &mut DbConn, period: &Period) -> QueryResult<AdminStats> {
    use diesel::dsl::count_star;
    let (start, end) = period.utc_bounds();
    let users_by_role = users::table
        .filter(users::status.ne(UserStatus::Deleted))
        .group_by(users::role)
        .select((users::role, count_star()))
        .order(users::role.asc())
        .load(conn)?;
    let new_users =
        users::table.filter(users::created_at.ge(start)).filter(users::created_at.lt(end)).count().get_result(conn)?;
    let providers_by_status = providers::table
        .filter(providers::removed_at.is_null())
        .group_by(providers::status)
        .select((providers::status, count_star()))
        .order(providers::status.asc())
        .load(conn)?;
    let in_period = bookings::created_at.ge(start).and(bookings::created_at.lt(end));
    let bookings_by_status = bookings::table
        .filter(in_period)
        .group_by(bookings::status)
        .select((bookings::status, count_star()))
        .order(bookings::status.asc())
        .load(conn)?;
    // Per local day: the creation times of the period's bookings, bucketed here (one narrow column).
    let created: Vec<NaiveDateTime> = bookings::table.filter(in_period).select(bookings::created_at).load(conn)?;
    let mut per_day: HashMap<NaiveDate, i64> = HashMap::new();
    for t in created {
        *per_day.entry(to_local(t).date()).or_default() += 1;
    }
    let bookings_per_day = period.days().into_iter().map(|d| (d, per_day.get(&d).copied().unwrap_or(0))).collect();
    let top_categories: Vec<(String, String, String, String, i64)> = bookings::table
        .inner_join(services::table.inner_join(categories::table))
        .filter(in_period)
        .group_by((categories::slug, categories::name_fr, categories::name_ar, categories::name_en))
        .select((categories::slug, categories::name_fr, categories::name_ar, categories::name_en, count_star()))
        .order((count_star().desc(), categories::slug.asc()))
        .limit(5)
        .load(conn)?;
    // Grouped by id from the period index, then named (a join per booking would cost more than the count).
    let city_counts: Vec<(i64, i64)> = bookings::table
        .filter(in_period)
        .group_by(bookings::city_id)
        .select((bookings::city_id, count_star()))
        .order((count_star().desc(), bookings::city_id.asc()))
        .limit(5)
        .load(conn)?;
    let ids: Vec<i64> = city_counts.iter().map(|(id, _)| *id).collect();
    let named: Vec<(i64, String, String, String, String)> = cities::table
        .filter(cities::id.eq_any(&ids))
        .select((cities::id, cities::slug, cities::name_fr, cities::name_ar, cities::name_en))
        .load(conn)?;
    let top_cities = city_counts
        .into_iter()
        .filter_map(|(id, n)| {
            named
                .iter()
                .find(|c| c.0 == id)
                .map(|(_, slug, fr, ar, en)| (slug.clone(), fr.clone(), ar.clone(), en.clone(), n))
        })
        .collect::<Vec<_>>();
    let paid: Vec<(Option<NaiveDateTime>, i64)> = payments::table
        .filter(payments::status.eq(PaymentStatus::Succeeded))
        .filter(payments::paid_at.ge(start))
        .filter(payments::paid_at.lt(end))
        .select((payments::paid_at, payments::amount_cents))
        .load(conn)?;
    let mut revenue_per_month: Vec<((i32, u32), i64)> = period.months().into_iter().map(|m| (m, 0)).collect();
    let mut revenue_cents = 0;
    for (at, cents) in paid {
        revenue_cents += cents;
        if let Some(slot) = at.and_then(|t| revenue_per_month.iter_mut().find(|(m, _)| *m == month_of(t))) {
            slot.1 += cents;
        }
    }
    let names = |rows: Vec<(String, String, String, String, i64)>| {
        rows.into_iter().map(|(slug, fr, ar, en, n)| (slug, [fr, ar, en], n)).collect()
    };
    Ok(AdminStats {
        users_by_role,
        new_users,
        providers_by_status,
        bookings_by_status,
        bookings_per_day,
        top_categories: names(top_categories),
        top_cities: names(top_cities),
        revenue_cents,
        revenue_per_month,
    })
}
