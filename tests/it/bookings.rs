//! Bookings end to end: request, accept, start, complete, cancel; refusals; the overlap rule and the race;
//! expiry and reminders with the application clock moved forward; notifications and emails.

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;
use khadamat::db::schema::{booking_status_history, bookings, notifications};
use khadamat::db::types::BookingStatus;

use crate::provider::services::{approved_provider, service_form};
use crate::support::TestApp;

/// An approved provider (Monday 08:00–18:00) with one 60-minute service; returns (slug, service id).
pub(crate) async fn provider_with_service(app: &mut TestApp) -> (String, i64) {
    let (provider, slug) = approved_provider(app).await;
    let category: i64 = app.conn(|c| {
        use khadamat::db::schema::categories;
        categories::table.filter(categories::slug.eq("plomberie")).select(categories::id).first(c).unwrap()
    });
    let category = category.to_string();
    app.post_form("/fr/provider/services", &service_form(&category)).await.assert_status(303);
    let service: i64 = app.conn(|c| {
        use khadamat::db::schema::services;
        services::table.filter(services::provider_id.eq(provider)).select(services::id).first(c).unwrap()
    });
    (slug, service)
}

/// A Monday at least three days after the application's today (local time).
pub(crate) fn next_monday(app: &TestApp) -> NaiveDate {
    next_monday_from(app.state.clock.now())
}

/// A Monday at least three days after a moment's local day.
pub(crate) fn next_monday_from(now: chrono::NaiveDateTime) -> NaiveDate {
    let today = khadamat::domain::schedule::to_local(now).date();
    let mut day = today + Duration::days(3);
    while day.weekday() != chrono::Weekday::Mon {
        day += Duration::days(1);
    }
    day
}

pub(crate) fn booking_form<'a>(
    service: &'a str,
    date: &'a str,
    time: &'a str,
    key: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("service", service),
        ("date", date),
        ("time", time),
        ("address", "12 rue des Oliviers, Maârif"),
        ("city", "casablanca"),
        ("description", "Fuite sous l'évier de la cuisine, l'eau coule en continu."),
        ("key", key),
    ]
}

fn status_of(app: &TestApp, id: i64) -> BookingStatus {
    app.conn(|c| bookings::table.find(id).select(bookings::status).first(c).unwrap())
}

pub(crate) fn last_booking(app: &TestApp) -> i64 {
    app.conn(|c| bookings::table.order(bookings::id.desc()).select(bookings::id).first(c).unwrap())
}

/// Layla, a client who signed up in Arabic, signed in in this browser.
async fn arabic_client(app: &mut TestApp) {
    app.register("ar", "layla@example.ma", "CLIENT").await.assert_status(303);
    let link = app.link_in_last_email("layla@example.ma", "/verify-email/");
    app.get(&link).await.assert_status(200);
    app.sign_in("layla@example.ma", crate::support::accounts::PASSWORD).await.assert_status(303);
}

/// A client in a new browser; returns the provider's browser to switch back to.
pub(crate) async fn client_browser(app: &mut TestApp, email: &str) -> std::collections::BTreeMap<String, String> {
    let provider = app.switch_browser(Default::default());
    app.signed_in(email, "CLIENT").await;
    provider
}

#[actix_web::test]
async fn the_whole_life_cycle_with_notifications_and_emails() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_cookies = client_browser(&mut app, "amina@example.ma").await;
    let date = next_monday(&app).format("%Y-%m-%d").to_string();
    let service = service.to_string();

    // The form lists the free times of the chosen day (plain GET, as without JavaScript).
    let doc =
        app.get(&format!("/fr/providers/{slug}/book?service={service}&date={date}")).await.assert_status(200).doc();
    let slots = doc.attrs("input[name=time]", "value");
    assert_eq!(slots.first().map(String::as_str), Some("08:00"));
    assert_eq!(slots.last().map(String::as_str), Some("17:00"), "60 minutes must fit before 18:00");
    let key = doc.attr("input[name=key]", "value");

    let res = app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service, &date, "10:00", &key)).await;
    res.assert_status(303);
    let id = last_booking(&app);
    // The same form again (double click): still one booking.
    app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service, &date, "10:00", &key))
        .await
        .assert_status(303);
    assert_eq!(last_booking(&app), id, "one booking");
    assert_eq!(status_of(&app, id), BookingStatus::Pending);
    assert!(app.emails_to("karim@example.ma").last().unwrap().email.subject.contains("Nouvelle demande"));
    let page = app.get(&format!("/fr/account/bookings/{id}")).await.assert_status(200).doc();
    assert!(page.text("#booking-status").contains("En attente"));
    assert_eq!(app.get("/fr/account/bookings").await.doc().count(".booking-row"), 1);

    // The provider sees it first in Missions, with a badge, and accepts.
    let client_cookies = app.switch_browser(provider_cookies);
    let missions = app.get("/fr/provider/bookings").await.assert_status(200).doc();
    assert_eq!(missions.count("section[aria-labelledby=missions-pending] .booking-row"), 1);
    assert_eq!(missions.text("#bell-count").split_whitespace().next(), Some("2"), "approval and request");
    app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await.assert_status(303);
    assert_eq!(status_of(&app, id), BookingStatus::Confirmed);
    // A replayed form is refused with a message, nothing changes.
    let again = app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await;
    again.assert_status(409);
    assert!(again.doc().text("#booking-error").contains("changé entre-temps"));
    assert!(app.emails_to("amina@example.ma").last().unwrap().email.subject.contains("confirmée"));
    let response: Option<i32> = app.conn(|c| {
        use khadamat::db::schema::providers;
        providers::table.filter(providers::slug.eq(&slug)).select(providers::response_time_minutes).first(c).unwrap()
    });
    assert_eq!(response, Some(1), "answered within a minute: the provider page says so");
    // Too early to start.
    app.post_form(&format!("/fr/provider/bookings/{id}/start"), &[]).await.assert_status(409);
    // The week's agenda shows the job.
    let week = app.get(&format!("/fr/provider/bookings?week={date}")).await.doc();
    assert_eq!(week.count(".agenda-day li a"), 1);

    // On the day: start, then complete with the amount paid.
    let start: chrono::NaiveDateTime =
        app.conn(|c| bookings::table.find(id).select(bookings::scheduled_start).first(c).unwrap());
    let shift = start - app.state.clock.now() - Duration::minutes(20);
    app.state.clock.advance(shift);
    app.post_form(&format!("/fr/provider/bookings/{id}/start"), &[]).await.assert_status(303);
    app.post_form(&format!("/fr/provider/bookings/{id}/complete"), &[("amount", "abc")]).await.assert_status(422);
    app.post_form(&format!("/fr/provider/bookings/{id}/complete"), &[("amount", "250")]).await.assert_status(303);
    assert_eq!(status_of(&app, id), BookingStatus::Completed);
    let paid: Option<i64> =
        app.conn(|c| bookings::table.find(id).select(bookings::final_price_cents).first(c).unwrap());
    assert_eq!(paid, Some(25_000));
    let history: i64 = app.conn(|c| {
        booking_status_history::table.filter(booking_status_history::booking_id.eq(id)).count().get_result(c).unwrap()
    });
    assert_eq!(history, 4, "requested, confirmed, started, completed");
    assert_eq!(app.audit_count("booking.completed"), 1);

    // The client's notification centre: one per event, newest first; mark all read clears the badge.
    app.switch_browser(client_cookies);
    let centre = app.get("/fr/account/notifications").await.assert_status(200).doc();
    assert_eq!(centre.count(".notification"), 3, "confirmed, started, completed");
    assert!(centre.texts(".notification a").iter().all(|t| !t.contains('{')));
    // One read, one deleted, then all read.
    let mine: Vec<i64> = app.conn(|c| {
        notifications::table
            .filter(notifications::user_id.eq(app.user_id("amina@example.ma")))
            .order(notifications::id.asc())
            .select(notifications::id)
            .load(c)
            .unwrap()
    });
    app.post_form(&format!("/fr/account/notifications/{}/read", mine[0]), &[]).await.assert_status(303);
    let after = app.get("/fr/account/notifications").await.doc();
    assert_eq!(after.count(".notification.unread"), 2);
    app.post_form(&format!("/fr/account/notifications/{}/delete", mine[1]), &[]).await.assert_status(303);
    assert_eq!(app.get("/fr/account/notifications").await.doc().count(".notification"), 2);
    app.post_form("/fr/account/notifications/read-all", &[]).await.assert_status(303);
    assert_eq!(app.get("/fr/account/notifications").await.doc().count("#bell-count[hidden]"), 1);
    let mine: i64 =
        app.conn(|c| notifications::table.select(notifications::id).order(notifications::id.asc()).first(c).unwrap());
    // The booking's events are in the pair's conversation, with the booking beside it.
    let inbox = app.get("/fr/messages").await.doc();
    let conversation = inbox.attr("#inbox a", "href");
    let thread = app.get(&conversation).await.doc();
    assert_eq!(thread.count(".message-system"), 4, "requested, confirmed, started, completed");
    assert!(thread.text(".message-system").contains("Nouvelle demande"));
    assert_eq!(thread.count("section[aria-labelledby=related-bookings] a"), 1);
    // Someone else's notification is not found.
    app.post_form(&format!("/fr/account/notifications/{mine}/delete"), &[]).await.assert_status(404);
}

#[actix_web::test]
async fn bad_input_and_actions_out_of_turn_are_refused() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_cookies = client_browser(&mut app, "amina@example.ma").await;
    let service = service.to_string();
    let monday = next_monday(&app).format("%Y-%m-%d").to_string();
    let yesterday = (app.state.clock.now().date() - Duration::days(1)).format("%Y-%m-%d").to_string();
    let path = format!("/fr/providers/{slug}/book");
    let before: i64 = app.conn(|c| bookings::table.count().get_result(c).unwrap());
    for (date, time, field) in [
        ("2025-13-45", "10:00", "#f-date"),
        (monday.as_str(), "25:99", "#f-time"),
        (yesterday.as_str(), "10:00", "#f-date"),
        (monday.as_str(), "07:00", "#f-date"),
        (monday.as_str(), "10:15", "#f-date"),
    ] {
        let res = app.post_form(&path, &booking_form(&service, date, time, "k1")).await;
        res.assert_status(422);
        assert!(res.doc().count(&format!(".alert-error a[href='{field}']")) == 1, "{date} {time}");
    }
    let mut missing_address = booking_form(&service, &monday, "10:00", "k2");
    missing_address[3].1 = "";
    app.post_form(&path, &missing_address).await.assert_status(422);
    // Malformed dates in the address bar are ignored, not errors.
    app.get(&format!("{path}?date=2025-13-45&service=abc")).await.assert_status(200);
    assert_eq!(app.conn(|c| bookings::table.count().get_result::<i64>(c).unwrap()), before, "nothing stored");

    app.post_form(&path, &booking_form(&service, &monday, "10:00", "k3")).await.assert_status(303);
    let id = last_booking(&app);
    // A client cannot accept; GET on an action is not a route; another user's booking is not found.
    app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await.assert_status(403);
    app.get(&format!("/fr/account/bookings/{id}/cancel")).await.assert_status(404);
    app.switch_browser(Default::default());
    app.signed_in("other@example.ma", "CLIENT").await;
    app.get(&format!("/fr/account/bookings/{id}")).await.assert_status(404);
    app.post_form(&format!("/fr/account/bookings/{id}/cancel"), &[]).await.assert_status(404);
    // An unverified email cannot book.
    app.switch_browser(Default::default());
    app.register("fr", "fresh@example.ma", "CLIENT").await.assert_status(303);
    app.sign_in("fresh@example.ma", crate::support::accounts::PASSWORD).await;
    let unverified = app.post_form(&path, &booking_form(&service, &monday, "12:00", "k5")).await;
    unverified.assert_status(422);
    assert!(unverified.doc().text("#f-form").contains("Confirmez votre adresse"));
    // The provider cannot book themselves, and must give a reason to decline.
    app.switch_browser(provider_cookies);
    let own = app.post_form(&path, &booking_form(&service, &monday, "11:00", "k4")).await;
    own.assert_status(422);
    app.post_form(&format!("/fr/provider/bookings/{id}/reject"), &[("reason", "")]).await.assert_status(422);
    app.post_form(&format!("/fr/provider/bookings/{id}/reject"), &[("reason", "Pas disponible ce jour-là")])
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, id), BookingStatus::Rejected);
}

#[actix_web::test]
async fn accepting_rejects_overlapping_requests_and_one_acceptance_wins_a_race() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_cookies = client_browser(&mut app, "amina@example.ma").await;
    let service = service.to_string();
    let monday = next_monday(&app).format("%Y-%m-%d").to_string();
    let path = format!("/fr/providers/{slug}/book");
    app.post_form(&path, &booking_form(&service, &monday, "10:00", "a1")).await.assert_status(303);
    let first = last_booking(&app);
    app.post_form(&path, &booking_form(&service, &monday, "10:30", "a2")).await.assert_status(303);
    let overlapping = last_booking(&app);
    app.post_form(&path, &booking_form(&service, &monday, "14:00", "a3")).await.assert_status(303);
    let apart = last_booking(&app);

    app.switch_browser(provider_cookies.clone());
    app.post_form(&format!("/fr/provider/bookings/{first}/accept"), &[]).await.assert_status(303);
    assert_eq!(status_of(&app, overlapping), BookingStatus::Rejected);
    assert_eq!(status_of(&app, apart), BookingStatus::Pending);
    let reason: Option<String> =
        app.conn(|c| bookings::table.find(overlapping).select(bookings::status_reason).first(c).unwrap());
    assert_eq!(reason.as_deref(), Some(khadamat::services::bookings::SLOT_TAKEN));
    // The taken time is no longer offered.
    let doc = app.get(&format!("{path}?service={service}&date={monday}")).await.doc();
    assert!(!doc.attrs("input[name=time]", "value").contains(&"10:00".to_string()));

    // The race: requests for the same time, all accepted at once from separate connections.
    app.switch_browser(Default::default());
    let mut ids = Vec::new();
    for n in 0..6 {
        app.switch_browser(Default::default());
        app.signed_in(&format!("racer{n}@example.ma"), "CLIENT").await;
        app.post_form(&path, &booking_form(&service, &monday, "16:00", &format!("r{n}"))).await.assert_status(303);
        ids.push(last_booking(&app));
    }
    let provider_user = app.user_id("karim@example.ma");
    let state = app.state.clone();
    let outcomes: Vec<bool> = std::thread::scope(|scope| {
        let handles: Vec<_> = ids
            .iter()
            .map(|id| {
                let state = state.clone();
                scope.spawn(move || {
                    let mut conn = state.db.get().unwrap();
                    let user = khadamat::db::models::user::find(&mut conn, provider_user).unwrap().unwrap();
                    let ctx = khadamat::services::emails::Context { base_url: "http://test" };
                    khadamat::services::bookings::act(
                        &mut conn,
                        &ctx,
                        &user,
                        *id,
                        khadamat::domain::booking::Party::Provider,
                        khadamat::domain::booking::Action::Accept,
                        &Default::default(),
                        state.clock.now(),
                        &Default::default(),
                    )
                    .unwrap()
                    .is_ok()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(outcomes.iter().filter(|ok| **ok).count(), 1, "exactly one acceptance wins: {outcomes:?}");
    let confirmed: i64 = app.conn(|c| {
        bookings::table
            .filter(bookings::id.eq_any(&ids))
            .filter(bookings::status.eq(BookingStatus::Confirmed))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(confirmed, 1);
    let _ = provider_cookies;
}

#[actix_web::test]
async fn requests_expire_and_reminders_go_out_once() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_cookies = client_browser(&mut app, "amina@example.ma").await;
    let service = service.to_string();
    let monday = next_monday(&app).format("%Y-%m-%d").to_string();
    let path = format!("/fr/providers/{slug}/book");
    app.post_form(&path, &booking_form(&service, &monday, "10:00", "e1")).await.assert_status(303);
    let expiring = last_booking(&app);
    app.post_form(&path, &booking_form(&service, &monday, "14:00", "e2")).await.assert_status(303);
    let accepted = last_booking(&app);
    app.switch_browser(provider_cookies);
    app.post_form(&format!("/fr/provider/bookings/{accepted}/accept"), &[]).await.assert_status(303);
    let reminders = |app: &TestApp, to: &str, marker: &str| {
        app.emails_to(to).iter().filter(|e| e.email.subject.contains(marker)).count()
    };

    // 23 hours later: the provider is reminded, once, however often the jobs run.
    app.state.clock.advance(Duration::hours(23));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(reminders(&app, "karim@example.ma", "Demande à traiter"), 1);
    assert_eq!(status_of(&app, expiring), BookingStatus::Pending);

    // Past 24 hours: expired, both told; the slot is free again.
    app.state.clock.advance(Duration::hours(2));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(status_of(&app, expiring), BookingStatus::Expired);
    assert_eq!(reminders(&app, "amina@example.ma", "Demande expirée"), 1);
    assert_eq!(reminders(&app, "karim@example.ma", "Demande expirée"), 1);
    let audited: i64 = app.conn(|c| {
        use khadamat::db::schema::audit_logs as a;
        a::table
            .filter(a::action.eq("booking.expired"))
            .filter(a::target_id.eq(expiring))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(audited, 1);

    // The day before the confirmed job: both parties reminded, once.
    let start: chrono::NaiveDateTime =
        app.conn(|c| bookings::table.find(accepted).select(bookings::scheduled_start).first(c).unwrap());
    let shift = start - app.state.clock.now() - Duration::hours(23);
    app.state.clock.advance(shift);
    khadamat::jobs::run_once(&app.state).await.unwrap();
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(reminders(&app, "amina@example.ma", "Rappel"), 1);
    assert_eq!(reminders(&app, "karim@example.ma", "Rappel"), 1);
}

#[actix_web::test]
async fn an_admin_cancels_with_a_reason_and_arabic_speakers_are_told_in_arabic() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_cookies = app.switch_browser(Default::default());
    arabic_client(&mut app).await;
    let service = service.to_string();
    let monday = next_monday(&app).format("%Y-%m-%d").to_string();
    app.post_form(&format!("/ar/providers/{slug}/book"), &booking_form(&service, &monday, "09:00", "ar1"))
        .await
        .assert_status(303);
    let id = last_booking(&app);
    let ar_page = app.get(&format!("/ar/account/bookings/{id}")).await.assert_status(200).doc();
    assert!(ar_page.text("#booking-status").contains("في الانتظار"));
    let layla_cookies = app.cookies.clone();

    app.switch_browser(provider_cookies);
    app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await.assert_status(303);
    let confirmed = app.emails_to("layla@example.ma").last().unwrap().email.clone();
    assert!(confirmed.subject.contains("تم تأكيد الحجز"), "{}", confirmed.subject);

    let provider_cookies = app.switch_browser(Default::default());
    crate::provider::admin_signed_in(&mut app).await;
    app.get(&format!("/fr/admin/bookings/{id}")).await.assert_status(200);
    app.post_form(&format!("/fr/admin/bookings/{id}/cancel"), &[("reason", "")]).await.assert_status(422);
    app.post_form(&format!("/fr/admin/bookings/{id}/cancel"), &[("reason", "Signalement de fraude vérifié")])
        .await
        .assert_status(303);
    assert_eq!(status_of(&app, id), BookingStatus::Cancelled);
    let role: Option<khadamat::db::types::UserRole> =
        app.conn(|c| bookings::table.find(id).select(bookings::cancelled_by_role).first(c).unwrap());
    assert_eq!(role, Some(khadamat::db::types::UserRole::Admin));
    // Everyone reads who cancelled, and why: page, timeline, lists, emails.
    let layla = app.emails_to("layla@example.ma").last().unwrap().email.clone();
    assert!(layla.subject.contains("ألغت Khadamat الحجز"), "{}", layla.subject);
    assert!(layla.text.contains("Signalement de fraude vérifié"), "{}", layla.text);
    let karim = app.emails_to("karim@example.ma").last().unwrap().email.clone();
    assert!(karim.subject.contains("Réservation annulée par Khadamat"), "{}", karim.subject);
    let admin_page = app.get(&format!("/fr/admin/bookings/{id}")).await.doc();
    assert_eq!(admin_page.text("#booking-status"), "Annulée par Khadamat");
    assert!(admin_page.texts(".timeline li").last().unwrap().contains("Annulée par Khadamat"));
    assert!(app.get("/fr/admin/bookings").await.doc().text("#bookings-results").contains("Annulée par Khadamat"));
    let admin = app.switch_browser(layla_cookies);
    let page = app.get(&format!("/ar/account/bookings/{id}")).await.doc();
    assert_eq!(page.text("#booking-status"), "ألغته Khadamat");
    assert!(page.text(".details").contains("Signalement de fraude vérifié"));
    let list = app.get("/ar/account/bookings").await.doc();
    assert!(list.texts(".booking-row .status").contains(&"ألغته Khadamat".to_string()), "{:?}", list.texts(".status"));
    app.switch_browser(provider_cookies);
    let missions = app.get("/fr/provider/bookings").await.doc();
    assert!(missions.texts(".booking-row .status").contains(&"Annulée par Khadamat".to_string()));
    app.switch_browser(admin);
    // Not for anyone else.
    app.switch_browser(Default::default());
    app.signed_in("nosy@example.ma", "CLIENT").await;
    app.get(&format!("/fr/admin/bookings/{id}")).await.assert_status(403);
}

#[actix_web::test]
async fn cancellations_free_late_and_by_the_provider_and_email_preferences() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_cookies = client_browser(&mut app, "amina@example.ma").await;
    // The client wants booking news in the app only.
    app.post_form("/fr/account/notifications/settings", &[("email", "ACCOUNT")]).await.assert_status(303);
    let service = service.to_string();
    let monday = next_monday(&app).format("%Y-%m-%d").to_string();
    let path = format!("/fr/providers/{slug}/book");
    let mut ids = Vec::new();
    for (time, key) in [("08:00", "c1"), ("10:00", "c2"), ("12:00", "c3")] {
        app.post_form(&path, &booking_form(&service, &monday, time, key)).await.assert_status(303);
        ids.push(last_booking(&app));
    }
    let client_cookies = app.switch_browser(provider_cookies);
    for id in &ids {
        app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await.assert_status(303);
    }
    assert!(app.emails_to("amina@example.ma").iter().all(|e| !e.email.subject.contains("confirmée")), "no email");
    let in_app: i64 = app.conn(|c| {
        notifications::table
            .filter(notifications::user_id.eq(app.user_id("amina@example.ma")))
            .filter(notifications::kind.eq(khadamat::db::types::NotificationKind::BookingConfirmed))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(in_app, 3, "but in the app");

    // The provider must give a reason to cancel; the client is told.
    app.post_form(&format!("/fr/provider/bookings/{}/cancel", ids[2]), &[]).await.assert_status(422);
    app.post_form(&format!("/fr/provider/bookings/{}/cancel", ids[2]), &[("reason", "Camion en panne ce jour-là")])
        .await
        .assert_status(303);
    let role: Option<khadamat::db::types::UserRole> =
        app.conn(|c| bookings::table.find(ids[2]).select(bookings::cancelled_by_role).first(c).unwrap());
    assert_eq!(role, Some(khadamat::db::types::UserRole::Provider));
    let page = app.get(&format!("/en/provider/bookings/{}", ids[2])).await.doc();
    assert_eq!(page.text("#booking-status"), "Cancelled by the provider");

    // The client cancels one for free (days ahead), and one late (within 24 hours), the rule shown first.
    let provider_cookies = app.switch_browser(client_cookies);
    let page = app.get(&format!("/fr/account/bookings/{}", ids[0])).await.doc();
    assert!(page.text(".booking-actions").contains("gratuite"));
    app.post_form(&format!("/fr/account/bookings/{}/cancel", ids[0]), &[]).await.assert_status(303);
    let start: chrono::NaiveDateTime =
        app.conn(|c| bookings::table.find(ids[1]).select(bookings::scheduled_start).first(c).unwrap());
    let shift = start - app.state.clock.now() - Duration::hours(5);
    app.state.clock.advance(shift);
    let page = app.get(&format!("/fr/account/bookings/{}", ids[1])).await.doc();
    assert!(page.text(".booking-actions").contains("tardive"));
    app.post_form(&format!("/fr/account/bookings/{}/cancel", ids[1]), &[]).await.assert_status(303);
    let late: Vec<bool> = app.conn(|c| {
        bookings::table
            .filter(bookings::id.eq_any(&ids[..2]))
            .order(bookings::id.asc())
            .select(bookings::is_late_cancellation)
            .load(c)
            .unwrap()
    });
    assert_eq!(late, vec![false, true]);
    let page = app.get(&format!("/fr/account/bookings/{}", ids[1])).await.doc();
    assert_eq!(page.text("#booking-status"), "Annulée par le client · annulation tardive");
    let page = app.get(&format!("/fr/account/bookings/{}", ids[2])).await.doc();
    assert_eq!(page.text("#booking-status"), "Annulée par le prestataire");
    assert!(page.text(".details").contains("Camion en panne ce jour-là"));
    let centre = app.get("/fr/account/notifications").await.doc();
    assert!(centre.html_of("main").contains("Le prestataire a annulé la réservation"), "in-app, who cancelled");
    let client_cookies = app.switch_browser(provider_cookies);
    let missions = app.get("/fr/provider/bookings").await.doc();
    let statuses = missions.texts(".booking-row .status");
    assert!(statuses.contains(&"Annulée par le client · annulation tardive".to_string()), "{statuses:?}");
    assert!(statuses.contains(&"Annulée par le prestataire".to_string()), "{statuses:?}");
    let told = app.emails_to("karim@example.ma").last().unwrap().email.subject.clone();
    assert!(told.contains("Réservation annulée par le client"), "{told}");
    app.switch_browser(client_cookies);
    // Cancelling again is refused: the booking moved on.
    app.post_form(&format!("/fr/account/bookings/{}/cancel", ids[1]), &[]).await.assert_status(409);
}

#[actix_web::test]
async fn two_job_runners_at_once_send_each_reminder_once() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    client_browser(&mut app, "amina@example.ma").await;
    let service = service.to_string();
    let monday = next_monday(&app).format("%Y-%m-%d").to_string();
    for (time, key) in [("08:00", "j1"), ("10:00", "j2"), ("12:00", "j3")] {
        app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service, &monday, time, key))
            .await
            .assert_status(303);
    }
    app.state.clock.advance(Duration::hours(23));
    let state = app.state.clone();
    std::thread::scope(|scope| {
        let runners: Vec<_> = (0..2)
            .map(|_| {
                let state = state.clone();
                scope.spawn(move || {
                    let mut conn = state.db.get().unwrap();
                    let ctx = khadamat::services::emails::Context { base_url: "http://test" };
                    khadamat::services::bookings::run_due(&mut conn, &ctx, state.clock.now()).unwrap()
                })
            })
            .collect();
        for r in runners {
            r.join().unwrap();
        }
    });
    let karim = app.user_id("karim@example.ma");
    let reminders: i64 = app.conn(|c| {
        notifications::table
            .filter(notifications::user_id.eq(karim))
            .filter(notifications::kind.eq(khadamat::db::types::NotificationKind::BookingReminder))
            .count()
            .get_result(c)
            .unwrap()
    });
    assert_eq!(reminders, 3, "one reminder per request, whichever runner sent it");
}

#[actix_web::test]
async fn a_booking_is_named_in_the_readers_language() {
    // Layla books in Arabic; Karim reads in French; each sees the service under its name in their language
    // (lists, booking page, conversation, notifications, emails), and a renamed service shows its new name.
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    let provider_cookies = app.switch_browser(Default::default());
    arabic_client(&mut app).await;
    let monday = next_monday(&app).format("%Y-%m-%d").to_string();
    let service_id = service.to_string();
    app.post_form(&format!("/ar/providers/{slug}/book"), &booking_form(&service_id, &monday, "09:00", "n1"))
        .await
        .assert_status(303);
    let id = last_booking(&app);
    let stored: String = app.conn(|c| bookings::table.find(id).select(bookings::title).first(c).unwrap());
    assert_eq!(stored, "إصلاح التسرب", "the snapshot is in the client's language");
    let page = app.get(&format!("/ar/account/bookings/{id}")).await.doc();
    assert!(page.text(".details").contains("إصلاح التسرب"));
    let layla_cookies = app.switch_browser(provider_cookies);

    let french = "Réparation de fuite";
    let missions = app.get("/fr/provider/bookings").await.doc();
    assert!(
        missions.texts(".booking-row strong").contains(&french.to_string()),
        "{:?}",
        missions.texts(".booking-row")
    );
    let page = app.get(&format!("/fr/provider/bookings/{id}")).await.doc();
    assert!(page.text(".details").contains(french));
    let email = app.emails_to("karim@example.ma").last().unwrap().email.clone();
    assert!(email.subject.contains(french) || email.text.contains(french), "{}", email.text);
    app.post_form(&format!("/fr/provider/bookings/{id}/accept"), &[]).await.assert_status(303);
    let conversation: i64 = app.conn(|c| {
        use khadamat::db::schema::conversations;
        conversations::table.select(conversations::id).first(c).unwrap()
    });
    let thread = app.get(&format!("/fr/messages/{conversation}")).await.doc();
    assert!(thread.html_of("main").contains(french), "the conversation's booking list and events");
    assert!(!thread.html_of("main").contains("إصلاح التسرب"));

    // Renamed: everyone sees the new name; the stored title stays as booked.
    let plumbing = crate::provider::services::plumbing_id(&app).to_string();
    let mut form = crate::provider::services::service_form(&plumbing);
    form[0] = ("name_fr", "Recherche de fuite");
    form[1] = ("name_ar", "البحث عن التسرب");
    app.post_form(&format!("/fr/provider/services/{service}"), &form).await.assert_status(303);
    app.switch_browser(layla_cookies);
    let list = app.get("/ar/account/bookings").await.doc();
    assert!(list.texts(".booking-row strong").contains(&"البحث عن التسرب".to_string()));
    let confirmed = app.emails_to("layla@example.ma").last().unwrap().email.clone();
    assert!(confirmed.text.contains("إصلاح التسرب"), "emails say the name when sent: {}", confirmed.text);
    let thread = app.get(&format!("/ar/messages/{conversation}")).await.doc();
    assert!(thread.html_of("main").contains("البحث عن التسرب"));
    let en = app.get(&format!("/en/account/bookings/{id}")).await.doc();
    assert!(en.text(".details").contains("Recherche de fuite"), "English falls back to French");
}

/// Without JavaScript, "show the free times" posts the form: the date's times appear, what was typed stays,
/// nothing is booked, and the form's token never lands in an address.
#[actix_web::test]
async fn showing_free_times_without_javascript_books_nothing() {
    let mut app = TestApp::new().await;
    let (slug, service) = provider_with_service(&mut app).await;
    app.switch_browser(Default::default());
    app.signed_in("client@example.ma", "CLIENT").await;
    let page = app.get(&format!("/fr/providers/{slug}/book")).await.assert_status(200).doc();
    assert_eq!(page.count("button[name=show_times]:not([formmethod])"), 1, "posted with the form, not a GET");
    // Valid HTML: a required select starts with an empty choice; a one-line address is address-line1.
    assert_eq!(page.attr("#f-service option:first-child", "value"), "");
    assert_eq!(page.attr("#f-city option:first-child", "value"), "");
    assert_eq!(page.count("#f-service option[selected]"), 1, "the first service is chosen");
    assert_eq!(page.attr("#f-address", "autocomplete"), "address-line1");
    let (service, date) = (service.to_string(), next_monday(&app).to_string());
    let mut fields = booking_form(&service, &date, "", "k-times");
    fields.push(("show_times", "1"));
    let count = |app: &TestApp| -> i64 { app.conn(|c| bookings::table.count().get_result(c).unwrap()) };
    let before = count(&app);
    let shown = app.post_form(&format!("/fr/providers/{slug}/book"), &fields).await;
    shown.assert_status(200);
    let doc = shown.doc();
    assert!(doc.count("#slots input[name=time]") > 0, "the free times");
    assert_eq!(doc.attr("#f-address", "value"), "12 rue des Oliviers, Maârif");
    assert_eq!(count(&app), before);
}
