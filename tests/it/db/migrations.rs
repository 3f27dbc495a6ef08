//! Migrations come in pairs, apply and revert on the backend under test.

use std::collections::BTreeSet;
use std::path::PathBuf;

use diesel_migrations::MigrationHarness;
use khadamat::db::{DbConn, DbConnectionManager, migrations};

use crate::support::TestDb;

fn names(backend: &str) -> BTreeSet<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            assert!(
                path.join("up.sql").exists() && path.join("down.sql").exists(),
                "{path:?} lacks up.sql or down.sql"
            );
            path.file_name().unwrap().to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn migrations_are_paired() {
    let pg = names("postgres");
    assert!(!pg.is_empty());
    assert_eq!(pg, names("sqlite"));
}

#[test]
fn migrations_apply_revert_and_apply_again() {
    let db = TestDb::create();
    let mut conn = DbConnectionManager::connect(&db.url).expect("connect");
    let applied = migrations::run_pending(&mut conn).unwrap();
    assert_eq!(applied.len(), names("sqlite").len());
    match &mut conn {
        DbConn::Pg(c) => c.revert_all_migrations(migrations::POSTGRES).map(|_| ()),
        DbConn::Sqlite(c) => c.revert_all_migrations(migrations::SQLITE).map(|_| ()),
    }
    .expect("down migrations");
    assert_eq!(migrations::run_pending(&mut conn).unwrap().len(), applied.len());
    assert!(migrations::run_pending(&mut conn).unwrap().is_empty());
}
