//! Turns an askama template into a response.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};

use crate::error::AppError;
use crate::web::htmx::Htmx;

/// Renders a full page or fragment with status 200.
pub fn render(template: &impl askama::Template) -> Result<HttpResponse, AppError> {
    render_status(StatusCode::OK, template)
}

/// Renders with a given status (422 for a form with errors, 404 for error pages…).
pub fn render_status(status: StatusCode, template: &impl askama::Template) -> Result<HttpResponse, AppError> {
    let body = template.render()?;
    Ok(HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::VARY, "HX-Request"))
        .body(body))
}

/// POST/redirect/GET: 303 to a same-site path. An HTMX fragment request is told with `HX-Redirect`
/// instead, so that the browser loads the next page whole rather than swapping it into the form.
pub fn see_other(htmx: Htmx, location: &str) -> HttpResponse {
    if htmx.wants_fragment() {
        HttpResponse::Ok().insert_header(("HX-Redirect", location.to_string())).finish()
    } else {
        redirect(location)
    }
}

/// A plain 303 (from a GET: already signed in, and so on).
pub fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location.to_string())).finish()
}
