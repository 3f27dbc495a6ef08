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

/// What the back office's audit log is filtered by (all optional).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// The user who acted; `Some(None)`: the system (no actor).
    pub actor: Option<Option<i64>>,
    /// An action, or a prefix ending in "." ("review.").
    pub action: Option<String>,
    pub target_kind: Option<String>,
    pub target_id: Option<i64>,
    /// `[from, to)` in UTC.
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

/// Rows matching a filter, newest first, with the actor's email; `limit` rows from `offset`.
pub fn search(
    conn: &mut DbConn,
    filter: &Filter,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(AuditLog, Option<String>)>> {
    use crate::db::schema::users;
    let mut query = audit_logs::table.into_boxed::<crate::db::MultiBackend>();
    match filter.actor {
        Some(Some(id)) => query = query.filter(audit_logs::actor_id.eq(id)),
        Some(None) => query = query.filter(audit_logs::actor_id.is_null()),
        None => {}
    }
    if let Some(action) = &filter.action {
        query = match action.strip_suffix('.') {
            Some(prefix) => {
                let prefix = prefix.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
                query.filter(audit_logs::action.like(format!("{prefix}.%")).escape('\\'))
            }
            None => query.filter(audit_logs::action.eq(action.clone())),
        };
    }
    if let Some(kind) = &filter.target_kind {
        query = query.filter(audit_logs::target_kind.eq(kind.clone()));
    }
    if let Some(id) = filter.target_id {
        query = query.filter(audit_logs::target_id.eq(id));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_logs::created_at.ge(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_logs::created_at.lt(to));
    }
    let rows: Vec<AuditLog> = query
        .order((audit_logs::created_at.desc(), audit_logs::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(AuditLog::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().filter_map(|r| r.actor_id).collect();
    let emails: Vec<(i64, String)> =
        users::table.filter(users::id.eq_any(&ids)).select((users::id, users::email)).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let email = r.actor_id.and_then(|id| emails.iter().find(|(u, _)| *u == id).map(|(_, e)| e.clone()));
            (r, email)
        })
        .collect())
}

/// The distinct target kinds written so far (for the filter's choices).
pub fn target_kinds(conn: &mut DbConn) -> QueryResult<Vec<String>> {
    let kinds: Vec<Option<String>> =
        audit_logs::table.select(audit_logs::target_kind).distinct().order(audit_logs::target_kind).load(conn)?;
    Ok(kinds.into_iter().flatten().collect())
}

/// Everything a user did or that was done to their account, newest first (the back office's user page).
pub fn about_user(conn: &mut DbConn, user_id: i64, limit: i64) -> QueryResult<Vec<AuditLog>> {
    audit_logs::table
        .filter(
            audit_logs::actor_id
                .eq(user_id)
                .or(audit_logs::target_kind.eq("user").and(audit_logs::target_id.eq(user_id))),
        )
        .order((audit_logs::created_at.desc(), audit_logs::id.desc()))
        .limit(limit)
        .select(AuditLog::as_select())
        .load(conn)
}

/// Deletes journal rows older than `before`.
pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(audit_logs::table.filter(audit_logs::created_at.lt(before))).execute(conn)
}

/// A deleted account leaves no personal data in the journal (law 09-08): the rows it made or that are about it
/// lose their address and device, and its email is blanked wherever it was written (failed sign-ins for it,
/// changes of address).
pub fn anonymise_user(conn: &mut DbConn, user_id: i64, email: &str) -> QueryResult<usize> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Nullable, Text};
    let blank = |column: &str| {
        sql::<Nullable<Text>>(&format!("replace({column}, ")).bind::<Text, _>(email.to_string()).sql(", '[deleted]')")
    };
    let theirs =
        audit_logs::actor_id.eq(user_id).or(audit_logs::target_kind.eq("user").and(audit_logs::target_id.eq(user_id)));
    let mut changed = diesel::update(audit_logs::table.filter(theirs))
        .set((audit_logs::ip_address.eq(None::<String>), audit_logs::user_agent.eq(None::<String>)))
        .execute(conn)?;
    if !email.is_empty() {
        let pattern = format!("%{}%", email.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let mentions = audit_logs::old_values
            .like(pattern.clone())
            .escape('\\')
            .or(audit_logs::new_values.like(pattern).escape('\\'));
        changed += diesel::update(audit_logs::table.filter(mentions))
            .set((audit_logs::old_values.eq(blank("old_values")), audit_logs::new_values.eq(blank("new_values"))))
            .execute(conn)?;
    }
    Ok(changed)
}
