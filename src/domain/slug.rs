//! Readable URL slugs: "Youssef El Amrani", "Plomberie", "Casablanca" → "youssef-el-amrani-plomberie-casablanca".

/// A slug from several parts (Arabic and accented letters are transliterated).
pub fn slugify_parts(parts: &[&str]) -> String {
    let joined = parts.iter().filter(|p| !p.trim().is_empty()).copied().collect::<Vec<_>>().join(" ");
    let slug = slug::slugify(joined);
    if slug.is_empty() {
        "provider".to_string()
    } else {
        slug.chars().take(80).collect::<String>().trim_end_matches('-').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_slugs() {
        assert_eq!(
            slugify_parts(&["Youssef El Amrani", "Plomberie", "Casablanca"]),
            "youssef-el-amrani-plomberie-casablanca"
        );
        assert_eq!(slugify_parts(&["Électricité", "Fès"]), "electricite-fes");
        assert!(!slugify_parts(&["يوسف"]).is_empty());
    }
}
