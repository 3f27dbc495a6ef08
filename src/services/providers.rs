//! Becoming a provider, editing the profile and services, and the approval queue.

use diesel::Connection;

use crate::db::models::provider::{self as providers, ProfileFields};
use crate::db::models::service::{self as services, ServiceFields};
use crate::db::models::{Provider, User, user as users};
use crate::db::types::{NotificationKind, PricingUnit, ProviderStatus, UserRole};
use crate::db::{DbConn, now};
use crate::domain::validation::{FieldErrors, trimmed};
use crate::domain::{money, slug};
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};
use crate::services::outbox::{self, Queued};
use crate::services::policy;

/// A form posted as pairs (checkbox lists repeat their name).
pub type Pairs = Vec<(String, String)>;

fn one<'a>(pairs: &'a Pairs, key: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("")
}

fn all(pairs: &Pairs, key: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = pairs.iter().filter(|(k, _)| k == key).filter_map(|(_, v)| v.parse().ok()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// "08:30" → 510.
fn minutes(s: &str) -> Option<i32> {
    let (h, m) = s.trim().split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=24).contains(&h) && (0..60).contains(&m) && h * 60 + m <= 1440).then_some(h * 60 + m)
}

fn text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    min: usize,
    max: usize,
    key: &'static str,
) -> String {
    let (value, len) = trimmed(value);
    if len < min || len > max {
        errors.add(field, key);
    }
    value
}

fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
    key: &'static str,
) -> Option<String> {
    let (value, len) = trimmed(value);
    if len > max {
        errors.add(field, key);
    }
    (len > 0).then_some(value)
}

/// A validated profile.
pub struct ProfileChange {
    pub fields: ProfileFields,
    pub category_ids: Vec<i64>,
    pub city_ids: Vec<i64>,
    pub hours: Vec<(i16, i32, i32)>,
    pub days_off: Vec<chrono::NaiveDate>,
}

/// Checks the profile form against the known categories and cities.
pub fn validate_profile(pairs: &Pairs, category_ids: &[i64], city_ids: &[i64]) -> Result<ProfileChange, FieldErrors> {
    let mut errors = FieldErrors::new();
    let display_name = text(&mut errors, "display_name", one(pairs, "display_name"), 2, 80, "pro-error-display-name");
    let categories: Vec<i64> = all(pairs, "categories").into_iter().filter(|c| category_ids.contains(c)).collect();
    if categories.is_empty() || categories.len() > 5 {
        errors.add("categories", "pro-error-categories");
    }
    let bio_fr = text(&mut errors, "bio_fr", one(pairs, "bio_fr"), 30, 2000, "pro-error-bio");
    let bio_ar = text(&mut errors, "bio_ar", one(pairs, "bio_ar"), 30, 2000, "pro-error-bio");
    let bio_en = optional_text(&mut errors, "bio_en", one(pairs, "bio_en"), 2000, "pro-error-bio-optional");
    let years = one(pairs, "years_experience").trim().parse::<i32>().ok().filter(|y| (0..=60).contains(y));
    if years.is_none() {
        errors.add("years_experience", "pro-error-years");
    }
    let hourly = one(pairs, "hourly_rate");
    let hourly_rate_cents = if hourly.trim().is_empty() {
        None
    } else {
        let parsed = money::parse_mad(hourly).filter(|c| *c > 0 && *c <= 10_000_000);
        if parsed.is_none() {
            errors.add("hourly_rate", "pro-error-price");
        }
        parsed
    };
    let city_id = one(pairs, "city_id").parse::<i64>().ok().filter(|c| city_ids.contains(c));
    if city_id.is_none() {
        errors.add("city_id", "pro-error-city");
    }
    let neighbourhood =
        optional_text(&mut errors, "neighbourhood", one(pairs, "neighbourhood"), 80, "pro-error-neighbourhood");
    let mut served: Vec<i64> = all(pairs, "cities").into_iter().filter(|c| city_ids.contains(c)).collect();
    if let Some(home) = city_id
        && !served.contains(&home)
    {
        served.push(home);
    }
    let radius = one(pairs, "service_radius_km");
    let service_radius_km = if radius.trim().is_empty() {
        None
    } else {
        let parsed = radius.trim().parse::<i32>().ok().filter(|r| (1..=300).contains(r));
        if parsed.is_none() {
            errors.add("service_radius_km", "pro-error-radius");
        }
        parsed
    };
    let languages: Vec<&str> =
        ["ar", "fr", "en"].into_iter().filter(|l| pairs.iter().any(|(k, v)| k == "languages" && v == l)).collect();
    if languages.is_empty() {
        errors.add("languages", "pro-error-languages");
    }
    let mut hours = Vec::new();
    for day in 1..=7i16 {
        let (start, end) = (one(pairs, &format!("start_{day}")), one(pairs, &format!("end_{day}")));
        if start.trim().is_empty() && end.trim().is_empty() {
            continue;
        }
        match (minutes(start), minutes(end)) {
            (Some(s), Some(e)) if s < e => hours.push((day, s, e)),
            _ => errors.add("hours", "pro-error-hours"),
        }
    }
    // Days off: dates separated by commas or spaces ("2026-12-25, 2027-01-01"), at most 60.
    let mut days_off = Vec::new();
    for part in one(pairs, "days_off").split([',', ' ', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        match chrono::NaiveDate::parse_from_str(part, "%Y-%m-%d") {
            Ok(day) if !days_off.contains(&day) => days_off.push(day),
            Ok(_) => {}
            Err(_) => errors.add("days_off", "pro-error-days-off"),
        }
    }
    if days_off.len() > 60 {
        errors.add("days_off", "pro-error-days-off");
    }
    days_off.sort();
    match (years, city_id) {
        (Some(years), Some(city_id)) if errors.is_empty() => Ok(ProfileChange {
            fields: ProfileFields {
                display_name,
                bio_fr,
                bio_ar,
                bio_en,
                specialties: String::new(),
                years_experience: years,
                hourly_rate_cents,
                city_id,
                neighbourhood,
                service_radius_km,
                languages: languages.join(","),
                updated_at: now(),
            },
            category_ids: categories,
            city_ids: served,
            hours,
            days_off,
        }),
        _ => Err(errors),
    }
}

/// What saving the profile did.
pub struct Saved {
    pub provider_id: i64,
    /// The user became a provider now (a privilege change: the session id is renewed).
    pub role_changed: bool,
}

/// Creates the profile (pending approval) or updates it; a rejected profile goes back to the queue.
pub fn save_profile(
    conn: &mut DbConn,
    user: &User,
    change: ProfileChange,
    trade: &str,
    city: &str,
    actor: &Actor,
) -> Result<Saved, AppError> {
    if user.role == UserRole::Admin {
        return Err(AppError::Forbidden("admins are not providers"));
    }
    conn.transaction(|conn| {
        let existing = providers::for_user(conn, user.id)?;
        let mut fields = change.fields.clone();
        fields.specialties = trade.to_string();
        let id = match &existing {
            Some(p) => {
                providers::update_profile(conn, p.id, &fields)?;
                if p.status == ProviderStatus::Rejected {
                    providers::change_status(
                        conn,
                        p.id,
                        ProviderStatus::Rejected,
                        ProviderStatus::Pending,
                        None,
                        now(),
                    )?;
                }
                p.id
            }
            None => {
                let base = slug::slugify_parts(&[&fields.display_name, trade, city]);
                let mut candidate = base.clone();
                let mut n = 2;
                while providers::slug_taken(conn, &candidate)? {
                    candidate = format!("{base}-{n}");
                    n += 1;
                }
                providers::insert_profile(conn, user.id, &candidate, &fields)?
            }
        };
        providers::replace_links(conn, id, &change.category_ids, &change.city_ids, &change.hours)?;
        providers::replace_days_off(conn, id, &change.days_off)?;
        providers::refresh_search(conn, id)?;
        let role_changed = user.role == UserRole::Client;
        if role_changed {
            users::set_role(conn, user.id, UserRole::Provider, now())?;
            audit::record(
                conn,
                actor,
                Entry::about_user("account.role_changed", user.id)
                    .with(serde_json::json!({ "from": "CLIENT", "to": "PROVIDER" })),
            )?;
        }
        let action = if existing.is_some() { "provider.profile_updated" } else { "provider.profile_created" };
        audit::record(
            conn,
            actor,
            Entry { action, target_kind: Some("provider"), target_id: Some(id), old_values: None, new_values: None },
        )?;
        Ok(Saved { provider_id: id, role_changed })
    })
}

/// Checks a service form.
pub fn validate_service(pairs: &Pairs, category_ids: &[i64]) -> Result<ServiceFields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name_fr = text(&mut errors, "name_fr", one(pairs, "name_fr"), 3, 120, "pro-error-service-name");
    let name_ar = text(&mut errors, "name_ar", one(pairs, "name_ar"), 3, 120, "pro-error-service-name");
    let name_en = optional_text(&mut errors, "name_en", one(pairs, "name_en"), 120, "pro-error-service-name");
    let category_id = one(pairs, "category_id").parse::<i64>().ok().filter(|c| category_ids.contains(c));
    if category_id.is_none() {
        errors.add("category_id", "pro-error-category");
    }
    let description_fr =
        text(&mut errors, "description_fr", one(pairs, "description_fr"), 20, 2000, "pro-error-description");
    let description_ar =
        text(&mut errors, "description_ar", one(pairs, "description_ar"), 20, 2000, "pro-error-description");
    let description_en =
        optional_text(&mut errors, "description_en", one(pairs, "description_en"), 2000, "pro-error-description");
    let pricing_unit = one(pairs, "pricing_unit").parse::<PricingUnit>().ok();
    if pricing_unit.is_none() {
        errors.add("pricing_unit", "pro-error-pricing-unit");
    }
    let price = one(pairs, "base_price");
    let base_price_cents = match pricing_unit {
        Some(PricingUnit::Quote) if price.trim().is_empty() => None,
        _ => {
            let parsed = money::parse_mad(price).filter(|c| *c > 0 && *c <= 10_000_000);
            if parsed.is_none() {
                errors.add("base_price", "pro-error-price");
            }
            parsed
        }
    };
    let duration = one(pairs, "duration_minutes").trim().parse::<i32>().ok().filter(|d| (15..=1440).contains(d));
    if duration.is_none() {
        errors.add("duration_minutes", "pro-error-duration");
    }
    match (category_id, pricing_unit, duration) {
        (Some(category_id), Some(pricing_unit), Some(duration_minutes)) if errors.is_empty() => Ok(ServiceFields {
            category_id,
            name_fr,
            name_ar,
            name_en,
            description_fr,
            description_ar,
            description_en,
            pricing_unit,
            base_price_cents,
            duration_minutes,
            is_active: pairs.iter().any(|(k, v)| k == "is_active" && v == "1"),
            updated_at: now(),
        }),
        _ => Err(errors),
    }
}

/// The provider profile of a signed-in provider, required for service pages.
pub fn own_profile(conn: &mut DbConn, user: &User) -> Result<Provider, AppError> {
    providers::for_user(conn, user.id)?.ok_or(AppError::NoProviderProfile)
}

/// Creates or updates a service (publishing needs a verified email); the search text follows.
pub fn save_service(
    conn: &mut DbConn,
    user: &User,
    service_id: Option<i64>,
    fields: &ServiceFields,
    actor: &Actor,
) -> Result<i64, AppError> {
    policy::require_verified_email(user)?;
    conn.transaction(|conn| {
        let provider = own_profile(conn, user)?;
        let id = match service_id {
            Some(id) => {
                services::find_owned(conn, id, provider.id)?.ok_or(AppError::NotFound)?;
                services::update(conn, id, fields)?;
                id
            }
            None => services::insert(conn, provider.id, fields)?,
        };
        providers::refresh_search(conn, provider.id)?;
        let action = if service_id.is_some() { "service.updated" } else { "service.created" };
        audit::record(
            conn,
            actor,
            Entry { action, target_kind: Some("service"), target_id: Some(id), old_values: None, new_values: None },
        )?;
        Ok(id)
    })
}

/// Activates, deactivates or deletes one of the provider's own services.
pub fn change_service(
    conn: &mut DbConn,
    user: &User,
    service_id: i64,
    change: ServiceChange,
    actor: &Actor,
) -> Result<(), AppError> {
    conn.transaction(|conn| {
        let provider = own_profile(conn, user)?;
        services::find_owned(conn, service_id, provider.id)?.ok_or(AppError::NotFound)?;
        let action = match change {
            ServiceChange::Activate => {
                policy::require_verified_email(user)?;
                services::set_active(conn, service_id, true, now())?;
                "service.activated"
            }
            ServiceChange::Deactivate => {
                services::set_active(conn, service_id, false, now())?;
                "service.deactivated"
            }
            ServiceChange::Delete => {
                services::delete(conn, service_id, now())?;
                "service.deleted"
            }
        };
        providers::refresh_search(conn, provider.id)?;
        audit::record(
            conn,
            actor,
            Entry {
                action,
                target_kind: Some("service"),
                target_id: Some(service_id),
                old_values: None,
                new_values: None,
            },
        )?;
        Ok(())
    })
}

#[derive(Clone, Copy, Debug)]
pub enum ServiceChange {
    Activate,
    Deactivate,
    Delete,
}

/// Approves or rejects a pending provider (admins), with a notification and an email.
pub fn decide(
    conn: &mut DbConn,
    admin: &User,
    provider_id: i64,
    approve: bool,
    reason: &str,
    actor: &Actor,
    ctx: &crate::services::emails::Context<'_>,
) -> Result<Result<Queued, FieldErrors>, AppError> {
    policy::require_admin(admin)?;
    let reason = reason.trim();
    if !approve && (reason.chars().count() < 5 || reason.chars().count() > 1000) {
        let mut errors = FieldErrors::new();
        errors.add("reason", "admin-error-reason");
        return Ok(Err(errors));
    }
    conn.transaction(|conn| {
        let to = if approve { ProviderStatus::Approved } else { ProviderStatus::Rejected };
        let reason = (!approve).then_some(reason);
        if !providers::change_status(conn, provider_id, ProviderStatus::Pending, to, reason, now())? {
            return Err(AppError::Conflict("provider no longer pending"));
        }
        let provider = crate::db::models::provider::by_id(conn, provider_id)?;
        let owner = users::find(conn, provider.user_id)?.ok_or(AppError::NotFound)?;
        let kind = if approve { NotificationKind::ProviderApproved } else { NotificationKind::ProviderRejected };
        crate::db::models::notification::insert(
            conn,
            owner.id,
            kind,
            &serde_json::json!({ "reason": reason }).to_string(),
            Some(&format!("/{}/provider/profile", crate::services::emails::lang_of(owner.locale).code())),
            now(),
        )?;
        audit::record(
            conn,
            actor,
            Entry {
                action: if approve { "admin.provider_approved" } else { "admin.provider_rejected" },
                target_kind: Some("provider"),
                target_id: Some(provider_id),
                old_values: Some(serde_json::json!({ "status": "PENDING" })),
                new_values: Some(serde_json::json!({ "status": to, "reason": reason })),
            },
        )?;
        Ok(Ok(outbox::queue(conn, [ctx.provider_decision(&owner, &provider.slug, approve, reason)?])?))
    })
}
