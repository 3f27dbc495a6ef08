//! Language choice: `/` redirects to the signed-in account's language, else by cookie, then
//! `Accept-Language`, then French; visiting a `/{lang}/` page remembers the language in a cookie.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::i18n::Lang;
use crate::state::AppState;
use crate::web::auth::MaybeUser;
use crate::web::context::split_lang_path;

pub const COOKIE: &str = "lang";

/// The visitor's language when the URL does not say: cookie, then Accept-Language, then French.
pub fn preferred_lang(req: &HttpRequest) -> Lang {
    req.cookie(COOKIE)
        .and_then(|c| Lang::from_code(c.value()))
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::DEFAULT)
}

/// `GET /` → 303 to the chosen language's home (the account's language when signed in).
pub async fn root_redirect(req: HttpRequest, MaybeUser(user): MaybeUser) -> HttpResponse {
    let lang = match user {
        Some(user) => crate::services::emails::lang_of(user.locale),
        None => preferred_lang(&req),
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/{}/", lang.code())))
        .insert_header((header::VARY, "Cookie, Accept-Language"))
        .finish()
}

/// `GET /{lang}` → `/{lang}/`.
pub async fn add_slash(path: web::Path<String>) -> HttpResponse {
    match Lang::from_code(&path) {
        Some(lang) => HttpResponse::PermanentRedirect().insert_header((header::LOCATION, format!("/{lang}/"))).finish(),
        None => HttpResponse::NotFound().finish(),
    }
}

/// Middleware: remembers the language of the page visited.
pub async fn remember(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let lang = split_lang_path(req.path()).map(|(l, _)| l);
    let current = req.cookie(COOKIE).map(|c| c.value().to_string());
    let production = req.app_data::<web::Data<AppState>>().is_some_and(|s| s.config.env.is_production());
    let mut res = next.call(req).await?;
    if let Some(lang) = lang
        && current.as_deref() != Some(lang.code())
        && res.status().is_success()
    {
        let cookie = Cookie::build(COOKIE, lang.code())
            .path("/")
            .same_site(SameSite::Lax)
            .secure(production)
            .max_age(CookieDuration::days(365))
            .finish();
        res.response_mut().add_cookie(&cookie).ok();
    }
    Ok(res)
}
