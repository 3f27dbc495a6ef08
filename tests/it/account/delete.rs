use diesel::prelude::*;
use khadamat::db::schema::{sessions, users};
use khadamat::db::types::UserStatus;

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

#[actix_web::test]
async fn deleting_the_account_anonymises_it_and_ends_sessions() {
    let mut app = TestApp::new().await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    app.get("/fr/account/delete").await.assert_status(200);
    app.post_form("/fr/account/delete", &[("password", "not my password")]).await.assert_status(422);
    let res = app.post_form("/fr/account/delete", &[("password", PASSWORD)]).await;
    res.assert_status(303);
    assert_eq!(res.location(), "/fr/?notice=goodbye");
    let (email, first, phone, status): (String, String, Option<String>, UserStatus) = app.conn(|c| {
        users::table.find(id).select((users::email, users::first_name, users::phone, users::status)).first(c).unwrap()
    });
    assert!(email.ends_with("@deleted.invalid"));
    assert_eq!((first.as_str(), phone, status), ("", None, UserStatus::Deleted));
    assert_eq!(app.conn(|c| sessions::table.filter(sessions::user_id.eq(id)).count().get_result::<i64>(c).unwrap()), 0);
    app.get("/fr/account").await.assert_status(303);
    app.sign_in("salma@example.ma", PASSWORD).await.assert_status(422);
    assert!(app.emails_to("salma@example.ma").last().unwrap().email.subject.contains("supprimé"));
    assert_eq!(app.audit_count("account.deleted"), 1);
    // The address can be used again.
    app.register("fr", "salma@example.ma", "CLIENT").await.assert_status(303);
}

#[actix_web::test]
async fn deleting_a_provider_cancels_open_bookings_and_tells_the_clients() {
    let mut app = TestApp::with_providers(0).await;
    use khadamat::db::schema::{bookings, providers};
    use khadamat::db::types::BookingStatus;
    // The demo provider has a pending and a confirmed booking from the demo client.
    let open = |app: &TestApp| -> i64 {
        app.conn(|c| {
            bookings::table
                .filter(bookings::status.eq_any([BookingStatus::Pending, BookingStatus::Confirmed]))
                .count()
                .get_result(c)
                .unwrap()
        })
    };
    assert_eq!(open(&app), 2);
    app.sign_in(khadamat::db::seed::DEMO_PROVIDER, khadamat::db::seed::DEMO_PASSWORD).await.assert_status(303);
    app.post_form("/fr/account/delete", &[("password", khadamat::db::seed::DEMO_PASSWORD)]).await.assert_status(303);
    assert_eq!(open(&app), 0);
    // The client is told, in their language, for each booking.
    let told: Vec<_> = app
        .emails_to(khadamat::db::seed::DEMO_CLIENT)
        .into_iter()
        .filter(|e| e.email.text.contains("a supprimé son compte"))
        .collect();
    assert_eq!(told.len(), 2);
    // The booking pages say who cancelled and why, in the reader's language.
    let id: i64 = app.conn(|c| {
        let reason = khadamat::services::bookings::ACCOUNT_DELETED;
        bookings::table.filter(bookings::status_reason.eq(reason)).select(bookings::id).first(c).unwrap()
    });
    app.switch_browser(Default::default());
    app.sign_in(khadamat::db::seed::DEMO_CLIENT, khadamat::db::seed::DEMO_PASSWORD).await.assert_status(303);
    let page = app.get(&format!("/en/account/bookings/{id}")).await.doc();
    assert_eq!(page.text("#booking-status"), "Cancelled by the provider");
    assert!(page.text(".details").contains("deleted their Khadamat account"), "{}", page.text(".details"));
    let removed: Option<chrono::NaiveDateTime> =
        app.conn(|c| providers::table.select(providers::removed_at).first(c).unwrap());
    assert!(removed.is_some());
}
