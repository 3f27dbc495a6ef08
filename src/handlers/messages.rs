//! `/{lang}/messages` (Messages, ChatInterface): the inbox, a conversation, sending by a plain form post,
//! and "Contact" from a provider page. The WebSocket (`realtime::socket`) sends through the same service
//! and pushes the same partials (`messages/_parts.html`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::db::models::User;
use crate::db::models::conversation::{InboxRow, Message};
use crate::db::types::MessageKind;
use crate::error::{AppError, AppResult};
use crate::i18n::{I18n, Lang};
use crate::realtime::{self, Event};
use crate::services::messages::{self, Thread};
use crate::state::AppState;
use crate::web::auth::CurrentUser;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

pub const INBOX_PER_PAGE: i64 = 20;

/// A message as the partial shows it to one reader.
pub struct MessageView {
    pub id: i64,
    pub text: String,
    /// "mine", "theirs" or "system".
    pub side: &'static str,
    pub when: String,
    pub seen: bool,
    /// The other party's messages can be reported.
    pub report_href: Option<String>,
}

pub fn views(i18n: &I18n, me: i64, messages: &[Message]) -> Vec<MessageView> {
    messages
        .iter()
        .map(|m| {
            let (side, text) = match (m.kind, m.sender_id) {
                (MessageKind::System, _) => ("system", system_text(i18n, &m.body)),
                (_, Some(sender)) if sender == me => ("mine", m.body.clone()),
                _ => ("theirs", m.body.clone()),
            };
            MessageView {
                id: m.id,
                text,
                side,
                when: crate::web::format::datetime_long(i18n, m.created_at),
                seen: side == "mine" && m.read_at.is_some(),
                report_href: (side == "theirs")
                    .then(|| format!("/{}/messages/{}/report?message={}", i18n.lang(), m.conversation_id, m.id)),
            }
        })
        .collect()
}

/// A booking event stored as `{"kind": "BOOKING_CONFIRMED", "reference": …}`, said in the reader's language.
fn system_text(i18n: &I18n, body: &str) -> String {
    let data: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
    let kind = data.get("kind").and_then(|k| serde_json::from_value(k.clone()).ok());
    match kind {
        Some(kind) => {
            let keys = crate::services::notify::keys(kind, None);
            let args = crate::services::notify::arguments(i18n, &data);
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            i18n.t_with(keys.centre, &args)
        }
        None => String::new(),
    }
}

/// The thread (`#thread`), alone: pushed over the socket to catch up.
#[derive(Template)]
#[template(
    source = r#"{% import "messages/_parts.html" as parts %}{% call parts::thread(i18n, items) %}{% endcall %}"#,
    ext = "html"
)]
pub struct ThreadFragment {
    pub i18n: I18n,
    pub items: Vec<MessageView>,
}

/// One message, appended to `#thread`.
#[derive(Template)]
#[template(
    source = r#"{% import "messages/_parts.html" as parts %}{% for m in items %}{% call parts::message(i18n, m) %}{% endcall %}{% endfor %}"#,
    ext = "html"
)]
pub struct MessageFragment {
    pub i18n: I18n,
    pub items: Vec<MessageView>,
}

/// The inbox list (`#inbox`).
#[derive(Template)]
#[template(
    source = r#"{% import "messages/_parts.html" as parts %}{% call parts::inbox(i18n, lang, rows) %}{% endcall %}"#,
    ext = "html"
)]
pub struct InboxFragment {
    pub i18n: I18n,
    pub lang: Lang,
    pub rows: Vec<InboxRowView>,
}

/// A header badge (`#inbox-count`, `#bell-count`).
#[derive(Template)]
#[template(
    source = r#"{% import "messages/_parts.html" as parts %}{% call parts::badge(i18n, id, count) %}{% endcall %}"#,
    ext = "html"
)]
pub struct BadgeFragment {
    pub i18n: I18n,
    pub id: &'static str,
    pub count: i64,
}

/// The send box (`#send-form`), empty after a send or with the text and the problem after a refusal.
#[derive(Template)]
#[template(
    source = r#"{% import "messages/_parts.html" as parts %}{% call parts::send_form(i18n, action, csrf, conversation, text, error) %}{% endcall %}"#,
    ext = "html"
)]
pub struct SendFormFragment {
    pub i18n: I18n,
    pub action: String,
    pub csrf: String,
    pub conversation: i64,
    pub text: String,
    pub error: Option<&'static str>,
}

pub struct InboxRowView {
    pub id: i64,
    pub other_name: String,
    pub preview: String,
    pub when: String,
    pub unread: i64,
}

pub fn inbox_views(i18n: &I18n, me: i64, rows: Vec<InboxRow>) -> Vec<InboxRowView> {
    rows.into_iter()
        .map(|r| {
            let preview = r
                .last
                .as_ref()
                .map(|m| {
                    let text = views(i18n, me, std::slice::from_ref(m)).remove(0).text;
                    let short: String = text.chars().take(90).collect();
                    if short.len() < text.len() { format!("{short}…") } else { short }
                })
                .unwrap_or_default();
            InboxRowView {
                id: r.conversation.id,
                other_name: r.other_name,
                preview,
                when: r
                    .conversation
                    .last_message_at
                    .map(|t| crate::web::format::datetime_long(i18n, t))
                    .unwrap_or_default(),
                unread: r.unread,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "messages/index.html")]
pub struct InboxTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub rows: Vec<InboxRowView>,
    pub current_page: i64,
    pub last_page: i64,
}

/// `?page=2` of a list, `?before=123` of a conversation.
#[derive(serde::Deserialize)]
pub struct PageQuery {
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub before: String,
}

impl PageQuery {
    pub fn page(&self) -> i64 {
        self.page.parse::<i64>().unwrap_or(1).clamp(1, 10_000)
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    query: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    let current_page = query.page();
    let me = user.id;
    let (rows, total) = state.db.run(move |conn| messages::inbox(conn, user.id, current_page, INBOX_PER_PAGE)).await?;
    let i18n = page.i18n();
    let rows = inbox_views(&i18n, me, rows);
    let last_page = ((total + INBOX_PER_PAGE - 1) / INBOX_PER_PAGE).max(1);
    Ok(crate::handlers::account::private(render_status(
        StatusCode::OK,
        &InboxTemplate { i18n, page, rows, current_page, last_page },
    )?))
}

#[derive(Template)]
#[template(path = "messages/show.html")]
pub struct ConversationTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub thread: Thread,
    pub items: Vec<MessageView>,
    pub text: String,
    pub error: Option<&'static str>,
}

impl ConversationTemplate {
    pub fn action(&self) -> String {
        self.page.href(&format!("/messages/{}", self.thread.conversation.id))
    }

    pub fn older_href(&self) -> Option<String> {
        self.thread
            .older_than
            .map(|id| self.page.href(&format!("/messages/{}?before={id}", self.thread.conversation.id)))
    }

    pub fn other_picture(&self) -> Option<crate::web::picture::Picture> {
        self.thread.other_picture.as_ref().map(crate::web::picture::Picture::of)
    }

    pub fn provider_href(&self) -> String {
        self.page.href(&format!("/providers/{}", self.thread.provider_slug))
    }

    pub fn booking_href(&self, b: &crate::db::models::booking::Booking) -> String {
        let area = if self.thread.as_client { "/account/bookings" } else { "/provider/bookings" };
        self.page.href(&format!("{area}/{}", b.id))
    }

    pub fn booking_when(&self, b: &crate::db::models::booking::Booking) -> String {
        crate::web::format::datetime_long(&self.i18n, b.scheduled_start)
    }

    pub fn live_url(&self) -> String {
        format!("/ws?lang={}&view=conversation-{}", self.i18n.lang(), self.thread.conversation.id)
    }
}

async fn conversation_page(
    page: Page,
    state: &web::Data<AppState>,
    user: User,
    id: i64,
    before: Option<i64>,
    (text, error): (String, Option<&'static str>),
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let now = state.clock.now();
    let me = user.id;
    let i18n = page.i18n();
    let pick = crate::web::format::picker(i18n);
    let thread = state
        .db
        .run(move |conn| {
            let mut thread = messages::open(conn, &user, id, before, now)?;
            crate::db::models::booking::retitle(conn, thread.bookings.iter_mut(), pick)?;
            Ok(thread)
        })
        .await?;
    let items = views(&i18n, me, &thread.messages);
    Ok(crate::handlers::account::private(render_status(
        status,
        &ConversationTemplate { i18n, page, thread, items, text, error },
    )?))
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    query: web::Query<PageQuery>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let before = query.before.parse::<i64>().ok();
    conversation_page(page, &state, user, id, before, (String::new(), None), StatusCode::OK).await
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct SendInput {
    #[serde(default)]
    pub body: String,
}

/// `POST /{lang}/messages/{id}`: the no-JavaScript send (redirect back to the conversation).
pub async fn create(
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<SendInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let now = state.clock.now();
    let (u, body) = (user.clone(), form.body.clone());
    let outcome = state.db.run(move |conn| messages::send(conn, &u, id, &body, now)).await?;
    match outcome {
        Ok(sent) => {
            let event = Event::Message { conversation: id, message: sent.message.id };
            realtime::publish(&state, sent.participants.to_vec(), event).await;
            crate::state::deliver(&state, sent.queued).await;
            Ok(see_other(htmx, &page.href(&format!("/messages/{id}#message-{}", sent.message.id))))
        }
        Err(key) => {
            conversation_page(page, &state, user, id, None, (form.body, Some(key)), StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    }
}

/// `POST /{lang}/providers/{slug}/contact`: the client's conversation with this provider.
/// Signed out, the visitor signs in first and lands in the conversation (see `auth::after_login`).
pub async fn start(
    htmx: Htmx,
    page: Page,
    session: actix_session::Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<crate::handlers::account::Empty>,
) -> AppResult<HttpResponse> {
    let slug = path.into_inner().1;
    let Some(user) = page.user.clone() else {
        use crate::handlers::auth::after_login::{self, AfterLogin};
        let next = page.href(&format!("/providers/{slug}"));
        after_login::remember(&session, AfterLogin::Contact(slug))?;
        let login =
            format!("{}?{}", page.href("/login"), serde_urlencoded::to_string([("next", next)]).unwrap_or_default());
        return Ok(see_other(htmx, &login));
    };
    let now = state.clock.now();
    let s = slug.clone();
    match state.db.run(move |conn| messages::start(conn, &user, &s, now)).await? {
        Ok(id) => Ok(see_other(htmx, &page.href(&format!("/messages/{id}")))),
        // Back to the provider's page, saying why.
        Err(key) => Ok(see_other(
            htmx,
            &page.href(&format!("/providers/{slug}?notice={}", crate::web::context::conversation_notice(key))),
        )),
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReportQuery {
    /// The reported message (none: the whole conversation).
    #[serde(default)]
    pub message: String,
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub reason: String,
}

#[derive(Template)]
#[template(path = "messages/report.html")]
pub struct ReportTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub conversation: i64,
    pub message: Option<Message>,
    pub form: ReportForm,
    pub errors: crate::domain::validation::FieldErrors,
}

/// The conversation (the reporter takes part) and the message being reported, if any (else 404).
async fn reported(state: &web::Data<AppState>, user: &User, id: i64, message: &str) -> AppResult<Option<Message>> {
    let message = if message.is_empty() { None } else { Some(message.parse::<i64>().map_err(|_| AppError::NotFound)?) };
    let u = user.clone();
    state
        .db
        .run(move |conn| {
            messages::participant(conn, &u, id)?;
            message.map(|m| crate::services::moderation::reportable(conn, &u, id, m)).transpose()
        })
        .await
}

/// `GET /{lang}/messages/{id}/report[?message=…]`: why the conversation or message should be looked at.
pub async fn report_form(
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    query: web::Query<ReportQuery>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let message = reported(&state, &user, id, &query.message).await?;
    let form = ReportForm { message: query.message.clone(), reason: String::new() };
    let tpl = ReportTemplate { i18n: page.i18n(), page, conversation: id, message, form, errors: Default::default() };
    Ok(crate::handlers::account::private(render_status(StatusCode::OK, &tpl)?))
}

/// `POST /{lang}/messages/{id}/report`: to the back office; back to the conversation with a thank-you.
pub async fn report(
    req: actix_web::HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<ReportForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let message = reported(&state, &user, id, &form.message).await?;
    let actor = crate::web::auth::actor(&req, Some(user.id));
    let now = state.clock.now();
    let (u, m, reason) = (user.clone(), message.as_ref().map(|m| m.id), form.reason.clone());
    let done =
        state.db.run(move |conn| crate::services::moderation::report(conn, &u, id, m, &reason, now, &actor)).await?;
    match done {
        Ok(()) => Ok(see_other(htmx, &page.href(&format!("/messages/{id}?notice=thanks-conversation-report")))),
        Err(refused) => {
            let mut errors = crate::domain::validation::FieldErrors::new();
            errors.add("reason", refused.key());
            let tpl = ReportTemplate { i18n: page.i18n(), page, conversation: id, message, form, errors };
            Ok(crate::handlers::account::private(render_status(StatusCode::UNPROCESSABLE_ENTITY, &tpl)?))
        }
    }
}
