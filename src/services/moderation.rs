//! Reports about conversations, messages and pictures, and the back office's decisions on them: hide a message with a
//! reason (or show it again), warn a participant, dismiss the reports. Each is one transaction with its audit
//! row; the person concerned is emailed. Suspension goes through `admin_users`.

use chrono::NaiveDateTime;
use diesel::Connection;

use crate::db::DbConn;
use crate::db::models::media::{self, Media};
use crate::db::models::{User, conversation, report, user};
use crate::db::types::{MediaKind, MessageKind, ReportStatus, ReportTarget, UserStatus};
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};
use crate::services::bookings::Outcome;
use crate::services::emails::Context;
use crate::services::live::{Envelope, Event};

use crate::services::Refused;

fn reason_of(reason: &str) -> Result<&str, Refused> {
    let reason = reason.trim();
    if (5..=1000).contains(&reason.chars().count()) {
        Ok(reason)
    } else {
        Err(Refused::field("reason", "moderation-error-reason"))
    }
}

/// A participant reports the conversation, or one of the other party's messages in it. Anyone else, a hidden
/// or system message, or one's own: 404.
#[allow(clippy::too_many_arguments)]
pub fn report(
    conn: &mut DbConn,
    reporter: &User,
    conversation_id: i64,
    message_id: Option<i64>,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<(), Refused>, AppError> {
    let (c, _) = crate::services::messages::participant(conn, reporter, conversation_id)?;
    if let Some(id) = message_id {
        reportable(conn, reporter, c.id, id)?;
    }
    let reason = match reason_of(reason) {
        Ok(reason) => reason,
        Err(refused) => return Ok(Err(refused)),
    };
    conn.transaction(|conn| {
        let (kind, target, action, about) = match message_id {
            Some(id) => (ReportTarget::Message, id, "message.reported", "message"),
            None => (ReportTarget::Conversation, c.id, "conversation.reported", "conversation"),
        };
        if report::file(conn, reporter.id, kind, target, reason, now)? {
            audit::record(conn, actor, Entry::named(action).about(about, target))?;
        }
        Ok(Ok(()))
    })
}

/// The message the form reports, if the reporter may report it.
pub fn reportable(
    conn: &mut DbConn,
    reporter: &User,
    conversation_id: i64,
    message_id: i64,
) -> Result<conversation::Message, AppError> {
    conversation::message(conn, message_id)?
        .filter(|m| {
            m.conversation_id == conversation_id
                && m.hidden_at.is_none()
                && m.kind != MessageKind::System
                && m.sender_id != Some(reporter.id)
        })
        .ok_or(AppError::NotFound)
}

/// Hides a message with a reason (its reports are resolved) or shows it again; its author is emailed and both
/// participants' open pages refresh. Returns the conversation (the page to go back to) and the outcome.
#[allow(clippy::too_many_arguments)]
pub fn set_hidden(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    admin: &User,
    message_id: i64,
    hide: bool,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<(i64, Result<Outcome, Refused>), AppError> {
    let m =
        conversation::message(conn, message_id)?.filter(|m| m.kind != MessageKind::System).ok_or(AppError::NotFound)?;
    let c = conversation::find(conn, m.conversation_id)?.ok_or(AppError::NotFound)?;
    let reason = match reason_of(reason) {
        Ok(reason) => reason,
        Err(refused) => return Ok((c.id, Err(refused))),
    };
    let outcome = conn.transaction(|conn| -> Result<Result<Outcome, Refused>, AppError> {
        if !conversation::set_hidden(conn, m.id, hide, reason, now)? {
            return Ok(Err(Refused::Rule("moderation-error-changed")));
        }
        if hide {
            report::close(conn, ReportTarget::Message, &[m.id], ReportStatus::Resolved, admin.id, reason, now)?;
        }
        audit::record(
            conn,
            actor,
            Entry::named(if hide { "message.hidden" } else { "message.restored" })
                .about("message", m.id)
                .with_new(serde_json::json!({ "conversation": c.id, "reason": reason })),
        )?;
        let mut outcome = Outcome::default();
        if let Some(author) = m.sender_id.map(|id| user::find(conn, id)).transpose()?.flatten() {
            let kind = if hide { "hidden-message" } else { "restored-message" };
            outcome.emails += crate::services::outbox::queue(conn, [ctx.account_decision(&author, kind, reason)?])?;
        }
        let (client, provider_user) = conversation::participants(conn, &c)?;
        outcome.live.push(Envelope { users: vec![client, provider_user], event: Event::Read { conversation: c.id } });
        Ok(Ok(outcome))
    })?;
    Ok((c.id, outcome))
}

/// Warns a participant of the conversation by email, with the reason.
#[allow(clippy::too_many_arguments)]
pub fn warn(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    admin: &User,
    conversation_id: i64,
    user_id: i64,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Outcome, Refused>, AppError> {
    let c = conversation::find(conn, conversation_id)?.ok_or(AppError::NotFound)?;
    let (client, provider_user) = conversation::participants(conn, &c)?;
    if user_id != client && user_id != provider_user {
        return Err(AppError::NotFound);
    }
    let target = user::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    let reason = match reason_of(reason) {
        Ok(reason) => reason,
        Err(refused) => return Ok(Err(refused)),
    };
    if target.status == UserStatus::Deleted || target.id == admin.id {
        return Ok(Err(Refused::Rule("moderation-error-changed")));
    }
    conn.transaction(|conn| {
        audit::record(
            conn,
            actor,
            Entry::about_user("admin.user_warned", target.id)
                .with_new(serde_json::json!({ "conversation": c.id, "reason": reason, "at": now })),
        )?;
        Ok(Ok(Outcome {
            emails: crate::services::outbox::queue(conn, [ctx.account_decision(&target, "warned", reason)?])?,
            live: Vec::new(),
            pictures: Vec::new(),
        }))
    })
}

/// Dismisses the open reports about a conversation and its messages, with a note.
pub fn dismiss(
    conn: &mut DbConn,
    admin: &User,
    conversation_id: i64,
    note: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<(), Refused>, AppError> {
    let c = conversation::find(conn, conversation_id)?.ok_or(AppError::NotFound)?;
    let note = match reason_of(note) {
        Ok(note) => note,
        Err(refused) => return Ok(Err(refused)),
    };
    conn.transaction(|conn| {
        let open = report::about_conversations(conn, Some(c.id), 1000)?;
        let messages: Vec<i64> = open.iter().filter_map(|r| r.message_id).collect();
        let closed =
            report::close(conn, ReportTarget::Conversation, &[c.id], ReportStatus::Dismissed, admin.id, note, now)?
                + report::close(conn, ReportTarget::Message, &messages, ReportStatus::Dismissed, admin.id, note, now)?;
        if closed == 0 {
            return Ok(Err(Refused::Rule("moderation-error-changed")));
        }
        audit::record(
            conn,
            actor,
            Entry::named("conversation.reports_dismissed")
                .about("conversation", c.id)
                .with_new(serde_json::json!({ "reports": closed, "note": note })),
        )?;
        Ok(Ok(()))
    })
}

/// A picture the reporter may report: one shown to others (a profile photo, a portfolio picture, an avatar) and
/// not their own. Anything else: 404.
pub fn reportable_photo(conn: &mut DbConn, reporter_id: i64, media_id: i64) -> Result<Media, AppError> {
    media::find(conn, media_id)?
        .filter(|m| m.kind != MediaKind::MessageAttachment && m.owner_id != reporter_id)
        .ok_or(AppError::NotFound)
}

/// Someone signed in reports a picture to the back office (once while the report is open).
pub fn report_photo(
    conn: &mut DbConn,
    reporter: &User,
    media_id: i64,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<(), Refused>, AppError> {
    let picture = reportable_photo(conn, reporter.id, media_id)?;
    let reason = match reason_of(reason) {
        Ok(reason) => reason,
        Err(refused) => return Ok(Err(refused)),
    };
    conn.transaction(|conn| {
        if report::file(conn, reporter.id, ReportTarget::Photo, picture.id, reason, now)? {
            audit::record(conn, actor, Entry::named("photo.reported").about("media", picture.id))?;
        }
        Ok(Ok(()))
    })
}

/// Removes a picture with a reason: its row goes (pages show the initials again, the portfolio closes up), its
/// reports are resolved and its owner is emailed; its files are removed after the commit (`Outcome::pictures`).
#[allow(clippy::too_many_arguments)]
pub fn remove_photo(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    admin: &User,
    media_id: i64,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Outcome, Refused>, AppError> {
    let picture = media::find(conn, media_id)?.ok_or(AppError::NotFound)?;
    let reason = match reason_of(reason) {
        Ok(reason) => reason,
        Err(refused) => return Ok(Err(refused)),
    };
    conn.transaction(|conn| {
        media::delete(conn, picture.id)?;
        report::close(conn, ReportTarget::Photo, &[picture.id], ReportStatus::Resolved, admin.id, reason, now)?;
        audit::record(
            conn,
            actor,
            Entry::named("photo.removed")
                .about("media", picture.id)
                .with_new(serde_json::json!({ "owner": picture.owner_id, "kind": picture.kind, "reason": reason })),
        )?;
        let mut outcome = Outcome::default();
        if let Some(owner) = user::find(conn, picture.owner_id)?.filter(|u| u.status != UserStatus::Deleted) {
            outcome.emails +=
                crate::services::outbox::queue(conn, [ctx.account_decision(&owner, "removed-photo", reason)?])?;
        }
        outcome.pictures.push((picture.storage_key.clone(), picture.width.unwrap_or(0).max(0) as u32));
        Ok(Ok(outcome))
    })
}

/// Dismisses the open reports about a picture, with a note.
pub fn dismiss_photo(
    conn: &mut DbConn,
    admin: &User,
    media_id: i64,
    note: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<(), Refused>, AppError> {
    let note = match reason_of(note) {
        Ok(note) => note,
        Err(refused) => return Ok(Err(refused)),
    };
    conn.transaction(|conn| {
        let closed =
            report::close(conn, ReportTarget::Photo, &[media_id], ReportStatus::Dismissed, admin.id, note, now)?;
        if closed == 0 {
            return Ok(Err(Refused::Rule("moderation-error-changed")));
        }
        audit::record(
            conn,
            actor,
            Entry::named("photo.reports_dismissed")
                .about("media", media_id)
                .with_new(serde_json::json!({ "reports": closed, "note": note })),
        )?;
        Ok(Ok(()))
    })
}
