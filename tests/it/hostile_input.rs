//! Random and hostile values in every search and listing parameter: the answer is a page (or a 4xx), never a
//! 500, on both databases. The values are drawn from a fixed seed, so a failure repeats.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::support::TestApp;

/// Values that have broken parsers, full-text syntaxes and SQL elsewhere.
const HOSTILE: &[&str] = &[
    "",
    " ",
    "zzz",
    "-1",
    "0",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "inf",
    "%",
    "_",
    "'",
    "\"",
    "' OR 1=1--",
    "\"; DROP TABLE providers; --",
    "<script>alert(1)</script>",
    "K-1",
    "C1 OR K2",
    "NEAR(a b)",
    "a:* & !b | (c",
    "\\",
    "*",
    "^",
    "½ ² ٣",
    "ﷺ",
    "\u{200f}\u{2067}",
    "\u{0}",
    "a\u{0}b",
    "\u{301}\u{301}",
    "🔧🔧",
    "plomberie",
    "casablanca",
    "2026-02-30",
    "2026-12-06",
    "99999-01-01",
];

/// A random value: mixed scripts, punctuation, controls and numbers, up to 300 characters.
fn random_value(rng: &mut StdRng) -> String {
    const PIECES: &[&str] = &[
        "a", "Z", "é", "ç", "س", "ب", "ا", "ك", "0", "7", "-", "+", ".", ",", ":", "*", "'", "\"", "(", ")", "&", "|",
        "!", "%", "_", "\\", "/", "<", ">", "=", ";", " ", "\t", "\n", "\u{0}", "\u{1}", "\u{7f}", "\u{301}",
        "\u{200f}", "\u{feff}", "🔧", "½", "٣", "ﷺ", "OR", "AND", "NOT", "NEAR", "K", "C", "1", "e", "9",
    ];
    let len = if rng.gen_bool(0.1) { rng.gen_range(100..300) } else { rng.gen_range(1..12) };
    (0..len).map(|_| PIECES[rng.gen_range(0..PIECES.len())]).collect()
}

/// Every value of `HOSTILE` and `random` more, in each parameter alone and then all parameters at once.
async fn throw_at(app: &mut TestApp, path: &str, params: &[&str], rng: &mut StdRng, random: usize) {
    let mut values: Vec<String> = HOSTILE.iter().map(|v| v.to_string()).collect();
    values.extend((0..random).map(|_| random_value(rng)));
    let mut queries: Vec<String> = Vec::new();
    for param in params {
        for value in &values {
            queries.push(serde_urlencoded::to_string([(param, value)]).unwrap());
        }
    }
    for _ in 0..random {
        let all: Vec<(&str, String)> = params.iter().map(|p| (*p, random_value(rng))).collect();
        queries.push(serde_urlencoded::to_string(all).unwrap());
    }
    for query in queries {
        let res = app.get(&format!("{path}?{query}")).await;
        assert!(res.status.as_u16() < 500, "{path}?{query} answered {}", res.status);
        assert!(!res.body.contains("<script>alert"), "{path}?{query} reflects markup");
    }
}

#[actix_web::test]
async fn search_and_landing_pages_take_any_value() {
    let mut app = TestApp::with_providers(30).await;
    let mut rng = StdRng::seed_from_u64(14);
    let search =
        ["q", "category", "city", "min_price", "max_price", "rating", "verified", "day", "sort", "lat", "lng", "page"];
    throw_at(&mut app, "/fr/providers", &search, &mut rng, 12).await;
    // Words with an unknown category or city: the normal page, saying the filter names nothing.
    for lang in ["fr", "ar", "en"] {
        for query in ["q=plombier&category=zzz", "q=plombier&city=zzz", "q=a&category=K-1&city=C-1"] {
            let doc = app.get(&format!("/{lang}/providers?{query}")).await.assert_status(200).doc();
            doc.assert_has(".search-results .empty");
            assert!(!doc.text(".search-results .empty").is_empty());
        }
    }
    // Control characters (PostgreSQL refuses NUL in text) are a bad request, with the localized page.
    for path in ["/fr/providers?q=%00", "/ar/providers?city=a%1Bb", "/fr/services/plomberie?page=%FF"] {
        let res = app.get(path).await;
        res.assert_status(400);
        assert!(!res.doc().text("h1").is_empty(), "{path}");
    }
    let res =
        app.post_form("/fr/contact", &[("name", "Salma\u{0}"), ("email", "s@example.ma"), ("message", "x")]).await;
    res.assert_status(400);
    let landing = ["q", "min_price", "max_price", "rating", "verified", "day", "sort", "lat", "lng", "page"];
    throw_at(&mut app, "/ar/services/plomberie/casablanca", &landing, &mut rng, 6).await;
    throw_at(&mut app, "/en/services/plomberie", &["q", "sort", "page", "rating"], &mut rng, 6).await;
}

#[actix_web::test]
async fn signed_in_lists_take_any_value() {
    let mut app = TestApp::with_providers(3).await;
    let mut rng = StdRng::seed_from_u64(15);
    app.signed_in("salma.bennani@example.ma", "CLIENT").await;
    throw_at(&mut app, "/fr/account/bookings", &["tab", "status", "page"], &mut rng, 4).await;
    throw_at(&mut app, "/fr/account/notifications", &["page"], &mut rng, 4).await;
    throw_at(&mut app, "/fr/messages", &["page"], &mut rng, 4).await;
    app.switch_browser(Default::default());
    app.sign_in(khadamat::db::seed::DEMO_PROVIDER, khadamat::db::seed::DEMO_PASSWORD).await.assert_status(303);
    throw_at(&mut app, "/fr/provider/bookings", &["tab", "status", "page", "week"], &mut rng, 4).await;
    throw_at(&mut app, "/fr/provider/reviews", &["page"], &mut rng, 4).await;
    throw_at(&mut app, "/fr/provider/statistics", &["period", "from", "to"], &mut rng, 4).await;
    app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    throw_at(&mut app, "/fr/admin", &["period", "from", "to"], &mut rng, 3).await;
    throw_at(&mut app, "/fr/admin/users", &["q", "role", "status", "sort", "page"], &mut rng, 3).await;
    throw_at(&mut app, "/fr/admin/providers/all", &["q", "status", "verified", "page"], &mut rng, 3).await;
    throw_at(
        &mut app,
        "/fr/admin/bookings",
        &["status", "from", "to", "city", "provider", "client", "page"],
        &mut rng,
        3,
    )
    .await;
    throw_at(
        &mut app,
        "/fr/admin/audit",
        &["actor", "action", "target", "target_id", "from", "to", "page"],
        &mut rng,
        3,
    )
    .await;
    throw_at(&mut app, "/fr/admin/contact", &["tab", "page"], &mut rng, 3).await;
}

/// PostgreSQL text cannot hold U+0000: a form or query holding it is a 400 (nothing written); a message sent over
/// the WebSocket loses its control characters (see the messaging tests for the socket itself).
#[actix_web::test]
async fn nul_characters_are_refused_before_the_database() {
    use crate::support::accounts::PASSWORD;
    let mut app = TestApp::with_providers(0).await;
    let users = |app: &TestApp| -> i64 {
        use diesel::prelude::*;
        app.conn(|c| khadamat::db::schema::users::table.count().get_result(c).unwrap())
    };
    let before = users(&app);
    let res = app
        .post_form(
            "/fr/register",
            &[
                ("role", "CLIENT"),
                ("first_name", "Sal\u{0}ma"),
                ("last_name", "Bennani"),
                ("email", "nul@example.ma"),
                ("phone", "0612345678"),
                ("password", PASSWORD),
                ("password_confirmation", PASSWORD),
                ("terms", "yes"),
            ],
        )
        .await;
    res.assert_status(400);
    assert_eq!(users(&app), before, "nothing written");
    app.sign_in(khadamat::db::seed::DEMO_CLIENT, khadamat::db::seed::DEMO_PASSWORD).await.assert_status(303);
    let slug: String = app.conn(|c| {
        use diesel::prelude::*;
        use khadamat::db::schema::providers;
        providers::table.select(providers::slug).first(c).unwrap()
    });
    let location = app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await.location();
    app.post_form(&location, &[("body", "a\u{0}b")]).await.assert_status(400);
    app.post_form(&format!("/fr/providers/{slug}/book"), &[("description", "Fuite\u{0}")]).await.assert_status(400);
    app.post_form("/fr/account/profile", &[("first_name", "\u{0}")]).await.assert_status(400);
    assert_eq!(khadamat::services::messages::clean("a\u{0}b\u{7}c\n").unwrap(), "abc");
}
