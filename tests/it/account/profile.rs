use diesel::prelude::*;
use khadamat::db::schema::users;

use crate::support::TestApp;

#[actix_web::test]
async fn profile_updates_name_phone_and_language() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    let doc = app.get("/fr/account/profile").await.assert_status(200).doc();
    assert_eq!(doc.attr("#f-phone", "value"), "06 12 34 56 78");
    let res = app
        .post_form(
            "/fr/account/profile",
            &[("first_name", "Salma"), ("last_name", "El Idrissi"), ("phone", "+212 7 12 34 56 78"), ("locale", "ar")],
        )
        .await;
    res.assert_status(303);
    assert_eq!(res.location(), "/ar/account/profile?notice=profile-saved");
    let (last, phone, locale): (String, Option<String>, String) =
        app.conn(|c| users::table.find(id).select((users::last_name, users::phone, users::locale)).first(c).unwrap());
    assert_eq!((last.as_str(), phone.as_deref(), locale.as_str()), ("El Idrissi", Some("+212712345678"), "ar"));
    let res = app
        .post_form("/fr/account/profile", &[("first_name", ""), ("last_name", "X"), ("phone", "123"), ("locale", "de")])
        .await;
    res.assert_status(422);
    assert_eq!(res.doc().count(".field-error"), 2);
}

#[actix_web::test]
async fn notification_preferences_are_saved() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    let doc = app.get("/fr/account/notifications/settings").await.doc();
    assert_eq!(doc.count("input[name=email][checked]"), 5, "everything on by default");
    app.post_form(
        "/fr/account/notifications/settings",
        &[("email", "BOOKINGS"), ("email", "ACCOUNT"), ("email", "NOPE")],
    )
    .await
    .assert_status(303);
    let doc = app.get("/fr/account/notifications/settings").await.doc();
    assert_eq!(doc.attrs("input[name=email][checked]", "value"), vec!["BOOKINGS", "ACCOUNT"]);
    let prefs = app.conn(|c| khadamat::db::models::notification_preference::for_user(c, id).unwrap());
    assert_eq!(prefs.iter().filter(|p| p.email).count(), 2);
}

#[actix_web::test]
async fn unverified_users_see_what_is_waiting_and_can_resend() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    app.sign_in("salma@example.ma", crate::support::accounts::PASSWORD).await;
    let doc = app.get("/fr/account").await.doc();
    assert_eq!(doc.count(".alert-warning li"), 3);
    let before = app.emails_to("salma@example.ma").len();
    let res = app.post_form("/fr/account/verification", &[]).await;
    res.assert_status(303);
    assert_eq!(app.emails_to("salma@example.ma").len(), before + 1);
    // The newest link works; older ones were retired.
    let link = app.link_in_last_email("salma@example.ma", "/verify-email/");
    app.get(&link).await.assert_status(200);
    assert_eq!(app.get("/fr/account").await.doc().count(".alert-warning"), 0);
    // Resending is limited.
    app.switch_browser(Default::default());
    app.register("fr", "omar@example.ma", "CLIENT").await;
    app.sign_in("omar@example.ma", crate::support::accounts::PASSWORD).await;
    for _ in 0..3 {
        app.post_form("/fr/account/verification", &[]).await.assert_status(303);
    }
    app.post_form("/fr/account/verification", &[]).await.assert_status(429);
}
