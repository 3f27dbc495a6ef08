//! The emails the account features send, each in the recipient's language.

use crate::db::models::User;
use crate::db::types::Locale;
use crate::error::AppError;
use crate::i18n::{I18n, Lang};
use crate::mail::{Action, Email, compose};

/// Where links point and which language to write in.
pub struct Context<'a> {
    pub base_url: &'a str,
}

pub fn lang_of(locale: Locale) -> Lang {
    match locale {
        Locale::Fr => Lang::Fr,
        Locale::Ar => Lang::Ar,
        Locale::En => Lang::En,
    }
}

/// An email's kind, from its subject's key: `email-reset-subject` → `reset`.
fn kind_of(subject_key: &str) -> &str {
    let kind = subject_key.trim_end_matches("-subject");
    kind.split_once('-').map_or(kind, |(_, rest)| rest)
}

fn greeting(i18n: &I18n, user: &User) -> String {
    i18n.t_with("email-greeting", [("name", user.first_name.as_str())])
}

impl Context<'_> {
    fn link(&self, lang: Lang, path: &str) -> String {
        format!("{}/{}{}", self.base_url, lang.code(), path)
    }

    fn email(
        &self,
        user: &User,
        subject: &str,
        paragraphs: &[&str],
        action: Option<(&str, String)>,
    ) -> Result<Email, AppError> {
        self.email_to(user, &user.email, subject, paragraphs, action)
    }

    fn email_to(
        &self,
        user: &User,
        to: &str,
        subject: &str,
        paragraphs: &[&str],
        action: Option<(&str, String)>,
    ) -> Result<Email, AppError> {
        let i18n = I18n::new(lang_of(user.locale));
        let mut body = vec![greeting(&i18n, user)];
        body.extend(paragraphs.iter().map(|key| i18n.t(key)));
        let action = action.map(|(label, url)| Action { label: i18n.t(label), url });
        compose(kind_of(subject), &i18n, self.base_url, to, i18n.t(subject), &body, action)
    }

    pub fn verify_email(&self, user: &User, token: &str) -> Result<Email, AppError> {
        let url = self.link(lang_of(user.locale), &format!("/verify-email/{token}"));
        self.email(
            user,
            "email-verify-subject",
            &["email-verify-body", "email-verify-expiry"],
            Some(("email-verify-action", url)),
        )
    }

    pub fn account_exists(&self, user: &User) -> Result<Email, AppError> {
        let url = self.link(lang_of(user.locale), "/password/forgot");
        self.email(
            user,
            "email-exists-subject",
            &["email-exists-body", "email-exists-ignore"],
            Some(("email-exists-action", url)),
        )
    }

    pub fn password_reset(&self, user: &User, token: &str) -> Result<Email, AppError> {
        let url = self.link(lang_of(user.locale), &format!("/password/reset/{token}"));
        self.email(
            user,
            "email-reset-subject",
            &["email-reset-body", "email-reset-expiry"],
            Some(("email-reset-action", url)),
        )
    }

    pub fn password_changed(&self, user: &User) -> Result<Email, AppError> {
        let url = self.link(lang_of(user.locale), "/password/forgot");
        self.email(
            user,
            "email-password-changed-subject",
            &["email-password-changed-body", "email-not-you"],
            Some(("email-secure-action", url)),
        )
    }

    pub fn email_change_confirm(&self, user: &User, new_email: &str, token: &str) -> Result<Email, AppError> {
        let url = self.link(lang_of(user.locale), &format!("/account/email/confirm/{token}"));
        self.email_to(
            user,
            new_email,
            "email-change-subject",
            &["email-change-body"],
            Some(("email-change-action", url)),
        )
    }

    pub fn email_change_notice(&self, user: &User, old_email: &str) -> Result<Email, AppError> {
        let url = self.link(lang_of(user.locale), "/password/forgot");
        self.email_to(
            user,
            old_email,
            "email-changed-subject",
            &["email-changed-body", "email-not-you"],
            Some(("email-secure-action", url)),
        )
    }

    pub fn two_factor_changed(&self, user: &User, enabled: bool) -> Result<Email, AppError> {
        let (subject, body) = if enabled {
            ("email-2fa-on-subject", "email-2fa-on-body")
        } else {
            ("email-2fa-off-subject", "email-2fa-off-body")
        };
        self.email(user, subject, &[body, "email-not-you"], None)
    }

    pub fn provider_decision(
        &self,
        user: &User,
        slug: &str,
        approved: bool,
        reason: Option<&str>,
    ) -> Result<Email, AppError> {
        let lang = lang_of(user.locale);
        if approved {
            let url = self.link(lang, &format!("/providers/{slug}"));
            self.email(
                user,
                "email-provider-approved-subject",
                &["email-provider-approved-body"],
                Some(("email-provider-approved-action", url)),
            )
        } else {
            let i18n = I18n::new(lang);
            let url = self.link(lang, "/provider/profile");
            let body = vec![
                greeting(&i18n, user),
                i18n.t("email-provider-rejected-body"),
                i18n.t_with("email-provider-rejected-reason", [("reason", reason.unwrap_or(""))]),
            ];
            let action = Action { label: i18n.t("email-provider-rejected-action"), url };
            let subject = "email-provider-rejected-subject";
            compose(kind_of(subject), &i18n, self.base_url, &user.email, i18n.t(subject), &body, Some(action))
        }
    }

    /// A back office decision about the account ("suspended", "reactivated", "verified", "role"), with the
    /// reason or the new role as written by the admin.
    pub fn account_decision(&self, user: &User, decision: &str, detail: &str) -> Result<Email, AppError> {
        let i18n = I18n::new(lang_of(user.locale));
        let (subject, body) = match decision {
            "suspended" => ("email-admin-suspended-subject", "email-admin-suspended-body"),
            "reactivated" => ("email-admin-reactivated-subject", "email-admin-reactivated-body"),
            "verified" => ("email-admin-verified-subject", "email-admin-verified-body"),
            "badge" => ("email-admin-badge-subject", "email-admin-badge-body"),
            "service" => ("email-admin-service-subject", "email-admin-service-body"),
            "badge-revoked" => ("email-admin-badge-revoked-subject", "email-admin-badge-revoked-body"),
            "hidden-message" => ("email-admin-message-hidden-subject", "email-admin-message-hidden-body"),
            "restored-message" => ("email-admin-message-restored-subject", "email-admin-message-restored-body"),
            "warned" => ("email-admin-warned-subject", "email-admin-warned-body"),
            "removed-photo" => ("email-admin-photo-removed-subject", "email-admin-photo-removed-body"),
            _ => ("email-admin-role-subject", "email-admin-role-body"),
        };
        let detail = match detail.parse::<crate::db::types::UserRole>() {
            Ok(crate::db::types::UserRole::Client) => i18n.t("email-admin-role-client"),
            Ok(crate::db::types::UserRole::Provider) => i18n.t("email-admin-role-provider"),
            Ok(crate::db::types::UserRole::Admin) => i18n.t("email-admin-role-admin"),
            Err(_) => detail.to_string(),
        };
        let body = vec![greeting(&i18n, user), i18n.t_with(body, [("detail", detail.as_str())])];
        compose(kind_of(subject), &i18n, self.base_url, &user.email, i18n.t(subject), &body, None)
    }

    pub fn account_deleted(&self, user: &User, email: &str) -> Result<Email, AppError> {
        self.email_to(user, email, "email-deleted-subject", &["email-deleted-body"], None)
    }
}
