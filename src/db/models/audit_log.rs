use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::audit_logs;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = audit_logs)]
pub struct AuditLog {
    pub id: i64,
    pub actor_id: Option<i64>,
    pub action: String,
    pub target_kind: Option<String>,
    pub target_id: Option<i64>,
    pub old_values: Option<String>,
    pub new_values: Option<String>,
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Recent security events about a user (done by them or to their account), newest first.
pub fn security_events(conn: &mut DbConn, user_id: i64, limit: i64) -> QueryResult<Vec<AuditLog>> {
    audit_logs::table
        .filter(
            audit_logs::target_kind
                .eq("user")
                .and(audit_logs::target_id.eq(user_id))
                .or(audit_logs::actor_id.eq(user_id)),
        )
        .filter(audit_logs::action.like("auth.%").or(audit_logs::action.like("account.%")))
        .order((audit_logs::created_at.desc(), audit_logs::id.desc()))
        .limit(limit)
        .select(AuditLog::as_select())
        .load(conn)
}

pub fn count_action(conn: &mut DbConn, action: &str) -> QueryResult<i64> {
    audit_logs::table.filter(audit_logs::action.eq(action)).count().get_result(conn)
}

#[derive(Insertable)]
#[diesel(table_name = audit_logs)]
pub struct NewAuditLog<'a> {
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub target_kind: Option<&'a str>,
    pub target_id: Option<i64>,
    pub old_values: Option<String>,
    pub new_values: Option<String>,
    pub ip_address: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub request_id: Option<&'a str>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &NewAuditLog<'_>) -> QueryResult<()> {
    diesel::insert_into(audit_logs::table).values(row).execute(conn).map(|_| ())
}
