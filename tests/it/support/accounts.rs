//! Account helpers: emails in memory, registering, verifying and signing in like a person would.

use std::collections::BTreeMap;

use khadamat::mail::SentEmail;

use super::{TestApp, TestResponse};

/// A password that passes the policy.
pub const PASSWORD: &str = "un thé à la menthe 2026";

impl TestApp {
    pub fn emails(&self) -> Vec<SentEmail> {
        self.state.mailer.sent()
    }

    pub fn emails_to(&self, to: &str) -> Vec<SentEmail> {
        self.emails().into_iter().filter(|e| e.email.to == to).collect()
    }

    /// The site path of the first link in the newest email to `to` whose path contains `marker`.
    #[track_caller]
    pub fn link_in_last_email(&self, to: &str, marker: &str) -> String {
        let email = self.emails_to(to).pop().unwrap_or_else(|| panic!("no email to {to}"));
        let base = &self.state.config.base_url;
        email
            .email
            .text
            .split_whitespace()
            .find(|w| w.starts_with(base.as_str()) && w.contains(marker))
            .map(|w| w[base.len()..].to_string())
            .unwrap_or_else(|| panic!("no {marker} link in {:?}", email.email.text))
    }

    pub async fn register(&mut self, lang: &str, email: &str, role: &str) -> TestResponse {
        let path = format!("/{lang}/register");
        self.post_form(
            &path,
            &[
                ("role", role),
                ("first_name", "Salma"),
                ("last_name", "Bennani"),
                ("email", email),
                ("phone", "0612345678"),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
                ("terms", "yes"),
            ],
        )
        .await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> TestResponse {
        self.post_form("/fr/login", &[("email", email), ("password", password)]).await
    }

    /// Registers, verifies and signs in a new user in this browser; returns the user's id.
    pub async fn signed_in(&mut self, email: &str, role: &str) -> i64 {
        self.register("fr", email, role).await.assert_status(303);
        let link = self.link_in_last_email(email, "/verify-email/");
        self.get(&link).await.assert_status(200);
        self.sign_in(email, PASSWORD).await.assert_status(303);
        self.user_id(email)
    }

    pub fn user_id(&self, email: &str) -> i64 {
        use diesel::prelude::*;
        use khadamat::db::schema::users;
        self.conn(|c| users::table.filter(users::email.eq(email)).select(users::id).first(c).unwrap())
    }

    /// Swaps this browser's cookies for another's (two people on one site).
    pub fn switch_browser(&mut self, cookies: BTreeMap<String, String>) -> BTreeMap<String, String> {
        std::mem::replace(&mut self.cookies, cookies)
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.get(name).cloned()
    }

    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_string(), value.to_string());
    }

    pub fn audit_count(&self, action: &str) -> i64 {
        self.conn(|c| khadamat::db::models::audit_log::count_action(c, action).unwrap())
    }
}
