//! `src/db/schema.rs` matches the migrated database (names, types, nullability), every enum matches
//! its CHECK constraint, and the models load.

use std::collections::BTreeMap;
use std::path::PathBuf;

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use khadamat::db::{DbConn, DbConnectionManager, migrations};

use crate::support::TestDb;

/// (table → [(column, type, nullable)]) parsed from schema.rs.
fn declared() -> BTreeMap<String, Vec<(String, String, bool)>> {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/db/schema.rs")).unwrap();
    let mut tables = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines().map(str::trim) {
        if let Some(name) = current.as_ref() {
            if line == "}" {
                current = None;
                continue;
            }
            if let Some((col, ty)) = line.trim_end_matches(',').split_once(" -> ") {
                let nullable = ty.starts_with("Nullable<");
                let ty = ty.trim_start_matches("Nullable<").trim_end_matches('>').to_string();
                tables.entry(name.clone()).or_insert_with(Vec::new).push((col.to_string(), ty, nullable));
            }
        } else if line.ends_with('{') && line.contains(" (") && !line.starts_with("diesel") {
            current = Some(line.split_whitespace().next().unwrap().to_string());
        }
    }
    tables
}

#[derive(QueryableByName, Debug)]
struct Column {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    sql_type: String,
    #[diesel(sql_type = Integer)]
    not_null: i32,
}

fn actual(conn: &mut DbConn, table: &str) -> Vec<Column> {
    match conn {
        DbConn::Sqlite(_) => diesel::sql_query(format!(
            "SELECT name, type AS sql_type, (\"notnull\" OR pk > 0) AS not_null FROM pragma_table_info('{table}') ORDER BY cid"
        ))
        .load(conn)
        .unwrap(),
        DbConn::Pg(_) => diesel::sql_query(format!(
            "SELECT column_name::text AS name, data_type::text AS sql_type, (is_nullable = 'NO')::int AS not_null \
             FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position"
        ))
        .load(conn)
        .unwrap(),
    }
}

fn expected_sql_type(diesel_type: &str, postgres: bool) -> &'static [&'static str] {
    match (diesel_type, postgres) {
        ("BigInt", false) => &["BIGINT", "INTEGER"],
        ("BigInt", true) => &["bigint"],
        ("Integer", false) => &["INTEGER"],
        ("Integer", true) => &["integer"],
        ("SmallInt", false) => &["SMALLINT"],
        ("SmallInt", true) => &["smallint"],
        ("Text", false) => &["TEXT"],
        ("Text", true) => &["text"],
        ("Bool", false) => &["BOOLEAN"],
        ("Bool", true) => &["boolean"],
        ("Timestamp", false) => &["TIMESTAMP"],
        ("Timestamp", true) => &["timestamp without time zone"],
        ("Date", false) => &["DATE"],
        ("Date", true) => &["date"],
        ("Double", false) => &["DOUBLE PRECISION"],
        ("Double", true) => &["double precision"],
        (other, _) => panic!("schema.rs uses {other}: add it to the drift test"),
    }
}

#[test]
fn schema_rs_matches_the_migrated_database() {
    let db = TestDb::create();
    let mut conn = DbConnectionManager::connect(&db.url).expect("connect");
    migrations::run_pending(&mut conn).unwrap();
    let postgres = db.is_postgres();
    let tables = declared();
    assert_eq!(tables.len(), 34, "tables in schema.rs: {:?}", tables.keys());
    for (table, columns) in &tables {
        // Backend-specific search columns live outside schema.rs on purpose (see db::search).
        let found: Vec<Column> = actual(&mut conn, table)
            .into_iter()
            .filter(|c| !(c.name == "search_tags" || postgres && c.name == "search_vector"))
            .collect();
        let found_names: Vec<&str> = found.iter().map(|c| c.name.as_str()).collect();
        let declared_names: Vec<&str> = columns.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(found_names, declared_names, "columns of {table}");
        for ((name, ty, nullable), column) in columns.iter().zip(&found) {
            assert!(
                expected_sql_type(ty, postgres).contains(&column.sql_type.as_str()),
                "{table}.{name}: schema.rs says {ty}, database says {}",
                column.sql_type
            );
            assert_eq!(*nullable, column.not_null == 0, "{table}.{name}: nullability differs");
        }
    }
    // The models load (with limit 0, so that a missing column fails even on an empty table).
    use khadamat::db::models::{Category, City, Provider, User};
    use khadamat::db::schema::*;
    users::table.select(User::as_select()).limit(0).load(&mut conn).unwrap();
    providers::table.select(Provider::as_select()).limit(0).load(&mut conn).unwrap();
    cities::table.select(City::as_select()).limit(0).load(&mut conn).unwrap();
    categories::table.select(Category::as_select()).limit(0).load(&mut conn).unwrap();
}

#[test]
fn every_enum_value_is_allowed_by_its_check_constraint() {
    use khadamat::db::types::*;
    // The first schema and every later migration (a later one may widen a CHECK).
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut sql = std::fs::read_to_string(root.join("scripts/initial.sql.in")).unwrap();
    for dir in std::fs::read_dir(root.join("migrations/sqlite")).unwrap() {
        sql.push_str(&std::fs::read_to_string(dir.unwrap().path().join("up.sql")).unwrap());
    }
    let check = |values: Vec<&str>| {
        let list = values.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(", ");
        assert!(sql.contains(&list), "no CHECK lists exactly ({list})");
    };
    check(UserRole::ALL.iter().map(|v| v.as_str()).collect());
    check(UserStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(Locale::ALL.iter().map(|v| v.as_str()).collect());
    check(MediaKind::ALL.iter().map(|v| v.as_str()).collect());
    check(ProviderStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(PricingUnit::ALL.iter().map(|v| v.as_str()).collect());
    check(BookingStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(MessageKind::ALL.iter().map(|v| v.as_str()).collect());
    check(ReviewDirection::ALL.iter().map(|v| v.as_str()).collect());
    check(ReviewStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(ReportTarget::ALL.iter().map(|v| v.as_str()).collect());
    check(ReportStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(NotificationTopic::ALL.iter().map(|v| v.as_str()).collect());
    check(TokenKind::ALL.iter().map(|v| v.as_str()).collect());
    check(PlanKind::ALL.iter().map(|v| v.as_str()).collect());
    check(BillingInterval::ALL.iter().map(|v| v.as_str()).collect());
    check(SubscriptionStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(PaymentStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(WebhookSource::ALL.iter().map(|v| v.as_str()).collect());
    check(ContactTopic::ALL.iter().map(|v| v.as_str()).collect());
    check(ContactStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(OutboxStatus::ALL.iter().map(|v| v.as_str()).collect());
    check(OutboxChannel::ALL.iter().map(|v| v.as_str()).collect());
    let kinds: Vec<&str> = NotificationKind::ALL.iter().map(|v| v.as_str()).collect();
    for kind in kinds {
        assert!(sql.contains(&format!("'{kind}'")), "{kind}");
    }
}
