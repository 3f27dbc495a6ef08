//! `GET /media/{key}`: a stored picture (`services::media_store`), named by its content: cached for a year,
//! its exact type, never sniffed, never run as a document.

use actix_web::{HttpResponse, web};

use crate::error::AppError;
use crate::services::images::Encoding;
use crate::state::AppState;

/// `{32 hex}-{width}.{webp|jpg}`: anything else names nothing.
fn encoding_of(key: &str) -> Option<Encoding> {
    let (stem, extension) = key.rsplit_once('.')?;
    let (name, width) = stem.split_once('-')?;
    let well_formed = name.len() == 32
        && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && (1..=4).contains(&width.len())
        && width.bytes().all(|b| b.is_ascii_digit());
    well_formed.then(|| Encoding::from_extension(extension)).flatten()
}

pub async fn show(state: web::Data<AppState>, key: web::Path<String>) -> Result<HttpResponse, AppError> {
    let encoding = encoding_of(&key).ok_or(AppError::NotFound)?;
    let bytes =
        state.media.get(&key).await.map_err(|e| AppError::Unavailable(e.to_string()))?.ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(encoding.content_type())
        .insert_header(("Cache-Control", "public, max-age=31536000, immutable"))
        .insert_header(("Content-Disposition", "inline"))
        .insert_header(("Content-Security-Policy", "default-src 'none'; sandbox"))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_one_stored_file_or_nothing() {
        let name = "0123456789abcdef0123456789abcdef";
        assert_eq!(encoding_of(&format!("{name}-320.webp")), Some(Encoding::Webp));
        assert_eq!(encoding_of(&format!("{name}-1600.jpg")), Some(Encoding::Jpeg));
        for bad in [format!("{name}-320.svg"), format!("{name}.jpg"), format!("../{name}-320.jpg"), "x-1.jpg".into()] {
            assert_eq!(encoding_of(&bad), None, "{bad}");
        }
    }
}
