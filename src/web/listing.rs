//! Back office lists: the page number, the filter as a query string (for pages and the CSV link), and
//! dates typed in a filter as local-day bounds in UTC.

use chrono::{NaiveDate, NaiveDateTime};

/// A list's query string: its filter fields (serialised, `page` skipped) and the raw page number.
pub trait Listing: serde::Serialize {
    fn raw_page(&self) -> &str;

    /// 1 unless a page from 1 to 100,000 is asked for.
    fn page(&self) -> i64 {
        self.raw_page().trim().parse::<i64>().unwrap_or(1).clamp(1, 100_000)
    }

    /// The filter alone ("q=…&status=…").
    fn csv_query(&self) -> String {
        serde_urlencoded::to_string(self).unwrap_or_default()
    }

    /// The same filter on another page ("?q=…&page=2").
    fn with_page(&self, page: i64) -> String {
        format!("?{}&page={page}", self.csv_query())
    }
}

/// A date typed as YYYY-MM-DD (empty: no bound) as the UTC instant its local day starts, or the next day
/// starts when `end`; None for anything unreadable.
pub fn day_bound(text: &str, end: bool) -> Option<Option<NaiveDateTime>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let day = if end { day.succ_opt()? } else { day };
    let local = day.and_hms_opt(0, 0, 0)?;
    Some(Some(crate::domain::schedule::local_to_utc(local).unwrap_or(local)))
}

#[cfg(test)]
mod tests {
    use super::day_bound;

    #[test]
    fn days_are_local_bounds() {
        let start = day_bound("2026-11-29", false).unwrap().unwrap();
        assert_eq!(start.to_string(), "2026-11-28 23:00:00");
        assert_eq!(day_bound("2026-11-29", true).unwrap().unwrap().to_string(), "2026-11-29 23:00:00");
        assert_eq!(day_bound(" ", false), Some(None));
        assert!(day_bound("2026-02-31", false).is_none() && day_bound("yesterday", true).is_none());
    }
}
