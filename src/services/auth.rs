//! Signing in (with throttling and a second factor), passwords, email change, 2FA and sessions.

use chrono::Duration;
use diesel::Connection;

use crate::db::models::{User, session as sessions, user as users, user_token};
use crate::db::types::{TokenKind, UserStatus};
use crate::db::{DbConn, now};
use crate::domain::validation::{FieldErrors, looks_like_email};
use crate::domain::{password, token, totp};
use crate::error::AppError;
use crate::services::accounts::{self, LinkProblem, issue_token, normalize_email, weakness_key};
use crate::services::audit::{self, Actor, Entry};
use crate::services::emails::Context;
use crate::services::outbox::{self, Queued};
use crate::services::throttle::{self, LoginGate};

pub const RESET_TTL: Duration = Duration::hours(1);
pub const EMAIL_CHANGE_TTL: Duration = Duration::hours(24);

/// A hash to verify against when the email is unknown, so that both answers take as long.
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| password::hash("not a real password"));

#[derive(Debug)]
pub enum LoginOutcome {
    /// Signed in (no second factor).
    Success(User),
    /// The password was right; a code is needed.
    SecondFactor(User),
    /// The password was right but the account is suspended.
    Suspended,
    Invalid,
    /// Throttled: try again in this many seconds.
    Wait(i64),
}

/// Checks a password sign-in, with the growing delay and lock per account and per address.
pub fn login(conn: &mut DbConn, email: &str, plain: &str, actor: &Actor) -> Result<LoginOutcome, AppError> {
    let email = normalize_email(email);
    let ip = actor.ip_address.clone().unwrap_or_else(|| "unknown".into());
    let at = now();
    if let LoginGate::Wait(seconds) = throttle::check_login(conn, &email, &ip, at)? {
        audit::record(
            conn,
            actor,
            Entry::named("auth.login_throttled").with(serde_json::json!({ "email": email, "wait": seconds })),
        )?;
        return Ok(LoginOutcome::Wait(seconds));
    }
    // A suspended account is told so, but only after its password checked out (nothing is revealed to someone
    // who does not know it).
    let user = users::find_by_email(conn, &email)?.filter(|u| u.status != UserStatus::Deleted);
    let ok = match &user {
        Some(u) => password::verify(plain, &u.password_hash),
        None => {
            password::verify(plain, &DUMMY_HASH);
            false
        }
    };
    conn.transaction(|conn| {
        crate::db::models::rate_limit::record_login(conn, &email, &ip, ok, at)?;
        match (user, ok) {
            (Some(user), true) if user.status == UserStatus::Suspended => {
                audit::record(conn, actor, Entry::about_user("auth.login_suspended", user.id))?;
                Ok(LoginOutcome::Suspended)
            }
            (Some(user), true) => {
                if user.two_factor_enabled {
                    audit::record(
                        conn,
                        &Actor { user_id: Some(user.id), ..actor.clone() },
                        Entry::about_user("auth.login_password_ok", user.id),
                    )?;
                    Ok(LoginOutcome::SecondFactor(user))
                } else {
                    complete_login(conn, &user, actor, "password")?;
                    Ok(LoginOutcome::Success(user))
                }
            }
            (user, _) => {
                let entry = match &user {
                    Some(u) => Entry::about_user("auth.login_failed", u.id),
                    None => Entry::named("auth.login_failed"),
                };
                let reason = if user.is_some() { "wrong_password" } else { "unknown_account" };
                audit::record(conn, actor, entry.with(serde_json::json!({ "email": email, "reason": reason })))?;
                // The failure that reaches the lock threshold is recorded as a lockout.
                if let LoginGate::Wait(s) = throttle::check_login(conn, &email, &ip, at)?
                    && s > 60
                {
                    audit::record(
                        conn,
                        actor,
                        Entry::named("auth.lockout").with(serde_json::json!({ "email": email })),
                    )?;
                }
                Ok(LoginOutcome::Invalid)
            }
        }
    })
}

fn complete_login(conn: &mut DbConn, user: &User, actor: &Actor, method: &str) -> Result<(), AppError> {
    users::set_last_login(conn, user.id, now())?;
    // Housekeeping, cheap with the expiry index: expired sessions of anyone are removed.
    sessions::purge_expired(conn, now())?;
    audit::record(
        conn,
        &Actor { user_id: Some(user.id), ..actor.clone() },
        Entry::about_user("auth.login", user.id).with(serde_json::json!({ "method": method })),
    )?;
    Ok(())
}

/// Checks the second factor (a TOTP code, or a recovery code used once) after the password step.
pub fn login_second_factor(
    conn: &mut DbConn,
    user_id: i64,
    code: &str,
    key: &str,
    actor: &Actor,
) -> Result<Option<User>, AppError> {
    let Some(user) = users::find_active(conn, user_id)? else { return Ok(None) };
    let at = now();
    let ip = actor.ip_address.clone().unwrap_or_else(|| "unknown".into());
    if let LoginGate::Wait(_) = throttle::check_login(conn, &user.email, &ip, at)? {
        return Err(AppError::RateLimited);
    }
    conn.transaction(|conn| {
        let method = if check_second_factor(conn, &user, code, key)? { Some("totp") } else { None };
        let method = match method {
            Some(m) => Some(m),
            None if use_recovery_code(conn, &user, code)? => Some("recovery_code"),
            None => None,
        };
        crate::db::models::rate_limit::record_login(conn, &user.email, &ip, method.is_some(), at)?;
        match method {
            Some(method) => {
                complete_login(conn, &user, actor, method)?;
                Ok(Some(user))
            }
            None => {
                audit::record(conn, actor, Entry::about_user("auth.second_factor_failed", user.id))?;
                Ok(None)
            }
        }
    })
}

/// A TOTP code for an account that has 2FA, accepted once per time step.
fn check_second_factor(conn: &mut DbConn, user: &User, code: &str, key: &str) -> Result<bool, AppError> {
    let Some(secret) = user.two_factor_secret.as_deref().and_then(|s| totp::decrypt(s, key)) else { return Ok(false) };
    let unix = chrono::Utc::now().timestamp() as u64;
    match totp::verify(&secret, code, unix, user.two_factor_last_step) {
        Some(step) => Ok(users::advance_two_factor_step(conn, user.id, step)?),
        None => Ok(false),
    }
}

fn use_recovery_code(conn: &mut DbConn, user: &User, code: &str) -> Result<bool, AppError> {
    let Some(stored) = user.two_factor_recovery_codes.as_deref() else { return Ok(false) };
    let hashes: Vec<String> = serde_json::from_str(stored).unwrap_or_default();
    let wanted = token::hash(&totp::normalize_recovery_code(code));
    if !hashes.contains(&wanted) {
        return Ok(false);
    }
    let remaining: Vec<&String> = hashes.iter().filter(|h| **h != wanted).collect();
    let remaining = serde_json::to_string(&remaining).map_err(|e| AppError::internal(e.to_string()))?;
    Ok(users::replace_recovery_codes(conn, user.id, stored, &remaining)?)
}

/// Records a sign-out (the session row itself is deleted by the session middleware).
/// Signs out this session (`sid`, see `db::models::session::SID`): its rows are deleted here, before the caller tells
/// the open sockets (the session middleware's own delete comes after the response).
pub fn logout(conn: &mut DbConn, user_id: i64, sid: Option<&str>, actor: &Actor) -> Result<(), AppError> {
    conn.transaction(|conn| {
        for id in current_session_ids(conn, user_id, sid)? {
            sessions::delete_for_user(conn, user_id, id)?;
        }
        audit::record(conn, actor, Entry::about_user("auth.logout", user_id))?;
        Ok(())
    })
}

/// "Forgot password": the same answer whether the email is known or not; a link for known ones.
pub fn request_password_reset(
    conn: &mut DbConn,
    email: &str,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Queued, AppError> {
    let email = normalize_email(email);
    conn.transaction(|conn| {
        let at = now();
        throttle::hit(conn, throttle::RESET_PER_IP, actor.ip_address.as_deref().unwrap_or("unknown"), at)?;
        let Some(user) = users::find_by_email(conn, &email)?.filter(|u| u.status == UserStatus::Active) else {
            return Ok(Queued::default());
        };
        // Past the per-account limit, stay silent rather than tell the visitor anything.
        if throttle::hit(conn, throttle::RESET_PER_ACCOUNT, &user.id.to_string(), at).is_err() {
            return Ok(Queued::default());
        }
        let link = issue_token(conn, &user, TokenKind::PasswordReset, None, RESET_TTL)?;
        audit::record(conn, actor, Entry::about_user("auth.password_reset_requested", user.id))?;
        outbox::queue(conn, [ctx.password_reset(&user, &link)?])
    })
}

/// Whether a reset link can still be used (for showing the form).
pub fn check_reset_link(conn: &mut DbConn, secret: &str) -> Result<Result<(), LinkProblem>, AppError> {
    if !token::well_formed(secret) {
        return Ok(Err(LinkProblem::Unknown));
    }
    Ok(match user_token::find(conn, TokenKind::PasswordReset, &token::hash(secret))? {
        None => Err(LinkProblem::Unknown),
        Some(t) if t.used_at.is_some() => Err(LinkProblem::Used),
        Some(t) if t.expires_at <= now() => Err(LinkProblem::Expired),
        Some(_) => Ok(()),
    })
}

/// The outcome of a reset form.
pub enum Reset {
    /// The password is set; the emails to send, and whose sessions all ended.
    Done(Queued, i64),
    Invalid(FieldErrors),
    Link(LinkProblem),
}

/// Sets a new password from a reset link: single use, every session ends, the owner is told.
pub fn reset_password(
    conn: &mut DbConn,
    secret: &str,
    new_password: &str,
    confirmation: &str,
    new_hash: impl FnOnce() -> String,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Reset, AppError> {
    if let Err(problem) = check_reset_link(conn, secret)? {
        return Ok(Reset::Link(problem));
    }
    let row = user_token::find(conn, TokenKind::PasswordReset, &token::hash(secret))?.ok_or(AppError::NotFound)?;
    let user = users::find_active(conn, row.user_id)?.ok_or(AppError::NotFound)?;
    let mut errors = FieldErrors::new();
    if let Err(w) = password::check_new(new_password, &[&user.email, &user.first_name, &user.last_name]) {
        errors.add("password", weakness_key(w));
    } else if new_password != confirmation {
        errors.add("password_confirmation", "auth-error-password-mismatch");
    }
    if !errors.is_empty() {
        return Ok(Reset::Invalid(errors));
    }
    let hash = new_hash();
    conn.transaction(|conn| {
        match accounts::consume_token(conn, TokenKind::PasswordReset, secret)? {
            Ok(_) => {}
            Err(problem) => return Ok(Reset::Link(problem)),
        }
        let at = now();
        users::set_password(conn, user.id, &hash, at)?;
        // Whoever knew the old password is signed out everywhere; a verified inbox proves the email.
        sessions::delete_others(conn, user.id, None)?;
        if user.email_verified_at.is_none() {
            users::set_email_verified(conn, user.id, at)?;
        }
        audit::record(
            conn,
            &Actor { user_id: Some(user.id), ..actor.clone() },
            Entry::about_user("auth.password_reset", user.id),
        )?;
        Ok(Reset::Done(outbox::queue(conn, [ctx.password_changed(&user)?])?, user.id))
    })
}

/// The change-password form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ChangePasswordInput {
    #[serde(default)]
    pub current_password: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirmation: String,
}

/// Changes the password (the current one is required) and ends the other sessions.
pub fn change_password(
    conn: &mut DbConn,
    user: &User,
    input: &ChangePasswordInput,
    keep_session: &[i64],
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Result<Queued, FieldErrors>, AppError> {
    let mut errors = FieldErrors::new();
    if !password::verify(&input.current_password, &user.password_hash) {
        errors.add("current_password", "auth-error-password-wrong");
    } else if let Err(w) = password::check_new(&input.password, &[&user.email, &user.first_name, &user.last_name]) {
        errors.add("password", weakness_key(w));
    } else if input.password != input.password_confirmation {
        errors.add("password_confirmation", "auth-error-password-mismatch");
    } else if input.password == input.current_password {
        errors.add("password", "auth-error-password-same");
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let hash = password::hash(&input.password);
    conn.transaction(|conn| {
        users::set_password(conn, user.id, &hash, now())?;
        let ended = end_sessions_except(conn, user.id, keep_session)?;
        audit::record(
            conn,
            actor,
            Entry::about_user("auth.password_changed", user.id).with(serde_json::json!({ "sessions_ended": ended })),
        )?;
        Ok(Ok(outbox::queue(conn, [ctx.password_changed(user)?])?))
    })
}

fn end_sessions_except(conn: &mut DbConn, user_id: i64, keep: &[i64]) -> Result<usize, AppError> {
    let mut ended = 0;
    for s in sessions::list_for_user(conn, user_id, now())? {
        if !keep.contains(&s.id) {
            ended += sessions::delete_for_user(conn, user_id, s.id)?;
        }
    }
    Ok(ended)
}

/// The ids of the session rows that carry this session's public id.
pub fn current_session_ids(conn: &mut DbConn, user_id: i64, sid: Option<&str>) -> Result<Vec<i64>, AppError> {
    let Some(sid) = sid else { return Ok(Vec::new()) };
    Ok(sessions::list_for_user(conn, user_id, now())?
        .into_iter()
        .filter(|s| {
            serde_json::from_str::<std::collections::HashMap<String, String>>(&s.state)
                .ok()
                .and_then(|m| m.get(sessions::SID).cloned())
                .is_some_and(|v| v == format!("\"{sid}\""))
        })
        .map(|s| s.id)
        .collect())
}

/// Ends one of the user's own sessions (another user's id is simply not found).
pub fn revoke_session(conn: &mut DbConn, user: &User, session_id: i64, actor: &Actor) -> Result<bool, AppError> {
    conn.transaction(|conn| {
        let ended = sessions::delete_for_user(conn, user.id, session_id)? == 1;
        if ended {
            audit::record(
                conn,
                actor,
                Entry::about_user("auth.session_revoked", user.id).with(serde_json::json!({ "session": session_id })),
            )?;
        }
        Ok(ended)
    })
}

pub fn revoke_other_sessions(conn: &mut DbConn, user: &User, keep: &[i64], actor: &Actor) -> Result<usize, AppError> {
    conn.transaction(|conn| {
        let ended = end_sessions_except(conn, user.id, keep)?;
        audit::record(
            conn,
            actor,
            Entry::about_user("auth.sessions_revoked", user.id).with(serde_json::json!({ "count": ended })),
        )?;
        Ok(ended)
    })
}

/// The change-email form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ChangeEmailInput {
    #[serde(default)]
    pub new_email: String,
    #[serde(default)]
    pub email_password: String,
}

/// Sends a confirmation link to the new address and a notice to the current one. An address that is
/// already taken gets the same answer (its owner is not revealed) and no link.
pub fn request_email_change(
    conn: &mut DbConn,
    user: &User,
    input: &ChangeEmailInput,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Result<Queued, FieldErrors>, AppError> {
    let new_email = normalize_email(&input.new_email);
    let mut errors = FieldErrors::new();
    if !looks_like_email(&new_email) {
        errors.add("new_email", "auth-error-email-invalid");
    } else if new_email == user.email {
        errors.add("new_email", "account-error-email-same");
    }
    if !password::verify(&input.email_password, &user.password_hash) {
        errors.add("email_password", "auth-error-password-wrong");
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    conn.transaction(|conn| {
        throttle::hit(conn, throttle::EMAIL_CHANGE_PER_ACCOUNT, &user.id.to_string(), now())?;
        audit::record(conn, actor, Entry::about_user("account.email_change_requested", user.id))?;
        if users::find_by_email(conn, &new_email)?.is_some() {
            return Ok(Ok(Queued::default()));
        }
        let link = issue_token(conn, user, TokenKind::EmailChange, Some(&new_email), EMAIL_CHANGE_TTL)?;
        Ok(Ok(outbox::queue(conn, [ctx.email_change_confirm(user, &new_email, &link)?])?))
    })
}

/// Follows the link sent to the new address: the account's email changes, the old address is told.
pub fn confirm_email_change(
    conn: &mut DbConn,
    secret: &str,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Result<Queued, LinkProblem>, AppError> {
    conn.transaction(|conn| {
        let row = match accounts::consume_token(conn, TokenKind::EmailChange, secret)? {
            Ok(row) => row,
            Err(problem) => return Ok(Err(problem)),
        };
        let user = users::find_active(conn, row.user_id)?.ok_or(AppError::NotFound)?;
        let new_email = row.new_email.clone().ok_or(AppError::NotFound)?;
        if users::find_by_email(conn, &new_email)?.is_some() {
            return Ok(Err(LinkProblem::Used));
        }
        users::set_email(conn, user.id, &new_email, now())?;
        audit::record(
            conn,
            &Actor { user_id: Some(user.id), ..actor.clone() },
            Entry::about_user("account.email_changed", user.id)
                .with(serde_json::json!({ "from": user.email, "to": new_email })),
        )?;
        Ok(Ok(outbox::queue(conn, [ctx.email_change_notice(&user, &user.email)?])?))
    })
}

/// What turning 2FA on gives back: the recovery codes to show once and the notice to send.
pub type Enabled = (Vec<String>, Queued);

/// Turns 2FA on with a secret the user has just scanned, after checking a code from the app.
/// Returns the ten recovery codes to show once.
pub fn enable_two_factor(
    conn: &mut DbConn,
    user: &User,
    secret: &[u8],
    code: &str,
    key: &str,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Option<Enabled>, AppError> {
    let unix = chrono::Utc::now().timestamp() as u64;
    let Some(step) = totp::verify(secret, code, unix, None) else { return Ok(None) };
    let codes = totp::recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| token::hash(c)).collect();
    let stored_codes = serde_json::to_string(&hashes).map_err(|e| AppError::internal(e.to_string()))?;
    conn.transaction(|conn| {
        users::set_two_factor(
            conn,
            user.id,
            Some(&totp::encrypt(secret, key)),
            Some(&stored_codes),
            Some(step),
            now(),
        )?;
        audit::record(conn, actor, Entry::about_user("auth.two_factor_enabled", user.id))?;
        Ok(Some((codes, outbox::queue(conn, [ctx.two_factor_changed(user, true)?])?)))
    })
}

/// Turns 2FA off; needs the password and a current code (or a recovery code). Admins cannot.
pub fn disable_two_factor(
    conn: &mut DbConn,
    user: &User,
    plain_password: &str,
    code: &str,
    key: &str,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Result<Queued, FieldErrors>, AppError> {
    let mut errors = FieldErrors::new();
    if user.role == crate::db::types::UserRole::Admin {
        errors.add("code", "account-2fa-error-admin");
        return Ok(Err(errors));
    }
    if !password::verify(plain_password, &user.password_hash) {
        errors.add("password", "auth-error-password-wrong");
        return Ok(Err(errors));
    }
    conn.transaction(|conn| {
        if !(check_second_factor(conn, user, code, key)? || use_recovery_code(conn, user, code)?) {
            let mut errors = FieldErrors::new();
            errors.add("code", "auth-error-code-wrong");
            return Ok(Err(errors));
        }
        users::set_two_factor(conn, user.id, None, None, None, now())?;
        audit::record(conn, actor, Entry::about_user("auth.two_factor_disabled", user.id))?;
        Ok(Ok(outbox::queue(conn, [ctx.two_factor_changed(user, false)?])?))
    })
}

/// How many recovery codes are left.
pub fn recovery_codes_left(user: &User) -> usize {
    user.two_factor_recovery_codes
        .as_deref()
        .and_then(|s| serde_json::from_str::<Vec<String>>(s).ok())
        .map_or(0, |v| v.len())
}

/// Recent sessions and security events for the security page.
pub fn security_overview(
    conn: &mut DbConn,
    user: &User,
) -> Result<(Vec<sessions::Session>, Vec<crate::db::models::audit_log::AuditLog>), AppError> {
    Ok((
        sessions::list_for_user(conn, user.id, now())?,
        crate::db::models::audit_log::security_events(conn, user.id, 20)?,
    ))
}
