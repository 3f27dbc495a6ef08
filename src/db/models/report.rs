//! Reports from users (reviews, messages, conversations) and their resolution by the back office.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{messages, reports, users};
use crate::db::types::{ReportStatus, ReportTarget};

/// Files a report (one open report per person and target: reporting again changes nothing).
pub fn file(
    conn: &mut DbConn,
    reporter_id: i64,
    kind: ReportTarget,
    target_id: i64,
    reason: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let open = reports::table
        .filter(reports::reporter_id.eq(reporter_id))
        .filter(reports::target_kind.eq(kind))
        .filter(reports::target_id.eq(target_id))
        .filter(reports::status.eq(ReportStatus::Open))
        .count()
        .get_result::<i64>(conn)?;
    if open > 0 {
        return Ok(false);
    }
    diesel::insert_into(reports::table)
        .values((
            reports::reporter_id.eq(reporter_id),
            reports::target_kind.eq(kind),
            reports::target_id.eq(target_id),
            reports::reason.eq(reason),
            reports::status.eq(ReportStatus::Open),
            reports::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Closes the open reports about these targets with the moderator's decision (`status`: resolved — acted
/// upon — or dismissed).
pub fn close(
    conn: &mut DbConn,
    kind: ReportTarget,
    target_ids: &[i64],
    status: ReportStatus,
    admin_id: i64,
    note: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        reports::table
            .filter(reports::target_kind.eq(kind))
            .filter(reports::target_id.eq_any(target_ids))
            .filter(reports::status.eq(ReportStatus::Open)),
    )
    .set((
        reports::status.eq(status),
        reports::resolved_by_id.eq(admin_id),
        reports::resolution_note.eq(note),
        reports::resolved_at.eq(at),
    ))
    .execute(conn)
}

/// How many targets of this kind have open reports (a back office queue's size).
pub fn open_targets(conn: &mut DbConn, kind: ReportTarget) -> QueryResult<i64> {
    let ids: Vec<i64> = reports::table
        .filter(reports::target_kind.eq(kind))
        .filter(reports::status.eq(ReportStatus::Open))
        .select(reports::target_id)
        .distinct()
        .load(conn)?;
    Ok(ids.len() as i64)
}

/// An open report about a conversation or one of its messages.
#[derive(Clone, Debug)]
pub struct ConversationReport {
    pub id: i64,
    pub conversation_id: i64,
    /// The reported message (`None`: the whole conversation).
    pub message_id: Option<i64>,
    pub message_body: Option<String>,
    pub reporter_id: i64,
    pub reporter_name: String,
    pub reason: String,
    pub created_at: NaiveDateTime,
}

/// Open reports about conversations and messages, oldest first (of one conversation, or all up to `limit`).
pub fn about_conversations(
    conn: &mut DbConn,
    conversation: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<ConversationReport>> {
    type Row = (i64, i64, Option<i64>, Option<String>, i64, String, String, String, NaiveDateTime);
    let mut whole = reports::table
        .inner_join(users::table.on(users::id.eq(reports::reporter_id)))
        .filter(reports::target_kind.eq(ReportTarget::Conversation))
        .filter(reports::status.eq(ReportStatus::Open))
        .into_boxed();
    let mut single = reports::table
        .inner_join(users::table.on(users::id.eq(reports::reporter_id)))
        .inner_join(messages::table.on(messages::id.eq(reports::target_id)))
        .filter(reports::target_kind.eq(ReportTarget::Message))
        .filter(reports::status.eq(ReportStatus::Open))
        .into_boxed();
    if let Some(id) = conversation {
        whole = whole.filter(reports::target_id.eq(id));
        single = single.filter(messages::conversation_id.eq(id));
    }
    let mut rows: Vec<Row> = whole
        .order((reports::created_at.asc(), reports::id.asc()))
        .limit(limit)
        .select((
            reports::id,
            reports::target_id,
            None::<i64>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::BigInt>>(),
            None::<String>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::Text>>(),
            reports::reporter_id,
            users::first_name,
            users::last_name,
            reports::reason,
            reports::created_at,
        ))
        .load(conn)?;
    rows.extend(
        single
            .order((reports::created_at.asc(), reports::id.asc()))
            .limit(limit)
            .select((
                reports::id,
                messages::conversation_id,
                messages::id.nullable(),
                messages::body.nullable(),
                reports::reporter_id,
                users::first_name,
                users::last_name,
                reports::reason,
                reports::created_at,
            ))
            .load::<Row>(conn)?,
    );
    rows.sort_by_key(|r| (r.8, r.0));
    rows.truncate(limit as usize);
    Ok(rows
        .into_iter()
        .map(|(id, conversation_id, message_id, message_body, reporter_id, first, last, reason, created_at)| {
            ConversationReport {
                id,
                conversation_id,
                message_id,
                message_body,
                reporter_id,
                reporter_name: format!("{first} {last}").trim().to_string(),
                reason,
                created_at,
            }
        })
        .collect())
}

/// A picture with open reports: who shows it and why it was reported (oldest report first).
#[derive(Clone, Debug)]
pub struct ReportedPhoto {
    pub media: crate::db::models::media::Media,
    pub owner_name: String,
    /// The owner's provider page, if they have one.
    pub slug: Option<String>,
    pub reasons: Vec<String>,
}

/// Pictures with open reports, the longest-waiting first, up to `limit`.
pub fn about_photos(conn: &mut DbConn, limit: usize) -> QueryResult<Vec<ReportedPhoto>> {
    use crate::db::schema::{media, providers};
    let open: Vec<(i64, String)> = reports::table
        .filter(reports::target_kind.eq(ReportTarget::Photo))
        .filter(reports::status.eq(ReportStatus::Open))
        .order((reports::created_at.asc(), reports::id.asc()))
        .select((reports::target_id, reports::reason))
        .limit(1000)
        .load(conn)?;
    // The pictures in the order their first report came, then their rows and owners in one query.
    let mut order: Vec<i64> = Vec::new();
    for (id, _) in &open {
        if !order.contains(id) && order.len() < limit {
            order.push(*id);
        }
    }
    let rows: Vec<(crate::db::models::media::Media, String, String, Option<String>)> = media::table
        .inner_join(users::table.on(users::id.eq(media::owner_id)))
        .left_join(providers::table.on(providers::user_id.eq(media::owner_id)))
        .filter(media::id.eq_any(&order))
        .select((
            crate::db::models::media::Media::as_select(),
            users::first_name,
            users::last_name,
            providers::slug.nullable(),
        ))
        .load(conn)?;
    let queue = order
        .iter()
        .filter_map(|id| rows.iter().find(|r| r.0.id == *id))
        .map(|(media, first, last, slug)| ReportedPhoto {
            reasons: open.iter().filter(|(id, _)| *id == media.id).map(|(_, r)| r.clone()).collect(),
            media: media.clone(),
            owner_name: format!("{first} {last}"),
            slug: slug.clone(),
        })
        .collect();
    Ok(queue)
}
