//! The outbox's delivery rules: how many emails a sender takes at once, how long it owns them, how long and
//! how often a failing email is retried.

use chrono::Duration;

/// Emails claimed per round trip.
pub const BATCH: i64 = 20;
/// How long a sender owns the emails it claimed: long enough to send a batch (each SMTP exchange is bounded
/// by the mailer's timeout); if the sender dies, the emails are due again after it.
pub const LEASE: Duration = Duration::minutes(10);
/// How long an email is retried before it is marked failed.
pub const RETRY_WINDOW: Duration = Duration::hours(24);
/// How long a push is retried, and kept by the push service for an offline device (its TTL): a day-old alert
/// is news no more (the email and the in-app notification stay).
pub const PUSH_WINDOW: Duration = Duration::hours(24);
/// A new message's push waits this long, and goes only if the message is still unread then.
pub const MESSAGE_PUSH_AFTER: Duration = Duration::minutes(1);
/// The first retry's delay; each next one doubles, up to `MAX_DELAY`.
const FIRST_DELAY_SECONDS: i64 = 30;
const MAX_DELAY_SECONDS: i64 = 2 * 60 * 60;

/// The wait before the next try of an email that failed `attempts` times, spread by `jitter` (0.0 to 1.0:
/// ±20 %) so that many emails failing together are not retried together.
pub fn retry_delay(attempts: i32, jitter: f64) -> Duration {
    let doublings = attempts.clamp(1, 20) as u32 - 1;
    let base = FIRST_DELAY_SECONDS.saturating_mul(1_i64 << doublings.min(16)).min(MAX_DELAY_SECONDS);
    let spread = 0.8 + 0.4 * jitter.clamp(0.0, 1.0);
    Duration::seconds(((base as f64) * spread).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_two_hours_and_stay_within_the_window() {
        let plain: Vec<i64> = (1..=10).map(|n| retry_delay(n, 0.5).num_seconds()).collect();
        assert_eq!(plain, [30, 60, 120, 240, 480, 960, 1920, 3840, 7200, 7200]);
        assert_eq!(retry_delay(1, 0.0).num_seconds(), 24);
        assert_eq!(retry_delay(1, 1.0).num_seconds(), 36);
        assert_eq!(retry_delay(i32::MAX, 0.5).num_seconds(), 7200);
        // About 20 tries fit in a day: an outage of a few hours is covered many times over.
        let mut elapsed = Duration::zero();
        let mut tries = 0;
        while elapsed < RETRY_WINDOW {
            tries += 1;
            elapsed += retry_delay(tries, 0.5);
        }
        assert!((15..25).contains(&tries), "{tries}");
    }
}
