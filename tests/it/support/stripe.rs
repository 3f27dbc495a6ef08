//! A local Stripe-protocol server: the endpoints the app calls (customers, Checkout sessions, subscriptions,
//! the customer portal) with Stripe's form-encoded requests and JSON objects, and webhooks signed as Stripe
//! signs them (`Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")`). Objects are built from Stripe's
//! published fixtures (`stripe_fixtures.json`: stripe/openapi `openapi/fixtures3.json`, commit f6c2a48, MIT),
//! so that the app's real async-stripe client parses exactly what it would get from Stripe. The app reaches it
//! through `STRIPE_API_BASE`; it also serves a plain Checkout page for the browser test.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDateTime;
use hmac::{Hmac, Mac};
use serde_json::{Value, json};

pub const SECRET_KEY: &str = "sk_test_khadamat_local";
pub const WEBHOOK_SECRET: &str = "whsec_khadamat_local";
pub const PRICE_MONTHLY: &str = "price_club_pro_monthly";
pub const PRICE_YEARLY: &str = "price_club_pro_yearly";

const FIXTURES: &str = include_str!("stripe_fixtures.json");

/// A request the app made, as received.
#[derive(Clone, Debug)]
pub struct Call {
    pub method: String,
    pub path: String,
    pub form: Vec<(String, String)>,
    pub idempotency_key: Option<String>,
}

impl Call {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Inner {
    next: u64,
    customers: HashMap<String, Value>,
    sessions: HashMap<String, Value>,
    subscriptions: HashMap<String, Value>,
    by_idempotency: HashMap<String, Value>,
    calls: Vec<Call>,
    /// Answer every API call with a 500 (Stripe having a bad day).
    down: bool,
    /// Where the Checkout page sends its events (browser test: the app's real address).
    webhook_url: Option<String>,
}

#[derive(Clone)]
pub struct StripeServer {
    pub base: String,
    inner: Arc<Mutex<Inner>>,
}

/// A signed webhook delivery: its body and its `Stripe-Signature` header.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub payload: String,
    pub signature: String,
}

fn fixture(name: &str) -> Value {
    let all: Value = serde_json::from_str(FIXTURES).expect("fixtures");
    all[name].clone()
}

fn ts(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

fn price_of(id: &str) -> Option<(&'static str, i64)> {
    match id {
        PRICE_MONTHLY => Some(("month", 19_900)),
        PRICE_YEARLY => Some(("year", 199_000)),
        _ => None,
    }
}

fn error(status: u16, message: &str) -> HttpResponse {
    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
        .json(json!({ "error": { "type": "invalid_request_error", "message": message } }))
}

impl StripeServer {
    pub fn start() -> StripeServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let inner = Arc::new(Mutex::new(Inner::default()));
        let server = StripeServer { base, inner };
        super::stand_in(listener, server.clone(), handle);
        server
    }

    /// Every API call the app made, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.inner.lock().unwrap().calls.clone()
    }

    pub fn calls_to(&self, method: &str, path_start: &str) -> Vec<Call> {
        self.calls().into_iter().filter(|c| c.method == method && c.path.starts_with(path_start)).collect()
    }

    pub fn set_down(&self, down: bool) {
        self.inner.lock().unwrap().down = down;
    }

    pub fn set_webhook_url(&self, url: &str) {
        self.inner.lock().unwrap().webhook_url = Some(url.to_string());
    }

    pub fn subscription(&self, id: &str) -> Value {
        self.inner.lock().unwrap().subscriptions[id].clone()
    }

    /// The latest Checkout session created.
    pub fn last_session(&self) -> Value {
        let inner = self.inner.lock().unwrap();
        inner.sessions.values().max_by_key(|s| s["created"].as_i64()).cloned().expect("a checkout session")
    }

    fn next_id(&self, prefix: &str) -> String {
        let mut inner = self.inner.lock().unwrap();
        inner.next += 1;
        format!("{prefix}_{:06}", inner.next)
    }

    /// Signs a payload as Stripe does, at time `t`.
    pub fn sign(payload: &str, t: i64, secret: &str) -> String {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{t}.{payload}").as_bytes());
        format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
    }

    /// An event about `object`, signed at `now`.
    pub fn event(&self, kind: &str, object: Value, now: NaiveDateTime) -> Delivery {
        let mut event = fixture("event");
        event["id"] = json!(self.next_id("evt"));
        event["type"] = json!(kind);
        event["created"] = json!(ts(now));
        event["livemode"] = json!(false);
        event["data"] = json!({ "object": object });
        let payload = event.to_string();
        let signature = Self::sign(&payload, ts(now), WEBHOOK_SECRET);
        Delivery { payload, signature }
    }

    fn new_subscription(&self, customer: &str, price: &str, metadata: Value, now: NaiveDateTime) -> Value {
        let id = self.next_id("sub");
        let (interval, amount) = price_of(price).expect("a known price");
        let mut s = fixture("subscription");
        s["id"] = json!(id);
        s["customer"] = json!(customer);
        s["status"] = json!("active");
        s["currency"] = json!("mad");
        s["created"] = json!(ts(now));
        s["start_date"] = json!(ts(now));
        s["billing_cycle_anchor"] = json!(ts(now));
        for field in ["cancel_at", "canceled_at", "ended_at", "trial_start", "trial_end", "latest_invoice"] {
            s[field] = Value::Null;
        }
        s["cancel_at_period_end"] = json!(false);
        s["metadata"] = metadata;
        let mut item = s["items"]["data"][0].clone();
        item["id"] = json!(self.next_id("si"));
        item["subscription"] = json!(id);
        item["price"]["id"] = json!(price);
        item["price"]["currency"] = json!("mad");
        item["price"]["unit_amount"] = json!(amount);
        item["price"]["unit_amount_decimal"] = json!(amount.to_string());
        item["price"]["recurring"]["interval"] = json!(interval);
        s["items"]["data"] = json!([item]);
        s["items"]["url"] = json!(format!("/v1/subscription_items?subscription={id}"));
        set_period(&mut s, now);
        s
    }

    fn new_invoice(&self, subscription: &Value, paid: bool, now: NaiveDateTime) -> Value {
        let id = self.next_id("in");
        let amount = subscription["items"]["data"][0]["price"]["unit_amount"].as_i64().unwrap();
        let mut i = fixture("invoice");
        i["id"] = json!(id);
        i["customer"] = json!(subscription["customer"]);
        i["currency"] = json!("mad");
        i["amount_due"] = json!(amount);
        i["amount_paid"] = json!(if paid { amount } else { 0 });
        i["amount_remaining"] = json!(if paid { 0 } else { amount });
        i["status"] = json!(if paid { "paid" } else { "open" });
        i["number"] = json!(format!("KHP-{}", &id[3..]));
        i["hosted_invoice_url"] = json!(format!("{}/invoices/{id}", self.base));
        i["created"] = json!(ts(now));
        i["status_transitions"]["paid_at"] = if paid { json!(ts(now)) } else { Value::Null };
        i["subscription"] = json!(subscription["id"]);
        i["parent"] = json!({
            "type": "subscription_details",
            "quote_details": null,
            "subscription_details": { "metadata": subscription["metadata"], "subscription": subscription["id"] },
        });
        i
    }

    /// The provider paid on the Checkout page: the subscription starts, its first invoice is paid, and Stripe
    /// sends `checkout.session.completed`, `customer.subscription.created` and `invoice.paid`.
    pub fn complete_checkout(&self, session_id: &str, now: NaiveDateTime) -> Vec<Delivery> {
        let session = self.inner.lock().unwrap().sessions[session_id].clone();
        let price = session["x_price"].as_str().unwrap().to_string();
        let metadata = session["x_subscription_metadata"].clone();
        let customer = session["customer"].as_str().unwrap().to_string();
        let sub = self.new_subscription(&customer, &price, metadata, now);
        let invoice = self.new_invoice(&sub, true, now);
        let mut done = session.clone();
        done["status"] = json!("complete");
        done["payment_status"] = json!("paid");
        done["subscription"] = json!(sub["id"]);
        {
            let mut inner = self.inner.lock().unwrap();
            inner.subscriptions.insert(sub["id"].as_str().unwrap().to_string(), sub.clone());
            inner.sessions.insert(session_id.to_string(), done.clone());
        }
        vec![
            self.event("checkout.session.completed", public(&done), now),
            self.event("customer.subscription.created", sub.clone(), now),
            self.event("invoice.paid", invoice, now),
        ]
    }

    /// The next period: renewed and paid (`invoice.paid`, `customer.subscription.updated`).
    pub fn renew(&self, sub_id: &str, now: NaiveDateTime) -> Vec<Delivery> {
        let sub = self.update(sub_id, |s| {
            s["status"] = json!("active");
            set_period(s, now);
        });
        let invoice = self.new_invoice(&sub, true, now);
        vec![self.event("invoice.paid", invoice, now), self.event("customer.subscription.updated", sub, now)]
    }

    /// The renewal payment failed: past due (`invoice.payment_failed`, `customer.subscription.updated`).
    pub fn fail_renewal(&self, sub_id: &str, now: NaiveDateTime) -> Vec<Delivery> {
        let sub = self.update(sub_id, |s| s["status"] = json!("past_due"));
        let invoice = self.new_invoice(&sub, false, now);
        vec![self.event("invoice.payment_failed", invoice, now), self.event("customer.subscription.updated", sub, now)]
    }

    /// Stripe ended the subscription (`customer.subscription.deleted`).
    pub fn end(&self, sub_id: &str, now: NaiveDateTime) -> Vec<Delivery> {
        let sub = self.update(sub_id, |s| {
            s["status"] = json!("canceled");
            s["canceled_at"] = json!(ts(now));
            s["ended_at"] = json!(ts(now));
        });
        vec![self.event("customer.subscription.deleted", sub, now)]
    }

    /// The subscription as it is now, in a `customer.subscription.updated` event.
    pub fn updated(&self, sub_id: &str, now: NaiveDateTime) -> Delivery {
        self.event("customer.subscription.updated", self.subscription(sub_id), now)
    }

    fn update(&self, sub_id: &str, change: impl FnOnce(&mut Value)) -> Value {
        let mut inner = self.inner.lock().unwrap();
        let sub = inner.subscriptions.get_mut(sub_id).expect("a subscription");
        change(sub);
        sub.clone()
    }
}

/// A session without this server's own bookkeeping fields.
fn public(session: &Value) -> Value {
    let mut s = session.clone();
    if let Some(map) = s.as_object_mut() {
        map.retain(|k, _| !k.starts_with("x_"));
    }
    s
}

/// A new period from `now`, one interval long.
fn set_period(s: &mut Value, now: NaiveDateTime) {
    let interval = s["items"]["data"][0]["price"]["recurring"]["interval"].as_str().unwrap_or("month").to_string();
    let days = if interval == "year" { 365 } else { 30 };
    s["items"]["data"][0]["current_period_start"] = json!(ts(now));
    s["items"]["data"][0]["current_period_end"] = json!(ts(now + chrono::Duration::days(days)));
}

async fn handle(req: HttpRequest, body: web::Bytes, server: web::Data<StripeServer>) -> HttpResponse {
    let path = req.path().to_string();
    let method = req.method().as_str().to_string();
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let query: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
    // The pages a person sees (Checkout, the portal, an invoice) are not the API.
    if let Some(rest) = path.strip_prefix("/checkout/") {
        return checkout_page(&server, &method, rest).await;
    }
    if path.starts_with("/portal/") || path.starts_with("/invoices/") {
        return HttpResponse::Ok().content_type("text/html").body("<!doctype html><title>Stripe</title><p>Stripe");
    }
    let idempotency_key = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::to_string);
    let call =
        Call { method: method.clone(), path: path.clone(), form: [form.clone(), query].concat(), idempotency_key };
    {
        let mut inner = server.inner.lock().unwrap();
        inner.calls.push(call.clone());
        if inner.down {
            return error(500, "Stripe is having a bad day");
        }
    }
    let auth = req.headers().get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
    if auth != format!("Bearer {SECRET_KEY}") {
        return error(401, "Invalid API Key provided");
    }
    if let Some(key) = &call.idempotency_key
        && method == "POST"
        && let Some(done) = server.inner.lock().unwrap().by_idempotency.get(key).cloned()
    {
        return HttpResponse::Ok().json(done);
    }
    let answer = api(&server, &call);
    if let (Some(key), Ok(done)) = (&call.idempotency_key, &answer)
        && method == "POST"
    {
        server.inner.lock().unwrap().by_idempotency.insert(key.clone(), done.clone());
    }
    match answer {
        Ok(v) => HttpResponse::Ok().json(v),
        Err((status, message)) => error(status, &message),
    }
}

fn api(server: &StripeServer, call: &Call) -> Result<Value, (u16, String)> {
    let segments: Vec<&str> = call.path.trim_start_matches("/v1/").split('/').collect();
    let metadata = |prefix: &str| {
        let map: serde_json::Map<String, Value> = call
            .form
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix(prefix).and_then(|r| r.strip_suffix(']')).map(|name| (name.to_string(), json!(v)))
            })
            .collect();
        Value::Object(map)
    };
    let missing = |name: &str| (400, format!("Missing required param: {name}."));
    match (call.method.as_str(), segments.as_slice()) {
        ("POST", ["customers"]) => {
            let mut c = fixture("customer");
            let id = server.next_id("cus");
            c["id"] = json!(id);
            c["email"] = json!(call.field("email"));
            c["name"] = json!(call.field("name"));
            c["metadata"] = metadata("metadata[");
            c["discount"] = Value::Null;
            server.inner.lock().unwrap().customers.insert(id, c.clone());
            Ok(c)
        }
        ("POST", ["checkout", "sessions"]) => {
            if call.field("mode") != Some("subscription") {
                return Err((400, "Only subscription mode here".into()));
            }
            let customer = call.field("customer").ok_or_else(|| missing("customer"))?;
            if !server.inner.lock().unwrap().customers.contains_key(customer) {
                return Err((400, format!("No such customer: '{customer}'")));
            }
            let price = call.field("line_items[0][price]").ok_or_else(|| missing("line_items[0][price]"))?;
            if price_of(price).is_none() {
                return Err((400, format!("No such price: '{price}'")));
            }
            let success = call.field("success_url").ok_or_else(|| missing("success_url"))?;
            let mut s = fixture("checkout.session");
            let id = server.next_id("cs_test");
            s["id"] = json!(id);
            s["url"] = json!(format!("{}/checkout/{id}", server.base));
            s["mode"] = json!("subscription");
            s["status"] = json!("open");
            s["customer"] = json!(customer);
            s["client_reference_id"] = json!(call.field("client_reference_id"));
            s["metadata"] = metadata("metadata[");
            s["success_url"] = json!(success);
            s["cancel_url"] = json!(call.field("cancel_url"));
            s["locale"] = json!(call.field("locale"));
            s["created"] = json!(server.inner.lock().unwrap().next);
            s["expires_at"] = json!(call.field("expires_at").and_then(|e| e.parse::<i64>().ok()));
            s["currency"] = json!("mad");
            s["x_price"] = json!(price);
            s["x_subscription_metadata"] = metadata("subscription_data[metadata][");
            server.inner.lock().unwrap().sessions.insert(id, s.clone());
            Ok(public(&s))
        }
        ("GET", ["subscriptions", id]) => server
            .inner
            .lock()
            .unwrap()
            .subscriptions
            .get(*id)
            .cloned()
            .ok_or((404, format!("No such subscription: '{id}'"))),
        ("POST", ["subscriptions", id]) => {
            let mut inner = server.inner.lock().unwrap();
            let s = inner.subscriptions.get_mut(*id).ok_or((404, format!("No such subscription: '{id}'")))?;
            if let Some(cancel) = call.field("cancel_at_period_end") {
                s["cancel_at_period_end"] = json!(cancel == "true");
            }
            if let Some(price) = call.field("items[0][price]") {
                let (interval, amount) = price_of(price).ok_or((400, format!("No such price: '{price}'")))?;
                if call.field("items[0][id]") != s["items"]["data"][0]["id"].as_str() {
                    return Err((400, "Subscription item not found".into()));
                }
                let item = &mut s["items"]["data"][0];
                item["price"]["id"] = json!(price);
                item["price"]["unit_amount"] = json!(amount);
                item["price"]["recurring"]["interval"] = json!(interval);
            }
            Ok(s.clone())
        }
        ("DELETE", ["subscriptions", id]) => {
            let mut inner = server.inner.lock().unwrap();
            let s = inner.subscriptions.get_mut(*id).ok_or((404, format!("No such subscription: '{id}'")))?;
            s["status"] = json!("canceled");
            Ok(s.clone())
        }
        ("POST", ["billing_portal", "sessions"]) => {
            let customer = call.field("customer").ok_or_else(|| missing("customer"))?;
            let mut p = fixture("billing_portal.session");
            let id = server.next_id("bps");
            p["id"] = json!(id);
            p["customer"] = json!(customer);
            p["flow"] = Value::Null;
            p["return_url"] = json!(call.field("return_url"));
            p["locale"] = json!(call.field("locale"));
            p["url"] = json!(format!("{}/portal/{id}", server.base));
            Ok(p)
        }
        _ => Err((404, format!("Unrecognized request URL ({} {})", call.method, call.path))),
    }
}

/// Stripe's Checkout, reduced to a "Pay" button: paying completes the session, delivers its events to the
/// app's webhook URL and returns to the success URL.
async fn checkout_page(server: &StripeServer, method: &str, rest: &str) -> HttpResponse {
    let (id, pay) = match rest.strip_suffix("/pay") {
        Some(id) => (id.to_string(), true),
        None => (rest.to_string(), false),
    };
    let Some(session) = server.inner.lock().unwrap().sessions.get(&id).cloned() else {
        return HttpResponse::NotFound().finish();
    };
    if !pay || method != "POST" {
        let page = format!(
            "<!doctype html><html lang=\"en\"><title>Checkout</title><link rel=\"icon\" href=\"data:,\"><h1>Test checkout</h1>\
             <form method=\"post\" action=\"/checkout/{id}/pay\"><button id=\"pay\" type=\"submit\">Pay</button></form>"
        );
        return HttpResponse::Ok().content_type("text/html").body(page);
    }
    let server = server.clone();
    let url = server.inner.lock().unwrap().webhook_url.clone();
    let deliveries = server.complete_checkout(&id, chrono::Utc::now().naive_utc());
    if let Some(url) = url {
        web::block(move || {
            for d in deliveries {
                ureq::post(&url)
                    .set("Stripe-Signature", &d.signature)
                    .set("Content-Type", "application/json")
                    .send_string(&d.payload)
                    .ok();
            }
        })
        .await
        .ok();
    }
    HttpResponse::SeeOther().insert_header(("Location", session["success_url"].as_str().unwrap_or("/"))).finish()
}

impl super::TestApp {
    /// The app talking to a local Stripe-protocol server, its Club Pro plans priced there.
    pub async fn with_stripe(providers: usize) -> (super::TestApp, StripeServer) {
        let server = StripeServer::start();
        let base = server.base.clone();
        let app = super::TestApp::configured(providers, |c| {
            c.stripe_secret_key = Some(SECRET_KEY.into());
            c.stripe_webhook_secret = Some(WEBHOOK_SECRET.into());
            c.stripe_api_base = base;
        })
        .await;
        app.conn(|c| {
            use diesel::prelude::*;
            use khadamat::db::schema::subscription_plans as plans;
            for (code, price) in [("CLUB_PRO_MONTHLY", PRICE_MONTHLY), ("CLUB_PRO_YEARLY", PRICE_YEARLY)] {
                diesel::update(plans::table.filter(plans::code.eq(code)))
                    .set(plans::stripe_price_id.eq(price))
                    .execute(c)
                    .unwrap();
            }
        });
        (app, server)
    }

    /// Delivers a webhook as Stripe does.
    pub async fn deliver(&mut self, d: &Delivery) -> super::TestResponse {
        let headers = [("Stripe-Signature", d.signature.as_str()), ("Content-Type", "application/json")];
        self.post_raw("/webhooks/stripe", &headers, &d.payload).await
    }
}
