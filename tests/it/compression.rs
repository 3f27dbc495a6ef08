//! What a browser gets is what the page is: the same bytes whatever the encoding asked for; static files come
//! compressed once (brotli or gzip), pages with gzip, small bodies as they are.

use std::io::Read;

use crate::support::TestApp;

fn gunzip(bytes: &[u8]) -> String {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut out).expect("gzip");
    out
}

#[actix_web::test]
async fn pages_and_files_are_the_same_bytes_in_every_encoding() {
    let mut app = TestApp::with_providers(5).await;
    let browser = [("Accept-Encoding", "gzip, deflate, br, zstd")];
    app.get("/fr/").await;
    for path in [
        "/fr/",
        "/ar/services",
        "/fr/providers?q=plomberie",
        "/fr/services/plomberie/casablanca",
        "/sitemap-fr-pages.xml",
    ] {
        let plain = app.get(path).await;
        plain.assert_status(200);
        assert!(plain.header("content-encoding").is_none(), "{path}: not asked, not encoded");
        let res = app.request_bytes(path, &browser).await;
        assert_eq!(res.0.as_deref(), Some("gzip"), "{path}");
        assert!(res.1.len() < plain.body.len() / 2, "{path}: {} → {}", plain.body.len(), res.1.len());
        assert_eq!(gunzip(&res.1), plain.body, "{path}: the same page");
        assert!(res.2.iter().any(|v| v.contains("Accept-Encoding")), "{path}: Vary {:?}", res.2);
    }
    // Small bodies are sent as they are.
    let health = app.request_bytes("/health", &browser).await;
    assert_eq!(health.0, None);
    // Static files: brotli when the browser takes it, else gzip; the same bytes once decoded.
    let css = app.get("/fr/services").await.doc().attr("link[rel=stylesheet]", "href");
    let plain = app.get(&css).await.body;
    let br = app.request_bytes(&css, &browser).await;
    assert_eq!(br.0.as_deref(), Some("br"));
    let mut decoded = Vec::new();
    brotli::Decompressor::new(&br.1[..], 4096).read_to_end(&mut decoded).unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), plain);
    let gz = app.request_bytes(&css, &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(gz.0.as_deref(), Some("gzip"));
    assert_eq!(gunzip(&gz.1), plain);
    assert!(br.1.len() < gz.1.len() && gz.1.len() < plain.len() / 3, "{} {} {}", br.1.len(), gz.1.len(), plain.len());
    // Each representation has its own validator.
    let etags: Vec<_> = [br.3, gz.3, app.get(&css).await.header("etag")].into_iter().collect();
    assert_eq!(etags.iter().collect::<std::collections::HashSet<_>>().len(), 3, "{etags:?}");
}
