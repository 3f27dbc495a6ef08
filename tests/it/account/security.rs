use diesel::prelude::*;
use khadamat::db::schema::{sessions, users};

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

#[actix_web::test]
async fn security_page_lists_sessions_and_events() {
    let mut app = TestApp::new().await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    let here = app.switch_browser(Default::default());
    app.get_with("/fr/", &[]).await;
    app.request(
        actix_web::http::Method::GET,
        "/fr/",
        &[(
            "user-agent",
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
        )],
        None,
    )
    .await;
    let token = app.csrf_token();
    let body = format!("csrf_token={token}&email=salma%40example.ma&password={}", PASSWORD.replace(' ', "+"));
    app.request(
        actix_web::http::Method::POST,
        "/fr/login",
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("user-agent", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"),
        ],
        Some(body),
    )
    .await
    .assert_status(303);
    let phone = app.switch_browser(here);
    let doc = app.get("/fr/account/security").await.assert_status(200).doc();
    assert_eq!(doc.count(".session-row"), 2);
    assert_eq!(doc.count(".session-row .badge-verified"), 1, "this device is marked");
    assert!(doc.texts(".session-row strong").iter().any(|d| d == "Chrome · Android"));
    assert!(doc.texts("#events-title + ul li").iter().any(|e| e.starts_with("Connexion")));
    // Sign the phone out from here.
    let form = doc.attrs(".session-row form", "action");
    assert_eq!(form.len(), 1);
    app.post_form(&form[0], &[]).await.assert_status(303);
    app.switch_browser(phone);
    app.get("/fr/account").await.assert_status(303);
    assert_eq!(app.audit_count("auth.session_revoked"), 1);
}

#[actix_web::test]
async fn another_users_session_cannot_be_revoked() {
    let mut app = TestApp::new().await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    let salma = app.switch_browser(Default::default());
    let omar_id = app.signed_in("omar@example.ma", "CLIENT").await;
    let omar_session: i64 =
        app.conn(|c| sessions::table.filter(sessions::user_id.eq(omar_id)).select(sessions::id).first(c).unwrap());
    app.switch_browser(salma);
    app.post_form(&format!("/fr/account/sessions/{omar_session}/revoke"), &[]).await.assert_status(404);
    assert_eq!(
        app.conn(|c| sessions::table.filter(sessions::user_id.eq(omar_id)).count().get_result::<i64>(c).unwrap()),
        1
    );
    app.post_form("/fr/account/sessions/not-a-number/revoke", &[]).await.assert_status(404);
}

#[actix_web::test]
async fn sign_out_everywhere_else() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    let here = app.switch_browser(Default::default());
    app.sign_in("salma@example.ma", PASSWORD).await;
    app.switch_browser(Default::default());
    app.sign_in("salma@example.ma", PASSWORD).await;
    app.switch_browser(here);
    assert_eq!(app.conn(|c| sessions::table.filter(sessions::user_id.eq(id)).count().get_result::<i64>(c).unwrap()), 3);
    app.post_form("/fr/account/sessions/revoke-others", &[]).await.assert_status(303);
    assert_eq!(app.conn(|c| sessions::table.filter(sessions::user_id.eq(id)).count().get_result::<i64>(c).unwrap()), 1);
    app.get("/fr/account").await.assert_status(200);
}

#[actix_web::test]
async fn email_change_is_confirmed_from_the_new_address() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    let res = app
        .post_form(
            "/fr/account/email",
            &[("new_email", "salma.new@example.ma"), ("email_password", "wrong password here")],
        )
        .await;
    res.assert_status(422);
    app.post_form("/fr/account/email", &[("new_email", "Salma.New@example.ma"), ("email_password", PASSWORD)])
        .await
        .assert_status(303);
    let link = app.link_in_last_email("salma.new@example.ma", "/account/email/confirm/");
    // Following the link only shows a button (mail scanners do not change anything).
    app.get(&link).await.assert_status(200).doc().assert_has("form button[type=submit]");
    let email: String = app.conn(|c| users::table.find(id).select(users::email).first(c).unwrap());
    assert_eq!(email, "salma@example.ma");
    app.post_form(&link, &[]).await.assert_status(303);
    let email: String = app.conn(|c| users::table.find(id).select(users::email).first(c).unwrap());
    assert_eq!(email, "salma.new@example.ma");
    assert!(
        app.emails_to("salma@example.ma").last().unwrap().email.subject.contains("a changé"),
        "the old address is told"
    );
    app.post_form(&link, &[]).await.assert_status(400);
}

#[actix_web::test]
async fn email_change_to_a_taken_address_reveals_nothing() {
    let mut app = TestApp::new().await;
    app.register("fr", "omar@example.ma", "CLIENT").await;
    app.switch_browser(Default::default());
    app.signed_in("salma@example.ma", "CLIENT").await;
    let before = app.emails().len();
    let res =
        app.post_form("/fr/account/email", &[("new_email", "omar@example.ma"), ("email_password", PASSWORD)]).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/fr/account/security?notice=new-email-sent");
    assert_eq!(app.emails().len(), before, "no link is sent for a taken address");
}
