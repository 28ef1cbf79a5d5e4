//! Keeping this node's index a replica of the database (docs/design.md, "The database is the
//! source of truth; the index is a replica"). Imports write documents to the database first and
//! then to the index; the sync task (`spawn_sync`, started by `serve`) re-applies from the
//! database every corpus whose generation the index does not hold: one another node imported,
//! fetched or deleted, or one this node missed while it was stopped.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::Serialize;

use super::App;
use crate::error::{Error, Result};
use crate::ingest::Document;
use crate::store::documents::{CorpusGeneration, DOCUMENTS_PER_TRANSACTION, Step, StoredDocument};

/// Documents as the database keeps them (the JSON of `Document`).
pub(crate) fn stored(documents: &[Document]) -> Result<Vec<StoredDocument>> {
    documents
        .iter()
        .map(|doc| {
            Ok(StoredDocument {
                id: doc.id.clone(),
                json: serde_json::to_string(doc).map_err(Error::internal)?,
            })
        })
        .collect()
}

/// A document read back from the database.
fn document(corpus: &str, row: &StoredDocument) -> Result<Document> {
    serde_json::from_str(&row.json).map_err(|e| {
        Error::internal(anyhow::anyhow!(
            "document {:?} of corpus {corpus:?} in the database cannot be read: {e}",
            row.id
        ))
    })
}

/// How often the sync task reads the database's clock: one one-row read a second per node.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// Documents read from the database per page when a corpus is rebuilt.
const PAGE: usize = 1_000;

/// Whether the steps a write took in the database follow on from the generation the index held
/// when the write began, with no other node's change between them. Only then may the index,
/// having applied the write, record the last step's generation; otherwise it records nothing
/// new and the sync task re-applies the corpus whole.
pub(crate) fn chained(held: i64, steps: &[Step]) -> Option<i64> {
    let mut at = held;
    for step in steps {
        if step.before != at {
            return None;
        }
        at = step.after;
    }
    Some(at)
}

/// What the sync found and did.
#[derive(Debug, Default, Clone, Serialize)]
pub struct SyncReport {
    /// Corpora re-applied from the database or the binary.
    pub applied: Vec<String>,
    /// Corpora dropped from the index because the database no longer has them.
    pub dropped: Vec<String>,
}

/// Where this node's index stands against the database.
#[derive(Debug, Clone, Serialize)]
pub struct ReplicaStatus {
    /// Corpora whose documents the index does not yet hold as the database has them.
    pub behind: Vec<String>,
}

impl ReplicaStatus {
    pub fn caught_up(&self) -> bool {
        self.behind.is_empty()
    }
}

/// Corpora the index must change to match the database: (name, generation) to re-apply, and
/// names to drop.
fn differences(
    db: &[CorpusGeneration],
    held: &BTreeMap<String, i64>,
) -> (Vec<CorpusGeneration>, Vec<String>) {
    let stale = db
        .iter()
        .filter(|c| held.get(&c.name).copied().unwrap_or(0) != c.generation)
        .cloned()
        .collect();
    let known: BTreeSet<&str> = db.iter().map(|c| c.name.as_str()).collect();
    let gone = held
        .keys()
        .filter(|name| !known.contains(name.as_str()))
        .cloned()
        .collect();
    (stale, gone)
}

impl App {
    /// Compares the generations the index holds with the database's.
    pub async fn replica_status(&self) -> Result<ReplicaStatus> {
        let db = self.store.corpus_generations().await?;
        let (stale, gone) = differences(&db, &self.index.held());
        let mut behind: Vec<String> = stale.into_iter().map(|c| c.name).collect();
        behind.extend(gone);
        behind.sort();
        Ok(ReplicaStatus { behind })
    }

    /// Brings the index up to the database: every corpus whose generation differs is re-applied
    /// whole (from the database, or from the binary for a shipped corpus), and every corpus the
    /// database no longer has is dropped.
    pub async fn sync_replica(&self) -> Result<SyncReport> {
        let db = self.store.corpus_generations().await?;
        let (stale, gone) = differences(&db, &self.index.held());
        let mut report = SyncReport::default();
        for corpus in stale {
            if super::shipped::is_builtin(&corpus.origin) {
                super::shipped::reload(self, &corpus.name, corpus.generation).await?;
            } else {
                self.reapply(&corpus.name, corpus.generation).await?;
            }
            tracing::info!(
                corpus = corpus.name,
                generation = corpus.generation,
                "index brought up to the database"
            );
            report.applied.push(corpus.name);
        }
        for name in gone {
            let n = name.clone();
            self.on_index(move |index| index.delete_corpus(&n)).await?;
            tracing::info!(
                corpus = name,
                "corpus deleted on another node dropped from the index"
            );
            report.dropped.push(name);
        }
        Ok(report)
    }

    /// Replaces a corpus in the index with its documents in the database, recording
    /// `generation` (read before the documents, so a change made meanwhile is applied again at
    /// the next pass).
    async fn reapply(&self, corpus: &str, generation: i64) -> Result<()> {
        let store = self.store.clone();
        let name = corpus.to_string();
        let runtime = tokio::runtime::Handle::current();
        self.on_index(move |index| {
            let mut batch = index.begin_replacing(&name)?;
            // An import on this node may have brought the corpus here while this pass waited
            // for the writer: dropping the batch leaves the index as it is.
            if index.held_generation(&name) == generation {
                return Ok(());
            }
            let mut after: Option<String> = None;
            loop {
                let page = runtime.block_on(store.documents_page(&name, after.as_deref(), PAGE))?;
                for row in &page {
                    batch.add(&document(&name, row)?)?;
                }
                if page.len() < PAGE {
                    break;
                }
                after = page.last().map(|row| row.id.clone());
            }
            batch.commit_at(Some(generation))?;
            Ok(())
        })
        .await
    }

    /// Deletes an imported corpus: from the database first (documents, import log, live feeds),
    /// then from this node's index; other nodes drop it at their next sync. Refused for a
    /// corpus that comes with Sandpit, and, unless `force`, for one that exercises use (they
    /// would stop working). When another process (a running server) holds the index, the
    /// corpus is gone from the database and that server drops it from its index at its next
    /// sync: the answer says so.
    pub async fn delete_corpus(&self, corpus: &str, force: bool) -> Result<Deleted> {
        let Some(record) = self.store.corpus(corpus).await? else {
            return Err(Error::not_found(format!("no corpus named {corpus:?}")));
        };
        if super::shipped::is_builtin(&record.origin) {
            return Err(Error::invalid(format!(
                "corpus {corpus:?} comes with Sandpit and cannot be deleted"
            )));
        }
        let users: Vec<String> = self
            .catalog()
            .exercises
            .iter()
            .filter(|e| e.corpus() == Some(corpus))
            .map(|e| e.id.clone())
            .collect();
        if !users.is_empty() && !force {
            return Err(Error::invalid(format!(
                "corpus {corpus:?} is used by the exercise(s) {}; they stop working without it \
                 (delete anyway with --force)",
                users.join(", ")
            )));
        }
        self.store.delete_corpus(corpus).await?;
        let name = corpus.to_string();
        // Cached results are keyed by the index's commit, so they go with this one.
        let index = match self.on_index(move |index| index.delete_corpus(&name)).await {
            Ok(()) => IndexDeletion::Done,
            Err(Error::Busy(holder)) => IndexDeletion::LeftToServer(holder),
            Err(e) => return Err(e),
        };
        Ok(Deleted {
            exercises_broken: users,
            index,
        })
    }
}

/// What deleting a corpus did.
#[derive(Debug, Clone, Serialize)]
pub struct Deleted {
    /// Exercises that used the corpus (deleted with force).
    pub exercises_broken: Vec<String>,
    pub index: IndexDeletion,
}

/// Whether this process took the corpus out of the index.
#[derive(Debug, Clone, Serialize)]
pub enum IndexDeletion {
    Done,
    /// A running server holds the index (named here): it drops the corpus at its next sync.
    LeftToServer(String),
}

/// Runs `sync_replica` whenever the database's clock moves (and until a pass succeeds), every
/// `POLL_EVERY`, until the app is dropped. A failed pass is logged and tried again.
pub fn spawn_sync(app: App) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut seen: Option<i64> = None;
        let mut tick = tokio::time::interval(POLL_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let clock = match app.store.replica_clock().await {
                Ok(clock) => clock,
                Err(e) => {
                    tracing::warn!("cannot read the replica clock (will retry): {e}");
                    continue;
                }
            };
            if seen == Some(clock) {
                continue;
            }
            match app.sync_replica().await {
                Ok(_) => seen = Some(clock),
                Err(Error::Busy(what)) => tracing::warn!("index sync waits: {what}"),
                Err(e) => tracing::warn!("index sync failed (will retry): {e}"),
            }
        }
    })
}

/// Copies the documents of imported corpora from an index written before replicas into the
/// database, once, so an old data directory loses nothing: afterwards the database is their
/// source like any other. A corpus the database already has documents for (another node got
/// there first) is left for the sync to rebuild. Returns the documents copied.
pub async fn adopt_unrecorded_index(app: &App) -> Result<usize> {
    if !app.index.is_unrecorded() {
        return Ok(0);
    }
    let in_index = app.on_index(|index| index.corpus_names()).await?;
    let db: BTreeMap<String, CorpusGeneration> = app
        .store
        .corpus_generations()
        .await?
        .into_iter()
        .map(|c| (c.name.clone(), c))
        .collect();
    let shipped_hashes: BTreeMap<&str, String> = crate::catalog::corpora::shipped()
        .into_iter()
        .map(|c| (c.name, crate::catalog::corpora::content_hash(c.documents)))
        .collect();
    let mut changes: Vec<(String, Option<i64>)> = Vec::new();
    let mut copied = 0;
    for name in in_index {
        let record = db.get(&name);
        if let Some(record) = record.filter(|r| r.origin == "shipped") {
            // The index holds what the database's hash says; give it a generation other nodes
            // can follow, unless a newer binary is about to load it again anyway.
            if shipped_hashes.get(name.as_str()) == Some(&record.content_hash)
                && let Some(step) = app.store.bump_generation(&name).await?
            {
                changes.push((name, Some(step.after)));
            }
            continue;
        }
        if record.is_some() && app.store.document_count(&name).await? > 0 {
            continue;
        }
        let start = record.map_or(0, |r| r.generation);
        let store = app.store.clone();
        let corpus = name.clone();
        let runtime = tokio::runtime::Handle::current();
        let (steps, n) = app
            .on_index(move |index| {
                let (mut steps, mut n) = (Vec::new(), 0);
                index.for_each_document(&corpus, DOCUMENTS_PER_TRANSACTION, |batch| {
                    n += batch.len();
                    let rows = stored(&batch)?;
                    steps.push(runtime.block_on(store.put_documents(&corpus, &rows))?);
                    Ok(())
                })?;
                Ok((steps, n))
            })
            .await?;
        tracing::info!(
            corpus = name,
            documents = n,
            "copied the documents of an index from before replicas into the database"
        );
        copied += n;
        changes.push((name.clone(), chained(start, &steps)));
    }
    app.on_index(move |index| index.record(&changes)).await?;
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_is_recorded_only_when_its_steps_follow_what_the_index_held() {
        let step = |before, after| Step { before, after };
        assert_eq!(chained(4, &[]), Some(4));
        assert_eq!(chained(4, &[step(4, 7), step(7, 9)]), Some(9));
        // Another node changed the corpus between two of this write's transactions.
        assert_eq!(chained(4, &[step(4, 7), step(8, 9)]), None);
        // The index was behind before the write began.
        assert_eq!(chained(2, &[step(4, 7)]), None);
    }

    #[test]
    fn corpora_differ_when_generations_do_or_the_database_dropped_them() {
        let corpus = |name: &str, generation| CorpusGeneration {
            name: name.into(),
            origin: "imported".into(),
            content_hash: String::new(),
            generation,
        };
        let db = vec![corpus("a", 3), corpus("b", 0), corpus("c", 5)];
        let held: BTreeMap<String, i64> = [
            ("a".to_string(), 3),
            ("c".to_string(), 4),
            ("d".to_string(), 2),
        ]
        .into();
        let (stale, gone) = differences(&db, &held);
        let stale: Vec<&str> = stale.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(stale, vec!["c"]);
        assert_eq!(gone, vec!["d".to_string()]);
    }
}
