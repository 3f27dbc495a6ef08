use diesel::prelude::*;
use khadamat::db::schema::favorites;

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

fn slug(app: &TestApp) -> String {
    use khadamat::db::schema::{providers, users};
    app.conn(|c| {
        providers::table
            .inner_join(users::table)
            .filter(users::email.eq(khadamat::db::seed::DEMO_PROVIDER))
            .select(providers::slug)
            .first(c)
            .unwrap()
    })
}

fn count(app: &TestApp, user: i64) -> i64 {
    app.conn(|c| favorites::table.filter(favorites::user_id.eq(user)).count().get_result(c).unwrap())
}

#[actix_web::test]
async fn add_and_remove_favorites_with_plain_forms() {
    let mut app = TestApp::with_providers(3).await;
    let user = app.signed_in("salma@example.ma", "CLIENT").await;
    let slug = slug(&app);
    let page = format!("/fr/providers/{slug}");
    let doc = app.get(&page).await.doc();
    assert_eq!(doc.attr(".provider-actions .favorite-button", "aria-pressed"), "false");
    let res = app.post_form(&format!("{page}/favorite"), &[]).await;
    res.assert_status(303);
    assert_eq!(res.location(), page);
    app.post_form(&format!("{page}/favorite"), &[]).await.assert_status(303);
    assert_eq!(count(&app, user), 1, "adding twice keeps one");
    assert_eq!(app.get(&page).await.doc().attr(".provider-actions .favorite-button", "aria-pressed"), "true");
    let mine = app.get("/fr/account/favorites").await.assert_status(200).doc();
    assert_eq!(mine.texts(".provider-name"), vec!["Youssef El Amrani"]);
    app.post_form(&format!("{page}/favorite/delete"), &[]).await.assert_status(303);
    assert_eq!(count(&app, user), 0);
    app.get("/fr/account/favorites").await.doc().assert_has(".empty");
    app.post_form("/fr/providers/nobody/favorite", &[]).await.assert_status(404);
}

#[actix_web::test]
async fn htmx_toggles_return_the_button() {
    let mut app = TestApp::with_providers(3).await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    let slug = slug(&app);
    let token = app.csrf_token();
    let res = app
        .post_raw(
            &format!("/ar/providers/{slug}/favorite"),
            &[("content-type", "application/x-www-form-urlencoded"), ("HX-Request", "true"), ("X-CSRF-Token", &token)],
            "",
        )
        .await;
    res.assert_status(200);
    let doc = res.doc();
    assert_eq!(doc.attr(".favorite-button", "aria-pressed"), "true");
    assert!(doc.attr("form.favorite-form", "action").ends_with("/favorite/delete"));
    assert!(!res.body.contains("<html"));
}

#[actix_web::test]
async fn anonymous_visitors_sign_in_and_come_back_with_the_favorite_added() {
    let mut app = TestApp::with_providers(3).await;
    app.register("fr", "salma@example.ma", "CLIENT").await;
    let user = app.user_id("salma@example.ma");
    let slug = slug(&app);
    let page = format!("/fr/providers/{slug}");
    let res = app.post_form(&format!("{page}/favorite"), &[]).await;
    res.assert_status(303);
    assert_eq!(res.location(), format!("/fr/login?next=%2Ffr%2Fproviders%2F{slug}"));
    let res =
        app.post_form("/fr/login", &[("email", "salma@example.ma"), ("password", PASSWORD), ("next", &page)]).await;
    res.assert_status(303);
    assert_eq!(res.location(), page);
    assert_eq!(count(&app, user), 1);
}

#[actix_web::test]
async fn favorites_need_csrf() {
    let mut app = TestApp::with_providers(3).await;
    let user = app.signed_in("salma@example.ma", "CLIENT").await;
    let slug = slug(&app);
    app.post_raw(
        &format!("/fr/providers/{slug}/favorite"),
        &[("content-type", "application/x-www-form-urlencoded")],
        "",
    )
    .await
    .assert_status(403);
    assert_eq!(count(&app, user), 0);
}
