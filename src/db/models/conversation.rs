//! Conversations (one per client–provider pair) and their messages.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{conversations, messages, providers, users};
use crate::db::types::MessageKind;

#[derive(Queryable, Selectable, Identifiable, Clone, Debug)]
#[diesel(table_name = conversations)]
pub struct Conversation {
    pub id: i64,
    pub client_id: i64,
    pub provider_id: i64,
    pub last_message_at: Option<NaiveDateTime>,
    pub client_last_read_at: Option<NaiveDateTime>,
    pub provider_last_read_at: Option<NaiveDateTime>,
    pub last_email_notified_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Identifiable, Clone, Debug)]
#[diesel(table_name = messages)]
pub struct Message {
    pub id: i64,
    pub conversation_id: i64,
    pub sender_id: Option<i64>,
    pub kind: MessageKind,
    pub body: String,
    pub booking_id: Option<i64>,
    pub read_at: Option<NaiveDateTime>,
    pub hidden_at: Option<NaiveDateTime>,
    pub hidden_reason: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConn, id: i64) -> QueryResult<Option<Conversation>> {
    conversations::table.find(id).select(Conversation::as_select()).first(conn).optional()
}

/// The pair's conversation, created the first time (safe when two requests race: the pair is unique).
pub fn find_or_create(conn: &mut DbConn, client_id: i64, provider_id: i64, at: NaiveDateTime) -> QueryResult<i64> {
    diesel::sql_query(
        "INSERT INTO conversations (client_id, provider_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (client_id, provider_id) DO NOTHING",
    )
    .bind::<diesel::sql_types::BigInt, _>(client_id)
    .bind::<diesel::sql_types::BigInt, _>(provider_id)
    .bind::<diesel::sql_types::Timestamp, _>(at)
    .execute(conn)?;
    id_for_pair(conn, client_id, provider_id)?.ok_or(diesel::result::Error::NotFound)
}

pub fn id_for_pair(conn: &mut DbConn, client_id: i64, provider_id: i64) -> QueryResult<Option<i64>> {
    conversations::table
        .filter(conversations::client_id.eq(client_id))
        .filter(conversations::provider_id.eq(provider_id))
        .select(conversations::id)
        .first(conn)
        .optional()
}

pub fn insert_message(
    conn: &mut DbConn,
    conversation_id: i64,
    sender_id: Option<i64>,
    kind: MessageKind,
    body: &str,
    booking_id: Option<i64>,
    at: NaiveDateTime,
) -> QueryResult<Message> {
    let id: i64 = diesel::insert_into(messages::table)
        .values((
            messages::conversation_id.eq(conversation_id),
            messages::sender_id.eq(sender_id),
            messages::kind.eq(kind),
            messages::body.eq(body),
            messages::booking_id.eq(booking_id),
            messages::created_at.eq(at),
        ))
        .returning(messages::id)
        .get_result(conn)?;
    diesel::update(conversations::table.find(conversation_id))
        .set(conversations::last_message_at.eq(at))
        .execute(conn)?;
    messages::table.find(id).select(Message::as_select()).first(conn)
}

pub fn message(conn: &mut DbConn, id: i64) -> QueryResult<Option<Message>> {
    messages::table.find(id).select(Message::as_select()).first(conn).optional()
}

/// A page of a conversation, oldest first: the latest `limit` messages, or those before `before`.
pub fn messages_page(
    conn: &mut DbConn,
    conversation_id: i64,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<Message>> {
    let mut q = messages::table
        .filter(messages::conversation_id.eq(conversation_id))
        .filter(messages::hidden_at.is_null())
        .into_boxed();
    if let Some(before) = before {
        q = q.filter(messages::id.lt(before));
    }
    let mut rows: Vec<Message> = q.order(messages::id.desc()).limit(limit).select(Message::as_select()).load(conn)?;
    rows.reverse();
    Ok(rows)
}

/// The whole conversation for the back office, hidden messages included, oldest first (the latest `limit`).
pub fn all_messages(conn: &mut DbConn, conversation_id: i64, limit: i64) -> QueryResult<Vec<Message>> {
    let mut rows: Vec<Message> = messages::table
        .filter(messages::conversation_id.eq(conversation_id))
        .order(messages::id.desc())
        .limit(limit)
        .select(Message::as_select())
        .load(conn)?;
    rows.reverse();
    Ok(rows)
}

/// Moderation: hides a visible message with a reason, or shows a hidden one again; `false` when it already was.
pub fn set_hidden(conn: &mut DbConn, id: i64, hide: bool, reason: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let values = (messages::hidden_at.eq(hide.then_some(at)), messages::hidden_reason.eq(hide.then_some(reason)));
    let n = if hide {
        diesel::update(messages::table.find(id).filter(messages::hidden_at.is_null())).set(values).execute(conn)?
    } else {
        diesel::update(messages::table.find(id).filter(messages::hidden_at.is_not_null())).set(values).execute(conn)?
    };
    Ok(n == 1)
}

/// Marks what the reader has seen: their side's read time and the other party's messages' `read_at`.
/// Returns how many messages became read.
pub fn mark_read(
    conn: &mut DbConn,
    c: &Conversation,
    reader: i64,
    as_client: bool,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    if as_client {
        diesel::update(conversations::table.find(c.id)).set(conversations::client_last_read_at.eq(at)).execute(conn)?;
    } else {
        diesel::update(conversations::table.find(c.id))
            .set(conversations::provider_last_read_at.eq(at))
            .execute(conn)?;
    }
    diesel::update(
        messages::table
            .filter(messages::conversation_id.eq(c.id))
            .filter(messages::read_at.is_null())
            .filter(messages::sender_id.ne(reader)),
    )
    .set(messages::read_at.eq(at))
    .execute(conn)
}

/// One row of an inbox.
#[derive(Clone, Debug)]
pub struct InboxRow {
    pub conversation: Conversation,
    pub other_name: String,
    pub last: Option<Message>,
    pub unread: i64,
}

/// A user's conversations (as a client, and as a provider when `provider_id` is given), newest activity
/// first, one page, with the total. A fixed number of queries per page.
pub fn inbox(
    conn: &mut DbConn,
    user_id: i64,
    provider_id: Option<i64>,
    page: i64,
    per_page: i64,
) -> QueryResult<(Vec<InboxRow>, i64)> {
    let mine = || {
        let mut q = conversations::table.filter(conversations::client_id.eq(user_id)).into_boxed();
        if let Some(p) = provider_id {
            q = q.or_filter(conversations::provider_id.eq(p));
        }
        q.filter(conversations::last_message_at.is_not_null())
    };
    let total: i64 = mine().count().get_result(conn)?;
    let list: Vec<Conversation> = mine()
        .order((conversations::last_message_at.desc(), conversations::id.desc()))
        .limit(per_page)
        .offset((page.max(1) - 1).saturating_mul(per_page))
        .select(Conversation::as_select())
        .load(conn)?;
    let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
    // The latest message of each conversation on the page.
    let latest_ids: Vec<Option<i64>> = messages::table
        .filter(messages::conversation_id.eq_any(&ids))
        .filter(messages::hidden_at.is_null())
        .group_by(messages::conversation_id)
        .select(diesel::dsl::max(messages::id))
        .load(conn)?;
    let latest: Vec<Message> = messages::table
        .filter(messages::id.eq_any(latest_ids.into_iter().flatten().collect::<Vec<_>>()))
        .select(Message::as_select())
        .load(conn)?;
    let unread_rows: Vec<(i64, i64)> = messages::table
        .filter(messages::conversation_id.eq_any(&ids))
        .filter(messages::read_at.is_null())
        .filter(messages::hidden_at.is_null())
        .filter(messages::sender_id.ne(user_id))
        .group_by(messages::conversation_id)
        .select((messages::conversation_id, diesel::dsl::count_star()))
        .load(conn)?;
    let client_ids: Vec<i64> = list.iter().map(|c| c.client_id).collect();
    let provider_ids: Vec<i64> = list.iter().map(|c| c.provider_id).collect();
    let client_names: Vec<(i64, String, String)> = users::table
        .filter(users::id.eq_any(&client_ids))
        .select((users::id, users::first_name, users::last_name))
        .load(conn)?;
    let provider_names: Vec<(i64, String)> = providers::table
        .filter(providers::id.eq_any(&provider_ids))
        .select((providers::id, providers::display_name))
        .load(conn)?;
    let rows = list
        .into_iter()
        .map(|c| {
            let as_client = c.client_id == user_id;
            let other_name = if as_client {
                provider_names.iter().find(|(id, _)| *id == c.provider_id).map(|(_, n)| n.clone()).unwrap_or_default()
            } else {
                client_names
                    .iter()
                    .find(|(id, _, _)| *id == c.client_id)
                    .map(|(_, f, l)| crate::db::models::booking::short_name(f, l))
                    .unwrap_or_default()
            };
            let last = latest.iter().find(|m| m.conversation_id == c.id).cloned();
            let unread = unread_rows.iter().find(|(id, _)| *id == c.id).map(|(_, n)| *n).unwrap_or(0);
            InboxRow { conversation: c, other_name, last, unread }
        })
        .collect();
    Ok((rows, total))
}

/// Unread messages from the other party across a user's conversations (the header badge); system
/// messages about bookings do not count.
/// A user's unread messages (in their conversations as a client and as a provider) and unread notifications, in
/// one query (the header's badges, on every signed-in page).
pub fn unread_totals(conn: &mut DbConn, user_id: i64) -> QueryResult<(i64, i64)> {
    use crate::db::schema::notifications;
    let their_provider = providers::table.filter(providers::user_id.eq(user_id)).select(providers::id);
    let theirs = conversations::table
        .filter(conversations::client_id.eq(user_id).or(conversations::provider_id.eq_any(their_provider)))
        .select(conversations::id);
    let messages = messages::table
        .filter(messages::conversation_id.eq_any(theirs))
        .filter(messages::read_at.is_null())
        .filter(messages::hidden_at.is_null())
        .filter(messages::sender_id.ne(user_id))
        .count()
        .single_value();
    let notifications = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::read_at.is_null())
        .count()
        .single_value();
    let (m, n): (Option<i64>, Option<i64>) = diesel::select((messages, notifications)).get_result(conn)?;
    Ok((m.unwrap_or(0), n.unwrap_or(0)))
}

/// The user ids of a conversation's two participants (client, provider's user).
pub fn participants(conn: &mut DbConn, c: &Conversation) -> QueryResult<(i64, i64)> {
    let provider_user: i64 = providers::table.find(c.provider_id).select(providers::user_id).first(conn)?;
    Ok((c.client_id, provider_user))
}

/// Conversations with messages unread since before `cutoff`, whose last email is older than `quiet_since`
/// (or never sent): (conversation, sender of the unread messages, how many, the latest one's text).
pub fn unread_waiting(
    conn: &mut DbConn,
    cutoff: NaiveDateTime,
    quiet_since: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(Conversation, i64, i64, String)>> {
    let rows: Vec<(i64, Option<i64>, i64, Option<i64>)> = messages::table
        .inner_join(conversations::table)
        .filter(messages::read_at.is_null())
        .filter(messages::hidden_at.is_null())
        .filter(messages::kind.eq(MessageKind::User))
        .filter(messages::created_at.le(cutoff))
        .filter(
            conversations::last_email_notified_at.is_null().or(conversations::last_email_notified_at.lt(quiet_since)),
        )
        .group_by((messages::conversation_id, messages::sender_id))
        .select((
            messages::conversation_id,
            messages::sender_id,
            diesel::dsl::count_star(),
            diesel::dsl::max(messages::id),
        ))
        .limit(limit)
        .load(conn)?;
    // The conversations and latest messages of all rows in two queries.
    let conversation_ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let latest_ids: Vec<i64> = rows.iter().filter_map(|r| r.3).collect();
    let found: Vec<Conversation> = conversations::table
        .filter(conversations::id.eq_any(&conversation_ids))
        .select(Conversation::as_select())
        .load(conn)?;
    let bodies: Vec<(i64, String)> =
        messages::table.filter(messages::id.eq_any(&latest_ids)).select((messages::id, messages::body)).load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(conversation_id, sender, count, latest)| {
            let c = found.iter().find(|c| c.id == conversation_id)?.clone();
            let body = bodies.iter().find(|(id, _)| Some(*id) == latest)?.1.clone();
            Some((c, sender?, count, body))
        })
        .collect())
}

/// Records an email about this conversation, unless one went out since `quiet_since` (another instance):
/// true for the one caller that may send it.
pub fn claim_email(conn: &mut DbConn, id: i64, quiet_since: NaiveDateTime, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(conversations::table.find(id).filter(
        conversations::last_email_notified_at.is_null().or(conversations::last_email_notified_at.lt(quiet_since)),
    ))
    .set(conversations::last_email_notified_at.eq(at))
    .execute(conn)?;
    Ok(n == 1)
}
