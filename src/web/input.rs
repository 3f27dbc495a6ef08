//! What every request's text must be before a handler sees it: UTF-8 without control characters (tabs and line
//! breaks aside). The form parser would otherwise store U+FFFD in place of bad bytes, and PostgreSQL refuses
//! text holding NUL — a 500 from a single `%00`.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use crate::error::AppError;

/// Whether every name and value of a url-encoded string decodes to clean text.
pub fn is_clean(encoded: &[u8]) -> bool {
    encoded.split(|b| *b == b'&').flat_map(|pair| pair.split(|b| *b == b'=')).all(|part| {
        let plus_as_space: Vec<u8> = part.iter().map(|b| if *b == b'+' { b' ' } else { *b }).collect();
        percent_encoding::percent_decode(&plus_as_space)
            .decode_utf8()
            .is_ok_and(|text| text.chars().all(crate::domain::text::is_text_char))
    })
}

/// Middleware: a query string that is not clean text is a bad request (400, the localized error page).
pub async fn clean_query(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if !is_clean(req.query_string().as_bytes()) {
        return Ok(req.error_response(AppError::Malformed("query: not clean text".into())).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::is_clean;

    #[test]
    fn text_with_controls_or_bad_bytes_is_refused() {
        assert!(is_clean(b"q=plomberie+%C3%A0+Casa&page=2"));
        assert!(is_clean("body=ligne+1%0D%0Aligne+2%09fin&x=%D8%B3%D8%A8%D8%A7%D9%83".as_bytes()));
        assert!(is_clean(b""));
        assert!(!is_clean(b"q=%00"));
        assert!(!is_clean(b"q=a%00b"));
        assert!(!is_clean(b"q=%1B%5B31m"));
        assert!(!is_clean(b"q=%7F"));
        assert!(!is_clean(b"q=%C2%85"));
        assert!(!is_clean(b"q=%FF"));
        assert!(!is_clean(b"%00=x"));
    }
}
