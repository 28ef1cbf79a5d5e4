//! Bringing an index written by an earlier version of Sandpit up to the current schema. Every
//! field a document came with is stored (the corpus is a fast field), so the index can be
//! rebuilt from itself: nothing a trainer uploaded is lost when the schema changes.
//!
//! The new index is built beside the old one (`index.rebuild`) and swapped in with two renames;
//! the old one is kept as `index.old` until the new one is in place. A stop at any point leaves
//! either the old index or the new one, and `recover` tidies up at the next start.

use std::path::{Path, PathBuf};

use tantivy::schema::{Schema, TantivyDocument};
use tantivy::{Document as _, Index};

use super::SearchIndex;
use crate::error::{Error, Result};

fn staging(dir: &Path) -> PathBuf {
    dir.with_extension("rebuild")
}

fn previous(dir: &Path) -> PathBuf {
    dir.with_extension("old")
}

/// Finishes or undoes a swap a stop interrupted, and removes a half-built index.
pub(super) fn recover(dir: &Path) -> Result<()> {
    let old = previous(dir);
    if old.exists() {
        if dir.join("meta.json").exists() {
            // The new index is in place: the old one only waited to be removed.
            std::fs::remove_dir_all(&old)?;
        } else {
            // Stopped between the two renames: the old index is still the only complete one.
            if dir.exists() {
                std::fs::remove_dir_all(dir)?;
            }
            std::fs::rename(&old, dir)?;
        }
    }
    let half_built = staging(dir);
    if half_built.exists() {
        std::fs::remove_dir_all(half_built)?;
    }
    Ok(())
}

/// Rebuilds `old` (open on `dir`) with `schema`, swaps it in and returns it opened.
pub(super) fn rebuild(dir: &Path, old: Index, schema: Schema) -> Result<Index> {
    let target = staging(dir);
    std::fs::create_dir_all(&target)?;
    // The record of generations the index holds (`replica`) moves with its documents.
    let payload = old.load_metas()?.payload;
    let documents = copy_documents(&old, Index::create_in_dir(&target, schema)?, payload)?;
    drop(old);
    std::fs::rename(dir, previous(dir))?;
    std::fs::rename(&target, dir)?;
    std::fs::remove_dir_all(previous(dir))?;
    tracing::info!(
        documents,
        "rebuilt the search index in {} for this version's schema",
        dir.display()
    );
    let directory = tantivy::directory::MmapDirectory::open(dir).map_err(Error::internal)?;
    Ok(Index::open(directory)?)
}

/// Writes every live document of `old` into `new` in one commit, and waits for the merges it
/// started so the new index is not left in many small segments; returns how many.
fn copy_documents(old: &Index, new: Index, payload: Option<String>) -> Result<usize> {
    let old_schema = old.schema();
    let new_schema = new.schema();
    let new = SearchIndex::from_index(new, super::schema::build().1)?;
    let searcher = old.reader()?.searcher();
    let mut documents = 0;
    {
        let mut writer = new.lock_writer()?;
        for segment in searcher.segment_readers() {
            let corpora = segment.fast_fields().str("corpus")?.ok_or_else(|| {
                Error::internal(anyhow::anyhow!(
                    "the index has no corpus column to rebuild from"
                ))
            })?;
            let store = segment.get_store_reader(64)?;
            let mut corpus = String::new();
            for doc_id in segment.doc_ids_alive() {
                corpus.clear();
                let Some(ord) = corpora.term_ords(doc_id).next() else {
                    continue;
                };
                corpora.ord_to_str(ord, &mut corpus)?;
                let stored: TantivyDocument = store.get(doc_id)?;
                let named = stored.to_named_doc(&old_schema);
                let converted = TantivyDocument::convert_named_doc(&new_schema, named)
                    .map_err(|e| Error::internal(anyhow::anyhow!("rebuilding the index: {e}")))?;
                let document = new.stored_document(&converted);
                writer.add_document(new.to_tantivy(&corpus, &document))?;
                documents += 1;
            }
        }
        let mut prepared = writer.prepare_commit()?;
        if let Some(payload) = &payload {
            prepared.set_payload(payload);
        }
        prepared.commit()?;
    }
    new.finish_merges()?;
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{DateOptions, FAST, STORED, STRING, TEXT};
    use tantivy::{DateTime, TantivyDocument, Term};

    /// The fields an earlier version stored, with title and body indexed on their own and no
    /// `text` field.
    fn earlier_schema() -> Schema {
        let mut b = Schema::builder();
        b.add_text_field("key", STRING);
        b.add_text_field("corpus", STRING | FAST);
        b.add_text_field("id", STRING | STORED | FAST);
        b.add_text_field("title", TEXT | STORED);
        b.add_text_field("body", TEXT | STORED);
        b.add_text_field("author", TEXT | STORED);
        b.add_text_field("source", STRING | STORED);
        b.add_text_field("url", STORED);
        b.add_text_field("tags", STRING | STORED);
        b.add_date_field("published", DateOptions::default().set_stored().set_fast());
        b.build()
    }

    fn write_earlier_index(dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        let schema = earlier_schema();
        let index = Index::create_in_dir(dir, schema.clone()).unwrap();
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        let field = |name: &str| schema.get_field(name).unwrap();
        for (corpus, id, title, body) in [
            (
                "harbour",
                "h1",
                "Flood warning",
                "Rest centre open at the school",
            ),
            ("harbour", "h2", "Ferry delayed", "Strong winds"),
            ("trade", "t1", "", "Trade mission lands in Kerrow"),
        ] {
            let mut d = TantivyDocument::default();
            d.add_text(field("key"), format!("{corpus}\u{1f}{id}"));
            d.add_text(field("corpus"), corpus);
            d.add_text(field("id"), id);
            d.add_text(field("title"), title);
            d.add_text(field("body"), body);
            d.add_text(field("source"), "kerrow-council");
            d.add_text(field("url"), "https://news.kerrow.gov.ex/a");
            d.add_text(field("tags"), "stormharriet");
            d.add_date(
                field("published"),
                DateTime::from_timestamp_secs(1_767_225_600),
            );
            writer.add_document(d).unwrap();
        }
        writer.commit().unwrap();
        // A deleted document must stay deleted.
        writer.delete_term(Term::from_field_text(field("key"), "harbour\u{1f}h2"));
        writer.commit().unwrap();
    }

    fn ids(index: &SearchIndex, corpus: &str, query: &str) -> Vec<String> {
        let parsed = crate::query::parse(query).unwrap();
        let mut ids = index.matching_ids(corpus, &parsed).unwrap();
        ids.sort();
        ids
    }

    #[test]
    fn an_index_of_an_earlier_schema_is_rebuilt_with_every_live_document() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("index");
        write_earlier_index(&dir);
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.count("harbour").unwrap(), 1);
        assert_eq!(index.count("trade").unwrap(), 1);
        let doc = index.document("harbour", "h1").unwrap().unwrap();
        assert_eq!(doc.title, "Flood warning");
        assert_eq!(doc.body, "Rest centre open at the school");
        assert_eq!(doc.tags, vec!["stormharriet".to_string()]);
        assert_eq!(doc.host, "news.kerrow.gov.ex");
        assert_eq!(doc.published.timestamp(), 1_767_225_600);
        // Searchable through the new fields, body boundary included.
        assert_eq!(ids(&index, "harbour", "flood"), vec!["h1"]);
        assert_eq!(ids(&index, "harbour", "\"rest centre\""), vec!["h1"]);
        assert!(ids(&index, "harbour", "body:flood").is_empty());
        assert!(ids(&index, "harbour", "warning NEAR/5 rest").is_empty());
        assert_eq!(ids(&index, "trade", "site:gov.ex kerrow"), vec!["t1"]);
        assert!(!previous(&dir).exists() && !staging(&dir).exists());
        drop(index);
        // Opening again finds the schema current and keeps the documents as they are.
        let again = SearchIndex::open(&dir).unwrap();
        assert_eq!(again.count("harbour").unwrap(), 1);
    }

    #[test]
    fn a_stop_during_the_swap_leaves_a_complete_index() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("index");
        // Stopped between the renames: only the old index exists, under its waiting name.
        write_earlier_index(&previous(&dir));
        std::fs::create_dir_all(staging(&dir)).unwrap();
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.count("harbour").unwrap(), 1);
        assert!(!previous(&dir).exists() && !staging(&dir).exists());
        drop(index);
        // Stopped after the renames: the new index is in place and the old one is removed.
        write_earlier_index(&previous(&dir));
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.count("trade").unwrap(), 1);
        assert!(!previous(&dir).exists());
    }
}
