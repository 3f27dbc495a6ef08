use diesel::prelude::*;
use khadamat::db::schema::contact_messages;

use crate::support::TestApp;

fn stored(app: &TestApp) -> Vec<(String, String, Option<String>, String, String)> {
    app.conn(|c| {
        contact_messages::table
            .select((
                contact_messages::name,
                contact_messages::email,
                contact_messages::phone,
                contact_messages::topic,
                contact_messages::locale,
            ))
            .load(c)
            .unwrap()
    })
}

const GOOD: [(&str, &str); 5] = [
    ("name", "  Salma Bennani "),
    ("email", "Salma@Example.MA"),
    ("phone", "06 12 34 56 78"),
    ("topic", "SUPPORT"),
    ("message", "Bonjour, j'ai une question sur ma réservation KH-000123."),
];

#[actix_web::test]
async fn contact_form_in_three_languages() {
    let mut app = TestApp::new().await;
    for lang in ["fr", "ar", "en"] {
        let doc = app.get(&format!("/{lang}/contact")).await.assert_status(200).doc();
        assert_eq!(doc.attr("#contact-form", "method"), "post");
        assert_eq!(doc.count("#contact-form label[for]"), 6);
        assert_eq!(doc.count("#f-topic option"), 6);
        assert!(!doc.attr("input[name=csrf_token]", "value").is_empty());
    }
}

#[actix_web::test]
async fn good_input_is_stored_and_redirects_to_thanks() {
    let mut app = TestApp::new().await;
    let res = app.post_form("/ar/contact", &GOOD).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/ar/contact/thanks");
    let thanks = app.get("/ar/contact/thanks").await.assert_status(200).doc();
    assert!(thanks.text("h1").contains("شكراً"));
    assert_eq!(
        stored(&app),
        vec![(
            "Salma Bennani".into(),
            "salma@example.ma".into(),
            Some("+212612345678".into()),
            "SUPPORT".into(),
            "ar".into()
        )]
    );
}

#[actix_web::test]
async fn bad_input_gets_localized_messages_and_422_and_keeps_values() {
    let mut app = TestApp::new().await;
    let res = app
        .post_form(
            "/fr/contact",
            &[("name", "S"), ("email", "not-an-email"), ("phone", "12345"), ("topic", "NOPE"), ("message", "court")],
        )
        .await;
    res.assert_status(422);
    let doc = res.doc();
    assert_eq!(doc.count(".field-error"), 5);
    assert_eq!(doc.count("[aria-invalid=true]"), 5);
    assert!(doc.text("#form-errors").contains("5 erreurs"));
    // The summary lists the errors in the order of the form, and takes the focus.
    let order: Vec<String> = doc.attrs("#form-errors a", "href");
    assert_eq!(order, vec!["#f-name", "#f-email", "#f-phone", "#f-topic", "#f-message"]);
    assert!(doc.attrs("#form-errors", "autofocus").len() == 1);
    assert!(doc.text("#f-email-error").contains("adresse e-mail"));
    assert_eq!(doc.attr("#f-email", "value"), "not-an-email");
    assert_eq!(doc.attr("#f-email", "aria-describedby"), "f-email-error");
    let en = app.post_form("/en/contact", &[("message", "")]).await;
    en.assert_status(422);
    assert!(en.doc().text("#f-name-error").starts_with("Enter your name"));
    let ar = app.post_form("/ar/contact", &[]).await;
    ar.assert_status(422);
    assert!(ar.doc().text("#f-message-error").contains("قصيرة"));
    assert!(stored(&app).is_empty(), "nothing is stored from bad input");
}

#[actix_web::test]
async fn limits_are_enforced_without_a_500() {
    let mut app = TestApp::new().await;
    let long = "x".repeat(5001);
    let mut fields = GOOD.to_vec();
    fields[4] = ("message", &long);
    app.post_form("/fr/contact", &fields).await.assert_status(422);
    let long_name = "n".repeat(101);
    fields[4] = GOOD[4];
    fields[0] = ("name", &long_name);
    app.post_form("/fr/contact", &fields).await.assert_status(422);
    // Garbage bodies are a 400 page, not a crash.
    let token = app.csrf_token();
    let res = app
        .post_raw(
            "/fr/contact",
            &[("content-type", "application/x-www-form-urlencoded")],
            &format!("csrf_token={token}&%%%=&name=%ZZ"),
        )
        .await;
    assert!(res.status.is_client_error(), "{}", res.status);
}

#[actix_web::test]
async fn honeypot_answers_thanks_but_stores_nothing() {
    let mut app = TestApp::new().await;
    let mut fields = GOOD.to_vec();
    fields.push(("website", "http://spam.example"));
    app.post_form("/fr/contact", &fields).await.assert_status(303);
    assert!(stored(&app).is_empty());
}

#[actix_web::test]
async fn too_many_messages_from_one_address_get_429() {
    let mut app = TestApp::new().await;
    for _ in 0..5 {
        app.post_form("/fr/contact", &GOOD).await.assert_status(303);
    }
    let res = app.post_form("/fr/contact", &GOOD).await;
    res.assert_status(429);
    assert!(res.doc().text("h1").contains("Trop de tentatives"));
    assert_eq!(stored(&app).len(), 5);
}

#[actix_web::test]
async fn htmx_submission_gets_the_form_fragment_with_422() {
    let mut app = TestApp::new().await;
    app.get("/fr/contact").await;
    let token = app.csrf_token();
    let res = app
        .post_raw(
            "/fr/contact",
            &[("content-type", "application/x-www-form-urlencoded"), ("HX-Request", "true"), ("X-CSRF-Token", &token)],
            "name=&email=&topic=&message=",
        )
        .await;
    res.assert_status(422);
    assert_eq!(res.header("vary").as_deref(), Some("HX-Request"));
    res.doc().assert_has("#contact-form .field-error");
}

#[actix_web::test]
async fn htmx_success_asks_for_a_full_page_redirect() {
    let mut app = TestApp::new().await;
    app.get("/fr/contact").await;
    let token = app.csrf_token();
    let body = serde_urlencoded::to_string(GOOD).unwrap();
    let res = app
        .post_raw(
            "/fr/contact",
            &[("content-type", "application/x-www-form-urlencoded"), ("HX-Request", "true"), ("X-CSRF-Token", &token)],
            &body,
        )
        .await;
    res.assert_status(200);
    assert_eq!(res.header("hx-redirect").as_deref(), Some("/fr/contact/thanks"));
    assert_eq!(stored(&app).len(), 1);
}
