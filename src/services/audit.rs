//! Audit rows, written in the caller's transaction.

use diesel::QueryResult;

use crate::db::models::audit_log;
use crate::db::{DbConn, now};

/// Who did something, from where.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

pub struct Entry<'a> {
    pub action: &'a str,
    pub target_kind: Option<&'a str>,
    pub target_id: Option<i64>,
    pub old_values: Option<serde_json::Value>,
    pub new_values: Option<serde_json::Value>,
}

/// Writes the audit row, and the same event as one log line (security events and admin actions reach the logs
/// too), with email addresses masked.
pub fn record(conn: &mut DbConn, actor: &Actor, entry: Entry<'_>) -> QueryResult<()> {
    tracing::info!(
        target: "security",
        action = entry.action,
        actor_id = actor.user_id,
        target_kind = entry.target_kind,
        target_id = entry.target_id,
        ip = actor.ip_address.as_deref().unwrap_or(""),
        request_id = actor.request_id.as_deref().unwrap_or(""),
        detail = %entry.new_values.as_ref().map(masked).unwrap_or_default(),
        "security event"
    );
    audit_log::insert(
        conn,
        &audit_log::NewAuditLog {
            actor_id: actor.user_id,
            action: entry.action,
            target_kind: entry.target_kind,
            target_id: entry.target_id,
            old_values: entry.old_values.map(|v| v.to_string()),
            new_values: entry.new_values.map(|v| v.to_string()),
            ip_address: actor.ip_address.as_deref(),
            user_agent: actor.user_agent.as_deref(),
            request_id: actor.request_id.as_deref(),
            created_at: now(),
        },
    )
}

impl<'a> Entry<'a> {
    /// An event with no target (a failed sign-in for an unknown email).
    pub fn named(action: &'a str) -> Self {
        Entry { action, target_kind: None, target_id: None, old_values: None, new_values: None }
    }

    /// An event about a user account.
    pub fn about_user(action: &'a str, user_id: i64) -> Self {
        Entry { action, target_kind: Some("user"), target_id: Some(user_id), old_values: None, new_values: None }
    }

    /// With the values after the change.
    pub fn with_new(mut self, values: serde_json::Value) -> Self {
        self.new_values = Some(values);
        self
    }

    /// An event about another object ("booking", 12).
    pub fn about(mut self, kind: &'a str, id: i64) -> Self {
        self.target_kind = Some(kind);
        self.target_id = Some(id);
        self
    }

    /// With details of what changed (never secrets).
    pub fn with(mut self, new_values: serde_json::Value) -> Self {
        self.new_values = Some(new_values);
        self
    }
}

/// The values with every email address masked (see `domain::text::mask_email`).
fn masked(values: &serde_json::Value) -> serde_json::Value {
    match values {
        serde_json::Value::String(s) if s.contains('@') => crate::domain::text::mask_email(s).into(),
        serde_json::Value::Array(items) => items.iter().map(masked).collect(),
        serde_json::Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), masked(v))).collect(),
        other => other.clone(),
    }
}
