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
