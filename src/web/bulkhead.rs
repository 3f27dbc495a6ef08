//! Middleware: a request runs with its route's share of the database pool (`services::blocking::SHARE`), so
//! that many visitors of one stuck page (a locked table) leave connections for every other page.

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use crate::services::blocking::SHARE;
use crate::state::AppState;

pub async fn share(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let share = match (req.app_data::<actix_web::web::Data<AppState>>(), req.match_pattern()) {
        (Some(state), Some(route)) => state.pool_shares.of(&crate::web::log::pattern_names(&route)),
        // Unrouted paths (404s) share one bulkhead.
        (Some(state), None) => state.pool_shares.of(""),
        (None, _) => return next.call(req).await,
    };
    SHARE.scope(Arc::clone(&share), next.call(req)).await
}
