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
    /// A cracker's estimate (zxcvbn) finds it too quickly, and why.
    Predictable(Pattern),
}

/// What makes a password predictable, as the strength estimate sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// Rows of keys, sequences (abc, 6543) or repeats (aaa, abcabc).
    Keyboard,
    /// Years and dates.
    Dates,
    /// Common words, names or passwords, even with small changes.
    Words,
    /// Too short for what it is made of.
    Short,
}

/// The lowest acceptable zxcvbn score (0–4): 3 is "safely unguessable" (about 10⁸ guesses or more).
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;
/// The estimate reads this many characters (its cost grows quickly with length; longer is stronger anyway).
const ESTIMATED_CHARS: usize = 100;

/// The strength estimate, fed the person's own words (name, email) so that they count as known.
fn estimate(password: &str, personal: &[&str]) -> Result<(), Pattern> {
    use zxcvbn::feedback::Warning;
    let prefix: String = password.chars().take(ESTIMATED_CHARS).collect();
    let mut inputs: Vec<String> = Vec::new();
    for word in personal {
        let word = word.trim().to_lowercase();
        inputs
            .extend(word.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_string));
        inputs.push(word);
    }
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(&prefix, &inputs);
    if entropy.score() >= MIN_SCORE {
        return Ok(());
    }
    Err(match entropy.feedback().and_then(|f| f.warning()) {
        Some(
            Warning::StraightRowsOfKeysAreEasyToGuess
            | Warning::ShortKeyboardPatternsAreEasyToGuess
            | Warning::RepeatsLikeAaaAreEasyToGuess
            | Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess
            | Warning::SequencesLikeAbcAreEasyToGuess,
        ) => Pattern::Keyboard,
        Some(Warning::RecentYearsAreEasyToGuess | Warning::DatesAreOftenEasyToGuess) => Pattern::Dates,
        Some(_) => Pattern::Words,
        None => Pattern::Short,
    })
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
    estimate(password, personal).map_err(Weakness::Predictable)
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
        // Twelve characters, not in any list, and still found at once by a cracker.
        assert_eq!(check_new("123456789012", &[]), Err(Weakness::Common), "in the breached list now");
        // (Which pattern the estimate names first can vary between runs: only the refusal is certain.)
        assert!(matches!(check_new("1234567890123", &[]), Err(Weakness::Predictable(_))));
        assert!(matches!(check_new("147258369012", &[]), Err(Weakness::Predictable(_))));
        assert!(matches!(check_new("Maroc2026Maroc2026", &[]), Err(Weakness::Predictable(_))));
        assert!(matches!(check_new("bennani19851985", &["salma.bennani@x.ma"]), Err(Weakness::Predictable(_))));
        assert_eq!(check_new("un thé à la menthe 2026", &["salma.bennani@x.ma"]), Ok(()));
        assert_eq!(check_new("اهلا وسهلا بكم 2026", &[]), Ok(()));
    }

    #[test]
    fn the_estimate_stays_fast_on_the_longest_passwords() {
        let mut x: u32 = 7;
        let long: String = (0..1024)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'!' + ((x >> 16) % 90) as u8)
            })
            .collect();
        let start = std::time::Instant::now();
        assert_eq!(check_new(&long, &[]), Ok(()));
        assert!(check_new(&"z9#Kp".repeat(204), &[]).is_err(), "a repeat is weak however long");
        assert!(start.elapsed() < std::time::Duration::from_secs(2), "{:?}", start.elapsed());
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
