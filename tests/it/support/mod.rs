//! The test harness: `TestApp` runs the real `build_app` in process on a fresh database (SQLite temp
//! file by default, a new PostgreSQL database when TEST_DATABASE_URL is set), with a cookie jar and
//! HTML assertions.

pub mod accounts;
pub mod db;
pub mod html;
pub mod logs;
pub mod push;
pub mod smtp;
pub mod stripe;

use std::collections::BTreeMap;

use actix_web::http::{Method, StatusCode, header};
use actix_web::{test, web};
use khadamat::config::Config;
use khadamat::db::{Db, DbConn, seed};
use khadamat::{AppState, build_app};

pub use db::TestDb;
pub use html::Doc;

pub struct TestApp {
    pub state: web::Data<AppState>,
    pub(crate) cookies: BTreeMap<String, String>,
    _db: TestDb,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn doc(&self) -> Doc {
        Doc::parse(&self.body)
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
    }

    pub fn location(&self) -> String {
        self.header("location").unwrap_or_default()
    }

    #[track_caller]
    pub fn assert_status(&self, expected: u16) -> &Self {
        assert_eq!(
            self.status.as_u16(),
            expected,
            "unexpected status; body starts with:\n{}",
            &self.body.chars().take(600).collect::<String>()
        );
        self
    }
}

impl TestApp {
    /// A fresh, migrated database with the reference data (categories, cities, plans) only.
    pub async fn new() -> TestApp {
        Self::with_providers(0).await
    }

    /// A fresh database with the reference data, the demo accounts and `n` demo providers.
    pub async fn with_providers(n: usize) -> TestApp {
        Self::configured(n, |_| {}).await
    }

    /// The same, with settings changed from the test defaults.
    pub async fn configured(n: usize, change: impl FnOnce(&mut Config)) -> TestApp {
        let test_db = TestDb::create();
        let mut config = Config::for_tests(&test_db.url);
        change(&mut config);
        let db =
            Db::connect_with(&config.database_url, config.database_pool_size, config.database_timeouts).expect("pool");
        {
            let mut conn = db.get().expect("connection");
            khadamat::db::migrations::run_pending(&mut conn).expect("migrations");
            seed::run(&mut conn, &seed::Options { providers: n, seed: 7, progress: false }).expect("seed");
        }
        let state = web::Data::new(AppState::new(config, db).expect("state"));
        TestApp { state, cookies: BTreeMap::new(), _db: test_db }
    }

    /// How many categories and cities the site shows (from the database: adding one to the reference data must
    /// not break tests about something else).
    pub fn shown_categories_and_cities(&self) -> (usize, usize) {
        self.conn(|c| {
            (
                khadamat::db::models::category::list_active(c).unwrap().len(),
                khadamat::db::models::city::list_active(c).unwrap().len(),
            )
        })
    }

    /// Runs code on a database connection (factories, checks).
    pub fn conn<T>(&self, f: impl FnOnce(&mut DbConn) -> T) -> T {
        let mut conn = self.state.db.get().expect("connection");
        f(&mut conn)
    }

    pub fn csrf_token(&self) -> String {
        self.cookies.get("csrf").cloned().unwrap_or_default()
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.request(Method::GET, path, &[], None).await
    }

    /// A GET as HTMX sends it for a fragment.
    pub async fn get_htmx(&mut self, path: &str) -> TestResponse {
        self.request(Method::GET, path, &[("HX-Request", "true")], None).await
    }

    pub async fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        self.request(Method::GET, path, headers, None).await
    }

    /// Posts a form with this browser's CSRF token (fetching a page first if it has none yet).
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.post_form_with(path, fields, &[]).await
    }

    /// A GET whose body is read as bytes (an encoded response): (Content-Encoding, body, Vary values, ETag).
    pub async fn request_bytes(
        &mut self,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (Option<String>, Vec<u8>, Vec<String>, Option<String>) {
        let app = test::init_service(build_app(self.state.clone())).await;
        let mut req = test::TestRequest::get().uri(path).peer_addr("127.0.0.1:5000".parse().unwrap());
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        if !self.cookies.is_empty() {
            let jar = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
            req = req.insert_header((header::COOKIE, jar));
        }
        let res = test::call_service(&app, req.to_request()).await;
        let text =
            |name: header::HeaderName| res.headers().get(&name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let encoding = text(header::CONTENT_ENCODING);
        let etag = text(header::ETAG);
        let vary = res.headers().get_all(header::VARY).filter_map(|v| v.to_str().ok()).map(str::to_string).collect();
        (encoding, test::read_body(res).await.to_vec(), vary, etag)
    }

    /// Posts a form with this browser's CSRF token and extra headers (an address through a proxy header).
    pub async fn post_form_with(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> TestResponse {
        if self.csrf_token().is_empty() {
            self.get("/fr/").await;
        }
        let token = self.csrf_token();
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        let body = serde_urlencoded::to_string(&all).expect("encodable form");
        let mut with: Vec<(&str, &str)> = vec![("content-type", "application/x-www-form-urlencoded")];
        with.extend_from_slice(headers);
        self.request(Method::POST, path, &with, Some(body)).await
    }

    /// Posts a raw body with the given headers (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, headers: &[(&str, &str)], body: &str) -> TestResponse {
        self.request(Method::POST, path, headers, Some(body.to_string())).await
    }

    pub async fn request(
        &mut self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<String>,
    ) -> TestResponse {
        self.send(method, path, headers, body.map(String::into_bytes)).await
    }

    /// Posts a multipart form with this browser's CSRF token, its text fields and one file (`photo`).
    pub async fn post_multipart(&mut self, path: &str, fields: &[(&str, &str)], file: (&str, &[u8])) -> TestResponse {
        if self.csrf_token().is_empty() {
            self.get("/fr/").await;
        }
        let boundary = "----khadamat-test-boundary-7d2f";
        let token = self.csrf_token();
        let mut body = Vec::new();
        for (name, value) in [("csrf_token", token.as_str())].iter().chain(fields) {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes(),
            );
        }
        let (filename, bytes) = file;
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend(format!("\r\n--{boundary}--\r\n").bytes());
        let content_type = format!("multipart/form-data; boundary={boundary}");
        self.send(Method::POST, path, &[("content-type", content_type.as_str())], Some(body)).await
    }

    pub async fn send(
        &mut self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> TestResponse {
        let app = test::init_service(build_app(self.state.clone())).await;
        let mut req =
            test::TestRequest::default().method(method).uri(path).peer_addr("127.0.0.1:5000".parse().unwrap());
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        if !self.cookies.is_empty() {
            let jar = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
            req = req.insert_header((header::COOKIE, jar));
        }
        if let Some(body) = body {
            req = req.set_payload(body);
        }
        // An error a middleware returns is what the server would answer: its response.
        let res = match test::try_call_service(&app, req.to_request()).await {
            Ok(res) => res.map_into_boxed_body(),
            Err(e) => {
                let response = e.error_response();
                let status = response.status();
                let headers = response.headers().clone();
                let bytes = actix_web::body::to_bytes(response.into_body()).await.unwrap_or_default();
                return TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() };
            }
        };
        for cookie in res.response().cookies() {
            if cookie.max_age().is_some_and(|a| a.is_zero()) || cookie.value().is_empty() {
                self.cookies.remove(cookie.name());
            } else {
                self.cookies.insert(cookie.name().to_string(), cookie.value().to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = test::read_body(res).await;
        TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }
}

/// Runs a stand-in for a service this machine cannot reach (Stripe, a push service) on 127.0.0.1, in its own
/// thread: every request goes to `handler` with `state` as app data. The listener is bound first, so the
/// caller can name the address before the server runs.
pub fn stand_in<S, F, Args>(listener: std::net::TcpListener, state: S, handler: F)
where
    S: Clone + Send + 'static,
    F: actix_web::Handler<Args> + Clone + Send + 'static,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    let (ready, started) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let http = actix_web::HttpServer::new(move || {
                actix_web::App::new().app_data(web::Data::new(state.clone())).default_service(web::to(handler.clone()))
            })
            .workers(1)
            .listen(listener)
            .expect("listen")
            .run();
            ready.send(()).ok();
            http.await.ok();
        })
    });
    started.recv().expect("stand-in started");
}
