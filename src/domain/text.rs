//! Text normalisation for search (lower case, accents folded, Arabic diacritics and tatweel removed), and initials.

/// Folds text so that "Électricité", "electricite" and "ÉLECTRICITÉ" compare equal, and Arabic with or
/// without short vowels too.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            // Arabic short vowels, shadda, sukun, superscript alef, and tatweel.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            // Alef variants → bare alef; taa marbuta → haa; alef maqsura → yaa.
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' => out.push('ي'),
            _ => {
                for lower in c.to_lowercase() {
                    out.push_str(&deaccent(lower));
                }
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a character belongs in text people write: anything but control characters, tabs and line breaks
/// aside (PostgreSQL refuses NUL in text; the others only hide or garble what is shown).
pub fn is_text_char(c: char) -> bool {
    !c.is_control() || matches!(c, '\t' | '\n' | '\r')
}

/// "s•••@example.ma": enough to follow one account through the logs, not enough to read it.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".into(),
    }
}

fn deaccent(c: char) -> String {
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ÿ' | 'ý' => 'y',
        'ñ' => 'n',
        'œ' => return "oe".into(),
        'æ' => return "ae".into(),
        other => other,
    };
    folded.to_string()
}

/// "Karim Bennani" → "KB": shown where there is no picture.
pub fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect::<String>().to_uppercase()
}

/// At most `max` characters of a text on one line, cut at a word with "…" when it is longer.
pub fn excerpt(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let words = cut.rsplit_once(' ').map_or(cut.as_str(), |(start, _)| start);
    format!("{}…", words.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '،'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(excerpt("Travail  propre,\n rapide.", 90), "Travail propre, rapide.");
        assert_eq!(excerpt("Travail propre, rapide et soigné", 17), "Travail propre…");
        assert_eq!(excerpt("عمل نظيف، وسريع جداً", 12), "عمل نظيف…");
    }

    #[test]
    fn folds_latin_and_arabic() {
        assert_eq!(fold("  Électricité  Générale "), "electricite generale");
        assert_eq!(fold("Cœur"), "coeur");
        assert_eq!(fold("السِّبَاكَة"), "السباكه");
        assert_eq!(fold("إصلاح"), "اصلاح");
    }

    #[test]
    fn emails_are_masked() {
        assert_eq!(mask_email("salma.bennani@example.ma"), "s•••@example.ma");
        assert_eq!(mask_email("@x"), "•••@x");
        assert_eq!(mask_email("not an email"), "•••");
    }
}
