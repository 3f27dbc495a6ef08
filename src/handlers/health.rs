//! `GET /health`: liveness (the process answers; never touches the database, so an orchestrator does not
//! restart a healthy process during a database outage). `GET /ready`: readiness (the database answers within
//! a second), 503 when it does not, so a load balancer sends visitors elsewhere.

use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::state::AppState;

/// How long readiness waits for the database.
const READY_WITHIN: Duration = Duration::from_secs(1);

pub async fn show() -> HttpResponse {
    report(StatusCode::OK, serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let backend = format!("{:?}", state.db.backend()).to_lowercase();
    let ping = state.db.run(|conn| Ok(crate::db::ping(conn)?));
    let error = match tokio::time::timeout(READY_WITHIN, ping).await {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e.to_string()),
        Err(_) => Some(format!("no answer within {} ms", READY_WITHIN.as_millis())),
    };
    let status = if let Some(error) = &error {
        tracing::warn!(error = %error, "not ready: the database does not answer");
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    report(
        status,
        serde_json::json!({
            "status": if error.is_none() { "ready" } else { "unavailable" },
            "database": backend,
            "version": env!("CARGO_PKG_VERSION"),
        }),
    )
}

fn report(status: StatusCode, body: serde_json::Value) -> HttpResponse {
    HttpResponse::build(status).insert_header(("Cache-Control", "no-store")).json(body)
}
