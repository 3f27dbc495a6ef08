//! `GET/POST /{lang}/contact` and the thank-you page.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::db::types::{ContactTopic, Locale};
use crate::domain::validation::FieldErrors;
use crate::error::AppResult;
use crate::i18n::I18n;
use crate::services::contact::{self, ContactInput, Outcome};
use crate::state::AppState;
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, render};

#[derive(Template)]
#[template(path = "public/contact/new.html")]
pub struct ContactTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub form: ContactInput,
    pub errors: FieldErrors,
    pub topics: &'static [ContactTopic],
}

#[derive(Template)]
#[template(path = "public/contact/thanks.html")]
pub struct ThanksTemplate {
    pub i18n: I18n,
    pub page: Page,
}

pub async fn new(page: Page) -> AppResult<HttpResponse> {
    render(&ContactTemplate {
        i18n: page.i18n(),
        page,
        form: ContactInput::default(),
        errors: FieldErrors::new(),
        topics: ContactTopic::ALL,
    })
}

pub async fn create(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<ContactInput>,
) -> AppResult<HttpResponse> {
    let locale: Locale = page.lang.code().parse().unwrap_or(Locale::Fr);
    let ip = crate::web::auth::client_ip(&req);
    let input = form.clone();
    match state.db.run(move |conn| contact::submit(conn, &input, locale, ip)).await? {
        Outcome::Sent => Ok(see_other(htmx, &page.href("/contact/thanks"))),
        Outcome::Invalid(errors) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ContactTemplate { i18n: page.i18n(), page, form, errors, topics: ContactTopic::ALL },
        ),
    }
}

pub async fn thanks(page: Page) -> AppResult<HttpResponse> {
    render(&ThanksTemplate { i18n: page.i18n(), page })
}

/// The Fluent key naming a contact topic.
pub fn topic_key(topic: &ContactTopic) -> &'static str {
    match topic {
        ContactTopic::General => "contact-topic-general",
        ContactTopic::Support => "contact-topic-support",
        ContactTopic::Provider => "contact-topic-provider",
        ContactTopic::Partnership => "contact-topic-partnership",
        ContactTopic::Privacy => "contact-topic-privacy",
    }
}
