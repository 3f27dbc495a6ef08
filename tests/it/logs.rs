//! Production logs: one JSON line per request and per security event, with no secrets in them; bad logging
//! settings are refused at start.

use crate::support::TestApp;
use crate::support::logs::capture;

#[actix_web::test]
async fn one_json_line_per_request_and_per_security_event_without_secrets() {
    let mut app = TestApp::configured(0, |c| c.ip_header = Some("x-real-ip".try_into().unwrap())).await;
    let id = app.signed_in("salma@example.ma", "CLIENT").await;
    let captured = capture();

    // A request with a secret in its path and query.
    app.get_with("/fr/password/reset/SECRET-TOKEN-123?token=ANOTHER-SECRET", &[("X-Real-IP", "198.51.100.4")]).await;
    app.get_with("/fr/account", &[("X-Real-IP", "198.51.100.4")]).await.assert_status(200);
    // A failed sign-in, as the service records it (on this thread).
    let actor = khadamat::services::audit::Actor { ip_address: Some("198.51.100.4".into()), ..Default::default() };
    app.conn(|c| khadamat::services::auth::login(c, "salma@example.ma", "wrong password!!", &actor).unwrap());

    let lines = captured.lines();
    let raw = captured.text();
    for secret in ["SECRET-TOKEN-123", "ANOTHER-SECRET", "salma@example.ma", "session="] {
        assert!(!raw.contains(secret), "{secret} leaked into the logs:\n{raw}");
    }
    let requests: Vec<_> = lines.iter().filter(|l| l["target"] == "request").collect();
    assert_eq!(requests.len(), 2, "{raw}");
    let reset = requests[0];
    assert_eq!(reset["route"], "/{lang}/password/reset/{token}");
    assert_eq!(reset["method"], "GET");
    assert_eq!(reset["ip"], "198.51.100.4");
    assert!(reset["request_id"].as_str().is_some_and(|r| !r.is_empty()));
    assert!(reset["duration_ms"].as_f64().is_some());
    assert_eq!(reset["user_id"].as_i64(), Some(id), "signed in");
    let account = requests[1];
    assert_eq!((account["status"].as_u64(), account["user_id"].as_i64()), (Some(200), Some(id)));
    let security: Vec<_> = lines.iter().filter(|l| l["target"] == "security").collect();
    let failed = security.iter().find(|l| l["action"] == "auth.login_failed").expect("a sign-in failure line");
    assert_eq!(failed["target_id"].as_i64(), Some(id));
    assert_eq!(failed["ip"], "198.51.100.4");
    let detail = failed["detail"].as_str().unwrap();
    assert!(detail.contains("s•••@example.ma") && detail.contains("wrong_password"), "{detail}");
}

#[test]
fn bad_logging_and_secret_settings_are_refused_at_start() {
    use khadamat::config::Config;
    let with = |pairs: &'static [(&'static str, &'static str)]| {
        Config::from_lookup(move |key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()))
    };
    let error = with(&[("LOG_LEVEL", "khadamat=shouting")]).expect_err("refused").to_string();
    assert!(error.contains("LOG_LEVEL"), "{error}");
    assert!(with(&[("LOG_LEVEL", "warn,khadamat=debug")]).is_ok());
    let error = with(&[("SESSION_SECRET", "short")]).expect_err("refused").to_string();
    assert!(error.contains("SESSION_SECRET") && error.contains("32"), "{error}");
    let error = with(&[("IP_HEADER", "not a header")]).expect_err("refused").to_string();
    assert!(error.contains("IP_HEADER"), "{error}");
}
