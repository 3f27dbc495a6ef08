//! Messaging between a client and a provider: start a conversation, read it, send a message. The same
//! `send` serves the plain form post and the WebSocket; only the two participants may read, send or listen.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::models::conversation::{self, Conversation, Message};
use crate::db::models::{User, provider};
use crate::db::types::MessageKind;
use crate::error::AppError;
use crate::services::throttle::{self, Limit};

/// Messages are 1 to 5,000 characters once trimmed.
pub const MAX_CHARS: usize = 5000;
/// Messages shown per page of a conversation.
pub const PER_PAGE: i64 = 30;
/// A person types fast, a script faster: 20 messages a minute.
pub const MESSAGES_PER_MINUTE: Limit = Limit { action: "message", max: 20, window: Duration::minutes(1) };

/// Which side of a conversation a user is on; None when not a participant.
pub fn side(conn: &mut DbConn, user: &User, c: &Conversation) -> Result<Option<bool>, AppError> {
    if c.client_id == user.id {
        return Ok(Some(true));
    }
    Ok(provider::id_for_user(conn, user.id)?.filter(|p| *p == c.provider_id).map(|_| false))
}

/// A user's unread (messages, notifications): the header badges, on every page and over the socket.
pub fn unread_counts(conn: &mut DbConn, user_id: i64) -> Result<(i64, i64), AppError> {
    Ok(conversation::unread_totals(conn, user_id)?)
}

/// One page of a user's inbox (as a client, and as a provider if they are one), with the total.
pub fn inbox(
    conn: &mut DbConn,
    user_id: i64,
    page: i64,
    per_page: i64,
) -> Result<(Vec<conversation::InboxRow>, i64), AppError> {
    let provider = provider::id_for_user(conn, user_id)?;
    Ok(conversation::inbox(conn, user_id, provider, page, per_page)?)
}

/// A conversation the user takes part in (404 for anyone else, existing or not).
pub fn participant(conn: &mut DbConn, user: &User, id: i64) -> Result<(Conversation, bool), AppError> {
    let c = conversation::find(conn, id)?.ok_or(AppError::NotFound)?;
    let as_client = side(conn, user, &c)?.ok_or(AppError::NotFound)?;
    Ok((c, as_client))
}

/// A conversation as its page shows it.
pub struct Thread {
    pub conversation: Conversation,
    pub as_client: bool,
    pub other_name: String,
    /// The other party's picture (the provider's photo, or the client's avatar), if they set one.
    pub other_picture: Option<crate::db::models::media::Media>,
    pub provider_slug: String,
    pub messages: Vec<Message>,
    /// The id to ask for older messages, when there are some.
    pub older_than: Option<i64>,
    /// The pair's latest bookings.
    pub bookings: Vec<crate::db::models::booking::Booking>,
}

/// Opens a conversation; the latest page marks the other party's messages read.
pub fn open(
    conn: &mut DbConn,
    user: &User,
    id: i64,
    before: Option<i64>,
    now: NaiveDateTime,
) -> Result<Thread, AppError> {
    let (c, as_client) = participant(conn, user, id)?;
    let messages = conversation::messages_page(conn, c.id, before, PER_PAGE + 1)?;
    let (older_than, messages) = if messages.len() as i64 > PER_PAGE {
        let rest = messages[1..].to_vec();
        (rest.first().map(|m| m.id), rest)
    } else {
        (None, messages)
    };
    if before.is_none() {
        conversation::mark_read(conn, &c, user.id, as_client, now)?;
    }
    let p = provider::by_id(conn, c.provider_id)?;
    let (other_name, picture) = if as_client {
        (p.display_name.clone(), p.photo_media_id)
    } else {
        let client = crate::db::models::user::find(conn, c.client_id)?.ok_or(AppError::NotFound)?;
        (crate::db::models::booking::short_name(&client.first_name, &client.last_name), client.avatar_media_id)
    };
    let other_picture = picture.map(|id| crate::db::models::media::find(conn, id)).transpose()?.flatten();
    let bookings = crate::db::models::booking::between(conn, c.client_id, c.provider_id, 3)?;
    Ok(Thread {
        conversation: c,
        as_client,
        other_name,
        other_picture,
        provider_slug: p.slug,
        messages,
        older_than,
        bookings,
    })
}

/// "Contact" on a provider page: the client's conversation with this provider (made the first time).
pub fn start(
    conn: &mut DbConn,
    user: &User,
    slug: &str,
    now: NaiveDateTime,
) -> Result<Result<i64, &'static str>, AppError> {
    let p = provider::public_by_slug(conn, slug)?.ok_or(AppError::NotFound)?;
    if p.user_id == user.id {
        return Ok(Err("message-error-self"));
    }
    if user.email_verified_at.is_none() {
        return Ok(Err("message-error-verify-email"));
    }
    Ok(Ok(conversation::find_or_create(conn, user.id, p.id, now)?))
}

/// A message saved, and who must see it.
pub struct Sent {
    pub message: Message,
    /// Both participants' user ids (every open tab of each is updated).
    pub participants: [i64; 2],
    /// The recipient's push, waiting to see whether the message is read (hand it to `state::deliver`).
    pub queued: crate::services::outbox::Queued,
}

/// The text of a message as it will be stored, or the key of what is wrong with it.
pub fn clean(body: &str) -> Result<String, &'static str> {
    let body: String = body.chars().filter(|c| crate::domain::text::is_text_char(*c)).collect();
    let text = body.trim();
    let count = text.chars().count();
    if count == 0 {
        Err("message-error-empty")
    } else if count > MAX_CHARS {
        Err("message-error-too-long")
    } else {
        Ok(text.to_string())
    }
}

/// Saves a message from a participant. `Ok(Err(key))`: refused with a message (nothing stored).
pub fn send(
    conn: &mut DbConn,
    user: &User,
    id: i64,
    body: &str,
    now: NaiveDateTime,
) -> Result<Result<Sent, &'static str>, AppError> {
    let (c, _) = participant(conn, user, id)?;
    let text = match clean(body) {
        Ok(text) => text,
        Err(key) => return Ok(Err(key)),
    };
    throttle::hit(conn, MESSAGES_PER_MINUTE, &user.id.to_string(), now)?;
    conn.transaction(|conn| {
        let message = conversation::insert_message(conn, c.id, Some(user.id), MessageKind::User, &text, None, now)?;
        let (client, provider_user) = conversation::participants(conn, &c)?;
        let recipient = if user.id == client { provider_user } else { client };
        let queued = push_unless_read(conn, &c, user, recipient, &message)?;
        Ok(Ok(Sent { message, participants: [client, provider_user], queued }))
    })
}

/// A new message's push to its recipient's devices, a minute later and only if still unread then (see
/// `services::push`).
fn push_unless_read(
    conn: &mut DbConn,
    c: &Conversation,
    sender: &User,
    recipient: i64,
    message: &Message,
) -> Result<crate::services::outbox::Queued, AppError> {
    use crate::db::types::NotificationTopic;
    let wants = crate::db::models::notification_preference::of_topic(conn, recipient, NotificationTopic::Messages)?;
    let Some(to) = crate::db::models::user::find(conn, recipient)?.filter(|_| wants.push) else {
        return Ok(Default::default());
    };
    let name = if sender.id == c.client_id {
        crate::db::models::booking::short_name(&sender.first_name, &sender.last_name)
    } else {
        provider::by_id(conn, c.provider_id)?.display_name
    };
    let i18n = crate::i18n::I18n::new(crate::services::emails::lang_of(to.locale));
    let body: String = message.body.chars().take(140).collect();
    let push = crate::services::push::Push {
        title: i18n.t_with("push-message-title", [("name", name.as_str())]),
        body,
        url: format!("/{}/messages/{}", i18n.lang(), c.id),
        tag: format!("message-{}", c.id),
        lang: i18n.lang().into(),
        urgent: false,
        message: Some(message.id),
    };
    let due = crate::db::now() + crate::domain::outbox::MESSAGE_PUSH_AFTER;
    crate::services::push::notify(conn, recipient, &push, due)
}

/// A booking event as a system message in the pair's conversation (inside the booking's transaction).
pub fn booking_event(
    conn: &mut DbConn,
    client_id: i64,
    provider_id: i64,
    booking_id: i64,
    body: &str,
    now: NaiveDateTime,
) -> Result<Message, AppError> {
    let id = conversation::find_or_create(conn, client_id, provider_id, now)?;
    Ok(conversation::insert_message(conn, id, None, MessageKind::System, body, Some(booking_id), now)?)
}

/// A message waits this long unread before its recipient gets an email…
pub const EMAIL_AFTER: Duration = Duration::minutes(5);
/// …and a conversation sends at most one email in this time.
pub const EMAIL_QUIET: Duration = Duration::hours(1);

/// Emails the recipients of messages left unread for a few minutes, at most one per conversation per hour,
/// unless they turned message emails off. Safe with several instances (the conversation is claimed first, in
/// the transaction that queues its email).
pub fn email_unread(
    conn: &mut DbConn,
    ctx: &crate::services::emails::Context<'_>,
    now: NaiveDateTime,
) -> Result<crate::services::outbox::Queued, AppError> {
    use crate::db::types::NotificationTopic;
    let mut queued = crate::services::outbox::Queued::default();
    for (c, sender, count, latest) in conversation::unread_waiting(conn, now - EMAIL_AFTER, now - EMAIL_QUIET, 200)? {
        let (client, provider_user) = conversation::participants(conn, &c)?;
        let recipient = if sender == client { provider_user } else { client };
        let Some(to) = crate::db::models::user::find(conn, recipient)? else { continue };
        let Some(from) = crate::db::models::user::find(conn, sender)? else { continue };
        // Push already told a person who has a device for it: no email as well.
        let wants = crate::db::models::notification_preference::of_topic(conn, to.id, NotificationTopic::Messages)?;
        let by_push = wants.push && crate::db::models::push_subscription::count_for(conn, to.id)? > 0;
        if !wants.email || by_push {
            continue;
        }
        queued += conn.transaction(|conn| -> Result<_, AppError> {
            if !conversation::claim_email(conn, c.id, now - EMAIL_QUIET, now)? {
                return Ok(Default::default());
            }
            let i18n = crate::i18n::I18n::new(crate::services::emails::lang_of(to.locale));
            let name = if sender == client {
                crate::db::models::booking::short_name(&from.first_name, &from.last_name)
            } else {
                provider::by_id(conn, c.provider_id)?.display_name
            };
            let preview: String = latest.chars().take(300).collect();
            let body = vec![
                i18n.t_with("email-greeting", [("name", to.first_name.as_str())]),
                i18n.t_with("email-message-body", [("name", name.as_str())]),
                preview,
                i18n.t_count("email-message-count", count),
            ];
            let url = format!("{}/{}/messages/{}", ctx.base_url, i18n.lang(), c.id);
            let action = crate::mail::Action { label: i18n.t("email-message-action"), url };
            let subject = i18n.t_with("email-message-subject", [("name", name.as_str())]);
            let email = crate::mail::compose("message", &i18n, ctx.base_url, &to.email, subject, &body, Some(action))?;
            crate::services::outbox::queue(conn, [email])
        })?;
    }
    Ok(queued)
}
