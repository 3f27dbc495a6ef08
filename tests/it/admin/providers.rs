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
