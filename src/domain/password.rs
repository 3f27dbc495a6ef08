//! Password hashing with argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};

pub const MIN_LENGTH: usize = 12;
/// Long passphrases are welcome; the cap only keeps hashing bounded. Nothing is truncated.
pub const MAX_LENGTH: usize = 1024;

static COMMON: std::sync::LazyLock<std::collections::HashSet<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("../../data/common-passwords.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
});

/// Why a new password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    TooLong,
    /// In the list of common or breached passwords, or one of them with digits and symbols around it.
    Common,
    /// Made of the person's own name or email, or of very few different characters.
    Guessable,
}

/// Checks a new password against the policy: length, common passwords, personal information.
pub fn check_new(password: &str, personal: &[&str]) -> Result<(), Weakness> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(Weakness::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(Weakness::TooLong);
    }
    let lower = password.to_lowercase();
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    if COMMON.contains(lower.as_str()) || (core.chars().count() >= 4 && COMMON.contains(core)) {
        return Err(Weakness::Common);
    }
    let distinct: std::collections::HashSet<char> = lower.chars().collect();
    if distinct.len() < 5 {
        return Err(Weakness::Guessable);
    }
    // Only the person's name or email with digits and symbols around it.
    let letters = |text: &str| text.chars().filter(|c| c.is_alphabetic()).collect::<String>();
    let mine = letters(&lower);
    for word in personal {
        let word = word.trim().to_lowercase();
        let local = letters(word.split('@').next().unwrap_or(&word));
        if local.chars().count() >= 4 && mine == local {
            return Err(Weakness::Guessable);
        }
    }
    Ok(())
}

fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(19 * 1024, 2, 1, None).expect("valid argon2 params"))
}

pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing cannot fail with valid params")
        .to_string()
}

pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| hasher().verify_password(password.as_bytes(), &parsed).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_refuses_short_common_and_personal_passwords() {
        assert_eq!(check_new("short", &[]), Err(Weakness::TooShort));
        assert_eq!(check_new(&"x".repeat(1025), &[]), Err(Weakness::TooLong));
        assert_eq!(check_new("qwerty123456", &[]), Err(Weakness::Common));
        assert_eq!(check_new("Password2024!!", &[]), Err(Weakness::Common));
        assert_eq!(check_new("motdepasse123", &[]), Err(Weakness::Common));
        assert_eq!(check_new("aaaaaaaaaaaaaaaa", &[]), Err(Weakness::Guessable));
        assert_eq!(check_new("salmabennani2026", &["salma.bennani@x.ma"]), Err(Weakness::Guessable));
        assert_eq!(check_new("salma aime le thé", &["salma.bennani@x.ma"]), Ok(()));
        assert_eq!(check_new("bennaniii!!2026", &["bennaniii"]), Err(Weakness::Guessable));
        assert_eq!(check_new("thé à la menthe sur la terrasse", &[]), Ok(()));
        assert_eq!(check_new(&"correct horse battery staple ".repeat(10), &[]), Ok(()), "long passphrases are fine");
    }

    #[test]
    fn hashes_and_verifies() {
        let h = hash("correct horse battery staple");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse battery staple", &h));
        assert!(!verify("correct horse battery stapl", &h));
        assert!(!verify("x", "not a hash"));
    }
}
