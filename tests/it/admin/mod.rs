//! The back office.

mod audit;
mod contact;
mod users;
