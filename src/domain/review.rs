//! Review rules: who may review a booking and until when, what a review holds, when reviews are published.
//!
//! After a booking is completed, each party may review the other once, within [`WINDOW`]. Reviews are
//! double-blind: hidden from the other party and the public until both have reviewed or the window is over,
//! then published together. Until then the author may edit or delete theirs.

use chrono::{Duration, NaiveDateTime};

use crate::domain::kinds::BookingStatus;
use crate::domain::validation::{FieldErrors, trimmed};

/// How long after completion a booking can be reviewed.
pub const WINDOW: Duration = Duration::days(14);

/// Reminders to whoever has not reviewed yet, in days after completion.
pub const REMINDER_DAYS: [i64; 2] = [3, 10];

pub const COMMENT_MIN: usize = 10;
pub const COMMENT_MAX: usize = 2000;
pub const REPLY_MAX: usize = 2000;

/// The last moment a completed booking can be reviewed.
pub fn deadline(completed_at: NaiveDateTime) -> NaiveDateTime {
    completed_at + WINDOW
}

/// Whether a booking can be reviewed (or a pending review edited) now.
pub fn is_open(status: BookingStatus, completed_at: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    status == BookingStatus::Completed && completed_at.is_some_and(|t| now < deadline(t))
}

/// A whole number of stars from 1 to 5 ("3.5", "0", "6", "abc": none).
pub fn stars(s: &str) -> Option<i16> {
    let s = s.trim();
    if s.len() != 1 {
        return None;
    }
    s.parse::<i16>().ok().filter(|n| (1..=5).contains(n))
}

/// The review form as posted (every field a string, so that bad input is reported, not rejected by serde).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReviewInput {
    #[serde(default)]
    pub rating: String,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub punctuality: String,
    #[serde(default)]
    pub quality: String,
    #[serde(default)]
    pub value: String,
}

/// A valid review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    pub rating: i16,
    pub comment: String,
    /// Punctuality, quality and value (the client's review of the provider only).
    pub criteria: [Option<i16>; 3],
}

impl ReviewInput {
    /// Checks the form; `criteria` is whether the punctuality, quality and value ratings apply.
    pub fn validate(&self, criteria: bool) -> Result<Valid, FieldErrors> {
        let mut errors = FieldErrors::new();
        let rating = stars(&self.rating);
        if rating.is_none() {
            errors.add("rating", "review-error-rating");
        }
        let (comment, n) = trimmed(&self.comment);
        if n < COMMENT_MIN {
            errors.add("comment", "review-error-comment-short");
        } else if n > COMMENT_MAX {
            errors.add("comment", "review-error-comment-long");
        }
        let mut values = [None; 3];
        if criteria {
            for (i, (field, raw)) in
                [("punctuality", &self.punctuality), ("quality", &self.quality), ("value", &self.value)]
                    .into_iter()
                    .enumerate()
            {
                if raw.trim().is_empty() {
                    continue;
                }
                match stars(raw) {
                    Some(n) => values[i] = Some(n),
                    None => errors.add(field, "review-error-criterion"),
                }
            }
        }
        match rating {
            Some(rating) if errors.is_empty() => Ok(Valid { rating, comment, criteria: values }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(rating: &str, comment: &str) -> ReviewInput {
        ReviewInput { rating: rating.into(), comment: comment.into(), ..ReviewInput::default() }
    }

    #[test]
    fn stars_are_whole_numbers_from_one_to_five() {
        for ok in ["1", "5", " 3 "] {
            assert!(stars(ok).is_some(), "{ok}");
        }
        for bad in ["0", "6", "3.5", "abc", "", "-1", "05", "٣"] {
            assert_eq!(stars(bad), None, "{bad}");
        }
    }

    #[test]
    fn comments_are_ten_to_two_thousand_characters() {
        assert!(input("4", "Très bon travail").validate(false).is_ok());
        assert!(input("4", "  court    ").validate(false).unwrap_err().has("comment"));
        assert!(input("4", &"é".repeat(2001)).validate(false).unwrap_err().has("comment"));
        assert!(input("4", &"é".repeat(2000)).validate(false).is_ok());
        let both = input("", "").validate(false).unwrap_err();
        assert!(both.has("rating") && both.has("comment"));
    }

    #[test]
    fn criteria_are_optional_and_checked_only_for_the_client() {
        let mut i = input("5", "Ponctuel et soigneux");
        i.punctuality = "4".into();
        i.value = "9".into();
        assert!(i.clone().validate(true).unwrap_err().has("value"));
        assert_eq!(i.validate(false).unwrap().criteria, [None, None, None]);
        let mut i = input("5", "Ponctuel et soigneux");
        i.quality = "3".into();
        assert_eq!(i.validate(true).unwrap().criteria, [None, Some(3), None]);
    }

    #[test]
    fn the_window_is_fourteen_days_after_completion() {
        let done = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap().and_hms_opt(10, 0, 0).unwrap();
        assert!(is_open(BookingStatus::Completed, Some(done), done + Duration::days(13)));
        assert!(!is_open(BookingStatus::Completed, Some(done), done + WINDOW));
        assert!(!is_open(BookingStatus::Confirmed, Some(done), done));
        assert!(!is_open(BookingStatus::Completed, None, done));
    }
}
