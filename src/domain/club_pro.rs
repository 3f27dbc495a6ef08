//! Club Pro rules: what a Stripe subscription's state means here, and when the benefits hold.

use chrono::{Duration, NaiveDateTime};

use crate::domain::kinds::SubscriptionStatus;

/// A payment failed: the benefits stay this long after the paid period ends, while Stripe retries the card
/// (its default retry schedule spans about a week) and the provider updates it.
pub const GRACE_DAYS: i64 = 7;

/// A Checkout session lives 30 minutes (Stripe's shortest); a waiting subscription older than this was
/// abandoned and no longer stands in the way of a new one.
pub const CHECKOUT_MINUTES: i64 = 30;

/// Our status for a Stripe subscription status (`active`, `past_due`, …).
pub fn status_of(stripe_status: &str) -> SubscriptionStatus {
    match stripe_status {
        "active" | "trialing" => SubscriptionStatus::Active,
        "past_due" | "unpaid" | "paused" => SubscriptionStatus::PastDue,
        "canceled" => SubscriptionStatus::Cancelled,
        "incomplete_expired" => SubscriptionStatus::Expired,
        // "incomplete": the first payment is still being confirmed.
        _ => SubscriptionStatus::Pending,
    }
}

/// Whether a subscription in this state gives its benefits now: active until the end of the paid period,
/// past due until the grace period after it ends.
pub fn gives_benefits(status: SubscriptionStatus, period_end: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    match (status, period_end) {
        (SubscriptionStatus::Active, Some(end)) => end > now,
        (SubscriptionStatus::PastDue, Some(end)) => end + Duration::days(GRACE_DAYS) > now,
        _ => false,
    }
}

/// When benefits end for a subscription that is not renewed.
pub fn benefits_until(status: SubscriptionStatus, period_end: NaiveDateTime) -> NaiveDateTime {
    if status == SubscriptionStatus::PastDue { period_end + Duration::days(GRACE_DAYS) } else { period_end }
}

/// Whether a subscription row stands in the way of a new Checkout: live, or waiting for a Checkout that may
/// still be paid.
pub fn blocks_new_checkout(status: SubscriptionStatus, created_at: NaiveDateTime, now: NaiveDateTime) -> bool {
    match status {
        SubscriptionStatus::Active | SubscriptionStatus::PastDue => true,
        SubscriptionStatus::Pending => created_at + Duration::minutes(CHECKOUT_MINUTES + 5) > now,
        SubscriptionStatus::Cancelled | SubscriptionStatus::Expired => false,
    }
}

/// What Club Pro gives, as plans list it in their `features`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Benefit {
    /// The Club Pro badge on cards, the provider page and its JSON-LD.
    Badge,
    /// Turns in the featured strip of category-in-city pages.
    Featured,
    /// First among the providers of the same rating tier on category-in-city pages.
    Ranking,
    /// One's statistics as a CSV file, month by month.
    StatisticsCsv,
}

impl Benefit {
    pub fn from_code(code: &str) -> Option<Benefit> {
        match code {
            "badge" => Some(Benefit::Badge),
            "featured" => Some(Benefit::Featured),
            "ranking" => Some(Benefit::Ranking),
            "statistics_csv" => Some(Benefit::StatisticsCsv),
            _ => None,
        }
    }
}

/// How many members a category-in-city page features at once.
pub const FEATURED: usize = 3;

/// The members featured during hour `hour` (hours since the epoch): a window of [`FEATURED`] sliding over the
/// members in id order, one window per hour, so that over time every member is shown as often as the others.
pub fn featured_turn(members: &[i64], hour: i64) -> Vec<i64> {
    let n = members.len();
    if n <= FEATURED {
        return members.to_vec();
    }
    let start = (hour.rem_euclid(n as i64) as usize * FEATURED) % n;
    (0..FEATURED).map(|i| members[(start + i) % n]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn stripe_statuses_map_to_ours() {
        assert_eq!(status_of("active"), SubscriptionStatus::Active);
        assert_eq!(status_of("trialing"), SubscriptionStatus::Active);
        assert_eq!(status_of("past_due"), SubscriptionStatus::PastDue);
        assert_eq!(status_of("unpaid"), SubscriptionStatus::PastDue);
        assert_eq!(status_of("canceled"), SubscriptionStatus::Cancelled);
        assert_eq!(status_of("incomplete_expired"), SubscriptionStatus::Expired);
        assert_eq!(status_of("incomplete"), SubscriptionStatus::Pending);
    }

    #[test]
    fn benefits_hold_through_the_period_and_the_grace() {
        let end = at("2026-12-31 10:00");
        assert!(gives_benefits(SubscriptionStatus::Active, Some(end), at("2026-12-31 09:59")));
        assert!(!gives_benefits(SubscriptionStatus::Active, Some(end), at("2026-12-31 10:00")));
        assert!(gives_benefits(SubscriptionStatus::PastDue, Some(end), at("2027-01-07 09:59")));
        assert!(!gives_benefits(SubscriptionStatus::PastDue, Some(end), at("2027-01-07 10:00")));
        assert!(!gives_benefits(SubscriptionStatus::Cancelled, Some(end), at("2026-12-01 10:00")));
        assert!(!gives_benefits(SubscriptionStatus::Pending, None, at("2026-12-01 10:00")));
    }

    #[test]
    fn featured_members_take_fair_turns() {
        assert_eq!(featured_turn(&[4, 9], 17), vec![4, 9]);
        let members: Vec<i64> = (1..=7).collect();
        let mut shown = std::collections::HashMap::new();
        for hour in 0..7 {
            let turn = featured_turn(&members, hour);
            assert_eq!(turn.len(), FEATURED);
            for id in turn {
                *shown.entry(id).or_insert(0) += 1;
            }
        }
        assert!(shown.values().all(|n| *n == 3), "{shown:?}");
    }

    #[test]
    fn an_abandoned_checkout_stops_blocking() {
        let created = at("2026-12-01 10:00");
        assert!(blocks_new_checkout(SubscriptionStatus::Pending, created, at("2026-12-01 10:20")));
        assert!(!blocks_new_checkout(SubscriptionStatus::Pending, created, at("2026-12-01 10:40")));
        assert!(blocks_new_checkout(SubscriptionStatus::Active, created, at("2027-12-01 10:40")));
        assert!(!blocks_new_checkout(SubscriptionStatus::Cancelled, created, at("2026-12-01 10:01")));
    }
}
