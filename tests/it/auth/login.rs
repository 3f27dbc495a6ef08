use chrono::Duration;
use diesel::prelude::*;
use khadamat::db::schema::{login_attempts, sessions};

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

#[actix_web::test]
async fn anonymous_visitors_are_sent_to_sign_in_and_come_back() {
    let mut app = TestApp::new().await;
    let res = app.get("/ar/account/security").await;
    res.assert_status(303);
    assert_eq!(res.location(), "/ar/login?next=%2Far%2Faccount%2Fsecurity");
    app.register("fr", "salma@example.ma", "CLIENT").await;
    let res = app
        .post_form(
            "/fr/login",
            &[("email", "salma@example.ma"), ("password", PASSWORD), ("next", "/ar/account/security")],
        )
        .await;
    res.assert_status(303);
    assert_eq!(res.location(), "/ar/account/security");
    app.get("/ar/account/security").await.assert_status(200);
}

#[actix_web::test]
async fn sign_in_sets_a_fresh_server_side_session() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    // A session id planted by an attacker (fixation) is never kept.
    app.set_cookie("session", "planted-by-an-attacker");
    let res = app.sign_in("salma@example.ma", PASSWORD).await;
    res.assert_status(303);
    let cookie = res
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("session="))
        .unwrap()
        .to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.contains("planted-by-an-attacker"));
    let rows: Vec<(Option<i64>, Option<String>)> =
        app.conn(|c| sessions::table.select((sessions::user_id, sessions::ip_address)).load(c).unwrap());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1.as_deref(), Some("127.0.0.1"));
    let doc = app.get("/fr/account").await.assert_status(200).doc();
    assert!(doc.text("h1").contains("Salma"));
    assert_eq!(app.audit_count("auth.login"), 1);
}

#[actix_web::test]
async fn wrong_password_and_unknown_email_get_the_same_answer() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    let wrong = app.sign_in("salma@example.ma", "not the right password").await;
    let unknown = app.sign_in("nobody@example.ma", "not the right password").await;
    wrong.assert_status(422);
    unknown.assert_status(422);
    assert_eq!(wrong.doc().text("#login-error"), unknown.doc().text("#login-error"));
    assert_eq!(wrong.doc().attr("#f-email", "value"), "salma@example.ma");
    assert_eq!(app.audit_count("auth.login_failed"), 2);
}

#[actix_web::test]
async fn failures_slow_down_then_lock_with_429() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    for _ in 0..3 {
        app.sign_in("salma@example.ma", "wrong password!!").await.assert_status(422);
    }
    let res = app.sign_in("salma@example.ma", PASSWORD).await;
    res.assert_status(429);
    assert!(res.header("retry-after").is_some());
    assert!(res.doc().text("#login-error").contains("Patientez"));
    // Ten failures in the window lock the account, even with the right password.
    let now = khadamat::db::now();
    app.conn(|c| {
        for i in 0..10 {
            khadamat::db::models::rate_limit::record_login(
                c,
                "salma@example.ma",
                "10.0.0.9",
                false,
                now - Duration::seconds(60 + i),
            )
            .unwrap();
        }
    });
    let res = app.sign_in("salma@example.ma", PASSWORD).await;
    res.assert_status(429);
    assert!(res.doc().text("#login-error").contains("bloquée"));
    // The lock ends with the window.
    app.conn(|c| {
        diesel::update(login_attempts::table)
            .set(login_attempts::created_at.eq(now - Duration::hours(1)))
            .execute(c)
            .unwrap()
    });
    app.sign_in("salma@example.ma", PASSWORD).await.assert_status(303);
}

#[actix_web::test]
async fn open_redirects_are_refused() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    for next in ["https://evil.example/", "//evil.example/fr/", "/\\evil.example"] {
        app.switch_browser(Default::default());
        let res =
            app.post_form("/fr/login", &[("email", "salma@example.ma"), ("password", PASSWORD), ("next", next)]).await;
        res.assert_status(303);
        assert_eq!(res.location(), "/fr/account", "{next}");
    }
    let doc = app.get("/fr/login?next=https%3A%2F%2Fevil.example").await.doc();
    assert_eq!(doc.count("input[name=next][value='https://evil.example']"), 0);
}

#[actix_web::test]
async fn sign_out_ends_the_session_on_the_server() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    app.sign_in("salma@example.ma", PASSWORD).await;
    let stolen = app.cookie("session").unwrap();
    let res = app.post_form("/fr/logout", &[]).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/fr/?notice=signed-out");
    assert_eq!(app.conn(|c| sessions::table.count().get_result::<i64>(c).unwrap()), 0);
    // Replaying the old cookie gets nowhere.
    app.set_cookie("session", &stolen);
    app.get("/fr/account").await.assert_status(303);
    // Signing out needs the CSRF token too.
    app.sign_in("salma@example.ma", PASSWORD).await;
    app.post_raw("/fr/logout", &[("content-type", "application/x-www-form-urlencoded")], "").await.assert_status(403);
    app.get("/fr/account").await.assert_status(200);
}

#[actix_web::test]
async fn sign_in_needs_csrf_too() {
    let mut app = TestApp::new().await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    let body = format!("email=salma%40example.ma&password={}", PASSWORD.replace(' ', "+"));
    let res = app.post_raw("/fr/login", &[("content-type", "application/x-www-form-urlencoded")], &body).await;
    res.assert_status(403);
}

#[actix_web::test]
async fn header_shows_the_account_when_signed_in() {
    let mut app = TestApp::new().await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    let res = app.get("/fr/").await;
    let doc = res.doc();
    assert_eq!(doc.attr(".header-actions a[href='/fr/account']", "href"), "/fr/account");
    doc.assert_has(".header-actions form[action='/fr/logout']");
    assert_eq!(res.header("cache-control").as_deref(), Some("private, no-cache"));
    let private = app.get("/fr/account").await;
    assert_eq!(private.header("cache-control").as_deref(), Some("no-store"));
}

#[actix_web::test]
async fn a_suspended_account_is_told_so_only_with_the_right_password() {
    use diesel::prelude::*;
    use khadamat::db::schema::users;
    use khadamat::db::types::UserStatus;
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    app.switch_browser(Default::default());
    app.conn(|c| {
        diesel::update(users::table.find(id)).set(users::status.eq(UserStatus::Suspended)).execute(c).unwrap()
    });
    // A wrong password keeps the generic answer: nothing is revealed.
    let wrong = app.sign_in("salma@example.ma", "not the password at all").await;
    wrong.assert_status(422);
    assert_eq!(wrong.doc().text("#login-error"), "Adresse e-mail ou mot de passe incorrect.");
    // The right one says the account is suspended and how to reach us; no session starts.
    let res = app.sign_in("salma@example.ma", PASSWORD).await;
    res.assert_status(403);
    let doc = res.doc();
    assert!(doc.text("#login-error").contains("suspendu"), "{}", doc.text("#login-error"));
    assert_eq!(doc.attr("#login-error a", "href"), "/fr/contact");
    app.get("/fr/account").await.assert_status(303);
    assert_eq!(app.audit_count("auth.login_suspended"), 1);
}

/// The session cookie set by a response.
fn session_cookie(res: &crate::support::TestResponse) -> String {
    res.headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("session=") && !c.starts_with("session=;"))
        .unwrap_or_else(|| panic!("no session cookie in {:?}", res.headers))
        .to_string()
}

/// (idle, absolute) lifetime of the newest session row, in minutes from now.
fn newest_session_minutes(app: &TestApp) -> (i64, i64) {
    let (idle, absolute): (chrono::NaiveDateTime, chrono::NaiveDateTime) = app.conn(|c| {
        sessions::table
            .filter(sessions::user_id.is_not_null())
            .order(sessions::id.desc())
            .select((sessions::expires_at, sessions::absolute_expires_at))
            .first(c)
            .unwrap()
    });
    let now = chrono::Utc::now().naive_utc();
    ((idle - now).num_minutes() + 1, (absolute - now).num_minutes() + 1)
}

#[actix_web::test]
async fn sessions_end_with_the_browser_unless_remembered_and_admins_are_never_remembered() {
    let mut app = TestApp::new().await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    // Without "remember me": a browser-session cookie, 2 hours idle, 12 hours in all.
    app.switch_browser(Default::default());
    let res = app.sign_in("salma@example.ma", PASSWORD).await;
    let cookie = session_cookie(&res);
    assert!(!cookie.contains("Max-Age") && !cookie.contains("Expires"), "{cookie}");
    assert_eq!(newest_session_minutes(&app), (2 * 60, 12 * 60));
    // A later change of the session's state (a two-step set-up begun) keeps a browser-session cookie.
    let res = app.get("/fr/account/two-factor").await;
    let cookie = session_cookie(&res);
    assert!(!cookie.contains("Max-Age"), "{cookie}");
    // With it: 30 days, on the cookie too.
    app.switch_browser(Default::default());
    let res =
        app.post_form("/fr/login", &[("email", "salma@example.ma"), ("password", PASSWORD), ("remember", "yes")]).await;
    let cookie = session_cookie(&res);
    assert!(cookie.contains("Max-Age=2592000"), "{cookie}");
    assert_eq!(newest_session_minutes(&app), (30 * 24 * 60, 30 * 24 * 60));
    // …and keeps it when the session's state changes later.
    let cookie = session_cookie(&app.get("/fr/account/two-factor").await);
    assert!(cookie.contains("Max-Age=2592000"), "{cookie}");
    // An administrator asking to be remembered is not: 30 minutes idle, 12 hours in all, a browser-session cookie.
    app.switch_browser(Default::default());
    app.conn(|c| khadamat::db::seed::create_admin(c, "boss@khadamat.ma", PASSWORD, "Amina", "Admin").unwrap());
    let res =
        app.post_form("/fr/login", &[("email", "boss@khadamat.ma"), ("password", PASSWORD), ("remember", "yes")]).await;
    res.assert_status(303);
    let cookie = session_cookie(&res);
    assert!(!cookie.contains("Max-Age") && !cookie.contains("Expires"), "{cookie}");
    assert_eq!(newest_session_minutes(&app), (30, 12 * 60));
}
