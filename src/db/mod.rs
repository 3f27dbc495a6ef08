//! Database access: one `DbConn` over SQLite or PostgreSQL and an r2d2 pool (`services::blocking` adds
//! `Db::run`, the bridge from async handlers).

pub mod events;
pub mod migrations;
pub mod models;
pub mod schema;
pub mod search;
pub mod seed;
pub mod types;
pub mod views;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, PooledConnection};

/// What can go wrong below the use cases: a query, the pool, or the data itself (seed files, migrations).
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database pool: {0}")]
    Pool(String),
    #[error("{0}")]
    Data(String),
}

/// Whether a database URL names PostgreSQL (anything else is a SQLite file).
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// One connection type for both backends; the URL picks the variant.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// Which database a URL points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn of(url: &str) -> Self {
        if is_postgres_url(url) { Backend::Postgres } else { Backend::Sqlite }
    }
}

thread_local! {
    /// Queries run on this thread so far (every pooled connection counts its own, see `counted`).
    static QUERIES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many queries this thread has run (a use case's count is the difference around it).
pub fn queries_on_this_thread() -> u64 {
    QUERIES.with(std::cell::Cell::get)
}

/// Counts each query a connection starts, on the thread that runs it (and logs it at trace level, target `sql`).
fn counted(event: diesel::connection::InstrumentationEvent<'_>) {
    if let diesel::connection::InstrumentationEvent::StartQuery { query, .. } = event {
        QUERIES.with(|q| q.set(q.get() + 1));
        tracing::trace!(target: "sql", "{query}");
    }
}

/// r2d2 manager that picks the backend from the URL scheme and keeps the driver's own error.
#[derive(Clone, Debug)]
pub struct DbConnectionManager {
    url: String,
}

#[derive(Debug, thiserror::Error)]
pub enum DbConnectError {
    #[error("cannot connect to the database: {0}")]
    Connection(#[from] diesel::ConnectionError),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
}

impl DbConnectionManager {
    pub fn new(url: impl Into<String>) -> Self {
        Self { url: url.into() }
    }

    /// Opens one connection, with SQLite's pragmas set.
    pub fn connect(url: &str) -> Result<DbConn, DbConnectError> {
        match Backend::of(url) {
            Backend::Postgres => {
                let mut conn = diesel::PgConnection::establish(url)?;
                conn.set_instrumentation(counted);
                conn.batch_execute("SET TIME ZONE 'UTC'")?;
                Ok(DbConn::Pg(conn))
            }
            Backend::Sqlite => {
                let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
                let mut conn = diesel::SqliteConnection::establish(path)?;
                conn.set_instrumentation(counted);
                // busy_timeout first: setting WAL takes a lock that concurrent openers must wait for. Reads go through
                // a 256 MB memory map and a 16 MB page cache per connection (fewer system calls on large data).
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456;",
                )?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

impl ManageConnection for DbConnectionManager {
    type Connection = DbConn;
    type Error = DbConnectError;

    fn connect(&self) -> Result<DbConn, DbConnectError> {
        Self::connect(&self.url)
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), DbConnectError> {
        conn.batch_execute("SELECT 1")?;
        Ok(())
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

pub type DbPool = Pool<DbConnectionManager>;
pub type PooledConn = PooledConnection<DbConnectionManager>;

/// The shared database handle: a pool plus the backend it talks to.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
    backend: Backend,
}

impl Db {
    pub fn connect(url: &str, size: u32) -> Result<Self, DbError> {
        sqlite_without_memory_statistics();
        let pool = r2d2::Pool::builder()
            .max_size(size)
            // No `SELECT 1` before every use: a broken connection fails its query and is replaced.
            .test_on_check_out(false)
            .connection_timeout(Duration::from_secs(10))
            .build(DbConnectionManager::new(url))
            .map_err(|e| DbError::Pool(e.to_string()))?;
        Ok(Db { pool, backend: Backend::of(url) })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A pooled connection, for synchronous callers (the blocking pool, CLI, seed, tests).
    pub fn get(&self) -> Result<PooledConn, DbError> {
        self.pool.get().map_err(|e| DbError::Pool(e.to_string()))
    }
}

/// SQLite keeps memory statistics behind one global mutex, taken on every allocation: with a pool of
/// connections on several threads it is the hottest lock of a page. Turned off before SQLite starts (a no-op
/// once it has).
fn sqlite_without_memory_statistics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: sqlite3_config is called before any connection is opened (Db::connect comes first) and only
        // once; when SQLite is already initialised it answers SQLITE_MISUSE and changes nothing.
        unsafe {
            libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int);
        }
    });
}

/// Checks that the database answers.
pub fn ping(conn: &mut DbConn) -> QueryResult<()> {
    conn.batch_execute("SELECT 1")
}

/// Current UTC time truncated to microseconds (both backends store microseconds).
pub fn now() -> chrono::NaiveDateTime {
    truncate_micros(chrono::Utc::now().naive_utc())
}

pub fn truncate_micros(t: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    use chrono::SubsecRound;
    t.trunc_subsecs(6)
}
