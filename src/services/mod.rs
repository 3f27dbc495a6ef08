//! Use cases: each owns its transaction and writes its audit rows and notifications inside it.

pub mod audit;
pub mod contact;
pub mod throttle;
