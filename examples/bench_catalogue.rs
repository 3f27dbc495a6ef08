//! Times the back office's catalogue changes that rewrite providers' search data, on a database you can
//! spoil (use a copy): renaming the category with the most providers (every listed provider's search text,
//! listings and tags are rewritten) and merging it into another.
//!
//!   cp bench-100000.db /tmp/copy.db && DATABASE_URL=/tmp/copy.db cargo run --release --example bench_catalogue

use std::time::Instant;

use diesel::prelude::*;
use khadamat::db::Db;
use khadamat::db::models::category;
use khadamat::db::schema::provider_categories;
use khadamat::domain::catalogue::CategoryInput;
use khadamat::services::audit::Actor;
use khadamat::services::catalogue;

fn main() {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "khadamat.db".into());
    let db = Db::connect(&url, 2).expect("database");
    let mut conn = db.get().expect("connection");
    let by_size: Vec<i64> = provider_categories::table
        .group_by(provider_categories::category_id)
        .select(provider_categories::category_id)
        .order(diesel::dsl::count_star().desc())
        .load(&mut conn)
        .expect("categories");
    let (biggest, other) = (by_size[0], by_size[1]);
    let c = category::find(&mut conn, biggest).unwrap().unwrap();
    let providers = category::provider_ids(&mut conn, biggest).unwrap().len();
    let actor = Actor { user_id: None, ip_address: None, user_agent: None, request_id: None };
    let input = CategoryInput {
        name_fr: format!("{} et dépannage", c.name_fr),
        ..khadamat::handlers::admin::catalogue::category_form(&c)
    };
    let start = Instant::now();
    catalogue::save_category(&mut conn, Some(biggest), &input, khadamat::db::now(), &actor).unwrap().unwrap();
    println!("rename {:30} {providers:>6} providers  {:8.0} ms", c.slug, start.elapsed().as_secs_f64() * 1000.0);
    let start = Instant::now();
    catalogue::merge_category(&mut conn, biggest, other, khadamat::db::now(), &actor).unwrap().unwrap();
    println!("merge into #{other:<27} {providers:>6} providers  {:8.0} ms", start.elapsed().as_secs_f64() * 1000.0);
}
