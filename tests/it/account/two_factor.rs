use diesel::prelude::*;
use khadamat::db::schema::users;
use khadamat::domain::totp;

use crate::support::accounts::PASSWORD;
use crate::support::{Doc, TestApp};

fn secret_from_page(doc: &Doc) -> Vec<u8> {
    let key = doc.text(".qr code").replace(' ', "");
    totp_secret(&key)
}

fn totp_secret(base32: &str) -> Vec<u8> {
    // RFC 4648 base32 without padding.
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits = 0u64;
    let mut count = 0;
    let mut out = Vec::new();
    for c in base32.bytes() {
        let v = alphabet.iter().position(|a| *a == c).expect("base32") as u64;
        bits = (bits << 5) | v;
        count += 5;
        if count >= 8 {
            out.push((bits >> (count - 8)) as u8);
            count -= 8;
        }
    }
    out
}

fn code(secret: &[u8], offset: i64) -> String {
    totp::code_at(secret, (chrono::Utc::now().timestamp() + offset) as u64)
}

#[actix_web::test]
async fn set_up_two_factor_then_sign_in_with_a_code_or_a_recovery_code() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    let doc = app.get("/fr/account/two-factor").await.assert_status(200).doc();
    assert!(doc.attr(".qr img", "src").starts_with("data:image/svg+xml;base64,"));
    let secret = secret_from_page(&doc);
    // The secret stays the same while setting up (reloading the page does not change it).
    assert_eq!(secret_from_page(&app.get("/fr/account/two-factor").await.doc()), secret);
    app.post_form("/fr/account/two-factor", &[("code", "000000")]).await.assert_status(422);
    // The code used to turn it on (kept: recomputing it later could fall in the next 30-second step).
    let used = code(&secret, 0);
    let res = app.post_form("/fr/account/two-factor", &[("code", &used)]).await;
    res.assert_status(200);
    let codes = res.doc().texts(".recovery-codes code");
    assert_eq!(codes.len(), 10);
    let stored: Option<String> = app.conn(|c| users::table.find(id).select(users::two_factor_secret).first(c).unwrap());
    let stored = stored.unwrap();
    assert!(!stored.contains(&totp::manual_key(&secret).replace(' ', "")), "the secret is encrypted at rest");
    assert!(app.emails_to("salma@example.ma").last().unwrap().email.subject.contains("deux étapes"));

    // Signing in now asks for a code.
    app.switch_browser(Default::default());
    let res = app.sign_in("salma@example.ma", PASSWORD).await;
    res.assert_status(303);
    assert!(res.location().starts_with("/fr/login/two-factor"));
    app.get("/fr/account").await.assert_status(303);
    // The code used to turn 2FA on cannot be replayed.
    let res = app.post_form("/fr/login/two-factor", &[("code", &used)]).await;
    res.assert_status(422);
    let next = code(&secret, 30);
    app.post_form("/fr/login/two-factor", &[("code", &next)]).await.assert_status(303);
    app.get("/fr/account").await.assert_status(200);

    // A recovery code works once.
    app.switch_browser(Default::default());
    app.sign_in("salma@example.ma", PASSWORD).await;
    app.post_form("/fr/login/two-factor", &[("code", &codes[0].to_uppercase())]).await.assert_status(303);
    app.switch_browser(Default::default());
    app.sign_in("salma@example.ma", PASSWORD).await;
    app.post_form("/fr/login/two-factor", &[("code", &codes[0])]).await.assert_status(422);
    assert!(app.get("/fr/account/security").await.status.is_redirection());
    assert_eq!(app.audit_count("auth.two_factor_enabled"), 1);
}

#[actix_web::test]
async fn the_second_step_cannot_be_skipped_or_forced() {
    let mut app = TestApp::new().await;
    app.post_form("/fr/login/two-factor", &[("code", "123456")]).await.assert_status(303);
    app.get("/fr/login/two-factor").await.assert_status(303);
}

#[actix_web::test]
async fn turning_two_factor_off_needs_password_and_code() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    let secret = secret_from_page(&app.get("/fr/account/two-factor").await.doc());
    app.post_form("/fr/account/two-factor", &[("code", &code(&secret, 0))]).await.assert_status(200);
    app.post_form("/fr/account/two-factor/disable", &[("password", "wrong password!"), ("code", &code(&secret, 30))])
        .await
        .assert_status(422);
    app.post_form("/fr/account/two-factor/disable", &[("password", PASSWORD), ("code", "111111")])
        .await
        .assert_status(422);
    app.post_form("/fr/account/two-factor/disable", &[("password", PASSWORD), ("code", &code(&secret, 30))])
        .await
        .assert_status(303);
    let on: bool = app.conn(|c| users::table.find(id).select(users::two_factor_enabled).first(c).unwrap());
    assert!(!on);
}

#[actix_web::test]
async fn admins_are_sent_to_set_up_two_factor() {
    let mut app = TestApp::new().await;
    app.conn(|c| khadamat::db::seed::create_admin(c, "boss@khadamat.ma", PASSWORD, "Amina", "Admin").unwrap());
    let res = app.sign_in("boss@khadamat.ma", PASSWORD).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/fr/account/two-factor?notice=needs-2fa");
    let doc = app.get(&res.location()).await.doc();
    assert!(doc.text(".notice.notice-warning").contains("administrateurs"), "asked, shown as a warning");
}
