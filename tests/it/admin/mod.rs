//! The back office.

mod audit;
mod bookings;
mod catalogue;
mod contact;
mod moderation;
mod providers;
mod users;
