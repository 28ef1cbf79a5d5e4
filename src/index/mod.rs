//! The search index: one Tantivy index holding every corpus, one `IndexWriter` for the process and
//! one `IndexReader`. Only this module touches Tantivy's index; search runs through `search`.

pub mod compile;
pub mod explain;
mod rebuild;
pub mod replica;
pub mod schema;
pub mod scoped;
pub mod search;

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::error::{Error, Result};
use crate::ingest::Document;
pub use schema::Fields;

/// Heap for the single writer; Tantivy splits it between its indexing threads.
const WRITER_HEAP_BYTES: usize = 128 * 1024 * 1024;

pub struct SearchIndex {
    pub fields: Fields,
    index: Index,
    /// Opened at the first write, not at open: a process that only reads (a command run beside
    /// a server on the same data directory) never takes the index's writer lock.
    writer: Mutex<Option<IndexWriter>>,
    reader: IndexReader,
    /// The generation of each corpus held, as recorded by the last commit (`replica`).
    held: Mutex<replica::Held>,
    /// The last commit carries no record: an index from before replicas (`replica`).
    unrecorded: std::sync::atomic::AtomicBool,
}

/// How one batch of documents changed a corpus.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct WriteCounts {
    pub added: usize,
    pub replaced: usize,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if needed, and rebuilding it when an earlier
    /// version wrote it with another schema.
    pub fn open(dir: &Path) -> Result<Self> {
        rebuild::recover(dir)?;
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema::build();
        let directory = tantivy::directory::MmapDirectory::open(dir).map_err(|e| {
            Error::internal(anyhow::anyhow!(
                "cannot open index folder {}: {e}",
                dir.display()
            ))
        })?;
        let exists = Index::exists(&directory).map_err(|e| {
            Error::internal(anyhow::anyhow!(
                "cannot read index folder {}: {e}",
                dir.display()
            ))
        })?;
        let index = if exists {
            let existing = Index::open(directory)?;
            if existing.schema() == schema {
                existing
            } else {
                rebuild::rebuild(dir, existing, schema)?
            }
        } else {
            Index::create(directory, schema, tantivy::IndexSettings::default())?
        };
        Self::from_index(index, fields)
    }

    /// An index in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Self> {
        let (schema, fields) = schema::build();
        Self::from_index(Index::create_in_ram(schema), fields)
    }

    fn from_index(index: Index, fields: Fields) -> Result<Self> {
        schema::register_tokenizers(&index);
        let metas = index.load_metas()?;
        let recorded = replica::read_payload(metas.payload.as_deref());
        // A new, empty index has nothing that needs adopting.
        let unrecorded = recorded.is_none() && !metas.segments.is_empty();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            fields,
            index,
            writer: Mutex::new(None),
            reader,
            held: Mutex::new(recorded.unwrap_or_default()),
            unrecorded: unrecorded.into(),
        })
    }

    /// The writer, opened on first use. Another process writing to the same index (a server
    /// on the data directory) holds Tantivy's lock: that is `Error::Busy`, not an internal
    /// failure, so the caller can say what to do instead.
    fn lock_writer(&self) -> Result<WriterGuard<'_>> {
        let mut guard = self.writer.lock().map_err(|_| writer_poisoned())?;
        if guard.is_none() {
            match self.index.writer(WRITER_HEAP_BYTES) {
                Ok(w) => *guard = Some(w),
                Err(tantivy::TantivyError::LockFailure(..)) => {
                    return Err(Error::Busy(
                        "another Sandpit process is writing to this search index".into(),
                    ));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(WriterGuard(guard))
    }

    /// Opens the writer now rather than at the first write. A server does, so that it alone
    /// changes the index of its data directory while it runs, however long until its first
    /// write: a command run beside it then finds the index held and says so.
    pub fn hold_writer(&self) -> Result<()> {
        self.lock_writer().map(drop)
    }

    /// Closes the index, first waiting for the segment merges under way.
    fn finish_merges(self) -> Result<()> {
        let writer = self.writer.into_inner().map_err(|_| writer_poisoned())?;
        if let Some(writer) = writer {
            writer.wait_merging_threads()?;
        }
        Ok(())
    }

    pub fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// Changes whenever what the index holds changes (a commit seen by the reader).
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
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

    /// Starts writing to `corpus`. Documents become visible together at `ImportBatch::commit`;
    /// dropping the batch without committing discards them, so a failure part-way leaves the
    /// previous committed state as it was.
    pub fn begin(&self, corpus: &str) -> Result<ImportBatch<'_>> {
        let writer = self.lock_writer()?;
        Ok(ImportBatch {
            index: self,
            corpus: corpus.to_string(),
            // A corpus with no committed documents needs no lookup to tell added from replaced.
            searcher: (self.count(corpus)? > 0).then(|| self.searcher()),
            writer,
            seen: HashSet::new(),
            counts: WriteCounts::default(),
            committed: false,
        })
    }

    /// Adds documents to `corpus` in one commit, replacing any with the same id.
    pub fn write(
        &self,
        corpus: &str,
        documents: impl IntoIterator<Item = Document>,
    ) -> Result<WriteCounts> {
        let mut batch = self.begin(corpus)?;
        for doc in documents {
            batch.add(&doc)?;
        }
        batch.commit()
    }

    /// Removes every document of a corpus, and its generation from the record (`replica`).
    pub fn delete_corpus(&self, corpus: &str) -> Result<()> {
        let mut writer = self.lock_writer()?;
        writer.delete_term(Term::from_field_text(self.fields.corpus, corpus));
        self.commit_recording(&mut writer, &[(corpus.to_string(), None)])
    }

    /// Whether a corpus surely has a committed document: one in a segment without deletions
    /// (where document frequency counts only live documents). May say no when it has some.
    pub fn has_documents(&self, corpus: &str) -> Result<bool> {
        let term = Term::from_field_text(self.fields.corpus, corpus);
        for segment in self.searcher().segment_readers() {
            if segment.num_deleted_docs() == 0
                && segment
                    .inverted_index(self.fields.corpus)?
                    .doc_freq(&term)?
                    > 0
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Number of documents in a corpus.
    pub fn count(&self, corpus: &str) -> Result<usize> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.corpus, corpus),
            IndexRecordOption::Basic,
        );
        Ok(self.searcher().search(&query, &tantivy::collector::Count)?)
    }

    pub(crate) fn to_tantivy(&self, corpus: &str, doc: &Document) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.key, format!("{corpus}\u{1f}{}", doc.id));
        d.add_text(f.corpus, corpus);
        d.add_text(f.id, &doc.id);
        d.add_text(f.title, &doc.title);
        d.add_text(f.body, &doc.body);
        let text = schema::text_value(&doc.title, &doc.body);
        d.add_text(f.text_cased, &text);
        d.add_text(f.text, text);
        d.add_u64(f.body_start, schema::body_start(&doc.title));
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

/// The locked writer, known to be open.
pub(crate) struct WriterGuard<'a>(MutexGuard<'a, Option<IndexWriter>>);

impl std::ops::Deref for WriterGuard<'_> {
    type Target = IndexWriter;
    fn deref(&self) -> &IndexWriter {
        // `lock_writer` opens the writer before it makes a guard.
        self.0.as_ref().expect("opened by lock_writer")
    }
}

impl std::ops::DerefMut for WriterGuard<'_> {
    fn deref_mut(&mut self) -> &mut IndexWriter {
        self.0.as_mut().expect("opened by lock_writer")
    }
}

fn writer_poisoned() -> Error {
    Error::internal(anyhow::anyhow!("index writer lock poisoned"))
}

/// Documents being written to one corpus; see `SearchIndex::begin`.
pub struct ImportBatch<'a> {
    index: &'a SearchIndex,
    corpus: String,
    /// The committed state, when the corpus already has documents.
    searcher: Option<tantivy::Searcher>,
    writer: WriterGuard<'a>,
    seen: HashSet<String>,
    counts: WriteCounts,
    committed: bool,
}

impl ImportBatch<'_> {
    /// Adds a document, replacing a committed or earlier one with the same id.
    pub fn add(&mut self, doc: &Document) -> Result<()> {
        let key = self.index.key_term(&self.corpus, &doc.id);
        let existed = !self.seen.insert(doc.id.clone())
            || match &self.searcher {
                Some(searcher) => searcher.doc_freq(&key)? > 0,
                None => false,
            };
        if existed {
            self.writer.delete_term(key);
            self.counts.replaced += 1;
        } else {
            self.counts.added += 1;
        }
        self.writer
            .add_document(self.index.to_tantivy(&self.corpus, doc))?;
        Ok(())
    }

    /// Documents added so far.
    pub fn written(&self) -> usize {
        self.counts.added + self.counts.replaced
    }

    /// Makes the batch visible to searchers, keeping the corpus's recorded generation.
    pub fn commit(self) -> Result<WriteCounts> {
        self.commit_at(None)
    }

    /// Makes the batch visible to searchers and, given a generation, records that the index
    /// now holds the corpus at that generation of the database (`replica`).
    pub fn commit_at(mut self, generation: Option<i64>) -> Result<WriteCounts> {
        let changes: Vec<(String, Option<i64>)> = generation
            .map(|g| (self.corpus.clone(), Some(g)))
            .into_iter()
            .collect();
        self.index.commit_recording(&mut self.writer, &changes)?;
        self.committed = true;
        Ok(self.counts)
    }
}

impl Drop for ImportBatch<'_> {
    fn drop(&mut self) {
        if !self.committed {
            // Leave the writer clean for the next import; readers still see the last commit.
            let _ = self.writer.rollback();
        }
    }
}
