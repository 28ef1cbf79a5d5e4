//! What the index holds, as a replica of the database (docs/design.md, "The database is the
//! source of truth; the index is a replica"): the generation of each corpus it was last brought
//! up to. The record travels in the payload of every Tantivy commit, so it changes in the same
//! atomic step as the documents it describes: a node stopped at any point restarts knowing
//! exactly what it is missing.
//!
//! An index written before replicas existed has commits without this payload: it is
//! "unrecorded", and the application copies its imported documents into the database once
//! (`app::replica::adopt_unrecorded_index`).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use tantivy::schema::TantivyDocument;
use tantivy::{IndexWriter, Term};

use super::{ImportBatch, SearchIndex, WriteCounts};
use crate::error::{Error, Result};
use crate::ingest::Document;

/// The generation of each corpus the index holds; a corpus not named has generation 0 (no
/// documents written through the database yet).
pub type Held = BTreeMap<String, i64>;

/// The commit payload.
#[derive(Serialize, Deserialize)]
struct Payload {
    /// Raised if the payload's meaning ever changes.
    replica: u32,
    corpora: Held,
}

const PAYLOAD_VERSION: u32 = 1;

/// Reads the record of an index's last commit: `None` when the commit carries none (an index
/// written before replicas, or never committed).
pub(super) fn read_payload(payload: Option<&str>) -> Option<Held> {
    let payload: Payload = serde_json::from_str(payload?).ok()?;
    (payload.replica == PAYLOAD_VERSION).then_some(payload.corpora)
}

pub(super) fn write_payload(held: &Held) -> Result<String> {
    serde_json::to_string(&Payload {
        replica: PAYLOAD_VERSION,
        corpora: held.clone(),
    })
    .map_err(Error::internal)
}

impl SearchIndex {
    /// The generation of every corpus the index holds, as of its last commit.
    pub fn held(&self) -> Held {
        self.held.lock().map(|h| h.clone()).unwrap_or_default()
    }

    /// The generation the index holds for one corpus (0 when none is recorded).
    pub fn held_generation(&self, corpus: &str) -> i64 {
        self.held().get(corpus).copied().unwrap_or(0)
    }

    /// Whether the index's last commit carries no record of generations: written by a version
    /// before replicas, or never committed.
    pub fn is_unrecorded(&self) -> bool {
        self.unrecorded.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Commits what the writer holds, with the record changed by `changes` (a generation for a
    /// corpus, or `None` to forget it). The record in memory changes only once the commit has
    /// succeeded, and only commits change it, all under the writer's lock.
    pub(super) fn commit_recording(
        &self,
        writer: &mut IndexWriter,
        changes: &[(String, Option<i64>)],
    ) -> Result<()> {
        let mut next = self.held();
        for (corpus, generation) in changes {
            match generation {
                Some(g) => next.insert(corpus.clone(), *g),
                None => next.remove(corpus),
            };
        }
        let payload = write_payload(&next)?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        if let Ok(mut held) = self.held.lock() {
            *held = next;
        }
        self.unrecorded
            .store(false, std::sync::atomic::Ordering::SeqCst);
        self.reader.reload()?;
        Ok(())
    }

    /// Records generations without changing any document (a commit with only the payload).
    pub fn record(&self, changes: &[(String, Option<i64>)]) -> Result<()> {
        let mut writer = self.lock_writer()?;
        self.commit_recording(&mut writer, changes)
    }

    /// Starts replacing a corpus whole: its committed documents are deleted and the batch's
    /// added, in one commit (`ImportBatch::commit_at` records the generation). Until then
    /// searchers see the corpus as it was.
    pub fn begin_replacing(&self, corpus: &str) -> Result<ImportBatch<'_>> {
        let writer = self.lock_writer()?;
        writer.delete_term(Term::from_field_text(self.fields.corpus, corpus));
        Ok(ImportBatch {
            index: self,
            corpus: corpus.to_string(),
            searcher: None,
            writer,
            seen: Default::default(),
            counts: WriteCounts::default(),
            committed: false,
        })
    }

    /// The corpora with at least one live document.
    pub fn corpus_names(&self) -> Result<BTreeSet<String>> {
        let mut candidates = BTreeSet::new();
        for segment in self.searcher().segment_readers() {
            let terms = segment.inverted_index(self.fields.corpus)?;
            let mut stream = terms.terms().stream()?;
            while stream.advance() {
                candidates.insert(String::from_utf8_lossy(stream.key()).into_owned());
            }
        }
        // The term dictionary keeps the terms of deleted documents until a merge.
        let mut live = BTreeSet::new();
        for name in candidates {
            if self.count(&name)? > 0 {
                live.insert(name);
            }
        }
        Ok(live)
    }

    /// Calls `each` with every live document of a corpus, segment by segment, in batches of
    /// at most `batch` documents.
    pub fn for_each_document(
        &self,
        corpus: &str,
        batch: usize,
        mut each: impl FnMut(Vec<Document>) -> Result<()>,
    ) -> Result<()> {
        let searcher = self.searcher();
        let term = Term::from_field_text(self.fields.corpus, corpus);
        let mut pending = Vec::new();
        for segment in searcher.segment_readers() {
            let Some(mut postings) = segment
                .inverted_index(self.fields.corpus)?
                .read_postings(&term, tantivy::schema::IndexRecordOption::Basic)?
            else {
                continue;
            };
            let store = segment.get_store_reader(64)?;
            let alive = segment.alive_bitset();
            let mut doc = tantivy::DocSet::doc(&postings);
            while doc != tantivy::TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let stored: TantivyDocument = store.get(doc)?;
                    pending.push(self.stored_document(&stored));
                    if pending.len() >= batch {
                        each(std::mem::take(&mut pending))?;
                    }
                }
                doc = tantivy::DocSet::advance(&mut postings);
            }
        }
        if !pending.is_empty() {
            each(pending)?;
        }
        Ok(())
    }
}
