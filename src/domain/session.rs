//! How long a signed-in session lives: idle (since the last request) and absolute (since sign-in), and whether
//! its cookie outlives the browser.

use chrono::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetime {
    pub idle: Duration,
    pub absolute: Duration,
    /// The cookie carries a Max-Age of `absolute` ("remember me"); otherwise it ends with the browser.
    pub lasting_cookie: bool,
}

/// Administrators are never remembered and time out quickly; "remember me" keeps a person signed in on this
/// device for 30 days; otherwise a session ends with the browser, after 2 hours idle or 12 hours in all.
pub fn lifetime(remember: bool, admin: bool) -> Lifetime {
    match (admin, remember) {
        (true, _) => Lifetime { idle: Duration::minutes(30), absolute: Duration::hours(12), lasting_cookie: false },
        (false, true) => Lifetime { idle: Duration::days(30), absolute: Duration::days(30), lasting_cookie: true },
        (false, false) => Lifetime { idle: Duration::hours(2), absolute: Duration::hours(12), lasting_cookie: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_are_never_remembered() {
        assert_eq!(lifetime(true, true), lifetime(false, true));
        assert!(!lifetime(true, true).lasting_cookie);
        assert_eq!(lifetime(true, true).idle, Duration::minutes(30));
        assert!(lifetime(true, false).lasting_cookie);
        assert_eq!(lifetime(true, false).absolute, Duration::days(30));
        assert_eq!(lifetime(false, false).absolute, Duration::hours(12));
        assert_eq!(lifetime(false, false).idle, Duration::hours(2));
    }
}
