//! The module layering of docs/design.md ("Module map"), checked on the source: each module may
//! name only the modules listed for it here. Pure modules (values in, values out) sit below the
//! resources (`store`, `index`, `fetch`), which sit below `app`, which alone joins them; `web`
//! sits on top. A module that names one above it (say `ingest` naming `crate::app`) fails here,
//! with the file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What each top-level module may use, besides itself.
const ALLOWED: &[(&str, &[&str])] = &[
    // foundations
    ("error", &[]),
    ("text", &[]),
    ("config", &["error"]),
    // pure modules
    ("ingest", &["error", "text"]),
    ("compose", &["error", "text"]),
    ("query", &["error", "text", "ingest"]),
    ("catalog", &["error", "text", "ingest", "query", "compose"]),
    (
        "grade",
        &["error", "text", "ingest", "query", "compose", "catalog"],
    ),
    // resources, one each
    ("store", &["error", "text", "config"]),
    ("index", &["error", "text", "config", "ingest", "query"]),
    ("fetch", &["error", "text", "config", "ingest"]),
    // the application joins them
    (
        "app",
        &[
            "error", "text", "config", "ingest", "compose", "query", "catalog", "grade", "store",
            "index", "fetch",
        ],
    ),
    // on top
    (
        "web",
        &[
            "error", "text", "config", "ingest", "compose", "query", "catalog", "grade", "store",
            "index", "fetch", "app",
        ],
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`src/app/feeds/mod.rs` → `app`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    Some(name.to_string())
}

/// Every `crate::NAME` a line names (in `use` lines and in paths inside code alike).
fn named_modules(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    out
}

#[test]
fn modules_name_only_the_modules_below_them() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut seen = BTreeMap::<String, usize>::new();
    for file in &files {
        let Some(module) = module_of(&src, file) else {
            continue;
        };
        // The binary (main.rs and its cli/) uses the library through `sandpit::`, as any
        // program would; lib.rs lists the modules.
        if matches!(module.as_str(), "main" | "lib" | "cli") {
            continue;
        }
        *seen.entry(module.clone()).or_default() += 1;
        let Some(may_use) = allowed.get(module.as_str()) else {
            violations.push(format!(
                "{}: module `{module}` is not in the layering of tests/architecture.rs \
                 (add it there and to docs/design.md)",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read file");
        for (n, line) in text.lines().enumerate() {
            for used in named_modules(line) {
                if used != module && !may_use.contains(&used.as_str()) {
                    violations.push(format!(
                        "{}:{}: `{module}` names `crate::{used}`, which it may not use",
                        file.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        seen.contains_key("app") && seen.contains_key("query"),
        "the walk found the modules"
    );
    assert!(
        violations.is_empty(),
        "dependencies must point down (docs/design.md, \"Module map\"):\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_check_sees_a_violation() {
    assert_eq!(
        named_modules("use crate::app::{App, ImportSummary}; // crate::web"),
        ["app"]
    );
    assert_eq!(
        named_modules("let x = crate::text::stable_hash(crate::query::parse(q));"),
        ["text", "query"]
    );
}

#[test]
fn nothing_reads_outside_the_repository() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    // Spelled in pieces so that this file does not match the search it makes.
    let outside = [
        concat!("..", "/shared"),
        concat!("shared", "/spec"),
        concat!("shared", "/DESIGN"),
    ];
    let this = Path::new(file!()).file_name().map(|n| n.to_os_string());
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| f.file_name().map(|n| n.to_os_string()) != this)
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            let (n, line) = text
                .lines()
                .enumerate()
                .find(|(_, l)| outside.iter().any(|o| l.contains(o)))?;
            Some(format!("{}:{}: {}", f.display(), n + 1, line.trim()))
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "the repository must stand alone; these read outside it:\n{}",
        offenders.join("\n")
    );
}
