//! The HTTP layer shared by handlers: page context, CSRF, forms, headers, errors, static assets.

pub mod assets;
pub mod auth;
pub mod bulkhead;
pub mod charts;
pub mod compress;
pub mod context;
pub mod csrf;
pub mod csv;
pub mod errors;
pub mod format;
pub mod headers;
pub mod htmx;
pub mod input;
pub mod lang;
pub mod limits;
pub mod listing;
pub mod log;
pub mod picture;
pub mod recent;
pub mod render;
pub mod session;
pub mod showcase;
pub mod upload;

pub use context::Page;
pub use csrf::CsrfForm;
pub use htmx::Htmx;
pub use render::render;
