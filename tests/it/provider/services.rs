use diesel::prelude::*;
use khadamat::db::schema::{providers, services};

use super::{admin_signed_in, post_pairs, profile_form};
use crate::support::TestApp;

pub fn service_form(category: &str) -> Vec<(&str, &str)> {
    vec![
        ("name_fr", "Réparation de fuite"),
        ("name_ar", "إصلاح التسرب"),
        ("category_id", category),
        ("description_fr", "Recherche et réparation de fuite sous évier ou chasse d'eau."),
        ("description_ar", "البحث عن التسرب وإصلاحه تحت المغسلة أو في خزان المرحاض."),
        ("pricing_unit", "FIXED"),
        ("base_price", "180"),
        ("duration_minutes", "60"),
        ("is_active", "1"),
    ]
}

pub async fn approved_provider(app: &mut TestApp) -> (i64, String) {
    let user = app.signed_in("karim@example.ma", "PROVIDER").await;
    let form = profile_form(app, "Karim Services");
    post_pairs(app, "/fr/provider/profile", &form).await.assert_status(303);
    let (id, slug): (i64, String) = app.conn(|c| {
        providers::table.filter(providers::user_id.eq(user)).select((providers::id, providers::slug)).first(c).unwrap()
    });
    let mine = app.switch_browser(Default::default());
    admin_signed_in(app).await;
    app.post_form(&format!("/fr/admin/providers/{id}/approve"), &[]).await.assert_status(303);
    app.switch_browser(mine);
    (id, slug)
}

/// An approved provider with an active plumbing service: listed under Plomberie in Casablanca and Rabat.
pub async fn listed_provider(app: &mut TestApp) -> (i64, String) {
    let (id, slug) = approved_provider(app).await;
    let plumbing = plumbing_id(app);
    app.post_form("/fr/provider/services", &service_form(&plumbing.to_string())).await.assert_status(303);
    (id, slug)
}

pub fn plumbing_id(app: &TestApp) -> i64 {
    use khadamat::db::schema::categories;
    app.conn(|c| categories::table.filter(categories::slug.eq("plomberie")).select(categories::id).first(c).unwrap())
}

#[actix_web::test]
async fn services_are_created_edited_hidden_and_deleted() {
    let mut app = TestApp::new().await;
    let (provider, slug) = approved_provider(&mut app).await;
    let cat = plumbing_id(&app).to_string();
    app.get("/fr/provider/services/new").await.assert_status(200);
    let res = app
        .post_form("/fr/provider/services", &[("name_fr", "x"), ("pricing_unit", "FIXED"), ("base_price", "-5")])
        .await;
    res.assert_status(422);
    assert!(res.doc().count(".field-error") >= 5);
    app.post_form("/fr/provider/services", &service_form(&cat)).await.assert_status(303);
    let id: i64 =
        app.conn(|c| services::table.filter(services::provider_id.eq(provider)).select(services::id).first(c).unwrap());
    let public = app.get(&format!("/ar/providers/{slug}")).await.doc();
    assert!(public.texts(".service-item h3").contains(&"إصلاح التسرب".to_string()));
    assert!(public.text(".service-price").contains("180"));
    let min: Option<i64> =
        app.conn(|c| providers::table.find(provider).select(providers::min_price_cents).first(c).unwrap());
    assert_eq!(min, Some(18_000));
    // Found by the service name.
    let found = app.get("/fr/providers?q=fuite").await.doc();
    assert!(found.attrs(".provider-name a", "href").iter().any(|h| h.contains(&slug)));
    // Edit, hide, show, delete.
    let mut edited = service_form(&cat);
    edited[6] = ("base_price", "200");
    app.post_form(&format!("/fr/provider/services/{id}"), &edited).await.assert_status(303);
    app.post_form(&format!("/fr/provider/services/{id}/deactivate"), &[]).await.assert_status(303);
    assert_eq!(app.get(&format!("/fr/providers/{slug}")).await.doc().count(".service-item"), 0);
    app.post_form(&format!("/fr/provider/services/{id}/activate"), &[]).await.assert_status(303);
    assert!(app.get(&format!("/fr/providers/{slug}")).await.doc().text(".service-price").contains("200"));
    app.post_form(&format!("/fr/provider/services/{id}/delete"), &[]).await.assert_status(303);
    assert_eq!(
        app.conn(|c| services::table.filter(services::provider_id.eq(provider)).count().get_result::<i64>(c).unwrap()),
        0
    );
    assert_eq!(app.audit_count("service.created"), 1);
}

#[actix_web::test]
async fn another_providers_service_is_not_found_and_clients_are_refused() {
    let mut app = TestApp::with_providers(3).await;
    let (_, _) = approved_provider(&mut app).await;
    // A service of the demo provider.
    let other: i64 = app.conn(|c| services::table.select(services::id).first(c).unwrap());
    app.get(&format!("/fr/provider/services/{other}/edit")).await.assert_status(404);
    app.post_form(&format!("/fr/provider/services/{other}/delete"), &[]).await.assert_status(404);
    app.post_form(&format!("/fr/provider/services/{other}"), &service_form("1")).await.assert_status(404);
    app.post_form("/fr/provider/services/abc/delete", &[]).await.assert_status(404);
    app.switch_browser(Default::default());
    app.signed_in("client@example.ma", "CLIENT").await;
    app.get("/fr/provider/services").await.assert_status(403);
}

#[actix_web::test]
async fn publishing_needs_a_verified_email() {
    let mut app = TestApp::new().await;
    app.register("fr", "karim@example.ma", "PROVIDER").await;
    app.sign_in("karim@example.ma", crate::support::accounts::PASSWORD).await;
    let form = profile_form(&app, "Karim Services");
    post_pairs(&mut app, "/fr/provider/profile", &form).await.assert_status(303);
    let doc = app.get("/fr/provider/services").await.assert_status(200).doc();
    doc.assert_has(".alert-warning");
    app.post_form("/fr/provider/services", &service_form("1")).await.assert_status(403);
}

#[actix_web::test]
async fn listing_by_category_follows_active_services() {
    // Karim ticks Plomberie on his profile and serves Casablanca and Rabat, but his one service is gardening: he
    // is listed under Jardinage (and not Plomberie) while that service is active — search with and without
    // words, landing pages, the catalogue count and the sitemap. (The demo provider is a plumber.)
    let mut app = TestApp::new().await;
    let (provider, slug) = approved_provider(&mut app).await;
    let category: i64 = app.conn(|c| {
        khadamat::db::schema::categories::table
            .filter(khadamat::db::schema::categories::slug.eq("jardinage"))
            .select(khadamat::db::schema::categories::id)
            .first(c)
            .unwrap()
    });
    app.post_form("/fr/provider/services", &service_form(&category.to_string())).await.assert_status(303);
    let id: i64 =
        app.conn(|c| services::table.filter(services::provider_id.eq(provider)).select(services::id).first(c).unwrap());
    async fn listed(app: &mut TestApp, slug: &str, category: &str) -> Vec<bool> {
        let mut seen = Vec::new();
        for path in [
            format!("/fr/providers?category={category}"),
            format!("/fr/providers?category={category}&city=rabat"),
            format!("/fr/providers?category={category}&q=karim"),
            format!("/fr/providers?category={category}&city=casablanca&q=fuite"),
            format!("/fr/services/{category}"),
            format!("/ar/services/{category}/casablanca"),
        ] {
            let doc = app.get(&path).await.assert_status(200).doc();
            seen.push(doc.attrs(".provider-name a", "href").iter().any(|h| h.contains(slug)));
        }
        let catalogue = app.get("/fr/services").await.doc();
        let count = catalogue.text(&format!("a[href='/fr/services/{category}'] .category-count"));
        seen.push(count.starts_with(|c: char| c.is_ascii_digit() && c != '0'));
        let sitemap = app.get("/sitemap-fr-pages.xml").await.body;
        seen.push(sitemap.contains(&format!("/services/{category}/rabat<")));
        seen
    }
    assert_eq!(listed(&mut app, &slug, "jardinage").await, vec![true; 8]);
    assert!(!listed(&mut app, &slug, "plomberie").await[..6].contains(&true), "a ticked trade without a service");
    app.post_form(&format!("/fr/provider/services/{id}/deactivate"), &[]).await.assert_status(303);
    assert_eq!(listed(&mut app, &slug, "jardinage").await, vec![false; 8], "a hidden service lists nothing");
    // Found by name without a category all the same (the profile is public).
    let doc = app.get("/fr/providers?q=karim").await.doc();
    assert!(doc.attrs(".provider-name a", "href").iter().any(|h| h.contains(&slug)));
    app.post_form(&format!("/fr/provider/services/{id}/activate"), &[]).await.assert_status(303);
    assert_eq!(listed(&mut app, &slug, "jardinage").await, vec![true; 8]);
    app.post_form(&format!("/fr/provider/services/{id}/delete"), &[]).await.assert_status(303);
    assert_eq!(listed(&mut app, &slug, "jardinage").await, vec![false; 8], "a deleted service lists nothing");
}
