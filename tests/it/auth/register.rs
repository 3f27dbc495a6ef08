use diesel::prelude::*;
use khadamat::db::schema::users;
use khadamat::db::types::UserRole;

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

fn user_count(app: &TestApp) -> i64 {
    app.conn(|c| users::table.count().get_result(c).unwrap())
}

#[actix_web::test]
async fn register_form_in_three_languages() {
    let mut app = TestApp::new().await;
    for lang in ["fr", "ar", "en"] {
        let doc = app.get(&format!("/{lang}/register")).await.assert_status(200).doc();
        assert_eq!(doc.count("#register-form input[name=role]"), 2);
        assert_eq!(doc.attr("#f-password", "type"), "password");
        assert_eq!(doc.attr("#f-password", "autocomplete"), "new-password");
        doc.assert_has("#f-terms");
    }
    let doc = app.get("/fr/register?role=provider").await.doc();
    assert_eq!(doc.attr("input[name=role][checked]", "value"), "PROVIDER");
}

#[actix_web::test]
async fn client_registers_verifies_and_the_link_works_once() {
    let mut app = TestApp::new().await;
    let res = app.register("ar", "  New.Client@Example.MA ", "CLIENT").await;
    res.assert_status(303);
    assert_eq!(res.location(), "/ar/register/check-email");
    let (verified, phone, role, locale): (Option<chrono::NaiveDateTime>, Option<String>, UserRole, String) =
        app.conn(|c| {
            users::table
                .filter(users::email.eq("new.client@example.ma"))
                .select((users::email_verified_at, users::phone, users::role, users::locale))
                .first(c)
                .unwrap()
        });
    assert!(verified.is_none());
    assert_eq!(phone.as_deref(), Some("+212612345678"));
    assert_eq!((role, locale.as_str()), (UserRole::Client, "ar"));
    // The verification email is in the user's language, HTML and text.
    let email = app.emails_to("new.client@example.ma").pop().unwrap();
    assert!(email.email.subject.contains("بريد"), "{}", email.email.subject);
    assert!(email.email.html.contains("dir=\"rtl\""));
    let link = app.link_in_last_email("new.client@example.ma", "/verify-email/");
    assert!(link.starts_with("/ar/verify-email/"));
    app.get(&link).await.assert_status(200).doc().assert_has(".success-icon");
    assert!(
        app.conn(|c| users::table
            .filter(users::email.eq("new.client@example.ma"))
            .select(users::email_verified_at)
            .first::<Option<chrono::NaiveDateTime>>(c)
            .unwrap())
            .is_some()
    );
    // Following it again (or a mail scanner having done it first) still says verified.
    app.get(&link).await.assert_status(200);
    assert_eq!(app.audit_count("auth.registered"), 1);
    assert_eq!(app.audit_count("auth.email_verified"), 1);
    // A made-up link is a clear 400 page.
    let res = app.get("/fr/verify-email/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    res.assert_status(400);
    assert!(res.doc().text("h1").contains("ne fonctionne pas"));
    app.get("/fr/verify-email/short").await.assert_status(400);
}

#[actix_web::test]
async fn provider_can_register_but_admin_cannot_be_chosen() {
    let mut app = TestApp::new().await;
    app.register("fr", "pro@example.ma", "PROVIDER").await.assert_status(303);
    let role: UserRole =
        app.conn(|c| users::table.filter(users::email.eq("pro@example.ma")).select(users::role).first(c).unwrap());
    assert_eq!(role, UserRole::Provider);
    let before = user_count(&app);
    let res = app.register("fr", "boss@example.ma", "ADMIN").await;
    res.assert_status(422);
    assert!(res.doc().texts(".field-error").iter().any(|e| e.contains("Choisissez")));
    // Extra fields (mass assignment) are ignored.
    let res = app
        .post_form(
            "/fr/register",
            &[
                ("role", "CLIENT"),
                ("first_name", "Omar"),
                ("last_name", "Tazi"),
                ("email", "omar@example.ma"),
                ("phone", "0712345678"),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
                ("terms", "yes"),
                ("email_verified_at", "2020-01-01 00:00:00"),
                ("status", "ADMIN"),
            ],
        )
        .await;
    res.assert_status(303);
    let (role, verified): (UserRole, Option<chrono::NaiveDateTime>) = app.conn(|c| {
        users::table
            .filter(users::email.eq("omar@example.ma"))
            .select((users::role, users::email_verified_at))
            .first(c)
            .unwrap()
    });
    assert_eq!((role, verified), (UserRole::Client, None));
    assert_eq!(user_count(&app), before + 1);
}

#[actix_web::test]
async fn duplicate_email_gets_the_same_answer_and_the_owner_an_email() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await.assert_status(303);
    let before = user_count(&app);
    let res = app.register("en", "SALMA@example.ma", "PROVIDER").await;
    res.assert_status(303);
    assert_eq!(res.location(), "/en/register/check-email");
    assert_eq!(user_count(&app), before);
    let emails = app.emails_to("salma@example.ma");
    assert_eq!(emails.len(), 2);
    assert!(emails[1].email.subject.contains("inscription"), "in the owner's language: {}", emails[1].email.subject);
    assert!(emails[1].email.text.contains("/fr/password/forgot"));
}

#[actix_web::test]
async fn bad_input_is_refused_with_messages_and_nothing_written() {
    let mut app = TestApp::new().await;
    let before = user_count(&app);
    let res = app.post_form("/fr/register", &[]).await;
    res.assert_status(422);
    let doc = res.doc();
    for field in ["email", "first_name", "last_name", "phone", "password", "terms"] {
        doc.assert_has(&format!("#f-{field}[aria-invalid=true]"));
    }
    let long = "x".repeat(61);
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, &'a str);
    let cases: Vec<Case> = vec![
        (vec![("email", "not-an-email")], "email", "ne semble pas valide"),
        (vec![("phone", "+33612345678")], "phone", "Numéro marocain"),
        (vec![("first_name", &long)], "first_name", "60 caractères"),
        (vec![("password", "short")], "password", "12 caractères"),
        (vec![("password", "qwerty123456"), ("password_confirmation", "qwerty123456")], "password", "trop courant"),
        (vec![("password_confirmation", "something else entirely")], "password_confirmation", "pas identiques"),
        // Twelve characters, and still guessed at once: in the breached list, or found by the estimate.
        (vec![("password", "123456789012"), ("password_confirmation", "123456789012")], "password", "trop courant"),
        (vec![("password", "1234567890123"), ("password_confirmation", "1234567890123")], "password", "devin"),
        (
            vec![("password", "Maroc2026Maroc2026"), ("password_confirmation", "Maroc2026Maroc2026")],
            "password",
            "devin",
        ),
        (vec![("password", "Bennani-1990!"), ("password_confirmation", "Bennani-1990!")], "password", "devin"),
    ];
    for (overrides, field, message) in cases {
        let mut form: Vec<(&str, &str)> = vec![
            ("role", "CLIENT"),
            ("first_name", "Salma"),
            ("last_name", "Bennani"),
            ("email", "ok@example.ma"),
            ("phone", "0612345678"),
            ("password", PASSWORD),
            ("password_confirmation", PASSWORD),
            ("terms", "yes"),
        ];
        for (k, v) in overrides {
            form.retain(|(key, _)| *key != k);
            form.push((k, v));
        }
        let res = app.post_form("/fr/register", &form).await;
        res.assert_status(422);
        let error = res.doc().text(&format!("#f-{field}-error"));
        assert!(error.contains(message), "{field} ({message:?}): {error}");
        // Passwords are never sent back.
        assert_eq!(res.doc().attr("#f-password", "value"), "");
    }
    assert_eq!(user_count(&app), before);
}

#[actix_web::test]
async fn registration_is_limited_per_address() {
    let mut app = TestApp::new().await;
    for i in 0..10 {
        app.register("fr", &format!("u{i}@example.ma"), "CLIENT").await.assert_status(303);
    }
    let res = app.register("fr", "u10@example.ma", "CLIENT").await;
    res.assert_status(429);
    assert!(res.doc().text("h1").contains("Trop de tentatives"));
}
