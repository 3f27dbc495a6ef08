//! Single-use hashed tokens: email verification (24 h), password reset (1 h), email change (24 h).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::user_tokens;
use crate::db::types::TokenKind;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = user_tokens)]
pub struct UserToken {
    pub id: i64,
    pub user_id: i64,
    pub kind: TokenKind,
    pub token_hash: String,
    pub new_email: Option<String>,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert(
    conn: &mut DbConn,
    user_id: i64,
    kind: TokenKind,
    token_hash: &str,
    new_email: Option<&str>,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(user_tokens::table)
        .values((
            user_tokens::user_id.eq(user_id),
            user_tokens::kind.eq(kind),
            user_tokens::token_hash.eq(token_hash),
            user_tokens::new_email.eq(new_email),
            user_tokens::expires_at.eq(expires_at),
            user_tokens::created_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, kind: TokenKind, token_hash: &str) -> QueryResult<Option<UserToken>> {
    user_tokens::table
        .filter(user_tokens::kind.eq(kind))
        .filter(user_tokens::token_hash.eq(token_hash))
        .select(UserToken::as_select())
        .first(conn)
        .optional()
}

/// Marks a token used, only if it still was unused (the loser of a race gets false).
pub fn consume(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    let updated = diesel::update(user_tokens::table.find(id).filter(user_tokens::used_at.is_null()))
        .set(user_tokens::used_at.eq(Some(now)))
        .execute(conn)?;
    Ok(updated == 1)
}

/// Retires the unused tokens of a kind (a newer link replaces older ones).
pub fn retire_all(conn: &mut DbConn, user_id: i64, kind: TokenKind, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        user_tokens::table
            .filter(user_tokens::user_id.eq(user_id))
            .filter(user_tokens::kind.eq(kind))
            .filter(user_tokens::used_at.is_null()),
    )
    .set(user_tokens::used_at.eq(Some(now)))
    .execute(conn)
}

pub fn delete_for_user(conn: &mut DbConn, user_id: i64) -> QueryResult<usize> {
    diesel::delete(user_tokens::table.filter(user_tokens::user_id.eq(user_id))).execute(conn)
}

/// Deletes links used or expired before `before`.
pub fn purge_spent(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(user_tokens::table.filter(user_tokens::expires_at.lt(before).or(user_tokens::used_at.lt(before))))
        .execute(conn)
}
