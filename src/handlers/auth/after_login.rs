//! An action asked for while signed out (a favorite, "Contact"): remembered in the session, the visitor signs in,
//! and the action is done then — they land where it leads (the conversation), not on their account page.

use actix_session::Session;
use actix_web::web;

use crate::db::models::User;
use crate::error::AppError;
use crate::state::AppState;

const KEY: &str = "after_login";

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterLogin {
    /// Add this provider (slug) to favorites.
    Favorite(String),
    /// Open the conversation with this provider (slug).
    Contact(String),
}

/// Remembers the action for after signing in.
pub fn remember(session: &Session, action: AfterLogin) -> Result<(), AppError> {
    session.insert(KEY, action).map_err(|e| AppError::internal(format!("session: {e}")))
}

/// Takes the remembered action out of the session (to carry it across the new session id).
pub fn take(session: &Session) -> Option<AfterLogin> {
    let action = session.get::<AfterLogin>(KEY).ok().flatten();
    session.remove(KEY);
    action
}

/// Does the remembered action for the user who just signed in; returns where it leads (in the language of the
/// sign-in page), if somewhere.
pub async fn finish(
    session: &Session,
    state: &web::Data<AppState>,
    user: &User,
    lang: crate::i18n::Lang,
) -> Option<String> {
    let action = take(session)?;
    let (user, now, lang) = (user.clone(), state.clock.now(), lang.code());
    match action {
        AfterLogin::Favorite(slug) => {
            // An unknown provider is ignored.
            let _ = state.db.run(move |conn| crate::services::favorites::set(conn, &user, &slug, true)).await;
            None
        }
        AfterLogin::Contact(slug) => {
            let s = slug.clone();
            match state.db.run(move |conn| crate::services::messages::start(conn, &user, &s, now)).await {
                Ok(Ok(id)) => Some(format!("/{lang}/messages/{id}")),
                Ok(Err(key)) => {
                    Some(format!("/{lang}/providers/{slug}?notice={}", crate::web::context::conversation_notice(key)))
                }
                Err(_) => None,
            }
        }
    }
}
