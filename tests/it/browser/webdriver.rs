//! A small WebDriver client (W3C protocol over HTTP, via ureq) for chromedriver.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Browser {
    driver: Child,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

/// A program named by an environment variable, or the first of `names` found on PATH.
fn find(variable: &str, names: &[&str]) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(variable).map(std::path::PathBuf::from) {
        return path.exists().then_some(path);
    }
    let dirs: Vec<std::path::PathBuf> = std::env::split_paths(&std::env::var_os("PATH")?).collect();
    names.iter().flat_map(|name| dirs.iter().map(move |dir| dir.join(name))).find(|p| p.is_file())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Browser {
    pub fn start(javascript: bool) -> Result<Browser, String> {
        let chromium = find("CHROME_BIN", &["chromium", "chromium-browser", "google-chrome", "chrome"])
            .ok_or("chromium is not installed (not on PATH; or set CHROME_BIN)")?;
        let chromium = chromium.display().to_string();
        let driver_path = find("CHROMEDRIVER", &["chromedriver"])
            .ok_or("chromedriver is not installed (not on PATH; or set CHROMEDRIVER)")?;
        let port = free_port();
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("chromedriver: {e}"))?;
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while ureq::get(&format!("{base}/status")).call().is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not answer".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut prefs = json!({});
        if !javascript {
            prefs = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:loggingPrefs": { "browser": "ALL" },
                "goog:chromeOptions": {
                    "binary": chromium,
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1280,900", "--lang=fr",
                        format!("--user-data-dir={}", profile.path().display()),
                    ],
                    "prefs": prefs,
                }
            }}
        });
        let mut browser = Browser { driver, base, session: String::new(), _profile: profile };
        let created = browser.post("/session", capabilities)?;
        browser.session = created["sessionId"].as_str().ok_or("no session id")?.to_string();
        Ok(browser)
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, String> {
        let url = if path == "/session" {
            format!("{}{path}", self.base)
        } else {
            format!("{}/session/{}{path}", self.base, self.session)
        };
        match ureq::post(&url).send_json(body) {
            Ok(res) => res.into_json::<Value>().map(|v| v["value"].clone()).map_err(|e| e.to_string()),
            Err(ureq::Error::Status(code, res)) => Err(format!("{code}: {}", res.into_string().unwrap_or_default())),
            Err(e) => Err(e.to_string()),
        }
    }

    fn get(&self, path: &str) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        ureq::get(&url).call().expect(path).into_json::<Value>().expect("json")["value"].clone()
    }

    /// A Chrome DevTools Protocol command, through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.post("/goog/cdp/execute", json!({ "cmd": cmd, "params": params })).expect("cdp")
    }

    pub fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url })).expect("navigate");
    }

    pub fn current_url(&self) -> String {
        self.get("/url").as_str().unwrap_or_default().to_string()
    }

    pub fn title(&self) -> String {
        self.get("/title").as_str().unwrap_or_default().to_string()
    }

    pub fn resize(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({ "width": width, "height": height })).expect("resize");
    }

    pub fn find(&self, css: &str) -> Option<String> {
        self.post("/element", json!({ "using": "css selector", "value": css }))
            .ok()
            .and_then(|v| v[ELEMENT_KEY].as_str().map(str::to_string))
    }

    /// Waits up to 5 s for an element.
    #[track_caller]
    pub fn wait_for(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            if let Some(id) = self.find(css) {
                return id;
            }
            assert!(Instant::now() < deadline, "no element {css:?} on {}", self.current_url());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[track_caller]
    pub fn wait_until(&self, what: &str, check: impl Fn(&Browser) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while !check(self) {
            assert!(Instant::now() < deadline, "timed out waiting for {what} on {}", self.current_url());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks an element; found again if the page replaced it meanwhile (live swaps).
    #[track_caller]
    pub fn click(&self, css: &str) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let id = self.wait_for(css);
            match self.post(&format!("/element/{id}/click"), json!({})) {
                Ok(_) => return,
                Err(e) => assert!(Instant::now() < deadline, "could not click {css:?}: {e}"),
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[track_caller]
    pub fn type_into(&self, css: &str, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let id = self.wait_for(css);
            match self.post(&format!("/element/{id}/value"), json!({ "text": text })) {
                Ok(_) => return,
                Err(e) => assert!(Instant::now() < deadline, "could not type into {css:?}: {e}"),
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The text of an element; found again if the page replaced it meanwhile (navigation, live swaps).
    #[track_caller]
    pub fn text(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let id = self.wait_for(css);
            let url = format!("{}/session/{}/element/{id}/text", self.base, self.session);
            if let Ok(res) = ureq::get(&url).call() {
                return res
                    .into_json::<Value>()
                    .ok()
                    .and_then(|v| v["value"].as_str().map(str::to_string))
                    .unwrap_or_default();
            }
            assert!(Instant::now() < deadline, "the element {css:?} kept going stale");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn script(&self, source: &str) -> Value {
        self.post("/execute/sync", json!({ "script": source, "args": [] })).expect("script")
    }

    /// Console messages of level SEVERE since the last call.
    pub fn console_errors(&self) -> Vec<String> {
        self.post("/se/log", json!({ "type": "browser" }))
            .map(|logs| {
                logs.as_array()
                    .into_iter()
                    .flatten()
                    .filter(|l| l["level"] == "SEVERE")
                    .map(|l| l["message"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn screenshot(&self, path: &Path) {
        let data = self.get("/screenshot");
        let bytes = base64::engine::general_purpose::STANDARD.decode(data.as_str().expect("png data")).expect("base64");
        std::fs::create_dir_all(path.parent().unwrap()).ok();
        std::fs::write(path, bytes).expect("write screenshot");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = ureq::delete(&format!("{}/session/{}", self.base, self.session)).call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
