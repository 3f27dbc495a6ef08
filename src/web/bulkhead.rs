//! Middleware: a request runs with its route's share of the database pool and a deadline for its database
//! work (`services::blocking::SHARE`), so that many visitors of one stuck page (a locked table) leave
//! connections for every other page, and each of them waits one statement timeout at most.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use crate::services::blocking::{SHARE, Share};
use crate::state::AppState;

pub async fn share(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(state) = req.app_data::<actix_web::web::Data<AppState>>() else {
        return next.call(req).await;
    };
    // Unrouted paths (404s) share one bulkhead.
    let route = req.match_pattern().map(|p| crate::web::log::pattern_names(&p)).unwrap_or_default();
    let share = Share {
        permits: state.pool_shares.of(&route),
        deadline: state.config.database_timeouts.statement.map(|t| tokio::time::Instant::now() + t),
    };
    SHARE.scope(share, next.call(req)).await
}
