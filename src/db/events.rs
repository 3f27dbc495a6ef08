//! The channel that carries real-time events between app instances: PostgreSQL `NOTIFY`/`LISTEN` on
//! `khadamat_events` (see `realtime`). SQLite serves one instance and needs none.

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;

use crate::db::DbConn;

/// Sends an event (JSON) to every listening instance, this one included.
pub fn notify(conn: &mut DbConn, payload: &str) -> diesel::QueryResult<()> {
    diesel::sql_query("SELECT pg_notify('khadamat_events', $1)")
        .bind::<diesel::sql_types::Text, _>(payload)
        .execute(conn)?;
    Ok(())
}

/// Subscribes a dedicated connection; its `notifications_iter` then yields the events.
pub fn listen(conn: &mut diesel::PgConnection) -> diesel::QueryResult<()> {
    conn.batch_execute("LISTEN khadamat_events")
}
