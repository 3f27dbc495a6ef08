//! Formatting for pages: the language-level formats of `i18n::format` (re-exported), and what pages alone need
//! (a booking's status line, picking a trilingual record, text for titles).

use crate::db::types::BookingStatus;
use crate::i18n::I18n;
pub use crate::i18n::format::*;

/// Text without Unicode isolation marks (Fluent puts them around arguments): for titles and previews, which
/// are not laid out in the page and would show them as stray characters.
pub fn without_isolates(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')).collect()
}

/// Chooses a trilingual record's text for a reader (see `db::models::booking::retitle`).
pub fn picker(i18n: I18n) -> impl Fn(&str, &str, Option<&str>) -> String + Copy + Send + 'static {
    move |fr, ar, en| i18n.pick(fr, ar, en).to_string()
}

/// The Fluent key of a status.
pub fn status_key(status: &BookingStatus) -> &'static str {
    match status {
        BookingStatus::Pending => "booking-status-pending",
        BookingStatus::Confirmed => "booking-status-confirmed",
        BookingStatus::InProgress => "booking-status-in-progress",
        BookingStatus::Completed => "booking-status-completed",
        BookingStatus::Cancelled => "booking-status-cancelled",
        BookingStatus::Rejected => "booking-status-rejected",
        BookingStatus::Expired => "booking-status-expired",
    }
}

/// A booking's status as people read it: a cancellation says who cancelled ("Annulée par le client") and
/// whether it was late.
pub fn booking_status(i18n: &I18n, b: &crate::db::models::booking::Booking) -> String {
    booking_step(i18n, &b.status, b)
}

/// A status the booking went through (a timeline row), said as [`booking_status`] says it.
pub fn booking_step(i18n: &I18n, status: &BookingStatus, b: &crate::db::models::booking::Booking) -> String {
    use crate::db::types::UserRole;
    let key = match (status, b.cancelled_by_role) {
        (BookingStatus::Cancelled, Some(UserRole::Client)) => "booking-status-cancelled-by-client",
        (BookingStatus::Cancelled, Some(UserRole::Provider)) => "booking-status-cancelled-by-provider",
        (BookingStatus::Cancelled, Some(UserRole::Admin)) => "booking-status-cancelled-by-admin",
        (status, _) => status_key(status),
    };
    let text = i18n.t(key);
    if *status == BookingStatus::Cancelled && b.is_late_cancellation {
        format!("{text} · {}", i18n.t("booking-late-cancellation"))
    } else {
        text
    }
}
