//! Static assets, read once at boot, served under fingerprinted URLs (`/static/css/app.1a2b3c4d5e.css`)
//! with an immutable cache lifetime; text ones compressed once (brotli 11 and gzip 9, on first use) and sent in
//! the encoding the browser prefers.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::web::compress::{self, Accepted};

pub struct Asset {
    pub bytes: web::Bytes,
    pub content_type: &'static str,
    pub url: String,
    pub etag: String,
    /// Text of 1 KB or more: worth sending compressed.
    compressible: bool,
    brotli: OnceLock<web::Bytes>,
    gzip: OnceLock<web::Bytes>,
}

impl Asset {
    /// The body and its encoding for a client, and the representation's ETag.
    fn representation(&self, accepted: Accepted) -> (web::Bytes, Option<&'static str>, String) {
        let tagged = |suffix: &str| format!("{}-{suffix}\"", self.etag.trim_end_matches('"'));
        match (self.compressible, accepted) {
            (true, Accepted { br: true, .. }) => {
                let bytes = self.brotli.get_or_init(|| compress::brotli(&self.bytes, 11).into());
                (bytes.clone(), Some("br"), tagged("br"))
            }
            (true, Accepted { gzip: true, .. }) => {
                let bytes = self.gzip.get_or_init(|| compress::gzip(&self.bytes, 9).into());
                (bytes.clone(), Some("gzip"), tagged("gz"))
            }
            _ => (self.bytes.clone(), None, self.etag.clone()),
        }
    }
}

#[derive(Default)]
pub struct Assets {
    /// Logical path ("css/app.css") → asset.
    by_path: HashMap<String, Asset>,
    /// Fingerprinted path ("css/app.1a2b3c4d5e.css") → logical path.
    by_url: HashMap<String, String>,
    /// Icon name → its inline `<svg>`, from the symbols of `img/icons.svg`: a page carries the few icons it shows
    /// instead of fetching the whole sprite.
    icons: HashMap<String, String>,
    /// The stylesheet up to [`SHELL_END`]: the header, footer and everything the home page shows, inlined there
    /// so that its first paint waits for no other request.
    shell_css: String,
    /// The Content-Security-Policy, whose `style-src` allows that inline stylesheet by its hash.
    csp: String,
}

/// Where the shell ends in `css/app.css` (see [`Assets::shell_css`]).
pub const SHELL_END: &str = "/* End of the shell";

impl Assets {
    /// Loads every file below `dir`.
    pub fn load(dir: &Path) -> std::io::Result<Self> {
        let mut assets = Assets::default();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(current) = stack.pop() {
            for entry in std::fs::read_dir(&current)? {
                let path = entry?.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let logical = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                let mut bytes = std::fs::read(&path)?;
                if logical == "css/app.css" {
                    let css = String::from_utf8_lossy(&bytes).into_owned();
                    let shell = css.split_once(SHELL_END).map_or(css.as_str(), |(shell, _)| shell);
                    assets.shell_css = minify_css(shell);
                    bytes = minify_css(&css).into_bytes();
                }
                assets.insert(&logical, bytes);
            }
        }
        assets.write_service_worker();
        assets.icons =
            assets.get("img/icons.svg").map(|a| inline_icons(&String::from_utf8_lossy(&a.bytes))).unwrap_or_default();
        assets.csp = csp(&assets.shell_css);
        Ok(assets)
    }

    /// The inline `<svg>` of an icon; an unknown name is a programming error shown in logs.
    pub fn icon(&self, name: &str) -> &str {
        self.icons.get(name).map_or_else(
            || {
                tracing::warn!(name, "unknown icon");
                ""
            },
            String::as_str,
        )
    }

    pub fn shell_css(&self) -> &str {
        &self.shell_css
    }

    pub fn csp(&self) -> &str {
        &self.csp
    }

    /// Fills `sw.js`'s placeholders with the fingerprinted assets it keeps and a version made from their list: a
    /// new asset is a new worker (see `static/sw.js`).
    fn write_service_worker(&mut self) {
        let Some(worker) = self.by_path.get("sw.js") else { return };
        let kept = |logical: &str| {
            logical.ends_with(".css")
                || (logical.ends_with(".js") && logical != "sw.js")
                // (Not the icon sprite: pages carry their icons inline.)
                || (logical.ends_with(".svg") && !logical.starts_with("vendor/") && logical != "img/icons.svg")
                || logical == "img/icon-192.png"
        };
        let mut urls: Vec<&str> = self.by_path.iter().filter(|(k, _)| kept(k)).map(|(_, a)| a.url.as_str()).collect();
        urls.sort_unstable();
        let version = format!("{:016x}", fnv1a(urls.join("\n").as_bytes()));
        let text = String::from_utf8_lossy(&worker.bytes)
            .replace("__VERSION__", &version[..10])
            .replace("__ASSETS__", &serde_json::to_string(&urls).unwrap_or_else(|_| "[]".into()));
        self.by_url.retain(|_, logical| logical != "sw.js");
        self.insert("sw.js", text.into_bytes());
    }

    fn insert(&mut self, logical: &str, bytes: Vec<u8>) {
        let hash = format!("{:016x}", fnv1a(&bytes));
        let short = &hash[..10];
        let fingerprinted = match logical.rsplit_once('.') {
            Some((stem, ext)) if !ext.contains('/') => format!("{stem}.{short}.{ext}"),
            _ => format!("{logical}.{short}"),
        };
        let ext = logical.rsplit('.').next().unwrap_or("");
        let content_type = content_type(ext);
        self.by_url.insert(fingerprinted.clone(), logical.to_string());
        self.by_path.insert(
            logical.to_string(),
            Asset {
                compressible: compress::compressible(content_type) && bytes.len() >= compress::MIN_BYTES,
                bytes: web::Bytes::from(bytes),
                content_type,
                url: format!("/static/{fingerprinted}"),
                etag: format!("\"{hash}\""),
                brotli: OnceLock::new(),
                gzip: OnceLock::new(),
            },
        );
    }

    /// The fingerprinted URL of a logical path; a missing asset is a programming error shown in logs.
    pub fn url(&self, logical: &str) -> String {
        match self.by_path.get(logical) {
            Some(asset) => asset.url.clone(),
            None => {
                tracing::warn!(logical, "unknown static asset");
                format!("/static/{logical}")
            }
        }
    }

    pub fn get(&self, logical: &str) -> Option<&Asset> {
        self.by_path.get(logical)
    }

    /// Looks up a request path below /static/: fingerprinted (immutable) or plain (short cache).
    pub fn resolve(&self, path: &str) -> Option<(&Asset, bool)> {
        if let Some(logical) = self.by_url.get(path) {
            return self.by_path.get(logical).map(|a| (a, true));
        }
        self.by_path.get(path).map(|a| (a, false))
    }
}

/// The stylesheet without its comments and spare whitespace (what a browser ignores anyway): 13 % fewer bytes
/// after compression. Strings in it hold no comment markers or runs of spaces.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].split_once("*/").map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut tight = String::with_capacity(collapsed.len());
    for (i, c) in collapsed.char_indices() {
        let next = collapsed[i + c.len_utf8()..].chars().next();
        let previous = tight.chars().last();
        let around_punctuation = matches!(previous, Some('{' | '}' | ';')) || matches!(next, Some('{' | '}' | ';'));
        if c == ' ' && around_punctuation {
            continue;
        }
        tight.push(c);
    }
    tight
}

/// Each `<symbol id="…" …>…</symbol>` of a sprite as a standalone, decorative `<svg>` with the symbol's
/// attributes (viewBox, stroke…).
fn inline_icons(sprite: &str) -> HashMap<String, String> {
    sprite
        .split("<symbol ")
        .skip(1)
        .filter_map(|part| {
            let (attributes, rest) = part.split_once('>')?;
            let inner = rest.split_once("</symbol>")?.0;
            let id = attributes.split_once("id=\"")?.1.split_once('"')?.0;
            let others = attributes.replacen(&format!("id=\"{id}\""), "", 1);
            let svg = format!(
                "<svg class=\"icon\" aria-hidden=\"true\" focusable=\"false\" width=\"24\" height=\"24\" {}>{inner}</svg>",
                others.trim()
            );
            Some((id.to_string(), svg))
        })
        .collect()
}

/// The Content-Security-Policy: nothing inline but the one stylesheet the home page inlines, allowed by its hash.
pub fn csp(inline_style: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(inline_style.as_bytes()));
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-{hash}'; img-src 'self' data: blob:; \
font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; \
form-action 'self'; frame-ancestors 'none'"
    )
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3))
}

fn content_type(ext: &str) -> &'static str {
    match ext {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webmanifest" => "application/manifest+json",
        "woff2" => "font/woff2",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Serves an asset with its cache policy and ETag, in the best encoding the client accepts.
pub fn respond(req: &HttpRequest, asset: &Asset, immutable: bool) -> HttpResponse {
    let cache = if immutable { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
    let (bytes, encoding, etag) = asset.representation(Accepted::of(req.headers()));
    let not_modified = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let mut builder = if not_modified { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    builder
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CONTENT_TYPE, asset.content_type));
    if asset.compressible {
        builder.insert_header((header::VARY, "Accept-Encoding"));
    }
    if let Some(encoding) = encoding {
        builder.insert_header((header::CONTENT_ENCODING, encoding));
    }
    if not_modified { builder.finish() } else { builder.body(bytes) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_and_spare_spaces_only() {
        let css = "/* A */\n.a, .b {\n  color: red; /* why */\n  inline-size: calc(100% - 2rem);\n}\n@media (min-width: 40rem) {\n  .a :is(p) { margin: 0 }\n}\n";
        assert_eq!(
            minify_css(css),
            ".a, .b{color: red;inline-size: calc(100% - 2rem);}@media (min-width: 40rem){.a :is(p){margin: 0}}"
        );
    }

    #[test]
    fn icons_are_inline_svgs_with_their_symbol_attributes() {
        let sprite = r#"<svg><symbol id="x" viewBox="0 0 24 24" fill="none"><path d="M1 1"/></symbol></svg>"#;
        let icons = inline_icons(sprite);
        assert_eq!(
            icons["x"],
            r#"<svg class="icon" aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24" fill="none"><path d="M1 1"/></svg>"#
        );
    }
}
