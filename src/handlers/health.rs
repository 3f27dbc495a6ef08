//! `GET /health`: the database answers, or 503.

use crate::state::AppState;
use actix_web::{HttpResponse, web};

pub async fn show(state: web::Data<AppState>) -> HttpResponse {
    let backend = state.db.backend();
    let result = state.db.run(|conn| Ok(crate::db::ping(conn)?)).await;
    let (status, ok) = match result {
        Ok(()) => (actix_web::http::StatusCode::OK, true),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (actix_web::http::StatusCode::SERVICE_UNAVAILABLE, false)
        }
    };
    HttpResponse::build(status).insert_header(("Cache-Control", "no-store")).json(serde_json::json!({
        "status": if ok { "ok" } else { "unavailable" },
        "database": format!("{backend:?}").to_lowercase(),
        "version": env!("CARGO_PKG_VERSION"),
    }))
}
