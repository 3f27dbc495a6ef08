//! A real SMTP conversation with a small SMTP server started by the test.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use khadamat::config::{Config, MailTransport, SmtpTls};
use khadamat::mail::{Email, Mailer};

#[test]
fn emails_go_out_over_smtp() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut out = stream;
        let mut transcript = Vec::new();
        writeln!(out, "220 test.local ESMTP ready\r").unwrap();
        let mut in_data = false;
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap() == 0 {
                break;
            }
            transcript.push(line.clone());
            let cmd = line.trim_end().to_ascii_uppercase();
            if in_data {
                if cmd == "." {
                    in_data = false;
                    write!(out, "250 2.0.0 queued\r\n").unwrap();
                }
                continue;
            }
            if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                write!(out, "250-test.local\r\n250 8BITMIME\r\n").unwrap();
            } else if cmd.starts_with("MAIL FROM")
                || cmd.starts_with("RCPT TO")
                || cmd.starts_with("RSET")
                || cmd.starts_with("NOOP")
            {
                write!(out, "250 2.1.0 ok\r\n").unwrap();
            } else if cmd == "DATA" {
                in_data = true;
                write!(out, "354 go ahead\r\n").unwrap();
            } else if cmd == "QUIT" {
                write!(out, "221 bye\r\n").unwrap();
                break;
            } else {
                write!(out, "502 unknown\r\n").unwrap();
            }
        }
        transcript.join("")
    });
    let mut config = Config::for_tests("unused.db");
    config.mail =
        MailTransport::Smtp { host: "127.0.0.1".into(), port, username: None, password: None, tls: SmtpTls::None };
    let mailer = Mailer::from_config(&config).unwrap();
    mailer
        .send(&Email {
            to: "salma@example.ma".into(),
            subject: "Confirmez votre adresse e-mail".into(),
            text: "Bonjour Salma".into(),
            html: "<p>Bonjour Salma</p>".into(),
        })
        .unwrap();
    drop(mailer);
    let transcript = server.join().unwrap();
    assert!(transcript.contains("MAIL FROM:<noreply@khadamat.ma>"), "{transcript}");
    assert!(transcript.contains("RCPT TO:<salma@example.ma>"));
    assert!(transcript.contains("multipart/alternative"));
    assert!(transcript.contains("Bonjour Salma"));
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
        state
            .mailer
            .send(&Email {
                to: "salma@example.ma".into(),
                subject: subject.into(),
                text: "Lien : http://localhost:4000/fr/verify-email/abc".into(),
                html: "<p>x</p>".into(),
            })
            .unwrap();
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
