//! Turns an askama template into a response.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};

use crate::error::AppError;
use crate::web::htmx::Htmx;

/// Renders a full page or fragment with status 200.
pub fn render(template: &impl askama::Template) -> Result<HttpResponse, AppError> {
    render_status(StatusCode::OK, template)
}

/// Renders with a given status (422 for a form with errors, 404 for error pages…).
pub fn render_status(status: StatusCode, template: &impl askama::Template) -> Result<HttpResponse, AppError> {
    let body = finish_head(template.render()?);
    Ok(HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header((header::VARY, "HX-Request"))
        .body(body))
}

/// A full page's head, finished: the `<title>` and the description lose Fluent's isolation marks (outside the
/// page's layout they show as stray characters in tabs, search results and link previews), and become the link
/// preview's `og:title` and `og:description` (WhatsApp, Facebook, X). Fragments pass unchanged.
pub fn finish_head(mut html: String) -> String {
    const DESCRIPTION: &str = "<meta name=\"description\" content=\"";
    let Some(head_end) = html.find("</head>") else { return html };
    let span = |html: &str, open: &str, close: &str| -> Option<(usize, usize)> {
        let start = html[..head_end].find(open)? + open.len();
        Some((start, start + html[start..head_end].find(close)?))
    };
    let (Some(title), Some(description)) = (span(&html, "<title>", "</title>"), span(&html, DESCRIPTION, "\"")) else {
        return html;
    };
    let clean = |s: &str| crate::web::format::without_isolates(s);
    let title_text = clean(&html[title.0..title.1]);
    let description_text = clean(&html[description.0..description.1]);
    let preview_title = title_text.strip_suffix(" · Khadamat").unwrap_or(&title_text);
    let preview = format!(
        "\n<meta property=\"og:title\" content=\"{preview_title}\">\n<meta property=\"og:description\" content=\"{description_text}\">"
    );
    // Later spans first, so that the earlier offsets hold.
    html.insert_str(description.1 + 2, &preview);
    html.replace_range(description.0..description.1, &description_text);
    html.replace_range(title.0..title.1, &title_text);
    html
}

/// POST/redirect/GET: 303 to a same-site path. An HTMX fragment request is told with `HX-Redirect`
/// instead, so that the browser loads the next page whole rather than swapping it into the form.
pub fn see_other(htmx: Htmx, location: &str) -> HttpResponse {
    if htmx.wants_fragment() {
        HttpResponse::Ok().insert_header(("HX-Redirect", location.to_string())).finish()
    } else {
        redirect(location)
    }
}

/// A plain 303 (from a GET: already signed in, and so on).
pub fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location.to_string())).finish()
}

#[cfg(test)]
mod tests {
    use super::finish_head;

    #[test]
    fn the_head_gets_clean_titles_and_a_link_preview() {
        let page = "<html><head><title>\u{2068}Youssef\u{2069} à \u{2068}Casablanca\u{2069} · Khadamat</title>\n\
                    <meta name=\"description\" content=\"Plombier &amp; \u{2068}chauffagiste\u{2069}\">\n</head>\
                    <body><p>\u{2068}kept\u{2069}</p></body></html>";
        let done = finish_head(page.to_string());
        assert!(done.contains("<title>Youssef à Casablanca · Khadamat</title>"), "{done}");
        assert!(done.contains("<meta name=\"description\" content=\"Plombier &amp; chauffagiste\">"), "{done}");
        assert!(done.contains("<meta property=\"og:title\" content=\"Youssef à Casablanca\">"), "{done}");
        assert!(done.contains("<meta property=\"og:description\" content=\"Plombier &amp; chauffagiste\">"), "{done}");
        assert!(done.contains("<p>\u{2068}kept\u{2069}</p>"), "the body keeps its isolation");
        assert_eq!(finish_head("<li>fragment</li>".into()), "<li>fragment</li>");
    }
}
