//! What the use cases tell open pages (delivered by `realtime`: the hub, the PostgreSQL relay, the sockets).

/// Something happened that open pages may show.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A new message in a conversation.
    Message { conversation: i64, message: i64 },
    /// Messages were read (the sender's "seen", the reader's badges).
    Read { conversation: i64 },
    /// A new in-app notification (the bell's badge).
    Notification,
    /// Some of the user's sessions ended (signed out, revoked, suspended, password changed): each socket checks
    /// its own and closes when it is gone.
    SessionsEnded,
}

/// An event and the users it concerns.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Envelope {
    pub users: Vec<i64>,
    pub event: Event,
}
