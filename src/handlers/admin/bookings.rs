//! `/{lang}/admin/bookings/{id}`: a booking as the back office sees it (both parties, the timeline), and
//! cancelling it with a reason; both parties are told.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::domain::booking::{Action, Party};
use crate::error::AppResult;
use crate::handlers::account::bookings::{Feedback, booking_page, perform};
use crate::services::bookings::ActInput;
use crate::state::AppState;
use crate::web::auth::Admin;
use crate::web::{CsrfForm, Htmx, Page};

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    booking_page(page, &state, admin, id, Party::Admin, Feedback::default(), StatusCode::OK).await
}

/// `POST /{lang}/admin/bookings/{id}/cancel` (a reason is required).
pub async fn cancel(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ActInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    perform(req, htmx, page, state, admin, id, Party::Admin, Action::Cancel, form).await
}
