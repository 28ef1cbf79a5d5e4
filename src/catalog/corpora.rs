//! Shipped corpora: every `corpora/<name>/documents.jsonl` (with an optional `corpus.toml` giving
//! its title and description) is compiled into the binary; `app::shipped` imports them on first
//! start, and again whenever a newer binary ships different content.

use include_dir::{Dir, include_dir};
use serde::Deserialize;

static CORPORA: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/corpora");

/// One shipped corpus.
pub struct Shipped {
    pub name: &'static str,
    pub title: String,
    pub description: String,
    pub documents: &'static str,
}

#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
}

/// Every shipped corpus, in name order.
pub fn shipped() -> Vec<Shipped> {
    let mut out: Vec<Shipped> = CORPORA
        .dirs()
        .filter_map(|dir| {
            let name = dir.path().file_name()?.to_str()?;
            let documents = dir
                .get_file(dir.path().join("documents.jsonl"))?
                .contents_utf8()?;
            let meta: Meta = dir
                .get_file(dir.path().join("corpus.toml"))
                .and_then(|f| f.contents_utf8())
                .and_then(|s| toml::from_str(s).ok())
                .unwrap_or_default();
            Some(Shipped {
                name,
                title: meta.title,
                description: meta.description,
                documents,
            })
        })
        .collect();
    out.sort_by_key(|s| s.name);
    out
}

/// A shipped text file under `corpora/` (press releases), by path relative to it.
pub fn shipped_file(path: &str) -> Option<&'static str> {
    CORPORA.get_file(path).and_then(|f| f.contents_utf8())
}

/// FNV-1a of the content: stable across builds, so an unchanged corpus is not re-imported.
pub fn content_hash(text: &str) -> String {
    format!("{:016x}", crate::text::stable_hash([text.as_bytes()]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn hash_is_stable() {
        assert_eq!(super::content_hash("abc"), "e71fa2190541574b");
    }
}
