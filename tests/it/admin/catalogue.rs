//! The catalogue in the back office: categories (create, edit in three languages, hide, merge, delete only
//! when unused) and cities, with their effect on the public site; admins only; bad input and stale forms.

use diesel::prelude::*;
use khadamat::db::schema::{categories, provider_categories, providers};

use crate::support::TestApp;

fn form<'a>(fields: &[(&'a str, &'a str)], version: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![
        ("name_fr", "Piscines"),
        ("name_ar", "المسابح"),
        ("name_en", "Swimming pools"),
        ("slug", "piscines"),
        ("icon", "sparkles"),
        ("position", "31"),
        ("is_active", "on"),
        ("version", version),
    ];
    for (k, v) in fields {
        all.retain(|(key, _)| key != k);
        if !v.is_empty() {
            all.push((k, v));
        }
    }
    all
}

fn version(app: &TestApp, id: i64) -> String {
    let at: chrono::NaiveDateTime =
        app.conn(|c| categories::table.find(id).select(categories::updated_at).first(c).unwrap());
    khadamat::services::catalogue::version_of(at)
}

#[actix_web::test]
async fn categories_and_cities_are_managed_with_their_effect_on_the_site() {
    let mut app = TestApp::with_providers(20).await;
    app.signed_in("client@example.ma", "CLIENT").await;
    app.get("/fr/admin/catalogue").await.assert_status(403);
    app.get("/fr/admin/catalogue/categories/1").await.assert_status(403);
    app.post_form("/fr/admin/catalogue/categories", &form(&[], "")).await.assert_status(403);
    app.post_form("/fr/admin/catalogue/categories/1/delete", &[]).await.assert_status(403);
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    let index = app.get("/fr/admin/catalogue").await.assert_status(200).doc();
    let all: i64 = app.conn(|c| {
        use diesel::prelude::*;
        khadamat::db::schema::categories::table.count().get_result(c).unwrap()
    });
    assert_eq!(index.count("#categories-table tbody tr") as i64, all);
    assert!(index.count("#cities-table tbody tr") > 10);

    // Create: bad input, a taken slug, then a new category that the public catalogue shows.
    let bad = app
        .post_form(
            "/fr/admin/catalogue/categories",
            &form(&[("slug", "Bad Slug"), ("icon", "rocket"), ("name_ar", "")], ""),
        )
        .await;
    bad.assert_status(422);
    assert_eq!(bad.doc().count(".field-invalid"), 3);
    app.post_form("/fr/admin/catalogue/categories", &form(&[("slug", "plomberie")], "")).await.assert_status(422);
    let created = app.post_form("/fr/admin/catalogue/categories", &form(&[], "")).await;
    created.assert_status(303);
    let id: i64 = app
        .conn(|c| categories::table.filter(categories::slug.eq("piscines")).select(categories::id).first(c).unwrap());
    assert_eq!(app.audit_count("catalogue.category_created"), 1);
    assert!(app.get("/fr/services").await.body.contains("Piscines"));
    assert!(app.get("/ar/services").await.body.contains("المسابح"));
    app.get("/fr/services/piscines").await.assert_status(200);

    // Hide it (the box unticked): gone from the catalogue, its page 404; a stale form is refused.
    let v = version(&app, id);
    let path = format!("/fr/admin/catalogue/categories/{id}");
    app.post_form(&path, &form(&[("is_active", ""), ("position", "-4")], &v)).await.assert_status(422);
    app.post_form(&path, &form(&[("is_active", "")], &v)).await.assert_status(303);
    app.post_form(&path, &form(&[("name_fr", "Piscines et spas")], &v)).await.assert_status(409);
    assert!(!app.get("/fr/services").await.body.contains("Piscines"));
    app.get("/fr/services/piscines").await.assert_status(404);
    // Unused: it can be deleted.
    app.post_form(&format!("{path}/delete"), &[]).await.assert_status(303);
    app.get(&path).await.assert_status(404);
    assert_eq!(app.audit_count("catalogue.category_deleted"), 1);

    // A category in use: renamed (search follows), not deleted, merged (pages redirect, providers move).
    let (used, provider): (i64, i64) = app.conn(|c| {
        provider_categories::table
            .inner_join(providers::table)
            .filter(providers::status.eq("APPROVED"))
            .select((provider_categories::category_id, provider_categories::provider_id))
            .first(c)
            .unwrap()
    });
    let (slug, name_ar, name_en): (String, String, String) = app.conn(|c| {
        categories::table
            .find(used)
            .select((categories::slug, categories::name_ar, categories::name_en))
            .first(c)
            .unwrap()
    });
    let path = format!("/fr/admin/catalogue/categories/{used}");
    let edit = form(
        &[
            ("name_fr", "Zellige artisanal"),
            ("name_ar", &name_ar),
            ("name_en", &name_en),
            ("slug", &slug),
            ("position", "2"),
        ],
        "",
    );
    let v = version(&app, used);
    let mut edit: Vec<(&str, &str)> = edit.into_iter().filter(|(k, _)| *k != "version").collect();
    edit.push(("version", &v));
    app.post_form(&path, &edit).await.assert_status(303);
    let found = app.get("/fr/providers?q=zellige").await.doc();
    let provider_slug: String = app.conn(|c| providers::table.find(provider).select(providers::slug).first(c).unwrap());
    assert!(found.attrs(".search-results .provider-name a", "href").iter().any(|h| h.ends_with(&provider_slug)));
    let refused = app.post_form(&format!("{path}/delete"), &[]).await;
    refused.assert_status(409);
    assert!(refused.doc().text("#catalogue-error").contains("masquez-la ou fusionnez-la"));
    let into: i64 = app.conn(|c| {
        categories::table.filter(categories::slug.eq("multi-services")).select(categories::id).first(c).unwrap()
    });
    let into = if into == used { 1 } else { into };
    app.post_form(&format!("{path}/merge"), &[("into", &used.to_string())]).await.assert_status(409);
    app.post_form(&format!("{path}/merge"), &[("into", &into.to_string())]).await.assert_status(303);
    app.post_form(&format!("{path}/merge"), &[("into", &into.to_string())]).await.assert_status(409);
    assert_eq!(app.audit_count("catalogue.category_merged"), 1);
    let moved = app.get(&format!("/fr/services/{slug}/casablanca")).await;
    moved.assert_status(301);
    let target: String = app.conn(|c| categories::table.find(into).select(categories::slug).first(c).unwrap());
    assert_eq!(moved.location(), format!("/fr/services/{target}/casablanca"));
    let listed: Vec<i64> = app.conn(|c| {
        provider_categories::table
            .filter(provider_categories::provider_id.eq(provider))
            .select(provider_categories::category_id)
            .load(c)
            .unwrap()
    });
    assert!(listed.contains(&into) && !listed.contains(&used), "{listed:?}");
    app.post_form(&format!("{path}/delete"), &[]).await.assert_status(409);
    app.post_form("/fr/admin/catalogue/categories/999999/delete", &[]).await.assert_status(404);

    // Cities: created (search offers it), checked, hidden.
    let city = [
        ("name_fr", "Ifrane"),
        ("name_ar", "إفران"),
        ("name_en", "Ifrane"),
        ("slug", "ifrane-ville"),
        ("latitude", "33.5228"),
        ("longitude", "-5.1106"),
        ("position", "90"),
        ("is_active", "on"),
    ];
    let mut paris = city.to_vec();
    paris[4] = ("latitude", "48.85");
    paris[5] = ("longitude", "2.35");
    app.post_form("/fr/admin/catalogue/cities", &paris).await.assert_status(422);
    app.post_form("/fr/admin/catalogue/cities", &city).await.assert_status(303);
    assert_eq!(app.audit_count("catalogue.city_created"), 1);
    assert!(app.get("/fr/providers").await.doc().texts("#s-city option").contains(&"Ifrane".to_string()));
    let city_id: i64 = app.conn(|c| {
        use khadamat::db::schema::cities;
        cities::table.filter(cities::slug.eq("ifrane-ville")).select(cities::id).first(c).unwrap()
    });
    let hidden: Vec<(&str, &str)> = city.iter().filter(|(k, _)| *k != "is_active").copied().collect();
    app.post_form(&format!("/fr/admin/catalogue/cities/{city_id}"), &hidden).await.assert_status(303);
    assert!(!app.get("/fr/providers").await.doc().texts("#s-city option").contains(&"Ifrane".to_string()));
    app.get("/fr/admin/catalogue/cities/abc").await.assert_status(404);
}
