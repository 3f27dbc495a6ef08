//! One event for one recipient: an in-app notification and an email, each as the recipient's preferences
//! allow, in the recipient's language. Called inside the transaction of the change it reports; the emails
//! are sent by the caller after the commit.

use chrono::NaiveDateTime;

use crate::db::DbConn;
use crate::db::models::{User, notification, notification_preference};
use crate::db::types::{NotificationKind, NotificationTopic};
use crate::error::AppError;
use crate::i18n::I18n;
use crate::mail::{Action, compose};
use crate::services::emails::{Context, lang_of};
use crate::services::outbox::{self, Queued};

/// What happened, with what the message needs (stored as the notification's data).
pub struct Event {
    pub kind: NotificationKind,
    /// Optional refinement of the kind ("expiry" or "job" for reminders).
    pub variant: Option<&'static str>,
    /// Message arguments: reference, service, start (UTC, ISO 8601), name, reason…
    pub data: serde_json::Value,
    /// Where the notification leads, without the language prefix ("/account/bookings/12").
    pub link: String,
}

pub fn topic_of(kind: NotificationKind) -> NotificationTopic {
    use NotificationKind::*;
    match kind {
        BookingRequest | BookingConfirmed | BookingRejected | BookingCancelled | BookingExpired | BookingStarted
        | BookingCompleted | BookingReminder => NotificationTopic::Bookings,
        MessageReceived => NotificationTopic::Messages,
        ReviewRequest | ReviewPublished | ReviewReply | ReviewHidden => NotificationTopic::Reviews,
        ProviderApproved
        | ProviderRejected
        | SubscriptionActivated
        | SubscriptionEnding
        | AccountSecurity
        | AdminNotice => NotificationTopic::Account,
    }
}

/// The Fluent keys of an event: in the notification centre, and the email's subject and body.
pub struct Keys {
    pub centre: &'static str,
    pub subject: &'static str,
    pub body: &'static str,
    /// The email's button.
    pub action: &'static str,
}

pub fn keys(kind: NotificationKind, variant: Option<&str>) -> Keys {
    use NotificationKind::*;
    let (centre, subject, body) = match (kind, variant) {
        (BookingRequest, _) => {
            ("notification-booking-request", "email-booking-request-subject", "email-booking-request-body")
        }
        (BookingConfirmed, _) => {
            ("notification-booking-confirmed", "email-booking-confirmed-subject", "email-booking-confirmed-body")
        }
        (BookingRejected, _) => {
            ("notification-booking-rejected", "email-booking-rejected-subject", "email-booking-rejected-body")
        }
        (BookingCancelled, _) => {
            ("notification-booking-cancelled", "email-booking-cancelled-subject", "email-booking-cancelled-body")
        }
        (BookingExpired, _) => {
            ("notification-booking-expired", "email-booking-expired-subject", "email-booking-expired-body")
        }
        (BookingStarted, _) => {
            ("notification-booking-started", "email-booking-started-subject", "email-booking-started-body")
        }
        (BookingCompleted, _) => {
            ("notification-booking-completed", "email-booking-completed-subject", "email-booking-completed-body")
        }
        (BookingReminder, Some("expiry")) => (
            "notification-booking-reminder-expiry",
            "email-booking-reminder-expiry-subject",
            "email-booking-reminder-expiry-body",
        ),
        (BookingReminder, _) => (
            "notification-booking-reminder-job",
            "email-booking-reminder-job-subject",
            "email-booking-reminder-job-body",
        ),
        (ReviewRequest, Some("waiting")) => {
            ("notification-review-waiting", "email-review-waiting-subject", "email-review-waiting-body")
        }
        (ReviewRequest, Some("reminder")) => {
            ("notification-review-reminder", "email-review-reminder-subject", "email-review-reminder-body")
        }
        (ReviewRequest, _) => {
            ("notification-review-request", "email-review-request-subject", "email-review-request-body")
        }
        (ReviewPublished, _) => {
            ("notification-review-published", "email-review-published-subject", "email-review-published-body")
        }
        (ReviewReply, _) => ("notification-review-reply", "email-review-reply-subject", "email-review-reply-body"),
        (ReviewHidden, Some("restored")) => {
            ("notification-review-restored", "email-review-restored-subject", "email-review-restored-body")
        }
        (ReviewHidden, _) => ("notification-review-hidden", "email-review-hidden-subject", "email-review-hidden-body"),
        (ProviderApproved, _) => {
            ("notification-provider-approved", "email-provider-approved-subject", "email-provider-approved-body")
        }
        (ProviderRejected, _) => {
            ("notification-provider-rejected", "email-provider-rejected-subject", "email-provider-rejected-body")
        }
        (SubscriptionActivated, Some("resumed")) => {
            ("notification-club-pro-resumed", "email-club-pro-resumed-subject", "email-club-pro-resumed-body")
        }
        (SubscriptionActivated, _) => {
            ("notification-club-pro-activated", "email-club-pro-activated-subject", "email-club-pro-activated-body")
        }
        (SubscriptionEnding, Some("payment-failed")) => (
            "notification-club-pro-payment-failed",
            "email-club-pro-payment-failed-subject",
            "email-club-pro-payment-failed-body",
        ),
        (SubscriptionEnding, Some("scheduled")) => {
            ("notification-club-pro-scheduled", "email-club-pro-scheduled-subject", "email-club-pro-scheduled-body")
        }
        (SubscriptionEnding, _) => {
            ("notification-club-pro-ended", "email-club-pro-ended-subject", "email-club-pro-ended-body")
        }
        _ => ("notification-generic", "email-generic-subject", "email-generic-body"),
    };
    let action = match kind {
        SubscriptionActivated | SubscriptionEnding => "email-club-pro-action",
        ReviewRequest => "email-review-action-write",
        ReviewPublished | ReviewReply | ReviewHidden => "email-review-action-read",
        _ => "email-booking-action",
    };
    Keys { centre, subject, body, action }
}

/// The message arguments of stored data, formatted for a language (dates in Moroccan local time).
pub fn arguments(i18n: &I18n, data: &serde_json::Value) -> Vec<(String, String)> {
    let mut args = Vec::new();
    if let Some(map) = data.as_object() {
        // The service's name in the reader's language, where the event carries it in each (see `bookings::event`).
        let names = map.get("services");
        let name = |lang: &str| names.and_then(|n| n.get(lang)).and_then(|v| v.as_str());
        if let Some(fr) = name("fr") {
            args.push(("service".to_string(), i18n.pick(fr, name("ar").unwrap_or(fr), name("en")).to_string()));
        }
        for (key, value) in map {
            if key == "services" || key == "service" && args.iter().any(|(k, _)| k == "service") {
                continue;
            }
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            if key == "start" {
                if let Ok(t) = NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S") {
                    args.push(("when".to_string(), crate::i18n::format::datetime_long(i18n, t)));
                }
            } else if key == "until" {
                let date = chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
                args.push((key.clone(), date.map(|d| crate::i18n::format::date_long(i18n, d)).unwrap_or_default()));
            } else if key == "reason" {
                args.push((key.clone(), crate::i18n::format::booking_reason(i18n, &text)));
            } else {
                args.push((key.clone(), text));
            }
        }
    }
    for key in ["reference", "service", "when", "name", "reason", "by"] {
        if !args.iter().any(|(k, _)| k == key) {
            args.push((key.to_string(), String::new()));
        }
    }
    args
}

/// Writes the notification (unless turned off in the app), and queues its email and its push to every device
/// (each unless turned off for the topic), in the caller's transaction.
pub fn send(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    to: &User,
    event: Event,
    at: NaiveDateTime,
) -> Result<Queued, AppError> {
    let kind = event.kind;
    let wants = notification_preference::of_topic(conn, to.id, topic_of(kind))?;
    let mut data = event.data;
    if let (Some(variant), Some(map)) = (event.variant, data.as_object_mut()) {
        map.insert("variant".into(), variant.into());
    }
    if wants.in_app {
        notification::insert(conn, to.id, kind, &data.to_string(), Some(&event.link), at)?;
    }
    let i18n = I18n::new(lang_of(to.locale));
    let keys = keys(kind, event.variant);
    let args = arguments(&i18n, &data);
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let subject = i18n.t_with(keys.subject, &args);
    let mut queued = Queued::default();
    if wants.push {
        let push = crate::services::push::Push {
            title: subject.clone(),
            body: i18n.t_with(keys.body, &args),
            url: format!("/{}{}", i18n.lang(), event.link),
            tag: format!("{}{}", kind.as_str().to_ascii_lowercase(), event.link),
            lang: i18n.lang().into(),
            urgent: kind == NotificationKind::BookingRequest,
            message: None,
        };
        queued += crate::services::push::notify(conn, to.id, &push, crate::db::now())?;
    }
    if !wants.email {
        return Ok(queued);
    }
    let body = vec![i18n.t_with("email-greeting", [("name", to.first_name.as_str())]), i18n.t_with(keys.body, &args)];
    let url = format!("{}/{}{}", ctx.base_url, i18n.lang(), event.link);
    let action = Action { label: i18n.t(keys.action), url };
    let kind = kind.as_str().to_ascii_lowercase().replace('_', "-");
    let email = compose(&kind, &i18n, ctx.base_url, &to.email, subject, &body, Some(action))?;
    Ok(queued + outbox::queue(conn, [email])?)
}
