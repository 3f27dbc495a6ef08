//! Use cases: each owns its transaction and writes its audit rows and notifications inside it.

pub mod accounts;
pub mod admin_users;
pub mod audit;
pub mod auth;
pub mod blocking;
pub mod bookings;
pub mod catalogue;
pub mod club_pro;
pub mod contact;
pub mod demo_pictures;
pub mod emails;
pub mod favorites;
pub mod images;
pub mod live;
pub mod media;
pub mod media_store;
pub mod messages;
pub mod moderation;
pub mod notify;
pub mod outbox;
pub mod policy;
pub mod privacy;
pub mod profile_views;
pub mod providers;
pub mod push;
pub mod reviews;
pub mod throttle;

/// Why a use case changed nothing, for the page to say so.
#[derive(Debug)]
pub enum Refused {
    /// The form has errors (field → Fluent key): 422.
    Invalid(crate::domain::validation::FieldErrors),
    /// A rule says no, or the object changed meanwhile (Fluent key): 409.
    Rule(&'static str),
}

impl Refused {
    /// One field's error.
    pub fn field(field: &'static str, key: &'static str) -> Self {
        let mut errors = crate::domain::validation::FieldErrors::new();
        errors.add(field, key);
        Refused::Invalid(errors)
    }

    /// The first message, for a page that shows one.
    pub fn key(&self) -> &'static str {
        match self {
            Refused::Invalid(errors) => errors.fields().next().map_or("form-error-summary", |(_, key)| key),
            Refused::Rule(key) => key,
        }
    }
}
