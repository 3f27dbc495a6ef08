use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{booking_status_history, bookings};
use crate::db::types::BookingStatus;

/// Cancels the open (pending or confirmed) bookings of a client, or of a provider, with a history row
/// each. Returns how many were cancelled.
pub fn cancel_open_for_party(
    conn: &mut DbConn,
    client_id: i64,
    provider_id: Option<i64>,
    actor_id: i64,
    reason: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let open = [BookingStatus::Pending, BookingStatus::Confirmed];
    let mut query = bookings::table.filter(bookings::status.eq_any(open)).into_boxed();
    query = match provider_id {
        Some(pid) => query.filter(bookings::client_id.eq(client_id).or(bookings::provider_id.eq(pid))),
        None => query.filter(bookings::client_id.eq(client_id)),
    };
    let rows: Vec<(i64, BookingStatus)> = query.select((bookings::id, bookings::status)).load(conn)?;
    for (booking_id, from) in &rows {
        diesel::update(bookings::table.find(booking_id).filter(bookings::status.eq(from)))
            .set((
                bookings::status.eq(BookingStatus::Cancelled),
                bookings::status_reason.eq(reason),
                bookings::cancelled_at.eq(Some(at)),
                bookings::updated_at.eq(at),
            ))
            .execute(conn)?;
        diesel::insert_into(booking_status_history::table)
            .values((
                booking_status_history::booking_id.eq(booking_id),
                booking_status_history::from_status.eq(Some(from)),
                booking_status_history::to_status.eq(BookingStatus::Cancelled),
                booking_status_history::actor_id.eq(Some(actor_id)),
                booking_status_history::reason.eq(Some(reason)),
                booking_status_history::created_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(rows.len())
}
