//! The pages the other browser tests go through, for each kind of visitor, in French and Arabic: none is wider
//! than a 320 or 360 px phone screen, and each is valid HTML for the Nu checker (vnu.jar from npm's `vnu-jar`, run with Java: `VNU_JAR`, or the copy
//! `.ci/run` installs in `/opt/vnu`).

use std::path::PathBuf;
use std::process::Command;

use diesel::prelude::*;
use khadamat::db::schema::{bookings, users};
use khadamat::db::seed::{DEMO_ADMIN, DEMO_CLIENT, DEMO_PASSWORD, DEMO_PROVIDER};
use khadamat::domain::totp;
use serde_json::json;

use super::{Browser, Server, browser, sign_in};

const WIDTHS: [u32; 2] = [320, 360];

/// What the pages showed: too wide at some width, and their HTML as the server sent it.
#[derive(Default)]
struct Visits {
    too_wide: Vec<String>,
    html: Vec<(String, String)>,
}

impl Visits {
    /// Opens `path` in both languages at each width.
    fn check(&mut self, b: &Browser, server: &Server, name: &str, path: &str) {
        for lang in ["fr", "ar"] {
            for width in WIDTHS {
                b.cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({ "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
                );
                b.goto(&server.url(&format!("/{lang}{path}")));
                let wide = b.script("return document.documentElement.scrollWidth").as_u64().unwrap_or(0);
                if wide > u64::from(width) {
                    // The innermost elements that stick out, to say where to look.
                    let culprits = b.script(&format!(
                        "const out = e => {{ const r = e.getBoundingClientRect(); return r.right > {width} + 1 || r.left < -1; }}; \
                         return [...document.querySelectorAll('body *')].filter(e => out(e) && ![...e.children].some(out)) \
                         .slice(0, 3).map(e => e.outerHTML.slice(0, 160))"
                    ));
                    self.too_wide.push(format!("{name} ({lang}) at {width} px is {wide} px wide: {culprits}"));
                }
            }
            // The page as the server sent it (the DOM after scripts is not what the checker should judge).
            let html = b.script("return fetch(location.href, { credentials: 'same-origin' }).then(r => r.text())");
            self.html.push((format!("{name}-{lang}"), html.as_str().unwrap_or_default().to_string()));
        }
    }
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn main_pages_fit_a_phone_and_are_valid_html() {
    let server = Server::start(3);
    let b = browser(true);
    let mut conn = server.state.db.get().unwrap();
    let client = khadamat::db::models::user::find_by_email(&mut conn, DEMO_CLIENT).unwrap().unwrap();
    let provider_user = khadamat::db::models::user::find_by_email(&mut conn, DEMO_PROVIDER).unwrap().unwrap();
    let slug = khadamat::db::models::provider::for_user(&mut conn, provider_user.id).unwrap().unwrap().slug;
    let booking: i64 = bookings::table
        .filter(bookings::client_id.eq(client.id))
        .select(bookings::id)
        .order(bookings::id.desc())
        .first(&mut conn)
        .expect("the demo client's booking");
    let mut visits = Visits::default();
    b.goto(&server.url("/fr/"));
    // The install offer (from the third visit on) would cover the buttons this test presses.
    b.script("localStorage.setItem('khadamat-install-dismissed', '1'); return true");

    visits.check(&b, &server, "home", "/");
    visits.check(&b, &server, "search", "/providers?category=plomberie");
    visits.check(&b, &server, "provider", &format!("/providers/{slug}"));
    visits.check(&b, &server, "catalogue", "/services");
    visits.check(&b, &server, "login", "/login");
    visits.check(&b, &server, "register", "/register");
    visits.check(&b, &server, "contact", "/contact");
    visits.check(&b, &server, "club-pro", "/club-pro");

    sign_in(&b, &server, DEMO_CLIENT);
    b.goto(&server.url(&format!("/fr/providers/{slug}")));
    b.click(".provider-actions form[action$='/contact'] button");
    b.wait_until("the conversation", |b| b.current_url().contains("/fr/messages/"));
    let conversation = b.current_url().split("/fr").nth(1).unwrap_or_default().to_string();
    b.type_into("#f-body", "Bonjour, êtes-vous disponible samedi matin pour une fuite sous l'évier ?");
    b.click("#send-form button[type=submit]");
    b.wait_until("the message", |b| b.text("#thread").contains("samedi matin"));
    visits.check(&b, &server, "booking-form", &format!("/providers/{slug}/book"));
    visits.check(&b, &server, "booking", &format!("/account/bookings/{booking}"));
    visits.check(&b, &server, "conversation", &conversation);
    visits.check(&b, &server, "my-bookings", "/account/bookings");
    visits.check(&b, &server, "account", "/account");
    visits.check(&b, &server, "inbox", "/messages");

    b.cdp("Network.clearBrowserCookies", json!({}));
    sign_in(&b, &server, DEMO_PROVIDER);
    visits.check(&b, &server, "provider-profile", "/provider/profile");
    visits.check(&b, &server, "statistics", "/provider/statistics");
    visits.check(&b, &server, "missions", "/provider/bookings");
    visits.check(&b, &server, "mission", &format!("/provider/bookings/{booking}"));
    visits.check(&b, &server, "portfolio", "/provider/portfolio");
    visits.check(&b, &server, "my-club-pro", "/provider/club-pro");

    b.cdp("Network.clearBrowserCookies", json!({}));
    let secret = totp::new_secret();
    let admin = users::table.filter(users::email.eq(DEMO_ADMIN)).select(users::id).first::<i64>(&mut conn).unwrap();
    let sealed = totp::encrypt(&secret, &server.state.config.session_secret);
    khadamat::db::models::user::set_two_factor(&mut conn, admin, Some(&sealed), Some("[]"), None, khadamat::db::now())
        .unwrap();
    b.goto(&server.url("/fr/login"));
    b.type_into("#f-email", DEMO_ADMIN);
    b.type_into("#f-password", DEMO_PASSWORD);
    b.click("#login-form button[type=submit]");
    b.wait_for("#f-code");
    b.type_into("#f-code", &totp::code_at(&secret, chrono::Utc::now().timestamp() as u64));
    b.click("form[action$='/login/two-factor'] button[type=submit]");
    b.wait_until("signed in", |b| !b.current_url().contains("/login"));
    visits.check(&b, &server, "admin", "/admin");

    assert!(visits.too_wide.is_empty(), "wider than the screen:\n{}", visits.too_wide.join("\n"));
    let errors = nu_errors(&visits.html);
    assert!(errors.is_empty(), "the Nu checker's errors:\n{}", errors.join("\n"));
}

/// The Nu checker's errors on these pages ("page:line.column: message").
fn nu_errors(pages: &[(String, String)]) -> Vec<String> {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/opt/vnu/node_modules/vnu-jar/build/dist/vnu.jar"));
    assert!(jar.is_file(), "{} missing: npm install --prefix /opt/vnu vnu-jar (or set VNU_JAR)", jar.display());
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = pages
        .iter()
        .map(|(name, html)| {
            assert!(html.starts_with("<!DOCTYPE html>"), "{name} is not a page");
            let path = dir.path().join(format!("{name}.html"));
            std::fs::write(&path, html).unwrap();
            path
        })
        .collect();
    let out = Command::new("java")
        .args(["-Xss4m", "-jar"])
        .arg(&jar)
        .args(["--errors-only", "--format", "gnu"])
        .args(&files)
        .output()
        .expect("java (the Nu checker runs on Java)");
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .chain(String::from_utf8_lossy(&out.stdout).lines())
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.replace(&format!("{}/", dir.path().display()), "").replace("file:", ""))
        .collect()
}

/// The home page inlines only the stylesheet's shell: adding the whole stylesheet must change nothing, for a
/// visitor and for someone signed in (the header holds more), on a phone and on a wide screen.
#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn the_home_page_looks_the_same_with_its_inline_shell() {
    let server = Server::start(3);
    let b = browser(true);
    let css = server.state.assets.url("css/app.css");
    // (The install offer may come up between two snapshots: the browser decides when.)
    let snapshot = "return [...document.querySelectorAll('body *:not(#install-banner, #install-banner *)')].map(e => { const r = e.getBoundingClientRect(); \
        const s = getComputedStyle(e); return [e.tagName, Math.round(r.x), Math.round(r.y), Math.round(r.width), \
        Math.round(r.height), s.display, s.color, s.backgroundColor, s.fontSize].join(' '); })";
    for signed_in in [false, true] {
        if signed_in {
            sign_in(&b, &server, DEMO_CLIENT);
        }
        for lang in ["fr", "ar"] {
            for width in [360, 1280] {
                b.cdp(
                    "Emulation.setDeviceMetricsOverride",
                    json!({ "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
                );
                b.goto(&server.url(&format!("/{lang}/")));
                let shell = b.script(snapshot);
                b.script(&format!(
                    "return new Promise(done => {{ const l = document.createElement('link'); l.rel = 'stylesheet'; \
                     l.href = '{css}'; l.onload = () => done(true); document.head.append(l); }})"
                ));
                let whole = b.script(snapshot);
                let (shell, whole) = (shell.as_array().unwrap(), whole.as_array().unwrap());
                let changed: Vec<_> = shell.iter().zip(whole).filter(|(a, b)| a != b).take(5).collect();
                assert!(changed.is_empty(), "{lang} at {width} px, signed in {signed_in}: {changed:?}");
            }
        }
    }
}
