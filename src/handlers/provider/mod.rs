//! The provider area: profile (also "become a provider") and services.

pub mod profile;
pub mod services;
