//! The back office's catalogue: categories (names in three languages, slug, icon, order, popular, shown or
//! hidden; merged into another; deleted only when nothing uses them) and cities. Each change is one
//! transaction with its audit row; providers whose category names or categories change get their search text
//! and listings rewritten.

use chrono::NaiveDateTime;
use diesel::Connection;

use crate::db::DbConn;
use crate::db::models::{category, city, provider};
use crate::domain::catalogue::{CategoryInput, CityInput};
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};

use crate::services::Refused;

/// The form's `version`: the `updated_at` the form was shown with.
pub fn version_of(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.f").to_string()
}

fn refresh(conn: &mut DbConn, providers: &[i64]) -> Result<(), AppError> {
    Ok(provider::refresh_search_many(conn, providers)?)
}

/// Creates a category (`id`: `None`) or saves one; returns its id.
pub fn save_category(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &CategoryInput,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<i64, Refused>, AppError> {
    let before = match id {
        Some(id) => Some(category::find(conn, id)?.ok_or(AppError::NotFound)?),
        None => None,
    };
    let values = match input.validate() {
        Ok(v) => v,
        Err(errors) => return Ok(Err(Refused::Invalid(errors))),
    };
    let code = match &before {
        Some(c) => c.code.clone(),
        None => values.slug.to_uppercase().replace('-', "_"),
    };
    if category::taken(conn, &values.slug, &code, id)? {
        return Ok(Err(Refused::field("slug", "catalogue-error-slug-taken")));
    }
    conn.transaction(|conn| {
        let id = match &before {
            Some(c) => {
                let Ok(version) = NaiveDateTime::parse_from_str(&input.version, "%Y-%m-%dT%H:%M:%S%.f") else {
                    return Ok(Err(Refused::Rule("catalogue-error-changed")));
                };
                if !category::update(conn, c.id, &values, version, now)? {
                    return Ok(Err(Refused::Rule("catalogue-error-changed")));
                }
                // The names are part of every listed provider's search text.
                if [&c.name_fr, &c.name_ar, &c.name_en] != [&values.names[0], &values.names[1], &values.names[2]] {
                    let providers = category::provider_ids(conn, c.id)?;
                    refresh(conn, &providers)?;
                }
                c.id
            }
            None => category::insert(conn, &values, &code, now)?,
        };
        let action = if before.is_some() { "catalogue.category_updated" } else { "catalogue.category_created" };
        audit::record(
            conn,
            actor,
            Entry::named(action).about("category", id).with_new(serde_json::json!({
                "slug": values.slug, "name_fr": values.names[0], "active": values.is_active, "popular": values.is_popular,
            })),
        )?;
        Ok(Ok(id))
    })
}

/// Merges `from` into `into`: its providers and services move, its pages redirect, it stays hidden.
pub fn merge_category(
    conn: &mut DbConn,
    from: i64,
    into: i64,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<(), Refused>, AppError> {
    let source = category::find(conn, from)?.ok_or(AppError::NotFound)?;
    let Some(target) = category::find(conn, into)? else {
        return Ok(Err(Refused::Rule("catalogue-error-merge-target")));
    };
    if target.id == source.id || target.merged_into_id.is_some() {
        return Ok(Err(Refused::Rule("catalogue-error-merge-target")));
    }
    conn.transaction(|conn| {
        let Some(providers) = category::merge(conn, source.id, target.id, now)? else {
            return Ok(Err(Refused::Rule("catalogue-error-changed")));
        };
        refresh(conn, &providers)?;
        audit::record(
            conn,
            actor,
            Entry::named("catalogue.category_merged")
                .about("category", source.id)
                .with_new(serde_json::json!({ "into": target.id, "providers": providers.len() })),
        )?;
        Ok(Ok(()))
    })
}

/// Deletes a category nothing uses (else it can only be hidden or merged).
pub fn delete_category(conn: &mut DbConn, id: i64, actor: &Actor) -> Result<Result<(), Refused>, AppError> {
    let c = category::find(conn, id)?.ok_or(AppError::NotFound)?;
    conn.transaction(|conn| {
        // A merged category's pages redirect: it stays.
        if c.merged_into_id.is_some() || !category::delete(conn, c.id)? {
            return Ok(Err(Refused::Rule("catalogue-error-in-use")));
        }
        audit::record(
            conn,
            actor,
            Entry::named("catalogue.category_deleted")
                .about("category", c.id)
                .with_new(serde_json::json!({ "slug": c.slug })),
        )?;
        Ok(Ok(()))
    })
}

/// Creates a city (`id`: `None`) or saves one; returns its id.
pub fn save_city(
    conn: &mut DbConn,
    id: Option<i64>,
    input: &CityInput,
    now: NaiveDateTime,
    actor: &Actor,
) -> Result<Result<i64, Refused>, AppError> {
    if let Some(id) = id {
        city::find(conn, id)?.ok_or(AppError::NotFound)?;
    }
    let values = match input.validate() {
        Ok(v) => v,
        Err(errors) => return Ok(Err(Refused::Invalid(errors))),
    };
    if city::slug_taken(conn, &values.slug, id)? {
        return Ok(Err(Refused::field("slug", "catalogue-error-slug-taken")));
    }
    conn.transaction(|conn| {
        let saved = city::save(conn, id, &values, now)?;
        let action = if id.is_some() { "catalogue.city_updated" } else { "catalogue.city_created" };
        audit::record(
            conn,
            actor,
            Entry::named(action).about("city", saved).with_new(serde_json::json!({
                "slug": values.slug, "name_fr": values.names[0], "active": values.is_active,
            })),
        )?;
        Ok(Ok(saved))
    })
}
