//! The search page: full text in French and Arabic, filters, sorts, stable pages, bad input.

use std::collections::HashSet;

use crate::support::TestApp;

fn slugs(doc: &crate::support::Doc) -> Vec<String> {
    doc.attrs(".search-results .provider-name a", "href")
}

#[actix_web::test]
async fn search_page_in_three_languages() {
    let mut app = TestApp::with_providers(30).await;
    for lang in ["fr", "ar", "en"] {
        let doc = app.get(&format!("/{lang}/providers")).await.assert_status(200).doc();
        assert_eq!(doc.attr("#search-form", "method"), "get");
        assert!(doc.count(".search-results .provider-card") > 0);
        assert!(!doc.text("#results-count").is_empty());
    }
}

#[actix_web::test]
async fn text_search_ignores_case_and_accents_in_latin_and_arabic() {
    let mut app = TestApp::with_providers(40).await;
    // The demo provider is a plumber (Plomberie / السباكة) in Casablanca.
    for q in ["plomberie", "PLOMBERIE", "plomb", "Youssef El Amrani", "السباكة", "السِّبَاكَة", "sbk' OR 1=1"]
    {
        let query = serde_urlencoded::to_string([("q", q)]).unwrap();
        let doc = app.get(&format!("/fr/providers?{query}")).await.assert_status(200).doc();
        let found = slugs(&doc);
        if q.starts_with("sbk") {
            assert!(found.is_empty(), "SQL metacharacters are just text");
        } else {
            assert!(found.iter().any(|s| s.contains("youssef-el-amrani-plomberie-casablanca")), "{q}: {found:?}");
        }
    }
    let doc = app.get("/fr/providers?q=%C3%A9lectricit%C3%A9").await.doc();
    let texts = doc.texts(".search-results .provider-meta");
    assert!(!texts.is_empty() && texts.iter().all(|t| t.contains("lectricit")), "{texts:?}");
}

#[actix_web::test]
async fn filters_by_category_city_price_rating_and_verified() {
    let mut app = TestApp::with_providers(60).await;
    let doc = app.get("/fr/providers?category=plomberie&city=casablanca").await.doc();
    assert!(doc.text("h1").contains("Plomberie") && doc.text("h1").contains("Casablanca"));
    assert!(doc.texts(".search-results .provider-meta").iter().all(|m| m.contains("Plomberie")));
    let doc = app.get("/fr/providers?rating=4.5&verified=1&sort=rating").await.doc();
    for rating in doc.texts(".search-results .provider-rating span:first-of-type") {
        let value: f64 = rating.split_whitespace().next().unwrap().replace(',', ".").parse().unwrap();
        assert!(value >= 4.5, "{rating}");
    }
    assert_eq!(doc.count(".search-results .provider-card"), doc.count(".search-results .badge-verified"));
    let doc = app.get("/en/providers?max_price=150&sort=price").await.doc();
    let prices: Vec<f64> = doc
        .texts(".search-results .provider-price")
        .iter()
        .map(|p| p.trim_start_matches("From ").trim_end_matches("MAD").trim().replace(',', "").parse().unwrap())
        .collect();
    assert!(prices.iter().all(|p| *p <= 150.0), "{prices:?}");
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "sorted by price: {prices:?}");
}

#[actix_web::test]
async fn pages_are_stable_without_duplicates_or_gaps() {
    let mut app = TestApp::with_providers(60).await;
    let first = app.get("/fr/providers?sort=rating").await.doc();
    let total: usize = first.text("#results-count").split_whitespace().next().unwrap().parse().unwrap();
    let mut seen = HashSet::new();
    let mut page = 1;
    loop {
        let doc = app.get(&format!("/fr/providers?sort=rating&page={page}")).await.doc();
        let found = slugs(&doc);
        if found.is_empty() {
            break;
        }
        for s in found {
            assert!(seen.insert(s.clone()), "{s} appears twice");
        }
        page += 1;
    }
    assert_eq!(seen.len(), total);
    assert!(page > 3, "several pages");
    // The pagination links keep the filters.
    assert!(first.attrs(".pagination a", "href").iter().all(|h| h.contains("sort=rating")));
}

#[actix_web::test]
async fn a_common_word_pages_in_order_without_duplicates_or_gaps() {
    // Nearly every generated bio says "proprement": the count stops at TEXT_COUNT_CAP and the first pages take a
    // shortcut (see db::search) while later ones sort the matches; both must agree.
    let mut app = TestApp::with_providers(260).await;
    let first = app.get("/fr/providers?q=proprement&sort=rating").await.doc();
    let count = first.text("#results-count");
    let total: usize = count.split_whitespace().find_map(|w| w.parse().ok()).unwrap();
    // SQLite stops counting; PostgreSQL does when the first tier of the order already holds more.
    if crate::support::db::postgres_admin_url().is_none() {
        assert!(count.starts_with("Plus de"), "{count}");
    }
    let capped = count.starts_with("Plus de");
    if capped {
        assert_eq!(total as i64, khadamat::db::search::TEXT_COUNT_CAP, "{count}");
    } else {
        assert!(total > 240, "{count}");
    }
    let mut seen = HashSet::new();
    let mut ratings = Vec::new();
    // Past the counted ones, pages go on while they are full.
    let pages = 12;
    for page in 1..=pages {
        let doc = app.get(&format!("/fr/providers?q=proprement&sort=rating&page={page}")).await.doc();
        for s in slugs(&doc) {
            assert!(seen.insert(s.clone()), "{s} appears twice (page {page})");
        }
        // Providers without reviews ("Nouveau", counted as 0) come last.
        for r in doc.texts(".search-results .provider-rating span:first-of-type") {
            ratings.push(r.split_whitespace().next().and_then(|r| r.replace(',', ".").parse().ok()).unwrap_or(0.0));
        }
    }
    assert_eq!(seen.len(), 240, "no gaps");
    assert!(ratings.windows(2).all(|w| w[0] >= w[1]), "one order across pages: {ratings:?}");
    assert_eq!(first.attrs(".pagination a[rel=next]", "href").len(), 1);
    let twelfth = app.get("/fr/providers?q=proprement&sort=rating&page=12").await.doc();
    assert_eq!(twelfth.attrs(".pagination a[rel=next]", "href").len(), 1, "full page: more may follow");
    if capped {
        assert!(first.attrs(".pagination a", "href").iter().any(|h| h.contains("page=5")));
    }
}

#[actix_web::test]
async fn bad_input_gives_an_empty_state_never_an_error() {
    let mut app = TestApp::with_providers(10).await;
    let long = "a".repeat(10_000);
    for query in [
        "page=0".to_string(),
        "page=-1".into(),
        "page=99999".into(),
        "page=abc".into(),
        format!("q={long}"),
        "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E".into(),
        "q=%22%27%3B--%20DROP%20TABLE%20providers".into(),
        "q=%F0%9F%94%A7%20plombier%20%D8%B3%D8%A8%D8%A7%D9%83".into(),
        "category=nope".into(),
        "city=atlantis".into(),
        "min_price=-50&max_price=1e309".into(),
        "rating=99&sort=sideways&day=2026-13-45&lat=500&lng=x".into(),
    ] {
        let res = app.get(&format!("/fr/providers?{query}")).await;
        res.assert_status(200);
        assert!(!res.body.contains("<script>alert"), "{query}");
    }
    let doc = app.get("/fr/providers?category=nope").await.doc();
    doc.assert_has(".search-results .empty");
}

#[actix_web::test]
async fn htmx_filter_requests_get_the_page_for_selecting_results() {
    let mut app = TestApp::with_providers(10).await;
    let res = app.get_htmx("/fr/providers?city=rabat").await;
    res.assert_status(200);
    assert_eq!(res.header("vary").as_deref(), Some("HX-Request"));
    res.doc().assert_has("#results");
}

fn demo_slug(app: &TestApp) -> String {
    use diesel::prelude::*;
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

#[actix_web::test]
async fn provider_page_in_three_languages_with_structured_data() {
    let mut app = TestApp::with_providers(5).await;
    let slug = demo_slug(&app);
    for (lang, trade) in [("fr", "Plomberie"), ("ar", "السباكة"), ("en", "Plumbing")] {
        let res = app.get(&format!("/{lang}/providers/{slug}")).await;
        res.assert_status(200);
        let doc = res.doc();
        assert_eq!(doc.text("h1"), "Youssef El Amrani");
        assert!(doc.text("title").contains(trade), "{lang}: {}", doc.text("title"));
        assert!(doc.count(".service-item") >= 2);
        assert!(doc.count(".hours div") >= 5);
        assert!(doc.count(".review") >= 1, "the demo provider has reviews");
        assert_eq!(doc.attr("link[rel=canonical]", "href"), format!("http://localhost:4000/{lang}/providers/{slug}"));
        let ld = doc.html_of("script[type='application/ld+json']");
        let data: serde_json::Value = serde_json::from_str(&ld).expect("valid JSON-LD");
        assert_eq!(data[0]["@type"], "HomeAndConstructionBusiness");
        assert_eq!(data[0]["address"]["addressCountry"], "MA");
        assert!(data[0]["aggregateRating"]["reviewCount"].as_i64().unwrap() > 0);
        assert_eq!(data[1]["@type"], "BreadcrumbList");
        // Shared on WhatsApp, the link shows a card; titles carry no invisible isolation marks.
        let title = doc.text("title");
        let description = doc.attr("meta[name=description]", "content");
        for text in [&title, &description] {
            assert!(!text.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']), "{lang}: {text:?}");
        }
        assert_eq!(format!("{} · Khadamat", doc.attr("meta[property='og:title']", "content")), title);
        assert_eq!(doc.attr("meta[property='og:description']", "content"), description);
        let image = doc.attr("meta[property='og:image']", "content");
        assert!(image.starts_with("http://localhost:4000/static/img/og-card."), "{image}");
        assert_eq!(doc.attr("meta[name='twitter:card']", "content"), "summary_large_image");
        assert_eq!(
            doc.count(".review-list .review > p:first-child bdi"),
            2 * doc.count(".review-list .review"),
            "names and dates isolated"
        );
    }
}

#[actix_web::test]
async fn unknown_unapproved_and_removed_providers() {
    use diesel::prelude::*;
    use khadamat::db::schema::providers;
    use khadamat::db::types::ProviderStatus;
    let mut app = TestApp::with_providers(3).await;
    app.get("/fr/providers/nobody-here").await.assert_status(404);
    let slug = demo_slug(&app);
    app.conn(|c| {
        diesel::update(providers::table.filter(providers::slug.eq(&slug)))
            .set(providers::status.eq(ProviderStatus::Pending))
            .execute(c)
            .unwrap()
    });
    app.get(&format!("/fr/providers/{slug}")).await.assert_status(404);
    app.conn(|c| {
        diesel::update(providers::table.filter(providers::slug.eq(&slug)))
            .set(providers::removed_at.eq(Some(khadamat::db::now())))
            .execute(c)
            .unwrap()
    });
    let res = app.get(&format!("/ar/providers/{slug}")).await;
    res.assert_status(410);
    assert!(res.doc().text("h1").contains("محذوفة"));
}

#[actix_web::test]
async fn provider_without_reviews_has_no_rating_in_structured_data() {
    let mut app = TestApp::new().await;
    // A provider approved today has no reviews yet.
    let (_, slug) = crate::provider::services::listed_provider(&mut app).await;
    let doc = app.get(&format!("/fr/providers/{slug}")).await.assert_status(200).doc();
    let data: serde_json::Value = serde_json::from_str(&doc.html_of("script[type='application/ld+json']")).unwrap();
    assert_eq!(data[0]["@type"], "HomeAndConstructionBusiness");
    assert!(data[0].get("aggregateRating").is_none());
    doc.assert_has("#reviews-title + p.muted");
}

#[actix_web::test]
async fn common_word_pages_match_a_full_sort_in_every_order() {
    // Many matches take the shortcuts (the first tier of the order through the search tags; on SQLite also a
    // walk of the sort index); deep pages sort every match. Each must give the full sort's pages,
    // also after providers change tier (the badge here; ratings and prices go through the same refresh).
    use diesel::prelude::*;
    use khadamat::db::schema::{provider_cities, providers};
    use khadamat::db::search::{SearchQuery, Sort, providers_page};
    let app = TestApp::with_providers(1000).await;
    let busiest: i64 = app.conn(|c| {
        provider_cities::table
            .group_by(provider_cities::city_id)
            .order(diesel::dsl::count_star().desc())
            .select(provider_cities::city_id)
            .first(c)
            .unwrap()
    });
    let serving: HashSet<i64> = app.conn(|c| {
        provider_cities::table
            .filter(provider_cities::city_id.eq(busiest))
            .select(provider_cities::provider_id)
            .load(c)
            .unwrap()
            .into_iter()
            .collect()
    });
    for round in 0..2 {
        type Key = (i64, bool, f64, i32, Option<i64>);
        let everyone: Vec<Key> = app.conn(|c| {
            providers::table
                .filter(providers::status.eq(khadamat::db::types::ProviderStatus::Approved))
                .filter(providers::search_text.like("%proprement%"))
                .select((
                    providers::id,
                    providers::is_verified,
                    providers::rating_avg,
                    providers::review_count,
                    providers::min_price_cents,
                ))
                .load(c)
                .unwrap()
        });
        for city in [None, Some(busiest)] {
            let mut expected: Vec<Key> =
                everyone.iter().filter(|k| city.is_none() || serving.contains(&k.0)).cloned().collect();
            assert!(expected.len() > 100, "enough matches to take the shortcuts ({})", expected.len());
            for sort in [Sort::Relevance, Sort::Rating, Sort::Price] {
                expected.sort_by(|a, b| {
                    let rating = b.2.total_cmp(&a.2);
                    match sort {
                        Sort::Rating => rating.then(b.3.cmp(&a.3)),
                        Sort::Price => (a.4.is_none(), a.4).cmp(&(b.4.is_none(), b.4)).then(rating),
                        _ => b.1.cmp(&a.1).then(rating).then(b.3.cmp(&a.3)),
                    }
                    .then(a.0.cmp(&b.0))
                });
                for page in 1..=4 {
                    let q = SearchQuery {
                        words: vec!["proprement".into()],
                        city_id: city,
                        sort,
                        page,
                        per_page: 20,
                        ..Default::default()
                    };
                    let result = app.conn(|c| providers_page(c, &q).unwrap());
                    if city.is_none() && page == 1 {
                        assert!(result.capped, "the first tier holds more than the cap ({sort:?})");
                    }
                    let found: Vec<i64> = result.providers.iter().map(|p| p.id).collect();
                    let want: Vec<i64> = expected.iter().skip((page as usize - 1) * 20).take(20).map(|k| k.0).collect();
                    assert_eq!(found, want, "round {round}, {sort:?}, city {city:?}, page {page}");
                }
            }
            if round == 0 && city.is_some() {
                // Ten verified providers lose the badge, five unverified ones get it.
                let now = chrono::Utc::now().naive_utc();
                app.conn(|c| {
                    for k in expected.iter().filter(|k| k.1).take(10) {
                        assert!(khadamat::db::models::provider::set_verified(c, k.0, false, now).unwrap());
                    }
                    for k in expected.iter().filter(|k| !k.1).take(5) {
                        assert!(khadamat::db::models::provider::set_verified(c, k.0, true, now).unwrap());
                    }
                });
            }
        }
    }
}

/// Anonymous visitors share search results and provider pages up to `PUBLIC_CACHE_SECONDS` old; a signed-in
/// visitor always reads the data.
#[actix_web::test]
async fn anonymous_visitors_see_recent_answers_signed_in_ones_the_data() {
    use diesel::prelude::*;
    use khadamat::db::schema::providers;
    use khadamat::db::seed::{DEMO_CLIENT, DEMO_PASSWORD};
    let mut app = TestApp::configured(5, |c| c.public_cache_seconds = 1).await;
    let slug = demo_slug(&app);
    let paths =
        [format!("/fr/providers/{slug}"), "/fr/services/plomberie/casablanca".into(), "/fr/providers?q=plomb".into()];
    let shows = |body: &str, name: &str| body.contains(name);
    for path in &paths {
        assert!(shows(&app.get(path).await.assert_status(200).body, "Youssef El Amrani"), "{path}");
    }
    app.conn(|c| {
        diesel::update(providers::table.filter(providers::slug.eq(&slug)))
            .set(providers::display_name.eq("Youssef Bennani"))
            .execute(c)
            .unwrap()
    });
    for path in &paths {
        let body = app.get(path).await.body;
        assert!(shows(&body, "Youssef El Amrani") && !shows(&body, "Youssef Bennani"), "{path}: the recent answer");
    }
    let anonymous = app.switch_browser(Default::default());
    app.sign_in(DEMO_CLIENT, DEMO_PASSWORD).await.assert_status(303);
    for path in &paths {
        assert!(shows(&app.get(path).await.assert_status(200).body, "Youssef Bennani"), "{path}: signed in");
    }
    app.switch_browser(anonymous);
    actix_web::rt::time::sleep(std::time::Duration::from_millis(1100)).await;
    for path in &paths {
        let body = app.get(path).await.body;
        assert!(shows(&body, "Youssef Bennani"), "{path}: once expired");
    }
}

/// On a phone the results come first: the filters sit behind a button (a `<details>`, closed), and the filters in
/// force show as chips, each a link to the same search without it.
#[actix_web::test]
async fn filters_fold_away_and_show_as_removable_chips() {
    let mut app = TestApp::with_providers(20).await;
    let plain = app.get("/fr/providers").await.assert_status(200).doc();
    assert_eq!(plain.count("details.filters-panel:not([open]) #search-form"), 1);
    assert_eq!(plain.text("details.filters-panel summary"), "Filtres");
    assert_eq!(plain.count(".chips"), 0);
    // Headings in order: the page's h1, the results' h2, then a card's h3.
    assert_eq!(plain.count("#results > h2#results-count"), 1);
    let doc = app.get("/fr/providers?category=plomberie&city=casablanca&rating=4.5&verified=1").await.doc();
    assert_eq!(doc.text("details.filters-panel summary"), "Filtres · 4 actifs");
    let chips = doc.texts(".chips .chip span[dir]");
    assert_eq!(chips, ["Plomberie", "Casablanca", "4,5+ étoiles", "Prestataires vérifiés seulement"]);
    let hrefs = doc.attrs(".chips .chip", "href");
    assert_eq!(hrefs[0], "/fr/providers?city=casablanca&rating=4.5&verified=1");
    assert_eq!(hrefs[3], "/fr/providers?category=plomberie&city=casablanca&rating=4.5");
}

/// A card quotes what the newest published review said, cut at a word; a review waiting for moderation is not
/// quoted, and a provider without reviews has no quote.
#[actix_web::test]
async fn cards_quote_the_newest_published_review() {
    use diesel::prelude::*;
    use khadamat::db::schema::{providers, reviews};
    use khadamat::db::types::{ReviewDirection, ReviewStatus};
    let mut app = TestApp::with_providers(3).await;
    let slug = demo_slug(&app);
    let long = "Youssef est venu à l'heure, a trouvé la fuite en dix minutes et a tout laissé propre derrière lui. \
                Je le recommande sans hésiter à tous mes voisins.";
    app.conn(|c| {
        let id: i64 = providers::table.filter(providers::slug.eq(&slug)).select(providers::id).first(c).unwrap();
        let newest: i64 = reviews::table
            .filter(reviews::provider_id.eq(id))
            .filter(reviews::direction.eq(ReviewDirection::ClientToProvider))
            .filter(reviews::status.eq(ReviewStatus::Published))
            .order((reviews::published_at.desc(), reviews::id.desc()))
            .select(reviews::id)
            .first(c)
            .unwrap();
        diesel::update(reviews::table.find(newest)).set(reviews::comment.eq(long)).execute(c).unwrap();
        // The others wait for moderation: never quoted.
        diesel::update(reviews::table.filter(reviews::provider_id.eq(id)).filter(reviews::id.ne(newest)))
            .set((reviews::comment.eq("Brouillon à modérer"), reviews::status.eq(ReviewStatus::Pending)))
            .execute(c)
            .unwrap();
    });
    let res = app.get("/fr/providers?q=youssef+el+amrani").await;
    res.assert_status(200);
    let doc = res.doc();
    let quote = doc.text(".provider-quote");
    assert!(quote.starts_with("« Youssef est venu à l'heure"), "{quote}");
    assert!(quote.ends_with("propre… »") && quote.chars().count() < 100, "{quote}");
    assert!(res.body.contains("«\u{a0}"), "a French quote keeps its non-breaking space");
    assert!(!doc.html_of("#results").contains("Brouillon"));
    let ar = app.get("/ar/providers?q=youssef+el+amrani").await.doc();
    assert!(ar.text(".provider-quote").starts_with('«'));
}
