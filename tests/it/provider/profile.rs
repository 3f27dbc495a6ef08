use diesel::prelude::*;
use khadamat::db::schema::{providers, users};
use khadamat::db::types::{ProviderStatus, UserRole};

use super::{admin_signed_in, post_pairs, profile_form};
use crate::support::TestApp;

#[actix_web::test]
async fn a_client_becomes_a_provider_and_is_public_after_approval() {
    let mut app = TestApp::new().await;
    let user = app.signed_in("karim@example.ma", "CLIENT").await;
    let doc = app.get("/fr/provider/profile").await.assert_status(200).doc();
    assert_eq!(doc.attr("#f-display_name", "value"), "Salma Bennani");
    let form = profile_form(&app, "Karim Plomberie Express");
    let res = post_pairs(&mut app, "/fr/provider/profile", &form).await;
    res.assert_status(303);
    let (role,): (UserRole,) = app.conn(|c| users::table.find(user).select((users::role,)).first(c).unwrap());
    assert_eq!(role, UserRole::Provider);
    assert_eq!(app.audit_count("account.role_changed"), 1);
    let (slug, status): (String, ProviderStatus) = app.conn(|c| {
        providers::table
            .filter(providers::user_id.eq(user))
            .select((providers::slug, providers::status))
            .first(c)
            .unwrap()
    });
    assert_eq!(status, ProviderStatus::Pending);
    assert!(slug.starts_with("karim-plomberie-express-plomberie-casablanca"));
    // Not public while pending.
    app.get(&format!("/fr/providers/{slug}")).await.assert_status(404);
    assert!(app.get("/fr/provider/profile").await.doc().text(".alert-warning").contains("vérification"));

    // An administrator approves it.
    let provider_browser = app.switch_browser(Default::default());
    admin_signed_in(&mut app).await;
    let queue = app.get("/fr/admin/providers").await.assert_status(200).doc();
    assert!(queue.texts(".queue-item h2").contains(&"Karim Plomberie Express".to_string()));
    let id: i64 =
        app.conn(|c| providers::table.filter(providers::user_id.eq(user)).select(providers::id).first(c).unwrap());
    app.post_form(&format!("/fr/admin/providers/{id}/approve"), &[]).await.assert_status(303);
    app.post_form(&format!("/fr/admin/providers/{id}/approve"), &[]).await.assert_status(409);
    assert_eq!(app.audit_count("admin.provider_approved"), 1);
    assert!(app.emails_to("karim@example.ma").last().unwrap().email.subject.contains("en ligne"));

    // Public, and found by its Arabic bio and its category page.
    app.switch_browser(provider_browser);
    app.get(&format!("/ar/providers/{slug}")).await.assert_status(200);
    let found = app.get("/fr/providers?q=%D8%B3%D8%AE%D8%A7%D9%86%D8%A7%D8%AA").await.doc();
    assert!(found.attrs(".provider-name a", "href").iter().any(|h| h.contains(&slug)), "found by an Arabic word");
    // Listed under a category once a service there can be booked.
    let plumbing = super::services::plumbing_id(&app).to_string();
    app.post_form("/fr/provider/services", &super::services::service_form(&plumbing)).await.assert_status(303);
    let landing = app.get("/fr/services/plomberie/rabat").await.doc();
    assert!(landing.attrs(".provider-name a", "href").iter().any(|h| h.contains(&slug)), "serves Rabat too");
}

#[actix_web::test]
async fn profile_validation_and_rejection_with_a_reason() {
    let mut app = TestApp::new().await;
    let user = app.signed_in("karim@example.ma", "PROVIDER").await;
    let res =
        app.post_form("/fr/provider/profile", &[("display_name", "K"), ("start_1", "18:00"), ("end_1", "08:00")]).await;
    res.assert_status(422);
    let doc = res.doc();
    for field in ["display_name", "bio_fr", "bio_ar", "years_experience"] {
        doc.assert_has(&format!("#f-{field}[aria-invalid=true]"));
    }
    assert!(doc.text("#form-errors").contains("heure de début"));
    assert_eq!(
        app.conn(|c| providers::table.filter(providers::user_id.eq(user)).count().get_result::<i64>(c).unwrap()),
        0
    );
    let form = profile_form(&app, "Karim Services");
    post_pairs(&mut app, "/fr/provider/profile", &form).await.assert_status(303);
    let id: i64 =
        app.conn(|c| providers::table.filter(providers::user_id.eq(user)).select(providers::id).first(c).unwrap());

    // Non-admins cannot reach the queue.
    app.get("/fr/admin/providers").await.assert_status(403);
    app.post_form(&format!("/fr/admin/providers/{id}/approve"), &[]).await.assert_status(403);

    let provider_browser = app.switch_browser(Default::default());
    admin_signed_in(&mut app).await;
    app.post_form(&format!("/fr/admin/providers/{id}/reject"), &[("reason", "")]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/providers/{id}/reject"), &[("reason", "Photo et présentation à compléter")])
        .await
        .assert_status(303);
    let email = app.emails_to("karim@example.ma").pop().unwrap();
    assert!(email.email.text.contains("Photo et présentation à compléter"));
    // The provider corrects the profile: it goes back to the queue.
    app.switch_browser(provider_browser);
    assert!(app.get("/fr/provider/profile").await.doc().text(".alert-warning").contains("Photo et présentation"));
    post_pairs(&mut app, "/fr/provider/profile", &form).await.assert_status(303);
    let status: ProviderStatus = app.conn(|c| providers::table.find(id).select(providers::status).first(c).unwrap());
    assert_eq!(status, ProviderStatus::Pending);
}

#[actix_web::test]
async fn days_off_are_saved_and_respected_by_the_date_filter() {
    let mut app = TestApp::new().await;
    let user = app.signed_in("karim@example.ma", "PROVIDER").await;
    let mut form = profile_form(&app, "Karim Services");
    form.push(("days_off".into(), "not-a-date".into()));
    post_pairs(&mut app, "/fr/provider/profile", &form).await.assert_status(422);
    form.pop();
    // 2030-12-30 is a Monday: he works on Mondays, except that one.
    form.push(("days_off".into(), "2030-12-30, 2030-12-30".into()));
    post_pairs(&mut app, "/fr/provider/profile", &form).await.assert_status(303);
    assert_eq!(app.get("/fr/provider/profile").await.doc().attr("#f-days_off", "value"), "2030-12-30");
    let id: i64 =
        app.conn(|c| providers::table.filter(providers::user_id.eq(user)).select(providers::id).first(c).unwrap());
    app.conn(|c| {
        diesel::update(providers::table.find(id))
            .set(providers::status.eq(ProviderStatus::Approved))
            .execute(c)
            .unwrap()
    });
    let q = |day: &str| format!("/fr/providers?q=karim&day={day}");
    assert_eq!(app.get(&q("2031-01-06")).await.doc().count(".search-results .provider-card"), 1, "another Monday");
    assert_eq!(app.get(&q("2030-12-30")).await.doc().count(".search-results .provider-card"), 0, "day off");
    assert_eq!(
        app.get(&q("2031-01-07")).await.doc().count(".search-results .provider-card"),
        0,
        "he does not work on Tuesdays"
    );
}

#[actix_web::test]
async fn provider_pages_before_the_profile_lead_to_the_profile_form() {
    let mut app = TestApp::new().await;
    app.signed_in("karim@example.ma", "PROVIDER").await;
    for page in ["statistics", "services", "bookings", "reviews"] {
        let res = app.get(&format!("/ar/provider/{page}")).await;
        res.assert_status(303);
        assert_eq!(res.location(), "/ar/provider/profile?notice=profile-first", "{page}");
    }
    let res = app.get_htmx("/fr/provider/statistics").await;
    assert_eq!(res.header("hx-redirect").as_deref(), Some("/fr/provider/profile?notice=profile-first"));
    let doc = app.get("/fr/provider/profile?notice=profile-first").await.assert_status(200).doc();
    assert!(doc.text(".notice-warning").contains("profil de prestataire"), "{}", doc.text(".notice"));
}
