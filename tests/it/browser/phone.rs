//! On a 360 px phone, in French and Arabic: the provider's profile form fits the screen, and the time slots of
//! the booking form are chips with the radio inside (with and without JavaScript).

use khadamat::db::seed::{DEMO_CLIENT, DEMO_PASSWORD, DEMO_PROVIDER};

use super::{Browser, Server, browser};

fn sign_in(b: &Browser, server: &Server, email: &str) {
    b.goto(&server.url("/fr/login"));
    b.type_into("#f-email", email);
    b.type_into("#f-password", DEMO_PASSWORD);
    b.click("#login-form button[type=submit]");
    b.wait_until("signed in", |b| !b.current_url().contains("/login"));
}

fn fits(b: &Browser) -> bool {
    b.script("return document.documentElement.scrollWidth <= window.innerWidth") == true
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn the_provider_profile_form_fits_a_phone() {
    let b = browser(true);
    let server = Server::start(0);
    b.resize(360, 800);
    sign_in(&b, &server, DEMO_PROVIDER);
    for lang in ["fr", "ar"] {
        b.goto(&server.url(&format!("/{lang}/provider/profile")));
        b.wait_for("#f-categories");
        assert!(fits(&b), "{lang}: the page is {} px wide", b.script("return document.documentElement.scrollWidth"));
        // The name field is whole on the screen.
        let inside = b.script(
            "const r = document.getElementById('f-display_name').getBoundingClientRect(); \
             return r.left >= 0 && r.right <= window.innerWidth",
        );
        assert_eq!(inside, true, "{lang}");
    }
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn time_slots_are_chips_with_and_without_javascript() {
    let server = Server::start(0);
    let (slug, service) = server.state.db.get().map(|mut c| demo_service(&mut c)).expect("connection");
    let day = super::super::bookings::next_monday_from(server.state.clock.now());
    for javascript in [true, false] {
        let b = browser(javascript);
        b.resize(360, 800);
        sign_in(&b, &server, DEMO_CLIENT);
        for lang in ["fr", "ar"] {
            b.goto(&server.url(&format!("/{lang}/providers/{slug}/book?service={service}&date={day}")));
            b.wait_for(".slot-grid .slot");
            let check = b.script(
                "const chip = document.querySelector('.slot-grid .slot'); \
                 const radio = chip.querySelector('input').getBoundingClientRect(); \
                 const box = chip.getBoundingClientRect(); \
                 return [getComputedStyle(chip).display, radio.left > box.left && radio.right < box.right \
                   && radio.top > box.top && radio.bottom < box.bottom]",
            );
            assert_eq!(check, serde_json::json!(["flex", true]), "{lang}, javascript {javascript}");
            assert!(fits(&b), "{lang}");
        }
    }
}

/// The demo provider's page slug and first active service.
fn demo_service(conn: &mut khadamat::db::DbConn) -> (String, i64) {
    use diesel::prelude::*;
    use khadamat::db::schema::{providers, services, users};
    providers::table
        .inner_join(users::table)
        .inner_join(services::table)
        .filter(users::email.eq(DEMO_PROVIDER))
        .filter(services::is_active.eq(true))
        .select((providers::slug, services::id))
        .first(conn)
        .expect("the demo provider's service")
}
