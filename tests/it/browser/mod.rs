//! Browser tests: real headless Chromium (Debian `chromium` + `chromedriver`, found on PATH) driven over the
//! WebDriver protocol against a real server on a loopback port. They are `#[ignore]`d, so a plain `cargo test`
//! reports them as ignored, never as passed; `cargo test -- --ignored browser::` runs them (CI does), and then
//! a missing Chromium is a failure.

mod accounts;
mod bookings;
mod club_pro;
mod home;
mod layout;
mod messages;
mod phone;
mod photos;
mod pwa;
mod webdriver;

use std::sync::mpsc;

use actix_web::{HttpServer, web};
use khadamat::config::Config;
use khadamat::db::{Db, migrations, seed};
use khadamat::{AppState, build_app};

use crate::support::TestDb;

pub use webdriver::Browser;

/// A server on 127.0.0.1 with its own database, stopped when dropped.
pub struct Server {
    pub base: String,
    pub state: web::Data<AppState>,
    handle: actix_web::dev::ServerHandle,
    _db: Option<TestDb>,
}

impl Server {
    pub fn start(providers: usize) -> Server {
        Self::start_with(providers, |_| {})
    }

    /// The same, with settings changed from the test defaults.
    pub fn start_with(providers: usize, change: impl FnOnce(&mut Config)) -> Server {
        let test_db = TestDb::create();
        {
            let db = Db::connect(&test_db.url, 1).expect("pool");
            let mut conn = db.get().expect("connection");
            migrations::run_pending(&mut conn).expect("migrations");
            seed::run(&mut conn, &seed::Options { providers, seed: 11, progress: false }).expect("seed");
        }
        let mut config = Config::for_tests(&test_db.url);
        change(&mut config);
        Self::launch(config, Some(test_db))
    }

    /// Another instance of the application on this one's database (PostgreSQL: events relayed between them).
    pub fn second(&self) -> Server {
        Self::launch(Config::for_tests(&self.state.config.database_url), None)
    }

    /// Stops this server (the browser sees the site offline).
    pub fn stop(&self) {
        let handle = self.handle.clone();
        std::thread::spawn(move || actix_web::rt::System::new().block_on(handle.stop(false))).join().ok();
    }

    /// Stops this server and starts a new one on the same address and database, its settings changed.
    pub fn restart(mut self, change: impl FnOnce(&mut Config)) -> Server {
        let mut config = self.state.config.clone();
        change(&mut config);
        let db = self._db.take();
        let addr = self.base.trim_start_matches("http://").to_string();
        self.stop();
        let listener = (0..100)
            .find_map(|_| {
                std::net::TcpListener::bind(&addr).ok().or_else(|| {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                    None
                })
            })
            .expect("the same address again");
        Self::launch_on(listener, config, db)
    }

    fn launch(config: Config, test_db: Option<TestDb>) -> Server {
        Self::launch_on(std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind"), config, test_db)
    }

    fn launch_on(listener: std::net::TcpListener, mut config: Config, test_db: Option<TestDb>) -> Server {
        // The site's own address is the one it listens on (links in emails, Stripe's return pages).
        let addr = listener.local_addr().expect("address");
        config.base_url = format!("http://{addr}");
        let db = Db::connect(&config.database_url, 4).expect("pool");
        let state = web::Data::new(AppState::new(config, db).expect("state"));
        state.start_relay();
        let shared = state.clone();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = HttpServer::new(move || build_app(state.clone()))
                    .workers(1)
                    .disable_signals()
                    .listen(listener)
                    .expect("listen");
                let running = server.run();
                tx.send(running.handle()).expect("report the handle");
                running.await
            })
        });
        let handle = rx.recv().expect("server started");
        Server { base: format!("http://{addr}"), state: shared, handle, _db: test_db }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        std::thread::spawn(move || actix_web::rt::System::new().block_on(handle.stop(false))).join().ok();
    }
}

/// Starts a browser, or explains why the test is skipped.
pub fn browser(javascript: bool) -> Browser {
    Browser::start(javascript).unwrap_or_else(|reason| {
        panic!("{reason}: browser tests need the Debian packages chromium and chromium-driver (see README)")
    })
}

impl Server {
    /// The path of the first link containing `marker` in the newest email to `to`.
    pub fn link_in_last_email(&self, to: &str, marker: &str) -> String {
        let email = self.state.mailer.sent().into_iter().rev().find(|e| e.email.to == to).expect("an email");
        let base = &self.state.config.base_url;
        let link = email.email.text.split_whitespace().find(|w| w.contains(marker)).expect("a link").to_string();
        link.strip_prefix(base.as_str()).unwrap_or(&link).to_string()
    }
}

/// Signs a demo account in (password `DEMO_PASSWORD`) and waits for the account page.
pub fn sign_in(b: &Browser, server: &Server, email: &str) {
    b.goto(&server.url("/fr/login"));
    b.type_into("#f-email", email);
    b.type_into("#f-password", seed::DEMO_PASSWORD);
    b.click("#login-form button[type=submit]");
    b.wait_until("the account page", |b| b.current_url().ends_with("/fr/account"));
}
