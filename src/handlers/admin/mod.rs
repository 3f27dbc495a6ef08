//! The back office (admins with two-step verification only). For now: the provider approval queue and a
//! booking's page with cancellation.

pub mod audit;
pub mod bookings;
pub mod catalogue;
pub mod contact;
pub mod conversations;
pub mod dashboard;
pub mod outbox;
pub mod photos;
pub mod providers;
pub mod reviews;
pub mod subscriptions;
pub mod users;
