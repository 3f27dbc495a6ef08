//! The seed and create-admin commands, through the library functions the CLI calls.

use diesel::prelude::*;
use khadamat::db::schema::{bookings, providers, reviews, users};
use khadamat::db::seed;
use khadamat::db::types::{ProviderStatus, UserRole};

use crate::support::TestApp;

#[actix_web::test]
async fn seed_creates_realistic_consistent_demo_data() {
    let app = TestApp::with_providers(60).await;
    app.conn(|c| {
        let approved: i64 =
            providers::table.filter(providers::status.eq(ProviderStatus::Approved)).count().get_result(c).unwrap();
        assert!(approved >= 55, "{approved}");
        let cities: Vec<i64> = providers::table.select(providers::city_id).distinct().load(c).unwrap();
        assert!(cities.len() >= 10, "providers spread over the cities");
        let bios: Vec<(String, String)> =
            providers::table.select((providers::bio_fr, providers::bio_ar)).load(c).unwrap();
        assert!(bios.iter().all(|(fr, ar)| fr.contains("Bonjour") && ar.contains("مرحباً")));
        assert!(bookings::table.count().get_result::<i64>(c).unwrap() > 60);
        // Ratings match the published reviews.
        let rows: Vec<(i64, f64, i32)> =
            providers::table.select((providers::id, providers::rating_avg, providers::review_count)).load(c).unwrap();
        for (id, avg, count) in rows {
            let ratings: Vec<i16> = reviews::table
                .filter(reviews::provider_id.eq(id))
                .filter(reviews::direction.eq(khadamat::db::types::ReviewDirection::ClientToProvider))
                .select(reviews::rating)
                .load(c)
                .unwrap();
            assert_eq!(ratings.len() as i32, count);
            if count > 0 {
                let mean = ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / f64::from(count);
                assert!((mean - avg).abs() < 0.01, "provider {id}: {mean} vs {avg}");
            }
        }
        for (email, role) in [
            (seed::DEMO_ADMIN, UserRole::Admin),
            (seed::DEMO_CLIENT, UserRole::Client),
            (seed::DEMO_PROVIDER, UserRole::Provider),
        ] {
            let found: UserRole = users::table.filter(users::email.eq(email)).select(users::role).first(c).unwrap();
            assert_eq!(found, role);
        }
    });
}

#[actix_web::test]
async fn seeding_again_adds_providers_without_conflicts() {
    let app = TestApp::with_providers(5).await;
    let report = app.conn(|c| seed::run(c, &seed::Options { providers: 5, seed: 7, progress: false }).unwrap());
    assert_eq!(report.providers, 5);
    assert_eq!(report.categories, 0, "reference data is loaded once");
    let total: i64 = app.conn(|c| providers::table.count().get_result(c).unwrap());
    assert_eq!(total, 11);
}

#[actix_web::test]
async fn create_admin_validates_and_refuses_duplicates() {
    let app = TestApp::new().await;
    app.conn(|c| {
        assert!(seed::create_admin(c, "not an email", "long enough password", "A", "B").is_err());
        assert!(seed::create_admin(c, "boss@khadamat.ma", "short", "A", "B").is_err());
        let id = seed::create_admin(c, " Boss@Khadamat.ma ", "a long enough password", "A", "B").unwrap();
        let (email, role, verified): (String, UserRole, Option<chrono::NaiveDateTime>) =
            users::table.find(id).select((users::email, users::role, users::email_verified_at)).first(c).unwrap();
        assert_eq!((email.as_str(), role), ("boss@khadamat.ma", UserRole::Admin));
        assert!(verified.is_some());
        assert!(seed::create_admin(c, "boss@khadamat.ma", "a long enough password", "A", "B").is_err());
        let audited: i64 = khadamat::db::schema::audit_logs::table
            .filter(khadamat::db::schema::audit_logs::action.eq("admin.created"))
            .count()
            .get_result(c)
            .unwrap();
        assert_eq!(audited, 1);
    });
}
