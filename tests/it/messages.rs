//! Messaging: the no-JavaScript flow in process, then the WebSocket against a real server with a real
//! WebSocket client (tungstenite), and two instances on one PostgreSQL relaying through LISTEN/NOTIFY.

use std::collections::BTreeMap;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use khadamat::db::schema::messages;
use khadamat::db::seed::{DEMO_CLIENT, DEMO_PASSWORD, DEMO_PROVIDER};
use tungstenite::client::IntoClientRequest;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

use crate::browser::Server;
use crate::support::TestApp;

fn demo_provider_slug(app: &TestApp) -> String {
    let id = app.user_id(DEMO_PROVIDER);
    app.conn(|c| khadamat::db::models::provider::for_user(c, id).unwrap().unwrap().slug)
}

fn message_count(app: &TestApp) -> i64 {
    app.conn(|c| messages::table.count().get_result(c).unwrap())
}

#[actix_web::test]
async fn without_javascript_contact_send_read_and_refusals() {
    let mut app = TestApp::with_providers(1).await;
    let slug = demo_provider_slug(&app);
    app.sign_in(DEMO_CLIENT, DEMO_PASSWORD).await.assert_status(303);
    let res = app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await;
    res.assert_status(303);
    let location = res.header("location").unwrap();
    let id: i64 = location.rsplit('/').next().unwrap().parse().unwrap();
    // Contact again: the same conversation.
    assert_eq!(app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await.header("location"), Some(location));

    let before = message_count(&app);
    for bad in ["", "   \n ", &"x".repeat(5001)] {
        let res = app.post_form(&format!("/fr/messages/{id}"), &[("body", bad)]).await;
        res.assert_status(422);
        assert_eq!(res.doc().count("#f-body-error"), 1);
    }
    // Invalid UTF-8 in the form: refused, nothing stored.
    let token = app.csrf_token();
    let raw = format!("body=%FF%FEhello&csrf_token={token}");
    let res = app
        .post_raw(&format!("/fr/messages/{id}"), &[("content-type", "application/x-www-form-urlencoded")], &raw)
        .await;
    assert!(res.status.is_client_error(), "{}", res.status);
    assert_eq!(message_count(&app), before, "nothing stored");
    let text = "Bonjour, <script>alert(1)</script> êtes-vous libre samedi ? مرحبا 👋";
    app.post_form(&format!("/fr/messages/{id}"), &[("body", &format!("  {text}\n"))]).await.assert_status(303);
    let page = app.get(&format!("/fr/messages/{id}")).await;
    page.assert_status(200);
    assert!(page.body.contains("&#60;script&#62;alert(1)") && !page.body.contains("<script>alert"), "escaped");
    assert_eq!(page.doc().text(".message-mine .message-body"), text, "trimmed, kept whole");
    assert_eq!(page.doc().count(".message-seen"), 0);

    // The provider: inbox row with one unread, header badge, then reading marks it seen.
    let client = app.switch_browser(Default::default());
    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await.assert_status(303);
    let inbox = app.get("/fr/messages").await.assert_status(200).doc();
    assert_eq!(inbox.count(".inbox-row.unread"), 1);
    assert_eq!(inbox.text("#inbox-count").split_whitespace().next(), Some("1"));
    let seen = app.get(&format!("/fr/messages/{id}")).await.doc();
    assert_eq!(seen.text(".message-theirs .message-body"), text);
    assert_eq!(app.get("/fr/messages").await.doc().count("#inbox-count[hidden]"), 1);
    app.post_form(&format!("/fr/messages/{id}"), &[("body", "Oui, à 10 h.")]).await.assert_status(303);
    app.switch_browser(client);
    let page = app.get(&format!("/fr/messages/{id}")).await.doc();
    assert_eq!(page.count(".message-seen"), 1, "the client sees that the provider read it");

    // Anyone else: not found, on the page, the form and the older pages.
    app.switch_browser(Default::default());
    app.signed_in("nosy@example.ma", "CLIENT").await;
    app.get(&format!("/fr/messages/{id}")).await.assert_status(404);
    app.get(&format!("/fr/messages/{id}?before=999999")).await.assert_status(404);
    app.post_form(&format!("/fr/messages/{id}"), &[("body", "intrusion")]).await.assert_status(404);
    app.get("/fr/messages/999999").await.assert_status(404);
    assert_eq!(app.get("/fr/messages").await.doc().count(".inbox-row"), 0);
    // A provider cannot write to themselves.
    app.switch_browser(Default::default());
    app.sign_in(DEMO_PROVIDER, DEMO_PASSWORD).await.assert_status(303);
    let own = app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await;
    own.assert_status(303);
    let back = app.get(&own.header("location").unwrap()).await.doc();
    assert!(back.text(".notice").contains("vous écrire à vous-même"));
}

/// A signed-in HTTP client of a real server (cookies kept by hand).
struct Client {
    base: String,
    cookies: BTreeMap<String, String>,
    csrf: String,
}

impl Client {
    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn keep(&mut self, res: &ureq::Response) {
        for set in res.all("set-cookie") {
            let pair = set.split(';').next().unwrap_or_default();
            if let Some((k, v)) = pair.split_once('=') {
                self.cookies.insert(k.trim().to_string(), v.trim().to_string());
            }
        }
    }

    fn call(&mut self, method: &str, path: &str, form: &[(&str, &str)]) -> (u16, String, String) {
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        let req = agent
            .request(method, &format!("{}{path}", self.base))
            .set("Cookie", &self.cookie_header())
            .set("Origin", &self.base);
        let result = if method == "POST" {
            let mut fields = form.to_vec();
            let csrf = self.csrf.clone();
            fields.push(("csrf_token", &csrf));
            req.send_form(&fields)
        } else {
            req.call()
        };
        let res = match result {
            Ok(res) | Err(ureq::Error::Status(_, res)) => res,
            Err(e) => panic!("{method} {path}: {e}"),
        };
        self.keep(&res);
        let status = res.status();
        let location = res.header("location").unwrap_or_default().to_string();
        let body = res.into_string().unwrap_or_default();
        if let Some(token) = body.split("name=\"csrf_token\" value=\"").nth(1).and_then(|r| r.split('"').next()) {
            self.csrf = token.to_string();
        }
        (status, location, body)
    }

    /// An administrator with two-step verification, signed in with a real code.
    fn admin(server: &Server) -> Client {
        use khadamat::domain::totp;
        let secret = totp::new_secret();
        let mut conn = server.state.db.get().unwrap();
        let id =
            khadamat::db::seed::create_admin(&mut conn, "boss@khadamat.ma", DEMO_PASSWORD, "Amina", "Admin").unwrap();
        let key = server.state.config.session_secret.clone();
        let encrypted = totp::encrypt(&secret, &key);
        khadamat::db::models::user::set_two_factor(
            &mut conn,
            id,
            Some(&encrypted),
            Some("[]"),
            None,
            khadamat::db::now(),
        )
        .unwrap();
        let mut c = Client { base: server.base.clone(), cookies: BTreeMap::new(), csrf: String::new() };
        c.call("GET", "/fr/login", &[]);
        let (status, location, _) =
            c.call("POST", "/fr/login", &[("email", "boss@khadamat.ma"), ("password", DEMO_PASSWORD)]);
        assert_eq!(status, 303);
        c.call("GET", &location, &[]);
        let code = totp::code_at(&secret, chrono::Utc::now().timestamp() as u64);
        let (status, _, _) = c.call("POST", "/fr/login/two-factor", &[("code", &code)]);
        assert_eq!(status, 303, "second factor");
        c
    }

    fn signed_in(server: &Server, email: &str) -> Client {
        let mut c = Client { base: server.base.clone(), cookies: BTreeMap::new(), csrf: String::new() };
        c.call("GET", "/fr/login", &[]);
        let (status, _, _) = c.call("POST", "/fr/login", &[("email", email), ("password", DEMO_PASSWORD)]);
        assert_eq!(status, 303, "signed in as {email}");
        c.call("GET", "/fr/account", &[]);
        c
    }

    /// A socket, or None when the handshake is refused.
    fn socket(&self, view: &str) -> Option<WebSocket<MaybeTlsStream<TcpStream>>> {
        let url = format!("{}/ws?lang=fr&view={view}", self.base.replacen("http", "ws", 1));
        let mut req = url.into_client_request().unwrap();
        req.headers_mut().insert("Cookie", self.cookie_header().parse().unwrap());
        req.headers_mut().insert("Origin", self.base.parse().unwrap());
        let (mut ws, _) = tungstenite::connect(req).ok()?;
        if let MaybeTlsStream::Plain(s) = ws.get_mut() {
            s.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
        }
        Some(ws)
    }
}

/// The swap instructions received within `wait` (target, content).
fn frames(ws: &mut WebSocket<MaybeTlsStream<TcpStream>>, wait: Duration) -> Vec<(String, String)> {
    let deadline = Instant::now() + wait;
    let mut out = Vec::new();
    while Instant::now() < deadline {
        match ws.read() {
            Ok(Message::Text(text)) => {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                out.push((
                    v["target"].as_str().unwrap_or("").to_string(),
                    v["content"].as_str().unwrap_or("").to_string(),
                ));
            }
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => break,
        }
    }
    out
}

/// Every frame received until one matches `done` (5 s at most, then a failure).
fn frames_until(
    ws: &mut WebSocket<MaybeTlsStream<TcpStream>>,
    done: impl Fn(&str, &str) -> bool,
) -> Vec<(String, String)> {
    let start = Instant::now();
    let mut got = Vec::new();
    while start.elapsed() < Duration::from_secs(5) {
        for (t, c) in frames(ws, Duration::from_millis(100)) {
            let finished = done(&t, &c);
            got.push((t, c));
            if finished {
                return got;
            }
        }
    }
    panic!("the awaited frame did not come within 5 s; got {got:?}");
}

/// Waits for a frame for `target` whose content contains `needle`; returns how long it took.
fn wait_for(ws: &mut WebSocket<MaybeTlsStream<TcpStream>>, target: &str, needle: &str) -> Duration {
    let start = Instant::now();
    frames_until(ws, |t, content| t == target && content.contains(needle));
    start.elapsed()
}

fn closed(ws: &mut WebSocket<MaybeTlsStream<TcpStream>>) -> bool {
    closed_within(ws, Duration::from_secs(3))
}

fn conversation_between(server: &Server, client: &mut Client) -> i64 {
    let mut conn = server.state.db.get().unwrap();
    let provider = khadamat::db::models::user::find_by_email(&mut conn, DEMO_PROVIDER).unwrap().unwrap();
    let slug = khadamat::db::models::provider::for_user(&mut conn, provider.id).unwrap().unwrap().slug;
    let (status, location, _) = client.call("POST", &format!("/fr/providers/{slug}/contact"), &[]);
    assert_eq!(status, 303);
    location.rsplit('/').next().unwrap().parse().unwrap()
}

#[test]
fn live_delivery_over_the_socket_and_its_refusals() {
    let server = Server::start(1);
    let mut client = Client::signed_in(&server, DEMO_CLIENT);
    let provider = Client::signed_in(&server, DEMO_PROVIDER);
    let id = conversation_between(&server, &mut client);
    let view = format!("conversation-{id}");

    let mut provider_tab = provider.socket(&view).unwrap();
    let mut provider_inbox = provider.socket("inbox").unwrap();
    let mut client_tab = client.socket(&view).unwrap();
    settled(&mut provider_tab);
    settled(&mut provider_inbox);
    settled(&mut client_tab);

    // Sent through the socket, as hx-ws-send does: the provider's tabs have it within a second.
    let payload = serde_json::json!({ "body": "Salam <b>!</b>", "conversation": id.to_string(), "headers": {} });
    client_tab.send(Message::text(payload.to_string())).unwrap();
    let delay = wait_for(&mut provider_tab, "#thread", "Salam &#60;b&#62;!&#60;/b&#62;");
    assert!(delay < Duration::from_secs(1), "delivered in {delay:?}");
    wait_for(&mut provider_inbox, "#inbox", "Salam");
    // The sender's box comes back empty, and its own thread shows the message; then "seen".
    let got = frames_until(&mut client_tab, |t, c| t == "#thread" && c.contains("message-seen"));
    let has = |target: &str, needle: &str| got.iter().any(|(t, c)| t == target && c.contains(needle));
    assert!(has("#send-form", "f-body") && !has("#send-form", "f-body-error"), "the box, emptied");
    assert!(has("#thread", "Salam"), "its own message");
    assert!(has("#thread", "message-seen"), "seen by the provider, live");

    // After a drop, the reconnected tab catches up with what it missed.
    drop(provider_tab);
    let (status, _, _) = client.call("POST", &format!("/fr/messages/{id}"), &[("body", "Pendant la coupure")]);
    assert_eq!(status, 303);
    let mut provider_tab = provider.socket(&view).unwrap();
    wait_for(&mut provider_tab, "#thread", "Pendant la coupure");
    drop(provider_tab);

    // Refused without storing: empty and oversized messages (the box says why).
    let stored = |server: &Server| {
        let mut conn = server.state.db.get().unwrap();
        messages::table.count().get_result::<i64>(&mut conn).unwrap()
    };
    let before = stored(&server);
    client_tab
        .send(Message::text(serde_json::json!({ "body": "  ", "conversation": id.to_string() }).to_string()))
        .unwrap();
    wait_for(&mut client_tab, "#send-form", "f-body-error");
    let long = "م".repeat(5001);
    client_tab
        .send(Message::text(serde_json::json!({ "body": long, "conversation": id.to_string() }).to_string()))
        .unwrap();
    wait_for(&mut client_tab, "#send-form", "f-body-error");
    assert_eq!(stored(&server), before);

    // A socket without a session, or from another site, is refused at the handshake.
    let anonymous = Client { base: server.base.clone(), cookies: BTreeMap::new(), csrf: String::new() };
    assert!(anonymous.socket("").is_none());
    let mut url = format!("{}/ws?lang=fr", server.base.replacen("http", "ws", 1)).into_client_request().unwrap();
    url.headers_mut().insert("Cookie", client.cookie_header().parse().unwrap());
    url.headers_mut().insert("Origin", "https://evil.example".parse().unwrap());
    assert!(tungstenite::connect(url).is_err(), "another Origin");

    // Someone else's conversation: not at the handshake, not by a message on a socket.
    let other_email: String = {
        use khadamat::db::schema::users;
        let mut conn = server.state.db.get().unwrap();
        users::table
            .filter(users::role.eq(khadamat::db::types::UserRole::Provider))
            .filter(users::email.ne(DEMO_PROVIDER))
            .select(users::email)
            .first(&mut conn)
            .unwrap()
    };
    {
        let other = Client::signed_in(&server, &other_email);
        assert!(other.socket(&view).is_none(), "not a participant: no socket on it");
        let mut general = other.socket("").unwrap();
        settled(&mut general);
        general
            .send(Message::text(serde_json::json!({ "body": "hi", "conversation": id.to_string() }).to_string()))
            .unwrap();
        assert!(closed(&mut general), "closed after a message to someone else's conversation");
        assert_eq!(stored(&server), before);
    }

    // Malformed and oversized frames close the socket.
    let mut bad = client.socket("").unwrap();
    bad.send(Message::text("{not json")).unwrap();
    assert!(closed(&mut bad));
    let mut huge = client.socket("").unwrap();
    let _ = huge.send(Message::text("x".repeat(200 * 1024)));
    assert!(closed(&mut huge));
}

#[test]
#[ignore = "needs PostgreSQL: TEST_DATABASE_URL=postgres://… cargo test -- --ignored postgres_"]
fn postgres_two_instances_relay_messages() {
    let first = Server::start(1);
    assert_eq!(
        first.state.db.backend(),
        khadamat::db::Backend::Postgres,
        "the relay between instances needs PostgreSQL: set TEST_DATABASE_URL"
    );
    let second = first.second();
    let mut client = Client::signed_in(&first, DEMO_CLIENT);
    let id = conversation_between(&first, &mut client);
    // The provider's tab is held by the other instance.
    let mut provider = Client::signed_in(&second, DEMO_PROVIDER);
    provider.call("GET", "/fr/account", &[]);
    let mut provider_tab = provider.socket(&format!("conversation-{id}")).unwrap();
    settled(&mut provider_tab);
    let (status, _, _) = client.call("POST", &format!("/fr/messages/{id}"), &[("body", "Relayé par PostgreSQL")]);
    assert_eq!(status, 303);
    let delay = wait_for(&mut provider_tab, "#thread", "Relayé par PostgreSQL");
    assert!(delay < Duration::from_secs(1), "relayed in {delay:?}");
    drop(second);
}

#[actix_web::test]
async fn contact_as_a_visitor_signs_in_then_opens_the_conversation() {
    let mut app = TestApp::with_providers(0).await;
    let slug = demo_provider_slug(&app);
    app.get(&format!("/ar/providers/{slug}")).await.assert_status(200);
    let res = app.post_form(&format!("/ar/providers/{slug}/contact"), &[]).await;
    res.assert_status(303);
    let login = res.location();
    assert_eq!(login, format!("/ar/login?next=%2Far%2Fproviders%2F{slug}"));
    let doc = app.get(&login).await.assert_status(200).doc();
    assert_eq!(doc.attr("input[name=next]", "value"), format!("/ar/providers/{slug}"));
    let res = app
        .post_form(
            "/ar/login",
            &[("email", DEMO_CLIENT), ("password", DEMO_PASSWORD), ("next", &format!("/ar/providers/{slug}"))],
        )
        .await;
    res.assert_status(303);
    let location = res.location();
    assert!(location.starts_with("/ar/messages/"), "lands in the conversation: {location}");
    app.get(&location).await.assert_status(200);
    // Done once: the next sign-in goes where it is asked.
    app.post_form("/ar/logout", &[]).await.assert_status(303);
    let res = app.post_form("/ar/login", &[("email", DEMO_CLIENT), ("password", DEMO_PASSWORD)]).await;
    assert_eq!(res.location(), "/fr/account", "the demo client's account speaks French");
}

#[actix_web::test]
async fn unread_messages_are_emailed_once_an_hour_and_sending_is_rate_limited() {
    let mut app = TestApp::with_providers(0).await;
    let slug = demo_provider_slug(&app);
    app.sign_in(DEMO_CLIENT, DEMO_PASSWORD).await.assert_status(303);
    let res = app.post_form(&format!("/fr/providers/{slug}/contact"), &[]).await;
    let id: i64 = res.header("location").unwrap().rsplit('/').next().unwrap().parse().unwrap();
    let emailed = |app: &TestApp| {
        app.emails_to(DEMO_PROVIDER).iter().filter(|e| e.email.subject.contains("vous a écrit")).count()
    };
    app.post_form(&format!("/fr/messages/{id}"), &[("body", "Bonjour")]).await.assert_status(303);
    app.post_form(&format!("/fr/messages/{id}"), &[("body", "Vous êtes là ?")]).await.assert_status(303);
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(emailed(&app), 0, "not before a few minutes");
    app.state.clock.advance(chrono::Duration::minutes(6));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(emailed(&app), 1);
    let email = app.emails_to(DEMO_PROVIDER).last().unwrap().email.clone();
    assert!(email.text.contains("Vous êtes là ?") && email.text.contains("2 messages non lus"), "{}", email.text);
    app.post_form(&format!("/fr/messages/{id}"), &[("body", "Encore moi")]).await.assert_status(303);
    app.state.clock.advance(chrono::Duration::minutes(6));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(emailed(&app), 1, "at most one an hour");
    app.state.clock.advance(chrono::Duration::hours(1));
    khadamat::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(emailed(&app), 2);

    // Twenty messages a minute at most.
    let mut last = 0;
    for n in 0..25 {
        last = app.post_form(&format!("/fr/messages/{id}"), &[("body", &format!("n° {n}"))]).await.status.as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429);
}

/// The number of stored messages.
fn stored(server: &Server) -> i64 {
    let mut conn = server.state.db.get().unwrap();
    messages::table.count().get_result::<i64>(&mut conn).unwrap()
}

/// Waits for the first frames of a fresh socket (the badges it is brought up to date with).
fn settled(ws: &mut WebSocket<MaybeTlsStream<TcpStream>>) {
    wait_for(ws, "#bell-count", "bell-count");
}

fn send_text(ws: &mut WebSocket<MaybeTlsStream<TcpStream>>, conversation: i64, body: &str) {
    let _ = ws
        .send(Message::text(serde_json::json!({ "body": body, "conversation": conversation.to_string() }).to_string()));
}

#[test]
fn a_socket_ends_with_its_session() {
    let server = Server::start(1);
    let mut client = Client::signed_in(&server, DEMO_CLIENT);
    let id = conversation_between(&server, &mut client);
    let view = format!("conversation-{id}");

    // Signing out closes the open socket; a frame sent on it meanwhile is not stored.
    let mut tab = client.socket(&view).unwrap();
    settled(&mut tab);
    // A frame holding NUL and other controls is stored without them (PostgreSQL refuses NUL in text).
    send_text(&mut tab, id, "Sa\u{0}la\u{7}m");
    wait_for(&mut tab, "#thread", ">Salam<");
    let before = stored(&server);
    client.call("POST", "/fr/logout", &[]);
    send_text(&mut tab, id, "après la déconnexion");
    assert!(closed(&mut tab), "closed on sign-out");
    assert_eq!(stored(&server), before, "nothing stored after sign-out");

    // "Sign out other sessions": the other device's socket closes, this one's stays.
    let mut laptop = Client::signed_in(&server, DEMO_CLIENT);
    let phone = Client::signed_in(&server, DEMO_CLIENT);
    let mut phone_tab = phone.socket(&view).unwrap();
    let mut laptop_tab = laptop.socket(&view).unwrap();
    settled(&mut phone_tab);
    settled(&mut laptop_tab);
    laptop.call("GET", "/fr/account/security", &[]);
    let (status, _, _) = laptop.call("POST", "/fr/account/sessions/revoke-others", &[]);
    assert_eq!(status, 303);
    assert!(closed(&mut phone_tab), "the other session's socket closed");
    send_text(&mut laptop_tab, id, "toujours là");
    wait_for(&mut laptop_tab, "#thread", "toujours là");

    // A password reset signs out everywhere, sockets included.
    let mut anonymous = Client { base: server.base.clone(), cookies: BTreeMap::new(), csrf: String::new() };
    anonymous.call("GET", "/fr/password/forgot", &[]);
    anonymous.call("POST", "/fr/password/forgot", &[("email", DEMO_CLIENT)]);
    let link = server.link_in_last_email(DEMO_CLIENT, "/password/reset/");
    anonymous.call("GET", &link, &[]);
    let new_password = "une nouvelle phrase pour le thé";
    let (status, _, _) =
        anonymous.call("POST", &link, &[("password", new_password), ("password_confirmation", new_password)]);
    assert_eq!(status, 303);
    assert!(closed(&mut laptop_tab), "closed by the password reset");
}

#[test]
fn a_socket_ends_when_the_account_is_suspended_or_the_session_expires() {
    let server = Server::start_with(1, |config| config.websocket_ping_seconds = 1);
    let client = Client::signed_in(&server, DEMO_CLIENT);
    let mut tab = client.socket("").unwrap();
    settled(&mut tab);
    // The session expires (here: its row is made to) — the timer's check closes the socket within 3 s.
    {
        use khadamat::db::schema::sessions;
        let mut conn = server.state.db.get().unwrap();
        let user = khadamat::db::models::user::find_by_email(&mut conn, DEMO_CLIENT).unwrap().unwrap().id;
        let past = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1);
        diesel::update(sessions::table.filter(sessions::user_id.eq(user)))
            .set(sessions::expires_at.eq(past))
            .execute(&mut conn)
            .unwrap();
    }
    assert!(closed_within(&mut tab, Duration::from_secs(6)), "closed once its session expired");

    // An administrator suspends the account: its sockets close at once.
    let client = Client::signed_in(&server, DEMO_CLIENT);
    let mut tab = client.socket("").unwrap();
    settled(&mut tab);
    let mut admin = Client::admin(&server);
    let user = {
        let mut conn = server.state.db.get().unwrap();
        khadamat::db::models::user::find_by_email(&mut conn, DEMO_CLIENT).unwrap().unwrap().id
    };
    admin.call("GET", &format!("/fr/admin/users/{user}"), &[]);
    let (status, _, _) =
        admin.call("POST", &format!("/fr/admin/users/{user}/suspend"), &[("reason", "Comportement abusif signalé")]);
    assert_eq!(status, 303);
    assert!(closed_within(&mut tab, Duration::from_secs(2)), "closed on suspension");
}

#[test]
fn silent_sockets_are_closed_and_live_ones_kept() {
    let server = Server::start_with(1, |config| config.websocket_ping_seconds = 1);
    let client = Client::signed_in(&server, DEMO_CLIENT);
    let mut silent = client.socket("").unwrap();
    let mut live = client.socket("").unwrap();
    settled(&mut silent);
    settled(&mut live);
    // The live one reads (answering the pings) for 4 s; the silent one does not.
    let started = Instant::now();
    let mut pings = 0;
    while started.elapsed() < Duration::from_secs(4) {
        match live.read() {
            Ok(Message::Ping(_)) => pings += 1,
            Ok(Message::Close(_)) => panic!("the live socket was closed"),
            _ => {}
        }
    }
    assert!(pings >= 2, "pinged every second ({pings})");
    assert!(closed_within(&mut silent, Duration::from_secs(1)), "closed after 3 s of silence");
    live.send(Message::Ping(Vec::new())).unwrap();
    assert!(!closed_within(&mut live, Duration::from_millis(500)), "still open");
}

#[test]
fn the_handshake_refuses_an_opaque_origin() {
    let server = Server::start(0);
    let client = Client::signed_in(&server, DEMO_CLIENT);
    for origin in ["null", "https://evil.example"] {
        let mut req = format!("{}/ws?lang=fr", server.base.replacen("http", "ws", 1)).into_client_request().unwrap();
        req.headers_mut().insert("Cookie", client.cookie_header().parse().unwrap());
        req.headers_mut().insert("Origin", origin.parse().unwrap());
        assert!(tungstenite::connect(req).is_err(), "Origin {origin} refused");
    }
    assert!(client.socket("").is_some(), "this site's Origin is accepted");
}

fn closed_within(ws: &mut WebSocket<MaybeTlsStream<TcpStream>>, wait: Duration) -> bool {
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        match ws.read() {
            Ok(Message::Close(_)) => return true,
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return true,
        }
    }
    false
}
