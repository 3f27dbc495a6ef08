//! Read models: what a page shows, loaded in a fixed number of queries.

pub mod catalogue;
pub mod provider_card;
pub mod provider_page;
pub mod sitemap;
pub mod statistics;
