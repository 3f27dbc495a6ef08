//! A file sent by a multipart form (`enctype="multipart/form-data"`), with the same CSRF token and Origin checks
//! as every other form. A body over `MAX_UPLOAD_BYTES` is a 413 as soon as that is known — from its declared
//! length before a byte is read, or while it streams in — and is never buffered past the limit.

use actix_multipart::Multipart;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::TryStreamExt;
use futures_util::future::LocalBoxFuture;

use crate::error::AppError;
use crate::state::AppState;

/// Room for the form's other fields and the multipart boundaries, beyond the file itself.
const OVERHEAD: usize = 16 * 1024;
/// The most a text field may hold.
const MAX_TEXT: usize = 4 * 1024;

/// The form's file (the first one sent; empty when none was chosen) and its text fields.
pub struct Upload {
    pub file: Vec<u8>,
    pub fields: Vec<(String, String)>,
}

impl Upload {
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

fn malformed(e: impl std::fmt::Display) -> AppError {
    AppError::Malformed(format!("multipart: {e}"))
}

impl FromRequest for Upload {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let limit = req.app_data::<web::Data<AppState>>().map_or(10 * 1024 * 1024, |s| s.config.max_upload_bytes);
        let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if declared.is_some_and(|n| n > limit + OVERHEAD) {
            // Refused before a byte of it is read.
            return Box::pin(async { Err(AppError::TooLarge) });
        }
        let mut multipart = Multipart::new(req.headers(), payload.take());
        Box::pin(async move {
            crate::web::csrf::check_origin(&req)?;
            let (mut file, mut fields, mut token) = (None, Vec::new(), None);
            while let Some(mut field) = multipart.try_next().await.map_err(malformed)? {
                let name = field.name().unwrap_or_default().to_string();
                let is_file = field.content_disposition().and_then(|d| d.get_filename()).is_some();
                let cap = if is_file { limit } else { MAX_TEXT };
                let mut bytes = Vec::new();
                while let Some(chunk) = field.try_next().await.map_err(malformed)? {
                    if bytes.len() + chunk.len() > cap {
                        return Err(if is_file { AppError::TooLarge } else { malformed("field too long") });
                    }
                    bytes.extend_from_slice(&chunk);
                }
                if is_file {
                    file.get_or_insert(bytes);
                } else {
                    let text = String::from_utf8(bytes).map_err(malformed)?;
                    if !crate::web::input::is_clean(text.as_bytes()) {
                        return Err(malformed("not clean text"));
                    }
                    if name == crate::web::csrf::FIELD {
                        token = Some(text);
                    } else {
                        fields.push((name, text));
                    }
                }
            }
            crate::web::csrf::verify(&req, token.as_deref())?;
            Ok(Upload { file: file.unwrap_or_default(), fields })
        })
    }
}
