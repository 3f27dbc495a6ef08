//! `POST /webhooks/stripe`: Stripe's events, the only source of truth for Club Pro. The signature is checked
//! (`STRIPE_WEBHOOK_SECRET`, 5 minutes' tolerance): missing, forged or stale → 400 and nothing changes. The
//! subscription is re-read from Stripe, so that late or repeated events bring its current state; the event is
//! stored once by id and applied in one transaction (a repeat answers 200 and does nothing). When Stripe cannot
//! be read, 503: Stripe delivers the event again later.

use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::AppResult;
use crate::payments::PaymentsError;
use crate::services::club_pro;
use crate::services::emails::Context;
use crate::state::{AppState, deliver};

fn answer(status: actix_web::http::StatusCode, text: &str) -> HttpResponse {
    HttpResponse::build(status).json(serde_json::json!({ "error": text }))
}

pub async fn stripe(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> AppResult<HttpResponse> {
    use actix_web::http::StatusCode;
    let Some(stripe) = state.stripe.clone() else {
        return Ok(answer(StatusCode::BAD_REQUEST, "payments are not set up on this server"));
    };
    let signature = req.headers().get("stripe-signature").and_then(|v| v.to_str().ok()).unwrap_or("");
    let Ok(payload) = std::str::from_utf8(&body) else {
        return Ok(answer(StatusCode::BAD_REQUEST, "body is not UTF-8"));
    };
    let now = state.clock.now();
    let incoming = match stripe.verify(payload, signature, now) {
        Ok(event) => event,
        Err(e) => {
            tracing::warn!(error = %e, "Stripe webhook refused");
            let why = if matches!(e, PaymentsError::NotConfigured) { "no webhook secret" } else { "bad signature" };
            return Ok(answer(StatusCode::BAD_REQUEST, why));
        }
    };
    let id = incoming.id.clone();
    if state.db.run(move |conn| club_pro::seen(conn, &id)).await? {
        return Ok(HttpResponse::Ok().json(serde_json::json!({ "received": true, "repeat": true })));
    }
    let facts = match incoming.subscription_id() {
        Some(id) => match stripe.subscription(id).await {
            Ok(f) => Some(f),
            Err(e) => {
                tracing::warn!(error = %e, event = %incoming.id, "Stripe subscription not readable; Stripe will retry");
                return Ok(answer(StatusCode::SERVICE_UNAVAILABLE, "try again"));
            }
        },
        None => None,
    };
    let payload = payload.to_string();
    let s = state.clone();
    let (applied, queued) = state
        .db
        .run(move |conn| {
            let ctx = Context { base_url: &s.config.base_url };
            club_pro::apply_event(conn, &ctx, &incoming, &payload, facts.as_ref(), now)
        })
        .await?;
    deliver(&state, queued).await;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "received": true, "repeat": applied == club_pro::Applied::Repeat })))
}
