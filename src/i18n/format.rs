//! Numbers, money and dates as people read them, per language; dates in Africa/Casablanca (which changes
//! offset around Ramadan). Used by pages and by the emails the use cases write.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::{I18n, Lang};
use crate::domain::kinds::PricingUnit;
use crate::domain::schedule::to_local;

/// Formats an amount in centimes for display. Whole dirhams drop the decimals.
pub fn format_mad(cents: i64, lang: Lang) -> String {
    let negative = cents < 0;
    let cents = cents.unsigned_abs();
    let (whole, frac) = (cents / 100, cents % 100);
    let (group, decimal) = match lang {
        Lang::En => (",", "."),
        // Narrow no-break space between thousands, comma for decimals (French and Moroccan usage).
        Lang::Fr | Lang::Ar => ("\u{202f}", ","),
    };
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    if frac != 0 {
        grouped.push_str(decimal);
        grouped.push_str(&format!("{frac:02}"));
    }
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Fr => format!("{sign}{grouped}\u{a0}DH"),
        Lang::Ar => format!("{sign}{grouped}\u{a0}د.م."),
        Lang::En => format!("{sign}{grouped}\u{a0}MAD"),
    }
}

/// "29 novembre 2026" / "29 نونبر 2026" / "29 November 2026".
pub fn date_long(i18n: &I18n, date: NaiveDate) -> String {
    let args = [("day", i64::from(date.day())), ("month", i64::from(date.month())), ("year", i64::from(date.year()))];
    // Without the isolation marks around its parts: a date made only of isolated parts would be laid out
    // left to right inside a right-to-left sentence ("2026 نونبر 29").
    i18n.t_numbers("format-date-long", &args).replace(['\u{2068}', '\u{2069}'], "")
}

/// "14:30" in local time.
pub fn time_local(utc: NaiveDateTime) -> String {
    to_local(utc).format("%H:%M").to_string()
}

/// Long date and local time of a UTC instant.
pub fn datetime_long(i18n: &I18n, utc: NaiveDateTime) -> String {
    let local = to_local(utc);
    i18n.t_with(
        "format-datetime",
        [("date", date_long(i18n, local.date()).as_str()), ("time", local.format("%H:%M").to_string().as_str())],
    )
}

/// A service's price as shown: "150 DH", "120 DH / heure", "Sur devis".
pub fn service_price(i18n: &I18n, unit: PricingUnit, cents: Option<i64>) -> String {
    match (unit, cents) {
        (PricingUnit::Quote, _) | (_, None) => i18n.t("provider-price-quote"),
        (PricingUnit::Hourly, Some(c)) => i18n.t_with("provider-price-hourly", [("price", i18n.price(c).as_str())]),
        (PricingUnit::Fixed, Some(c)) => i18n.price(c),
    }
}

/// A booking's reason as stored: the codes the site writes itself (`domain::booking::reason`) are said in the
/// reader's language, what a person wrote is shown as written.
pub fn booking_reason(i18n: &I18n, reason: &str) -> String {
    use crate::domain::booking::reason;
    match reason {
        reason::SLOT_TAKEN => i18n.t("booking-reason-slot-taken"),
        reason::ACCOUNT_DELETED => i18n.t("booking-reason-account-deleted"),
        written => written.to_string(),
    }
}

/// "nov. 2026": a month on a chart axis.
pub fn month_short(i18n: &I18n, year: i32, month: u32) -> String {
    i18n.t_numbers("format-month-short", &[("month", i64::from(month)), ("year", i64::from(year))])
}

/// "29 nov.": a day on a chart axis.
pub fn day_short(i18n: &I18n, date: NaiveDate) -> String {
    i18n.t_numbers("format-day-short", &[("day", i64::from(date.day())), ("month", i64::from(date.month()))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_per_language() {
        assert_eq!(format_mad(15_000, Lang::Fr), "150\u{a0}DH");
        assert_eq!(format_mad(150_050, Lang::Fr), "1\u{202f}500,50\u{a0}DH");
        assert_eq!(format_mad(15_000, Lang::Ar), "150\u{a0}د.م.");
        assert_eq!(format_mad(123_456_700, Lang::En), "1,234,567\u{a0}MAD");
        assert_eq!(format_mad(5, Lang::En), "0.05\u{a0}MAD");
    }

    #[test]
    fn casablanca_offset_changes_for_ramadan() {
        // Morocco is UTC+1 most of the year and UTC+0 during Ramadan (2026: about 15 Feb – 22 Mar).
        let summer = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
        assert_eq!(time_local(summer), "13:00");
        let ramadan = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
        assert_eq!(time_local(ramadan), "12:00");
    }

    #[test]
    fn long_dates_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let strip = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(strip(date_long(&I18n::new(Lang::Fr), d)), "29 novembre 2026");
        assert_eq!(strip(date_long(&I18n::new(Lang::En), d)), "29 November 2026");
        assert!(strip(date_long(&I18n::new(Lang::Ar), d)).contains("نونبر"));
    }
}
