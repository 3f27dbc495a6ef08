//! Moroccan mobile and landline numbers: `+212` or `0`, then 5, 6 or 7, then 8 digits; stored in E.164.

/// Normalises a typed number ("06 12 34 56 78", "+212 612-345678", "00212612345678") to "+212612345678".
pub fn normalize_moroccan(input: &str) -> Option<String> {
    let compact: String = input.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}')).collect();
    let national =
        compact.strip_prefix("+212").or_else(|| compact.strip_prefix("00212")).or_else(|| compact.strip_prefix('0'))?;
    let national = national
        .strip_prefix('0')
        .filter(|_| compact.starts_with('+') || compact.starts_with("00"))
        .unwrap_or(national);
    let mut chars = national.chars();
    let first = chars.next()?;
    if !matches!(first, '5' | '6' | '7') || national.len() != 9 || !national.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!("+212{national}"))
}

/// "+212612345678" → "06 12 34 56 78" for display.
pub fn display_national(e164: &str) -> String {
    match e164.strip_prefix("+212") {
        Some(n) if n.len() == 9 => format!("0{} {} {} {} {}", &n[0..1], &n[1..3], &n[3..5], &n[5..7], &n[7..9]),
        _ => e164.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_moroccan_numbers() {
        for ok in [
            "0612345678",
            "06 12 34 56 78",
            "+212612345678",
            "+212 6-12-34-56-78",
            "00212712345678",
            "0522123456",
            "+2120612345678",
        ] {
            assert!(normalize_moroccan(ok).is_some(), "{ok}");
        }
        assert_eq!(normalize_moroccan("06.12.34.56.78").unwrap(), "+212612345678");
    }

    #[test]
    fn refuses_others() {
        for bad in ["", "0812345678", "061234567", "06123456789", "+33612345678", "+212812345678", "06123456ab"] {
            assert!(normalize_moroccan(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn displays_national_format() {
        assert_eq!(display_national("+212612345678"), "06 12 34 56 78");
    }
}
