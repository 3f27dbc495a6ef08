//! Public information pages.

pub mod about;
pub mod book;
pub mod club_pro;
pub mod contact;
pub mod home;
pub mod language;
pub mod legal;
pub mod manifest;
pub mod offline;
pub mod providers;
pub mod services;
