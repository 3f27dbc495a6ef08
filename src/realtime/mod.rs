//! Real time (DESIGN.md §7): one WebSocket per browser tab at `/ws`. A hub keeps, per user, a sender for
//! each open socket; an event names who must hear of it and each socket renders what its page needs, in its
//! language. With PostgreSQL, events travel through `NOTIFY khadamat_events` and every instance's listener
//! (`relay`) hands them to its own hub, so sockets held by another instance hear them too.

pub mod hub;
pub mod relay;
pub mod socket;

use actix_web::web;

use crate::db::Backend;
use crate::state::AppState;

pub use crate::services::live::{Envelope, Event};
pub use hub::Hub;

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
