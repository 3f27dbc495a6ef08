pub mod photo;
mod portfolio;
mod profile;
mod s3;
pub mod services;

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

/// A profile form that passes validation (category and city ids from the seed).
pub fn profile_form(app: &TestApp, name: &str) -> Vec<(String, String)> {
    use diesel::prelude::*;
    use khadamat::db::schema::{categories, cities};
    let (plumbing, casa, rabat): (i64, i64, i64) = app.conn(|c| {
        (
            categories::table.filter(categories::slug.eq("plomberie")).select(categories::id).first(c).unwrap(),
            cities::table.filter(cities::slug.eq("casablanca")).select(cities::id).first(c).unwrap(),
            cities::table.filter(cities::slug.eq("rabat")).select(cities::id).first(c).unwrap(),
        )
    });
    [
        ("display_name", name),
        ("categories", &plumbing.to_string()),
        ("bio_fr", "Plombier depuis dix ans, je répare les fuites et installe les chauffe-eau rapidement."),
        ("bio_ar", "سباك منذ عشر سنوات، أصلح التسربات وأركب سخانات الماء بسرعة وإتقان."),
        ("years_experience", "10"),
        ("hourly_rate", "120"),
        ("city_id", &casa.to_string()),
        ("cities", &rabat.to_string()),
        ("neighbourhood", "Maârif"),
        ("service_radius_km", "25"),
        ("languages", "ar"),
        ("languages", "fr"),
        ("start_1", "08:00"),
        ("end_1", "18:00"),
        ("start_6", "09:00"),
        ("end_6", "13:00"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub async fn post_pairs(app: &mut TestApp, path: &str, pairs: &[(String, String)]) -> crate::support::TestResponse {
    let fields: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.post_form(path, &fields).await
}

/// Signs in as an administrator with two-step verification (created for the test the first time).
pub async fn admin_signed_in(app: &mut TestApp) -> i64 {
    use khadamat::domain::totp;
    let id = app.conn(|c| match khadamat::db::models::user::find_by_email(c, "boss@khadamat.ma").unwrap() {
        Some(admin) => admin.id,
        None => khadamat::db::seed::create_admin(c, "boss@khadamat.ma", PASSWORD, "Amina", "Admin").unwrap(),
    });
    let secret = totp::new_secret();
    let key = app.state.config.session_secret.clone();
    app.conn(|c| {
        khadamat::db::models::user::set_two_factor(
            c,
            id,
            Some(&totp::encrypt(&secret, &key)),
            Some("[]"),
            None,
            khadamat::db::now(),
        )
        .unwrap()
    });
    app.sign_in("boss@khadamat.ma", PASSWORD).await.assert_status(303);
    let code = totp::code_at(&secret, chrono::Utc::now().timestamp() as u64);
    app.post_form("/fr/login/two-factor", &[("code", &code)]).await.assert_status(303);
    id
}
