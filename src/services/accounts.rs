//! Registration, email verification, profile, notification preferences and account deletion.

use chrono::Duration;
use diesel::Connection;

use crate::db::models::{NewUser, User, booking, notification_preference, provider, user as users, user_token};
use crate::db::types::{Locale, NotificationKind, NotificationTopic, TokenKind, UserRole};
use crate::db::{DbConn, now};
use crate::domain::validation::{FieldErrors, looks_like_email, trimmed};
use crate::domain::{password, phone, token};
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};
use crate::services::emails::Context;
use crate::services::outbox::{self, Queued};
use crate::services::throttle;

pub const VERIFICATION_TTL: Duration = Duration::hours(24);

/// The registration form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct RegisterInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirmation: String,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub terms: Option<String>,
}

/// Maps a password weakness to its message.
pub fn weakness_key(w: password::Weakness) -> &'static str {
    match w {
        password::Weakness::TooShort => "auth-error-password-too-short",
        password::Weakness::TooLong => "auth-error-password-too-long",
        password::Weakness::Common => "auth-error-password-common",
        password::Weakness::Guessable => "auth-error-password-guessable",
        password::Weakness::Predictable(password::Pattern::Keyboard) => "auth-error-password-keyboard",
        password::Weakness::Predictable(password::Pattern::Dates) => "auth-error-password-dates",
        password::Weakness::Predictable(password::Pattern::Words) => "auth-error-password-words",
        password::Weakness::Predictable(password::Pattern::Short) => "auth-error-password-weak",
    }
}

pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn validate_name(errors: &mut FieldErrors, field: &'static str, value: &str) -> String {
    let (name, len) = trimmed(value);
    let (required, too_long) = if field == "first_name" {
        ("auth-error-first-name-required", "auth-error-first-name-too-long")
    } else {
        ("auth-error-last-name-required", "auth-error-last-name-too-long")
    };
    if len == 0 {
        errors.add(field, required);
    } else if len > 60 {
        errors.add(field, too_long);
    }
    name
}

/// A validated registration.
pub struct Registration {
    pub email: String,
    pub password: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub role: UserRole,
}

pub fn validate_registration(input: &RegisterInput) -> Result<Registration, FieldErrors> {
    let mut errors = FieldErrors::new();
    // Checked in the order of the form, so that the error summary reads like it.
    // Only these two roles can be chosen on a form; ADMIN never is.
    let role = match input.role.as_str() {
        "CLIENT" => Some(UserRole::Client),
        "PROVIDER" => Some(UserRole::Provider),
        _ => {
            errors.add("role", "auth-error-role-required");
            None
        }
    };
    let first_name = validate_name(&mut errors, "first_name", &input.first_name);
    let last_name = validate_name(&mut errors, "last_name", &input.last_name);
    let email = normalize_email(&input.email);
    if email.is_empty() {
        errors.add("email", "auth-error-email-required");
    } else if !looks_like_email(&email) {
        errors.add("email", "auth-error-email-invalid");
    }
    let phone = match phone::normalize_moroccan(&input.phone) {
        Some(p) => p,
        None => {
            errors.add(
                "phone",
                if input.phone.trim().is_empty() { "auth-error-phone-required" } else { "auth-error-phone-invalid" },
            );
            String::new()
        }
    };
    if let Err(w) = password::check_new(&input.password, &[&email, &first_name, &last_name]) {
        errors.add("password", weakness_key(w));
    } else if input.password != input.password_confirmation {
        errors.add("password_confirmation", "auth-error-password-mismatch");
    }
    if input.terms.as_deref() != Some("yes") {
        errors.add("terms", "auth-error-terms-required");
    }
    match role {
        Some(role) if errors.is_empty() => {
            Ok(Registration { email, password: input.password.clone(), first_name, last_name, phone, role })
        }
        _ => Err(errors),
    }
}

/// Creates the account and its verification link, or — for an address already registered — tells its
/// owner by email. Both give the visitor the same answer. Queues the email.
pub fn register(
    conn: &mut DbConn,
    reg: &Registration,
    password_hash: &str,
    locale: Locale,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Queued, AppError> {
    conn.transaction(|conn| {
        let at = now();
        throttle::hit(conn, throttle::REGISTER_PER_IP, actor.ip_address.as_deref().unwrap_or("unknown"), at)?;
        if let Some(existing) = users::find_by_email(conn, &reg.email)? {
            audit::record(conn, actor, Entry::about_user("auth.register_existing_email", existing.id))?;
            return outbox::queue(conn, [ctx.account_exists(&existing)?]);
        }
        let id = users::insert(
            conn,
            &NewUser {
                email: &reg.email,
                password_hash,
                first_name: &reg.first_name,
                last_name: &reg.last_name,
                phone: Some(&reg.phone),
                role: reg.role,
                locale,
                city_id: None,
                email_verified_at: None,
                created_at: at,
                updated_at: at,
            },
        )?;
        let user = users::find(conn, id)?.ok_or(AppError::NotFound)?;
        let actor = Actor { user_id: Some(id), ..actor.clone() };
        audit::record(
            conn,
            &actor,
            Entry::about_user("auth.registered", id).with(serde_json::json!({ "role": reg.role })),
        )?;
        let link = issue_token(conn, &user, TokenKind::EmailVerification, None, VERIFICATION_TTL)?;
        outbox::queue(conn, [ctx.verify_email(&user, &link)?])
    })
}

/// A new single-use token of a kind (older unused ones are retired); returns the secret for the link.
pub fn issue_token(
    conn: &mut DbConn,
    user: &User,
    kind: TokenKind,
    new_email: Option<&str>,
    ttl: Duration,
) -> Result<String, AppError> {
    let at = now();
    user_token::retire_all(conn, user.id, kind, at)?;
    let secret = token::random();
    user_token::insert(conn, user.id, kind, &token::hash(&secret), new_email, at, at + ttl)?;
    Ok(secret)
}

/// Why a link from an email did not work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    Unknown,
    Expired,
    Used,
}

/// Checks and consumes a token; returns the token row.
pub fn consume_token(
    conn: &mut DbConn,
    kind: TokenKind,
    secret: &str,
) -> Result<Result<user_token::UserToken, LinkProblem>, AppError> {
    if !token::well_formed(secret) {
        return Ok(Err(LinkProblem::Unknown));
    }
    let Some(row) = user_token::find(conn, kind, &token::hash(secret))? else { return Ok(Err(LinkProblem::Unknown)) };
    let at = now();
    if row.used_at.is_some() {
        return Ok(Err(LinkProblem::Used));
    }
    if row.expires_at <= at {
        return Ok(Err(LinkProblem::Expired));
    }
    if !user_token::consume(conn, row.id, at)? {
        return Ok(Err(LinkProblem::Used));
    }
    Ok(Ok(row))
}

/// The outcome of following a verification link.
#[derive(Debug, PartialEq, Eq)]
pub enum Verification {
    Verified,
    AlreadyVerified,
    Failed(LinkProblem),
}

pub fn verify_email(conn: &mut DbConn, secret: &str, actor: &Actor) -> Result<Verification, AppError> {
    conn.transaction(|conn| {
        match consume_token(conn, TokenKind::EmailVerification, secret)? {
            Ok(row) => {
                let user = users::find_active(conn, row.user_id)?.ok_or(AppError::NotFound)?;
                if user.email_verified_at.is_some() {
                    return Ok(Verification::AlreadyVerified);
                }
                users::set_email_verified(conn, user.id, now())?;
                audit::record(
                    conn,
                    &Actor { user_id: Some(user.id), ..actor.clone() },
                    Entry::about_user("auth.email_verified", user.id),
                )?;
                Ok(Verification::Verified)
            }
            Err(LinkProblem::Used) if token::well_formed(secret) => {
                // A link followed twice (or prefetched by a mail scanner) after it worked: still fine.
                let row = user_token::find(conn, TokenKind::EmailVerification, &token::hash(secret))?;
                let verified = match row {
                    Some(r) => users::find(conn, r.user_id)?.is_some_and(|u| u.email_verified_at.is_some()),
                    None => false,
                };
                Ok(if verified { Verification::AlreadyVerified } else { Verification::Failed(LinkProblem::Used) })
            }
            Err(problem) => Ok(Verification::Failed(problem)),
        }
    })
}

/// Sends a new verification link (limited per account and per address).
pub fn resend_verification(
    conn: &mut DbConn,
    user: &User,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Queued, AppError> {
    if user.email_verified_at.is_some() {
        return Ok(Queued::default());
    }
    conn.transaction(|conn| {
        let at = now();
        throttle::hit(conn, throttle::RESEND_PER_ACCOUNT, &user.id.to_string(), at)?;
        throttle::hit(conn, throttle::RESEND_PER_IP, actor.ip_address.as_deref().unwrap_or("unknown"), at)?;
        let link = issue_token(conn, user, TokenKind::EmailVerification, None, VERIFICATION_TTL)?;
        audit::record(conn, actor, Entry::about_user("auth.verification_resent", user.id))?;
        outbox::queue(conn, [ctx.verify_email(user, &link)?])
    })
}

/// The profile form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ProfileInput {
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub locale: String,
}

impl ProfileInput {
    pub fn from_user(user: &User) -> Self {
        ProfileInput {
            first_name: user.first_name.clone(),
            last_name: user.last_name.clone(),
            phone: user.phone.as_deref().map(phone::display_national).unwrap_or_default(),
            locale: user.locale.as_str().to_string(),
        }
    }
}

pub fn update_profile(
    conn: &mut DbConn,
    user: &User,
    input: &ProfileInput,
    actor: &Actor,
) -> Result<Result<(), FieldErrors>, AppError> {
    let mut errors = FieldErrors::new();
    let first_name = validate_name(&mut errors, "first_name", &input.first_name);
    let last_name = validate_name(&mut errors, "last_name", &input.last_name);
    let phone = phone::normalize_moroccan(&input.phone);
    if phone.is_none() {
        errors.add(
            "phone",
            if input.phone.trim().is_empty() { "auth-error-phone-required" } else { "auth-error-phone-invalid" },
        );
    }
    let locale = input.locale.parse::<Locale>().ok();
    if locale.is_none() {
        errors.add("locale", "account-error-locale");
    }
    let (Some(locale), true) = (locale, errors.is_empty()) else { return Ok(Err(errors)) };
    conn.transaction(|conn| {
        users::update_profile(
            conn,
            user.id,
            &users::ProfileChanges {
                first_name: &first_name,
                last_name: &last_name,
                phone: phone.as_deref(),
                locale,
                updated_at: now(),
            },
        )?;
        audit::record(
            conn,
            actor,
            Entry::about_user("account.profile_updated", user.id).with(serde_json::json!({ "locale": locale })),
        )?;
        Ok(Ok(()))
    })
}

/// The language switcher, signed in: the account speaks this language from now on (site and emails).
pub fn set_language(conn: &mut DbConn, user: &User, lang: crate::i18n::Lang, actor: &Actor) -> Result<(), AppError> {
    let locale = match lang {
        crate::i18n::Lang::Fr => Locale::Fr,
        crate::i18n::Lang::Ar => Locale::Ar,
        crate::i18n::Lang::En => Locale::En,
    };
    if user.locale == locale {
        return Ok(());
    }
    conn.transaction(|conn| {
        users::set_locale(conn, user.id, locale, now())?;
        audit::record(
            conn,
            actor,
            Entry::about_user("account.language_changed", user.id).with(serde_json::json!({ "locale": locale })),
        )?;
        Ok(())
    })
}

/// Saves the email and push switches per topic (in-app notifications stay on: they are the inbox).
pub fn update_notifications(
    conn: &mut DbConn,
    user: &User,
    email_on: &[NotificationTopic],
    push_on: &[NotificationTopic],
    actor: &Actor,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        let prefs: Vec<_> = NotificationTopic::ALL
            .iter()
            .map(|t| notification_preference::Preference {
                topic: *t,
                email: email_on.contains(t),
                in_app: true,
                push: push_on.contains(t),
            })
            .collect();
        notification_preference::replace(conn, user.id, &prefs)?;
        audit::record(conn, actor, Entry::about_user("account.notifications_updated", user.id))?;
        Ok(())
    })
}

/// Deletes the account after checking the password: personal data is anonymised, sessions and tokens
/// end, open bookings are cancelled for the other party, the provider page is removed. Queues the
/// goodbye email (to the address the account had). Their pictures' rows go; their files are for the caller.
pub fn delete_account(
    conn: &mut DbConn,
    user: &User,
    password_ok: bool,
    actor: &Actor,
    ctx: &Context<'_>,
) -> Result<Result<crate::services::bookings::Outcome, FieldErrors>, AppError> {
    if !password_ok {
        let mut errors = FieldErrors::new();
        errors.add("password", "auth-error-password-wrong");
        return Ok(Err(errors));
    }
    let goodbye = ctx.account_deleted(user, &user.email)?;
    conn.transaction(|conn| {
        let at = now();
        // Open bookings of this person, as client or as provider, are cancelled and the other party told.
        let provider_id = provider::id_for_user(conn, user.id)?;
        let open = booking::open_for_party(conn, user.id, provider_id)?;
        let reason = crate::services::bookings::ACCOUNT_DELETED;
        booking::cancel_open_for_party(conn, user.id, provider_id, user.id, reason, at)?;
        let mut emails = outbox::queue(conn, [goodbye])?;
        for (id, _, _) in open {
            let b = booking::find(conn, id)?.ok_or(AppError::NotFound)?;
            let (client, provider_user) = crate::services::bookings::parties(conn, &b)?;
            let (other, deleted) = if client.id == user.id { (provider_user, client) } else { (client, provider_user) };
            let event = crate::services::bookings::event(conn, &b, NotificationKind::BookingCancelled, &deleted, None)?;
            emails += crate::services::notify::send(conn, ctx, &other, event, at)?;
        }
        if let Some(pid) = provider_id {
            provider::remove(conn, pid, at)?;
        }
        let pictures = crate::services::media::forget_all_of(conn, user.id)?;
        users::delete_personal_lists(conn, user.id)?;
        user_token::delete_for_user(conn, user.id)?;
        crate::db::models::session::delete_others(conn, user.id, None)?;
        users::anonymise(conn, user.id, &password::hash(&token::random()), at)?;
        audit::record(conn, actor, Entry::about_user("account.deleted", user.id))?;
        crate::db::models::audit_log::anonymise_user(conn, user.id, &user.email)?;
        Ok(Ok(crate::services::bookings::Outcome { emails, live: Vec::new(), pictures }))
    })
}
