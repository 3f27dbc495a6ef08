//! The back office.

mod audit;
