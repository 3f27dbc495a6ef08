//! Users in the back office: search, filters, sort, pages, the CSV export of the current filter and a
//! user's page; admins only; bad filters give an empty list.

use crate::support::TestApp;

#[actix_web::test]
async fn users_are_searched_filtered_exported_and_shown() {
    let mut app = TestApp::new().await;
    let salma = app.signed_in("salma.bennani@example.ma", "CLIENT").await;
    app.get("/fr/admin/users").await.assert_status(403);
    app.get("/fr/admin/users.csv").await.assert_status(403);
    app.get(&format!("/fr/admin/users/{salma}")).await.assert_status(403);
    app.switch_browser(Default::default());
    app.signed_in("karim.pro@example.ma", "PROVIDER").await;
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;

    // Search by email (any case), by name, by role and status.
    let found = app.get("/fr/admin/users?q=SALMA.BENNANI").await.assert_status(200).doc();
    assert_eq!(found.texts("#users-results tbody td:nth-child(2)"), vec!["salma.bennani@example.ma"]);
    let first_name: String = app.conn(|c| {
        use diesel::prelude::*;
        use khadamat::db::schema::users;
        users::table.find(salma).select(users::first_name).first(c).unwrap()
    });
    let by_name = app.get(&format!("/fr/admin/users?q={}", first_name.to_lowercase())).await.doc();
    assert!(by_name.texts("#users-results tbody td:nth-child(2)").contains(&"salma.bennani@example.ma".to_string()));
    let providers = app.get("/fr/admin/users?role=PROVIDER&sort=name").await.doc();
    let roles = providers.texts("#users-results tbody td:nth-child(3)");
    assert!(!roles.is_empty() && roles.iter().all(|r| r == "Proposer mes services"), "{roles:?}");
    assert!(providers.texts("#users-results tbody td:nth-child(2)").contains(&"karim.pro@example.ma".to_string()));
    let suspended = app.get("/fr/admin/users?status=SUSPENDED").await.doc();
    assert_eq!(suspended.count("#users-results tbody tr"), 0);
    // Pages: 30 at most, the next one continues.
    let all = app.get("/fr/admin/users?sort=oldest").await.doc();
    let next = all.attrs(".pagination a[rel=next]", "href");
    if all.count("#users-results tbody tr") == 30 {
        let second = app.get(&format!("/fr/admin/users{}", next[0])).await.doc();
        assert!(second.count("#users-results tbody tr") > 0);
        assert!(next[0].contains("sort=oldest"));
    }
    // Bad filters: an empty list or the default, never an error.
    for query in
        ["q=%25", "q=%27%20OR%201%3D1", "role=KING", "status=x&sort=y", "page=-3", "page=99999", "q=%3Cscript%3E"]
    {
        let res = app.get(&format!("/fr/admin/users?{query}")).await;
        res.assert_status(200);
        assert!(!res.body.contains("<script>"), "{query}");
    }
    assert_eq!(app.get("/fr/admin/users?q=%27%20OR%201%3D1").await.doc().count("#users-results tbody tr"), 0);
    assert_eq!(app.get("/fr/admin/users?q=%25").await.doc().count("#users-results tbody tr"), 0, "% is not a wildcard");

    // CSV of the current filter.
    let csv = app.get("/fr/admin/users.csv?q=salma.bennani").await;
    csv.assert_status(200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    assert!(csv.header("content-disposition").unwrap().contains("attachment"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("id,email,first_name"));
    assert!(lines[1].starts_with(&format!("{salma},salma.bennani@example.ma,")));

    // A user's page: facts, sessions, audit trail.
    let page = app.get(&format!("/fr/admin/users/{salma}")).await.assert_status(200).doc();
    assert!(page.text("#user-facts").contains("salma.bennani@example.ma"));
    assert!(page.texts("#user-events li").iter().any(|e| e.contains("auth.")), "{:?}", page.texts("#user-events li"));
    app.get("/fr/admin/users/999999").await.assert_status(404);
    app.get("/fr/admin/users/abc").await.assert_status(404);
}

#[actix_web::test]
async fn suspending_a_provider_ends_sessions_hides_them_and_cancels_open_bookings() {
    use diesel::prelude::*;
    use khadamat::db::schema::{bookings, providers};
    let mut app = TestApp::new().await;
    let (slug, service) = crate::bookings::provider_with_service(&mut app).await;
    let karim = app.user_id("karim@example.ma");
    let provider_browser = app.switch_browser(Default::default());
    app.signed_in("amina@example.ma", "CLIENT").await;
    let booking = crate::reviews::book(&mut app, &slug, service, "10:00").await;
    app.post_form(&format!("/fr/providers/{slug}/favorite"), &[]).await.assert_status(303);
    let amina = app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;

    // A reason is required; one cannot suspend oneself.
    app.post_form(&format!("/fr/admin/users/{karim}/suspend"), &[("reason", "x")]).await.assert_status(422);
    let me = app.user_id("boss@khadamat.ma");
    let own = app.post_form(&format!("/fr/admin/users/{me}/suspend"), &[("reason", "Je me suspends moi-même.")]).await;
    own.assert_status(422);
    assert!(own.doc().text("#user-error").contains("propre compte"));
    app.post_form(&format!("/fr/admin/users/{karim}/suspend"), &[("reason", "Plaintes répétées de clients.")])
        .await
        .assert_status(303);
    app.post_form(&format!("/fr/admin/users/{karim}/suspend"), &[("reason", "Deuxième clic sur suspendre.")])
        .await
        .assert_status(409);
    assert_eq!(app.audit_count("admin.user_suspended"), 1);
    assert!(app.emails_to("karim@example.ma").iter().any(|e| e.email.subject.contains("suspendu")));
    // Their session is over; their page, search results and the client's favorites no longer show them.
    app.switch_browser(provider_browser);
    let res = app.get("/fr/provider/bookings").await;
    assert_eq!(res.status, 303, "signed out");
    let status: String =
        app.conn(|c| providers::table.filter(providers::user_id.eq(karim)).select(providers::status).first(c).unwrap());
    assert_eq!(status, "SUSPENDED");
    app.get(&format!("/fr/providers/{slug}")).await.assert_status(404);
    app.switch_browser(amina);
    assert_eq!(app.get("/fr/account/favorites").await.doc().count(".provider-card"), 0);
    // The open booking was cancelled and the client told.
    let booking_status: String = app.conn(|c| bookings::table.find(booking).select(bookings::status).first(c).unwrap());
    assert_eq!(booking_status, "CANCELLED");
    assert!(app.emails_to("amina@example.ma").last().unwrap().email.subject.contains("annul"));

    // Reactivation brings the provider back.
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    app.post_form(&format!("/fr/admin/users/{karim}/reactivate"), &[("reason", "Situation clarifiée.")])
        .await
        .assert_status(303);
    app.get(&format!("/fr/providers/{slug}")).await.assert_status(200);
    assert_eq!(app.audit_count("admin.user_reactivated"), 1);

    // Role and email verification by hand, each audited and emailed.
    let amina_id = app.user_id("amina@example.ma");
    app.post_form(&format!("/fr/admin/users/{amina_id}/role"), &[("role", "KING")]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/users/{amina_id}/role"), &[("role", "PROVIDER")]).await.assert_status(303);
    assert!(app.emails_to("amina@example.ma").last().unwrap().email.text.contains("prestataire"));
    app.post_form(&format!("/fr/admin/users/{amina_id}/verify-email"), &[]).await.assert_status(409);
    assert_eq!(app.audit_count("admin.user_role_changed"), 1);
    app.post_form("/fr/admin/users/999999/suspend", &[("reason", "Compte inconnu ici.")]).await.assert_status(404);
}

#[actix_web::test]
async fn the_verified_badge_and_deleting_an_account() {
    use diesel::prelude::*;
    use khadamat::db::schema::{provider_listings, providers, users};
    let mut app = TestApp::new().await;
    let (provider, slug) = crate::provider::services::listed_provider(&mut app).await;
    let karim = app.user_id("karim@example.ma");
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let verified = |app: &TestApp| -> (bool, Vec<bool>) {
        app.conn(|c| {
            (
                providers::table.find(provider).select(providers::is_verified).first(c).unwrap(),
                provider_listings::table
                    .filter(provider_listings::provider_id.eq(provider))
                    .select(provider_listings::is_verified)
                    .load(c)
                    .unwrap(),
            )
        })
    };
    app.post_form(&format!("/fr/admin/users/{karim}/badge"), &[("badge", "grant")]).await.assert_status(303);
    let (badge, listings) = verified(&app);
    assert!(badge && !listings.is_empty() && listings.iter().all(|v| *v), "search listings follow");
    assert!(app.get(&format!("/fr/providers/{slug}")).await.body.contains("badge-verified"));
    // Revoking needs a reason.
    app.post_form(&format!("/fr/admin/users/{karim}/badge"), &[("badge", "revoke")]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/users/{karim}/badge"), &[("badge", "revoke"), ("reason", "Document expiré.")])
        .await
        .assert_status(303);
    assert!(!verified(&app).0);
    assert_eq!(app.audit_count("admin.provider_verified") + app.audit_count("admin.provider_unverified"), 2);
    assert!(app.emails_to("karim@example.ma").last().unwrap().email.text.contains("Document expiré"));
    // A client has no badge to give.
    let amina = {
        let admin = app.switch_browser(Default::default());
        let id = app.signed_in("amina@example.ma", "CLIENT").await;
        app.switch_browser(admin);
        id
    };
    app.post_form(&format!("/fr/admin/users/{amina}/badge"), &[("badge", "grant")]).await.assert_status(422);

    // Deleting: a reason, then personal data gone, the provider page gone (410), audited.
    app.post_form(&format!("/fr/admin/users/{karim}/delete"), &[]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/users/{karim}/delete"), &[("reason", "Demande de la personne par courrier.")])
        .await
        .assert_status(303);
    let (email, status): (String, String) =
        app.conn(|c| users::table.find(karim).select((users::email, users::status)).first(c).unwrap());
    assert!(email.ends_with("@deleted.invalid") && status == "DELETED", "{email} {status}");
    app.get(&format!("/fr/providers/{slug}")).await.assert_status(410);
    assert_eq!(app.audit_count("admin.user_deleted"), 1);
    assert!(app.emails_to("karim@example.ma").iter().any(|e| e.email.subject.to_lowercase().contains("supprim")));
    // Nothing more can be decided about it.
    app.post_form(&format!("/fr/admin/users/{karim}/suspend"), &[("reason", "Trop tard pour cela.")])
        .await
        .assert_status(422);
}
