use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::contact_messages;
use crate::db::types::{ContactStatus, ContactTopic, Locale};

#[derive(Insertable)]
#[diesel(table_name = contact_messages)]
pub struct NewContactMessage {
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub topic: ContactTopic,
    pub message: String,
    pub locale: Locale,
    pub ip_address: Option<String>,
    pub created_at: NaiveDateTime,
}

/// How many messages one address sent since a moment (rate limit).
pub fn count_from_ip_since(conn: &mut crate::db::DbConn, ip: &str, since: NaiveDateTime) -> QueryResult<i64> {
    contact_messages::table
        .filter(contact_messages::ip_address.eq(ip))
        .filter(contact_messages::created_at.ge(since))
        .count()
        .get_result(conn)
}

pub fn insert(conn: &mut crate::db::DbConn, message: &NewContactMessage) -> QueryResult<()> {
    diesel::insert_into(contact_messages::table).values(message).execute(conn).map(|_| ())
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = contact_messages)]
pub struct ContactMessage {
    pub id: i64,
    pub user_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub topic: ContactTopic,
    pub message: String,
    pub locale: Locale,
    pub ip_address: Option<String>,
    pub status: ContactStatus,
    pub handled_by_id: Option<i64>,
    pub handled_at: Option<NaiveDateTime>,
    pub reply: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Messages in these statuses, oldest first for the open ones (a queue), newest first otherwise.
pub fn list(
    conn: &mut crate::db::DbConn,
    statuses: &[ContactStatus],
    oldest_first: bool,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<ContactMessage>> {
    let query = contact_messages::table.filter(contact_messages::status.eq_any(statuses.to_vec())).into_boxed();
    let query = if oldest_first {
        query.order((contact_messages::created_at.asc(), contact_messages::id.asc()))
    } else {
        query.order((contact_messages::created_at.desc(), contact_messages::id.desc()))
    };
    query.offset(offset).limit(limit).select(ContactMessage::as_select()).load(conn)
}

pub fn find(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Option<ContactMessage>> {
    contact_messages::table.find(id).select(ContactMessage::as_select()).first(conn).optional()
}

/// Marks a message handled (with the reply sent, if any), unless it already was; `false` then.
pub fn mark_handled(
    conn: &mut crate::db::DbConn,
    id: i64,
    admin_id: i64,
    reply: Option<&str>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n =
        diesel::update(contact_messages::table.find(id).filter(contact_messages::status.ne(ContactStatus::Handled)))
            .set((
                contact_messages::status.eq(ContactStatus::Handled),
                contact_messages::handled_by_id.eq(admin_id),
                contact_messages::handled_at.eq(at),
                contact_messages::reply.eq(reply),
            ))
            .execute(conn)?;
    Ok(n == 1)
}

/// Messages nobody has handled yet (the back office's queue).
pub fn open_count(conn: &mut crate::db::DbConn) -> QueryResult<i64> {
    contact_messages::table.filter(contact_messages::status.ne(ContactStatus::Handled)).count().get_result(conn)
}
