//! Dates and times in Africa/Casablanca (which changes offset around Ramadan), per language.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Africa::Casablanca;

use crate::i18n::I18n;

/// UTC → local wall-clock time in Morocco.
pub fn to_local(utc: NaiveDateTime) -> NaiveDateTime {
    Casablanca.from_utc_datetime(&utc).naive_local()
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
pub fn service_price(i18n: &I18n, unit: crate::db::types::PricingUnit, cents: Option<i64>) -> String {
    use crate::db::types::PricingUnit;
    match (unit, cents) {
        (PricingUnit::Quote, _) | (_, None) => i18n.t("provider-price-quote"),
        (PricingUnit::Hourly, Some(c)) => i18n.t_with("provider-price-hourly", [("price", i18n.price(c).as_str())]),
        (PricingUnit::Fixed, Some(c)) => i18n.price(c),
    }
}

/// "nov. 2026": a month on a chart axis.
/// Text without Unicode isolation marks (Fluent puts them around arguments): for titles and previews, which
/// are not laid out in the page and would show them as stray characters.
pub fn without_isolates(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')).collect()
}

/// Chooses a trilingual record's text for a reader (see `db::models::booking::retitle`).
pub fn picker(i18n: I18n) -> impl Fn(&str, &str, Option<&str>) -> String + Copy + Send + 'static {
    move |fr, ar, en| i18n.pick(fr, ar, en).to_string()
}

/// A booking's status as people read it: a cancellation says who cancelled ("Annulée par le client") and
/// whether it was late.
pub fn booking_status(i18n: &I18n, b: &crate::db::models::booking::Booking) -> String {
    booking_step(i18n, &b.status, b)
}

/// A status the booking went through (a timeline row), said as [`booking_status`] says it.
pub fn booking_step(
    i18n: &I18n,
    status: &crate::db::types::BookingStatus,
    b: &crate::db::models::booking::Booking,
) -> String {
    use crate::db::types::{BookingStatus, UserRole};
    let key = match (status, b.cancelled_by_role) {
        (BookingStatus::Cancelled, Some(UserRole::Client)) => "booking-status-cancelled-by-client",
        (BookingStatus::Cancelled, Some(UserRole::Provider)) => "booking-status-cancelled-by-provider",
        (BookingStatus::Cancelled, Some(UserRole::Admin)) => "booking-status-cancelled-by-admin",
        (status, _) => crate::handlers::account::bookings::status_key(status),
    };
    let text = i18n.t(key);
    if *status == BookingStatus::Cancelled && b.is_late_cancellation {
        format!("{text} · {}", i18n.t("booking-late-cancellation"))
    } else {
        text
    }
}

/// A booking's reason as stored: the codes the site writes itself are said in the reader's language, what a
/// person wrote is shown as written.
pub fn booking_reason(i18n: &I18n, reason: &str) -> String {
    use crate::services::bookings::{ACCOUNT_DELETED, SLOT_TAKEN};
    match reason {
        SLOT_TAKEN => i18n.t("booking-reason-slot-taken"),
        ACCOUNT_DELETED => i18n.t("booking-reason-account-deleted"),
        written => written.to_string(),
    }
}

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
    use crate::i18n::Lang;

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
