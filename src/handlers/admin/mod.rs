//! The back office (admins with two-step verification only). For now: the provider approval queue.

pub mod providers;
