//! Compression that costs almost nothing. Static files are compressed once, on first use, at the highest
//! levels (brotli 11, gzip 9; see `web::assets`). Pages and fragments are compressed here, in place on the worker
//! (no round trip through a thread pool), with gzip at its fastest level: on the site's pages that is ~5.7 KB
//! for a 20 KB page in ~60 µs, where brotli 1 gives 5.1 KB in ~85 µs and gzip 3 4.7 KB in ~120 µs — gzip 1 is the
//! best bytes × CPU (measured in docs/performance.md). A page may ask for [`Thorough`] compression (the home page,
//! which carries its stylesheet). Below 1 KB nothing is compressed.

use std::io::Write;

use actix_web::body::{self, BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;

/// A response extension: compress this page at gzip level 2 rather than 1. Level 1 of zlib-rs (flate2's backend
/// here) is a special quick strategy that gives up a fifth of the ratio — on the home page 15,651 B in 93 µs at
/// level 1, 12,406 B in 129 µs at level 2, 10,875 B in 238 µs at level 6 (release build) — which is right for most
/// pages (a third more requests per second than level 2 at 100k providers) but not for the page a first visit on a
/// slow phone network lands on.
#[derive(Clone, Copy, Debug)]
pub struct Thorough;

/// Bodies smaller than this are sent as they are.
pub const MIN_BYTES: usize = 1024;

/// The encodings a client accepts (q > 0), from its `Accept-Encoding`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accepted {
    pub br: bool,
    pub gzip: bool,
}

impl Accepted {
    pub fn of(headers: &header::HeaderMap) -> Accepted {
        let mut accepted = Accepted::default();
        for value in headers.get_all(header::ACCEPT_ENCODING).filter_map(|v| v.to_str().ok()) {
            for part in value.split(',') {
                let mut pieces = part.split(';');
                let coding = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
                let refused = pieces.any(|p| {
                    p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()).is_some_and(|q| q <= 0.0)
                });
                match coding.as_str() {
                    "br" => accepted.br = !refused,
                    "gzip" | "x-gzip" => accepted.gzip = !refused,
                    _ => {}
                }
            }
        }
        accepted
    }
}

/// Whether a content type is worth compressing (text; images other than SVG are compressed already).
pub fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("image/svg+xml")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/manifest+json")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("application/javascript")
        || content_type.starts_with("image/x-icon")
}

/// gzip at `level` (1 fastest, 9 smallest).
pub fn gzip(bytes: &[u8], level: u32) -> Vec<u8> {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), flate2::Compression::new(level));
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// brotli at `quality` (0–11).
pub fn brotli(bytes: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
        let _ = writer.write_all(bytes);
    }
    out
}

/// Adds `Accept-Encoding` to a response's `Vary` (the body depends on it).
pub fn vary_on_encoding(headers: &mut header::HeaderMap) {
    let already = headers
        .get_all(header::VARY)
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case("accept-encoding")));
    if !already {
        headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
}

/// Middleware: gzip (fastest level, or 2 for a [`Thorough`] page) for pages and fragments of 1 KB or more whose
/// client accepts it. Responses that are already encoded (static files), streamed (the WebSocket) or empty pass
/// unchanged.
pub async fn responses(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let accepted = Accepted::of(req.headers());
    let res = next.call(req).await?;
    let level = if res.response().extensions().contains::<Thorough>() { 2 } else { 1 };
    let headers = res.headers();
    let eligible = headers.get(header::CONTENT_ENCODING).is_none()
        && headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(compressible)
        && matches!(res.response().body().size(), BodySize::Sized(n) if n as usize >= MIN_BYTES);
    if !eligible {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (mut head, body) = res.into_parts();
    let Ok(bytes) = body::to_bytes(body).await else {
        return Ok(ServiceResponse::new(req, head.set_body(BoxBody::new(())).map_into_boxed_body()));
    };
    vary_on_encoding(head.headers_mut());
    if !accepted.gzip {
        return Ok(ServiceResponse::new(req, head.set_body(bytes).map_into_boxed_body()));
    }
    let encoded = gzip(&bytes, level);
    head.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    Ok(ServiceResponse::new(req, head.set_body(encoded).map_into_boxed_body()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_with_q_values() {
        let of = |v: &str| {
            let mut h = header::HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            Accepted::of(&h)
        };
        assert_eq!(of("gzip, deflate, br, zstd"), Accepted { br: true, gzip: true });
        assert_eq!(of("gzip;q=0, br;q=0.5"), Accepted { br: true, gzip: false });
        assert_eq!(of("identity"), Accepted::default());
        assert_eq!(Accepted::of(&header::HeaderMap::new()), Accepted::default());
    }

    #[test]
    fn round_trips() {
        use std::io::Read;
        let text = "Plombier à Casablanca ".repeat(200);
        let mut out = String::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes(), 1)[..]).read_to_string(&mut out).unwrap();
        assert_eq!(out, text);
        let mut out = Vec::new();
        brotli::Decompressor::new(&brotli(text.as_bytes(), 11)[..], 4096).read_to_end(&mut out).unwrap();
        assert_eq!(out, text.as_bytes());
    }
}
