//! PostgreSQL LISTEN on `khadamat_events`: a thread with its own connection hands every event to this
//! instance's hub (including the events this instance published). It reconnects after a failure.

use std::sync::Arc;
use std::time::Duration;

use super::hub::Hub;
use crate::services::live::Envelope;

/// How often the listener looks for notifications (libpq delivers them when asked).
const POLL: Duration = Duration::from_millis(20);

pub fn start(url: String, hub: Arc<Hub>) {
    std::thread::Builder::new()
        .name("realtime-relay".into())
        .spawn(move || {
            // Ends when nothing else holds the hub (the app state is gone).
            while Arc::strong_count(&hub) > 1 {
                if let Err(e) = listen(&url, &hub) {
                    tracing::warn!(error = %e, "real-time relay lost its connection; reconnecting");
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        })
        .ok();
}

fn listen(url: &str, hub: &Arc<Hub>) -> Result<(), String> {
    use diesel::Connection;
    let mut conn = diesel::PgConnection::establish(url).map_err(|e| e.to_string())?;
    crate::db::events::listen(&mut conn).map_err(|e| e.to_string())?;
    while Arc::strong_count(hub) > 1 {
        for notification in conn.notifications_iter() {
            let notification = notification.map_err(|e| e.to_string())?;
            match serde_json::from_str::<Envelope>(&notification.payload) {
                Ok(envelope) => hub.deliver(&envelope),
                Err(e) => tracing::warn!(error = %e, "unreadable real-time event"),
            }
        }
        std::thread::sleep(POLL);
    }
    Ok(())
}
