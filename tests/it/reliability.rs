//! When the database is gone, busy or locked, pages answer a localized 503 with `Retry-After` within the
//! configured timeouts instead of hanging; liveness stays 200 and readiness says 503 (issue 18, R2/R3).

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use khadamat::db::{Backend, DbConnectionManager, Timeouts};

use crate::support::TestApp;

const SHORT: Timeouts = Timeouts { acquire: Duration::from_millis(300), statement: Some(Duration::from_millis(800)) };

async fn app_with_short_timeouts(pool: u32) -> TestApp {
    TestApp::configured(0, |c| {
        c.database_pool_size = pool;
        c.database_timeouts = SHORT;
        // As in production: the site-wide figures (they count bookings) are a copy, kept when a refresh fails.
        c.showcase_seconds = 60;
    })
    .await
}

#[actix_web::test]
async fn a_busy_pool_answers_503_at_once_and_readiness_follows() {
    let mut app = app_with_short_timeouts(1).await;
    app.get("/ready").await.assert_status(200);
    let signed_in = app.signed_in("client.busy@example.com", "CLIENT").await;
    let visitor = app.switch_browser(Default::default());
    let held = app.state.db.get().expect("the only connection");

    for (lang, title) in [("fr", "Service momentanément indisponible"), ("ar", "الخدمة غير متاحة مؤقتًا")]
    {
        let started = Instant::now();
        let res = app.get(&format!("/{lang}/providers?q=plomberie")).await;
        res.assert_status(503);
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
        assert_eq!(res.header("retry-after").as_deref(), Some("5"));
        assert_eq!(res.doc().text("h1"), title);
        assert!(!res.body.contains("pool") && !res.body.contains("timed out"), "no internals");
    }
    // A signed-in visitor: the session itself cannot be read, and that too is a 503, not a 500.
    let visitor = app.switch_browser(visitor);
    let res = app.get("/fr/account").await;
    res.assert_status(503);
    assert_eq!(res.header("retry-after").as_deref(), Some("5"));
    app.switch_browser(visitor);
    assert!(signed_in > 0);

    let started = Instant::now();
    app.get("/health").await.assert_status(200);
    assert!(started.elapsed() < Duration::from_millis(100), "liveness never waits for the database");
    let ready = app.get("/ready").await;
    ready.assert_status(503);
    assert!(ready.body.contains("\"status\":\"unavailable\""));

    drop(held);
    app.get("/ready").await.assert_status(200);
    app.get("/fr/services").await.assert_status(200);
}

/// A table locked by someone else (a long migration, a stuck transaction) delays only what needs it, and for
/// no longer than the statement timeout; other pages keep answering.
#[actix_web::test]
async fn a_locked_table_delays_only_its_readers_and_only_for_the_timeout() {
    let mut app = app_with_short_timeouts(4).await;
    let client = app.signed_in("client.locked@example.com", "CLIENT").await;
    assert!(client > 0);
    app.get("/fr/").await.assert_status(200);
    let url = app.state.config.database_url.clone();
    let mut locker = DbConnectionManager::connect(&url).expect("second connection");
    // PostgreSQL: nobody may read `bookings`. SQLite: one writer at a time, so writers wait.
    let (blocked, method_is_post) = match app.state.db.backend() {
        Backend::Postgres => {
            locker.batch_execute("BEGIN; LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE").unwrap();
            ("/fr/account/bookings", false)
        }
        Backend::Sqlite => {
            locker.batch_execute("BEGIN IMMEDIATE; DELETE FROM audit_logs WHERE 0").unwrap();
            ("/fr/account/notifications/read-all", true)
        }
    };
    let started = Instant::now();
    let res = if method_is_post { app.post_form(blocked, &[]).await } else { app.get(blocked).await };
    res.assert_status(503);
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(700) && waited < Duration::from_millis(2500), "{waited:?}");
    assert_eq!(res.header("retry-after").as_deref(), Some("5"));

    let started = Instant::now();
    app.get("/fr/legal/privacy").await.assert_status(200);
    app.get("/fr/").await.assert_status(200);
    assert!(started.elapsed() < Duration::from_millis(700), "{:?}", started.elapsed());

    locker.batch_execute("ROLLBACK").unwrap();
    let res = if method_is_post { app.post_form(blocked, &[]).await } else { app.get(blocked).await };
    assert!(res.status.as_u16() < 500, "{}", res.status);
}

/// Each route holds at most half the pool: when one page's share is taken (its visitors all waiting on a lock),
/// that page answers 503 after the acquire timeout and the others still get connections.
#[actix_web::test]
async fn one_stuck_page_cannot_take_the_whole_pool() {
    let mut app = app_with_short_timeouts(4).await;
    app.get("/fr/").await.assert_status(200);
    let route = app.state.pool_shares.of("/{lang}/providers");
    let _taken = route.clone().acquire_many_owned(2).await.expect("the route's whole share");
    let started = Instant::now();
    app.get("/fr/providers?q=plombier").await.assert_status(503);
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());
    app.get("/fr/").await.assert_status(200);
    app.get("/fr/legal/privacy").await.assert_status(200);
    app.get("/ready").await.assert_status(200);
}

/// A body trickled byte by byte is cut at its deadline (10 s for a small form) with 408 and the connection
/// closed, through a real server and socket; a normal post on the same server is unaffected.
#[actix_web::test]
async fn a_trickled_body_is_cut_with_408() {
    use std::io::{Read, Write};
    let app = TestApp::new().await;
    let (addr, handle) = serve(&app);

    let started = Instant::now();
    let (status, closed_after) = actix_web::rt::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(
            s,
            "POST /fr/contact HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: 1000\r\n\r\n"
        )
        .unwrap();
        // One byte a second; the server must not wait for the 1,000.
        let writer = s.try_clone().unwrap();
        std::thread::spawn(move || {
            let mut w = writer;
            while w.write_all(b"a").is_ok() {
                std::thread::sleep(Duration::from_secs(1));
            }
        });
        let mut answer = Vec::new();
        let mut buf = [0u8; 4096];
        loop {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            }
        }
        (String::from_utf8_lossy(&answer).lines().next().unwrap_or_default().to_string(), started.elapsed())
    })
    .await
    .unwrap();
    assert_eq!(status, "HTTP/1.1 408 Request Timeout");
    assert!(closed_after >= Duration::from_secs(9) && closed_after < Duration::from_secs(14), "{closed_after:?}");
    handle.stop(false).await;
}

/// The app on a real socket (a free port on 127.0.0.1), as `khadamat serve` runs it.
fn serve(app: &TestApp) -> (std::net::SocketAddr, actix_web::dev::ServerHandle) {
    let state = app.state.clone();
    let server = actix_web::HttpServer::new(move || khadamat::build_app(state.clone()))
        .workers(1)
        .bind(("127.0.0.1", 0))
        .unwrap();
    let addr = server.addrs()[0];
    let server = server.run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (addr, handle)
}

/// `khadamat health [--ready]`, the container's health check, asks a real server.
#[actix_web::test]
async fn the_health_command_asks_liveness_and_readiness() {
    let app = app_with_short_timeouts(1).await;
    let (addr, handle) = serve(&app);
    let probe = move |path: &'static str| {
        actix_web::rt::task::spawn_blocking(move || khadamat::cli::probe(addr.port(), path, Duration::from_secs(3)))
    };
    assert_eq!(probe("/health").await.unwrap().unwrap(), 200);
    assert_eq!(probe("/ready").await.unwrap().unwrap(), 200);
    let held = app.state.db.get().unwrap();
    assert_eq!(probe("/health").await.unwrap().unwrap(), 200);
    assert_eq!(probe("/ready").await.unwrap().unwrap(), 503);
    drop(held);
    handle.stop(false).await;
    assert!(probe("/health").await.unwrap().is_err(), "nothing listens any more");
}

/// A form body over 64 KiB is refused with 413 from its declared length, before any of it is read (R12: a
/// stream of 1 MB posts costs no memory).
#[actix_web::test]
async fn an_oversized_form_is_refused_before_it_is_read() {
    let mut app = TestApp::new().await;
    app.get("/fr/login").await.assert_status(200);
    let body = format!("email=a%40example.ma&password={}&csrf_token={}", "a".repeat(1024 * 1024), app.csrf_token());
    let res = app
        .request(
            actix_web::http::Method::POST,
            "/fr/login",
            &[("Content-Type", "application/x-www-form-urlencoded"), ("Origin", "http://localhost:4000")],
            Some(body),
        )
        .await;
    res.assert_status(413);
    assert!(res.doc().text("h1").contains("Requête"), "the localized page: {}", res.doc().text("h1"));
}
