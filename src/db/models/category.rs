use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::categories;
use crate::i18n::I18n;

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
    pub fn name(&self, i18n: &I18n) -> &str {
        i18n.pick(&self.name_fr, &self.name_ar, Some(&self.name_en))
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
