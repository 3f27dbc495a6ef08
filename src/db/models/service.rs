use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::services;
use crate::db::types::PricingUnit;

#[derive(Clone, Debug, Queryable, Selectable)]
#[diesel(table_name = services)]
pub struct Service {
    pub id: i64,
    pub provider_id: i64,
    pub category_id: i64,
    pub name_fr: String,
    pub name_ar: String,
    pub name_en: Option<String>,
    pub description_fr: String,
    pub description_ar: String,
    pub description_en: Option<String>,
    pub pricing_unit: PricingUnit,
    pub base_price_cents: Option<i64>,
    pub duration_minutes: i32,
    pub is_active: bool,
    pub is_popular: bool,
    pub deactivated_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// The editable part of a service.
#[derive(AsChangeset, Clone, Debug)]
#[diesel(table_name = services, treat_none_as_null = true)]
pub struct ServiceFields {
    pub category_id: i64,
    pub name_fr: String,
    pub name_ar: String,
    pub name_en: Option<String>,
    pub description_fr: String,
    pub description_ar: String,
    pub description_en: Option<String>,
    pub pricing_unit: PricingUnit,
    pub base_price_cents: Option<i64>,
    pub duration_minutes: i32,
    pub is_active: bool,
    pub updated_at: NaiveDateTime,
}

/// A service's name in French, Arabic and (optionally) English.
pub type Names = (String, String, Option<String>);

/// Services' names by id, deleted ones included (bookings name them).
pub fn names(conn: &mut crate::db::DbConn, ids: &[i64]) -> QueryResult<std::collections::HashMap<i64, Names>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(services::table
        .filter(services::id.eq_any(ids))
        .select((services::id, (services::name_fr, services::name_ar, services::name_en)))
        .load::<(i64, Names)>(conn)?
        .into_iter()
        .collect())
}

pub fn list_for_provider(conn: &mut crate::db::DbConn, provider_id: i64) -> QueryResult<Vec<Service>> {
    services::table
        .filter(services::provider_id.eq(provider_id))
        .filter(services::deleted_at.is_null())
        .order((services::is_active.desc(), services::created_at.desc(), services::id.desc()))
        .select(Service::as_select())
        .load(conn)
}

/// A provider's own service; someone else's is not found.
pub fn find_owned(conn: &mut crate::db::DbConn, id: i64, provider_id: i64) -> QueryResult<Option<Service>> {
    services::table
        .find(id)
        .filter(services::provider_id.eq(provider_id))
        .filter(services::deleted_at.is_null())
        .select(Service::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut crate::db::DbConn, provider_id: i64, f: &ServiceFields) -> QueryResult<i64> {
    diesel::insert_into(services::table)
        .values((
            services::provider_id.eq(provider_id),
            services::category_id.eq(f.category_id),
            services::name_fr.eq(&f.name_fr),
            services::name_ar.eq(&f.name_ar),
            services::name_en.eq(&f.name_en),
            services::description_fr.eq(&f.description_fr),
            services::description_ar.eq(&f.description_ar),
            services::description_en.eq(&f.description_en),
            services::pricing_unit.eq(f.pricing_unit),
            services::base_price_cents.eq(f.base_price_cents),
            services::duration_minutes.eq(f.duration_minutes),
            services::is_active.eq(f.is_active),
            services::created_at.eq(f.updated_at),
            services::updated_at.eq(f.updated_at),
        ))
        .returning(services::id)
        .get_result(conn)
}

pub fn update(conn: &mut crate::db::DbConn, id: i64, f: &ServiceFields) -> QueryResult<usize> {
    diesel::update(services::table.find(id)).set(f).execute(conn)
}

pub fn set_active(conn: &mut crate::db::DbConn, id: i64, active: bool, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(services::table.find(id))
        .set((services::is_active.eq(active), services::updated_at.eq(at)))
        .execute(conn)
}

/// Deactivates a service that is active; `false` if it was not (or is deleted).
pub fn deactivate(conn: &mut crate::db::DbConn, id: i64, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        services::table.find(id).filter(services::is_active.eq(true)).filter(services::deleted_at.is_null()),
    )
    .set((services::is_active.eq(false), services::updated_at.eq(at)))
    .execute(conn)?;
    Ok(n == 1)
}

/// A service by id, whoever owns it (the back office).
pub fn find(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Option<Service>> {
    services::table.find(id).select(Service::as_select()).first(conn).optional()
}

/// Deletes a service; one that bookings refer to is only marked deleted, so that they keep it.
pub fn delete(conn: &mut crate::db::DbConn, id: i64, at: NaiveDateTime) -> QueryResult<()> {
    use crate::db::schema::bookings;
    let used = bookings::table.filter(bookings::service_id.eq(id)).count().get_result::<i64>(conn)? > 0;
    if used {
        diesel::update(services::table.find(id))
            .set((services::deleted_at.eq(Some(at)), services::is_active.eq(false), services::updated_at.eq(at)))
            .execute(conn)?;
    } else {
        diesel::delete(services::table.find(id)).execute(conn)?;
    }
    Ok(())
}

/// A provider's bookable services (active, not deleted), oldest first.
pub fn active_for_provider(conn: &mut crate::db::DbConn, provider_id: i64) -> QueryResult<Vec<Service>> {
    services::table
        .filter(services::provider_id.eq(provider_id))
        .filter(services::is_active.eq(true))
        .filter(services::deleted_at.is_null())
        .order((services::created_at.asc(), services::id.asc()))
        .select(Service::as_select())
        .load(conn)
}
