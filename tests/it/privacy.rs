//! Personal data kept no longer than the privacy policy says: the jobs loop purges by age, a deleted account
//! leaves nothing personal in the security journal, and the policy page states the periods.

use chrono::Duration;
use diesel::prelude::*;
use khadamat::db::schema::{audit_logs, login_attempts, outbox, rate_limit_events};

use crate::support::TestApp;
use crate::support::accounts::PASSWORD;

#[actix_web::test]
async fn the_jobs_loop_purges_what_outlived_its_period() {
    let app = TestApp::new().await;
    let now = khadamat::db::now();
    let at = |days: i64| now - Duration::days(days);
    app.conn(|c| {
        use khadamat::db::models::rate_limit;
        for (email, days) in [("old@example.ma", 31), ("recent@example.ma", 29)] {
            rate_limit::record_login(c, email, "203.0.113.1", false, at(days)).unwrap();
            rate_limit::record_event(c, "register", email, at(days)).unwrap();
        }
        // Emails: sent or given up ones go after 30 days; a waiting one stays whatever its age.
        for (key, status, days) in [
            ("sent-old", "SENT", 31),
            ("failed-old", "FAILED", 31),
            ("sent-recent", "SENT", 29),
            ("waiting", "PENDING", 40),
        ] {
            diesel::insert_into(outbox::table)
                .values((
                    outbox::kind.eq("test"),
                    outbox::dedup_key.eq(key),
                    outbox::recipient.eq("old@example.ma"),
                    outbox::locale.eq("fr"),
                    outbox::subject.eq("s"),
                    outbox::body_text.eq("t"),
                    outbox::body_html.eq("h"),
                    outbox::status.eq(status),
                    outbox::next_attempt_at.eq(now),
                    outbox::created_at.eq(at(days)),
                    outbox::expires_at.eq(now),
                ))
                .execute(c)
                .unwrap();
        }
        for (action, days) in [("auth.login", 366), ("auth.logout", 364)] {
            diesel::insert_into(audit_logs::table)
                .values((
                    audit_logs::action.eq(action),
                    audit_logs::ip_address.eq("203.0.113.1"),
                    audit_logs::created_at.eq(at(days)),
                ))
                .execute(c)
                .unwrap();
        }
    });
    khadamat::jobs::run_once(&app.state).await.unwrap();
    let emails: Vec<String> = app.conn(|c| login_attempts::table.select(login_attempts::email).load(c).unwrap());
    assert_eq!(emails, vec!["recent@example.ma"]);
    let subjects: Vec<String> =
        app.conn(|c| rate_limit_events::table.select(rate_limit_events::subject).load(c).unwrap());
    assert_eq!(subjects, vec!["recent@example.ma"]);
    let mut keys: Vec<String> = app.conn(|c| outbox::table.select(outbox::dedup_key).load(c).unwrap());
    keys.sort();
    assert_eq!(keys, vec!["sent-recent", "waiting"]);
    let actions: Vec<String> = app.conn(|c| audit_logs::table.select(audit_logs::action).load(c).unwrap());
    assert!(
        actions.contains(&"auth.logout".to_string()) && !actions.contains(&"auth.login".to_string()),
        "{actions:?}"
    );
}

#[actix_web::test]
async fn a_deleted_account_leaves_nothing_personal_in_the_journal() {
    let mut app = TestApp::new().await;
    app.signed_in("salma@example.ma", "CLIENT").await;
    // A failed sign-in writes the email into the journal.
    app.switch_browser(Default::default());
    app.sign_in("salma@example.ma", "not the right password").await.assert_status(422);
    app.sign_in("salma@example.ma", PASSWORD).await.assert_status(303);
    let id = app.user_id("salma@example.ma");
    app.post_form("/fr/account/delete", &[("password", PASSWORD)]).await.assert_status(303);
    let values: Vec<(Option<String>, Option<String>)> =
        app.conn(|c| audit_logs::table.select((audit_logs::old_values, audit_logs::new_values)).load(c).unwrap());
    assert!(values.len() >= 4, "{values:?}");
    assert!(values.iter().any(|v| format!("{v:?}").contains("[deleted]")), "the failed sign-in was blanked");
    for v in &values {
        assert!(!format!("{v:?}").contains("salma@example.ma"), "the email is gone: {v:?}");
    }
    let theirs: Vec<(Option<String>, Option<String>)> = app.conn(|c| {
        audit_logs::table
            .filter(audit_logs::actor_id.eq(id).or(audit_logs::target_id.eq(id)))
            .select((audit_logs::ip_address, audit_logs::user_agent))
            .load(c)
            .unwrap()
    });
    assert!(!theirs.is_empty() && theirs.iter().all(|(ip, ua)| ip.is_none() && ua.is_none()), "{theirs:?}");
}

#[actix_web::test]
async fn the_policy_page_states_the_periods() {
    let mut app = TestApp::new().await;
    let fr = app.get("/fr/legal/privacy").await.doc().text("main");
    for period in ["30 jours", "douze mois", "2 heures", "12 heures"] {
        assert!(fr.contains(period), "{period}");
    }
    assert_eq!(khadamat::domain::retention::SIGN_IN_ATTEMPTS, Duration::days(30));
    assert_eq!(khadamat::domain::retention::SECURITY_JOURNAL, Duration::days(365));
    let en = app.get("/en/legal/privacy").await.doc().text("main");
    assert!(en.contains("30 days") && en.contains("twelve months"));
}
