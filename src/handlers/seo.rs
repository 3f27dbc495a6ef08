//! `/robots.txt` and the sitemaps: `/sitemap.xml` (an index) → `/sitemap-{lang}-pages.xml` (information,
//! category and category-in-city pages) and `/sitemap-{lang}-providers-{n}.xml` (provider pages).

use actix_web::{HttpResponse, web};

use crate::db::views::sitemap;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;

pub async fn robots(state: web::Data<AppState>) -> HttpResponse {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /*/account\nDisallow: /*/admin\nDisallow: /*/provider/\nDisallow: /*/messages\nDisallow: /*/reviews/\nDisallow: /*/login\nDisallow: /*/register\nDisallow: /*/password/\nDisallow: /dev/\n\nSitemap: {}/sitemap.xml\n",
        state.config.base_url
    );
    HttpResponse::Ok()
        .insert_header(("Content-Type", "text/plain; charset=utf-8"))
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .body(body)
}

fn xml(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Content-Type", "application/xml; charset=utf-8"))
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(body)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub async fn index(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let count = state.db.run(|conn| Ok(sitemap::approved_count(conn)?)).await?;
    let files = (count + sitemap::PROVIDERS_PER_FILE - 1) / sitemap::PROVIDERS_PER_FILE;
    let base = &state.config.base_url;
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for lang in Lang::ALL {
        body.push_str(&format!("  <sitemap><loc>{base}/sitemap-{lang}-pages.xml</loc></sitemap>\n"));
        for n in 0..files {
            body.push_str(&format!("  <sitemap><loc>{base}/sitemap-{lang}-providers-{n}.xml</loc></sitemap>\n"));
        }
    }
    body.push_str("</sitemapindex>\n");
    Ok(xml(body))
}

/// One URL with its alternates in the other languages.
fn url_entry(base: &str, path: &str, lastmod: Option<chrono::NaiveDateTime>, lang: Lang) -> String {
    let mut entry = format!("  <url><loc>{}</loc>", escape(&format!("{base}/{lang}{path}")));
    if let Some(at) = lastmod {
        entry.push_str(&format!("<lastmod>{}</lastmod>", at.format("%Y-%m-%d")));
    }
    for alt in Lang::ALL {
        entry.push_str(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>",
            escape(&format!("{base}/{alt}{path}"))
        ));
    }
    entry.push_str("</url>\n");
    entry
}

fn urlset(entries: String) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{entries}</urlset>\n"
    )
}

/// `/sitemap-{name}.xml`: `fr-pages`, `ar-providers-0`, …
pub async fn file(state: web::Data<AppState>, name: web::Path<String>) -> AppResult<HttpResponse> {
    let name = name.into_inner();
    let (lang, rest) = name.split_once('-').ok_or(AppError::NotFound)?;
    let lang = Lang::from_code(lang).ok_or(AppError::NotFound)?;
    let base = state.config.base_url.clone();
    if rest == "pages" {
        let pages = state.db.run(|conn| Ok(sitemap::landing_pages(conn)?)).await?;
        let mut entries = String::new();
        for path in
            ["/", "/services", "/providers", "/about", "/contact", "/legal/terms", "/legal/privacy", "/legal/cookies"]
        {
            entries.push_str(&url_entry(&base, path, None, lang));
        }
        for (category, city, at) in pages {
            let path = match city {
                Some(city) => format!("/services/{category}/{city}"),
                None => format!("/services/{category}"),
            };
            entries.push_str(&url_entry(&base, &path, Some(at), lang));
        }
        return Ok(xml(urlset(entries)));
    }
    let n: i64 = rest.strip_prefix("providers-").and_then(|n| n.parse().ok()).ok_or(AppError::NotFound)?;
    let rows = state.db.run(move |conn| Ok(sitemap::providers_chunk(conn, n)?)).await?;
    if rows.is_empty() && n > 0 {
        return Err(AppError::NotFound);
    }
    let entries: String =
        rows.iter().map(|(slug, at)| url_entry(&base, &format!("/providers/{slug}"), Some(*at), lang)).collect();
    Ok(xml(urlset(entries)))
}
