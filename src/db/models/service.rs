use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::services;
use crate::db::types::PricingUnit;

#[derive(Insertable)]
#[diesel(table_name = services)]
pub struct NewService {
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
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}
