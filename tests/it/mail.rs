//! A real SMTP conversation with a small SMTP server started by the test.

use khadamat::config::{Config, MailTransport, SmtpTls};
use khadamat::mail::{Email, Mailer};

use crate::support::smtp::Smtp;

#[test]
fn emails_go_out_over_smtp() {
    let (smtp, port) = Smtp::start();
    let mut config = Config::for_tests("unused.db");
    config.mail =
        MailTransport::Smtp { host: "127.0.0.1".into(), port, username: None, password: None, tls: SmtpTls::None };
    let mailer = Mailer::from_config(&config).unwrap();
    mailer.send(&email("Confirmez votre adresse e-mail", "Bonjour Salma"), "0123abcd").unwrap();
    drop(mailer);
    let transcript = smtp.received().join("");
    assert!(transcript.contains("MAIL FROM:<noreply@khadamat.ma>"), "{transcript}");
    assert!(transcript.contains("RCPT TO:<salma@example.ma>"));
    assert!(transcript.contains("multipart/alternative"));
    assert!(transcript.contains("Bonjour Salma"));
    assert!(transcript.contains("Message-ID: <0123abcd@khadamat.ma>"), "the key names the message: {transcript}");
}

fn email(subject: &str, text: &str) -> Email {
    Email {
        kind: "verify".into(),
        locale: "fr".into(),
        to: "salma@example.ma".into(),
        subject: subject.into(),
        text: text.into(),
        html: "<p>x</p>".into(),
    }
}

/// In development, emails land in an outbox folder listed newest first at /dev/outbox.
#[actix_web::test]
async fn development_outbox_lists_sent_emails() {
    use actix_web::{test, web};
    use khadamat::config::Environment;
    use khadamat::db::{Db, migrations};

    let test_db = crate::support::TestDb::create();
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(&test_db.url);
    config.env = Environment::Development;
    config.mail = MailTransport::Outbox(dir.path().to_path_buf());
    let db = Db::connect(&config.database_url, 2).unwrap();
    migrations::run_pending(&mut db.get().unwrap()).unwrap();
    let state = web::Data::new(khadamat::AppState::new(config, db).unwrap());
    for subject in ["Premier", "Second"] {
        state.mailer.send(&email(subject, "Lien : http://localhost:4000/fr/verify-email/abc"), subject).unwrap();
    }
    let app = test::init_service(khadamat::build_app(state.clone())).await;
    let res = test::call_service(&app, test::TestRequest::get().uri("/dev/outbox").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    let body = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    let doc = crate::support::Doc::parse(&body);
    assert_eq!(doc.texts("ol li a"), vec!["Second", "Premier"], "newest first");
    let first = doc.attr("ol li a", "href");
    let res = test::call_service(&app, test::TestRequest::get().uri(&first).to_request()).await;
    let body = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    let doc = crate::support::Doc::parse(&body);
    assert_eq!(doc.attr("pre a", "href"), "http://localhost:4000/fr/verify-email/abc");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4, "an .eml and a .json per email");
}

/// Outside development there is no outbox page.
#[actix_web::test]
async fn outbox_is_not_served_outside_development() {
    let mut app = crate::support::TestApp::new().await;
    app.get("/dev/outbox").await.assert_status(404);
}
