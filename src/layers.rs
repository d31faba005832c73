//! The layer rule of `lib.rs`, checked: every `.rs` under `src/` is read, each path that
//! names another top-level module (`crate::X`, `use crate::{X, …}`, or `super::` climbing out
//! of its folder) is an edge, and an edge the rule forbids fails the test with its
//! `file:line`. Comment lines are not read (a doc may name any module).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers from the bottom: each may import the ones before it. `cli` and `tui` share the
/// top and never import each other.
const LAYERS: [&str; 8] = [
    "domain", "store", "io", "service", "i18n", "view", "cli", "tui",
];

/// Small modules any layer may import; they import nothing of the crate.
const LEAVES: [&str; 4] = ["builtin", "clock", "progress", "ui"];

/// Whether the rule lets module `from` name module `to` (both top-level), and if not, why.
fn forbidden(from: &str, to: &str) -> Option<String> {
    if from == to || matches!(from, "main" | "lib" | "layers") {
        return None;
    }
    if LEAVES.contains(&from) {
        return Some(format!(
            "`{from}` is a leaf: it imports nothing of the crate"
        ));
    }
    if LEAVES.contains(&to) {
        return None;
    }
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    match (from, to) {
        ("cli", "tui") | ("tui", "cli") => {
            return Some("the command line and the screens never import each other".into());
        }
        // The words of documents sit beside `io`: they import only `domain`, and `io` and
        // everything above may import them.
        ("words", "domain") => return None,
        ("words", _) => return Some("`words` imports only `domain`".into()),
        (_, "words") => {
            return match rank(from) {
                Some(r) if r >= rank("io").unwrap() => None,
                _ => Some(format!("`{from}` is below `words` (beside `io`)")),
            };
        }
        // The settings file: it imports only `store`; the front ends use it.
        ("config", "store") => return None,
        ("config", _) => return Some("`config` imports only `store`".into()),
        (_, "config") => {
            return match from {
                "cli" | "tui" => None,
                _ => Some("only the front ends use `config`".into()),
            };
        }
        _ => {}
    }
    match (rank(from), rank(to)) {
        (Some(f), Some(t)) if t < f => None,
        (Some(_), Some(_)) => Some(format!("`{from}` is below `{to}`")),
        _ => Some(format!(
            "`{from}` → `{to}`: a module the rule does not name"
        )),
    }
}

/// The module path of a file under `src/`: `tui/app/mod.rs` is `[tui, app]`,
/// `tui/runtime.rs` is `[tui, runtime]`, `lib.rs` is `[]`.
fn module_path(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.split('/').map(String::from).collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    parts
}

/// The first identifier of each item of a `{…}` group starting at `text[open]` (a `{`),
/// with its byte offset; nested groups are skipped.
fn group_heads(text: &str, open: usize) -> Vec<(usize, String)> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut expect = true;
    let mut i = open;
    let b = text.as_bytes();
    while i < b.len() {
        match b[i] {
            b'{' => {
                depth += 1;
                if depth == 1 {
                    expect = true;
                }
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => expect = true,
            c if depth == 1 && expect && (c.is_ascii_alphabetic() || c == b'_') => {
                let end = text[i..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(text.len(), |e| i + e);
                heads.push((i, text[i..end].to_string()));
                expect = false;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    heads
}

/// The edges of one file that the rule forbids: `file:line: from → to (why)`.
fn check(rel: &str, source: &str) -> Vec<String> {
    let file_path = module_path(rel);
    let Some(top) = file_path.first().cloned().or_else(|| {
        let stem = rel.trim_end_matches(".rs");
        (!rel.contains('/')).then(|| stem.to_string())
    }) else {
        return Vec::new();
    };
    // Blank out comment lines, keeping offsets and line numbers.
    let text: String = source
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                " ".repeat(l.len())
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let line_of = |at: usize| text[..at].matches('\n').count() + 1;
    // The depth of inline modules (`mod tests {`) at each line, from the indentation rustfmt
    // gives: an inline module lasts until the `}` at its own indentation.
    let mut inline_depth = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for l in text.lines() {
        let indent = l.len() - l.trim_start().len();
        if l.trim() == "}" && open.last() == Some(&indent) {
            open.pop();
        }
        inline_depth.push(open.len());
        let t = l.trim_start();
        let t = match t.strip_prefix("pub") {
            Some(rest) => rest.split_once(' ').map_or(t, |(_, r)| r),
            None => t,
        };
        if t.starts_with("mod ") && t.ends_with('{') {
            open.push(indent);
        }
    }
    let mut targets: Vec<(usize, String)> = Vec::new();
    let mut add = |at: usize, after: usize| {
        if text[after..].starts_with('{') {
            targets.extend(group_heads(&text, after));
        } else {
            let end = text[after..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(text.len(), |e| after + e);
            targets.push((at, text[after..end].to_string()));
        }
    };
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        add(at, at + "crate::".len());
    }
    let mut at = 0;
    while let Some(found) = text[at..].find("super::") {
        let start = at + found;
        let before = text[..start].chars().next_back();
        let mut end = start;
        let mut supers = 0;
        while text[end..].starts_with("super::") {
            supers += 1;
            end += "super::".len();
        }
        at = end;
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let depth = file_path.len() + inline_depth[line_of(start) - 1];
        if supers >= depth {
            add(start, end);
        }
    }
    let mut out = BTreeSet::new();
    for (at, to) in targets {
        if matches!(to.as_str(), "self" | "super" | "crate" | "") {
            continue;
        }
        if let Some(why) = forbidden(&top, &to) {
            out.insert(format!("src/{rel}:{}: {top} → {to} ({why})", line_of(at)));
        }
    }
    out.into_iter().collect()
}

/// Every `.rs` under `dir`, as paths relative to `root`.
fn sources(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.strip_prefix(root).unwrap().to_path_buf());
        }
    }
}

fn all_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|f| f != Path::new("layers.rs"))
        .map(|f| {
            let text = std::fs::read_to_string(root.join(&f)).expect("read a source file");
            (f.to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

#[test]
fn every_import_follows_the_layer_rule() {
    let files = all_sources();
    assert!(files.len() > 50, "src/ read: {} files", files.len());
    let broken: Vec<String> = files.iter().flat_map(|(f, t)| check(f, t)).collect();
    assert!(
        broken.is_empty(),
        "edges the rule forbids:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_screens_and_the_command_line_never_name_each_other() {
    let mut named = Vec::new();
    for (f, text) in all_sources() {
        let other = match f.split('/').next() {
            Some("tui") => "crate::cli",
            Some("cli") => "crate::tui",
            _ => continue,
        };
        for (n, line) in text.lines().enumerate() {
            if line.contains(other) {
                named.push(format!("src/{f}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(named.is_empty(), "{}", named.join("\n"));
}

#[test]
fn the_checker_finds_a_forbidden_line() {
    // The screens naming the command line, in a use group spread over lines.
    let found = check(
        "tui/app/mod.rs",
        "//! A doc naming crate::cli is not an import.\nuse crate::{\n    domain::Mode,\n    cli::run,\n};\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("src/tui/app/mod.rs:4: tui → cli"),
        "{found:?}"
    );
    // A lower layer naming a higher one by a path in code.
    let found = check(
        "domain/sheet.rs",
        "fn f() { crate::store::Store::open(p); }\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("domain → store"), "{found:?}");
    // `super::` climbing out of the folder is an edge; inside a test module it is not.
    let found = check(
        "words/mod.rs",
        "use super::i18n::Lang;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
    );
    assert_eq!(
        found,
        ["src/words/mod.rs:1: words → i18n (`words` imports only `domain`)"]
    );
    assert!(check("i18n/errors.rs", "use super::commands;\n").is_empty());
    let nested = "pub(crate) mod tests {\n    use super::super::sheet::Sheet;\n}\n";
    assert!(check("domain/analysis.rs", nested).is_empty());
    // The rule itself.
    assert!(forbidden("io", "service").is_some());
    assert!(forbidden("service", "i18n").is_some());
    assert!(forbidden("i18n", "view").is_some());
    assert!(forbidden("view", "i18n").is_none());
    assert!(forbidden("io", "words").is_none());
    assert!(forbidden("store", "words").is_some());
    assert!(forbidden("clock", "domain").is_some());
    assert!(forbidden("tui", "ui").is_none());
}
