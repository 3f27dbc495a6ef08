use super::{Browser, Server, browser};

const PASSWORD: &str = "un thé à la menthe 2026";

fn register(b: &Browser, server: &Server, lang: &str, email: &str) {
    b.goto(&server.url(&format!("/{lang}/register")));
    b.click("input[name=role][value=CLIENT]");
    b.type_into("#f-first_name", "Salma");
    b.type_into("#f-last_name", "Bennani");
    b.type_into("#f-email", email);
    b.type_into("#f-phone", "0612345678");
    b.type_into("#f-password", PASSWORD);
    b.type_into("#f-password_confirmation", "not the same at all");
    b.click("#f-terms");
    b.click("#register-form button[type=submit]");
    // Mismatched passwords: the form comes back with the message, the other fields kept.
    b.wait_for("#f-password_confirmation-error");
    assert_eq!(b.script("return document.getElementById('f-email').value"), email);
    b.type_into("#f-password", PASSWORD);
    b.type_into("#f-password_confirmation", PASSWORD);
    b.click("#register-form button[type=submit]");
    b.wait_until("the check-email page", |b| b.current_url().ends_with(&format!("/{lang}/register/check-email")));
}

fn verify_and_sign_in(b: &Browser, server: &Server, lang: &str, email: &str) {
    let link = server.link_in_last_email(email, "/verify-email/");
    b.goto(&server.url(&link));
    b.wait_for(".success-icon");
    b.goto(&server.url(&format!("/{lang}/login")));
    b.type_into("#f-email", email);
    b.type_into("#f-password", PASSWORD);
    b.click("#login-form button[type=submit]");
    b.wait_until("the account page", |b| b.current_url().ends_with(&format!("/{lang}/account")));
    assert!(b.text("h1").contains("Salma"));
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn register_verify_and_sign_in_with_javascript_in_french() {
    let b = browser(true);
    let server = Server::start(0);
    register(&b, &server, "fr", "salma@example.ma");
    verify_and_sign_in(&b, &server, "fr", "salma@example.ma");
    // Sign out from the account menu.
    b.goto(&server.url("/fr/account"));
    b.click(".account-signout button");
    b.wait_until("the home page", |b| b.current_url().contains("/fr/?notice=signed-out"));
    let errors: Vec<String> = b.console_errors().into_iter().filter(|m| !m.contains("status of 422")).collect();
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn register_verify_and_sign_in_without_javascript_in_arabic() {
    let b = browser(false);
    let server = Server::start(0);
    register(&b, &server, "ar", "salma@example.ma");
    verify_and_sign_in(&b, &server, "ar", "salma@example.ma");
    assert_eq!(b.script("return document.documentElement.dir"), "rtl");
}
