//! Abuse limits: sign-in throttling (growing delay, then a temporary lock) per account and per IP, and
//! simple per-IP / per-account counters for registration, password resets and verification resends.

use chrono::{Duration, NaiveDateTime};

use crate::db::DbConn;
use crate::db::models::rate_limit;
use crate::error::AppError;

/// Sign-in failures are counted over this window.
pub const LOGIN_WINDOW: Duration = Duration::minutes(15);
/// Failures on one account before each further try must wait (1 s, 2 s, 4 s… up to a minute).
const FREE_FAILURES: usize = 3;
/// Failures on one account that lock it for the rest of the window.
pub const ACCOUNT_LOCK_AFTER: usize = 10;
/// Failures from one address that lock it for the rest of the window.
pub const IP_LOCK_AFTER: usize = 50;

/// The answer to "may this sign-in be tried now?".
#[derive(Debug, PartialEq, Eq)]
pub enum LoginGate {
    Open,
    /// Too many failures: wait this many seconds (a growing delay or a lock).
    Wait(i64),
}

/// Decides from the recent failures (newest first) of an account and of an address.
pub fn login_gate(account_failures: &[NaiveDateTime], ip_failures: &[NaiveDateTime], now: NaiveDateTime) -> LoginGate {
    let lock_end = |failures: &[NaiveDateTime], threshold: usize| {
        (failures.len() >= threshold).then(|| failures[threshold - 1] + LOGIN_WINDOW)
    };
    let mut wait_until =
        lock_end(account_failures, ACCOUNT_LOCK_AFTER).into_iter().chain(lock_end(ip_failures, IP_LOCK_AFTER)).max();
    if wait_until.is_none() && account_failures.len() >= FREE_FAILURES {
        let exponent = (account_failures.len() - FREE_FAILURES).min(6) as u32;
        wait_until = Some(account_failures[0] + Duration::seconds(2i64.pow(exponent)));
    }
    match wait_until {
        Some(until) if until > now => LoginGate::Wait((until - now).num_seconds().max(1)),
        _ => LoginGate::Open,
    }
}

pub fn check_login(conn: &mut DbConn, email: &str, ip: &str, now: NaiveDateTime) -> Result<LoginGate, AppError> {
    let since = now - LOGIN_WINDOW;
    let account = rate_limit::failures_for_email(conn, email, since)?;
    let address = rate_limit::failures_for_ip(conn, ip, since)?;
    Ok(login_gate(&account, &address, now))
}

/// A per-subject limit: at most `max` events per `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub action: &'static str,
    pub max: i64,
    pub window: Duration,
}

pub const REGISTER_PER_IP: Limit = Limit { action: "register", max: 10, window: Duration::hours(1) };
pub const RESET_PER_IP: Limit = Limit { action: "password-reset", max: 5, window: Duration::hours(1) };
pub const RESET_PER_ACCOUNT: Limit = Limit { action: "password-reset-account", max: 3, window: Duration::hours(1) };
pub const RESEND_PER_ACCOUNT: Limit = Limit { action: "verification-resend", max: 3, window: Duration::hours(1) };
pub const RESEND_PER_IP: Limit = Limit { action: "verification-resend-ip", max: 10, window: Duration::hours(1) };
pub const EMAIL_CHANGE_PER_ACCOUNT: Limit = Limit { action: "change-email", max: 5, window: Duration::hours(1) };

/// Counts one attempt; refuses with 429 when the limit is already reached.
pub fn hit(conn: &mut DbConn, limit: Limit, subject: &str, now: NaiveDateTime) -> Result<(), AppError> {
    if rate_limit::count_events(conn, limit.action, subject, now - limit.window)? >= limit.max {
        return Err(AppError::RateLimited);
    }
    rate_limit::record_event(conn, limit.action, subject, now)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap().naive_utc()
    }

    #[test]
    fn delay_grows_then_locks() {
        let now = at(1000);
        assert_eq!(login_gate(&[], &[], now), LoginGate::Open);
        let two = [at(999), at(998)];
        assert_eq!(login_gate(&two, &[], now), LoginGate::Open);
        let three = [at(1000), at(990), at(980)];
        assert_eq!(login_gate(&three, &[], now), LoginGate::Wait(1));
        let five: Vec<_> = (0..5).map(|i| at(1000 - i)).collect();
        assert_eq!(login_gate(&five, &[], now), LoginGate::Wait(4));
        assert_eq!(login_gate(&five, &[], at(1010)), LoginGate::Open);
        let ten: Vec<_> = (0..10).map(|i| at(1000 - i)).collect();
        match login_gate(&ten, &[], at(1100)) {
            LoginGate::Wait(s) => assert!(s > 700 && s <= 900, "{s}"),
            other => panic!("{other:?}"),
        }
        let ip: Vec<_> = (0..50).map(|i| at(1000 - i)).collect();
        assert!(matches!(login_gate(&[], &ip, now), LoginGate::Wait(_)));
    }
}
