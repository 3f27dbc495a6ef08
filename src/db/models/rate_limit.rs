//! Attempt counters kept in the database, so that limits hold across app instances.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{login_attempts, rate_limit_events};

pub fn record_event(conn: &mut DbConn, action: &str, subject: &str, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(rate_limit_events::table)
        .values((
            rate_limit_events::action.eq(action),
            rate_limit_events::subject.eq(subject),
            rate_limit_events::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn count_events(conn: &mut DbConn, action: &str, subject: &str, since: NaiveDateTime) -> QueryResult<i64> {
    rate_limit_events::table
        .filter(rate_limit_events::action.eq(action))
        .filter(rate_limit_events::subject.eq(subject))
        .filter(rate_limit_events::created_at.ge(since))
        .count()
        .get_result(conn)
}

pub fn record_login(conn: &mut DbConn, email: &str, ip: &str, succeeded: bool, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::email.eq(email),
            login_attempts::ip_address.eq(ip),
            login_attempts::succeeded.eq(succeeded),
            login_attempts::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Failed sign-ins for an email since the later of `since` and its last success, newest first.
pub fn failures_for_email(conn: &mut DbConn, email: &str, since: NaiveDateTime) -> QueryResult<Vec<NaiveDateTime>> {
    let last_success: Option<NaiveDateTime> = login_attempts::table
        .filter(login_attempts::email.eq(email))
        .filter(login_attempts::succeeded.eq(true))
        .filter(login_attempts::created_at.ge(since))
        .select(diesel::dsl::max(login_attempts::created_at))
        .first(conn)?;
    login_attempts::table
        .filter(login_attempts::email.eq(email))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::created_at.ge(last_success.unwrap_or(since).max(since)))
        .order(login_attempts::created_at.desc())
        .select(login_attempts::created_at)
        .limit(100)
        .load(conn)
}

pub fn failures_for_ip(conn: &mut DbConn, ip: &str, since: NaiveDateTime) -> QueryResult<Vec<NaiveDateTime>> {
    login_attempts::table
        .filter(login_attempts::ip_address.eq(ip))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::created_at.ge(since))
        .order(login_attempts::created_at.desc())
        .select(login_attempts::created_at)
        .limit(200)
        .load(conn)
}

/// Deletes sign-in attempts and counters older than their cutoffs; returns how many rows went.
pub fn purge(conn: &mut DbConn, attempts_before: NaiveDateTime, events_before: NaiveDateTime) -> QueryResult<usize> {
    Ok(diesel::delete(login_attempts::table.filter(login_attempts::created_at.lt(attempts_before))).execute(conn)?
        + diesel::delete(rate_limit_events::table.filter(rate_limit_events::created_at.lt(events_before)))
            .execute(conn)?)
}
