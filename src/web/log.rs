//! One log line per request: request id, method, route pattern (never the path or query, which can hold
//! tokens), status, duration, the signed-in user's id, the visitor's address (`web::auth::client_ip`) and the
//! number of database queries (also an `X-Db-Queries` header with `QUERY_COUNT_HEADER=true`, for benchmarks).

use std::cell::Cell;
use std::time::Instant;

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;

use crate::services::blocking::QUERIES;

/// Middleware, inside `TracingLogger` (which gives the request its id).
pub async fn requests(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let start = Instant::now();
    let method = req.method().to_string();
    let ip = crate::web::auth::client_ip(req.request()).unwrap_or_default();
    let request_id =
        req.extensions().get::<tracing_actix_web::RequestId>().map(|id| id.to_string()).unwrap_or_default();
    let show_count =
        req.app_data::<actix_web::web::Data<crate::state::AppState>>().is_some_and(|s| s.config.query_count_header);
    let (res, queries) = QUERIES
        .scope(Cell::new(0), async move {
            let res = next.call(req).await;
            (res, QUERIES.with(Cell::get))
        })
        .await;
    let mut res = res?;
    if show_count {
        res.headers_mut().insert(HeaderName::from_static("x-db-queries"), HeaderValue::from(queries));
    }
    let route = res.request().match_pattern().map(|p| pattern_names(&p)).unwrap_or_else(|| "(unmatched)".into());
    let user_id = crate::web::auth::cached_viewer(res.request()).map(|u| u.id);
    let status = res.status().as_u16();
    let duration_ms = start.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(
        target: "request",
        request_id,
        method,
        route,
        status,
        duration_ms = (duration_ms * 10.0).round() / 10.0,
        user_id,
        ip,
        queries,
        "request"
    );
    Ok(res)
}

/// "/{lang:fr|ar|en}/providers/{slug}" → "/{lang}/providers/{slug}": the route's shape, without its regexes.
pub(crate) fn pattern_names(pattern: &str) -> String {
    let (mut out, mut in_name, mut in_regex) = (String::with_capacity(pattern.len()), false, false);
    for c in pattern.chars() {
        match c {
            '{' => in_name = true,
            ':' if in_name => in_regex = true,
            '}' => (in_name, in_regex) = (false, false),
            _ => {}
        }
        if !in_regex {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn routes_lose_their_regexes() {
        assert_eq!(super::pattern_names("/{lang:fr|ar|en}/providers/{slug}"), "/{lang}/providers/{slug}");
        assert_eq!(super::pattern_names("/static/{path:.*}"), "/static/{path}");
        assert_eq!(super::pattern_names("/health"), "/health");
    }
}
