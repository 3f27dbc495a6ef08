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
