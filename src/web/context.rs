//! `Page`: what every full page needs (language, URLs, CSRF token, assets), extracted once per request.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use crate::db::models::User;
use crate::error::AppError;
use crate::i18n::{I18n, Lang};
use crate::state::AppState;
use crate::web::csrf::CsrfToken;

#[derive(Clone)]
pub struct Page {
    pub lang: Lang,
    /// The path after the language prefix, starting with '/' ("/contact").
    pub rest: String,
    /// The query string, without '?', or empty.
    pub query: String,
    pub csrf: String,
    pub state: web::Data<AppState>,
    /// The signed-in user, for the header.
    pub user: Option<User>,
    /// Their unread notifications and messages (the header badges).
    pub unread: i64,
    pub unread_messages: i64,
}

impl Page {
    /// The context of a request whose user is already known.
    pub fn build(req: &HttpRequest, user: Option<User>) -> Result<Page, AppError> {
        let state = req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| AppError::internal("no state"))?;
        let (lang, rest) = split_lang_path(req.path()).ok_or(AppError::NotFound)?;
        let csrf = req.extensions().get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let unread = crate::web::auth::unread(req);
        Ok(Page {
            lang,
            rest: rest.to_string(),
            query: req.query_string().to_string(),
            csrf,
            state,
            user,
            unread: unread.notifications,
            unread_messages: unread.messages,
        })
    }

    /// The confirmation to show after a redirect (`?notice=…`), from a fixed list.
    pub fn notice(&self) -> Option<&'static str> {
        let wanted = self.query.split('&').find_map(|pair| pair.strip_prefix("notice="))?;
        NOTICES.iter().find(|(name, _)| *name == wanted).map(|(_, key)| *key)
    }

    /// Whether the notice asks for something rather than confirms it (shown as a warning).
    pub fn notice_warns(&self) -> bool {
        matches!(
            self.notice(),
            Some(
                "notice-admin-needs-2fa"
                    | "message-error-self"
                    | "message-error-verify-email"
                    | "notice-provider-profile-first"
                    | "notice-email-not-retried"
                    | "notice-club-pro-unavailable"
                    | "notice-club-pro-not-set-up"
                    | "notice-club-pro-already"
            )
        )
    }

    /// The current path and query, for "come back here after signing in".
    pub fn return_path(&self) -> String {
        self.url_in(&self.lang)
    }

    pub fn i18n(&self) -> I18n {
        I18n::new(self.lang)
    }

    /// Fingerprinted URL of a static asset.
    pub fn asset(&self, logical: &str) -> String {
        self.state.assets.url(logical)
    }

    /// An icon as inline SVG (decorative: the text beside it or an aria-label names it).
    pub fn icon(&self, name: &str) -> &str {
        self.state.assets.icon(name)
    }

    /// The stylesheet's shell, for a page that inlines it (the home page).
    pub fn shell_css(&self) -> &str {
        self.state.assets.shell_css()
    }

    /// This page in another language (the switcher keeps the page and its query).
    pub fn url_in(&self, lang: &Lang) -> String {
        format!("/{}{}", lang.code(), self.path_and_query())
    }

    /// This page's path after the language prefix, with its query ("/providers?q=plombier").
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() { self.rest.clone() } else { format!("{}?{}", self.rest, self.query) }
    }

    /// Absolute URL of this page in a language, without the query (canonical and hreflang).
    pub fn absolute_in(&self, lang: &Lang) -> String {
        format!("{}/{}{}", self.state.config.base_url, lang.code(), self.rest)
    }

    pub fn canonical(&self) -> String {
        self.absolute_in(&self.lang)
    }

    pub fn base_url(&self) -> &str {
        &self.state.config.base_url
    }

    pub fn langs(&self) -> &'static [Lang] {
        &Lang::ALL
    }

    /// A link inside the current language: `page.href("/services")` → "/fr/services".
    pub fn href(&self, path: &str) -> String {
        format!("/{}{}", self.lang.code(), path)
    }

    /// Whether a navigation link is the current section (for `aria-current`).
    pub fn is_current(&self, path: &str) -> bool {
        if path == "/" { self.rest == "/" } else { self.rest == path || self.rest.starts_with(&format!("{path}/")) }
    }
}

/// Confirmations shown after a redirect, by name → Fluent key.
const NOTICES: &[(&str, &str)] = &[
    ("signed-out", "notice-signed-out"),
    ("password-reset", "notice-password-reset"),
    ("password-changed", "notice-password-changed"),
    ("verification-sent", "notice-verification-sent"),
    ("new-email-sent", "notice-email-change-sent"),
    ("new-email-confirmed", "notice-email-changed"),
    ("profile-saved", "notice-profile-saved"),
    ("new-photo", "notice-photo-saved"),
    ("no-photo", "notice-photo-removed"),
    ("new-captions", "notice-portfolio-saved"),
    ("thanks-photo-report", "notice-photo-reported"),
    ("profile-first", "notice-provider-profile-first"),
    ("preferences-saved", "notice-notifications-saved"),
    ("device-added", "notice-push-on"),
    ("device-removed", "notice-push-off"),
    ("session-revoked", "notice-session-revoked"),
    ("sessions-revoked", "notice-sessions-revoked"),
    ("two-factor-disabled", "notice-two-factor-disabled"),
    ("needs-2fa", "notice-admin-needs-2fa"),
    ("goodbye", "notice-account-deleted"),
    ("service-saved", "notice-service-saved"),
    ("decision-saved", "notice-decision-saved"),
    ("outbox-retried", "notice-email-retried"),
    ("outbox-busy", "notice-email-not-retried"),
    ("request-sent", "notice-booking-requested"),
    ("status-changed", "notice-booking-updated"),
    ("all-read", "notice-notifications-all-read"),
    ("removed", "notice-notification-deleted"),
    ("saved-review", "notice-review-saved"),
    ("deleted-review", "notice-review-deleted"),
    ("thanks-report", "notice-review-reported"),
    ("thanks-conversation-report", "notice-conversation-reported"),
    ("reply-posted", "notice-review-replied"),
    ("writing-to-self", "message-error-self"),
    ("unverified-email", "message-error-verify-email"),
    ("subscription-unavailable", "notice-club-pro-unavailable"),
    ("subscription-not-set-up", "notice-club-pro-not-set-up"),
    ("subscription-already", "notice-club-pro-already"),
    ("subscription-cancelled", "notice-club-pro-cancelled"),
    ("subscription-resumed", "notice-club-pro-resumed"),
    ("subscription-plan-changed", "notice-club-pro-plan-changed"),
    ("subscription-checkout-cancelled", "notice-club-pro-checkout-cancelled"),
];

/// The notice (see [`NOTICES`]) that explains why a conversation could not start (a refusal's key).
pub fn conversation_notice(refusal: &str) -> &'static str {
    if refusal == "message-error-self" { "writing-to-self" } else { "unverified-email" }
}

/// "/ar/contact" → (Ar, "/contact"); "/fr/" → (Fr, "/"); "/xx/…" → None.
pub fn split_lang_path(path: &str) -> Option<(Lang, &str)> {
    let trimmed = path.strip_prefix('/')?;
    let (code, rest) = match trimmed.find('/') {
        Some(i) => (&trimmed[..i], &trimmed[i..]),
        None => (trimmed, "/"),
    };
    Lang::from_code(code).map(|lang| (lang, rest))
}

impl FromRequest for Page {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Page, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = crate::web::auth::viewer(&req).await?;
            Page::build(&req, user)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_language_prefix() {
        assert_eq!(split_lang_path("/ar/contact"), Some((Lang::Ar, "/contact")));
        assert_eq!(split_lang_path("/fr/"), Some((Lang::Fr, "/")));
        assert_eq!(split_lang_path("/en"), Some((Lang::En, "/")));
        assert_eq!(split_lang_path("/de/x"), None);
        assert_eq!(split_lang_path("/static/x.css"), None);
    }
}
