//! The period a statistics page covers: a preset (last 30 or 90 days, last 12 months) or chosen dates, in
//! Moroccan local days, and its months and days for charts.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// The longest period one can ask for.
pub const MAX_DAYS: i64 = 3 * 366;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// First local day included.
    pub from: NaiveDate,
    /// Last local day included.
    pub to: NaiveDate,
    /// The preset's name ("30d", "90d", "12m"), or "custom".
    pub preset: &'static str,
}

impl Period {
    /// From the query string: `period=30d|90d|12m`, or `from` and `to` (YYYY-MM-DD). Anything unreadable,
    /// reversed, in the future or longer than [`MAX_DAYS`] falls back to `default` ("30d", "90d" or "12m").
    pub fn parse(preset: &str, from: &str, to: &str, today: NaiveDate, default: &str) -> Period {
        let custom =
            (NaiveDate::parse_from_str(from.trim(), "%Y-%m-%d"), NaiveDate::parse_from_str(to.trim(), "%Y-%m-%d"));
        if let (Ok(from), Ok(to)) = custom
            && from <= to
            && to <= today
            && (to - from).num_days() < MAX_DAYS
        {
            return Period { from, to, preset: "custom" };
        }
        let preset = if ["30d", "90d", "12m"].contains(&preset) { preset } else { default };
        match preset {
            "30d" => Period { from: today - Duration::days(29), to: today, preset: "30d" },
            "90d" => Period { from: today - Duration::days(89), to: today, preset: "90d" },
            _ => {
                // The current month and the eleven before it.
                let first = today.with_day(1).unwrap_or(today);
                let (mut y, mut m) = (first.year(), first.month() as i32 - 11);
                if m < 1 {
                    m += 12;
                    y -= 1;
                }
                let from = NaiveDate::from_ymd_opt(y, m as u32, 1).unwrap_or(first);
                Period { from, to: today, preset: "12m" }
            }
        }
    }

    /// The period in UTC, `[start, end)`, from local midnights.
    pub fn utc_bounds(&self) -> (NaiveDateTime, NaiveDateTime) {
        let start = |d: NaiveDate| {
            let local = d.and_hms_opt(0, 0, 0).unwrap_or_default();
            crate::domain::schedule::local_to_utc(local).unwrap_or(local)
        };
        (start(self.from), start(self.to + Duration::days(1)))
    }

    /// (year, month) of every month the period touches, in order.
    pub fn months(&self) -> Vec<(i32, u32)> {
        let mut out = Vec::new();
        let (mut y, mut m) = (self.from.year(), self.from.month());
        while (y, m) <= (self.to.year(), self.to.month()) {
            out.push((y, m));
            if m == 12 {
                y += 1;
                m = 1;
            } else {
                m += 1;
            }
        }
        out
    }

    /// Every day of the period, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.from.iter_days().take_while(|d| *d <= self.to).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn presets_and_fallbacks() {
        let today = d(2026, 11, 29);
        let year = Period::parse("", "", "", today, "12m");
        assert_eq!((year.from, year.to, year.preset), (d(2025, 12, 1), today, "12m"));
        assert_eq!(year.months().len(), 12);
        assert_eq!(Period::parse("", "", "", today, "30d").preset, "30d", "a page's own default");
        assert_eq!(Period::parse("30d", "", "", today, "12m").days().len(), 30);
        assert_eq!(Period::parse("90d", "", "", today, "12m").from, d(2026, 9, 1));
        let custom = Period::parse("30d", "2026-01-15", "2026-03-02", today, "12m");
        assert_eq!((custom.preset, custom.months()), ("custom", vec![(2026, 1), (2026, 2), (2026, 3)]));
        for (from, to) in
            [("2026-03-02", "2026-01-15"), ("2020-01-01", "2026-01-01"), ("x", "y"), ("2026-01-01", "2027-01-01")]
        {
            assert_eq!(Period::parse("", from, to, today, "12m").preset, "12m", "{from} {to}");
        }
    }

    #[test]
    fn bounds_are_local_midnights_in_utc() {
        // Morocco is UTC+1 outside Ramadan.
        let p = Period::parse("", "2026-11-01", "2026-11-30", d(2026, 12, 5), "12m");
        let (start, end) = p.utc_bounds();
        assert_eq!(start, d(2026, 10, 31).and_hms_opt(23, 0, 0).unwrap());
        assert_eq!(end, d(2026, 11, 30).and_hms_opt(23, 0, 0).unwrap());
    }
}
