//! Money is kept in centimes of MAD (i64) and shown per language: "1 500 DH", "1 500 د.م.", "1,500 MAD".

use crate::i18n::Lang;

/// Formats an amount in centimes for display. Whole dirhams drop the decimals.
pub fn format_mad(cents: i64, lang: Lang) -> String {
    let negative = cents < 0;
    let cents = cents.unsigned_abs();
    let (whole, frac) = (cents / 100, cents % 100);
    let (group, decimal) = match lang {
        Lang::En => (",", "."),
        // Narrow no-break space between thousands, comma for decimals (French and Moroccan usage).
        Lang::Fr | Lang::Ar => ("\u{202f}", ","),
    };
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    if frac != 0 {
        grouped.push_str(decimal);
        grouped.push_str(&format!("{frac:02}"));
    }
    let sign = if negative { "-" } else { "" };
    match lang {
        Lang::Fr => format!("{sign}{grouped}\u{a0}DH"),
        Lang::Ar => format!("{sign}{grouped}\u{a0}د.م."),
        Lang::En => format!("{sign}{grouped}\u{a0}MAD"),
    }
}

/// Parses an amount typed by a person ("150", "150,50", "1 500.5") into centimes.
pub fn parse_mad(input: &str) -> Option<i64> {
    let cleaned: String = input
        .trim()
        .trim_end_matches(|c: char| c.is_alphabetic() || c == '.' || c.is_whitespace())
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.starts_with('-') {
        return None;
    }
    let (whole, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<2}").parse().ok()? };
    whole.checked_mul(100)?.checked_add(frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_per_language() {
        assert_eq!(format_mad(15_000, Lang::Fr), "150\u{a0}DH");
        assert_eq!(format_mad(150_050, Lang::Fr), "1\u{202f}500,50\u{a0}DH");
        assert_eq!(format_mad(15_000, Lang::Ar), "150\u{a0}د.م.");
        assert_eq!(format_mad(123_456_700, Lang::En), "1,234,567\u{a0}MAD");
        assert_eq!(format_mad(5, Lang::En), "0.05\u{a0}MAD");
    }

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(parse_mad("150"), Some(15_000));
        assert_eq!(parse_mad("150,5"), Some(15_050));
        assert_eq!(parse_mad("1 500.25 DH"), Some(150_025));
        assert_eq!(parse_mad("-3"), None);
        assert_eq!(parse_mad("abc"), None);
        assert_eq!(parse_mad("1.234"), None);
    }
}
