//! The back office's decisions about an account: suspend (its sessions end, a provider leaves search, the
//! sitemap and favorites, each open booking is cancelled and the other party told), reactivate, verify the
//! email by hand, change the role, grant or revoke a provider's verified badge, anonymise and delete. Each
//! is one transaction with its audit row, and the person is emailed.

use chrono::NaiveDateTime;
use diesel::Connection;

use crate::db::DbConn;
use crate::db::models::{User, booking, provider, session, user};
use crate::db::types::{ProviderStatus, UserRole, UserStatus};
use crate::domain::booking::{Action, Party};
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};
use crate::services::bookings::{ActInput, Outcome};
use crate::services::emails::Context;
use crate::services::live::{Envelope, Event};

/// What the admin decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Suspend,
    Reactivate,
    VerifyEmail,
    Role(UserRole),
    /// The provider's verified badge: granted (true) or revoked.
    Badge(bool),
    /// Anonymise and delete (as the person can do themselves).
    Delete,
}

/// Applies a decision; `Ok(Err(key))`: refused with a message (nothing changed).
#[allow(clippy::too_many_arguments)]
pub fn decide(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    admin: &User,
    id: i64,
    decision: Decision,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<Outcome, &'static str>, AppError> {
    let target = user::find(conn, id)?.ok_or(AppError::NotFound)?;
    let reason = reason.trim();
    if target.id == admin.id {
        return Ok(Err("admin-user-error-self"));
    }
    if target.status == UserStatus::Deleted {
        return Ok(Err("admin-user-error-deleted"));
    }
    let needs_reason =
        matches!(decision, Decision::Suspend | Decision::Reactivate | Decision::Badge(false) | Decision::Delete);
    if needs_reason && !(5..=1000).contains(&reason.chars().count()) {
        return Ok(Err("admin-user-error-reason"));
    }
    if decision == Decision::Delete {
        let mut outcome = cancel_open_bookings(conn, ctx, admin, id, reason, now, actor)?;
        match crate::services::accounts::delete_account(conn, &target, true, actor, ctx)? {
            Ok(deleted) => {
                outcome.emails += deleted.emails;
                outcome.pictures = deleted.pictures;
                outcome.live.push(Envelope { users: vec![id], event: Event::SessionsEnded });
            }
            Err(_) => return Ok(Err("admin-user-error-moved")),
        }
        audit::record(
            conn,
            actor,
            Entry::about_user("admin.user_deleted", id).with_new(serde_json::json!({ "reason": reason })),
        )?;
        return Ok(Ok(outcome));
    }
    let mut outcome = conn.transaction(|conn| -> Result<Result<Outcome, &'static str>, AppError> {
        let provider_id = provider::id_for_user(conn, id)?;
        let (action, detail) = match decision {
            Decision::Suspend => {
                if !user::set_status(conn, id, UserStatus::Active, UserStatus::Suspended, Some(reason), now)? {
                    return Ok(Err("admin-user-error-moved"));
                }
                session::delete_others(conn, id, None)?;
                if let Some(pid) = provider_id {
                    provider::change_status(
                        conn,
                        pid,
                        ProviderStatus::Approved,
                        ProviderStatus::Suspended,
                        Some(reason),
                        now,
                    )?;
                }
                ("admin.user_suspended", reason.to_string())
            }
            Decision::Reactivate => {
                if !user::set_status(conn, id, UserStatus::Suspended, UserStatus::Active, None, now)? {
                    return Ok(Err("admin-user-error-moved"));
                }
                if let Some(pid) = provider_id {
                    provider::change_status(conn, pid, ProviderStatus::Suspended, ProviderStatus::Approved, None, now)?;
                }
                ("admin.user_reactivated", reason.to_string())
            }
            Decision::VerifyEmail => {
                if target.email_verified_at.is_some() {
                    return Ok(Err("admin-user-error-moved"));
                }
                user::set_email_verified(conn, id, now)?;
                ("admin.user_email_verified", String::new())
            }
            Decision::Role(role) => {
                if target.role == role {
                    return Ok(Err("admin-user-error-moved"));
                }
                user::set_role(conn, id, role, now)?;
                // A new role, a new session (an administrator's are shorter, and never remembered).
                session::delete_others(conn, id, None)?;
                ("admin.user_role_changed", role.as_str().to_string())
            }
            Decision::Badge(verified) => {
                let Some(pid) = provider_id else { return Ok(Err("admin-user-error-not-provider")) };
                if !provider::set_verified(conn, pid, verified, now)? {
                    return Ok(Err("admin-user-error-moved"));
                }
                (if verified { "admin.provider_verified" } else { "admin.provider_unverified" }, reason.to_string())
            }
            Decision::Delete => unreachable!("handled above"),
        };
        audit::record(
            conn,
            actor,
            Entry::about_user(action, id).with_new(serde_json::json!({ "detail": detail, "status": target.status })),
        )?;
        let kind = match decision {
            Decision::Suspend => "suspended",
            Decision::Reactivate => "reactivated",
            Decision::VerifyEmail => "verified",
            Decision::Badge(true) => "badge",
            Decision::Badge(false) => "badge-revoked",
            _ => "role",
        };
        // A suspended account, or one whose role changed, is signed out everywhere: its open sockets close too.
        let live = if matches!(decision, Decision::Suspend | Decision::Role(_)) {
            vec![Envelope { users: vec![id], event: Event::SessionsEnded }]
        } else {
            Vec::new()
        };
        Ok(Ok(Outcome {
            emails: crate::services::outbox::queue(conn, [ctx.account_decision(&target, kind, &detail)?])?,
            live,
            pictures: Vec::new(),
        }))
    })?;
    if let (Ok(out), Decision::Suspend) = (&mut outcome, decision) {
        out.extend(cancel_open_bookings(conn, ctx, admin, id, reason, now, actor)?);
    }
    Ok(outcome)
}

/// Cancels the person's open bookings as the back office, which tells both parties (one transaction each).
fn cancel_open_bookings(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    admin: &User,
    id: i64,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Outcome, AppError> {
    let mut outcome = Outcome::default();
    let provider_id = provider::id_for_user(conn, id)?;
    let input = ActInput { reason: reason.to_string(), ..ActInput::default() };
    for (booking_id, _, _) in booking::open_for_party(conn, id, provider_id)? {
        let cancelled = crate::services::bookings::act(
            conn,
            ctx,
            admin,
            booking_id,
            Party::Admin,
            Action::Cancel,
            &input,
            now,
            actor,
        )?;
        if let Ok(cancelled) = cancelled {
            outcome.extend(cancelled);
        }
    }
    Ok(outcome)
}

/// Deactivates a provider's service with a reason the provider is emailed. Returns the provider's user id
/// (the page to go back to) and the queued email, or the refusal's key.
pub fn deactivate_service(
    conn: &mut DbConn,
    ctx: &Context<'_>,
    service_id: i64,
    reason: &str,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<(i64, Result<crate::services::outbox::Queued, &'static str>), AppError> {
    use crate::db::models::service;
    let found = service::find(conn, service_id)?.ok_or(AppError::NotFound)?;
    let owner = provider::by_id(conn, found.provider_id)?;
    let reason = reason.trim();
    if !(5..=1000).contains(&reason.chars().count()) {
        return Ok((owner.user_id, Err("admin-user-error-reason")));
    }
    conn.transaction(|conn| {
        if !service::deactivate(conn, service_id, now)? {
            return Ok((owner.user_id, Err("admin-user-error-moved")));
        }
        provider::refresh_search(conn, owner.id)?;
        audit::record(
            conn,
            actor,
            Entry::named("admin.service_deactivated")
                .about("service", service_id)
                .with_new(serde_json::json!({ "reason": reason })),
        )?;
        let person = user::find(conn, owner.user_id)?.ok_or(AppError::NotFound)?;
        let detail = format!("« {} » — {reason}", found.name_fr);
        Ok((
            owner.user_id,
            Ok(crate::services::outbox::queue(conn, [ctx.account_decision(&person, "service", &detail)?])?),
        ))
    })
}
