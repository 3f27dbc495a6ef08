//! `/{lang}/account/two-factor`: set up TOTP with a QR code (SVG drawn on the server), confirm with a
//! code, show ten recovery codes once; turn it off with the password and a code.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use base64::Engine;

use crate::db::models::User;
use crate::domain::totp;
use crate::domain::validation::FieldErrors;
use crate::error::{AppError, AppResult};
use crate::i18n::I18n;
use crate::services::auth;
use crate::state::{AppState, deliver};
use crate::web::auth::{CurrentUser, actor};
use crate::web::render::{render_status, see_other};
use crate::web::{CsrfForm, Htmx, Page, session};

#[derive(Template)]
#[template(path = "account/two_factor.html")]
pub struct TwoFactorTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub user: User,
    /// The QR code as a `data:` URL of an SVG drawn on the server, and the key to type by hand.
    pub qr_data_url: String,
    pub manual_key: String,
    pub errors: FieldErrors,
    pub recovery_left: usize,
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
pub struct RecoveryCodesTemplate {
    pub i18n: I18n,
    pub page: Page,
    pub codes: Vec<String>,
}

/// The secret being set up, kept in the session until confirmed (never in the database before).
fn setup_secret(session: &Session) -> Result<Vec<u8>, AppError> {
    let engine = base64::engine::general_purpose::STANDARD;
    if let Some(secret) = session.get::<String>(session::SETUP_2FA).ok().flatten().and_then(|s| engine.decode(s).ok()) {
        return Ok(secret);
    }
    let secret = totp::new_secret();
    session
        .insert(session::SETUP_2FA, engine.encode(&secret))
        .map_err(|e| AppError::internal(format!("session: {e}")))?;
    Ok(secret)
}

fn template(page: Page, session: &Session, user: User, errors: FieldErrors) -> Result<TwoFactorTemplate, AppError> {
    let (qr_data_url, manual_key) = if user.two_factor_enabled {
        (String::new(), String::new())
    } else {
        let secret = setup_secret(session)?;
        let svg = totp::qr_svg(&totp::otpauth_url(&secret, &user.email));
        let url = format!("data:image/svg+xml;base64,{}", base64::engine::general_purpose::STANDARD.encode(svg));
        (url, totp::manual_key(&secret))
    };
    let recovery_left = auth::recovery_codes_left(&user);
    Ok(TwoFactorTemplate { i18n: page.i18n(), page, user, qr_data_url, manual_key, errors, recovery_left })
}

pub async fn show(page: Page, session: Session, CurrentUser(user): CurrentUser) -> AppResult<HttpResponse> {
    Ok(super::private(render_status(StatusCode::OK, &template(page, &session, user, FieldErrors::new())?)?))
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct CodeInput {
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub password: String,
}

pub async fn enable(
    req: HttpRequest,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<CodeInput>,
) -> AppResult<HttpResponse> {
    if user.two_factor_enabled {
        return Err(AppError::Conflict("two-factor already on"));
    }
    let secret = setup_secret(&session)?;
    let actor = actor(&req, Some(user.id));
    let key = state.config.session_secret.clone();
    let (app, viewer) = (state.clone(), user.clone());
    let outcome = state
        .db
        .run(move |conn| {
            auth::enable_two_factor(
                conn,
                &viewer,
                &secret,
                &form.code,
                &key,
                &actor,
                &crate::handlers::auth::email_context(&app),
            )
        })
        .await?;
    match outcome {
        Some((codes, emails)) => {
            session.remove(session::SETUP_2FA);
            // A privilege change: a new session id.
            session.renew();
            deliver(&state, emails).await;
            Ok(super::private(render_status(
                StatusCode::OK,
                &RecoveryCodesTemplate { i18n: page.i18n(), page, codes },
            )?))
        }
        None => {
            let mut errors = FieldErrors::new();
            errors.add("code", "auth-error-code-wrong");
            Ok(super::private(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &template(page, &session, user, errors)?,
            )?))
        }
    }
}

pub async fn disable(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    session: Session,
    state: web::Data<AppState>,
    CurrentUser(user): CurrentUser,
    CsrfForm(form): CsrfForm<CodeInput>,
) -> AppResult<HttpResponse> {
    let actor = actor(&req, Some(user.id));
    let key = state.config.session_secret.clone();
    let (app, viewer) = (state.clone(), user.clone());
    let outcome = state
        .db
        .run(move |conn| {
            auth::disable_two_factor(
                conn,
                &viewer,
                &form.password,
                &form.code,
                &key,
                &actor,
                &crate::handlers::auth::email_context(&app),
            )
        })
        .await?;
    match outcome {
        Ok(emails) => {
            deliver(&state, emails).await;
            Ok(see_other(htmx, &page.href("/account/security?notice=two-factor-disabled")))
        }
        Err(errors) => Ok(super::private(render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &template(page, &session, user, errors)?,
        )?)),
    }
}
