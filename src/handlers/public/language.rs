//! `POST /{lang}/language`: the language switcher of a signed-in visitor. The account's language follows (the
//! site and the emails speak it from then on, on every device), then the same page opens in it. Anonymous
//! visitors switch with plain links (the `lang` cookie remembers).

use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::services::accounts;
use crate::state::AppState;
use crate::web::auth::actor;
use crate::web::render::see_other;
use crate::web::{CsrfForm, Htmx, Page};

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct LanguageInput {
    /// The language chosen ("ar").
    #[serde(default)]
    pub to: String,
    /// The page to show again, without its language prefix ("/providers?q=plombier").
    #[serde(default)]
    pub path: String,
}

pub async fn update(
    req: HttpRequest,
    htmx: Htmx,
    page: Page,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<LanguageInput>,
) -> AppResult<HttpResponse> {
    let to = Lang::from_code(&form.to).ok_or_else(|| AppError::Malformed("language".into()))?;
    if let Some(user) = page.user {
        let actor = actor(&req, Some(user.id));
        state.db.run(move |conn| accounts::set_language(conn, &user, to, &actor)).await?;
    }
    let path = if form.path.starts_with('/') { form.path.as_str() } else { "/" };
    Ok(see_other(htmx, &crate::handlers::auth::safe_next(Some(&format!("/{}{path}", to.code())), to)))
}
