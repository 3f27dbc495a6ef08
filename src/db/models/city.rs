use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::cities;
use crate::i18n::I18n;

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
    pub fn name(&self, i18n: &I18n) -> &str {
        i18n.pick(&self.name_fr, &self.name_ar, Some(&self.name_en))
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
