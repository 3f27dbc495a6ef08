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
use crate::services::Refused;
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

/// The most portfolio pictures a provider shows.
pub const PORTFOLIO_MAX: usize = 12;

/// The longest caption, in characters.
pub const CAPTION_MAX: usize = 140;

/// Where an uploaded picture goes: with its per-user quota (one photo, one avatar, twelve portfolio pictures).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The provider's profile photo (their provider id).
    ProviderPhoto(i64),
    /// The person's avatar.
    Avatar,
    /// A new picture of the provider's portfolio (their provider id).
    Portfolio(i64),
}

impl Slot {
    pub fn kind(self) -> MediaKind {
        match self {
            Slot::ProviderPhoto(_) => MediaKind::ProviderPhoto,
            Slot::Avatar => MediaKind::Avatar,
            Slot::Portfolio(_) => MediaKind::Portfolio,
        }
    }
}

/// Before any image work: the user may add a picture of this kind (a provider profile for a photo or portfolio,
/// room left in the portfolio) and is within the hourly limit. The slot, or why not (a Fluent key shown at the
/// field).
pub fn may_upload(
    conn: &mut DbConn,
    user_id: i64,
    kind: MediaKind,
    now: NaiveDateTime,
) -> Result<Result<Slot, &'static str>, AppError> {
    let mut provider =
        || -> Result<i64, AppError> { Ok(provider::for_user(conn, user_id)?.ok_or(AppError::NoProviderProfile)?.id) };
    let slot = match kind {
        MediaKind::ProviderPhoto => Slot::ProviderPhoto(provider()?),
        MediaKind::Portfolio => Slot::Portfolio(provider()?),
        MediaKind::Avatar => Slot::Avatar,
        MediaKind::MessageAttachment => return Err(AppError::NotFound),
    };
    if kind == MediaKind::Portfolio && media::of_owner(conn, user_id, kind)?.len() >= PORTFOLIO_MAX {
        return Ok(Err("photo-error-portfolio-full"));
    }
    throttle::hit(conn, UPLOADS_PER_HOUR, &user_id.to_string(), now)?;
    Ok(Ok(slot))
}

/// Whether a picture of this name is already stored (the same photo sent again: its files are not rewritten).
pub fn known(conn: &mut DbConn, name: &str) -> Result<bool, AppError> {
    Ok(media::by_key(conn, name)?.is_some())
}

/// Captions as typed: trimmed, an empty one is none, each at most `CAPTION_MAX` characters.
pub fn captions(fr: &str, ar: &str, en: &str) -> Result<media::Captions, Refused> {
    let one = |field: &'static str, text: &str| -> Result<Option<String>, Refused> {
        let text = text.trim();
        if text.chars().count() > CAPTION_MAX {
            return Err(Refused::field(field, "photo-error-caption"));
        }
        Ok((!text.is_empty()).then(|| text.to_string()))
    };
    Ok(media::Captions {
        caption_fr: one("caption_fr", fr)?,
        caption_ar: one("caption_ar", ar)?,
        caption_en: one("caption_en", en)?,
    })
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

/// A picture whose row went: its name and width (its files are removed after the commit).
pub type Gone = (String, u32);

/// What a replaced picture leaves to remove.
pub type Replaced = Option<Gone>;

/// Deletes a picture's row; its files are for the caller to remove after the commit.
fn forget(conn: &mut DbConn, id: Option<i64>) -> Result<Replaced, AppError> {
    let Some(old) = id.map(|id| media::find(conn, id)).transpose()?.flatten() else { return Ok(None) };
    if media::in_use(conn, old.id)? {
        // Another profile still shows it (demo data shares pictures).
        return Ok(None);
    }
    media::delete(conn, old.id)?;
    Ok(Some((old.storage_key, old.width.unwrap_or(0).max(0) as u32)))
}

/// Records the written picture in its slot, in one transaction: a new photo or avatar replaces the previous one
/// (deleted with it; its files are for the caller to remove after the commit); a portfolio picture goes last.
pub fn save(
    conn: &mut DbConn,
    actor: &Actor,
    slot: Slot,
    name: &str,
    (width, height, byte_size): (u32, u32, usize),
    captions: &media::Captions,
    now: NaiveDateTime,
) -> Result<Result<Replaced, &'static str>, AppError> {
    conn.transaction(|conn| {
        let owner_id = actor.user_id.ok_or(AppError::SignInRequired)?;
        let portfolio = match slot {
            Slot::Portfolio(_) => media::of_owner(conn, owner_id, MediaKind::Portfolio)?,
            _ => Vec::new(),
        };
        if portfolio.len() >= PORTFOLIO_MAX {
            // Filled by another upload meanwhile.
            return Ok(Err("photo-error-portfolio-full"));
        }
        let id = match media::by_key(conn, name)? {
            // The same photo again.
            Some(existing) if slot.kind() != MediaKind::Portfolio => existing.id,
            Some(_) => return Ok(Err("photo-error-already-in-portfolio")),
            None => media::insert(
                conn,
                &media::NewMedia {
                    owner_id,
                    kind: slot.kind(),
                    storage_key: name,
                    content_type: Encoding::Webp.content_type(),
                    byte_size: byte_size as i64,
                    width: Some(width as i32),
                    height: Some(height as i32),
                    created_at: now,
                    position: portfolio.len() as i32,
                },
            )?,
        };
        let (replaced, entry) = match slot {
            Slot::ProviderPhoto(provider_id) => {
                let previous = media::set_provider_photo(conn, provider_id, Some(id))?;
                (
                    forget(conn, previous.filter(|p| *p != id))?,
                    Entry::named("provider.photo_set").about("provider", provider_id),
                )
            }
            Slot::Avatar => {
                let previous = media::set_avatar(conn, owner_id, Some(id))?;
                (forget(conn, previous.filter(|p| *p != id))?, Entry::named("user.avatar_set").about("user", owner_id))
            }
            Slot::Portfolio(provider_id) => {
                media::set_captions(conn, id, captions)?;
                (None, Entry::named("provider.portfolio_added").about("provider", provider_id))
            }
        };
        audit::record(conn, actor, entry.with_new(serde_json::json!({ "media_id": id })))?;
        Ok(Ok(replaced))
    })
}

/// Removes the provider's photo or the person's avatar (pages show the initials again).
pub fn clear(conn: &mut DbConn, actor: &Actor, slot: Slot) -> Result<Replaced, AppError> {
    conn.transaction(|conn| {
        let owner_id = actor.user_id.ok_or(AppError::SignInRequired)?;
        let (previous, entry) = match slot {
            Slot::ProviderPhoto(provider_id) => (
                media::set_provider_photo(conn, provider_id, None)?,
                Entry::named("provider.photo_removed").about("provider", provider_id),
            ),
            Slot::Avatar => {
                (media::set_avatar(conn, owner_id, None)?, Entry::named("user.avatar_removed").about("user", owner_id))
            }
            Slot::Portfolio(_) => return Err(AppError::NotFound),
        };
        let replaced = forget(conn, previous)?;
        audit::record(conn, actor, entry)?;
        Ok(replaced)
    })
}

/// One of the person's own portfolio pictures (anyone else's, or none: 404).
fn own_portfolio_picture(conn: &mut DbConn, owner_id: i64, id: i64) -> Result<media::Media, AppError> {
    media::find(conn, id)?
        .filter(|m| m.owner_id == owner_id && m.kind == MediaKind::Portfolio)
        .ok_or(AppError::NotFound)
}

/// What a provider does to one of their portfolio pictures.
#[derive(Clone, Debug)]
pub enum Change {
    Captions(media::Captions),
    Earlier,
    Later,
    Delete,
}

/// Changes one of the provider's own portfolio pictures, in one transaction with its audit row. A deleted
/// picture's name and width come back: its files are for the caller to remove after the commit.
pub fn change_portfolio(conn: &mut DbConn, actor: &Actor, id: i64, change: Change) -> Result<Replaced, AppError> {
    conn.transaction(|conn| {
        let owner_id = actor.user_id.ok_or(AppError::SignInRequired)?;
        let picture = own_portfolio_picture(conn, owner_id, id)?;
        let mut order: Vec<i64> =
            media::of_owner(conn, owner_id, MediaKind::Portfolio)?.into_iter().map(|m| m.id).collect();
        let at = order.iter().position(|m| *m == id).unwrap_or_default();
        let mut removed = None;
        let action = match change {
            Change::Captions(captions) => {
                media::set_captions(conn, id, &captions)?;
                "provider.portfolio_captioned"
            }
            Change::Earlier | Change::Later => {
                let other = if matches!(change, Change::Earlier) { at.checked_sub(1) } else { Some(at + 1) };
                if let Some(other) = other.filter(|o| *o < order.len()) {
                    order.swap(at, other);
                    media::reorder(conn, &order)?;
                }
                "provider.portfolio_reordered"
            }
            Change::Delete => {
                media::delete(conn, id)?;
                order.remove(at);
                media::reorder(conn, &order)?;
                removed = Some((picture.storage_key.clone(), picture.width.unwrap_or(0).max(0) as u32));
                "provider.portfolio_removed"
            }
        };
        audit::record(conn, actor, Entry::named(action).about("media", id))?;
        Ok(removed)
    })
}

/// Every picture of a person whose account goes: the rows are deleted here (inside the caller's transaction);
/// the files — their names and widths — are for the caller to remove after the commit.
pub fn forget_all_of(conn: &mut DbConn, owner_id: i64) -> Result<Vec<Gone>, AppError> {
    let gone = media::delete_all_of_owner(conn, owner_id)?;
    Ok(gone.into_iter().map(|(key, width)| (key, width.unwrap_or(0).max(0) as u32)).collect())
}

/// Removes the files of pictures whose rows went.
pub async fn remove_all(store: &MediaStore, gone: Vec<Gone>) {
    for (name, width) in gone {
        remove_files(store, &name, width).await;
    }
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
