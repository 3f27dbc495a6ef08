//! Free start times on a day: the provider's weekly ranges (local time, Africa/Casablanca), minus days off,
//! minus the jobs already confirmed, on a 30-minute grid, from 2 hours to 60 days ahead.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
use chrono_tz::Africa::Casablanca;

use crate::domain::booking::{MAX_AHEAD_DAYS, MIN_LEAD, STEP_MINUTES};

/// What the slots of one day depend on.
pub struct Day<'a> {
    pub date: NaiveDate,
    /// (ISO weekday, start minute, end minute) of the provider's weekly availability.
    pub ranges: &'a [(i16, i32, i32)],
    pub day_off: bool,
    pub duration_minutes: i32,
    /// UTC intervals already taken (confirmed or in-progress jobs).
    pub busy: &'a [(NaiveDateTime, NaiveDateTime)],
    /// The current UTC time.
    pub now: NaiveDateTime,
}

/// A local wall-clock time in Morocco → UTC (the earlier instant when the clock goes back).
/// UTC → local wall-clock time in Morocco.
pub fn to_local(utc: NaiveDateTime) -> NaiveDateTime {
    Casablanca.from_utc_datetime(&utc).naive_local()
}

pub fn local_to_utc(local: NaiveDateTime) -> Option<NaiveDateTime> {
    Casablanca.from_local_datetime(&local).earliest().map(|t| t.naive_utc())
}

/// Why a start time cannot be booked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotProblem {
    TooSoon,
    TooFar,
    DayOff,
    OutsideHours,
    Taken,
}

impl SlotProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            SlotProblem::TooSoon => "book-error-too-soon",
            SlotProblem::TooFar => "book-error-too-far",
            SlotProblem::DayOff => "book-error-day-off",
            SlotProblem::OutsideHours => "book-error-outside-hours",
            SlotProblem::Taken => "book-error-taken",
        }
    }
}

/// Whether a local start time can be booked; on success the UTC start and end.
pub fn check(day: &Day<'_>, time: NaiveTime) -> Result<(NaiveDateTime, NaiveDateTime), SlotProblem> {
    let start = local_to_utc(day.date.and_time(time)).ok_or(SlotProblem::OutsideHours)?;
    let end = start + Duration::minutes(i64::from(day.duration_minutes));
    if start < day.now + MIN_LEAD {
        return Err(SlotProblem::TooSoon);
    }
    if start > day.now + Duration::days(MAX_AHEAD_DAYS) {
        return Err(SlotProblem::TooFar);
    }
    if day.day_off {
        return Err(SlotProblem::DayOff);
    }
    let minute = (time.num_seconds_from_midnight() / 60) as i32;
    let weekday = day.date.weekday().number_from_monday() as i16;
    let fits = minute % STEP_MINUTES == 0
        && day
            .ranges
            .iter()
            .any(|(d, from, to)| *d == weekday && minute >= *from && minute + day.duration_minutes <= *to);
    if !fits {
        return Err(SlotProblem::OutsideHours);
    }
    if day.busy.iter().any(|(b_start, b_end)| start < *b_end && *b_start < end) {
        return Err(SlotProblem::Taken);
    }
    Ok((start, end))
}

/// Every free start time of the day, in order.
pub fn free_starts(day: &Day<'_>) -> Vec<NaiveTime> {
    (0..24 * 60)
        .step_by(STEP_MINUTES as usize)
        .filter_map(|m| NaiveTime::from_hms_opt((m / 60) as u32, (m % 60) as u32, 0))
        .filter(|t| check(day, *t).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap().and_hms_opt(h, m, 0).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn slots_follow_hours_duration_and_busy_jobs() {
        // 2 December 2026 is a Wednesday (3); Morocco is UTC+1 then.
        let ranges = [(3, 9 * 60, 12 * 60), (3, 14 * 60, 16 * 60), (4, 8 * 60, 18 * 60)];
        let busy = [(utc(2, 9, 0), utc(2, 10, 0))]; // 10:00–11:00 local
        let day = Day {
            date: NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
            ranges: &ranges,
            day_off: false,
            duration_minutes: 60,
            busy: &busy,
            now: utc(1, 8, 0),
        };
        assert_eq!(free_starts(&day), vec![t(9, 0), t(11, 0), t(14, 0), t(14, 30), t(15, 0)]);
        assert_eq!(check(&day, t(10, 30)), Err(SlotProblem::Taken));
        assert_eq!(check(&day, t(12, 0)), Err(SlotProblem::OutsideHours));
        assert_eq!(check(&day, t(9, 15)), Err(SlotProblem::OutsideHours));
        assert_eq!(check(&day, t(9, 0)), Ok((utc(2, 8, 0), utc(2, 9, 0))));
        assert!(free_starts(&Day { day_off: true, ..day }).is_empty());
    }

    #[test]
    fn not_sooner_than_two_hours_nor_later_than_sixty_days() {
        let ranges = [(3, 0, 24 * 60)];
        let date = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let day = Day { date, ranges: &ranges, day_off: false, duration_minutes: 30, busy: &[], now: utc(2, 8, 0) };
        // 08:00 UTC is 09:00 local: the first start is 11:00 local.
        assert_eq!(free_starts(&day).first(), Some(&t(11, 0)));
        assert_eq!(check(&day, t(10, 30)), Err(SlotProblem::TooSoon));
        let far = Day { now: utc(2, 8, 0) - Duration::days(61), ..day };
        assert_eq!(check(&far, t(12, 0)), Err(SlotProblem::TooFar));
    }
}
