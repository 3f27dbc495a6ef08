//! Pure rules: no database, no HTTP. Unit-tested in place.

pub mod booking;
pub mod catalogue;
pub mod club_pro;
pub mod device;
pub mod geo;
pub mod kinds;
pub mod lang;
pub mod money;
pub mod outbox;
pub mod password;
pub mod period;
pub mod phone;
pub mod retention;
pub mod review;
pub mod schedule;
pub mod session;
pub mod slug;
pub mod text;
pub mod token;
pub mod totp;
pub mod validation;
