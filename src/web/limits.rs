//! Middleware: a request body must arrive within a deadline — 10 s plus 1 s per 32 KiB declared — or the
//! request ends with 408 and its connection is closed. Without it, a client trickling a body one byte at a
//! time holds a connection (and a file descriptor) for ever; headers have their own 5 s limit (`main.rs`).

use std::time::Duration;

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::middleware::Next;
use futures_util::StreamExt;
use tokio::time::Instant;

const BASE: Duration = Duration::from_secs(10);
/// The slowest upload accepted, in bytes per second (a poor 3G connection sends several times this).
const MIN_RATE: u64 = 32 * 1024;

/// The error a body read fails with past its deadline (`is_too_slow` recognises it).
fn too_slow() -> PayloadError {
    PayloadError::Io(std::io::Error::new(std::io::ErrorKind::TimedOut, "request body too slow"))
}

/// Whether a body read failed because the client was too slow.
pub fn is_too_slow(e: &actix_web::Error) -> bool {
    matches!(e.as_error::<PayloadError>(), Some(PayloadError::Io(io)) if io.kind() == std::io::ErrorKind::TimedOut)
}

pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let headers = req.headers();
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let chunked = headers.contains_key(header::TRANSFER_ENCODING);
    if declared.unwrap_or(0) > 0 || chunked {
        let deadline = Instant::now() + BASE + Duration::from_secs(declared.unwrap_or(0) / MIN_RATE);
        let payload = req.take_payload();
        let timed = futures_util::stream::unfold(Some(payload), move |payload| async move {
            let mut payload = payload?;
            match tokio::time::timeout_at(deadline, payload.next()).await {
                Ok(Some(chunk)) => Some((chunk, Some(payload))),
                Ok(None) => None,
                // Past the deadline: one error, then the stream ends.
                Err(_) => Some((Err(too_slow()), None)),
            }
        })
        // A reader may ask again after the end (multipart does): it keeps getting the end.
        .fuse();
        req.set_payload(Payload::Stream { payload: Box::pin(timed) });
    }
    next.call(req).await
}
