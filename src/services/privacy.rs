//! Personal data kept no longer than the privacy policy says (`domain::retention`): run by the jobs loop.

use chrono::NaiveDateTime;

use crate::db::DbConn;
use crate::db::models::{audit_log, outbox, rate_limit, session, user_token};
use crate::domain::retention;
use crate::error::AppError;

/// Deletes what outlived its period; returns how many rows went. `now` is the wall clock: these rows are stamped
/// with it (not with the application clock that tests move forward).
pub fn purge(conn: &mut DbConn, now: NaiveDateTime) -> Result<usize, AppError> {
    Ok(rate_limit::purge(conn, now - retention::SIGN_IN_ATTEMPTS, now - retention::ABUSE_COUNTERS)?
        + audit_log::purge(conn, now - retention::SECURITY_JOURNAL)?
        + user_token::purge_spent(conn, now - retention::SPENT_LINKS)?
        + session::purge_expired(conn, now)?
        + outbox::purge(conn, now - retention::SENT_EMAILS)?)
}
