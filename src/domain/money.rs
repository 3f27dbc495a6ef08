//! Money is kept in centimes of MAD (i64); `i18n::format` shows it per language.

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
    fn parses_typed_amounts() {
        assert_eq!(parse_mad("150"), Some(15_000));
        assert_eq!(parse_mad("150,5"), Some(15_050));
        assert_eq!(parse_mad("1 500.25 DH"), Some(150_025));
        assert_eq!(parse_mad("-3"), None);
        assert_eq!(parse_mad("abc"), None);
        assert_eq!(parse_mad("1.234"), None);
    }
}
