//! How long personal data is kept (the privacy policy's "Durées de conservation" says the same, in words).

use chrono::Duration;

/// Sign-in attempts (email and address), for the sign-in throttle.
pub const SIGN_IN_ATTEMPTS: Duration = Duration::days(30);
/// Counters of other limited actions (registrations, resets, messages, contact form), keyed by address or account.
pub const ABUSE_COUNTERS: Duration = Duration::days(30);
/// The security journal (`audit_logs`: who did what, from which address): the policy's technical logs.
pub const SECURITY_JOURNAL: Duration = Duration::days(365);
/// Verification, reset and email-change links, once used or expired.
pub const SPENT_LINKS: Duration = Duration::days(30);
/// Emails in the outbox once sent or given up (they hold an address and the message).
pub const SENT_EMAILS: Duration = Duration::days(30);
