//! The email outbox against a real SMTP conversation: emails wait through an outage and go out once, a dead
//! sender's emails are taken over after its lease, claims never overlap (on both backends), an email given up
//! shows in the back office and "retry now" sends it.

use diesel::prelude::*;
use khadamat::config::{MailTransport, SmtpTls};
use khadamat::db::models::outbox;
use khadamat::db::schema::outbox as table;
use khadamat::db::types::OutboxStatus;
use khadamat::services::outbox::Pass;
use khadamat::state::deliver_now;

use crate::support::TestApp;
use crate::support::smtp::Smtp;

/// An app whose SMTP server (on the returned port) is down until the test starts it.
async fn app_with_smtp_down() -> (TestApp, u16) {
    let port = Smtp::free_port();
    let app = TestApp::configured(0, |c| {
        c.mail =
            MailTransport::Smtp { host: "127.0.0.1".into(), port, username: None, password: None, tls: SmtpTls::None };
    })
    .await;
    (app, port)
}

fn statuses(app: &TestApp) -> Vec<(OutboxStatus, i64)> {
    app.conn(|c| outbox::counts(c).unwrap())
}

#[actix_web::test]
async fn emails_wait_through_an_smtp_outage_and_go_out_once() {
    let (mut app, port) = app_with_smtp_down().await;
    // Ten registrations: the per-address limit.
    let addresses: Vec<String> = (0..10).map(|i| format!("client{i}@example.ma")).collect();
    for address in &addresses {
        app.register("fr", address, "CLIENT").await.assert_status(303);
    }
    assert_eq!(statuses(&app), vec![(OutboxStatus::Pending, 10)], "written with the accounts");

    // SMTP down: nothing lost, every email retried later with its error kept.
    let pass = deliver_now(&app.state).await.unwrap();
    assert_eq!(pass, Pass { sent: 0, retrying: 10, failed: 0 });
    let rows = app.conn(|c| outbox::list(c, OutboxStatus::Pending, 0, 100).unwrap());
    assert!(rows.iter().all(|r| r.attempts == 1 && r.claimed_until.is_none()));
    assert!(rows.iter().all(|r| r.next_attempt_at > khadamat::db::now()), "backoff");
    assert!(rows[0].last_error.as_deref().unwrap_or("").contains("smtp"), "{:?}", rows[0].last_error);
    assert_eq!(deliver_now(&app.state).await.unwrap(), Pass::default(), "not due yet");

    // SMTP back: each email goes out exactly once, named by its row's key.
    let smtp = Smtp::default();
    smtp.listen(port);
    // The sender's probe (once a minute) makes the earliest waiting email due; when it goes out, the nine
    // others are brought forward and follow in the same pass instead of waiting out their backoff.
    assert!(app.conn(|c| khadamat::services::outbox::probe(c).unwrap()));
    assert_eq!(deliver_now(&app.state).await.unwrap().sent, 10);
    assert_eq!(deliver_now(&app.state).await.unwrap(), Pass::default());
    let received = smtp.received();
    assert_eq!(received.len(), 10);
    for address in &addresses {
        let to_them = received.iter().filter(|m| m.contains(&format!("RCPT TO:<{address}>"))).count();
        assert_eq!(to_them, 1, "{address}");
    }
    let sent = app.conn(|c| outbox::list(c, OutboxStatus::Sent, 0, 100).unwrap());
    assert_eq!(sent.len(), 10);
    for row in &sent {
        assert!(row.sent_at.is_some() && row.last_error.is_none());
        let id = format!("Message-ID: <{}@khadamat.ma>", row.dedup_key);
        assert_eq!(received.iter().filter(|m| m.contains(&id)).count(), 1, "{id}");
    }

    // A server that answers but refuses mail (451) is an error like any other.
    smtp.refuse.store(true, std::sync::atomic::Ordering::SeqCst);
    app.post_form("/fr/password/forgot", &[("email", "client0@example.ma")]).await.assert_status(303);
    let pass = deliver_now(&app.state).await.unwrap();
    assert_eq!(pass.retrying, 1);
    let waiting = app.conn(|c| outbox::list(c, OutboxStatus::Pending, 0, 10).unwrap());
    assert!(waiting[0].last_error.as_deref().unwrap().contains("451"), "{:?}", waiting[0].last_error);
}

#[actix_web::test]
async fn a_dead_senders_emails_are_taken_over_after_its_lease() {
    let (mut app, port) = app_with_smtp_down().await;
    app.register("fr", "salma@example.ma", "CLIENT").await.assert_status(303);
    let now = khadamat::db::now();
    let lease = khadamat::domain::outbox::LEASE;
    // A sender claims the email and dies before marking it.
    let claimed = app.conn(|c| outbox::claim_due(c, "dead-sender", now, now + lease, 20).unwrap());
    assert_eq!(claimed.len(), 1);
    let smtp = Smtp::default();
    smtp.listen(port);
    assert_eq!(deliver_now(&app.state).await.unwrap(), Pass::default(), "still leased");
    // Once its lease is over, another sender takes it: the attempt of the dead one is counted.
    app.conn(|c| {
        diesel::update(table::table).set(table::claimed_until.eq(Some(now - chrono::Duration::seconds(1)))).execute(c)
    })
    .unwrap();
    assert_eq!(deliver_now(&app.state).await.unwrap().sent, 1);
    let row = app.conn(|c| outbox::list(c, OutboxStatus::Sent, 0, 1).unwrap()).remove(0);
    assert_eq!(row.attempts, 2);
    // The dead sender, if it comes back, no longer owns the row: it cannot mark it.
    assert!(!app.conn(|c| outbox::mark_unsent(c, row.id, "dead-sender", None, "late").unwrap()));
    assert_eq!(smtp.received().len(), 1);
}

#[actix_web::test]
async fn concurrent_claims_never_share_an_email() {
    let (app, _) = app_with_smtp_down().await;
    app.conn(|c| {
        for i in 0..40 {
            let _ = khadamat::services::outbox::queue(c, [email(&format!("c{i}@example.ma"))]).unwrap();
        }
    });
    let now = khadamat::db::now();
    let until = now + khadamat::domain::outbox::LEASE;
    let handles: Vec<_> = (0..4)
        .map(|n| {
            let db = app.state.db.clone();
            std::thread::spawn(move || {
                let mut got = Vec::new();
                loop {
                    let mut conn = db.get().unwrap();
                    let rows = match outbox::claim_due(&mut conn, &format!("sender-{n}"), now, until, 3) {
                        Ok(rows) => rows,
                        // SQLite: a writer that waited past its busy timeout; try again.
                        Err(_) => continue,
                    };
                    if rows.is_empty() {
                        return got;
                    }
                    got.extend(rows.into_iter().map(|r| r.id));
                }
            })
        })
        .collect();
    let mut all: Vec<i64> = handles.into_iter().flat_map(|h| h.join().unwrap()).collect();
    let total = all.len();
    all.sort();
    all.dedup();
    assert_eq!((total, all.len()), (40, 40), "every email claimed once");
}

#[actix_web::test]
async fn given_up_emails_show_in_the_back_office_and_retry_now_sends_them() {
    let (mut app, port) = app_with_smtp_down().await;
    app.register("ar", "salma@example.ma", "CLIENT").await.assert_status(303);
    // A day of failures: the retry window is over.
    app.conn(|c| {
        diesel::update(table::table)
            .set(table::expires_at.eq(khadamat::db::now() - chrono::Duration::seconds(1)))
            .execute(c)
            .unwrap()
    });
    assert_eq!(deliver_now(&app.state).await.unwrap(), Pass { sent: 0, retrying: 0, failed: 1 });
    assert_eq!(statuses(&app), vec![(OutboxStatus::Failed, 1)]);
    assert_eq!(deliver_now(&app.state).await.unwrap(), Pass::default(), "not retried by itself any more");

    // Admins only.
    app.get("/fr/admin/outbox").await.assert_status(303);
    crate::provider::admin_signed_in(&mut app).await;
    let dashboard = app.get("/fr/admin").await.doc();
    assert!(dashboard.text("#queue-outbox").ends_with('1'), "{}", dashboard.text("#queue-outbox"));
    let page = app.get("/fr/admin/outbox?tab=failed").await.assert_status(200).doc();
    let id = app.conn(|c| outbox::list(c, OutboxStatus::Failed, 0, 1).unwrap())[0].id;
    let row = page.text(&format!("#outbox-{id}"));
    assert!(row.contains("salma@example.ma") && row.contains("AR") && row.contains("smtp"), "{row}");
    assert!(page.text("#outbox-tab-failed").ends_with('1'));
    let arabic = app.get("/ar/admin/outbox?tab=failed").await.assert_status(200).doc();
    assert!(arabic.text("h1").contains("الرسائل"));

    // Retry now, with the server back: sent at once (the memory of the failure goes).
    let smtp = Smtp::default();
    smtp.listen(port);
    let res = app.post_form(&format!("/fr/admin/outbox/{id}/retry"), &[("tab", "failed")]).await;
    res.assert_status(303);
    assert!(res.location().contains("notice=outbox-retried"), "{}", res.location());
    assert_eq!(app.audit_count("outbox.retry"), 1);
    assert_eq!(deliver_now(&app.state).await.unwrap().sent, 1);
    assert_eq!(smtp.received().len(), 1);
    assert_eq!(statuses(&app), vec![(OutboxStatus::Sent, 1)]);
    // A sent email is not retried again.
    let res = app.post_form(&format!("/fr/admin/outbox/{id}/retry"), &[("tab", "sent")]).await;
    assert!(res.location().contains("notice=outbox-busy"));
    let sent_tab = app.get("/fr/admin/outbox?tab=sent").await.doc();
    assert_eq!(sent_tab.count(&format!("#outbox-{id} form")), 0);
    assert_eq!(smtp.received().len(), 1);
}

/// A change that rolls back leaves no email behind; a key written twice is one email.
#[actix_web::test]
async fn emails_belong_to_their_transaction() {
    use diesel::Connection;
    let app = TestApp::new().await;
    let email = email("salma@example.ma");
    let result: Result<(), khadamat::error::AppError> = app.conn(|c| {
        c.transaction(|c| {
            let _ = khadamat::services::outbox::queue(c, [email.clone()])?;
            Err(khadamat::error::AppError::Conflict("changed meanwhile"))
        })
    });
    assert!(result.is_err());
    assert!(statuses(&app).is_empty(), "rolled back with the change");
    let (first, second) = app.conn(|c| {
        (
            khadamat::services::outbox::queue_keyed(c, "booking-7-request", &email).unwrap(),
            khadamat::services::outbox::queue_keyed(c, "booking-7-request", &email).unwrap(),
        )
    });
    assert_eq!((first.count(), second.count()), (1, 0));
}

fn email(to: &str) -> khadamat::mail::Email {
    khadamat::mail::Email {
        kind: "test".into(),
        locale: "fr".into(),
        to: to.into(),
        subject: "Bonjour".into(),
        text: "x".into(),
        html: "<p>x</p>".into(),
    }
}
