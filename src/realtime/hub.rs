//! This instance's open sockets, per user: an event for some users reaches each of their sockets here.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::mpsc;

use crate::services::live::{Envelope, Event};

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
