use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::sessions;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub id: i64,
    pub token_hash: String,
    pub user_id: Option<i64>,
    pub state: String,
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
    pub remember: bool,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub absolute_expires_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = sessions)]
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: Option<i64>,
    pub state: &'a str,
    pub ip_address: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub remember: bool,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub absolute_expires_at: NaiveDateTime,
}

/// A key of a session's state: a random public id of the session, to tell it apart in the list of a user's
/// sessions (the row's other state is the web layer's business).
pub const SID: &str = "sid";

pub fn insert(conn: &mut DbConn, row: &NewSession<'_>) -> QueryResult<()> {
    diesel::insert_into(sessions::table).values(row).execute(conn).map(|_| ())
}

pub fn find_live(conn: &mut DbConn, token_hash: &str, now: NaiveDateTime) -> QueryResult<Option<Session>> {
    sessions::table
        .filter(sessions::token_hash.eq(token_hash))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::absolute_expires_at.gt(now))
        .select(Session::as_select())
        .first(conn)
        .optional()
}

#[allow(clippy::too_many_arguments)]
pub fn update_state(
    conn: &mut DbConn,
    token_hash: &str,
    state: &str,
    user_id: Option<i64>,
    ip: Option<&str>,
    user_agent: Option<&str>,
    remember: bool,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(sessions::table.filter(sessions::token_hash.eq(token_hash)))
        .set((
            sessions::state.eq(state),
            sessions::user_id.eq(user_id),
            sessions::ip_address.eq(ip),
            sessions::user_agent.eq(user_agent),
            sessions::remember.eq(remember),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)
}

pub fn touch(conn: &mut DbConn, id: i64, now: NaiveDateTime, expires_at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id))
        .set((sessions::last_seen_at.eq(now), sessions::expires_at.eq(expires_at)))
        .execute(conn)
}

pub fn delete_by_hash(conn: &mut DbConn, token_hash: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::token_hash.eq(token_hash))).execute(conn)
}

/// The live sessions of a user, most recently used first.
pub fn list_for_user(conn: &mut DbConn, user_id: i64, now: NaiveDateTime) -> QueryResult<Vec<Session>> {
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::absolute_expires_at.gt(now))
        .order(sessions::last_seen_at.desc())
        .select(Session::as_select())
        .load(conn)
}

/// Whether a session row is still live (not signed out, revoked or expired).
pub fn is_live(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        sessions::table
            .filter(sessions::id.eq(id))
            .filter(sessions::expires_at.gt(now))
            .filter(sessions::absolute_expires_at.gt(now)),
    ))
    .get_result(conn)
}

/// Ends one session of a user (only theirs: another user's id deletes nothing).
pub fn delete_for_user(conn: &mut DbConn, user_id: i64, session_id: i64) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::id.eq(session_id)).filter(sessions::user_id.eq(user_id)))
        .execute(conn)
}

/// Ends every session of a user except the one with `keep_hash` (None ends them all).
pub fn delete_others(conn: &mut DbConn, user_id: i64, keep_hash: Option<&str>) -> QueryResult<usize> {
    let query = sessions::table.filter(sessions::user_id.eq(user_id));
    match keep_hash {
        Some(keep) => diesel::delete(query.filter(sessions::token_hash.ne(keep))).execute(conn),
        None => diesel::delete(query).execute(conn),
    }
}

/// Removes expired rows (called now and then).
pub fn purge_expired(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.le(now).or(sessions::absolute_expires_at.le(now))))
        .execute(conn)
}
