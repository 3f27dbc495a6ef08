//! Public information pages.

pub mod about;
pub mod book;
pub mod contact;
pub mod home;
pub mod legal;
pub mod providers;
pub mod services;
