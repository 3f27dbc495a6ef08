//! `/{lang}/admin/conversations`: reported conversations and messages. The queue, then a conversation's page
//! with every message (hidden ones marked), its open reports and the decisions: hide a message with a reason
//! or show it again, warn a participant, dismiss the reports; suspension is on the person's page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::conversation::{self, Conversation, Message};
use crate::db::models::report::{self, ConversationReport};
use crate::db::models::{User, user};
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::{Refused, moderation};
use crate::state::{AppState, deliver};
use crate::web::auth::{Admin, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Template)]
#[template(path = "admin/conversations/index.html")]
pub struct QueueTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub reports: Vec<ConversationReport>,
}

impl QueueTemplate {
    pub fn when(&self, r: &ConversationReport) -> String {
        crate::web::format::datetime_long(&self.i18n, r.created_at)
    }
}

/// `GET /{lang}/admin/conversations`: open reports, oldest first.
pub async fn index(page: Page, state: web::Data<AppState>, Admin(_): Admin) -> AppResult<HttpResponse> {
    let reports = state.db.run(|conn| Ok(report::about_conversations(conn, None, 200)?)).await?;
    let tpl = QueueTemplate { i18n: page.i18n(), page, reports };
    Ok(crate::handlers::account::private(render_status(StatusCode::OK, &tpl)?))
}

#[derive(Template)]
#[template(path = "admin/conversations/show.html")]
pub struct ConversationTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub conversation: Conversation,
    pub client: User,
    pub provider_user: User,
    pub messages: Vec<Message>,
    pub reports: Vec<ConversationReport>,
    /// The form whose decision was refused (a message form, warn or dismiss) and why (Fluent key).
    pub failed: Option<(String, &'static str)>,
}

impl ConversationTemplate {
    pub fn sender(&self, m: &Message) -> &str {
        match m.sender_id {
            Some(id) if id == self.client.id => &self.client.first_name,
            Some(_) => &self.provider_user.first_name,
            None => "",
        }
    }

    pub fn is_system(&self, m: &Message) -> bool {
        m.kind == crate::db::types::MessageKind::System
    }

    pub fn when(&self, at: &chrono::NaiveDateTime) -> String {
        crate::web::format::datetime_long(&self.i18n, *at)
    }

    pub fn reports_about(&self, m: &Message) -> Vec<&ConversationReport> {
        self.reports.iter().filter(|r| r.message_id == Some(m.id)).collect()
    }

    pub fn whole(&self) -> Vec<&ConversationReport> {
        self.reports.iter().filter(|r| r.message_id.is_none()).collect()
    }

    pub fn failed_key(&self, form: &str) -> Option<&'static str> {
        self.failed.as_ref().filter(|f| f.0 == form).map(|f| f.1)
    }

    pub fn message_form(&self, m: &Message) -> String {
        format!("message-{}", m.id)
    }
}

async fn conversation_page(
    page: Page,
    state: &web::Data<AppState>,
    id: i64,
    failed: Option<(String, &'static str)>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (conversation, client, provider_user, messages, reports) = state
        .db
        .run(move |conn| {
            let c = conversation::find(conn, id)?.ok_or(AppError::NotFound)?;
            let (client, provider_user) = conversation::participants(conn, &c)?;
            let client = user::find(conn, client)?.ok_or(AppError::NotFound)?;
            let provider_user = user::find(conn, provider_user)?.ok_or(AppError::NotFound)?;
            let messages = conversation::all_messages(conn, c.id, 500)?;
            let reports = report::about_conversations(conn, Some(c.id), 200)?;
            Ok((c, client, provider_user, messages, reports))
        })
        .await?;
    let tpl = ConversationTemplate {
        i18n: page.i18n(),
        page,
        conversation,
        client,
        provider_user,
        messages,
        reports,
        failed,
    };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

/// `GET /{lang}/admin/conversations/{id}`.
pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    conversation_page(page, &state, path.into_inner().1, None, StatusCode::OK).await
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct DecisionInput {
    #[serde(default)]
    pub reason: String,
    /// For a warning: whom.
    #[serde(default)]
    pub user: String,
}

/// Back to the conversation after a decision, or its page again with the refusal next to the form.
async fn after(
    htmx: Htmx,
    page: Page,
    state: &web::Data<AppState>,
    id: i64,
    form: &str,
    outcome: Result<crate::services::bookings::Outcome, Refused>,
) -> AppResult<HttpResponse> {
    match outcome {
        Ok(outcome) => {
            deliver(state, outcome.emails).await;
            crate::realtime::publish_all(state, outcome.live).await;
            Ok(see_other(htmx, &page.href(&format!("/admin/conversations/{id}?notice=decision-saved"))))
        }
        Err(refused) => {
            let status = match refused {
                Refused::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                Refused::Rule(_) => StatusCode::CONFLICT,
            };
            conversation_page(page, state, id, Some((form.to_string(), refused.key())), status).await
        }
    }
}

/// `POST /{lang}/admin/messages/{id}/{hide|restore}` (a reason is required).
pub async fn decide_message(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64, String)>,
    CsrfForm(form): CsrfForm<DecisionInput>,
) -> AppResult<HttpResponse> {
    let (_, id, decision) = path.into_inner();
    let actor = actor(&req, Some(admin.id));
    let (app, now) = (state.clone(), state.clock.now());
    let (conversation_id, outcome) = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            moderation::set_hidden(conn, &ctx, &admin, id, decision == "hide", &form.reason, now, &actor)
        })
        .await?;
    after(htmx, page, &state, conversation_id, &format!("message-{id}"), outcome).await
}

/// `POST /{lang}/admin/conversations/{id}/warn`: the participant `user` is warned by email.
pub async fn warn(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<DecisionInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let target = form.user.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let actor = actor(&req, Some(admin.id));
    let (app, now) = (state.clone(), state.clock.now());
    let outcome = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            moderation::warn(conn, &ctx, &admin, id, target, &form.reason, now, &actor)
        })
        .await?;
    after(htmx, page, &state, id, "warn", outcome).await
}

/// `POST /{lang}/admin/conversations/{id}/dismiss`: the open reports are closed with a note.
pub async fn dismiss(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64)>,
    CsrfForm(form): CsrfForm<DecisionInput>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner().1;
    let actor = actor(&req, Some(admin.id));
    let now = state.clock.now();
    let done = state.db.run(move |conn| moderation::dismiss(conn, &admin, id, &form.reason, now, &actor)).await?;
    after(htmx, page, &state, id, "dismiss", done.map(|()| Default::default())).await
}
