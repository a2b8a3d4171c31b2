//! The layout's rules, checked on the sources (host test): no import circles among the modules
//! of the app and of `ban_tin_core`, and the app's layers point one way, views → state →
//! platform → core (the compiler already keeps browser crates out of core).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path, such as `app::state::feed` or `core::text::fold`.
type Module = String;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file holds: `src/state/feed.rs` → `app::state::feed`, `mod.rs` and `lib.rs` are
/// their folder's module.
fn module_of(krate: &str, root: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(root).unwrap_or(file);
    let mut parts = vec![krate.to_string()];
    for component in relative.with_extension("").components() {
        let name = component.as_os_str().to_string_lossy().to_string();
        if !matches!(name.as_str(), "mod" | "lib" | "main") {
            parts.push(name);
        }
    }
    parts.join("::")
}

/// The file's code without its inline test module, line comments and string literals (so that
/// a doc comment or a string naming a module is not an import).
fn code_of(source: &str) -> String {
    let source = source
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or(source);
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut in_string = false;
        let mut previous = ' ';
        for c in line.chars() {
            if c == '"' && previous != '\\' {
                in_string = !in_string;
            } else if !in_string {
                out.push(c);
            }
            previous = c;
        }
        out.push('\n');
    }
    out
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.to_string()];
    };
    let prefix = &tree[..open];
    let inner = tree[open + 1..].trim_end().trim_end_matches('}');
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| format!("{prefix}{p}"))
        .collect()
}

/// Every path the code names: `use` trees expanded, and `crate::…` / `ban_tin_core::…` /
/// `super::…` paths written inline.
fn paths_in(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().last();
        let statement = &rest[at + 4..];
        let end = statement.find(';').unwrap_or(statement.len());
        if before.is_none_or(|c| c.is_whitespace() || c == '{') {
            paths.extend(expand(&statement[..end].replace(char::is_whitespace, "")));
        }
        rest = &statement[end..];
    }
    for prefix in ["crate::", "ban_tin_core::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            let path: String = rest[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            if before.is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != ':') {
                paths.push(path);
            }
            rest = &rest[at + prefix.len()..];
        }
    }
    paths
}

/// The module `path` (as written in `module`) refers to: the longest known module it names.
fn target(path: &str, module: &str, krate: &str, known: &BTreeSet<Module>) -> Option<Module> {
    let parent = module.rsplit_once("::").map_or(krate, |(p, _)| p);
    let absolute = if let Some(rest) = path.strip_prefix("crate::") {
        format!("{krate}::{rest}")
    } else if let Some(rest) = path.strip_prefix("ban_tin_core::") {
        format!("core::{rest}")
    } else if let Some(rest) = path.strip_prefix("super::") {
        format!("{parent}::{rest}")
    } else {
        // A child module of this one (`use feed::FeedState` in `state/mod.rs`), if any.
        format!("{module}::{path}")
    };
    let mut candidate = absolute.as_str();
    loop {
        if known.contains(candidate) {
            return Some(candidate.to_string());
        }
        candidate = candidate.rsplit_once("::")?.0;
    }
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for (krate, dir) in [("app", root.join("src")), ("core", root.join("core/src"))] {
        let mut found = Vec::new();
        rust_files(&dir, &mut found);
        files.extend(found.into_iter().map(|f| (krate, dir.clone(), f)));
    }
    let modules: Vec<(&str, Module, PathBuf)> = files
        .iter()
        .map(|(krate, dir, file)| (*krate, module_of(krate, dir, file), file.clone()))
        .collect();
    let known: BTreeSet<Module> = modules.iter().map(|(_, m, _)| m.clone()).collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (krate, module, file) in &modules {
        let code = code_of(&std::fs::read_to_string(file).unwrap_or_default());
        let targets = edges.entry(module.clone()).or_default();
        for path in paths_in(&code) {
            if let Some(to) = target(&path, module, krate, &known) {
                if to != *module {
                    targets.insert(to);
                }
            }
        }
    }
    edges
}

/// A circle of imports, if there is one.
fn find_circle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        node: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        done: &mut BTreeSet<Module>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(at) = stack.iter().position(|m| m == node) {
            let mut circle = stack[at..].to_vec();
            circle.push(node.clone());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, done, stack) {
                return Some(circle);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut done, &mut Vec::new()))
}

#[test]
fn modules_import_one_way() {
    let edges = graph();
    assert!(edges.contains_key("app::state::feed") && edges.contains_key("core::feed"));
    assert!(
        edges["app::state::feed"].contains("app::platform::fetch"),
        "the scan sees imports"
    );
    if let Some(circle) = find_circle(&edges) {
        panic!("import circle: {}", circle.join(" -> "));
    }
}

#[test]
fn app_layers_point_one_way() {
    // Each layer may use the ones after it, never one before it.
    let layers = [
        "app::app",
        "app::views",
        "app::state",
        "app::platform",
        "core",
    ];
    let layer_of = |module: &str| {
        layers
            .iter()
            .position(|l| module == *l || module.starts_with(&format!("{l}::")))
    };
    for (from, targets) in graph() {
        let Some(from_layer) = layer_of(&from) else {
            continue;
        };
        for to in targets {
            if let Some(to_layer) = layer_of(&to) {
                assert!(to_layer >= from_layer, "{from} uses {to}, a layer above it");
            }
        }
    }
}

#[test]
fn the_scan_reads_use_trees_and_finds_circles() {
    assert_eq!(
        expand("crate::platform::{location,saved::{self,Slot}}"),
        [
            "crate::platform::location",
            "crate::platform::saved::self",
            "crate::platform::saved::Slot"
        ]
    );
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    edges.entry("a".into()).or_default().insert("b".into());
    edges.entry("b".into()).or_default().insert("c".into());
    assert_eq!(find_circle(&edges), None);
    edges.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        find_circle(&edges),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
