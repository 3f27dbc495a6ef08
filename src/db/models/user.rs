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

pub fn find(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Option<User>> {
    users::table.find(id).select(User::as_select()).first(conn).optional()
}

/// A user who may use the site (not suspended or deleted).
pub fn find_active(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Option<User>> {
    users::table.find(id).filter(users::status.eq(UserStatus::Active)).select(User::as_select()).first(conn).optional()
}

pub fn insert(conn: &mut crate::db::DbConn, user: &NewUser<'_>) -> QueryResult<i64> {
    diesel::insert_into(users::table).values(user).returning(users::id).get_result(conn)
}

pub fn set_email_verified(conn: &mut crate::db::DbConn, id: i64, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((users::email_verified_at.eq(Some(at)), users::updated_at.eq(at)))
        .execute(conn)
}

pub fn set_password(conn: &mut crate::db::DbConn, id: i64, hash: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set((users::password_hash.eq(hash), users::updated_at.eq(at))).execute(conn)
}

pub fn set_email(conn: &mut crate::db::DbConn, id: i64, email: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((users::email.eq(email), users::email_verified_at.eq(Some(at)), users::updated_at.eq(at)))
        .execute(conn)
}

pub fn set_last_login(conn: &mut crate::db::DbConn, id: i64, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set(users::last_login_at.eq(Some(at))).execute(conn)
}

#[derive(AsChangeset)]
#[diesel(table_name = users)]
pub struct ProfileChanges<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub phone: Option<&'a str>,
    pub locale: Locale,
    pub updated_at: NaiveDateTime,
}

pub fn update_profile(conn: &mut crate::db::DbConn, id: i64, changes: &ProfileChanges<'_>) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set(changes).execute(conn)
}

/// The language the site and the emails speak to this person.
pub fn set_locale(conn: &mut crate::db::DbConn, id: i64, locale: Locale, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set((users::locale.eq(locale), users::updated_at.eq(at))).execute(conn)
}

/// Turns two-factor authentication on (with the encrypted secret and hashed recovery codes) or off.
pub fn set_two_factor(
    conn: &mut crate::db::DbConn,
    id: i64,
    secret: Option<&str>,
    recovery_codes: Option<&str>,
    last_step: Option<i64>,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::two_factor_enabled.eq(secret.is_some()),
            users::two_factor_secret.eq(secret),
            users::two_factor_recovery_codes.eq(recovery_codes),
            users::two_factor_last_step.eq(last_step),
            users::updated_at.eq(at),
        ))
        .execute(conn)
}

/// Records the last accepted TOTP step, only if it moves forward (two racing requests with the
/// same code: one wins).
pub fn advance_two_factor_step(conn: &mut crate::db::DbConn, id: i64, step: i64) -> QueryResult<bool> {
    let updated = diesel::update(
        users::table.find(id).filter(users::two_factor_last_step.is_null().or(users::two_factor_last_step.lt(step))),
    )
    .set(users::two_factor_last_step.eq(Some(step)))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Replaces the stored recovery codes only if they are still what the caller read (a code is used once).
pub fn replace_recovery_codes(
    conn: &mut crate::db::DbConn,
    id: i64,
    expected: &str,
    remaining: &str,
) -> QueryResult<bool> {
    let updated = diesel::update(users::table.find(id).filter(users::two_factor_recovery_codes.eq(expected)))
        .set(users::two_factor_recovery_codes.eq(remaining))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Personal data removed (law 09-08); the row stays so that bookings and reviews keep their other party.
pub fn anonymise(conn: &mut crate::db::DbConn, id: i64, password_hash: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(format!("deleted-{id}@deleted.invalid")),
            users::password_hash.eq(password_hash),
            users::first_name.eq(""),
            users::last_name.eq(""),
            users::phone.eq(None::<String>),
            users::avatar_media_id.eq(None::<i64>),
            users::city_id.eq(None::<i64>),
            users::status.eq(UserStatus::Deleted),
            users::two_factor_enabled.eq(false),
            users::two_factor_secret.eq(None::<String>),
            users::two_factor_recovery_codes.eq(None::<String>),
            users::updated_at.eq(at),
            users::deleted_at.eq(Some(at)),
        ))
        .execute(conn)
}

/// Removes what only matters to the person: favorites and notification preferences.
pub fn delete_personal_lists(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<()> {
    use crate::db::schema::{favorites, notification_preferences};
    diesel::delete(favorites::table.filter(favorites::user_id.eq(id))).execute(conn)?;
    diesel::delete(notification_preferences::table.filter(notification_preferences::user_id.eq(id))).execute(conn)?;
    Ok(())
}

/// Suspends (with the reason) or reactivates an account, only from the expected status; `false` otherwise.
pub fn set_status(
    conn: &mut crate::db::DbConn,
    id: i64,
    from: UserStatus,
    to: UserStatus,
    reason: Option<&str>,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(users::table.find(id).filter(users::status.eq(from)))
        .set((users::status.eq(to), users::status_reason.eq(reason), users::updated_at.eq(at)))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn set_role(conn: &mut crate::db::DbConn, id: i64, role: UserRole, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(users::table.find(id)).set((users::role.eq(role), users::updated_at.eq(at))).execute(conn)
}

/// The back office's user list: what to look for and in which order.
#[derive(Clone, Debug, Default)]
pub struct AdminFilter {
    /// Part of a name, email or phone number (case-insensitive).
    pub q: Option<String>,
    pub role: Option<UserRole>,
    pub status: Option<UserStatus>,
    pub sort: AdminSort,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AdminSort {
    #[default]
    Newest,
    Oldest,
    Name,
    LastLogin,
}

/// Users matching the filter, `limit` from `offset`.
pub fn admin_list(
    conn: &mut crate::db::DbConn,
    filter: &AdminFilter,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<User>> {
    let mut query = users::table.into_boxed::<crate::db::MultiBackend>();
    if let Some(q) = &filter.q {
        // The text is looked for as typed: LIKE's wildcards in it are escaped.
        let escape = |t: &str| t.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("%{}%", escape(&q.to_lowercase()));
        let phone = format!("%{}%", escape(&q.replace(' ', "")));
        let name = diesel::dsl::sql::<diesel::sql_types::Text>("LOWER(users.first_name || ' ' || users.last_name)");
        query = query.filter(
            name.like(pattern.clone())
                .escape('\\')
                .or(users::email.like(pattern).escape('\\'))
                .or(users::phone.like(phone).escape('\\')),
        );
    }
    if let Some(role) = filter.role {
        query = query.filter(users::role.eq(role));
    }
    if let Some(status) = filter.status {
        query = query.filter(users::status.eq(status));
    }
    let query = match filter.sort {
        AdminSort::Newest => query.order((users::created_at.desc(), users::id.desc())),
        AdminSort::Oldest => query.order((users::created_at.asc(), users::id.asc())),
        AdminSort::Name => query.order((users::last_name.asc(), users::first_name.asc(), users::id.asc())),
        AdminSort::LastLogin => {
            query.order((users::last_login_at.is_null().asc(), users::last_login_at.desc(), users::id.desc()))
        }
    };
    query.offset(offset).limit(limit).select(User::as_select()).load(conn)
}

/// A person as lists show them: id, first name, last name, email.
pub type Named = (i64, String, String, String);
