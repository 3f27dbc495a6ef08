//! Real time (DESIGN.md §7): one WebSocket per browser tab at `/ws`. A hub keeps, per user, a sender for
//! each open socket; an event names who must hear of it and each socket renders what its page needs, in its
//! language. With PostgreSQL, events travel through `NOTIFY khadamat_events` and every instance's listener
//! (`relay`) hands them to its own hub, so sockets held by another instance hear them too.

pub mod relay;
pub mod socket;

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use actix_web::web;
use tokio::sync::mpsc;

use crate::db::Backend;
use crate::state::AppState;

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

type Subscribers = HashMap<i64, Vec<(u64, mpsc::UnboundedSender<Event>)>>;

#[derive(Default)]
pub struct Hub {
    subscribers: Mutex<Subscribers>,
    next: AtomicU64,
}

impl Hub {
    /// A new socket of this user: its id and the events for it.
    pub fn subscribe(&self, user: i64) -> (u64, mpsc::UnboundedReceiver<Event>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        self.subscribers.lock().unwrap_or_else(|e| e.into_inner()).entry(user).or_default().push((id, tx));
        (id, rx)
    }

    pub fn unsubscribe(&self, user: i64, id: u64) {
        let mut subs = self.subscribers.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(list) = subs.get_mut(&user) {
            list.retain(|(i, _)| *i != id);
            if list.is_empty() {
                subs.remove(&user);
            }
        }
    }

    /// Hands an event to this instance's sockets of the users concerned.
    pub fn deliver(&self, envelope: &Envelope) {
        let subs = self.subscribers.lock().unwrap_or_else(|e| e.into_inner());
        for user in &envelope.users {
            for (_, tx) in subs.get(user).into_iter().flatten() {
                let _ = tx.send(envelope.event.clone());
            }
        }
    }

    /// Open sockets on this instance.
    pub fn sockets(&self) -> usize {
        self.subscribers.lock().unwrap_or_else(|e| e.into_inner()).values().map(Vec::len).sum()
    }
}

/// Publishes an event after the change it reports was committed: through PostgreSQL to every instance,
/// or straight to this instance's hub with SQLite (a single instance).
pub async fn publish(state: &web::Data<AppState>, users: Vec<i64>, event: Event) {
    let envelope = Envelope { users, event };
    match state.db.backend() {
        Backend::Postgres => {
            let payload = serde_json::to_string(&envelope).unwrap_or_default();
            let sent = state.db.run(move |conn| Ok(crate::db::events::notify(conn, &payload)?)).await;
            if let Err(e) = sent {
                tracing::warn!(error = %e, "could not relay a real-time event");
            }
        }
        Backend::Sqlite => state.hub.deliver(&envelope),
    }
}

/// Tells the user's open sockets that some of their sessions ended (after the rows were deleted).
pub async fn sessions_ended(state: &web::Data<AppState>, user: i64) {
    publish(state, vec![user], Event::SessionsEnded).await;
}

/// Publishes events one after the other (after the commit of the change that made them).
pub async fn publish_all(state: &web::Data<AppState>, envelopes: Vec<Envelope>) {
    for e in envelopes {
        publish(state, e.users, e.event).await;
    }
}
