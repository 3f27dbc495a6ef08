//! In-app notifications (the notification centre comes with bookings; rows are written from now on).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::notifications;
use crate::db::types::NotificationKind;

pub fn insert(
    conn: &mut DbConn,
    user_id: i64,
    kind: NotificationKind,
    data: &str,
    link: Option<&str>,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::kind.eq(kind),
            notifications::data.eq(data),
            notifications::link.eq(link),
            notifications::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}
