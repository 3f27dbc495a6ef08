//! Embedded, paired migrations (`migrations/postgres` and `migrations/sqlite` hold the same names).

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::{DbConn, DbError};

pub const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");
pub const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");

/// PostgreSQL advisory lock key held while migrating ("khadamat" in ASCII), so that instances started together
/// migrate one after the other (the later ones find nothing pending). SQLite's own write lock does the same.
const MIGRATION_LOCK: i64 = 0x6b68_6164_616d_6174;

/// Applies every pending migration; returns the names applied.
pub fn run_pending(conn: &mut DbConn) -> Result<Vec<String>, DbError> {
    let applied = match conn {
        DbConn::Pg(c) => {
            use diesel::connection::SimpleConnection;
            c.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))?;
            let applied = c.run_pending_migrations(POSTGRES).map(|v| v.iter().map(|m| m.to_string()).collect());
            c.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))?;
            applied
        }
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|v| v.iter().map(|m| m.to_string()).collect()),
    };
    applied.map_err(|e| DbError::Data(format!("migrations failed: {e}")))
}
