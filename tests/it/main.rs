//! The one integration-test binary (DESIGN.md §9): each area is a module.

mod support;

mod account;
mod admin;
mod auth;
mod bookings;
mod browser;
mod cli;
mod club_pro;
mod compression;
mod db;
mod errors;
mod hostile_input;
mod i18n;
mod layers;
mod logs;
mod mail;
mod messages;
mod outbox;
mod privacy;
mod provider;
mod public;
mod push;
mod reliability;
mod reviews;
mod security;
mod statistics;
