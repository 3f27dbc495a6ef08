//! Request handlers, one module per area. They extract, authorize, call `db.run(...)` and render.

pub mod account;
pub mod admin;
pub mod assets;
pub mod auth;
pub mod dev;
pub mod health;
pub mod media;
pub mod messages;
pub mod photos;
pub mod provider;
pub mod public;
pub mod reviews;
pub mod seo;
pub mod webhooks;
