//! A small SMTP server for tests: it speaks enough of the protocol for lettre (EHLO, MAIL, RCPT, DATA, RSET,
//! QUIT), keeps every message it accepted, and can be told to answer DATA with a temporary failure.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
pub struct Smtp {
    /// Each accepted message: the whole conversation of its connection up to the end of DATA.
    pub messages: Arc<Mutex<Vec<String>>>,
    /// When set, DATA is answered `451` (the server accepts the connection but refuses mail).
    pub refuse: Arc<AtomicBool>,
}

impl Smtp {
    /// A port nothing listens on yet (an SMTP server that is down), to `listen` on later.
    pub fn free_port() -> u16 {
        TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
    }

    /// Serves on `port` from a background thread until the test ends.
    pub fn listen(&self, port: u16) {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let this = self.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let this = this.clone();
                std::thread::spawn(move || this.serve(stream));
            }
        });
    }

    pub fn start() -> (Smtp, u16) {
        let smtp = Smtp::default();
        let port = Smtp::free_port();
        smtp.listen(port);
        (smtp, port)
    }

    pub fn received(&self) -> Vec<String> {
        self.messages.lock().unwrap().clone()
    }

    fn serve(&self, stream: TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut out = stream;
        let _ = write!(out, "220 test.local ESMTP ready\r\n");
        let mut transcript = String::new();
        let mut in_data = false;
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            transcript.push_str(&line);
            let cmd = line.trim_end().to_ascii_uppercase();
            let reply = if in_data {
                if cmd != "." {
                    continue;
                }
                in_data = false;
                if self.refuse.load(Ordering::SeqCst) {
                    "451 4.3.0 try again later"
                } else {
                    self.messages.lock().unwrap().push(std::mem::take(&mut transcript));
                    "250 2.0.0 queued"
                }
            } else if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                "250-test.local\r\n250 8BITMIME"
            } else if cmd.starts_with("MAIL FROM") || cmd.starts_with("RCPT TO") || cmd == "RSET" || cmd == "NOOP" {
                "250 2.1.0 ok"
            } else if cmd == "DATA" {
                in_data = true;
                "354 go ahead"
            } else if cmd == "QUIT" {
                let _ = write!(out, "221 bye\r\n");
                return;
            } else {
                "502 unknown"
            };
            if write!(out, "{reply}\r\n").is_err() {
                return;
            }
        }
    }
}
