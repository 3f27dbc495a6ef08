//! Times the statistics read models on a database (the pages need a signed-in provider or admin, so they
//! are timed here, through the same pool and functions the pages use): the back office dashboard over
//! 30 days and 12 months, and the statistics of the provider with the most bookings over 12 months.
//!
//!   DATABASE_URL=… cargo run --release --example bench_statistics [-- RUNS]

use std::time::Instant;

use diesel::prelude::*;
use khadamat::db::Db;
use khadamat::db::schema::bookings;
use khadamat::db::views::statistics;
use khadamat::domain::period::Period;

fn main() {
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "khadamat.db".into());
    let runs: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(10);
    let db = Db::connect(&url, 2).expect("database");
    let mut conn = db.get().expect("connection");
    let today = khadamat::domain::schedule::to_local(khadamat::db::now()).date();
    let busiest: i64 = bookings::table
        .group_by(bookings::provider_id)
        .select(bookings::provider_id)
        .order(diesel::dsl::count_star().desc())
        .first(&mut conn)
        .expect("a provider with bookings");
    let mut time = |name: &str, f: &mut dyn FnMut(&mut khadamat::db::DbConn)| {
        f(&mut conn);
        let mut ms: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f(&mut conn);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        println!("{name:40} p50 {:8.2} ms   max {:8.2} ms   ({runs} runs)", ms[ms.len() / 2], ms[ms.len() - 1]);
    };
    for preset in ["30d", "12m"] {
        let period = Period::parse(preset, "", "", today, preset);
        time(&format!("admin dashboard, {preset}"), &mut |c| {
            statistics::admin(c, &period).expect("admin statistics");
        });
    }
    let year = Period::parse("12m", "", "", today, "12m");
    time(&format!("provider {busiest} statistics, 12m"), &mut |c| {
        statistics::provider(c, busiest, &year).expect("provider statistics");
    });
}
