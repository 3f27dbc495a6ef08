//! All providers in the back office: by name, status and badge, Club Pro at a glance, CSV; admins only.

use crate::support::TestApp;

#[actix_web::test]
async fn providers_are_listed_filtered_and_exported() {
    let mut app = TestApp::new().await;
    let (provider, _) = crate::provider::services::approved_provider(&mut app).await;
    app.get("/fr/admin/providers/all").await.assert_status(403);
    app.get("/fr/admin/providers.csv").await.assert_status(403);
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let found = app.get("/fr/admin/providers/all?q=KARIM%20serv").await.assert_status(200).doc();
    assert_eq!(found.attrs("#providers-results tbody tr", "id"), vec![format!("provider-{provider}")]);
    let approved = app.get("/fr/admin/providers/all?status=APPROVED&verified=no&q=karim").await.doc();
    assert_eq!(approved.count("#providers-results tbody tr"), 1);
    let verified = app.get("/fr/admin/providers/all?verified=yes&q=karim").await.doc();
    assert_eq!(verified.count("#providers-results tbody tr"), 0);
    for bad in ["status=GONE", "q=%25"] {
        let res = app.get(&format!("/fr/admin/providers/all?{bad}")).await;
        res.assert_status(200);
        assert_eq!(res.doc().count("#providers-results tbody tr"), 0, "{bad}");
    }
    let csv = app.get("/fr/admin/providers.csv?q=karim%20services").await;
    csv.assert_status(200);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].starts_with(&format!("{provider},")) && lines[1].contains(",APPROVED,false,false,"));
}

#[actix_web::test]
async fn a_service_is_deactivated_with_a_reason_the_provider_is_told() {
    use diesel::prelude::*;
    use khadamat::db::schema::services;
    let mut app = TestApp::new().await;
    let (slug, service) = crate::bookings::provider_with_service(&mut app).await;
    let karim = app.user_id("karim@example.ma");
    app.post_form(&format!("/fr/admin/services/{service}/deactivate"), &[("reason", "Je ne suis pas admin.")])
        .await
        .assert_status(403);
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let page = app.get(&format!("/fr/admin/users/{karim}")).await.assert_status(200).doc();
    page.assert_has(&format!("#service-{service} form"));
    app.post_form(&format!("/fr/admin/services/{service}/deactivate"), &[("reason", "x")]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/services/{service}/deactivate"), &[("reason", "Prix trompeur affiché.")])
        .await
        .assert_status(303);
    let active: bool = app.conn(|c| services::table.find(service).select(services::is_active).first(c).unwrap());
    assert!(!active);
    assert!(app.emails_to("karim@example.ma").last().unwrap().email.text.contains("Prix trompeur"));
    assert_eq!(app.audit_count("admin.service_deactivated"), 1);
    assert_eq!(app.get(&format!("/fr/providers/{slug}")).await.doc().count(&format!("[href*='service={service}']")), 0);
    app.post_form(&format!("/fr/admin/services/{service}/deactivate"), &[("reason", "Une deuxième fois.")])
        .await
        .assert_status(409);
    app.post_form("/fr/admin/services/999999/deactivate", &[("reason", "Service inconnu.")]).await.assert_status(404);
}
