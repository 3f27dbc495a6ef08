//! The installable app: the service worker registers and takes control, the offline page appears in the page's
//! language when the server is gone, a new asset version replaces the old cache, signed-in pages are never
//! served from a cache, and Chromium's installability checks (those Lighthouse reports) find nothing missing.

use serde_json::json;

use super::{Server, browser, sign_in};

/// Waits until the page is controlled by the service worker.
fn controlled(b: &super::webdriver::Browser) {
    b.wait_until("the service worker in control", |b| {
        b.script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);") == json!(true)
    });
}

/// The Cache Storage names, read asynchronously into a page variable and polled.
fn cache_names(b: &super::webdriver::Browser) -> Vec<String> {
    b.script("window.cacheNames = null; caches.keys().then(k => { window.cacheNames = k; });");
    b.wait_until("the cache names", |b| b.script("return window.cacheNames !== null;") == json!(true));
    serde_json::from_value(b.script("return window.cacheNames;")).unwrap()
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn the_app_installs_works_offline_and_updates_its_cache() {
    let b = browser(true);
    // The server's own copy of the static files, so that an asset can change between two starts.
    let statics = tempfile::tempdir().unwrap();
    let copy = statics.path().join("static");
    std::process::Command::new("cp")
        .args(["-r", concat!(env!("CARGO_MANIFEST_DIR"), "/static"), copy.to_str().unwrap()])
        .status()
        .unwrap();
    let dir = copy.clone();
    let server = Server::start_with(3, move |c| c.static_dir = dir);

    b.goto(&server.url("/ar/"));
    b.wait_for("#main");
    b.goto(&server.url("/ar/"));
    controlled(&b);
    let first = cache_names(&b);
    assert_eq!(first.len(), 1, "{first:?}");

    // Nothing missing for installation (manifest, icons, service worker).
    let errors = b.cdp("Page.getInstallabilityErrors", json!({}));
    assert_eq!(errors["installabilityErrors"], json!([]), "{errors}");

    // Signed in, then signed out: the account page comes from the server, not a cache.
    sign_in(&b, &server, khadamat::db::seed::DEMO_CLIENT);
    b.goto(&server.url("/fr/account"));
    b.click(".account-signout button");
    b.wait_until("signed out", |b| b.current_url().contains("notice=signed-out"));
    b.goto(&server.url("/fr/account"));
    b.wait_until("the sign-in page", |b| b.current_url().contains("/fr/login"));

    // The server is gone: the offline page, in the page's language.
    server.stop();
    b.goto(&server.url("/ar/providers"));
    b.wait_for(".offline");
    assert_eq!(b.script("return document.documentElement.dir;"), json!("rtl"));
    assert!(b.text(".offline h1").contains("لا يوجد اتصال"), "{}", b.text(".offline h1"));

    // A new stylesheet: a new worker, whose cache replaces the old one.
    let css = copy.join("css/app.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push_str("\n.a-new-version { color: inherit; }\n");
    std::fs::write(&css, text).unwrap();
    let server = server.restart(|_| {});
    b.goto(&server.url("/fr/"));
    b.wait_for("#main");
    b.wait_until("the new cache alone", |b| {
        let names = cache_names(b);
        names.len() == 1 && names != first
    });
    assert_eq!(b.console_errors(), Vec::<String>::new());
}
