//! Web push (RFC 8030), with VAPID (RFC 8292) and the aes128gcm payload encryption (RFC 8291), by the
//! `web-push` crate; its requests are sent with `ureq`, from the outbox's sender (pushes are outbox rows of
//! channel PUSH: written in the transaction of the change they report, retried with the same backoff as email).
//!
//! The rule between push and email: booking and review events go by email (the record, with the details) and
//! by push (the alert), each as the person's per-topic switches say; a new message goes by push one minute
//! after it was sent, only if it is still unread then, and a person who has a push device gets no email digest
//! of unread messages (`services::messages::email_unread`). A push service answering 404 or 410 means the
//! device unsubscribed: its row goes, and its waiting pushes with it.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::Connection;
use web_push::{
    ContentEncoding, SubscriptionInfo, Urgency, VapidSignatureBuilder, WebPushError, WebPushMessageBuilder,
    request_builder,
};

use crate::config::Vapid;
use crate::db::models::outbox::OutboxEmail;
use crate::db::models::push_subscription::{self, PushSubscription};
use crate::db::models::{User, conversation};
use crate::db::{Db, DbConn, now};
use crate::domain::outbox::PUSH_WINDOW;
use crate::error::AppError;
use crate::services::Refused;
use crate::services::audit::{self, Actor, Entry};
use crate::services::outbox::{self, NewPush, PushSender, PushSent, Queued};

/// Devices a person may have receiving push.
pub const DEVICES_MAX: usize = 10;

/// One push as written to the outbox: what the service worker shows, and when it is not needed any more.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Push {
    pub title: String,
    pub body: String,
    /// The page a click opens ("/fr/provider/bookings/12").
    pub url: String,
    /// Replaces an earlier notification with the same tag on the device.
    pub tag: String,
    pub lang: String,
    /// A request waiting for an answer is urgent; the rest is not.
    pub urgent: bool,
    /// A message's push: not sent when the message was read meanwhile.
    #[serde(default)]
    pub message: Option<i64>,
}

/// Queues a push to every device of a person, due at `due` (in the caller's transaction).
pub fn notify(conn: &mut DbConn, user_id: i64, push: &Push, due: NaiveDateTime) -> Result<Queued, AppError> {
    let payload = serde_json::to_string(push).map_err(|e| AppError::internal(e.to_string()))?;
    let mut queued = Queued::default();
    for device in push_subscription::for_user(conn, user_id)? {
        let row = NewPush {
            device_id: device.id,
            device: &device.device,
            lang: &push.lang,
            title: &push.title,
            payload: &payload,
        };
        queued += outbox::queue_push(conn, &row, due)?;
    }
    Ok(queued)
}

/// Sends pushes: the server's VAPID key pair and an HTTP agent.
pub struct Pusher {
    vapid: Option<Vapid>,
    agent: ureq::Agent,
}

impl Pusher {
    pub fn new(vapid: Option<Vapid>) -> Result<Pusher, AppError> {
        let tls = native_tls::TlsConnector::new().map_err(|e| AppError::internal(format!("TLS: {e}")))?;
        let agent =
            ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).tls_connector(std::sync::Arc::new(tls)).build();
        Ok(Pusher { vapid, agent })
    }

    /// The key browsers subscribe with (base64url), when push is on.
    pub fn public_key(&self) -> Option<&str> {
        self.vapid.as_ref().map(|v| v.public_key.as_str())
    }

    /// Posts one push. `Err(None)`: the device is gone (404/410); `Err(Some(why))`: try again later.
    fn post(&self, vapid: &Vapid, device: &PushSubscription, push: &Push) -> Result<(), Option<String>> {
        let failed = |e: &dyn std::fmt::Display| Some(e.to_string());
        let info = SubscriptionInfo::new(device.endpoint.as_str(), device.p256dh.as_str(), device.auth.as_str());
        let mut signature = VapidSignatureBuilder::from_base64(&vapid.private_key, &info).map_err(|e| failed(&e))?;
        signature.add_claim("sub", vapid.subject.as_str());
        // RFC 8292: the audience is the endpoint's origin, its port included when not the default (the crate
        // leaves the port out).
        signature.add_claim("aud", origin(&device.endpoint));
        // Only what the service worker shows travels.
        let payload = serde_json::json!({
            "title": push.title, "body": push.body, "url": push.url, "tag": push.tag, "lang": push.lang,
        })
        .to_string();
        let mut message = WebPushMessageBuilder::new(&info);
        message.set_payload(ContentEncoding::Aes128Gcm, payload.as_bytes());
        message.set_ttl(PUSH_WINDOW.num_seconds() as u32);
        message.set_urgency(if push.urgent { Urgency::High } else { Urgency::Normal });
        message.set_vapid_signature(signature.build().map_err(|e| failed(&e))?);
        let request = request_builder::build_request::<Vec<u8>>(message.build().map_err(|e| failed(&e))?);
        let mut call = self.agent.post(&request.uri().to_string());
        for (name, value) in request.headers() {
            call = call.set(name.as_str(), value.to_str().unwrap_or_default());
        }
        let (status, body) = match call.send_bytes(request.body()) {
            Ok(_) => return Ok(()),
            Err(ureq::Error::Status(status, res)) => {
                let mut body = Vec::new();
                let _ = std::io::Read::read_to_end(&mut std::io::Read::take(res.into_reader(), 64 * 1024), &mut body);
                (status, body)
            }
            Err(e) => return Err(failed(&e)),
        };
        let status = http::StatusCode::from_u16(status).map_err(|e| failed(&e))?;
        match request_builder::parse_response(status, body) {
            Ok(()) => Ok(()),
            Err(WebPushError::EndpointNotValid(_) | WebPushError::EndpointNotFound(_)) => Err(None),
            Err(e) => Err(failed(&e)),
        }
    }
}

impl PushSender for Pusher {
    /// Sends one claimed PUSH row (blocking: the outbox's sender runs on the blocking pool). `Err`: retry later.
    fn send_push(&self, db: &Db, row: &OutboxEmail) -> Result<PushSent, String> {
        let Some(device_id) = row.push_subscription_id else { return Ok(PushSent::NotNeeded) };
        let push: Push = serde_json::from_str(&row.body_text).map_err(|e| format!("push payload: {e}"))?;
        let device = {
            let mut conn = db.get().map_err(|e| e.to_string())?;
            if let Some(id) = push.message
                && conversation::message(&mut conn, id).map_err(|e| e.to_string())?.is_none_or(|m| m.read_at.is_some())
            {
                return Ok(PushSent::NotNeeded);
            }
            push_subscription::find(&mut conn, device_id).map_err(|e| e.to_string())?
        };
        let Some(device) = device else { return Ok(PushSent::DeviceGone) };
        let vapid = self.vapid.as_ref().ok_or("push is off: no VAPID keys")?;
        match self.post(vapid, &device, &push) {
            Ok(()) => {
                let mut conn = db.get().map_err(|e| e.to_string())?;
                push_subscription::mark_success(&mut conn, device.id, now()).map_err(|e| e.to_string())?;
                Ok(PushSent::Delivered)
            }
            Err(None) => {
                let mut conn = db.get().map_err(|e| e.to_string())?;
                push_subscription::delete(&mut conn, device.id).map_err(|e| e.to_string())?;
                tracing::info!(device = device.id, "push device unsubscribed (404/410): removed");
                Ok(PushSent::DeviceGone)
            }
            Err(Some(e)) => Err(format!("push: {e}")),
        }
    }
}

/// "https://push.example.com:8443" of "https://push.example.com:8443/send/abc".
fn origin(endpoint: &str) -> String {
    let uri = endpoint.parse::<http::Uri>().unwrap_or_default();
    let (scheme, authority) = (uri.scheme_str().unwrap_or("https"), uri.authority().map_or("", |a| a.as_str()));
    format!("{scheme}://{authority}")
}

/// A subscription as the browser gives it (`PushSubscription.toJSON()`: endpoint, keys.p256dh, keys.auth).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SubscriptionInput {
    #[serde(default)]
    pub endpoint: String,
    #[serde(default)]
    pub p256dh: String,
    #[serde(default)]
    pub auth: String,
}

/// Whether a push endpoint may be posted to: https on a named host (in production), or any http(s) URL in
/// development and tests (the tests' local push service). Never the site's own address space by accident: an
/// endpoint is the browser vendor's push service.
fn endpoint_ok(endpoint: &str, production: bool) -> bool {
    let Ok(uri) = endpoint.parse::<http::Uri>() else { return false };
    let Some(host) = uri.host() else { return false };
    let named = host.parse::<std::net::IpAddr>().is_err() && !host.trim_matches(['[', ']']).contains(':');
    match uri.scheme_str() {
        Some("https") => !production || (named && host != "localhost"),
        Some("http") => !production,
        _ => false,
    }
}

fn decoded_len(value: &str) -> Option<usize> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(value.trim_end_matches('=')).ok().map(|b| b.len())
}

/// Turns push on for this browser: the subscription is checked (an https endpoint of at most 1,000 characters,
/// a P-256 public key and a 16-byte secret) and kept, one row per endpoint; ten devices at most.
pub fn subscribe(
    conn: &mut DbConn,
    user: &User,
    input: &SubscriptionInput,
    user_agent: &str,
    production: bool,
    actor: &Actor,
) -> Result<Result<i64, Refused>, AppError> {
    let valid = input.endpoint.len() <= 1000
        && endpoint_ok(&input.endpoint, production)
        && decoded_len(&input.p256dh) == Some(65)
        && decoded_len(&input.auth) == Some(16);
    if !valid {
        return Ok(Err(Refused::Rule("push-error-subscription")));
    }
    let device = crate::domain::device::describe(user_agent).unwrap_or_else(|| "?".into());
    conn.transaction(|conn| -> Result<Result<i64, Refused>, AppError> {
        let mine = push_subscription::for_user(conn, user.id)?;
        if mine.len() >= DEVICES_MAX && !mine.iter().any(|d| d.endpoint == input.endpoint) {
            return Ok(Err(Refused::Rule("push-error-too-many")));
        }
        let id =
            push_subscription::upsert(conn, user.id, &input.endpoint, (&input.p256dh, &input.auth), &device, now())?;
        audit::record(
            conn,
            actor,
            Entry::about_user("account.push_on", user.id).with_new(serde_json::json!({ "device": device })),
        )?;
        Ok(Ok(id))
    })
}

/// Stops push to one of the person's devices (someone else's: 404).
pub fn unsubscribe(conn: &mut DbConn, user: &User, id: i64, actor: &Actor) -> Result<(), AppError> {
    conn.transaction(|conn| -> Result<(), AppError> {
        let device = push_subscription::find(conn, id)?.filter(|d| d.user_id == user.id).ok_or(AppError::NotFound)?;
        push_subscription::delete(conn, device.id)?;
        audit::record(
            conn,
            actor,
            Entry::about_user("account.push_off", user.id).with_new(serde_json::json!({ "device": device.device })),
        )?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_push_services_not_the_servers_neighbours() {
        let fcm = "https://fcm.googleapis.com/fcm/send/abc";
        assert!(endpoint_ok(fcm, true));
        assert!(endpoint_ok("https://updates.push.services.mozilla.com:443/wpush/v2/x", true));
        for bad in
            ["http://push.example.com/x", "https://127.0.0.1/x", "https://[::1]/x", "https://localhost/x", "ftp://x/y"]
        {
            assert!(!endpoint_ok(bad, true), "{bad}");
        }
        // Development and tests: the tests' local push service.
        assert!(endpoint_ok("http://127.0.0.1:4321/push/phone", false));
        assert!(!endpoint_ok("not a url", false));
    }

    #[test]
    fn the_audience_is_the_endpoints_origin_with_its_port() {
        assert_eq!(origin("https://fcm.googleapis.com/fcm/send/abc"), "https://fcm.googleapis.com");
        assert_eq!(origin("http://127.0.0.1:4321/push/phone"), "http://127.0.0.1:4321");
    }
}
