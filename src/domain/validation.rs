//! Validation vocabulary shared by the rules and the use cases: each field maps to the Fluent key of its error
//! message (the web layer renders them), and the small text checks.

/// Errors in the order of the form's fields (the order they were found in).
#[derive(Clone, Debug, Default)]
pub struct FieldErrors(Vec<(&'static str, &'static str)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a field's error (the first error of a field wins).
    pub fn add(&mut self, field: &'static str, message_key: &'static str) {
        if !self.has(field) {
            self.0.push((field, message_key));
        }
    }

    /// The Fluent key of a field's error, or "" when the field is valid (for templates).
    pub fn get(&self, field: &str) -> &'static str {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, k)| *k).unwrap_or("")
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| *f == field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn fields(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().copied()
    }
}

/// Trims a field and counts its characters (not bytes).
pub fn trimmed(value: &str) -> (String, usize) {
    let t = value.trim().to_string();
    let n = t.chars().count();
    (t, n)
}

/// A deliberately simple email check: one @, something before, a dot after, no spaces.
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        && !domain.contains('@')
        && email.len() <= 254
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a.b@khadamat.ma"));
        for bad in ["", "a", "a@b", "@b.ma", "a b@c.ma", "a@b@c.ma", "a@.ma", "a@b."] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
