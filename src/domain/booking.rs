//! The booking life cycle: who may move a booking from which status to which, and when. Pure rules;
//! `services::bookings` applies them inside a transaction.
//!
//! ```text
//! PENDING ──accept──▶ CONFIRMED ──start──▶ IN_PROGRESS ──complete──▶ COMPLETED
//!    │ reject (provider)   │ cancel (client, provider, admin)
//!    │ cancel (client)     ▼
//!    │ expire (clock) ─▶ REJECTED | CANCELLED | EXPIRED
//! ```

use chrono::{Duration, NaiveDateTime};

use crate::domain::kinds::BookingStatus;

/// A booking starts at least this long after it is requested…
pub const MIN_LEAD: Duration = Duration::hours(2);
/// …and at most this long.
pub const MAX_AHEAD_DAYS: i64 = 60;
/// Start times are on this grid (minutes).
pub const STEP_MINUTES: i32 = 30;
/// A request not answered within this time (or by its start) expires.
pub const ANSWER_WITHIN: Duration = Duration::hours(24);
/// The provider is reminded this long before a request expires.
pub const EXPIRY_REMINDER: Duration = Duration::hours(2);
/// Both parties are reminded this long before a confirmed job.
pub const JOB_REMINDER: Duration = Duration::hours(24);
/// A client cancels a confirmed booking for free until this long before the start.
pub const FREE_CANCELLATION: Duration = Duration::hours(24);
/// The provider may start the job from this long before the scheduled start.
pub const START_WINDOW: Duration = Duration::minutes(30);

/// Who acts on a booking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Party {
    Client,
    Provider,
    Admin,
}

/// The actions, each with its own POST route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Accept,
    Reject,
    Start,
    Complete,
    Cancel,
}

impl Action {
    /// Whether the actor must give a reason.
    pub fn needs_reason(self, party: Party) -> bool {
        match self {
            Action::Reject => true,
            Action::Cancel => party != Party::Client,
            _ => false,
        }
    }
}

/// Why an action is refused (each has a localized message).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The booking is no longer in a status that allows it (stale page, replayed form, double click).
    MovedOn,
    /// This party may never do this.
    NotAllowed,
    /// Starting before the start window opens.
    TooEarly,
}

impl Refusal {
    pub fn message_key(self) -> &'static str {
        match self {
            Refusal::MovedOn => "booking-refused-moved-on",
            Refusal::NotAllowed => "booking-refused-not-allowed",
            Refusal::TooEarly => "booking-refused-too-early",
        }
    }
}

/// The status an action leads to, or why it is refused.
pub fn next(
    status: BookingStatus,
    action: Action,
    party: Party,
    now: NaiveDateTime,
    start: NaiveDateTime,
) -> Result<BookingStatus, Refusal> {
    use Action::*;
    use BookingStatus as S;
    use Party::*;
    let allowed = matches!((action, party), (Accept | Reject | Start | Complete, Provider) | (Cancel, _));
    if !allowed {
        return Err(Refusal::NotAllowed);
    }
    let to = match (status, action, party) {
        (S::Pending, Accept, _) => S::Confirmed,
        (S::Pending, Reject, _) => S::Rejected,
        // The client withdraws a request; the back office may cancel it too (a suspended account).
        (S::Pending, Cancel, Client | Admin) => S::Cancelled,
        (S::Confirmed, Start, _) => S::InProgress,
        (S::InProgress, Complete, _) => S::Completed,
        (S::Confirmed, Cancel, _) => S::Cancelled,
        _ => return Err(Refusal::MovedOn),
    };
    if action == Start && now < start - START_WINDOW {
        return Err(Refusal::TooEarly);
    }
    Ok(to)
}

/// The actions a party may take now (the buttons a page shows).
pub fn available(status: BookingStatus, party: Party, now: NaiveDateTime, start: NaiveDateTime) -> Vec<Action> {
    [Action::Accept, Action::Reject, Action::Start, Action::Complete, Action::Cancel]
        .into_iter()
        .filter(|a| next(status, *a, party, now, start).is_ok())
        .collect()
}

/// When an unanswered request expires: 24 hours after it was made, or at its start if that is sooner.
pub fn expires_at(created: NaiveDateTime, start: NaiveDateTime) -> NaiveDateTime {
    (created + ANSWER_WITHIN).min(start)
}

/// A client's cancellation of a confirmed booking within 24 hours of the start is a late one.
pub fn is_late_cancellation(status: BookingStatus, party: Party, now: NaiveDateTime, start: NaiveDateTime) -> bool {
    status == BookingStatus::Confirmed && party == Party::Client && now > start - FREE_CANCELLATION
}

/// Whether the status holds the provider's time (others free the slot).
pub fn holds_slot(status: BookingStatus) -> bool {
    matches!(status, BookingStatus::Confirmed | BookingStatus::InProgress)
}

/// The median of response delays in minutes (None without any), shown as "answers within …".
pub fn median(minutes: &[i64]) -> Option<i32> {
    if minutes.is_empty() {
        return None;
    }
    let mut sorted = minutes.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    let m = if sorted.len().is_multiple_of(2) { (sorted[mid - 1] + sorted[mid]) / 2 } else { sorted[mid] };
    Some(i32::try_from(m).unwrap_or(i32::MAX).max(1))
}

/// Reasons the site writes itself (a person's own words are stored as written).
pub mod reason {
    /// Accepting a request rejected the overlapping ones.
    pub const SLOT_TAKEN: &str = "slot-taken";
    /// A party deleted their account and their open bookings were cancelled.
    pub const ACCOUNT_DELETED: &str = "deleted-account";
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn the_transition_table() {
        use Action::*;
        use BookingStatus as S;
        use Party::*;
        let (now, start) = (at(8), at(10));
        let table = [
            (S::Pending, Accept, Provider, Ok(S::Confirmed)),
            (S::Pending, Reject, Provider, Ok(S::Rejected)),
            (S::Pending, Cancel, Client, Ok(S::Cancelled)),
            (S::Pending, Cancel, Provider, Err(Refusal::MovedOn)),
            (S::Pending, Cancel, Admin, Ok(S::Cancelled)),
            (S::Pending, Accept, Client, Err(Refusal::NotAllowed)),
            (S::Pending, Start, Provider, Err(Refusal::MovedOn)),
            (S::Confirmed, Accept, Provider, Err(Refusal::MovedOn)),
            (S::Confirmed, Start, Provider, Err(Refusal::TooEarly)),
            (S::Confirmed, Cancel, Client, Ok(S::Cancelled)),
            (S::Confirmed, Cancel, Provider, Ok(S::Cancelled)),
            (S::Confirmed, Cancel, Admin, Ok(S::Cancelled)),
            (S::Confirmed, Complete, Provider, Err(Refusal::MovedOn)),
            (S::InProgress, Complete, Provider, Ok(S::Completed)),
            (S::InProgress, Cancel, Client, Err(Refusal::MovedOn)),
            (S::Completed, Cancel, Admin, Err(Refusal::MovedOn)),
            (S::Cancelled, Accept, Provider, Err(Refusal::MovedOn)),
            (S::Expired, Accept, Provider, Err(Refusal::MovedOn)),
            (S::Rejected, Cancel, Client, Err(Refusal::MovedOn)),
            (S::Confirmed, Start, Admin, Err(Refusal::NotAllowed)),
        ];
        for (from, action, party, expected) in table {
            assert_eq!(next(from, action, party, now, start), expected, "{from:?} {action:?} by {party:?}");
        }
        assert_eq!(next(S::Confirmed, Start, Provider, at(9) + Duration::minutes(30), start), Ok(S::InProgress));
    }

    #[test]
    fn median_response_time() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[30, 10, 20]), Some(20));
        assert_eq!(median(&[10, 20, 30, 40]), Some(25));
        assert_eq!(median(&[0]), Some(1), "at least a minute");
    }

    #[test]
    fn expiry_is_the_earlier_of_a_day_and_the_start() {
        assert_eq!(expires_at(at(8), at(10)), at(10));
        assert_eq!(expires_at(at(8), at(8) + Duration::days(3)), at(8) + Duration::days(1));
    }

    #[test]
    fn late_cancellation_only_for_clients_within_a_day() {
        let start = at(10) + Duration::days(1);
        assert!(!is_late_cancellation(BookingStatus::Confirmed, Party::Client, at(9), start));
        assert!(is_late_cancellation(BookingStatus::Confirmed, Party::Client, at(11), start));
        assert!(!is_late_cancellation(BookingStatus::Pending, Party::Client, at(11), start));
        assert!(!is_late_cancellation(BookingStatus::Confirmed, Party::Provider, at(11), start));
    }
}
