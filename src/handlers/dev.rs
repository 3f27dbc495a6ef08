//! `/dev/outbox`: the emails the site sent, newest first (development only; not routed elsewhere).

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::mail::SentEmail;
use crate::state::AppState;
use crate::web::lang::preferred_lang;
use crate::web::render;

#[derive(Template)]
#[template(path = "dev/outbox.html")]
pub struct OutboxTemplate {
    pub i18n: I18n,
    pub emails: Vec<SentEmail>,
    pub selected: Option<SentEmail>,
}

/// Splits a plain-text body into text and links, so that links are clickable.
pub fn linkify(text: &str) -> Vec<(bool, String)> {
    let mut parts = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            parts.push((false, "\n".into()));
        }
        for (j, word) in line.split(' ').enumerate() {
            if j > 0 {
                parts.push((false, " ".into()));
            }
            parts.push((word.starts_with("http://") || word.starts_with("https://"), word.to_string()));
        }
    }
    parts
}

fn outbox(state: &AppState) -> Result<Vec<SentEmail>, AppError> {
    if state.config.env != crate::config::Environment::Development {
        return Err(AppError::NotFound);
    }
    state.mailer.outbox().ok_or(AppError::NotFound)
}

pub async fn index(req: HttpRequest, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let emails = outbox(&state)?;
    render::render(&OutboxTemplate { i18n: I18n::new(preferred_lang(&req)), emails, selected: None })
}

pub async fn show(req: HttpRequest, state: web::Data<AppState>, id: web::Path<String>) -> AppResult<HttpResponse> {
    let emails = outbox(&state)?;
    let selected = emails.iter().find(|e| e.id == *id).cloned().ok_or(AppError::NotFound)?;
    render::render(&OutboxTemplate { i18n: I18n::new(preferred_lang(&req)), emails, selected: Some(selected) })
}
