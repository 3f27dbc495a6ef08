//! A database for one test, removed afterwards.

use std::sync::atomic::{AtomicU32, Ordering};

use diesel::Connection;
use diesel::RunQueryDsl;

pub struct TestDb {
    pub url: String,
    admin_url: Option<String>,
    name: String,
    _dir: Option<tempfile::TempDir>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The PostgreSQL server to use, if the suite runs on PostgreSQL.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL").ok().filter(|u| u.starts_with("postgres"))
}

impl TestDb {
    pub fn create() -> TestDb {
        match postgres_admin_url() {
            Some(admin) => {
                let name = format!(
                    "khadamat_test_{}_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::SeqCst),
                    rand::random::<u32>()
                );
                let mut conn = diesel::PgConnection::establish(&admin).expect("PostgreSQL at TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut conn).expect("create database");
                let (base, _) = admin.rsplit_once('/').expect("database URL with a path");
                TestDb { url: format!("{base}/{name}"), admin_url: Some(admin), name, _dir: None }
            }
            None => {
                let dir = tempfile::tempdir().expect("temp dir");
                let path = dir.path().join("test.db");
                TestDb {
                    url: path.to_string_lossy().into_owned(),
                    admin_url: None,
                    name: String::new(),
                    _dir: Some(dir),
                }
            }
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.admin_url.is_some()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(admin) = &self.admin_url
            && let Ok(mut conn) = diesel::PgConnection::establish(admin)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)).execute(&mut conn);
        }
    }
}
