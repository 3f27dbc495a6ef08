use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::contact_messages;
use crate::db::types::{ContactTopic, Locale};

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
