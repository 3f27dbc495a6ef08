//! In-app notifications: written by `services::notify`, read in the notification centre.

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

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = notifications)]
pub struct Notification {
    pub id: i64,
    pub user_id: i64,
    pub kind: NotificationKind,
    pub data: String,
    pub link: Option<String>,
    pub read_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// A user's notifications, newest first, one page, with the total.
pub fn page(conn: &mut DbConn, user_id: i64, page: i64, per_page: i64) -> QueryResult<(Vec<Notification>, i64)> {
    let total = notifications::table.filter(notifications::user_id.eq(user_id)).count().get_result(conn)?;
    let rows = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .order((notifications::created_at.desc(), notifications::id.desc()))
        .limit(per_page)
        .offset((page.max(1) - 1).saturating_mul(per_page))
        .select(Notification::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// Marks one of the user's notifications read; false if it is not theirs.
pub fn mark_read(conn: &mut DbConn, user_id: i64, id: i64, at: NaiveDateTime) -> QueryResult<bool> {
    let mine = notifications::table.find(id).filter(notifications::user_id.eq(user_id));
    let n = diesel::update(mine.filter(notifications::read_at.is_null()))
        .set(notifications::read_at.eq(at))
        .execute(conn)?;
    Ok(n == 1 || mine.count().get_result::<i64>(conn)? == 1)
}

pub fn mark_all_read(conn: &mut DbConn, user_id: i64, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        notifications::table.filter(notifications::user_id.eq(user_id)).filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(at))
    .execute(conn)
}

/// Deletes one of the user's notifications; false if it is not theirs.
pub fn delete(conn: &mut DbConn, user_id: i64, id: i64) -> QueryResult<bool> {
    let n = diesel::delete(notifications::table.find(id).filter(notifications::user_id.eq(user_id))).execute(conn)?;
    Ok(n == 1)
}
