//! Two-factor authentication: TOTP (RFC 6238, SHA-1, 6 digits, 30 s, ±1 step), a QR code drawn as SVG,
//! the secret encrypted at rest (ChaCha20-Poly1305, key derived from configuration), recovery codes.

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};

const ISSUER: &str = "Khadamat";

/// A fresh 160-bit secret.
pub fn new_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; 20];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes
}

fn totp(secret: &[u8]) -> Option<totp_rs::Totp> {
    totp_rs::Builder::new().with_secret(secret.to_vec()).build().ok()
}

/// The secret as people type it into an app (base32, in groups of four).
pub fn manual_key(secret: &[u8]) -> String {
    let b32 = totp_rs::Secret::from(secret.to_vec()).to_base32();
    b32.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The `otpauth://` URL an authenticator app scans.
pub fn otpauth_url(secret: &[u8], account: &str) -> String {
    let b32 = totp_rs::Secret::from(secret.to_vec()).to_base32();
    let label: String = format!("{ISSUER}:{account}")
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~@:".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("otpauth://totp/{label}?secret={b32}&issuer={ISSUER}&algorithm=SHA1&digits=6&period=30")
}

/// The QR code of the otpauth URL as an SVG document (no script, no style attribute).
pub fn qr_svg(data: &str) -> String {
    match qrcode::QrCode::new(data.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .dark_color(qrcode::render::svg::Color("#0f172a"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
        Err(_) => String::new(),
    }
}

/// Checks a 6-digit code at `unix_time`; returns the time step it belongs to, refusing a step at or
/// before `last_step` (a code is accepted once).
pub fn verify(secret: &[u8], code: &str, unix_time: u64, last_step: Option<i64>) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let step = totp(secret)?.check(&code, unix_time)? as i64;
    match last_step {
        Some(last) if step <= last => None,
        _ => Some(step),
    }
}

/// The current code (tests and the setup page's self-check).
pub fn code_at(secret: &[u8], unix_time: u64) -> String {
    totp(secret).map(|t| t.generate(unix_time).to_string()).unwrap_or_default()
}

fn cipher(key_material: &str) -> ChaCha20Poly1305 {
    let key = Sha256::digest(format!("khadamat/two-factor/v1/{key_material}").as_bytes());
    ChaCha20Poly1305::new(Key::from_slice(&key))
}

/// Encrypts a secret for storage: base64(nonce ‖ ciphertext).
pub fn encrypt(secret: &[u8], key_material: &str) -> String {
    let mut nonce = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut nonce);
    let sealed = cipher(key_material).encrypt(Nonce::from_slice(&nonce), secret).expect("encryption cannot fail");
    let mut out = nonce.to_vec();
    out.extend(sealed);
    base64::engine::general_purpose::STANDARD.encode(out)
}

pub fn decrypt(stored: &str, key_material: &str) -> Option<Vec<u8>> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(stored).ok()?;
    if bytes.len() < 13 {
        return None;
    }
    let (nonce, sealed) = bytes.split_at(12);
    cipher(key_material).decrypt(Nonce::from_slice(nonce), sealed).ok()
}

/// Ten recovery codes like "k7q2-9mxd-p4tz", easy to read aloud (no 0/o, 1/l).
pub fn recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let mut rng = rand::thread_rng();
    (0..10)
        .map(|_| {
            (0..3)
                .map(|_| (0..4).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// Normalises a typed recovery code ("K7Q2 9MXD P4TZ" → "k7q2-9mxd-p4tz").
pub fn normalize_recovery_code(input: &str) -> String {
    let compact: String = input.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    compact.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_verify_once_within_their_window() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now);
        let step = verify(&secret, &code, now, None).expect("valid code");
        assert_eq!(verify(&secret, &code, now + 20, Some(step)), None, "replay refused");
        assert!(verify(&secret, &code, now + 29, None).is_some(), "clock skew of one step accepted");
        assert_eq!(verify(&secret, &code, now + 300, None), None, "old code refused");
        assert_eq!(verify(&secret, "12345", now, None), None);
        assert_eq!(verify(&secret, "abcdef", now, None), None);
    }

    #[test]
    fn secrets_are_encrypted_at_rest() {
        let secret = new_secret();
        let stored = encrypt(&secret, "key one");
        assert_ne!(stored.as_bytes(), secret.as_slice());
        assert_eq!(decrypt(&stored, "key one").unwrap(), secret);
        assert_eq!(decrypt(&stored, "another key"), None);
        assert_eq!(decrypt("garbage", "key one"), None);
    }

    #[test]
    fn qr_and_urls() {
        let secret = new_secret();
        let url = otpauth_url(&secret, "salma@example.ma");
        assert!(url.starts_with("otpauth://totp/Khadamat:salma@example.ma?secret="));
        let svg = qr_svg(&url);
        assert!(svg.contains("<svg") && !svg.contains("<script") && !svg.contains("style="));
        assert_eq!(manual_key(&secret).replace(' ', "").len(), 32);
    }

    #[test]
    fn recovery_codes_are_distinct_and_normalised() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), 10);
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), 10);
        assert_eq!(normalize_recovery_code(&codes[0].to_uppercase().replace('-', " ")), codes[0]);
    }
}
