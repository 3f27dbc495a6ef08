//! CSRF, Origin and headers.

use crate::support::TestApp;

const FORM: &str = "name=Salma&email=s%40x.ma&topic=GENERAL&message=Bonjour+%C3%A0+vous+tous";

#[actix_web::test]
async fn post_without_or_with_a_wrong_csrf_token_is_403() {
    let mut app = TestApp::new().await;
    app.get("/fr/contact").await;
    let form = [("content-type", "application/x-www-form-urlencoded")];
    let res = app.post_raw("/fr/contact", &form, FORM).await;
    res.assert_status(403);
    assert!(res.doc().text("h1").contains("Accès refusé"));
    app.post_raw("/fr/contact", &form, &format!("{FORM}&csrf_token=forged")).await.assert_status(403);
    // A fresh browser without the cookie cannot replay someone else's token either.
    let token = app.csrf_token();
    let mut other = TestApp::new().await;
    other.post_raw("/fr/contact", &form, &format!("{FORM}&csrf_token={token}")).await.assert_status(403);
}

#[actix_web::test]
async fn cross_site_origin_is_refused() {
    let mut app = TestApp::new().await;
    app.get("/fr/contact").await;
    let token = app.csrf_token();
    let res = app
        .post_raw(
            "/fr/contact",
            &[("content-type", "application/x-www-form-urlencoded"), ("Origin", "https://evil.example")],
            &format!("{FORM}&csrf_token={token}"),
        )
        .await;
    res.assert_status(403);
    let same = app
        .post_raw(
            "/fr/contact",
            &[("content-type", "application/x-www-form-urlencoded"), ("Origin", "http://localhost:4000")],
            &format!("{FORM}&csrf_token={token}"),
        )
        .await;
    same.assert_status(303);
}

#[actix_web::test]
async fn security_headers_on_pages_and_errors() {
    let mut app = TestApp::new().await;
    for path in ["/fr/", "/fr/nope"] {
        let res = app.get(path).await;
        let csp = res.header("content-security-policy").expect("CSP");
        assert!(
            csp.contains("script-src 'self'")
                && !csp.contains("unsafe-inline")
                && csp.contains("frame-ancestors 'none'")
        );
        assert_eq!(res.header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(res.header("referrer-policy").as_deref(), Some("strict-origin-when-cross-origin"));
        assert!(res.header("strict-transport-security").is_none(), "HSTS only in production");
        assert_eq!(res.header("x-request-id").map(|id| id.len()), Some(36), "a request id (UUID) on {path}");
    }
    // Files carry what concerns them and no page policy: headers are repeated on every file a page loads.
    let css = app.get("/fr/services").await.doc().attr("link[rel=stylesheet]", "href");
    let res = app.get(&css).await;
    res.assert_status(200);
    assert_eq!(res.header("x-content-type-options").as_deref(), Some("nosniff"));
    for page_only in ["content-security-policy", "x-frame-options", "permissions-policy", "x-request-id", "set-cookie"]
    {
        assert!(res.header(page_only).is_none(), "{page_only} on a file");
    }
    // A missing file's answer is a page, with the page's policies.
    let missing = app.get("/static/css/nothing.css").await;
    missing.assert_status(404);
    if missing.header("content-type").is_some_and(|t| t.starts_with("text/html")) {
        assert!(missing.header("content-security-policy").is_some());
    }
}

#[actix_web::test]
async fn csrf_cookie_is_http_only_and_lax() {
    let mut app = TestApp::new().await;
    let res = app.get("/fr/").await;
    let cookies: Vec<String> =
        res.headers.get_all("set-cookie").filter_map(|v| v.to_str().ok()).map(str::to_string).collect();
    let csrf = cookies.iter().find(|c| c.starts_with("csrf=")).expect("csrf cookie");
    assert!(csrf.contains("HttpOnly") && csrf.contains("SameSite=Lax") && csrf.contains("Path=/"));
}

#[actix_web::test]
async fn pages_contain_no_inline_script_or_style() {
    let mut app = TestApp::with_providers(5).await;
    for path in ["/ar/services", "/en/contact", "/fr/legal/terms", "/fr/about", "/fr/nope"] {
        let body = app.get(path).await.body;
        assert!(
            !body.contains("<script>")
                && !body.contains(" style=")
                && !body.contains("<style")
                && !body.contains(" onclick="),
            "{path}"
        );
    }
    // The home page inlines one stylesheet, which the policy allows by its hash and nothing else.
    let res = app.get("/fr/").await;
    let csp = res.header("content-security-policy").expect("CSP");
    let body = &res.body;
    assert!(!body.contains("<script>") && !body.contains(" style=") && body.matches("<style").count() == 1);
    let style = body.split_once("<style>").and_then(|(_, rest)| rest.split_once("</style>")).expect("a stylesheet").0;
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style.as_bytes()));
    assert!(csp.contains(&format!("style-src 'self' 'sha256-{hash}';")), "{csp}");
    assert!(!body.contains("rel=\"stylesheet\""), "no stylesheet to wait for");
}

#[actix_web::test]
async fn cross_site_referer_is_refused_when_origin_is_absent() {
    let mut app = TestApp::new().await;
    app.get("/fr/contact").await;
    let token = app.csrf_token();
    let form = format!("{FORM}&csrf_token={token}");
    let headers = [("content-type", "application/x-www-form-urlencoded"), ("Referer", "https://evil.example/page")];
    app.post_raw("/fr/contact", &headers, &form).await.assert_status(403);
    let headers =
        [("content-type", "application/x-www-form-urlencoded"), ("Referer", "http://localhost:4000/fr/contact")];
    app.post_raw("/fr/contact", &headers, &form).await.assert_status(303);
}

/// Behind a reverse proxy every visitor arrives from the proxy's address; `IP_HEADER` names the header that
/// holds the real one, and every per-address limit keys on it.
#[actix_web::test]
async fn limits_key_on_the_visitors_address_behind_a_proxy() {
    use crate::support::accounts::PASSWORD;
    let mut app = TestApp::configured(0, |c| c.ip_header = Some("x-real-ip".try_into().unwrap())).await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    app.switch_browser(Default::default());
    let from = |ip: &'static str| [("X-Real-IP", ip)];
    // Fifty failed sign-ins from one address lock that address, not the person with the right password elsewhere.
    for _ in 0..khadamat::services::throttle::IP_LOCK_AFTER {
        let email = format!("nobody{}@example.ma", rand::random::<u32>());
        app.post_form_with("/fr/login", &[("email", &email), ("password", "wrong wrong wrong")], &from("203.0.113.7"))
            .await;
    }
    let res = app
        .post_form_with("/fr/login", &[("email", "salma@example.ma"), ("password", PASSWORD)], &from("203.0.113.7"))
        .await;
    res.assert_status(429);
    let res = app
        .post_form_with("/fr/login", &[("email", "salma@example.ma"), ("password", PASSWORD)], &from("198.51.100.4"))
        .await;
    res.assert_status(303);
    // The audit and the sessions record the visitor's address, not the proxy's.
    let ip: Option<String> = app.conn(|c| {
        use diesel::prelude::*;
        use khadamat::db::schema::sessions;
        sessions::table.order(sessions::id.desc()).select(sessions::ip_address).first(c).unwrap()
    });
    assert_eq!(ip.as_deref(), Some("198.51.100.4"));
    // Reset requests: five per address and hour.
    app.switch_browser(Default::default());
    for i in 0..5 {
        let email = format!("r{i}@example.ma");
        app.post_form_with("/fr/password/forgot", &[("email", &email)], &from("203.0.113.9")).await.assert_status(303);
    }
    let email = [("email", "r6@example.ma")];
    app.post_form_with("/fr/password/forgot", &email, &from("203.0.113.9")).await.assert_status(429);
    app.post_form_with("/fr/password/forgot", &email, &from("198.51.100.9")).await.assert_status(303);
}

/// Without `IP_HEADER`, headers a visitor can write do not change their address: forging `X-Forwarded-For`
/// does not get past the contact form's limit.
#[actix_web::test]
async fn a_forged_forwarded_header_does_not_change_the_address() {
    let mut app = TestApp::new().await;
    let form = [
        ("name", "Salma"),
        ("email", "salma@example.ma"),
        ("topic", "GENERAL"),
        ("message", "Bonjour, une question sur vos services."),
    ];
    for i in 0..5 {
        let forged = format!("10.0.0.{i}");
        app.post_form_with(
            "/fr/contact",
            &form,
            &[("X-Forwarded-For", &forged), ("Forwarded", &format!("for={forged}"))],
        )
        .await
        .assert_status(303);
    }
    let res = app.post_form_with("/fr/contact", &form, &[("X-Forwarded-For", "10.0.0.99")]).await;
    res.assert_status(429);
}
