//! Use cases: each owns its transaction and writes its audit rows and notifications inside it.

pub mod accounts;
pub mod admin_users;
pub mod audit;
pub mod auth;
pub mod bookings;
pub mod catalogue;
pub mod contact;
pub mod emails;
pub mod favorites;
pub mod messages;
pub mod moderation;
pub mod notify;
pub mod profile_views;
pub mod providers;
pub mod reviews;
pub mod throttle;
