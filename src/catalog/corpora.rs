//! Shipped corpora: every `corpora/<name>/documents.jsonl` (with an optional `corpus.toml` giving
//! its title and description) is compiled into the binary and imported into the index on first
//! start, and again whenever a newer binary ships different content.

use include_dir::{Dir, include_dir};
use serde::Deserialize;

use crate::app::{App, ImportSummary};
use crate::error::{Error, Result};
use crate::ingest::jsonl;

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
fn content_hash(text: &str) -> String {
    format!("{:016x}", crate::text::stable_hash([text.as_bytes()]))
}

/// Imports each shipped corpus whose content the database has not seen. Cheap when nothing
/// changed: one hash and one database read per corpus.
pub async fn ensure_shipped(app: &App) -> Result<Vec<ImportSummary>> {
    let mut summaries = Vec::new();
    for corpus in shipped() {
        let hash = content_hash(corpus.documents);
        let record = app.store.corpus(corpus.name).await?;
        if record.as_ref().is_some_and(|r| r.content_hash == hash) {
            continue;
        }
        if record.as_ref().is_some_and(|r| r.origin != "shipped") {
            // The trainer made a corpus of the same name: theirs wins.
            tracing::warn!(
                corpus = corpus.name,
                "a corpus of this name was imported by hand; the shipped one is not loaded"
            );
            continue;
        }
        let origin = format!("corpora/{}/documents.jsonl", corpus.name);
        let mut documents = Vec::new();
        let mut problems = Vec::new();
        for (i, line) in corpus.documents.lines().enumerate() {
            match jsonl::parse_line(line, i + 1, &origin) {
                Ok(Some(doc)) => documents.push(doc),
                Ok(None) => {}
                Err(p) => problems.push(p),
            }
        }
        // A newer binary may have dropped documents: start the corpus afresh.
        if record.is_some() {
            let index = app.index.clone();
            let name = corpus.name.to_string();
            tokio::task::spawn_blocking(move || index.delete_corpus(&name))
                .await
                .map_err(Error::internal)??;
        }
        let summary = app
            .import_documents(corpus.name, documents, problems, Vec::new())
            .await?;
        app.record_import(
            &summary,
            "shipped",
            &corpus.title,
            &corpus.description,
            &hash,
        )
        .await?;
        tracing::info!("loaded shipped corpus {summary}");
        summaries.push(summary);
    }
    Ok(summaries)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hash_is_stable() {
        assert_eq!(super::content_hash("abc"), "e71fa2190541574b");
    }
}
