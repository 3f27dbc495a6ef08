//! The back office.

mod audit;
mod bookings;
mod contact;
mod providers;
mod users;
