//! `Db::run`: a use case (blocking diesel code) on the blocking thread pool with a pooled connection, awaited by
//! a handler, a socket or the jobs loop. Its errors are the use cases' (`AppError`). The queries it runs are
//! added to the request's count when one is kept (`QUERIES`, see `web::log`).

use std::cell::Cell;

use crate::db::{Db, DbConn};
use crate::error::AppError;

tokio::task_local! {
    /// The queries of the request (task) being served, when it counts them.
    pub static QUERIES: Cell<u64>;
}

impl Db {
    pub async fn run<F, T>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        let (result, queries) = tokio::task::spawn_blocking(move || {
            let before = crate::db::queries_on_this_thread();
            let result = db.get().map_err(AppError::from).and_then(|mut conn| f(&mut conn));
            (result, crate::db::queries_on_this_thread() - before)
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task: {e}")))?;
        let _ = QUERIES.try_with(|count| count.set(count.get() + queries));
        result
    }
}
