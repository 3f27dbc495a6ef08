//! HTML assertions with CSS selectors.

use scraper::{Html, Selector};

pub struct Doc {
    html: Html,
}

impl Doc {
    pub fn parse(body: &str) -> Doc {
        Doc { html: Html::parse_document(body) }
    }

    fn selector(css: &str) -> Selector {
        Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css:?}: {e:?}"))
    }

    /// Text of every element matching `css` (whitespace collapsed, bidi isolation marks removed).
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.html
            .select(&Self::selector(css))
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .replace(['\u{2068}', '\u{2069}'], "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[track_caller]
    pub fn text(&self, css: &str) -> String {
        self.texts(css).into_iter().next().unwrap_or_else(|| panic!("no element matches {css:?}"))
    }

    /// The inner HTML of the first element matching `css`.
    #[track_caller]
    pub fn html_of(&self, css: &str) -> String {
        self.html
            .select(&Self::selector(css))
            .next()
            .map(|e| e.inner_html())
            .unwrap_or_else(|| panic!("no element matches {css:?}"))
    }

    pub fn count(&self, css: &str) -> usize {
        self.html.select(&Self::selector(css)).count()
    }

    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.html.select(&Self::selector(css)).filter_map(|e| e.value().attr(attr).map(str::to_string)).collect()
    }

    #[track_caller]
    pub fn attr(&self, css: &str, attr: &str) -> String {
        self.attrs(css, attr).into_iter().next().unwrap_or_else(|| panic!("no {attr} on {css:?}"))
    }

    #[track_caller]
    pub fn assert_has(&self, css: &str) {
        assert!(self.count(css) > 0, "expected an element matching {css:?}");
    }
}
