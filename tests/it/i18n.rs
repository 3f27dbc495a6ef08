//! Every key used in a template or in code exists in fr, ar and en; no key is unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// Message ids defined in a language (terms, starting with '-', are private to the files).
fn defined(lang: &str) -> BTreeSet<String> {
    let mut out = Vec::new();
    files(&root().join("locales").join(lang), "ftl", &mut out);
    let mut keys = BTreeSet::new();
    for file in out {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            if let Some((id, _)) = line.split_once('=')
                && !line.starts_with([' ', '#', '-', '*', '}', '['])
                && !id.trim().is_empty()
            {
                assert!(keys.insert(id.trim().to_string()), "{} defined twice in {lang}", id.trim());
            }
        }
    }
    keys
}

/// String literals that look like message ids, with a prefix that the locales use.
fn literals(text: &str, prefixes: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for part in text.split('"').skip(1).step_by(2) {
        let is_id = part.contains('-')
            && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && prefixes.contains(part.split('-').next().unwrap_or(""));
        if is_id {
            found.insert(part.to_string());
        }
    }
    found
}

/// The inside of askama tags: `{{ … }}` and `{% … %}` (attribute values outside them are not keys).
fn template_code(text: &str) -> String {
    let mut out = String::new();
    for (open, close) in [("{{", "}}"), ("{%", "%}")] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + 2..];
            let end = after.find(close).unwrap_or(after.len());
            out.push_str(&after[..end]);
            out.push('\n');
            rest = &after[end..];
        }
    }
    out
}

fn used(prefixes: &BTreeSet<String>) -> BTreeMap<String, PathBuf> {
    let mut used = BTreeMap::new();
    let mut sources = Vec::new();
    files(&root().join("src"), "rs", &mut sources);
    for file in sources {
        for key in literals(&std::fs::read_to_string(&file).unwrap(), prefixes) {
            used.entry(key).or_insert(file.clone());
        }
    }
    let mut templates = Vec::new();
    files(&root().join("templates"), "html", &mut templates);
    for file in templates {
        for key in literals(&template_code(&std::fs::read_to_string(&file).unwrap()), prefixes) {
            used.entry(key).or_insert(file.clone());
        }
    }
    used
}

#[test]
fn every_language_defines_the_same_keys() {
    let fr = defined("fr");
    for lang in ["ar", "en"] {
        let other = defined(lang);
        let missing: Vec<_> = fr.difference(&other).collect();
        let extra: Vec<_> = other.difference(&fr).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, extra {extra:?}");
    }
}

#[test]
fn every_used_key_exists_and_every_key_is_used() {
    let fr = defined("fr");
    let prefixes: BTreeSet<String> = fr.iter().map(|k| k.split('-').next().unwrap().to_string()).collect();
    let used = used(&prefixes);
    for lang in ["fr", "ar", "en"] {
        let keys = defined(lang);
        let missing: Vec<_> = used.iter().filter(|(k, _)| !keys.contains(*k)).collect();
        assert!(missing.is_empty(), "keys used but missing in {lang}: {missing:?}");
    }
    let unused: Vec<_> = fr.iter().filter(|k| !used.contains_key(*k)).collect();
    assert!(unused.is_empty(), "keys defined but never used: {unused:?}");
}

/// The variables a message uses, by a look at its source in the language's files.
fn variables(lang: &str, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    files(&root().join("locales").join(lang), "ftl", &mut out);
    let source: String = out.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect::<Vec<_>>().join("\n");
    let start = source
        .find(&format!("\n{key} ="))
        .map(|i| i + 1)
        .or_else(|| source.starts_with(&format!("{key} =")).then_some(0));
    let Some(start) = start else { return Vec::new() };
    let body: String = source[start..]
        .lines()
        .enumerate()
        .take_while(|(i, l)| *i == 0 || l.starts_with(' ') || l.starts_with('}'))
        .map(|(_, l)| l)
        .collect();
    let mut vars: Vec<String> = body
        .split('$')
        .skip(1)
        .map(|rest| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>())
        .filter(|v| !v.is_empty())
        .collect();
    vars.sort();
    vars.dedup();
    vars
}

#[test]
fn every_message_resolves_in_every_language() {
    use khadamat::i18n::{I18n, Lang};
    for lang in Lang::ALL {
        let i18n = I18n::new(lang);
        for key in defined(lang.code()) {
            let names = variables(lang.code(), &key);
            let args: Vec<(&str, i64)> =
                names.iter().map(|n| (n.as_str(), if n == "year" { 2026 } else { 3 })).collect();
            let text = i18n.t_numbers(&key, &args);
            assert!(!text.is_empty() && text != key, "{lang}: {key}");
        }
    }
}
