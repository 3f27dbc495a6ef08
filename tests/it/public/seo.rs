//! Landing pages, sitemaps and robots.txt.

use crate::support::TestApp;

#[actix_web::test]
async fn category_and_city_landing_pages() {
    let mut app = TestApp::with_providers(20).await;
    let doc = app.get("/fr/services/plomberie/casablanca").await.assert_status(200).doc();
    assert_eq!(doc.text("h1"), "Plomberie à Casablanca");
    assert!(doc.text("title").starts_with("Plomberie à Casablanca"));
    assert_eq!(doc.attr("link[rel=canonical]", "href"), "http://localhost:4000/fr/services/plomberie/casablanca");
    assert!(doc.count(".search-results .provider-card") >= 1);
    let ar = app.get("/ar/services/plomberie/casablanca").await.assert_status(200).doc();
    assert!(ar.text("h1").contains("الدار البيضاء"));
    let category = app.get("/en/services/electricite").await.assert_status(200).doc();
    assert!(category.text("title").starts_with("Electrical work"));
    app.get("/fr/services/nope").await.assert_status(404);
    app.get("/fr/services/plomberie/atlantis").await.assert_status(404);
    // The catalogue links to the landing pages.
    let catalogue = app.get("/fr/services").await.doc();
    assert!(catalogue.attrs(".category-tile", "href").contains(&"/fr/services/plomberie".to_string()));
}

#[actix_web::test]
async fn sitemap_index_and_files() {
    let mut app = TestApp::with_providers(10).await;
    let index = app.get("/sitemap.xml").await;
    index.assert_status(200);
    assert_eq!(index.header("content-type").as_deref(), Some("application/xml; charset=utf-8"));
    for lang in ["fr", "ar", "en"] {
        assert!(index.body.contains(&format!("http://localhost:4000/sitemap-{lang}-pages.xml")));
        assert!(index.body.contains(&format!("http://localhost:4000/sitemap-{lang}-providers-0.xml")));
    }
    let pages = app.get("/sitemap-ar-pages.xml").await;
    pages.assert_status(200);
    assert!(pages.body.contains("<loc>http://localhost:4000/ar/services/plomberie</loc>"));
    assert!(pages.body.contains("hreflang=\"fr\""));
    let providers = app.get("/sitemap-fr-providers-0.xml").await;
    providers.assert_status(200);
    assert!(providers.body.contains("/fr/providers/youssef-el-amrani-plomberie-casablanca"));
    assert!(providers.body.contains("<lastmod>"));
    let urls = providers.body.matches("<url>").count();
    let approved: i64 = app.conn(|c| khadamat::db::views::sitemap::approved_count(c).unwrap());
    assert_eq!(urls as i64, approved, "approved providers only");
    app.get("/sitemap-xx-pages.xml").await.assert_status(404);
    app.get("/sitemap-fr-providers-9.xml").await.assert_status(404);
    app.get("/sitemap-fr-nothing.xml").await.assert_status(404);
}

#[actix_web::test]
async fn robots_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas() {
    let mut app = TestApp::new().await;
    let robots = app.get("/robots.txt").await.body;
    for line in
        ["Sitemap: http://localhost:4000/sitemap.xml", "Disallow: /*/account", "Disallow: /*/admin", "Disallow: /dev/"]
    {
        assert!(robots.contains(line), "{line}");
    }
    // Private pages also say noindex.
    let doc = app.get("/fr/login").await.doc();
    assert_eq!(doc.attr("meta[name=robots]", "content"), "noindex");
}

/// The provider page's facts read as a person would say them, in either direction, and its JSON-LD gives the
/// real range of its prices.
#[actix_web::test]
async fn provider_facts_read_naturally_and_the_price_range_is_real() {
    use diesel::prelude::*;
    use khadamat::db::schema::{providers, services};
    let mut app = TestApp::with_providers(5).await;
    let (id, slug): (i64, String) = app.conn(|c| {
        providers::table
            .filter(providers::status.eq("APPROVED"))
            .select((providers::id, providers::slug))
            .first(c)
            .unwrap()
    });
    app.conn(|c| {
        diesel::update(providers::table.find(id))
            .set((providers::response_time_minutes.eq(Some(192)), providers::languages.eq("ar,fr")))
            .execute(c)
            .unwrap()
    });
    let prices: Vec<i64> = app.conn(|c| {
        services::table
            .filter(services::provider_id.eq(id))
            .filter(services::is_active.eq(true))
            .filter(services::deleted_at.is_null())
            .select(services::base_price_cents)
            .load::<Option<i64>>(c)
            .unwrap()
            .into_iter()
            .flatten()
            .collect()
    });
    let doc = app.get(&format!("/fr/providers/{slug}")).await.assert_status(200).doc();
    assert!(doc.text(".provider-facts").contains("environ 3 h"), "{}", doc.text(".provider-facts"));
    assert_eq!(doc.texts(".provider-facts bdi"), ["العربية", "Français"]);
    let ar = app.get(&format!("/ar/providers/{slug}")).await.doc();
    assert!(ar.text(".provider-facts").contains("حوالي 3 ساعات"), "{}", ar.text(".provider-facts"));
    let ld: serde_json::Value = serde_json::from_str(&doc.text("script[type='application/ld+json']")).unwrap();
    let business = if ld.is_array() { ld[0].clone() } else { ld };
    let (low, high) = (prices.iter().min().unwrap() / 100, prices.iter().max().unwrap() / 100);
    let expected = if low == high { format!("{low} MAD") } else { format!("{low}–{high} MAD") };
    assert_eq!(business["priceRange"], expected.as_str());
}
