use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{booking_status_history, bookings};
use crate::db::types::{BookingStatus, PricingUnit, UserRole};

/// The pending and confirmed bookings of a person, as client or (with `provider_id`) as provider: id, status
/// and client id.
pub fn open_for_party(
    conn: &mut DbConn,
    client_id: i64,
    provider_id: Option<i64>,
) -> QueryResult<Vec<(i64, BookingStatus, i64)>> {
    let open = [BookingStatus::Pending, BookingStatus::Confirmed];
    let mut query = bookings::table.filter(bookings::status.eq_any(open)).into_boxed();
    query = match provider_id {
        Some(pid) => query.filter(bookings::client_id.eq(client_id).or(bookings::provider_id.eq(pid))),
        None => query.filter(bookings::client_id.eq(client_id)),
    };
    query.order(bookings::id.asc()).select((bookings::id, bookings::status, bookings::client_id)).load(conn)
}

/// Cancels the open bookings of a person who deletes their account (as [`open_for_party`]), each as cancelled by
/// the side they were on, with a history row each. Returns how many were cancelled.
pub fn cancel_open_for_party(
    conn: &mut DbConn,
    client_id: i64,
    provider_id: Option<i64>,
    actor_id: i64,
    reason: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let rows = open_for_party(conn, client_id, provider_id)?;
    for (booking_id, from, booking_client) in &rows {
        let by = if *booking_client == client_id { UserRole::Client } else { UserRole::Provider };
        diesel::update(bookings::table.find(booking_id).filter(bookings::status.eq(from)))
            .set((
                bookings::status.eq(BookingStatus::Cancelled),
                bookings::status_reason.eq(reason),
                bookings::cancelled_by_role.eq(by),
                bookings::cancelled_at.eq(Some(at)),
                bookings::updated_at.eq(at),
            ))
            .execute(conn)?;
        add_history(conn, *booking_id, Some(*from), BookingStatus::Cancelled, Some(actor_id), Some(reason), at)?;
    }
    Ok(rows.len())
}

/// A booking as stored.
#[derive(Queryable, Selectable, Identifiable, Clone, Debug)]
#[diesel(table_name = bookings)]
pub struct Booking {
    pub id: i64,
    pub reference: String,
    pub client_id: i64,
    pub provider_id: i64,
    pub service_id: i64,
    pub title: String,
    pub description: String,
    pub scheduled_start: NaiveDateTime,
    pub scheduled_end: NaiveDateTime,
    pub address: String,
    pub city_id: i64,
    pub pricing_unit: PricingUnit,
    pub price_cents: Option<i64>,
    pub final_price_cents: Option<i64>,
    pub status: BookingStatus,
    pub status_reason: Option<String>,
    pub cancelled_by_role: Option<UserRole>,
    pub is_late_cancellation: bool,
    pub notes: Option<String>,
    pub idempotency_key: Option<String>,
    pub expires_at: NaiveDateTime,
    pub responded_at: Option<NaiveDateTime>,
    pub started_at: Option<NaiveDateTime>,
    pub completed_at: Option<NaiveDateTime>,
    pub cancelled_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = bookings)]
pub struct NewBooking<'a> {
    pub reference: &'a str,
    pub client_id: i64,
    pub provider_id: i64,
    pub service_id: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub scheduled_start: NaiveDateTime,
    pub scheduled_end: NaiveDateTime,
    pub address: &'a str,
    pub city_id: i64,
    pub pricing_unit: PricingUnit,
    pub price_cents: Option<i64>,
    pub status: BookingStatus,
    pub idempotency_key: Option<&'a str>,
    pub expires_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Shows each booking under its service's current name in the reader's language (`pick` chooses among the
/// French, Arabic and English names). The stored `title` is the name as it was booked, in the client's
/// language: kept for history, and shown when the service is gone.
pub fn retitle<'a>(
    conn: &mut DbConn,
    rows: impl IntoIterator<Item = &'a mut Booking>,
    pick: impl Fn(&str, &str, Option<&str>) -> String,
) -> QueryResult<()> {
    let rows: Vec<&mut Booking> = rows.into_iter().collect();
    let ids: Vec<i64> = rows.iter().map(|b| b.service_id).collect();
    let names = crate::db::models::service::names(conn, &ids)?;
    for b in rows {
        if let Some((fr, ar, en)) = names.get(&b.service_id) {
            b.title = pick(fr, ar, en.as_deref());
        }
    }
    Ok(())
}

/// One row of a booking's timeline.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = booking_status_history)]
pub struct HistoryRow {
    pub id: i64,
    pub booking_id: i64,
    pub from_status: Option<BookingStatus>,
    pub to_status: BookingStatus,
    pub actor_id: Option<i64>,
    pub reason: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewBooking<'_>) -> QueryResult<i64> {
    diesel::insert_into(bookings::table).values(new).returning(bookings::id).get_result(conn)
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Booking>> {
    bookings::table.find(id).select(Booking::as_select()).first(conn).optional()
}

pub fn by_idempotency_key(conn: &mut DbConn, key: &str) -> QueryResult<Option<Booking>> {
    bookings::table.filter(bookings::idempotency_key.eq(key)).select(Booking::as_select()).first(conn).optional()
}

/// Adds a row to the timeline.
pub fn add_history(
    conn: &mut DbConn,
    booking_id: i64,
    from: Option<BookingStatus>,
    to: BookingStatus,
    actor_id: Option<i64>,
    reason: Option<&str>,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(booking_status_history::table)
        .values((
            booking_status_history::booking_id.eq(booking_id),
            booking_status_history::from_status.eq(from),
            booking_status_history::to_status.eq(to),
            booking_status_history::actor_id.eq(actor_id),
            booking_status_history::reason.eq(reason),
            booking_status_history::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn history(conn: &mut DbConn, booking_id: i64) -> QueryResult<Vec<HistoryRow>> {
    booking_status_history::table
        .filter(booking_status_history::booking_id.eq(booking_id))
        .order((booking_status_history::created_at.asc(), booking_status_history::id.asc()))
        .select(HistoryRow::as_select())
        .load(conn)
}

/// What a transition changes besides the status.
#[derive(Default)]
pub struct Change<'a> {
    pub reason: Option<&'a str>,
    pub cancelled_by: Option<UserRole>,
    pub late: bool,
    pub final_price_cents: Option<i64>,
}

/// Moves a booking from `from` to `to` only if it is still in `from`: false when it moved on meanwhile.
pub fn transition(
    conn: &mut DbConn,
    id: i64,
    from: BookingStatus,
    to: BookingStatus,
    change: &Change<'_>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let target = bookings::table.find(id).filter(bookings::status.eq(from));
    let responded = matches!(to, BookingStatus::Confirmed | BookingStatus::Rejected).then_some(at);
    let started = (to == BookingStatus::InProgress).then_some(at);
    let completed = (to == BookingStatus::Completed).then_some(at);
    let cancelled = (to == BookingStatus::Cancelled).then_some(at);
    let updated = diesel::update(target)
        .set((
            bookings::status.eq(to),
            bookings::status_reason.eq(change.reason),
            bookings::cancelled_by_role.eq(change.cancelled_by),
            bookings::is_late_cancellation.eq(change.late),
            bookings::updated_at.eq(at),
        ))
        .execute(conn)?;
    if updated == 1 {
        // Only the timestamps this transition sets (the others keep their values).
        if let Some(t) = responded {
            diesel::update(bookings::table.find(id)).set(bookings::responded_at.eq(t)).execute(conn)?;
        }
        if let Some(t) = started {
            diesel::update(bookings::table.find(id)).set(bookings::started_at.eq(t)).execute(conn)?;
        }
        if let Some(t) = completed {
            diesel::update(bookings::table.find(id))
                .set((bookings::completed_at.eq(t), bookings::final_price_cents.eq(change.final_price_cents)))
                .execute(conn)?;
        }
        if let Some(t) = cancelled {
            diesel::update(bookings::table.find(id)).set(bookings::cancelled_at.eq(t)).execute(conn)?;
        }
    }
    Ok(updated == 1)
}

/// The provider's jobs holding time between two instants (confirmed or in progress).
pub fn busy(
    conn: &mut DbConn,
    provider_id: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<(NaiveDateTime, NaiveDateTime)>> {
    bookings::table
        .filter(bookings::provider_id.eq(provider_id))
        .filter(bookings::status.eq_any([BookingStatus::Confirmed, BookingStatus::InProgress]))
        .filter(bookings::scheduled_start.lt(to))
        .filter(bookings::scheduled_end.gt(from))
        .select((bookings::scheduled_start, bookings::scheduled_end))
        .load(conn)
}

/// The provider's other pending requests overlapping an interval.
pub fn overlapping_pending(
    conn: &mut DbConn,
    provider_id: i64,
    except: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Booking>> {
    bookings::table
        .filter(bookings::provider_id.eq(provider_id))
        .filter(bookings::status.eq(BookingStatus::Pending))
        .filter(bookings::id.ne(except))
        .filter(bookings::scheduled_start.lt(to))
        .filter(bookings::scheduled_end.gt(from))
        .select(Booking::as_select())
        .load(conn)
}

/// Pending requests past their answer time.
pub fn due_to_expire(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<Booking>> {
    bookings::table
        .filter(bookings::status.eq(BookingStatus::Pending))
        .filter(bookings::expires_at.le(now))
        .order(bookings::expires_at.asc())
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)
}

/// Pending requests expiring in `(from, to]`: the candidates for the provider's reminder.
pub fn pending_expiring_between(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Booking>> {
    bookings::table
        .filter(bookings::status.eq(BookingStatus::Pending))
        .filter(bookings::expires_at.gt(from))
        .filter(bookings::expires_at.le(to))
        .order(bookings::expires_at.asc())
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)
}

/// Confirmed jobs starting in `(from, to]`: the candidates for the day-before reminder.
pub fn confirmed_starting_between(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Booking>> {
    bookings::table
        .filter(bookings::status.eq(BookingStatus::Confirmed))
        .filter(bookings::scheduled_start.gt(from))
        .filter(bookings::scheduled_start.le(to))
        .order(bookings::scheduled_start.asc())
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)
}

/// Which side of the bookings a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Client(i64),
    Provider(i64),
}

/// A list of one side's bookings: upcoming (scheduled from now, soonest first) or past (latest first), optionally
/// in some statuses, one page, each titled by its service's name (`pick`ed as in [`retitle`]) and with the other
/// party's name (a provider's, or a client's short name), and the total.
pub fn list(
    conn: &mut DbConn,
    side: Side,
    upcoming: Option<bool>,
    statuses: &[BookingStatus],
    now: NaiveDateTime,
    (page, per_page): (i64, i64),
    pick: impl Fn(&str, &str, Option<&str>) -> String,
) -> QueryResult<(Vec<(Booking, String)>, i64)> {
    use diesel::dsl::count_star;
    use diesel::sql_types::{Nullable, Text};

    use crate::db::schema::{providers, services, users};
    // The booking, the other party's name (or first and last names), its service's names in fr, ar and en, the
    // total.
    type Row = (Booking, Option<String>, Option<String>, (Option<String>, Option<String>, Option<String>), i64);
    let query = || {
        let mut q = bookings::table.into_boxed();
        q = match side {
            Side::Client(id) => q.filter(bookings::client_id.eq(id)),
            Side::Provider(id) => q.filter(bookings::provider_id.eq(id)),
        };
        if !statuses.is_empty() {
            q = q.filter(bookings::status.eq_any(statuses.to_vec()));
        }
        match upcoming {
            Some(true) => q.filter(bookings::scheduled_end.ge(now)),
            Some(false) => q.filter(bookings::scheduled_end.lt(now)),
            None => q,
        }
    };
    let ordered = if upcoming == Some(true) {
        query().order((bookings::scheduled_start.asc(), bookings::id.asc()))
    } else {
        query().order((bookings::scheduled_start.desc(), bookings::id.desc()))
    };
    // The other party's name and the total in the same statement (one round trip; no SQL text, so the statement
    // is prepared once per connection).
    let offset = (page.max(1) - 1).saturating_mul(per_page);
    let page = ordered.limit(per_page).offset(offset);
    macro_rules! service {
        ($name:expr) => {
            services::table.filter(services::id.eq(bookings::service_id)).select($name).single_value()
        };
    }
    let titles = (service!(services::name_fr), service!(services::name_ar), service!(services::name_en));
    let rows: Vec<Row> = match side {
        Side::Client(_) => page
            .select((
                Booking::as_select(),
                providers::table
                    .filter(providers::id.eq(bookings::provider_id))
                    .select(providers::display_name)
                    .single_value(),
                None::<String>.into_sql::<Nullable<Text>>(),
                titles,
                count_star().over(),
            ))
            .load(conn)?,
        Side::Provider(_) => page
            .select((
                Booking::as_select(),
                users::table.filter(users::id.eq(bookings::client_id)).select(users::first_name).single_value(),
                users::table.filter(users::id.eq(bookings::client_id)).select(users::last_name).single_value(),
                titles,
                count_star().over(),
            ))
            .load(conn)?,
    };
    let total = match rows.first() {
        Some(row) => row.4,
        // Past the last page (or none at all): counted apart.
        None if offset > 0 => query().count().get_result(conn)?,
        None => 0,
    };
    let named = rows
        .into_iter()
        .map(|(mut b, first, second, titles, _)| {
            if let (Some(fr), Some(ar), en) = titles {
                b.title = pick(&fr, &ar, en.as_deref());
            }
            let name = match side {
                Side::Client(_) => first.unwrap_or_default(),
                Side::Provider(_) => short_name(&first.unwrap_or_default(), &second.unwrap_or_default()),
            };
            (b, name)
        })
        .collect();
    Ok((named, total))
}

/// How many of a side's bookings are in each status.
pub fn counts(conn: &mut DbConn, side: Side) -> QueryResult<Vec<(BookingStatus, i64)>> {
    let q = bookings::table.group_by(bookings::status).select((bookings::status, diesel::dsl::count_star()));
    match side {
        Side::Client(id) => q.filter(bookings::client_id.eq(id)).load(conn),
        Side::Provider(id) => q.filter(bookings::provider_id.eq(id)).load(conn),
    }
}

/// A provider's jobs holding time in a week (for the agenda).
pub fn agenda(
    conn: &mut DbConn,
    provider_id: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<Booking>> {
    bookings::table
        .filter(bookings::provider_id.eq(provider_id))
        .filter(bookings::status.eq_any([
            BookingStatus::Confirmed,
            BookingStatus::InProgress,
            BookingStatus::Completed,
        ]))
        .filter(bookings::scheduled_start.lt(to))
        .filter(bookings::scheduled_end.gt(from))
        .order(bookings::scheduled_start.asc())
        .select(Booking::as_select())
        .load(conn)
}

/// The other party's name for each booking of a list: the provider's display name for a client, the
/// client's first name and initial for a provider.
pub fn party_names(
    conn: &mut DbConn,
    side: Side,
    rows: &[Booking],
) -> QueryResult<std::collections::HashMap<i64, String>> {
    use crate::db::schema::{providers, users};
    let mut names = std::collections::HashMap::new();
    match side {
        Side::Client(_) => {
            let ids: Vec<i64> = rows.iter().map(|b| b.provider_id).collect();
            let found: Vec<(i64, String)> = providers::table
                .filter(providers::id.eq_any(&ids))
                .select((providers::id, providers::display_name))
                .load(conn)?;
            for b in rows {
                if let Some((_, name)) = found.iter().find(|(id, _)| *id == b.provider_id) {
                    names.insert(b.id, name.clone());
                }
            }
        }
        Side::Provider(_) => {
            let ids: Vec<i64> = rows.iter().map(|b| b.client_id).collect();
            let found: Vec<(i64, String, String)> = users::table
                .filter(users::id.eq_any(&ids))
                .select((users::id, users::first_name, users::last_name))
                .load(conn)?;
            for b in rows {
                if let Some((_, first, last)) = found.iter().find(|(id, _, _)| *id == b.client_id) {
                    names.insert(b.id, short_name(first, last));
                }
            }
        }
    }
    Ok(names)
}

/// "Amina B." — what a provider sees of a client's name.
pub fn short_name(first: &str, last: &str) -> String {
    match last.chars().next() {
        Some(initial) => format!("{first} {initial}."),
        None => first.to_string(),
    }
}

/// How many minutes the provider took to answer their latest answered requests.
pub fn recent_response_minutes(conn: &mut DbConn, provider_id: i64, limit: i64) -> QueryResult<Vec<i64>> {
    let rows: Vec<(NaiveDateTime, Option<NaiveDateTime>)> = bookings::table
        .filter(bookings::provider_id.eq(provider_id))
        .filter(bookings::responded_at.is_not_null())
        .order(bookings::responded_at.desc())
        .limit(limit)
        .select((bookings::created_at, bookings::responded_at))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(|(c, r)| r.map(|r| (r - c).num_minutes().max(0))).collect())
}

/// The latest bookings between a client and a provider (shown beside their conversation).
pub fn between(conn: &mut DbConn, client_id: i64, provider_id: i64, limit: i64) -> QueryResult<Vec<Booking>> {
    bookings::table
        .filter(bookings::client_id.eq(client_id))
        .filter(bookings::provider_id.eq(provider_id))
        .order((bookings::scheduled_start.desc(), bookings::id.desc()))
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)
}

/// The back office's booking list: every field optional.
#[derive(Clone, Debug, Default)]
pub struct AdminFilter {
    pub status: Option<BookingStatus>,
    /// Scheduled start in `[from, to)`, UTC.
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub city_id: Option<i64>,
    /// Providers whose id this is or whose name contains this text.
    pub provider: Option<String>,
    pub client_id: Option<i64>,
}

/// Bookings matching the filter, latest start first, with the client's and the provider's names.
pub fn admin_list(
    conn: &mut DbConn,
    filter: &AdminFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(Booking, String, String)>> {
    use crate::db::schema::providers;
    let mut query = bookings::table.into_boxed();
    if let Some(status) = filter.status {
        query = query.filter(bookings::status.eq(status));
    }
    if let Some(from) = filter.from {
        query = query.filter(bookings::scheduled_start.ge(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(bookings::scheduled_start.lt(to));
    }
    if let Some(city) = filter.city_id {
        query = query.filter(bookings::city_id.eq(city));
    }
    if let Some(client) = filter.client_id {
        query = query.filter(bookings::client_id.eq(client));
    }
    if let Some(text) = &filter.provider {
        query = match text.parse::<i64>() {
            Ok(id) => query.filter(bookings::provider_id.eq(id)),
            Err(_) => {
                let pattern =
                    format!("%{}%", text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
                let name = diesel::dsl::sql::<diesel::sql_types::Text>("LOWER(providers.display_name)");
                query.filter(
                    bookings::provider_id
                        .eq_any(providers::table.filter(name.like(pattern).escape('\\')).select(providers::id)),
                )
            }
        };
    }
    let rows: Vec<Booking> = query
        .order((bookings::scheduled_start.desc(), bookings::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(Booking::as_select())
        .load(conn)?;
    let clients = party_names(conn, Side::Provider(0), &rows)?;
    let providers = party_names(conn, Side::Client(0), &rows)?;
    Ok(rows
        .into_iter()
        .map(|b| {
            let client = clients.get(&b.id).cloned().unwrap_or_default();
            let provider = providers.get(&b.id).cloned().unwrap_or_default();
            (b, client, provider)
        })
        .collect())
}
