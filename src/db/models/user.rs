use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::users;
use crate::db::types::{Locale, UserRole, UserStatus};

#[derive(Clone, Debug, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<String>,
    pub avatar_media_id: Option<i64>,
    pub role: UserRole,
    pub status: UserStatus,
    pub status_reason: Option<String>,
    pub locale: Locale,
    pub city_id: Option<i64>,
    pub email_verified_at: Option<NaiveDateTime>,
    pub two_factor_enabled: bool,
    pub two_factor_secret: Option<String>,
    pub two_factor_recovery_codes: Option<String>,
    pub two_factor_last_step: Option<i64>,
    pub rating_avg: f64,
    pub review_count: i32,
    pub last_login_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub phone: Option<&'a str>,
    pub role: UserRole,
    pub locale: Locale,
    pub city_id: Option<i64>,
    pub email_verified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn find_by_email(conn: &mut crate::db::DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table.filter(users::email.eq(email)).select(User::as_select()).first(conn).optional()
}
