use crate::support::TestApp;

#[actix_web::test]
async fn root_redirects_by_cookie_then_accept_language_then_french() {
    let mut app = TestApp::new().await;
    let res = app.get("/").await;
    res.assert_status(303);
    assert_eq!(res.location(), "/fr/");
    let res = app.get_with("/", &[("Accept-Language", "ar-MA,ar;q=0.9,fr;q=0.8")]).await;
    assert_eq!(res.location(), "/ar/");
    let res = app.get_with("/", &[("Accept-Language", "en-GB,en;q=0.9")]).await;
    assert_eq!(res.location(), "/en/");
    // Visiting a page remembers its language, which then wins over the header.
    app.get("/en/about").await.assert_status(200);
    let res = app.get_with("/", &[("Accept-Language", "ar")]).await;
    assert_eq!(res.location(), "/en/");
}

#[actix_web::test]
async fn unknown_prefix_is_404_and_bare_prefix_gets_a_slash() {
    let mut app = TestApp::new().await;
    app.get("/de/").await.assert_status(404);
    app.get("/xx/contact").await.assert_status(404);
    let res = app.get("/ar").await;
    assert_eq!(res.status.as_u16(), 308);
    assert_eq!(res.location(), "/ar/");
}

#[actix_web::test]
async fn switcher_keeps_the_current_page_and_query() {
    let mut app = TestApp::new().await;
    let doc = app.get("/fr/legal/privacy").await.doc();
    let links = doc.attrs(".lang-menu a", "href");
    assert_eq!(links, vec!["/fr/legal/privacy", "/ar/legal/privacy", "/en/legal/privacy"]);
    let alternates = doc.attrs("link[rel=alternate][hreflang=ar]", "href");
    assert_eq!(alternates, vec!["http://localhost:4000/ar/legal/privacy"]);
    let doc = app.get("/en/services?x=1").await.doc();
    assert_eq!(doc.attrs(".lang-menu a", "href")[1], "/ar/services?x=1");
    // The switcher is a <details> menu of plain links: it works without JavaScript.
    doc.assert_has("details.lang-menu summary");
}
