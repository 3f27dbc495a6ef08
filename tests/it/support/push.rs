//! A local push service: what a browser vendor's push endpoint does with the app's requests (RFC 8030), here
//! on 127.0.0.1. It keeps every request as received and answers with the status the test sets (201 by default;
//! 410 for an unsubscribed device, 500 for a bad day). The test checks the VAPID JWT with the server's public
//! key and decrypts the aes128gcm payload with the subscription's private key, as the browser would.

use std::sync::{Arc, Mutex};

use actix_web::{HttpRequest, HttpResponse, web};

/// One request the app made.
#[derive(Clone, Debug)]
pub struct Received {
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Inner {
    received: Vec<Received>,
    status: Option<u16>,
}

#[derive(Clone)]
pub struct PushService {
    pub base: String,
    inner: Arc<Mutex<Inner>>,
}

async fn handle(req: HttpRequest, body: web::Bytes, service: web::Data<PushService>) -> HttpResponse {
    let mut inner = service.inner.lock().unwrap();
    inner.received.push(Received {
        path: req.path().to_string(),
        headers: req
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_string()))
            .collect(),
        body: body.to_vec(),
    });
    let status = inner.status.unwrap_or(201);
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap()).finish()
}

impl PushService {
    pub fn start() -> PushService {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let service = PushService { base, inner: Arc::new(Mutex::new(Inner::default())) };
        super::stand_in(listener, service.clone(), handle);
        service
    }

    /// Every later request is answered with this status.
    pub fn answer(&self, status: u16) {
        self.inner.lock().unwrap().status = Some(status);
    }

    pub fn received(&self) -> Vec<Received> {
        self.inner.lock().unwrap().received.clone()
    }
}

/// A browser's push subscription: the keys the browser keeps (to decrypt) and what it gives the site.
pub struct Subscription {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    keys: ece::crypto::EcKeyComponents,
    secret: Vec<u8>,
}

impl Subscription {
    pub fn new(service: &PushService, name: &str) -> Subscription {
        use base64::Engine;
        let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
        let (pair, secret) = ece::generate_keypair_and_auth_secret().expect("keys");
        Subscription {
            endpoint: format!("{}/push/{name}", service.base),
            p256dh: b64(&pair.pub_as_raw().expect("public key")),
            auth: b64(&secret),
            keys: pair.raw_components().expect("components"),
            secret: secret.to_vec(),
        }
    }

    /// The payload as the service worker gets it.
    pub fn decrypt(&self, body: &[u8]) -> serde_json::Value {
        let plain = ece::decrypt(&self.keys, &self.secret, body).expect("aes128gcm payload");
        serde_json::from_slice(&plain).expect("JSON payload")
    }
}
