use khadamat::db::seed::{DEMO_CLIENT, DEMO_PROVIDER};

use super::{Server, browser, sign_in};

/// The demo provider's slug, first service and the first day with free times.
fn bookable_day(server: &Server) -> (String, i64, String) {
    let mut conn = server.state.db.get().unwrap();
    let provider = khadamat::db::models::user::find_by_email(&mut conn, DEMO_PROVIDER).unwrap().unwrap();
    let p = khadamat::db::models::provider::for_user(&mut conn, provider.id).unwrap().unwrap();
    let b = khadamat::services::bookings::bookable(&mut conn, &p.slug).unwrap();
    let service = b.services.first().expect("the demo provider has services").clone();
    let today = khadamat::domain::schedule::to_local(server.state.clock.now()).date();
    let day = (2..30)
        .map(|d| today + chrono::Duration::days(d))
        .find(|d| {
            !khadamat::services::bookings::free_starts(&mut conn, &b, &service, *d, server.state.clock.now())
                .unwrap()
                .is_empty()
        })
        .expect("a free day within a month");
    (p.slug, service.id, day.format("%Y-%m-%d").to_string())
}

fn book_and_accept(javascript: bool) {
    let b = browser(javascript);
    let server = Server::start(3);
    let (slug, service, day) = bookable_day(&server);
    sign_in(&b, &server, DEMO_CLIENT);
    if javascript {
        // From the provider page; the date change refreshes the free times in place.
        b.goto(&server.url(&format!("/fr/providers/{slug}")));
        b.click(".provider-actions a.button-primary");
        b.wait_for("#f-date");
        b.script(&format!(
            "const s = document.getElementById('f-service'); s.value = '{service}';\
             const d = document.getElementById('f-date'); d.value = '{day}';\
             d.dispatchEvent(new Event('change', {{ bubbles: true }}));"
        ));
    } else {
        // What the "show free times" button asks for.
        b.goto(&server.url(&format!("/fr/providers/{slug}/book?service={service}&date={day}")));
    }
    b.wait_for("input[name=time]");
    b.click(".slot input[name=time]");
    b.type_into("#f-address", "12 rue des Oliviers, Maârif");
    b.type_into("#f-description", "Fuite sous l'évier de la cuisine, merci de venir avec un joint.");
    b.click(".booking-form button.button-primary[type=submit]");
    b.wait_until("the booking page", |b| b.current_url().contains("/fr/account/bookings/"));
    assert!(b.text("#booking-status").contains("En attente"));
    let id: i64 = b.current_url().rsplit('/').next().unwrap().split('?').next().unwrap().parse().unwrap();

    // The provider accepts it from the booking page.
    b.goto(&server.url("/fr/account"));
    b.click(".account-signout button");
    b.wait_until("signed out", |b| b.current_url().contains("notice=signed-out"));
    sign_in(&b, &server, DEMO_PROVIDER);
    b.goto(&server.url(&format!("/fr/provider/bookings/{id}")));
    b.click("form[action$='/accept'] button");
    b.wait_until("the confirmation", |b| b.text("#booking-status").contains("Confirmée"));
    if javascript {
        let errors: Vec<String> = b.console_errors();
        assert_eq!(errors, Vec::<String>::new());
    }
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn book_a_job_and_accept_it_with_javascript() {
    book_and_accept(true);
}

#[test]
#[ignore = "needs Chromium: cargo test -- --ignored browser::"]
fn book_a_job_and_accept_it_without_javascript() {
    book_and_accept(false);
}
