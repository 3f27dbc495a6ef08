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
async fn method_not_allowed_and_errors_show_no_internals() {
    let mut app = TestApp::new().await;
    let res = app.request(actix_web::http::Method::DELETE, "/fr/contact", &[], None).await;
    assert!(res.status.is_client_error());
    for needle in ["panicked", "diesel", "src/", "Error {", "backtrace"] {
        assert!(!res.body.contains(needle), "{needle}");
    }
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
