//! `Db::run`: a use case (blocking diesel code) on the blocking thread pool with a pooled connection, awaited by
//! a handler, a socket or the jobs loop. Its errors are the use cases' (`AppError`).

use crate::db::{Db, DbConn};
use crate::error::AppError;

impl Db {
    pub async fn run<F, T>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db.get()?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task: {e}")))?
    }
}
