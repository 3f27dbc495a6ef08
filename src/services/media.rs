//! Pictures: the provider's photo (avatars and portfolios follow the same path). An upload is prepared off the
//! request threads (`services::images`, one at a time per instance), its files written to the media store, then
//! its row recorded in one transaction — and the files of a picture it replaces removed after the commit. Nothing
//! is half-written: files whose row could not be written are removed at once, and what a crash leaves behind is
//! removed by the orphan sweep (`sweep_orphans`).

use chrono::{Duration, NaiveDateTime};
use diesel::Connection;
use sha2::{Digest, Sha256};

use crate::db::DbConn;
use crate::db::models::{media, provider};
use crate::db::types::MediaKind;
use crate::error::AppError;
use crate::services::audit::{self, Actor, Entry};
use crate::services::images::{self, Encoding, Prepared};
use crate::services::media_store::MediaStore;
use crate::services::throttle::{self, Limit};

pub const UPLOADS_PER_HOUR: Limit = Limit { action: "upload-photo", max: 30, window: Duration::hours(1) };

/// Files younger than this are never swept: their row may be on its way.
const SWEEP_GRACE: Duration = Duration::hours(1);

/// A picture's stored name: its pixels, its owner and its use, so that each row owns its files (the same photo
/// used by two people is two sets of files, each removed with its row).
pub fn stored_name(prepared: &Prepared, owner_id: i64, kind: MediaKind) -> String {
    let digest = Sha256::digest(format!("{}:{owner_id}:{kind}", prepared.name).as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Before any image work: the user has a provider profile and is within the hourly limit. The provider's id.
pub fn may_upload_provider_photo(conn: &mut DbConn, user_id: i64, now: NaiveDateTime) -> Result<i64, AppError> {
    let provider = provider::for_user(conn, user_id)?.ok_or(AppError::NoProviderProfile)?;
    throttle::hit(conn, UPLOADS_PER_HOUR, &user_id.to_string(), now)?;
    Ok(provider.id)
}

/// Writes every file of a picture; when one fails, removes those written and answers 503.
pub async fn write_files(store: &MediaStore, name: &str, prepared: Prepared) -> Result<(), AppError> {
    let mut written: Vec<String> = Vec::new();
    for variant in prepared.variants {
        let key = images::key(name, variant.width, variant.encoding);
        if let Err(e) = store.put(&key, variant.bytes).await {
            for key in written {
                let _ = store.delete(&key).await;
            }
            return Err(AppError::Unavailable(e.to_string()));
        }
        written.push(key);
    }
    Ok(())
}

/// Removes every file of a picture that was `width` wide; what fails is left to the orphan sweep.
pub async fn remove_files(store: &MediaStore, name: &str, width: u32) {
    for w in images::widths_for(width) {
        for encoding in Encoding::ALL {
            if let Err(e) = store.delete(&images::key(name, w, encoding)).await {
                tracing::warn!(error = %e, "a picture's file was not removed (the sweep will)");
            }
        }
    }
}

/// What a replaced picture leaves to remove: its name and width.
pub type Replaced = Option<(String, u32)>;

/// Deletes a picture's row; its files are for the caller to remove after the commit.
fn forget(conn: &mut DbConn, id: Option<i64>) -> Result<Replaced, AppError> {
    let Some(old) = id.map(|id| media::find(conn, id)).transpose()?.flatten() else { return Ok(None) };
    media::delete(conn, old.id)?;
    Ok(Some((old.storage_key, old.width.unwrap_or(0).max(0) as u32)))
}

/// Records the written picture and makes it the provider's photo, in one transaction. The picture it replaces is
/// deleted with it; its files are for the caller to remove after the commit.
pub fn set_provider_photo(
    conn: &mut DbConn,
    actor: &Actor,
    provider_id: i64,
    name: &str,
    (width, height, byte_size): (u32, u32, usize),
    now: NaiveDateTime,
) -> Result<Replaced, AppError> {
    conn.transaction(|conn| {
        let owner_id = actor.user_id.ok_or(AppError::SignInRequired)?;
        let id = match media::by_key(conn, name)? {
            // The same photo again.
            Some(existing) => existing.id,
            None => media::insert(
                conn,
                &media::NewMedia {
                    owner_id,
                    kind: MediaKind::ProviderPhoto,
                    storage_key: name,
                    content_type: Encoding::Webp.content_type(),
                    byte_size: byte_size as i64,
                    width: Some(width as i32),
                    height: Some(height as i32),
                    created_at: now,
                },
            )?,
        };
        let previous = media::set_provider_photo(conn, provider_id, Some(id))?;
        let replaced = forget(conn, previous.filter(|p| *p != id))?;
        audit::record(
            conn,
            actor,
            Entry {
                action: "provider.photo_set",
                target_kind: Some("provider"),
                target_id: Some(provider_id),
                old_values: None,
                new_values: Some(serde_json::json!({ "media_id": id })),
            },
        )?;
        Ok(replaced)
    })
}

/// Removes the provider's photo (the page shows the initials again).
pub fn remove_provider_photo(conn: &mut DbConn, actor: &Actor, provider_id: i64) -> Result<Replaced, AppError> {
    conn.transaction(|conn| {
        let previous = media::set_provider_photo(conn, provider_id, None)?;
        let replaced = forget(conn, previous)?;
        audit::record(
            conn,
            actor,
            Entry {
                action: "provider.photo_removed",
                target_kind: Some("provider"),
                target_id: Some(provider_id),
                old_values: None,
                new_values: None,
            },
        )?;
        Ok(replaced)
    })
}

/// Removes files no row names, older than an hour (a crash between writing the files and the commit, a removal
/// that failed). Returns how many were removed.
pub async fn sweep_orphans(store: &MediaStore, in_use: Vec<String>) -> Result<usize, AppError> {
    let in_use: std::collections::HashSet<String> = in_use.into_iter().collect();
    let cutoff = chrono::Utc::now() - SWEEP_GRACE;
    let mut removed = 0;
    for (key, written) in store.keys().await.map_err(|e| AppError::Unavailable(e.to_string()))? {
        let name = key.split('-').next().unwrap_or_default();
        if written < cutoff && !in_use.contains(name) {
            store.delete(&key).await.map_err(|e| AppError::Unavailable(e.to_string()))?;
            removed += 1;
        }
    }
    Ok(removed)
}
