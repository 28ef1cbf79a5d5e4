//! Loading the shipped corpora (`catalog::corpora`) into the index and the database: on first
//! start, and again whenever a newer binary ships different content.

use super::{App, ImportSummary};
use crate::catalog::corpora::{content_hash, shipped};
use crate::error::Result;
use crate::ingest::jsonl;

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
            let name = corpus.name.to_string();
            app.on_index(move |index| index.delete_corpus(&name))
                .await?;
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
