use crate::support::TestApp;

#[actix_web::test]
async fn catalogue_lists_every_category_with_counts() {
    let mut app = TestApp::with_providers(20).await;
    let (categories, _) = app.shown_categories_and_cities();
    for lang in ["fr", "ar", "en"] {
        let doc = app.get(&format!("/{lang}/services")).await.assert_status(200).doc();
        assert_eq!(doc.count(".category-tile"), categories, "{lang}");
        assert_eq!(doc.count(".category-tile svg.icon"), categories, "each tile has its icon, inline");
        assert!(doc.text("h1").len() > 5);
    }
    let doc = app.get("/fr/services").await.doc();
    let plomberie = doc.text("a[href='/fr/services/plomberie'] .category-count");
    // The demo provider is a plumber, approved: at least one.
    let count: i64 = plomberie.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap();
    assert!(count >= 1, "{plomberie}");
}

#[actix_web::test]
async fn about_and_legal_pages_in_three_languages() {
    let mut app = TestApp::new().await;
    for lang in ["fr", "ar", "en"] {
        for path in ["/about", "/legal/terms", "/legal/privacy", "/legal/cookies"] {
            let res = app.get(&format!("/{lang}{path}")).await;
            res.assert_status(200);
            let doc = res.doc();
            assert!(doc.count("article h2") >= 4, "{lang}{path}");
            assert!(!doc.text("h1").contains('-'), "untranslated title on {lang}{path}");
        }
    }
    let privacy = app.get("/fr/legal/privacy").await.body;
    assert!(privacy.contains("09-08") && privacy.contains("CNDP"));
    app.get("/fr/legal/unknown").await.assert_status(404);
}

#[actix_web::test]
async fn health_checks_the_database() {
    let mut app = TestApp::new().await;
    let res = app.get("/health").await;
    res.assert_status(200);
    assert!(res.body.contains("\"status\":\"ok\""));
}

#[actix_web::test]
async fn robots_and_root_files() {
    let mut app = TestApp::new().await;
    let robots = app.get("/robots.txt").await;
    robots.assert_status(200);
    assert!(robots.body.contains("Sitemap: http://localhost:4000/sitemap.xml"));
    app.get("/manifest.webmanifest").await.assert_status(200);
    app.get("/favicon.ico").await.assert_status(200);
}

#[actix_web::test]
async fn static_assets_are_fingerprinted_and_immutable() {
    let mut app = TestApp::new().await;
    let doc = app.get("/fr/services").await.doc();
    let css = doc.attr("link[rel=stylesheet]", "href");
    assert!(css.starts_with("/static/css/app.") && css.ends_with(".css") && css.len() > "/static/css/app.css".len());
    let res = app.get(&css).await;
    res.assert_status(200);
    assert_eq!(res.header("cache-control").unwrap(), "public, max-age=31536000, immutable");
    let etag = res.header("etag").unwrap();
    app.get_with(&css, &[("If-None-Match", &etag)]).await.assert_status(304);
    let js = doc.attr("script[src]", "src");
    assert!(js.starts_with("/static/js/app."), "{js}");
    assert!(doc.attr("script[src]", "defer").is_empty(), "scripts are deferred, never render-blocking");
    // HTMX only where a page uses it: the search's live filters, not the catalogue of an anonymous visitor.
    assert!(doc.attrs("script[src]", "src").iter().all(|src| !src.contains("htmx")));
    assert!(app.get("/fr/providers").await.body.contains("htmx.min."));
    app.get("/static/nothing.css").await.assert_status(404);
}

#[actix_web::test]
async fn public_pages_answer_304_to_a_matching_etag() {
    let mut app = TestApp::new().await;
    let first = app.get("/en/about").await;
    let etag = first.header("etag").expect("etag on a public page");
    assert!(etag.starts_with("W/"));
    let second = app.get_with("/en/about", &[("If-None-Match", &etag)]).await;
    second.assert_status(304);
    assert!(second.body.is_empty());
}

/// Over a real connection (the server, not the in-process harness, drops a HEAD answer's body): the same status
/// and headers as GET, and no body.
#[test]
fn head_requests_are_answered_like_get() {
    let server = crate::browser::Server::start(0);
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let first = agent.get(&server.url("/fr/services")).call().unwrap();
    // One visitor: the CSRF cookie (and so the page's token and ETag) stays the same.
    let cookies: Vec<String> =
        first.all("set-cookie").iter().filter_map(|c| c.split(';').next()).map(str::to_string).collect();
    let cookie = cookies.join("; ");
    let css = crate::support::Doc::parse(&first.into_string().unwrap()).attr("link[rel=stylesheet]", "href");
    for path in ["/fr/", "/ar/services", "/health", "/robots.txt", "/sitemap.xml", css.as_str()] {
        let get = agent.get(&server.url(path)).set("Cookie", &cookie).call().unwrap();
        let head = agent.head(&server.url(path)).set("Cookie", &cookie).call().unwrap();
        assert_eq!((head.status(), get.status()), (200, 200), "{path}");
        for name in ["content-type", "cache-control", "etag", "content-security-policy", "vary"] {
            assert_eq!(head.header(name), get.header(name), "{path}: {name}");
        }
        let mut body = Vec::new();
        std::io::Read::read_to_end(&mut head.into_reader(), &mut body).unwrap();
        assert!(body.is_empty(), "{path}: HEAD has no body");
        assert!(!get.into_string().unwrap().is_empty(), "{path}");
    }
}

/// The site-wide figures are a copy at most `SHOWCASE_SECONDS` old: a change shows once the copy is renewed
/// (in the background: the request that finds it stale still gets it).
#[actix_web::test]
async fn catalogue_counts_follow_the_data_within_the_showcase_lifetime() {
    let mut app = TestApp::configured(0, |c| c.showcase_seconds = 1).await;
    let count = |doc: &crate::support::Doc| -> i64 {
        let text = doc.text("a[href='/fr/services/jardinage'] .category-count");
        text.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap()
    };
    let before = count(&app.get("/fr/services").await.doc());
    // A new gardener.
    crate::provider::services::approved_provider(&mut app).await;
    let jardinage: i64 = app.conn(|c| {
        use diesel::prelude::*;
        use khadamat::db::schema::categories;
        categories::table.filter(categories::slug.eq("jardinage")).select(categories::id).first(c).unwrap()
    });
    app.post_form("/fr/provider/services", &crate::provider::services::service_form(&jardinage.to_string()))
        .await
        .assert_status(303);
    assert_eq!(count(&app.get("/fr/services").await.doc()), before, "the copy is still fresh");
    let start = std::time::Instant::now();
    loop {
        let now = count(&app.get("/fr/services").await.doc());
        if now == before + 1 {
            break;
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "the count never followed");
        actix_web::rt::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
