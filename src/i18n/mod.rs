//! Languages, Fluent lookups and negotiation. French is the default; Arabic is right-to-left.

pub mod format;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};

static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "fr",
        // Keep Unicode bidi isolation: Arabic sentences embed Latin names and numbers.
        customise: |bundle| bundle.set_use_isolating(true),
    };
}

pub use crate::domain::lang::Lang;

static LANG_IDS: LazyLock<[LanguageIdentifier; 3]> =
    LazyLock::new(|| ["fr", "ar", "en"].map(|code| code.parse().expect("valid language id")));

/// Fluent's identifier of a language.
fn id_of(lang: Lang) -> &'static LanguageIdentifier {
    &LANG_IDS[lang as usize]
}

/// The language a record's trilingual fields are picked in (see `Lang::pick`).
impl From<&I18n> for Lang {
    fn from(i18n: &I18n) -> Lang {
        i18n.lang
    }
}

/// A whole number as templates hand it over (by value or by reference).
pub trait Number {
    fn as_i64(&self) -> i64;
}

macro_rules! number {
    ($($t:ty),*) => { $(impl Number for $t { fn as_i64(&self) -> i64 { *self as i64 } })* };
}
number!(i64, i32, i16, usize, u32);

impl<T: Number + ?Sized> Number for &T {
    fn as_i64(&self) -> i64 {
        (**self).as_i64()
    }
}

/// Translation handle given to every template as `i18n`.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn new(lang: Lang) -> Self {
        I18n { lang }
    }

    pub fn lang(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    pub fn is_rtl(&self) -> bool {
        self.lang == Lang::Ar
    }

    /// The message for `key`. A missing key shows itself (and the i18n test fails).
    pub fn t(&self, key: &str) -> String {
        LOCALES.try_lookup(id_of(self.lang), key).unwrap_or_else(|| {
            tracing::warn!(key, lang = self.lang.code(), "missing translation");
            key.to_string()
        })
    }

    /// The message for `key` with named arguments (strings).
    pub fn t_with<'a>(&self, key: &str, args: impl AsRef<[(&'a str, &'a str)]>) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.as_ref().iter().map(|(k, v)| (Cow::Owned(k.to_string()), FluentValue::from(v.to_string()))).collect();
        self.lookup_args(key, &map)
    }

    /// The message for `key` with numeric arguments (dates, selectors on numbers).
    pub fn t_numbers(&self, key: &str, args: &[(&str, i64)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Owned(k.to_string()), FluentValue::from(*v))).collect();
        self.lookup_args(key, &map)
    }

    /// The message for `key` with a `count` argument, for plurals (Arabic has six forms).
    pub fn t_count(&self, key: &str, count: impl Number) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(Cow::Borrowed("count"), FluentValue::from(count.as_i64()));
        self.lookup_args(key, &map)
    }

    fn lookup_args(&self, key: &str, args: &HashMap<Cow<'static, str>, FluentValue>) -> String {
        LOCALES.try_lookup_with_args(id_of(self.lang), key, args).unwrap_or_else(|| {
            tracing::warn!(key, lang = self.lang.code(), "missing translation");
            key.to_string()
        })
    }

    /// An amount in centimes of MAD, formatted for this language ("150 DH", "150 د.م.").
    pub fn price(&self, cents: impl Number) -> String {
        format::format_mad(cents.as_i64(), self.lang)
    }

    /// A decimal number with `places` digits, with this language's separator ("4,5" in French and Arabic).
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let s = format!("{value:.places$}");
        if self.lang == Lang::En { s } else { s.replace('.', ",") }
    }

    /// Picks the field of a trilingual record for this language (English falls back to French).
    pub fn pick<'a>(&self, fr: &'a str, ar: &'a str, en: Option<&'a str>) -> &'a str {
        self.lang.pick(fr, ar, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_negotiation() {
        assert_eq!(Lang::from_accept_language("ar-MA,ar;q=0.9,fr;q=0.8"), Some(Lang::Ar));
        assert_eq!(Lang::from_accept_language("de-DE, en;q=0.5, fr;q=0.7"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("de-DE"), None);
        assert_eq!(Lang::from_accept_language("en;q=0, ar;q=0.1"), Some(Lang::Ar));
    }

    #[test]
    fn arabic_plurals_use_their_own_forms() {
        let ar = I18n::new(Lang::Ar);
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100].iter().map(|n| ar.t_count("provider-count", *n)).collect();
        // zero, one, two, few, many and other are all different in Arabic.
        let unique: std::collections::HashSet<_> = forms.iter().collect();
        assert_eq!(unique.len(), 6, "{forms:?}");
    }
}
