//! `/{lang}/admin/contact`: messages from the public contact form — the open ones first (oldest first),
//! a message's page, marking it handled, replying by email (which handles it too).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::models::contact_message::{self, ContactMessage};
use crate::db::types::ContactStatus;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::state::{AppState, deliver};
use crate::web::auth::{Admin, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page};

pub const PER_PAGE: i64 = 30;

/// The Fluent key of a topic (the public form's wording).
pub fn topic_key(topic: &crate::db::types::ContactTopic) -> &'static str {
    use crate::db::types::ContactTopic::*;
    match topic {
        General => "contact-topic-general",
        Support => "contact-topic-support",
        Provider => "contact-topic-provider",
        Partnership => "contact-topic-partnership",
        Privacy => "contact-topic-privacy",
    }
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    pub tab: String,
    #[serde(default)]
    pub page: String,
}

#[derive(Template)]
#[template(path = "admin/contact/index.html")]
pub struct ListTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub handled: bool,
    pub messages: Vec<ContactMessage>,
    pub current_page: i64,
    pub has_next: bool,
}

impl ListTemplate {
    pub fn when(&self, m: &ContactMessage) -> String {
        crate::web::format::datetime_long(&self.i18n, m.created_at)
    }

    pub fn page_href(&self, n: i64) -> String {
        let tab = if self.handled { "handled" } else { "open" };
        self.page.href(&format!("/admin/contact?tab={tab}&page={n}"))
    }
}

pub async fn index(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let handled = query.tab == "handled";
    let n = query.page.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let mut messages = state
        .db
        .run(move |conn| {
            let statuses: &[ContactStatus] =
                if handled { &[ContactStatus::Handled] } else { &[ContactStatus::New, ContactStatus::Read] };
            Ok(contact_message::list(conn, statuses, !handled, (n - 1) * PER_PAGE, PER_PAGE + 1)?)
        })
        .await?;
    let has_next = messages.len() as i64 > PER_PAGE;
    messages.truncate(PER_PAGE as usize);
    let tpl = ListTemplate { i18n: page.i18n(), page, handled, messages, current_page: n, has_next };
    Ok(crate::handlers::account::private(render_status(StatusCode::OK, &tpl)?))
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct ReplyForm {
    #[serde(default)]
    pub reply: String,
}

#[derive(Template)]
#[template(path = "admin/contact/show.html")]
pub struct ShowTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub m: ContactMessage,
    pub form: ReplyForm,
    /// A refusal (Fluent key).
    pub error: Option<&'static str>,
}

impl ShowTemplate {
    pub fn when(&self, t: &chrono::NaiveDateTime) -> String {
        crate::web::format::datetime_long(&self.i18n, *t)
    }
}

async fn message_page(
    page: Page,
    state: &web::Data<AppState>,
    id: i64,
    form: ReplyForm,
    error: Option<&'static str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let m = state.db.run(move |conn| contact_message::find(conn, id)?.ok_or(AppError::NotFound)).await?;
    let tpl = ShowTemplate { i18n: page.i18n(), page, m, form, error };
    Ok(crate::handlers::account::private(render_status(status, &tpl)?))
}

pub async fn show(
    page: Page,
    state: web::Data<AppState>,
    Admin(_): Admin,
    path: web::Path<(String, i64)>,
) -> AppResult<HttpResponse> {
    message_page(page, &state, path.into_inner().1, ReplyForm::default(), None, StatusCode::OK).await
}

/// `POST /{lang}/admin/contact/{id}/{handled|reply}`.
pub async fn handle(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<(String, i64, String)>,
    CsrfForm(form): CsrfForm<ReplyForm>,
) -> AppResult<HttpResponse> {
    let (_, id, action) = path.into_inner();
    let actor = actor(&req, Some(admin.id));
    let (app, text) = (state.clone(), form.reply.clone());
    let outcome = state
        .db
        .run(move |conn| {
            let ctx = crate::handlers::auth::email_context(&app);
            let reply = (action == "reply").then_some(text.as_str());
            crate::services::contact::handle(conn, &ctx, &admin, id, reply, &actor)
        })
        .await?;
    match outcome {
        Ok(email) => {
            deliver(&state, email).await;
            Ok(see_other(htmx, &page.href(&format!("/admin/contact/{id}?notice=decision-saved"))))
        }
        Err(key) => {
            let status = if key == "admin-contact-error-handled" {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            message_page(page, &state, id, form, Some(key), status).await
        }
    }
}
