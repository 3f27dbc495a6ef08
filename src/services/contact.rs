//! The public contact form: validate, rate-limit per address, store.

use chrono::Duration;
use diesel::Connection;

use crate::db::models::{NewContactMessage, contact_message};
use crate::db::types::{ContactTopic, Locale};
use crate::db::{DbConn, now};
use crate::domain::phone;
use crate::domain::validation::{FieldErrors, looks_like_email, trimmed};
use crate::error::AppError;

/// At most this many messages per address per hour.
pub const HOURLY_LIMIT: i64 = 5;

/// The form as typed (strings only, so that any input can be shown back).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ContactInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub message: String,
    /// Honeypot: people leave it empty; bots fill it.
    #[serde(default)]
    pub website: String,
}

pub enum Outcome {
    Sent,
    Invalid(FieldErrors),
}

/// Checks every field; returns the clean message or the errors per field.
pub fn validate(input: &ContactInput, locale: Locale) -> Result<NewContactMessage, FieldErrors> {
    let mut errors = FieldErrors::new();
    let (name, name_len) = trimmed(&input.name);
    if name_len < 2 {
        errors.add("name", "contact-error-name-required");
    } else if name_len > 100 {
        errors.add("name", "contact-error-name-too-long");
    }
    let email = input.email.trim().to_lowercase();
    if email.is_empty() {
        errors.add("email", "contact-error-email-required");
    } else if !looks_like_email(&email) {
        errors.add("email", "contact-error-email-invalid");
    }
    let phone = if input.phone.trim().is_empty() {
        None
    } else {
        match phone::normalize_moroccan(&input.phone) {
            Some(p) => Some(p),
            None => {
                errors.add("phone", "contact-error-phone-invalid");
                None
            }
        }
    };
    let topic = input.topic.parse::<ContactTopic>().ok();
    if topic.is_none() {
        errors.add("topic", "contact-error-topic-required");
    }
    let (message, message_len) = trimmed(&input.message);
    if message_len < 10 {
        errors.add("message", "contact-error-message-too-short");
    } else if message_len > 5000 {
        errors.add("message", "contact-error-message-too-long");
    }
    match topic {
        Some(topic) if errors.is_empty() => Ok(NewContactMessage {
            user_id: None,
            name,
            email,
            phone,
            topic,
            message,
            locale,
            ip_address: None,
            created_at: now(),
        }),
        _ => Err(errors),
    }
}

/// Validates and stores a message from `ip`; refuses with 429 past the hourly limit.
pub fn submit(
    conn: &mut DbConn,
    input: &ContactInput,
    locale: Locale,
    ip: Option<String>,
) -> Result<Outcome, AppError> {
    let mut message = match validate(input, locale) {
        Ok(m) => m,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    if !input.website.trim().is_empty() {
        // A bot: answer as if sent, store nothing.
        tracing::info!("contact form honeypot filled; message dropped");
        return Ok(Outcome::Sent);
    }
    conn.transaction(|conn| {
        if let Some(ip) = &ip
            && contact_message::count_from_ip_since(conn, ip, now() - Duration::hours(1))? >= HOURLY_LIMIT
        {
            return Err(AppError::RateLimited);
        }
        message.ip_address = ip;
        contact_message::insert(conn, &message)?;
        Ok(Outcome::Sent)
    })
}

/// The back office handles a message: marks it handled and, with a reply, emails it to the sender in the
/// language they wrote in. Refused (Fluent key) when the reply is too short or long, or when someone
/// handled the message meanwhile.
pub fn handle(
    conn: &mut DbConn,
    ctx: &crate::services::emails::Context<'_>,
    admin: &crate::db::models::User,
    id: i64,
    reply: Option<&str>,
    actor: &crate::services::audit::Actor,
) -> Result<Result<crate::services::outbox::Queued, &'static str>, AppError> {
    use crate::services::audit::{self, Entry};
    let message = contact_message::find(conn, id)?.ok_or(AppError::NotFound)?;
    let reply = reply.map(str::trim);
    if let Some(text) = reply
        && !(5..=5000).contains(&text.chars().count())
    {
        return Ok(Err("admin-contact-error-reply"));
    }
    conn.transaction(|conn| {
        if !contact_message::mark_handled(conn, id, admin.id, reply, now())? {
            return Ok(Err("admin-contact-error-handled"));
        }
        let action = if reply.is_some() { "admin.contact_replied" } else { "admin.contact_handled" };
        audit::record(conn, actor, Entry::named(action).about("contact_message", id))?;
        let Some(text) = reply else { return Ok(Ok(Default::default())) };
        let i18n = crate::i18n::I18n::new(crate::services::emails::lang_of(message.locale));
        let subject = i18n.t("admin-contact-reply-subject");
        let paragraphs = vec![
            i18n.t_with("email-greeting", [("name", message.name.as_str())]),
            text.to_string(),
            i18n.t("admin-contact-reply-quote"),
            message.message.clone(),
        ];
        let email =
            crate::mail::compose("contact_reply", &i18n, ctx.base_url, &message.email, subject, &paragraphs, None)?;
        Ok(Ok(crate::services::outbox::queue(conn, [email])?))
    })
}
