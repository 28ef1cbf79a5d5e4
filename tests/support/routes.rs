//! Every route of the web layer, read from the files of `src/web` themselves so that a route
//! in a new file is seen too (`tests/classroom_auth.rs` checks each against its matrix).

/// The source of every file of `src/web`: the route table (`routes.rs`) and the web modules'
/// own routes, which it merges. Read when the test runs, so a route in a new file is seen too.
pub fn route_sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read src/web") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web"),
        &mut files,
    );
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("read"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The route table as (path, method) pairs.
pub fn routes() -> Vec<(String, String)> {
    let method = regex::Regex::new(r"\b(get|post|put|patch|delete)\(").expect("regex");
    let path = regex::Regex::new(r#"^\s*"([^"]+)""#).expect("regex");
    let mut out = Vec::new();
    let sources = route_sources();
    for chunk in sources.split(".route(").skip(1) {
        // A route's own text ends where the next builder call on the router begins.
        let own = chunk.split("\n        .").next().unwrap_or(chunk);
        let Some(p) = path.captures(own) else {
            panic!("cannot read the path of route {own:?}");
        };
        let p = p[1].to_string();
        let methods: Vec<String> = method
            .captures_iter(own)
            .map(|c| c[1].to_uppercase())
            .collect();
        assert!(!methods.is_empty(), "route {p} has no method in {own:?}");
        for m in methods {
            out.push((p.clone(), m));
        }
    }
    out
}
