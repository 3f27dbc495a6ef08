//! The back office.

mod audit;
mod bookings;
mod contact;
mod moderation;
mod providers;
mod users;
