//! Profile views, counted cheaply and honestly: one per visitor, provider and local day; bots, link
//! previews, prefetches, HEAD requests and the provider themselves are not counted. A visitor is a keyed
//! hash of the day and the signed-in user (or the address and browser) — nothing that identifies them is
//! stored, and the hash changes every day. Each instance remembers today's (provider, visitor) pairs, so a
//! repeat view costs no write; the table's primary key dedupes across instances.

use std::collections::HashSet;
use std::sync::Mutex;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// Remembered pairs per instance before the memory starts over (the database still dedupes).
const MEMORY_CAP: usize = 200_000;

/// The day remembered and its (provider, visitor) pairs.
type Today = (Option<NaiveDate>, HashSet<(i64, [u8; 16])>);

#[derive(Default)]
pub struct Seen {
    today: Mutex<Today>,
}

impl Seen {
    /// Whether this instance sees this visitor on this provider's page for the first time today.
    pub fn first_time(&self, day: NaiveDate, provider_id: i64, visitor: [u8; 16]) -> bool {
        let Ok(mut guard) = self.today.lock() else { return true };
        let (seen_day, pairs) = &mut *guard;
        if *seen_day != Some(day) || pairs.len() >= MEMORY_CAP {
            *seen_day = Some(day);
            pairs.clear();
        }
        pairs.insert((provider_id, visitor))
    }
}

/// Crawlers, link previews and headless tools by their user agent (an empty one included).
pub fn is_bot(user_agent: &str) -> bool {
    let ua = user_agent.to_ascii_lowercase();
    ua.trim().is_empty()
        || [
            "bot",
            "crawl",
            "spider",
            "slurp",
            "preview",
            "facebookexternalhit",
            "whatsapp",
            "curl",
            "wget",
            "python-",
            "headless",
            "lighthouse",
            "monitor",
            "wrk",
        ]
        .iter()
        .any(|marker| ua.contains(marker))
}

/// The day's visitor key: the signed-in user, or the address and browser, hashed with the server secret.
pub fn visitor(secret: &str, day: NaiveDate, user_id: Option<i64>, ip: &str, user_agent: &str) -> [u8; 16] {
    let who = match user_id {
        Some(id) => format!("user:{id}"),
        None => format!("anonymous:{ip}|{user_agent}"),
    };
    let digest = Sha256::digest(format!("khadamat/profile-view/v1|{secret}|{day}|{who}").as_bytes());
    let mut key = [0u8; 16];
    key.copy_from_slice(&digest[..16]);
    key
}

pub fn hex(key: &[u8; 16]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bots_are_recognised() {
        for ua in [
            "",
            "Googlebot/2.1",
            "Mozilla/5.0 (compatible; bingbot/2.0)",
            "facebookexternalhit/1.1",
            "curl/8.5",
            "Mozilla/5.0 HeadlessChrome/120",
        ] {
            assert!(is_bot(ua), "{ua}");
        }
        assert!(!is_bot("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/124 Mobile Safari/537.36"));
    }

    #[test]
    fn one_view_per_visitor_provider_and_day() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let a = visitor("s", day, None, "10.0.0.1", "Firefox");
        assert_eq!(a, visitor("s", day, None, "10.0.0.1", "Firefox"));
        assert_ne!(a, visitor("s", day.succ_opt().unwrap(), None, "10.0.0.1", "Firefox"));
        assert_ne!(a, visitor("s", day, Some(1), "10.0.0.1", "Firefox"));
        let seen = Seen::default();
        assert!(seen.first_time(day, 1, a));
        assert!(!seen.first_time(day, 1, a));
        assert!(seen.first_time(day, 2, a));
        assert!(seen.first_time(day.succ_opt().unwrap(), 1, a));
    }
}
