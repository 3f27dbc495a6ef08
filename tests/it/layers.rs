//! The layers of ARCHITECTURE.md, checked over the source: every `crate::…` and `super::…` path a file names
//! (outside its unit tests) must point to its own layer or one it may use, and no two files may need each other
//! (directly or round a longer loop).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layer → the layers it may use (besides itself). The same table heads ARCHITECTURE.md.
const LAYERS: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("db", &["domain"]),
    ("i18n", &["domain"]),
    ("config", &["domain", "db"]),
    ("services", &["domain", "db", "i18n", "config"]),
    ("web", &["domain", "db", "i18n", "config", "services"]),
    ("app", &["domain", "db", "i18n", "config", "services", "web"]),
];

/// Which layer a module (its path below the crate root) belongs to.
fn layer_of(module: &[String]) -> &'static str {
    match module.first().map(String::as_str) {
        Some("domain") => "domain",
        Some("db") => "db",
        Some("i18n") => "i18n",
        Some("config") => "config",
        Some("services" | "error" | "mail" | "payments") => "services",
        Some("web" | "handlers" | "realtime" | "state") => "web",
        _ => "app",
    }
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every library source file with its module path ("src/db/models/user.rs" → ["db", "models", "user"]).
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&src(), &mut files);
    files
        .into_iter()
        .filter(|f| !f.ends_with("main.rs"))
        .map(|f| {
            let rel = f.strip_prefix(src()).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            (parts, f)
        })
        .collect()
}

/// The module paths a file's code names: `crate::a::b::{c, d::e}` and `super::…`, resolved to the deepest
/// module that exists.
fn references(module: &[String], code: &str, known: &BTreeMap<Vec<String>, PathBuf>) -> BTreeSet<Vec<String>> {
    let deepest = |path: Vec<String>| -> Vec<String> {
        (0..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| known.contains_key(p)).unwrap_or_default()
    };
    let mut found = BTreeSet::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for (start, prefix) in text
        .match_indices("crate::")
        .map(|(i, _)| (i, "crate"))
        .chain(text.match_indices("super::").map(|(i, _)| (i, "super")))
    {
        // A path token, not part of a longer identifier (`khadamat::`, `self::super`).
        if start > 0 && text[..start].chars().last().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let base: Vec<String> = if prefix == "crate" {
            Vec::new()
        } else {
            // From a file, `super` is its parent module (a `mod.rs` counts as the module itself).
            module[..module.len().saturating_sub(1)].to_vec()
        };
        let rest = &text[start + prefix.len() + 2..];
        let mut path = base.clone();
        let mut chars = rest.chars().peekable();
        let mut segment = String::new();
        loop {
            match chars.next() {
                Some(c) if c.is_alphanumeric() || c == '_' => segment.push(c),
                Some(':') if chars.peek() == Some(&':') => {
                    chars.next();
                    if segment == "super" {
                        path.pop();
                    } else if !segment.is_empty() {
                        path.push(std::mem::take(&mut segment));
                    }
                    segment.clear();
                    if chars.peek() == Some(&'{') {
                        chars.next();
                        let group: String = chars.by_ref().take_while(|c| *c != '}').collect();
                        for item in group.split(',') {
                            let mut item_path = path.clone();
                            item_path.extend(
                                item.trim().split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
                            );
                            found.insert(deepest(item_path));
                        }
                        break;
                    }
                }
                _ => {
                    if !segment.is_empty() {
                        path.push(segment);
                    }
                    found.insert(deepest(path));
                    break;
                }
            }
        }
    }
    found
}

/// A file's code without its unit-test module.
fn code_of(path: &Path) -> String {
    let code = std::fs::read_to_string(path).unwrap();
    match code.find("#[cfg(test)]\nmod tests") {
        Some(i) => code[..i].to_string(),
        None => code,
    }
}

#[test]
fn files_use_only_their_layer_and_the_ones_below() {
    let known = modules();
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut wrong = Vec::new();
    for (module, path) in &known {
        let from = layer_of(module);
        for target in references(module, &code_of(path), &known) {
            let to = layer_of(&target);
            if to != from && !allowed[from].contains(&to) {
                wrong.push(format!("{} ({from}) uses {} ({to})", path.display(), target.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "imports across the layers:\n{}", wrong.join("\n"));
}

#[test]
fn no_two_files_need_each_other() {
    let known = modules();
    let graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = known
        .iter()
        .map(|(module, path)| {
            let mut targets = references(module, &code_of(path), &known);
            targets.remove(module);
            (module.clone(), targets)
        })
        .collect();
    // Tarjan's strongly connected components: a component of several files is a loop.
    struct State<'a> {
        graph: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on_stack: BTreeSet<&'a Vec<String>>,
        loops: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Vec<String>) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let Some((w, _)) = s.graph.get_key_value(w) else { continue };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[w].min(s.low[v]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.index[w].min(s.low[v]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.join("::"));
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.loops.push(component);
            }
        }
    }
    let mut state = State {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        loops: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v) {
            visit(&mut state, v);
        }
    }
    assert!(state.loops.is_empty(), "files that need each other: {:?}", state.loops);
}

#[test]
fn the_checker_reads_paths_as_rust_does() {
    let known: BTreeMap<Vec<String>, PathBuf> = [
        vec![],
        vec!["db".to_string()],
        vec!["db".into(), "models".into()],
        vec!["db".into(), "models".into(), "user".into()],
    ]
    .into_iter()
    .map(|m| (m, PathBuf::new()))
    .collect();
    let module = vec!["db".to_string(), "models".to_string(), "user".to_string()];
    let found = references(&module, "use crate::db::models::{User, user::find};\nuse super::Thing;", &known);
    assert!(found.contains(&vec!["db".to_string(), "models".to_string()]));
    assert!(found.contains(&module));
    let found = references(&[], "khadamat::db::x; crate::db::Db", &known);
    assert_eq!(found, [vec!["db".to_string()]].into_iter().collect());
}
