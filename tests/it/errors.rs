//! Localized error pages (full and HTMX fragments), never with internals.

use crate::support::TestApp;

#[actix_web::test]
async fn not_found_page_in_each_language() {
    let mut app = TestApp::new().await;
    for (lang, title) in [("fr", "Page introuvable"), ("ar", "الصفحة غير موجودة"), ("en", "Page not found")]
    {
        let res = app.get(&format!("/{lang}/no/such/page")).await;
        res.assert_status(404);
        let doc = res.doc();
        assert_eq!(doc.text("h1"), title);
        assert_eq!(doc.attr("html", "lang"), lang);
        assert_eq!(doc.attr("meta[name=robots]", "content"), "noindex");
        assert_eq!(res.header("cache-control").as_deref(), Some("no-store"));
    }
}

#[actix_web::test]
async fn unprefixed_unknown_path_uses_the_preferred_language() {
    let mut app = TestApp::new().await;
    let res = app.get_with("/nothing-here", &[("Accept-Language", "ar")]).await;
    res.assert_status(404);
    assert_eq!(res.doc().attr("html", "dir"), "rtl");
}

#[actix_web::test]
async fn htmx_errors_are_fragments_aimed_at_the_toast_region() {
    let mut app = TestApp::new().await;
    let res = app.get_htmx("/en/missing").await;
    res.assert_status(404);
    assert!(!res.body.contains("<html"));
    assert_eq!(res.header("hx-retarget").as_deref(), Some("#toasts"));
    assert!(res.doc().text(".toast").contains("does not exist"));
}

#[actix_web::test]
async fn an_unrouted_method_is_a_plain_404_without_internals() {
    let mut app = TestApp::new().await;
    // Only GET, HEAD and POST are routed: anything else finds no page.
    let res = app.request(actix_web::http::Method::DELETE, "/fr/contact", &[], None).await;
    assert_eq!(res.status.as_u16(), 404);
    assert!(!res.doc().text("h1").is_empty(), "the localized page");
    for needle in ["panicked", "diesel", "src/", "Error {", "backtrace"] {
        assert!(!res.body.contains(needle), "{needle}");
    }
}

/// A real failure (a table the page reads is gone): the visitor gets the localized 500 page with a request id and
/// nothing of the cause; the log has the cause and the same request id.
#[actix_web::test]
async fn a_real_500_shows_no_internals_and_is_logged_with_its_request_id() {
    use diesel::connection::SimpleConnection;
    let mut app = TestApp::new().await;
    let captured = crate::support::logs::capture();
    app.conn(|c| c.batch_execute("ALTER TABLE categories RENAME TO categories_gone").unwrap());
    for (lang, title) in [("fr", "Erreur du serveur"), ("ar", "خطأ في الخادم"), ("en", "Server error")] {
        let res = app.get(&format!("/{lang}/services")).await;
        res.assert_status(500);
        let doc = res.doc();
        assert!(doc.text("h1").contains(title), "{lang}: {}", doc.text("h1"));
        for needle in ["categories", "no such table", "relation", "diesel", "database", "src/", "panicked"] {
            assert!(!res.body.to_lowercase().contains(needle), "{lang}: {needle} shown");
        }
        let id = res.header("x-request-id").expect("a request id");
        assert!(doc.text("main").contains(&id), "{lang}: the page gives the request id to quote");
        let lines = captured.lines();
        let logged = lines
            .iter()
            .find(|l| l["level"] == "ERROR" && l["request_id"].as_str() == Some(id.as_str()))
            .expect("the failure is logged with the request id");
        assert!(logged["error"].as_str().is_some_and(|e| e.contains("categories")), "with its cause: {logged}");
    }
    app.conn(|c| c.batch_execute("ALTER TABLE categories_gone RENAME TO categories").unwrap());
}

#[actix_web::test]
async fn every_error_status_has_a_localized_page() {
    use actix_web::http::StatusCode;
    for code in [400u16, 401, 403, 404, 409, 410, 422, 429, 500] {
        let (title, message) = khadamat::web::errors::keys_for(StatusCode::from_u16(code).unwrap());
        for lang in khadamat::i18n::Lang::ALL {
            let i18n = khadamat::i18n::I18n::new(lang);
            assert_ne!(i18n.t(title), title, "{lang} {title}");
            assert_ne!(i18n.t(message), message, "{lang} {message}");
        }
    }
}
