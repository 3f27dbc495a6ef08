//! `GET /ws?lang=fr&view=conversation-12|inbox`: the WebSocket of one browser tab. The handshake needs the
//! session cookie and an Origin of this site; a conversation view needs a participant. Frames from the
//! browser are the send box's values as JSON (`hx-ws-send`): they go through `services::messages::send`
//! like a form post, so the same checks apply to every message. Frames to the browser are
//! `{"target", "swap", "content"}` with the same partials as the pages.

use std::time::Duration;

use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use actix_ws::{AggregatedMessage, CloseCode, CloseReason, Session};
use futures_util::StreamExt;
use tokio::time::Instant;

use super::{Event, publish};
use crate::db::models::User;
use crate::error::AppError;
use crate::handlers::messages as pages;
use crate::i18n::{I18n, Lang};
use crate::state::AppState;

/// The largest frame accepted: a 5,000-character message in any script, with its JSON envelope.
pub const MAX_FRAME: usize = 64 * 1024;

#[derive(serde::Deserialize)]
pub struct Params {
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub view: String,
}

/// What the tab shows, so that only what it can display is pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Other,
    Inbox,
    Conversation(i64),
}

fn view_of(s: &str) -> View {
    match s {
        "inbox" => View::Inbox,
        other => other
            .strip_prefix("conversation-")
            .and_then(|id| id.parse().ok())
            .map(View::Conversation)
            .unwrap_or(View::Other),
    }
}

pub async fn connect(
    req: HttpRequest,
    body: web::Payload,
    state: web::Data<AppState>,
    params: web::Query<Params>,
) -> Result<HttpResponse, AppError> {
    // Browsers always send Origin on a WebSocket handshake: another site's page cannot use our cookie. A
    // sandboxed or opaque page sends "null": refused too.
    match req.headers().get(actix_web::http::header::ORIGIN).map(|o| o.as_bytes()) {
        None => return Err(AppError::Forbidden("websocket without origin")),
        Some(b"null") => return Err(AppError::Forbidden("websocket from an opaque origin")),
        Some(_) => crate::web::csrf::check_origin(&req)?,
    }
    let user = crate::web::auth::viewer(&req).await?.ok_or(AppError::Forbidden("websocket without session"))?;
    // The session row this socket lives on: when it ends, the socket ends.
    let hash = crate::web::session::key_hash(&req, &state).ok_or(AppError::Forbidden("websocket without session"))?;
    let now = crate::db::now();
    let session_row = state
        .db
        .run(move |conn| Ok(crate::db::models::session::find_live(conn, &hash, now)?.map(|row| row.id)))
        .await?
        .ok_or(AppError::Forbidden("websocket without session"))?;
    let lang = Lang::from_code(&params.lang).unwrap_or_else(|| crate::services::emails::lang_of(user.locale));
    let view = view_of(&params.view);
    if let View::Conversation(id) = view {
        let u = user.clone();
        state.db.run(move |conn| crate::services::messages::participant(conn, &u, id).map(|_| ())).await?;
    }
    let (response, session, stream) =
        actix_ws::handle(&req, body).map_err(|_| AppError::Malformed("not a websocket handshake".into()))?;
    let stream = stream.max_frame_size(MAX_FRAME).aggregate_continuations().max_continuation_size(MAX_FRAME);
    let csrf = req.extensions().get::<crate::web::csrf::CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
    actix_web::rt::spawn(run(state, user, Tab { lang, view, csrf, session_row }, session, stream));
    Ok(response)
}

struct Tab {
    lang: Lang,
    view: View,
    csrf: String,
    session_row: i64,
}

#[derive(serde::Deserialize)]
struct Incoming {
    #[serde(default)]
    body: String,
    #[serde(default)]
    conversation: String,
}

async fn run(
    state: web::Data<AppState>,
    user: User,
    tab: Tab,
    mut session: Session,
    mut stream: actix_ws::AggregatedMessageStream,
) {
    let (subscription, mut events) = state.hub.subscribe(user.id);
    // (Re)connected: bring the page up to date (what happened while the socket was down).
    let mut open = catch_up(&state, &user, &tab, &mut session).await;
    // Pinged every `websocket_ping_seconds`; closed when silent (no frame, no pong) for three times that. Its
    // session and account are checked as often as that too (and at once when some of the user's sessions end).
    let ping_every = Duration::from_secs(state.config.websocket_ping_seconds);
    let (idle_timeout, recheck_every) = (ping_every * 3, ping_every * 3);
    let mut heard = Instant::now();
    let mut ping = tokio::time::interval_at(Instant::now() + ping_every, ping_every);
    let mut recheck = tokio::time::interval_at(Instant::now() + recheck_every, recheck_every);
    let mut stopping = state.shutdown.subscribe();
    while open {
        tokio::select! {
            // This instance is stopping: "service restart", and the page reconnects to another one.
            _ = stopping.wait_for(|stop| *stop) => {
                close(session.clone(), CloseCode::Restart).await;
                open = false;
            }
            event = events.recv() => match event {
                Some(Event::SessionsEnded) => open = still_signed_in(&state, &user, &tab, &mut session).await,
                Some(event) => open = push(&state, &user, &tab, &mut session, event).await,
                None => open = false,
            },
            _ = ping.tick() => {
                if heard.elapsed() > idle_timeout {
                    close(session.clone(), CloseCode::Away).await;
                    open = false;
                } else {
                    open = session.ping(b"").await.is_ok();
                }
            }
            _ = recheck.tick() => open = still_signed_in(&state, &user, &tab, &mut session).await,
            frame = stream.next() => match frame {
                Some(Ok(AggregatedMessage::Text(text))) => {
                    heard = Instant::now();
                    // A frame is only taken from a session that is still live.
                    open = still_signed_in(&state, &user, &tab, &mut session).await
                        && receive(&state, &user, &tab, &mut session, &text).await;
                }
                Some(Ok(AggregatedMessage::Ping(bytes))) => {
                    heard = Instant::now();
                    open = session.pong(&bytes).await.is_ok();
                }
                Some(Ok(AggregatedMessage::Pong(_))) => heard = Instant::now(),
                Some(Ok(AggregatedMessage::Binary(_))) => {
                    close(session.clone(), CloseCode::Unsupported).await;
                    open = false;
                }
                Some(Ok(AggregatedMessage::Close(_))) | None => open = false,
                Some(Err(_)) => {
                    // Oversized or malformed frames.
                    close(session.clone(), CloseCode::Policy).await;
                    open = false;
                }
            },
        }
    }
    state.hub.unsubscribe(user.id, subscription);
    let _ = session.close(None).await;
}

/// Whether this socket's session and account are still live; when not, the socket is closed (false).
async fn still_signed_in(state: &web::Data<AppState>, user: &User, tab: &Tab, session: &mut Session) -> bool {
    let (id, row, now) = (user.id, tab.session_row, crate::db::now());
    let live = state
        .db
        .run(move |conn| {
            Ok(crate::db::models::session::is_live(conn, row, now)?
                && crate::db::models::user::find_active(conn, id)?.is_some())
        })
        .await;
    match live {
        Ok(true) => true,
        // Signed out, revoked, expired or suspended.
        Ok(false) => {
            close(session.clone(), CloseCode::Policy).await;
            false
        }
        // The database is unreachable: keep the socket; the next check decides.
        Err(_) => true,
    }
}

async fn close(session: Session, code: CloseCode) {
    let _ = session.close(Some(CloseReason { code, description: None })).await;
}

/// Sends one swap instruction; false when the socket is gone.
async fn send(session: &mut Session, target: &str, swap: &str, content: String) -> bool {
    let frame = serde_json::json!({ "target": target, "swap": swap, "content": content });
    session.text(frame.to_string()).await.is_ok()
}

async fn catch_up(state: &web::Data<AppState>, user: &User, tab: &Tab, session: &mut Session) -> bool {
    badges(state, user, tab, session).await && refresh_view(state, user, tab, session).await
}

/// The header badges, recounted.
async fn badges(state: &web::Data<AppState>, user: &User, tab: &Tab, session: &mut Session) -> bool {
    let u = user.clone();
    let counts = state.db.run(move |conn| crate::services::messages::unread_counts(conn, u.id)).await;
    let Ok((messages, notifications)) = counts else { return true };
    let i18n = I18n::new(tab.lang);
    let messages = askama::Template::render(&pages::BadgeFragment { i18n, id: "inbox-count", count: messages });
    let notifications =
        askama::Template::render(&pages::BadgeFragment { i18n, id: "bell-count", count: notifications });
    match (messages, notifications) {
        (Ok(m), Ok(n)) => {
            send(session, "#inbox-count", "outerHTML", m).await && send(session, "#bell-count", "outerHTML", n).await
        }
        _ => true,
    }
}

/// The conversation's latest page or the inbox's first page, whole.
async fn refresh_view(state: &web::Data<AppState>, user: &User, tab: &Tab, session: &mut Session) -> bool {
    let i18n = I18n::new(tab.lang);
    let now = state.clock.now();
    let u = user.clone();
    match tab.view {
        View::Conversation(id) => {
            let Ok(thread) = state.db.run(move |conn| crate::services::messages::open(conn, &u, id, None, now)).await
            else {
                return true;
            };
            let items = pages::views(&i18n, user.id, &thread.messages);
            match askama::Template::render(&pages::ThreadFragment { i18n, items }) {
                Ok(html) => send(session, "#thread", "outerHTML", html).await,
                Err(_) => true,
            }
        }
        View::Inbox => {
            let rows =
                state.db.run(move |conn| crate::services::messages::inbox(conn, u.id, 1, pages::INBOX_PER_PAGE)).await;
            let Ok((rows, _)) = rows else { return true };
            let rows = pages::inbox_views(&i18n, user.id, rows);
            match askama::Template::render(&pages::InboxFragment { i18n, lang: tab.lang, rows }) {
                Ok(html) => send(session, "#inbox", "outerHTML", html).await,
                Err(_) => true,
            }
        }
        View::Other => true,
    }
}

/// An event for this user: what this tab shows of it.
async fn push(state: &web::Data<AppState>, user: &User, tab: &Tab, session: &mut Session, event: Event) -> bool {
    match event {
        Event::Message { conversation, message } if tab.view == View::Conversation(conversation) => {
            let u = user.clone();
            let now = state.clock.now();
            let loaded = state
                .db
                .run(move |conn| {
                    let (c, as_client) = crate::services::messages::participant(conn, &u, conversation)?;
                    let m = crate::db::models::conversation::message(conn, message)?.ok_or(AppError::NotFound)?;
                    // Shown on an open page: read now (by the first of the reader's tabs to get it).
                    let newly_read = m.sender_id != Some(u.id)
                        && crate::db::models::conversation::mark_read(conn, &c, u.id, as_client, now)? > 0;
                    let sender = crate::db::models::conversation::participants(conn, &c)?;
                    Ok((m, newly_read, sender))
                })
                .await;
            let Ok((m, newly_read, (client, provider_user))) = loaded else { return true };
            let i18n = I18n::new(tab.lang);
            let items = pages::views(&i18n, user.id, std::slice::from_ref(&m));
            let ok = match askama::Template::render(&pages::MessageFragment { i18n, items }) {
                Ok(html) => send(session, "#thread", "beforeend", html).await,
                Err(_) => true,
            };
            if newly_read {
                // The sender's tabs show "seen".
                publish(state, vec![client, provider_user], Event::Read { conversation }).await;
            }
            ok && badges(state, user, tab, session).await
        }
        Event::Read { conversation } if tab.view == View::Conversation(conversation) => {
            refresh_view(state, user, tab, session).await && badges(state, user, tab, session).await
        }
        Event::Message { .. } | Event::Read { .. } if tab.view == View::Inbox => {
            refresh_view(state, user, tab, session).await && badges(state, user, tab, session).await
        }
        _ => badges(state, user, tab, session).await,
    }
}

/// A frame from the send box: saved like a form post; the box comes back empty, or with the problem.
async fn receive(state: &web::Data<AppState>, user: &User, tab: &Tab, session: &mut Session, text: &str) -> bool {
    let Ok(incoming) = serde_json::from_str::<Incoming>(text) else {
        close(session.clone(), CloseCode::Invalid).await;
        return false;
    };
    let Ok(id) = incoming.conversation.trim().parse::<i64>() else {
        close(session.clone(), CloseCode::Invalid).await;
        return false;
    };
    let now = state.clock.now();
    let (u, body) = (user.clone(), incoming.body.clone());
    let outcome = state.db.run(move |conn| crate::services::messages::send(conn, &u, id, &body, now)).await;
    let (text, error) = match outcome {
        Ok(Ok(sent)) => {
            publish(state, sent.participants.to_vec(), Event::Message { conversation: id, message: sent.message.id })
                .await;
            crate::state::deliver(state, sent.queued).await;
            (String::new(), None)
        }
        Ok(Err(key)) => (incoming.body, Some(key)),
        Err(AppError::RateLimited) => (incoming.body, Some("message-error-rate")),
        Err(_) => {
            // Not a participant (or the conversation is gone): nothing more on this socket.
            close(session.clone(), CloseCode::Policy).await;
            return false;
        }
    };
    let i18n = I18n::new(tab.lang);
    let form = pages::SendFormFragment {
        i18n,
        action: format!("/{}/messages/{id}", tab.lang.code()),
        csrf: tab.csrf.clone(),
        conversation: id,
        text,
        error,
    };
    match askama::Template::render(&form) {
        Ok(html) => send(session, "#send-form", "outerHTML", html).await,
        Err(_) => true,
    }
}
