use chrono::Duration;
use diesel::prelude::*;
use khadamat::db::schema::{sessions, user_tokens};

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

const NEW_PASSWORD: &str = "couscous du vendredi chez mamie";

#[actix_web::test]
async fn forgot_password_answers_the_same_for_known_and_unknown_emails() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    let before = app.emails().len();
    let known = app.post_form("/fr/password/forgot", &[("email", "Salma@Example.ma")]).await;
    let unknown = app.post_form("/fr/password/forgot", &[("email", "nobody@example.ma")]).await;
    assert_eq!((known.status, known.location()), (unknown.status, unknown.location()));
    assert_eq!(known.location(), "/fr/password/forgot?sent=1");
    assert_eq!(app.emails().len(), before + 1, "only the known address gets an email");
    assert!(app.get("/fr/password/forgot?sent=1").await.doc().text(".success-card").contains("Si un compte"));
}

#[actix_web::test]
async fn reset_link_works_once_ends_sessions_and_tells_the_owner() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    app.sign_in("salma@example.ma", PASSWORD).await;
    let other_browser = app.switch_browser(Default::default());
    app.post_form("/fr/password/forgot", &[("email", "salma@example.ma")]).await;
    let link = app.link_in_last_email("salma@example.ma", "/password/reset/");
    let form = app.get(&link).await;
    form.assert_status(200);
    assert_eq!(form.header("referrer-policy").as_deref(), Some("no-referrer"));
    // Weak or mismatched passwords are refused without using the link up.
    let res = app.post_form(&link, &[("password", "short"), ("password_confirmation", "short")]).await;
    res.assert_status(422);
    let res = app.post_form(&link, &[("password", NEW_PASSWORD), ("password_confirmation", NEW_PASSWORD)]).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/fr/login?notice=password-reset");
    // Once only.
    let again = app.post_form(&link, &[("password", NEW_PASSWORD), ("password_confirmation", NEW_PASSWORD)]).await;
    again.assert_status(400);
    assert!(again.doc().text(".card").contains("déjà été utilisé"));
    // Every session ended, the old password no longer works, the new one does.
    assert_eq!(app.conn(|c| sessions::table.count().get_result::<i64>(c).unwrap()), 0);
    app.switch_browser(other_browser);
    app.get("/fr/account").await.assert_status(303);
    app.sign_in("salma@example.ma", PASSWORD).await.assert_status(422);
    app.sign_in("salma@example.ma", NEW_PASSWORD).await.assert_status(303);
    let notice = app.emails_to("salma@example.ma").pop().unwrap();
    assert!(notice.email.subject.contains("mot de passe a été modifié"));
    assert_eq!(app.audit_count("auth.password_reset"), 1);
}

#[actix_web::test]
async fn expired_and_unknown_reset_links_are_clear_400_pages() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    app.post_form("/fr/password/forgot", &[("email", "salma@example.ma")]).await;
    let link = app.link_in_last_email("salma@example.ma", "/password/reset/");
    app.conn(|c| {
        diesel::update(user_tokens::table)
            .set(user_tokens::expires_at.eq(khadamat::db::now() - Duration::minutes(1)))
            .execute(c)
            .unwrap()
    });
    let res = app.get(&link).await;
    res.assert_status(400);
    assert!(res.doc().text(".card").contains("expiré"));
    app.post_form(&link, &[("password", NEW_PASSWORD), ("password_confirmation", NEW_PASSWORD)])
        .await
        .assert_status(400);
    app.get("/en/password/reset/not-a-token").await.assert_status(400);
    app.get("/en/password/reset/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB").await.assert_status(400);
}

#[actix_web::test]
async fn change_password_needs_the_current_one_and_ends_other_sessions() {
    let mut app = TestApp::new().await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    let here = app.switch_browser(Default::default());
    app.sign_in("salma@example.ma", PASSWORD).await;
    let elsewhere = app.switch_browser(here);
    let res = app
        .post_form(
            "/fr/account/password",
            &[
                ("current_password", "wrong one, sorry"),
                ("password", NEW_PASSWORD),
                ("password_confirmation", NEW_PASSWORD),
            ],
        )
        .await;
    res.assert_status(422);
    assert!(res.doc().text("#f-current_password-error").contains("incorrect"));
    let res = app
        .post_form(
            "/fr/account/password",
            &[("current_password", PASSWORD), ("password", NEW_PASSWORD), ("password_confirmation", NEW_PASSWORD)],
        )
        .await;
    res.assert_status(303);
    // This browser stays signed in; the other one is signed out.
    app.get("/fr/account").await.assert_status(200);
    app.switch_browser(elsewhere);
    app.get("/fr/account").await.assert_status(303);
    assert!(app.emails_to("salma@example.ma").last().unwrap().email.subject.contains("modifié"));
    assert_eq!(app.audit_count("auth.password_changed"), 1);
}
