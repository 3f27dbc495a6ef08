//! One module per table: the row struct as stored and the insert struct.

pub mod audit_log;
pub mod booking;
pub mod category;
pub mod city;
pub mod contact_message;
pub mod conversation;
pub mod favorite;
pub mod job;
pub mod media;
pub mod notification;
pub mod notification_preference;
pub mod outbox;
pub mod payment;
pub mod profile_view;
pub mod provider;
pub mod push_subscription;
pub mod rate_limit;
pub mod report;
pub mod review;
pub mod service;
pub mod session;
pub mod subscription;
pub mod user;
pub mod user_token;
pub mod webhook_event;

pub use category::Category;
pub use city::City;
pub use contact_message::NewContactMessage;
pub use provider::Provider;
pub use user::{NewUser, User};
