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

/// How long the site waits on the database before giving up (and answering 503, see `AppError::Unavailable`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// Waiting for a pooled connection (all busy, or the database not answering).
    pub acquire: Duration,
    /// One statement, or waiting for one lock (PostgreSQL `statement_timeout`/`lock_timeout`, SQLite's busy
    /// timeout); `None`: no limit (migrations, seeding, tools).
    pub statement: Option<Duration>,
}

impl Timeouts {
    /// For tools, migrations and tests: wait as long as it takes.
    pub const PATIENT: Timeouts = Timeouts { acquire: Duration::from_secs(30), statement: None };
}

/// r2d2 manager that picks the backend from the URL scheme and keeps the driver's own error.
#[derive(Clone, Debug)]
pub struct DbConnectionManager {
    url: String,
    statement_timeout: Option<Duration>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbConnectError {
    #[error("cannot connect to the database: {0}")]
    Connection(#[from] diesel::ConnectionError),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
}

impl DbConnectionManager {
    pub fn new(url: impl Into<String>, timeouts: Timeouts) -> Self {
        let url = url.into();
        // libpq waits for an unreachable host as long as the kernel does: no longer than the pool would.
        let url = if Backend::of(&url) == Backend::Postgres && !url.contains("connect_timeout=") {
            let seconds = timeouts.acquire.as_secs().max(2);
            format!("{url}{}connect_timeout={seconds}", if url.contains('?') { '&' } else { '?' })
        } else {
            url
        };
        Self { url, statement_timeout: timeouts.statement }
    }

    /// Opens one connection with no statement timeout, with SQLite's pragmas set.
    pub fn connect(url: &str) -> Result<DbConn, DbConnectError> {
        Self::new(url, Timeouts::PATIENT).open()
    }

    fn open(&self) -> Result<DbConn, DbConnectError> {
        let url = self.url.as_str();
        let timeout_ms = self.statement_timeout.map(|t| t.as_millis());
        match Backend::of(url) {
            Backend::Postgres => {
                let mut conn = diesel::PgConnection::establish(url)?;
                conn.set_instrumentation(counted);
                let ms = timeout_ms.unwrap_or(0);
                conn.batch_execute(&format!(
                    "SET TIME ZONE 'UTC'; SET statement_timeout = {ms}; SET lock_timeout = {ms}"
                ))?;
                Ok(DbConn::Pg(conn))
            }
            Backend::Sqlite => {
                let path = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url);
                let mut conn = diesel::SqliteConnection::establish(path)?;
                conn.set_instrumentation(counted);
                // busy_timeout first: setting WAL takes a lock that concurrent openers must wait for. Reads go through
                // a 256 MB memory map and a 16 MB page cache per connection (fewer system calls on large data).
                let busy_ms = timeout_ms.unwrap_or(30_000);
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {busy_ms}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA foreign_keys = ON; PRAGMA cache_size = -16000; PRAGMA mmap_size = 268435456;"
                ))?;
                Ok(DbConn::Sqlite(conn))
            }
        }
    }
}

impl ManageConnection for DbConnectionManager {
    type Connection = DbConn;
    type Error = DbConnectError;

    fn connect(&self) -> Result<DbConn, DbConnectError> {
        self.open()
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), DbConnectError> {
        conn.batch_execute("SELECT 1")?;
        Ok(())
    }

    /// A PostgreSQL connection whose server went away (restart, terminated backend) is dropped from the pool
    /// when handed back, rather than failing the next request too.
    fn has_broken(&self, conn: &mut DbConn) -> bool {
        use diesel::r2d2::R2D2Connection;
        match conn {
            DbConn::Pg(c) => c.is_broken(),
            DbConn::Sqlite(c) => c.is_broken(),
        }
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
    /// A pool that waits as long as it takes (tools, migrations, tests).
    pub fn connect(url: &str, size: u32) -> Result<Self, DbError> {
        Self::connect_with(url, size, Timeouts::PATIENT)
    }

    /// A pool whose callers give up after `timeouts` (the site: a 503 rather than a hung page). The pool is
    /// built without waiting for the database, so the site starts (and answers 503) while it is down.
    pub fn connect_with(url: &str, size: u32, timeouts: Timeouts) -> Result<Self, DbError> {
        sqlite_without_memory_statistics();
        let pool = r2d2::Pool::builder()
            .max_size(size)
            // No `SELECT 1` before every use: a broken connection fails its query and is replaced.
            .test_on_check_out(false)
            .connection_timeout(timeouts.acquire)
            .build_unchecked(DbConnectionManager::new(url, timeouts));
        Ok(Db { pool, backend: Backend::of(url) })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// How long a caller waits for a pooled connection.
    pub fn acquire_timeout(&self) -> Duration {
        self.pool.connection_timeout()
    }

    pub fn pool_size(&self) -> u32 {
        self.pool.max_size()
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

/// Whether a query failed because the database is unreachable or busy rather than because of the query: a
/// connection closed (server restart, backend terminated), a statement or lock timeout (PostgreSQL), a lock
/// held too long (SQLite's busy timeout). PostgreSQL's messages are matched in English, its default.
pub fn is_unavailable(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match e {
        Error::DatabaseError(DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand, _) => true,
        Error::DatabaseError(_, info) => {
            let m = info.message();
            m.contains("statement timeout")
                || m.contains("lock timeout")
                || m.contains("database is locked")
                || m.contains("terminating connection")
                || m.contains("server closed the connection")
                || m.contains("the database system is")
        }
        _ => false,
    }
}

/// Runs a write that may be skipped rather than waited for (a view count): it waits 100 ms at most for a lock
/// (SQLite's busy timeout, PostgreSQL's lock timeout), then fails; the connection's own timeout is restored.
pub fn without_waiting<T>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> QueryResult<T>) -> QueryResult<T> {
    #[derive(QueryableByName)]
    struct Busy {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        timeout: i32,
    }
    match conn {
        DbConn::Pg(_) => conn.transaction(|conn| {
            conn.batch_execute("SET LOCAL lock_timeout = 100")?;
            f(conn)
        }),
        DbConn::Sqlite(_) => {
            let before = diesel::sql_query("PRAGMA busy_timeout").get_result::<Busy>(conn)?.timeout;
            conn.batch_execute("PRAGMA busy_timeout = 100")?;
            let result = f(conn);
            conn.batch_execute(&format!("PRAGMA busy_timeout = {before}"))?;
            result
        }
    }
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
