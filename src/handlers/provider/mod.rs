//! The provider area: profile (also "become a provider") and services.

pub mod bookings;
pub mod club_pro;
pub mod profile;
pub mod reviews;
pub mod services;
pub mod statistics;
