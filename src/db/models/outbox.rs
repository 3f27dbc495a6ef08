//! The `outbox` table: emails and pushes written in the transaction of the change that causes them, then
//! claimed, sent and marked by the sender (`services::outbox`).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use crate::db::DbConn;
use crate::db::schema::outbox;
use crate::db::types::{OutboxChannel, OutboxStatus};

#[derive(Insertable)]
#[diesel(table_name = outbox)]
pub struct NewOutboxEmail<'a> {
    pub kind: &'a str,
    pub dedup_key: &'a str,
    pub recipient: &'a str,
    pub locale: &'a str,
    pub subject: &'a str,
    pub body_text: &'a str,
    pub body_html: &'a str,
    pub next_attempt_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub channel: OutboxChannel,
    /// A push's device (`channel` PUSH).
    pub push_subscription_id: Option<i64>,
}

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct OutboxEmail {
    pub id: i64,
    pub kind: String,
    pub dedup_key: String,
    pub recipient: String,
    pub locale: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub claimed_by: Option<String>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub expires_at: NaiveDateTime,
    pub channel: OutboxChannel,
    pub push_subscription_id: Option<i64>,
}

/// Writes an email; false when one with the same key is already there (the key makes a repeat harmless).
pub fn insert(conn: &mut DbConn, row: &NewOutboxEmail<'_>) -> QueryResult<bool> {
    let n = match conn {
        DbConn::Pg(c) => diesel::insert_into(outbox::table).values(row).on_conflict_do_nothing().execute(c)?,
        DbConn::Sqlite(c) => diesel::insert_into(outbox::table).values(row).on_conflict_do_nothing().execute(c)?,
    };
    Ok(n == 1)
}

/// Claims up to `limit` due emails for `owner` until `until` and returns them, each with `claimed_by` set to
/// this claim's own token (`owner/random`: what `mark_sent`/`mark_unsent` take). One statement: with several
/// instances each row goes to one of them (PostgreSQL skips rows another sender is claiming; SQLite has one
/// writer at a time), and a claim whose lease ran out (its sender died) can be taken again. The attempt is
/// counted at the claim, so an email that kills its sender still runs out of attempts.
pub fn claim_due(
    conn: &mut DbConn,
    owner: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<OutboxEmail>> {
    let token = format!("{owner}/{:016x}", rand::random::<u64>());
    let skip_locked = if matches!(conn, DbConn::Pg(_)) { " FOR UPDATE SKIP LOCKED" } else { "" };
    diesel::sql_query(format!(
        "UPDATE outbox SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= $3 \
                      AND (claimed_until IS NULL OR claimed_until <= $3) \
                      ORDER BY next_attempt_at, id LIMIT $4{skip_locked}) \
         AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until <= $3)"
    ))
    .bind::<Text, _>(&token)
    .bind::<Timestamp, _>(until)
    .bind::<Timestamp, _>(now)
    .bind::<BigInt, _>(limit)
    .execute(conn)?;
    outbox::table
        .filter(outbox::claimed_by.eq(&token))
        .filter(outbox::status.eq(OutboxStatus::Pending))
        .order(outbox::id)
        .select(OutboxEmail::as_select())
        .load(conn)
}

/// The claimed email went out (`claim`: the row's `claimed_by` as claimed).
pub fn mark_sent(conn: &mut DbConn, id: i64, claim: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(owned(id, claim))
        .set((
            outbox::status.eq(OutboxStatus::Sent),
            outbox::sent_at.eq(at),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// The claimed email did not go out: try again at `next`, or stop (`FAILED`) when `next` is None.
pub fn mark_unsent(
    conn: &mut DbConn,
    id: i64,
    claim: &str,
    next: Option<NaiveDateTime>,
    error: &str,
) -> QueryResult<bool> {
    let n = match next {
        Some(next) => diesel::update(owned(id, claim))
            .set((
                outbox::next_attempt_at.eq(next),
                outbox::claimed_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(error),
            ))
            .execute(conn)?,
        None => diesel::update(owned(id, claim))
            .set((
                outbox::status.eq(OutboxStatus::Failed),
                outbox::claimed_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(error),
            ))
            .execute(conn)?,
    };
    Ok(n == 1)
}

type Owned = diesel::dsl::Filter<
    diesel::dsl::Filter<diesel::dsl::Find<outbox::table, i64>, diesel::dsl::Eq<outbox::claimed_by, String>>,
    diesel::dsl::Eq<outbox::status, OutboxStatus>,
>;

/// A row still held by this claim and pending (once its lease ran out and another sender claimed it, the
/// first no longer owns it).
fn owned(id: i64, claim: &str) -> Owned {
    outbox::table
        .find(id)
        .filter(outbox::claimed_by.eq(claim.to_string()))
        .filter(outbox::status.eq(OutboxStatus::Pending))
}

/// How many emails are in each status.
pub fn counts(conn: &mut DbConn) -> QueryResult<Vec<(OutboxStatus, i64)>> {
    outbox::table
        .group_by(outbox::status)
        .select((outbox::status, diesel::dsl::count_star()))
        .order(outbox::status)
        .load(conn)
}

/// Emails given up (the back office's dashboard).
pub fn failed_count(conn: &mut DbConn) -> QueryResult<i64> {
    outbox::table.filter(outbox::status.eq(OutboxStatus::Failed)).count().get_result(conn)
}

/// Emails in a status: pending ones by when they are due, the others newest first.
pub fn list(conn: &mut DbConn, status: OutboxStatus, offset: i64, limit: i64) -> QueryResult<Vec<OutboxEmail>> {
    let query = outbox::table.filter(outbox::status.eq(status)).into_boxed();
    let query = if status == OutboxStatus::Pending {
        query.order((outbox::next_attempt_at.asc(), outbox::id.asc()))
    } else {
        query.order((outbox::created_at.desc(), outbox::id.desc()))
    };
    query.offset(offset).limit(limit).select(OutboxEmail::as_select()).load(conn)
}

/// Makes a failed or waiting email due now, with another `window` of retries; false if it was sent (or is
/// being sent) meanwhile.
pub fn retry_now(conn: &mut DbConn, id: i64, now: NaiveDateTime, expires_at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        outbox::table
            .find(id)
            .filter(outbox::status.ne(OutboxStatus::Sent))
            .filter(outbox::claimed_until.is_null().or(outbox::claimed_until.le(now))),
    )
    .set((
        outbox::status.eq(OutboxStatus::Pending),
        outbox::next_attempt_at.eq(now),
        outbox::expires_at.eq(expires_at),
        outbox::claimed_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Makes the `limit` earliest waiting emails (all with `None`) due now: when the mail server answers again,
/// the emails that failed while it was away need not wait out their backoff. Pushes keep their own times (a
/// message's push waits on purpose; a push service is not the mail server).
pub fn bring_forward(conn: &mut DbConn, now: NaiveDateTime, limit: Option<i64>) -> QueryResult<usize> {
    diesel::sql_query(
        "UPDATE outbox SET next_attempt_at = $1 \
         WHERE id IN (SELECT id FROM outbox WHERE status = 'PENDING' AND claimed_until IS NULL \
                      AND channel = 'EMAIL' AND next_attempt_at > $1 ORDER BY next_attempt_at, id LIMIT $2)",
    )
    .bind::<Timestamp, _>(now)
    .bind::<BigInt, _>(limit.unwrap_or(i64::MAX))
    .execute(conn)
}

/// When the next unclaimed pending email is due (the sender sleeps until then).
pub fn next_due(conn: &mut DbConn) -> QueryResult<Option<NaiveDateTime>> {
    outbox::table
        .filter(outbox::status.eq(OutboxStatus::Pending))
        .filter(outbox::claimed_until.is_null())
        .select(diesel::dsl::min(outbox::next_attempt_at))
        .first(conn)
}

/// Deletes sent and failed emails created before `before` (they hold addresses and links).
pub fn purge(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(outbox::table.filter(outbox::status.ne(OutboxStatus::Pending)).filter(outbox::created_at.lt(before)))
        .execute(conn)
}
