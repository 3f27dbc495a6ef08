//! Socket benchmark (`scripts/bench-sockets.sh` runs it): holds N WebSockets open on one running instance,
//! measures the server's memory per connection, then the delay from sending a message (plain form post by a
//! client) to its delivery on the provider's open conversation tab, while the N sockets stay open.
//!
//!   bench_sockets BASE_URL SERVER_PID SOCKETS MESSAGES
//!
//! Needs the demo accounts (`khadamat seed`) and DATABASE_URL pointing at the server's database (to find a
//! second demo client). The idle sockets belong to the demo client; the conversation is between another
//! demo client and the demo provider, so the idle sockets only cost what holding them costs.

use std::collections::BTreeMap;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use tungstenite::client::IntoClientRequest;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

const PASSWORD: &str = khadamat::db::seed::DEMO_PASSWORD;

struct Client {
    base: String,
    cookies: BTreeMap<String, String>,
    csrf: String,
}

impl Client {
    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn call(&mut self, method: &str, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        let req = agent
            .request(method, &format!("{}{path}", self.base))
            .set("Cookie", &self.cookie_header())
            .set("Origin", &self.base);
        let result = if method == "POST" {
            let csrf = self.csrf.clone();
            let mut fields = form.to_vec();
            fields.push(("csrf_token", &csrf));
            req.send_form(&fields)
        } else {
            req.call()
        };
        let res = match result {
            Ok(res) | Err(ureq::Error::Status(_, res)) => res,
            Err(e) => panic!("{method} {path}: {e}"),
        };
        for set in res.all("set-cookie") {
            if let Some((k, v)) = set.split(';').next().unwrap_or_default().split_once('=') {
                self.cookies.insert(k.trim().to_string(), v.trim().to_string());
            }
        }
        let (status, location) = (res.status(), res.header("location").unwrap_or_default().to_string());
        let body = res.into_string().unwrap_or_default();
        if let Some(token) = body.split("name=\"csrf_token\" value=\"").nth(1).and_then(|r| r.split('"').next()) {
            self.csrf = token.to_string();
        }
        (status, location)
    }

    fn signed_in(base: &str, email: &str) -> Client {
        let mut c = Client { base: base.to_string(), cookies: BTreeMap::new(), csrf: String::new() };
        c.call("GET", "/fr/login", &[]);
        let (status, _) = c.call("POST", "/fr/login", &[("email", email), ("password", PASSWORD)]);
        assert_eq!(status, 303, "sign in as {email}");
        c.call("GET", "/fr/account", &[]);
        c
    }

    fn socket(&self, view: &str) -> WebSocket<MaybeTlsStream<TcpStream>> {
        let url = format!("{}/ws?lang=fr&view={view}", self.base.replacen("http", "ws", 1));
        let mut req = url.into_client_request().unwrap();
        req.headers_mut().insert("Cookie", self.cookie_header().parse().unwrap());
        req.headers_mut().insert("Origin", self.base.parse().unwrap());
        tungstenite::connect(req).expect("socket").0
    }
}

fn rss_kib(pid: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (base, pid) = (args[1].clone(), args[2].clone());
    let sockets: usize = args[3].parse().unwrap();
    let messages: usize = args[4].parse().unwrap();

    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "khadamat.db".into());
    let db = khadamat::db::Db::connect(&url, 1).unwrap();
    let mut conn = db.get().unwrap();
    use khadamat::db::schema::{providers, users};
    let second_client: String = users::table
        .filter(users::role.eq(khadamat::db::types::UserRole::Client))
        .filter(users::email.ne(khadamat::db::seed::DEMO_CLIENT))
        .select(users::email)
        .first(&mut conn)
        .unwrap();
    let provider_user =
        khadamat::db::models::user::find_by_email(&mut conn, khadamat::db::seed::DEMO_PROVIDER).unwrap().unwrap();
    let slug: String = providers::table
        .filter(providers::user_id.eq(provider_user.id))
        .select(providers::slug)
        .first(&mut conn)
        .unwrap();
    drop(conn);

    let idle_owner = Client::signed_in(&base, khadamat::db::seed::DEMO_CLIENT);
    let before = rss_kib(&pid);
    let started = Instant::now();
    let mut idle = Vec::with_capacity(sockets);
    for _ in 0..sockets {
        idle.push(idle_owner.socket(""));
    }
    let opened = started.elapsed();
    std::thread::sleep(Duration::from_secs(2));
    let after = rss_kib(&pid);
    println!(
        "{sockets} sockets opened in {:.1} s; server RSS {} → {} KiB: {:.1} KiB per connection",
        opened.as_secs_f64(),
        before,
        after,
        (after.saturating_sub(before)) as f64 / sockets as f64
    );

    let mut sender = Client::signed_in(&base, &second_client);
    let (status, location) = sender.call("POST", &format!("/fr/providers/{slug}/contact"), &[]);
    assert_eq!(status, 303);
    let conversation = location.rsplit('/').next().unwrap().to_string();
    let provider = Client::signed_in(&base, khadamat::db::seed::DEMO_PROVIDER);
    let mut tab = provider.socket(&format!("conversation-{conversation}"));
    if let MaybeTlsStream::Plain(s) = tab.get_mut() {
        s.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
    }
    let mut delays = Vec::new();
    for n in 0..messages {
        let marker = format!("bench-{n}-{}", std::process::id());
        let sent = Instant::now();
        let (status, _) = sender.call("POST", &format!("/fr/messages/{conversation}"), &[("body", &marker)]);
        assert_eq!(status, 303, "message {n}");
        loop {
            match tab.read() {
                Ok(Message::Text(text)) if text.contains(&marker) && text.contains("#thread") => {
                    delays.push(sent.elapsed());
                    break;
                }
                Ok(_) => {}
                Err(tungstenite::Error::Io(_)) => assert!(sent.elapsed() < Duration::from_secs(10), "no delivery"),
                Err(e) => panic!("socket: {e}"),
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    delays.sort();
    println!(
        "{messages} messages with {sockets} sockets open: send→delivery p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&delays, 0.5).as_secs_f64() * 1000.0,
        percentile(&delays, 0.99).as_secs_f64() * 1000.0,
        delays.last().unwrap().as_secs_f64() * 1000.0
    );
    drop(idle);
}
