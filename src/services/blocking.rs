//! `Db::run`: a use case (blocking diesel code) on the blocking thread pool with a pooled connection, awaited by
//! a handler, a socket or the jobs loop. Its errors are the use cases' (`AppError`). The queries it runs are
//! added to the request's count when one is kept (`QUERIES`, see `web::log`).
//!
//! Bulkheads: a request holds at most its route's share of the pool (`SHARE`, set by `web::bulkhead`), so a
//! page stuck on a locked table cannot take every connection and stall unrelated pages; and its database work
//! ends by the request's deadline (one statement timeout after it started), however many queries it makes.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::Semaphore;

use crate::db::{Db, DbConn};
use crate::error::AppError;

tokio::task_local! {
    /// The queries of the request (task) being served, when it counts them.
    pub static QUERIES: Cell<u64>;
    /// The connections the route being served may still take, and when its database time is up.
    pub static SHARE: Share;
}

#[derive(Clone)]
pub struct Share {
    pub permits: Arc<Semaphore>,
    pub deadline: Option<tokio::time::Instant>,
}

/// One semaphore per route, each of half the pool (at least one connection).
pub struct PoolShares {
    per_route: usize,
    routes: Mutex<HashMap<String, Arc<Semaphore>>>,
}

impl PoolShares {
    pub fn new(pool_size: u32) -> Self {
        PoolShares { per_route: (pool_size as usize).div_ceil(2), routes: Mutex::new(HashMap::new()) }
    }

    pub fn of(&self, route: &str) -> Arc<Semaphore> {
        let mut routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        routes.entry(route.to_string()).or_insert_with(|| Arc::new(Semaphore::new(self.per_route))).clone()
    }
}

impl Db {
    pub async fn run<F, T>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let share = match SHARE.try_with(Share::clone) {
            Ok(share) => {
                let mut wait = self.acquire_timeout();
                if let Some(deadline) = share.deadline {
                    wait = wait.min(deadline.saturating_duration_since(tokio::time::Instant::now()));
                    if wait.is_zero() {
                        return Err(AppError::Unavailable("the request's database time is spent".into()));
                    }
                }
                match tokio::time::timeout(wait, share.permits.acquire_owned()).await {
                    Ok(Ok(permit)) => Some(permit),
                    _ => return Err(AppError::Unavailable("this page's share of the pool is busy".into())),
                }
            }
            Err(_) => None,
        };
        let db = self.clone();
        let (result, queries) = tokio::task::spawn_blocking(move || {
            let before = crate::db::queries_on_this_thread();
            let result = db.get().map_err(AppError::from).and_then(|mut conn| f(&mut conn));
            (result, crate::db::queries_on_this_thread() - before)
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task: {e}")))?;
        drop(share);
        let _ = QUERIES.try_with(|count| count.set(count.get() + queries));
        result
    }
}
