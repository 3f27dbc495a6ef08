//! One module per table: the row struct as stored and the insert struct.

pub mod category;
pub mod city;
pub mod contact_message;
pub mod provider;
pub mod service;
pub mod user;

pub use category::{Category, NewCategory};
pub use city::{City, NewCity};
pub use contact_message::NewContactMessage;
pub use provider::{NewProvider, Provider};
pub use service::NewService;
pub use user::{NewUser, User};
