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

#[actix_web::test]
async fn the_account_language_follows_the_person() {
    use crate::support::accounts::PASSWORD;
    let mut app = TestApp::new().await;
    // Layla signs up in Arabic: her account speaks Arabic.
    app.register("ar", "layla@example.ma", "CLIENT").await.assert_status(303);
    let link = app.link_in_last_email("layla@example.ma", "/verify-email/");
    app.get(&link).await.assert_status(200);

    // On another browser, where the site was last seen in French: signing in lands in Arabic…
    app.switch_browser(Default::default());
    app.get("/fr/login").await.doc().assert_has("input[name=next][value='']");
    let res = app.post_form("/fr/login", &[("email", "layla@example.ma"), ("password", PASSWORD)]).await;
    assert_eq!(res.location(), "/ar/account");
    // …and so does `/`, whatever the cookie says.
    assert_eq!(app.get("/").await.location(), "/ar/");
    // An explicit next wins.
    app.switch_browser(Default::default());
    app.get("/fr/login?next=/fr/providers%3Fq%3Dplombier").await.assert_status(200);
    let res = app
        .post_form(
            "/fr/login",
            &[("email", "layla@example.ma"), ("password", PASSWORD), ("next", "/fr/providers?q=plombier")],
        )
        .await;
    assert_eq!(res.location(), "/fr/providers?q=plombier");

    // Signed in, the switcher is a form that saves the choice on the account.
    let doc = app.get("/fr/providers?q=plombier").await.doc();
    assert_eq!(doc.attr(".lang-menu form", "action"), "/fr/language");
    assert_eq!(doc.attr(".lang-menu input[name=path]", "value"), "/providers?q=plombier");
    assert_eq!(doc.attrs(".lang-menu button[name=to]", "value"), vec!["fr", "ar", "en"]);
    let res = app.post_form("/fr/language", &[("to", "en"), ("path", "/providers?q=plombier")]).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/en/providers?q=plombier");
    let locale: khadamat::db::types::Locale = app.conn(|c| {
        use diesel::prelude::*;
        use khadamat::db::schema::users;
        users::table.filter(users::email.eq("layla@example.ma")).select(users::locale).first(c).unwrap()
    });
    assert_eq!(locale, khadamat::db::types::Locale::En);
    assert_eq!(app.audit_count("account.language_changed"), 1);
    assert_eq!(app.get("/").await.location(), "/en/");
    // Emails follow too.
    app.post_form("/en/password/forgot", &[("email", "layla@example.ma")]).await;
    let last = app.emails_to("layla@example.ma").pop().unwrap();
    assert!(last.email.subject.is_ascii(), "{}", last.email.subject);
    // A bad language or a foreign path is refused or ignored, never followed off the site.
    app.post_form("/fr/language", &[("to", "de"), ("path", "/")]).await.assert_status(400);
    let res = app.post_form("/fr/language", &[("to", "ar"), ("path", "//evil.example")]).await;
    assert!(res.location().starts_with("/ar/"), "{}", res.location());
    // Without the CSRF token nothing changes.
    let res =
        app.post_raw("/fr/language", &[("content-type", "application/x-www-form-urlencoded")], "to=fr&path=%2F").await;
    res.assert_status(403);
}
