//! The audit log: newest first, filtered by actor, action, target and dates, read-only, admins only; bad
//! filters give an empty list.

use crate::support::TestApp;

#[actix_web::test]
async fn the_audit_log_lists_and_filters_events_for_admins_only() {
    let mut app = TestApp::new().await;
    // Events: a client signs up and in, an admin approves a provider (see provider::services).
    let (provider, _) = crate::provider::services::approved_provider(&mut app).await;
    let karim = app.user_id("karim@example.ma");
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;

    let all = app.get("/fr/admin/audit").await.assert_status(200).doc();
    let actions = all.texts(".audit-table tbody td:nth-child(3)");
    assert!(actions.len() >= 3, "{actions:?}");
    // Newest first: the admin's sign-in comes before the approval it followed.
    let approval = actions.iter().position(|a| a == "admin.provider_approved").expect("approval audited");
    assert!(actions.iter().take(approval).any(|a| a.starts_with("auth.")), "{actions:?}");

    // By action (exact and prefix), target, actor and dates.
    let approved =
        app.get(&format!("/fr/admin/audit?action=admin.provider_approved&target=provider&target_id={provider}")).await;
    let approved = approved.doc();
    assert_eq!(approved.count(".audit-table tbody tr"), 1);
    assert!(approved.text(".audit-table tbody").contains("boss@khadamat.ma"));
    let prefix = app.get("/fr/admin/audit?action=auth.").await.doc();
    assert!(prefix.texts(".audit-table tbody td:nth-child(3)").iter().all(|a| a.starts_with("auth.")));
    let underscore = app.get("/fr/admin/audit?action=admin.provider_approved.").await.doc();
    assert_eq!(underscore.count(".audit-table tbody tr"), 0, "a prefix is literal: '_' is not a wildcard");
    let by_karim = app.get(&format!("/fr/admin/audit?actor={karim}")).await.doc();
    assert!(by_karim.count(".audit-table tbody tr") > 0);
    assert!(by_karim.texts(".audit-table tbody td:nth-child(2)").iter().all(|a| a == "karim@example.ma"));
    let by_email = app.get("/fr/admin/audit?actor=KARIM%40example.ma").await.doc();
    assert_eq!(by_email.count(".audit-table tbody tr"), by_karim.count(".audit-table tbody tr"));
    let today = khadamat::domain::schedule::to_local(khadamat::db::now()).date();
    let tomorrow = (today + chrono::Duration::days(1)).format("%Y-%m-%d");
    let future = app.get(&format!("/fr/admin/audit?from={tomorrow}")).await.doc();
    assert_eq!(future.count(".audit-table tbody tr"), 0);
    let today_only = app.get(&format!("/fr/admin/audit?from={today}&to={today}")).await.doc();
    assert_eq!(today_only.count(".audit-table tbody tr"), all.count(".audit-table tbody tr"));

    // Bad filters and pages: an empty list, never an error; SQL and HTML are just text.
    for query in [
        "actor=nobody%40example.ma",
        "target_id=abc",
        "from=2026-13-45",
        "to=yesterday",
        "page=99999",
        "action=%25",
        "action=%27%3B%20DROP%20TABLE%20audit_logs%3B--",
        "target=%3Cscript%3E",
    ] {
        let res = app.get(&format!("/fr/admin/audit?{query}")).await;
        res.assert_status(200);
        assert_eq!(res.doc().count(".audit-table tbody tr"), 0, "{query}");
        assert!(!res.body.contains("<script>"), "{query}");
    }
    for query in ["page=0", "page=-1", "page=abc"] {
        app.get(&format!("/fr/admin/audit?{query}")).await.assert_status(200);
    }
    // HTMX asks for the same page (the results are selected from it).
    let htmx = app.get_htmx("/fr/admin/audit?action=auth.").await;
    htmx.assert_status(200);
    htmx.doc().assert_has("#audit-results");
    // Read-only: no route writes to it.
    app.post_form("/fr/admin/audit", &[]).await.assert_status(404);

    // Not for others.
    app.switch_browser(Default::default());
    app.get("/fr/admin/audit").await.assert_status(303);
    app.signed_in("amina@example.ma", "CLIENT").await;
    app.get("/fr/admin/audit").await.assert_status(403);
}
