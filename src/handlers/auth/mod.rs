//! Registration, verification, sign-in and sign-out, forgotten passwords.

pub mod after_login;
pub mod login;
pub mod password;
pub mod register;
pub mod verify_email;

use crate::services::emails::Context;
use crate::state::AppState;

pub fn email_context(state: &AppState) -> Context<'_> {
    Context { base_url: &state.config.base_url }
}

/// A same-site path to return to after signing in: "/fr/…" only, never another host.
pub fn safe_next(next: Option<&str>, lang: crate::i18n::Lang) -> String {
    let fallback = format!("/{}/account", lang.code());
    let Some(next) = next.map(str::trim).filter(|n| !n.is_empty()) else { return fallback };
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control() || c.is_whitespace())
        && crate::web::context::split_lang_path(next.split(['?', '#']).next().unwrap_or("")).is_some()
        && !next.contains("/logout");
    if ok { next.to_string() } else { fallback }
}

/// The `next` a form carries through sign-in: the safe URL asked for, or empty (then the account decides).
pub fn explicit_next(next: Option<&str>, lang: crate::i18n::Lang) -> String {
    next.filter(|n| !n.trim().is_empty()).map(|n| safe_next(Some(n), lang)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn next_is_same_site_only() {
        assert_eq!(safe_next(Some("/ar/account/security"), Lang::Fr), "/ar/account/security");
        assert_eq!(safe_next(Some("/fr/providers?q=plombier"), Lang::Fr), "/fr/providers?q=plombier");
        for bad in [
            "https://evil.example",
            "//evil.example/fr/",
            "/\\evil.example",
            "/x/evil",
            "javascript:alert(1)",
            "/fr/\nx",
            "/fr/logout",
        ] {
            assert_eq!(safe_next(Some(bad), Lang::Fr), "/fr/account", "{bad}");
        }
        assert_eq!(safe_next(None, Lang::En), "/en/account");
    }
}
