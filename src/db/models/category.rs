use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::categories;
use crate::domain::lang::Lang;

#[derive(Clone, Debug, Queryable, Selectable, Identifiable)]
#[diesel(table_name = categories)]
pub struct Category {
    pub id: i64,
    pub code: String,
    pub slug: String,
    pub name_fr: String,
    pub name_ar: String,
    pub name_en: String,
    pub icon: String,
    pub position: i32,
    pub is_popular: bool,
    pub is_active: bool,
    pub merged_into_id: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Category {
    pub fn name(&self, lang: impl Into<Lang>) -> &str {
        lang.into().pick(&self.name_fr, &self.name_ar, Some(&self.name_en))
    }
}

/// All visible categories in display order.
pub fn list_active(conn: &mut crate::db::DbConn) -> QueryResult<Vec<Category>> {
    categories::table
        .filter(categories::is_active.eq(true))
        .order((categories::position.asc(), categories::id.asc()))
        .select(Category::as_select())
        .load(conn)
}

/// Every category, hidden and merged ones included, in catalogue order (the back office).
pub fn all(conn: &mut crate::db::DbConn) -> QueryResult<Vec<Category>> {
    categories::table.order((categories::position.asc(), categories::id.asc())).select(Category::as_select()).load(conn)
}

pub fn find(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Option<Category>> {
    categories::table.find(id).select(Category::as_select()).first(conn).optional()
}

/// A category by slug, hidden and merged ones included (a merged slug redirects to its new category).
pub fn by_slug(conn: &mut crate::db::DbConn, slug: &str) -> QueryResult<Option<Category>> {
    categories::table.filter(categories::slug.eq(slug)).select(Category::as_select()).first(conn).optional()
}

/// Whether another category (than `except`) has this slug or code.
pub fn taken(conn: &mut crate::db::DbConn, slug: &str, code: &str, except: Option<i64>) -> QueryResult<bool> {
    let n: i64 = categories::table
        .filter(categories::slug.eq(slug).or(categories::code.eq(code)))
        .filter(categories::id.ne(except.unwrap_or(-1)))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The columns the back office's form sets.
#[allow(clippy::type_complexity)]
fn fields(
    v: &crate::domain::catalogue::CategoryValues,
) -> (
    diesel::dsl::Eq<categories::slug, &String>,
    diesel::dsl::Eq<categories::name_fr, &String>,
    diesel::dsl::Eq<categories::name_ar, &String>,
    diesel::dsl::Eq<categories::name_en, &String>,
    diesel::dsl::Eq<categories::icon, &String>,
    diesel::dsl::Eq<categories::position, i32>,
    diesel::dsl::Eq<categories::is_popular, bool>,
    diesel::dsl::Eq<categories::is_active, bool>,
) {
    (
        categories::slug.eq(&v.slug),
        categories::name_fr.eq(&v.names[0]),
        categories::name_ar.eq(&v.names[1]),
        categories::name_en.eq(&v.names[2]),
        categories::icon.eq(&v.icon),
        categories::position.eq(v.position),
        categories::is_popular.eq(v.is_popular),
        categories::is_active.eq(v.is_active),
    )
}

pub fn insert(
    conn: &mut crate::db::DbConn,
    v: &crate::domain::catalogue::CategoryValues,
    code: &str,
    at: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(categories::table)
        .values((fields(v), categories::code.eq(code), categories::created_at.eq(at), categories::updated_at.eq(at)))
        .execute(conn)?;
    categories::table.filter(categories::code.eq(code)).select(categories::id).first(conn)
}

/// Saves the form over the row as it was shown (`version`: its `updated_at`); `false` when it changed since,
/// or was merged (a merged category stays hidden).
pub fn update(
    conn: &mut crate::db::DbConn,
    id: i64,
    v: &crate::domain::catalogue::CategoryValues,
    version: NaiveDateTime,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        categories::table
            .find(id)
            .filter(categories::updated_at.eq(version))
            .filter(categories::merged_into_id.is_null()),
    )
    .set((fields(v), categories::updated_at.eq(at)))
    .execute(conn)?;
    Ok(n == 1)
}

/// The providers listed in a category (any status).
pub fn provider_ids(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Vec<i64>> {
    use crate::db::schema::provider_categories as pc;
    pc::table.filter(pc::category_id.eq(id)).select(pc::provider_id).load(conn)
}

/// What uses a category: providers listed in it, services (deleted ones included: bookings point to them),
/// categories merged into it.
pub fn usage(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<i64> {
    Ok(usages(conn, Some(id))?.get(&id).copied().unwrap_or(0))
}

/// The same for one category or all of them, counted in three grouped queries.
pub fn usages(conn: &mut crate::db::DbConn, only: Option<i64>) -> QueryResult<std::collections::HashMap<i64, i64>> {
    use crate::db::schema::{provider_categories as pc, services};
    use diesel::dsl::count_star;
    let mut listed = pc::table.group_by(pc::category_id).select((pc::category_id, count_star())).into_boxed();
    let mut offered =
        services::table.group_by(services::category_id).select((services::category_id, count_star())).into_boxed();
    let mut merged = categories::table
        .filter(categories::merged_into_id.is_not_null())
        .select(categories::merged_into_id.assume_not_null())
        .into_boxed();
    if let Some(id) = only {
        listed = listed.filter(pc::category_id.eq(id));
        offered = offered.filter(services::category_id.eq(id));
        merged = merged.filter(categories::merged_into_id.eq(id));
    }
    let mut counts = std::collections::HashMap::new();
    for (id, n) in listed.load::<(i64, i64)>(conn)?.into_iter().chain(offered.load::<(i64, i64)>(conn)?) {
        *counts.entry(id).or_insert(0) += n;
    }
    for id in merged.load::<i64>(conn)? {
        *counts.entry(id).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Moves everything of `from` into `into` and hides `from` for good (its pages redirect); `false` when `from`
/// was merged meanwhile. Returns the providers concerned (their search text and listings need refreshing).
pub fn merge(conn: &mut crate::db::DbConn, from: i64, into: i64, at: NaiveDateTime) -> QueryResult<Option<Vec<i64>>> {
    use crate::db::schema::{provider_categories as pc, services};
    let n = diesel::update(categories::table.find(from).filter(categories::merged_into_id.is_null()))
        .set((categories::is_active.eq(false), categories::merged_into_id.eq(into), categories::updated_at.eq(at)))
        .execute(conn)?;
    if n != 1 {
        return Ok(None);
    }
    diesel::update(categories::table.filter(categories::merged_into_id.eq(from)))
        .set(categories::merged_into_id.eq(into))
        .execute(conn)?;
    let providers = provider_ids(conn, from)?;
    diesel::sql_query(
        "INSERT INTO provider_categories (provider_id, category_id) SELECT provider_id, $1 FROM provider_categories \
         WHERE category_id = $2 AND provider_id NOT IN (SELECT provider_id FROM provider_categories WHERE category_id = $1)",
    )
    .bind::<diesel::sql_types::BigInt, _>(into)
    .bind::<diesel::sql_types::BigInt, _>(from)
    .execute(conn)?;
    diesel::delete(pc::table.filter(pc::category_id.eq(from))).execute(conn)?;
    diesel::update(services::table.filter(services::category_id.eq(from)))
        .set(services::category_id.eq(into))
        .execute(conn)?;
    Ok(Some(providers))
}

/// Deletes an unused category; `false` when it is gone or used.
pub fn delete(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<bool> {
    if usage(conn, id)? > 0 {
        return Ok(false);
    }
    Ok(diesel::delete(categories::table.find(id)).execute(conn)? == 1)
}
