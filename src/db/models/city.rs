use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::cities;
use crate::domain::lang::Lang;

#[derive(Clone, Debug, Queryable, Selectable, Identifiable)]
#[diesel(table_name = cities)]
pub struct City {
    pub id: i64,
    pub slug: String,
    pub name_fr: String,
    pub name_ar: String,
    pub name_en: String,
    pub latitude: f64,
    pub longitude: f64,
    pub position: i32,
    pub is_active: bool,
    pub created_at: NaiveDateTime,
}

impl City {
    pub fn name(&self, lang: impl Into<Lang>) -> &str {
        lang.into().pick(&self.name_fr, &self.name_ar, Some(&self.name_en))
    }
}

/// All active cities in display order.
pub fn list_active(conn: &mut crate::db::DbConn) -> QueryResult<Vec<City>> {
    cities::table
        .filter(cities::is_active.eq(true))
        .order((cities::position.asc(), cities::name_fr.asc()))
        .select(City::as_select())
        .load(conn)
}

/// Every city, hidden ones included, in display order (the back office).
pub fn all(conn: &mut crate::db::DbConn) -> QueryResult<Vec<City>> {
    cities::table.order((cities::position.asc(), cities::name_fr.asc())).select(City::as_select()).load(conn)
}

pub fn find(conn: &mut crate::db::DbConn, id: i64) -> QueryResult<Option<City>> {
    cities::table.find(id).select(City::as_select()).first(conn).optional()
}

/// Whether another city (than `except`) has this slug.
pub fn slug_taken(conn: &mut crate::db::DbConn, slug: &str, except: Option<i64>) -> QueryResult<bool> {
    let n: i64 = cities::table
        .filter(cities::slug.eq(slug))
        .filter(cities::id.ne(except.unwrap_or(-1)))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Creates a city, or saves the form over one; returns its id.
pub fn save(
    conn: &mut crate::db::DbConn,
    id: Option<i64>,
    v: &crate::domain::catalogue::CityValues,
    at: NaiveDateTime,
) -> QueryResult<i64> {
    let values = (
        cities::slug.eq(&v.slug),
        cities::name_fr.eq(&v.names[0]),
        cities::name_ar.eq(&v.names[1]),
        cities::name_en.eq(&v.names[2]),
        cities::latitude.eq(v.latitude),
        cities::longitude.eq(v.longitude),
        cities::position.eq(v.position),
        cities::is_active.eq(v.is_active),
    );
    match id {
        Some(id) => {
            diesel::update(cities::table.find(id)).set(values).execute(conn)?;
            Ok(id)
        }
        None => {
            diesel::insert_into(cities::table).values((values, cities::created_at.eq(at))).execute(conn)?;
            cities::table.filter(cities::slug.eq(&v.slug)).select(cities::id).first(conn)
        }
    }
}

/// How many providers serve each city.
pub fn provider_counts(conn: &mut crate::db::DbConn) -> QueryResult<std::collections::HashMap<i64, i64>> {
    use crate::db::schema::provider_cities as pc;
    Ok(pc::table
        .group_by(pc::city_id)
        .select((pc::city_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect())
}
