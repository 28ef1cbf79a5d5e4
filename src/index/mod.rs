//! The search index: one Tantivy index holding every corpus, one `IndexWriter` for the process and
//! one `IndexReader`. Only this module touches Tantivy's index; search runs through `search`.

pub mod schema;
pub mod search;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::error::{Error, Result};
use crate::ingest::Document;
pub use schema::Fields;

/// Heap for the single writer; Tantivy splits it between its indexing threads.
const WRITER_HEAP_BYTES: usize = 128 * 1024 * 1024;

pub struct SearchIndex {
    index: Index,
    pub fields: Fields,
    writer: Mutex<IndexWriter>,
    reader: IndexReader,
}

/// How one batch of documents changed a corpus.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct WriteCounts {
    pub added: usize,
    pub replaced: usize,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if needed.
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema::build();
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| Error::internal(anyhow::anyhow!("cannot open index folder {}: {e}", dir.display())))?;
        let index = Index::open_or_create(directory, schema)?;
        Self::from_index(index, fields)
    }

    /// An index in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Self> {
        let (schema, fields) = schema::build();
        Self::from_index(Index::create_in_ram(schema), fields)
    }

    fn from_index(index: Index, fields: Fields) -> Result<Self> {
        schema::register_tokenizers(&index);
        let writer = index.writer(WRITER_HEAP_BYTES)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            fields,
            writer: Mutex::new(writer),
            reader,
        })
    }

    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    pub fn tantivy(&self) -> &Index {
        &self.index
    }

    fn key_term(&self, corpus: &str, id: &str) -> Term {
        Term::from_field_text(self.fields.key, &format!("{corpus}\u{1f}{id}"))
    }

    /// Whether a committed document with this id is in the corpus.
    pub fn contains(&self, corpus: &str, id: &str) -> Result<bool> {
        let searcher = self.searcher();
        let term = self.key_term(corpus, id);
        Ok(searcher.doc_freq(&term)? > 0)
    }

    /// Adds documents to `corpus`, replacing any with the same id, and commits once at the end so
    /// that a failure part-way leaves the previous committed state as it was. `progress` is told
    /// how many documents have been written so far.
    pub fn write(
        &self,
        corpus: &str,
        documents: impl IntoIterator<Item = Document>,
        mut progress: impl FnMut(usize),
    ) -> Result<WriteCounts> {
        let searcher = self.searcher();
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| Error::internal(anyhow::anyhow!("index writer lock poisoned")))?;
        let mut seen: HashSet<String> = HashSet::new();
        let mut counts = WriteCounts::default();
        for (n, doc) in documents.into_iter().enumerate() {
            let key = self.key_term(corpus, &doc.id);
            let existed = !seen.insert(doc.id.clone()) || searcher.doc_freq(&key)? > 0;
            if existed {
                writer.delete_term(key);
                counts.replaced += 1;
            } else {
                counts.added += 1;
            }
            writer.add_document(self.to_tantivy(corpus, &doc))?;
            if n % 1000 == 999 {
                progress(n + 1);
            }
        }
        let total = counts.added + counts.replaced;
        if let Err(e) = writer.commit() {
            // Leave the writer clean for the next import; the last commit is still what readers see.
            let _ = writer.rollback();
            return Err(e.into());
        }
        progress(total);
        self.reader.reload()?;
        Ok(counts)
    }

    /// Removes every document of a corpus.
    pub fn delete_corpus(&self, corpus: &str) -> Result<()> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| Error::internal(anyhow::anyhow!("index writer lock poisoned")))?;
        writer.delete_term(Term::from_field_text(self.fields.corpus, corpus));
        writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Number of documents in a corpus.
    pub fn count(&self, corpus: &str) -> Result<usize> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.corpus, corpus),
            IndexRecordOption::Basic,
        );
        Ok(self.searcher().search(&query, &tantivy::collector::Count)?)
    }

    fn to_tantivy(&self, corpus: &str, doc: &Document) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.key, format!("{corpus}\u{1f}{}", doc.id));
        d.add_text(f.corpus, corpus);
        d.add_text(f.id, &doc.id);
        d.add_text(f.title, &doc.title);
        d.add_text(f.body, &doc.body);
        d.add_text(f.author, &doc.author);
        d.add_text(f.source, &doc.source);
        d.add_text(f.source_name, &doc.source_name);
        d.add_text(f.url, &doc.url);
        if !doc.host.is_empty() {
            for suffix in crate::text::host_suffixes(&doc.host) {
                d.add_text(f.host, suffix);
            }
        }
        d.add_text(f.lang, &doc.lang);
        d.add_text(f.kind, &doc.kind);
        for tag in &doc.tags {
            d.add_text(f.tags, tag);
        }
        for mention in &doc.mentions {
            d.add_text(f.mentions, mention);
        }
        d.add_date(
            f.published,
            DateTime::from_timestamp_secs(doc.published.timestamp()),
        );
        d
    }
}
