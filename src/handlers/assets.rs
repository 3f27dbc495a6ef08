//! `/static/{path}` (fingerprinted assets, cached for a year; plain names, an hour) and the root files browsers ask
//! for by name.

use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppError;
use crate::state::AppState;
use crate::web::assets::respond;

/// `GET /static/{path}`.
pub async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (asset, immutable) = state.assets.resolve(&path).ok_or(AppError::NotFound)?;
    Ok(respond(&req, asset, immutable))
}

/// Root files browsers ask for by name (`/favicon.ico`, `/manifest.webmanifest`, `/sw.js`).
pub async fn root_file(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let name = req.path().trim_start_matches('/');
    let asset = state.assets.get(name).ok_or(AppError::NotFound)?;
    let mut res = respond(&req, asset, false);
    if name == "sw.js" {
        // Asked again on every visit: a new version is found at once.
        res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    Ok(res)
}
