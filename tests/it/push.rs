//! Web push end to end: a device subscribes from the settings page, booking events and messages go out through
//! the outbox to a local push service that checks the VAPID JWT and decrypts the payload (RFC 8291/8292) as a
//! browser would; 410 removes the device, 500 is retried, a read message is not pushed.

use diesel::prelude::*;
use khadamat::db::schema::{outbox, push_subscriptions};

use crate::bookings::{booking_form, last_booking, next_monday, provider_with_service};
use crate::support::TestApp;
use crate::support::push::{PushService, Subscription};

fn subscribe(sub: &Subscription) -> Vec<(&str, &str)> {
    vec![("endpoint", sub.endpoint.as_str()), ("p256dh", sub.p256dh.as_str()), ("auth", sub.auth.as_str())]
}

fn devices(app: &TestApp) -> i64 {
    app.conn(|c| push_subscriptions::table.count().get_result(c).unwrap())
}

/// Makes every waiting push due now (the outbox keeps wall-clock times).
fn due_now(app: &TestApp) {
    app.conn(|c| {
        diesel::update(outbox::table.filter(outbox::channel.eq("PUSH")).filter(outbox::status.eq("PENDING")))
            .set(outbox::next_attempt_at.eq(khadamat::db::now() - chrono::Duration::seconds(1)))
            .execute(c)
            .unwrap()
    });
}

#[actix_web::test]
async fn pushes_are_signed_encrypted_retried_and_dropped_with_their_device() {
    let service = PushService::start();
    let mut app = TestApp::new().await;
    let (slug, service_id) = provider_with_service(&mut app).await;
    // Bad subscriptions are refused.
    let phone = Subscription::new(&service, "phone");
    let mut bad = subscribe(&phone);
    bad[1].1 = "not-a-key";
    app.post_form("/fr/account/push", &bad).await.assert_status(422);
    app.post_form("/fr/account/push", &subscribe(&phone)).await.assert_status(303);
    let settings = app.get("/fr/account/notifications/settings").await.assert_status(200).doc();
    assert_eq!(settings.count(".devices .device"), 1);
    let provider = app.switch_browser(Default::default());

    // A booking request: the provider's phone gets an urgent push, signed and encrypted.
    app.signed_in("client@example.ma", "CLIENT").await;
    let (service_id, date) = (service_id.to_string(), next_monday(&app).to_string());
    app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service_id, &date, "10:00", "k1"))
        .await
        .assert_status(303);
    let booking = last_booking(&app);
    let received = service.received();
    assert_eq!(received.len(), 1, "one push to one device");
    let push = &received[0];
    assert_eq!(push.path, "/push/phone");
    assert_eq!(push.header("content-encoding"), Some("aes128gcm"));
    assert_eq!(push.header("ttl"), Some("86400"));
    assert_eq!(push.header("urgency"), Some("high"));
    let authorization = push.header("authorization").expect("VAPID authorization");
    let (token, key) =
        authorization.strip_prefix("vapid t=").and_then(|rest| rest.split_once(", k=")).expect("vapid t=…, k=…");
    let vapid = app.state.config.vapid.clone().expect("push is on in tests");
    assert_eq!(key, vapid.public_key);
    {
        use base64::Engine;
        use jwt_simple::prelude::*;
        let public = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(key).unwrap();
        let claims = ES256PublicKey::from_bytes(&public).unwrap().verify_token::<NoCustomClaims>(token, None).unwrap();
        let audience = claims.audiences.unwrap().into_string().unwrap();
        assert_eq!(audience, service.base);
        assert_eq!(claims.subject.as_deref(), Some(vapid.subject.as_str()));
    }
    let payload = phone.decrypt(&push.body);
    assert_eq!(payload["lang"], "fr");
    assert_eq!(payload["url"], format!("/fr/provider/bookings/{booking}"));
    assert!(payload["title"].as_str().unwrap().starts_with("Nouvelle demande"), "{payload}");
    assert!(payload["body"].as_str().unwrap().contains("KH-"), "{payload}");

    // A push service failing: retried from the outbox, then delivered.
    service.answer(500);
    app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service_id, &date, "14:00", "k2"))
        .await
        .assert_status(303);
    assert_eq!(service.received().len(), 2);
    let (attempts, error): (i32, Option<String>) = app.conn(|c| {
        outbox::table
            .filter(outbox::channel.eq("PUSH"))
            .filter(outbox::status.eq("PENDING"))
            .select((outbox::attempts, outbox::last_error))
            .first(c)
            .unwrap()
    });
    assert_eq!(attempts, 1);
    assert!(error.unwrap().contains("push"));
    service.answer(201);
    due_now(&app);
    khadamat::state::deliver_now(&app.state).await.unwrap();
    assert_eq!(service.received().len(), 3);
    let pending: i64 = app.conn(|c| outbox::table.filter(outbox::status.eq("PENDING")).count().get_result(c).unwrap());
    assert_eq!(pending, 0);

    // A new message: pushed a minute later if still unread; not at all once read.
    let contact = app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await;
    let thread = contact.location();
    app.post_form(&thread, &[("body", "Bonjour, pouvez-vous venir avec un joint neuf ?")]).await.assert_status(303);
    assert_eq!(service.received().len(), 3, "not at once");
    due_now(&app);
    khadamat::state::deliver_now(&app.state).await.unwrap();
    let received = service.received();
    assert_eq!(received.len(), 4);
    let payload = phone.decrypt(&received[3].body);
    assert_eq!(payload["url"], thread.as_str());
    assert!(payload["title"].as_str().unwrap().contains("Salma B."), "{payload}");
    app.post_form(&thread, &[("body", "Et aussi la chasse d'eau.")]).await.assert_status(303);
    let client = app.switch_browser(provider);
    app.get(&thread).await.assert_status(200);
    due_now(&app);
    khadamat::state::deliver_now(&app.state).await.unwrap();
    assert_eq!(service.received().len(), 4, "read meanwhile: no push");

    // Push off for bookings: none for the next request.
    app.post_form("/fr/account/notifications/settings", &[("email", "BOOKINGS"), ("push", "MESSAGES")])
        .await
        .assert_status(303);
    let provider = app.switch_browser(client);
    app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service_id, &date, "15:00", "k3"))
        .await
        .assert_status(303);
    assert_eq!(service.received().len(), 4);

    // The device unsubscribed (410): it goes, and its pushes with it.
    let client = app.switch_browser(provider);
    app.post_form("/fr/account/notifications/settings", &[("push", "BOOKINGS")]).await.assert_status(303);
    app.switch_browser(client);
    service.answer(410);
    app.post_form(&format!("/fr/providers/{slug}/book"), &booking_form(&service_id, &date, "16:00", "k4"))
        .await
        .assert_status(303);
    assert_eq!(service.received().len(), 5);
    assert_eq!(devices(&app), 0);
}

#[actix_web::test]
async fn devices_are_listed_and_removed_by_their_owner_only() {
    let service = PushService::start();
    let mut app = TestApp::new().await;
    app.signed_in("client@example.ma", "CLIENT").await;
    let laptop = Subscription::new(&service, "laptop");
    app.post_form("/fr/account/push", &subscribe(&laptop)).await.assert_status(303);
    // The same endpoint again: the same device.
    app.post_form("/fr/account/push", &subscribe(&laptop)).await.assert_status(303);
    assert_eq!(devices(&app), 1);
    let id: i64 = app.conn(|c| push_subscriptions::table.select(push_subscriptions::id).first(c).unwrap());
    let mine = app.switch_browser(Default::default());
    app.signed_in("other@example.ma", "CLIENT").await;
    app.post_form(&format!("/fr/account/push/{id}/delete"), &[]).await.assert_status(404);
    app.switch_browser(mine);
    app.post_form(&format!("/fr/account/push/{id}/delete"), &[]).await.assert_status(303);
    assert_eq!(devices(&app), 0);
    assert_eq!(service.received().len(), 0);
}
