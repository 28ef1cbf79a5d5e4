//! Documents of imported and fetched corpora, and the generations that let each node's index
//! follow them (docs/design.md, "The database is the source of truth; the index is a replica").
//!
//! Every change to a corpus's documents takes the next value of the one-row `replica_clock` and
//! sets it as the corpus's `generation`, in the same transaction. Taking the clock row first also
//! puts the transactions that change documents in one queue (on PostgreSQL the row stays locked
//! until commit), so the generation a transaction reads before its own is the one just before it.

use sqlx::Row;

use super::{Store, now};
use crate::error::Result;

/// One document as the database keeps it: its id and the JSON of `ingest::Document`, which the
/// application encodes and decodes (the store does not look inside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDocument {
    pub id: String,
    pub json: String,
}

/// Documents written per transaction. A 100,000-document upload is a hundred short transactions,
/// so a class's submissions (which queue behind the same SQLite writer) wait milliseconds, not
/// the whole upload. Measured on SQLite (20,000 documents of ~1 KB, test profile, a busy
/// 2-core machine): 67,000 to 125,000 documents a second, the longest transaction 12 to 34 ms.
pub const DOCUMENTS_PER_TRANSACTION: usize = 1_000;

/// Rows per INSERT statement: 4 parameters a row, far below either engine's limit, and one round
/// trip to PostgreSQL for many documents.
const ROWS_PER_STATEMENT: usize = 200;

/// A corpus's generation before and after one change. A node that held `before` and applies the
/// change to its index holds `after`; if it held anything else, it must re-apply the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub before: i64,
    pub after: i64,
}

/// What the database says about a corpus, for comparing with what an index holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusGeneration {
    pub name: String,
    pub origin: String,
    pub content_hash: String,
    pub generation: i64,
}

/// Keeps the last of each id: one INSERT may not change the same row twice on PostgreSQL, and an
/// id given twice in one import means its last version, as in the index.
fn last_of_each_id(documents: &[StoredDocument]) -> Vec<&StoredDocument> {
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<&StoredDocument> = documents
        .iter()
        .rev()
        .filter(|d| seen.insert(d.id.as_str()))
        .collect();
    kept.reverse();
    kept
}

impl Store {
    /// Stores a batch of documents in a corpus (recorded as an imported corpus if it is new),
    /// replacing those with the same ids, in one transaction that moves the corpus's generation.
    /// Callers give at most `DOCUMENTS_PER_TRANSACTION` at a time.
    pub async fn put_documents(&self, corpus: &str, documents: &[StoredDocument]) -> Result<Step> {
        let rows = last_of_each_id(documents);
        let stored_at = now();
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            let after: i64 = sqlx::query(
                "UPDATE replica_clock SET value = value + 1 WHERE id = 1 RETURNING value",
            )
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
            sqlx::query(
                "INSERT INTO corpora (name, origin, created_at, updated_at)
                 VALUES ($1, 'imported', $2, $2) ON CONFLICT(name) DO NOTHING",
            )
            .bind(corpus)
            .bind(&stored_at)
            .execute(&mut *tx)
            .await?;
            let before: i64 = sqlx::query("SELECT generation FROM corpora WHERE name = $1")
                .bind(corpus)
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
            for chunk in rows.chunks(ROWS_PER_STATEMENT) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO documents (corpus, id, document, stored_at) ",
                );
                insert.push_values(chunk, |mut row, doc| {
                    row.push_bind(corpus)
                        .push_bind(doc.id.as_str())
                        .push_bind(doc.json.as_str())
                        .push_bind(&stored_at);
                });
                insert.push(
                    " ON CONFLICT(corpus, id) DO UPDATE SET document = excluded.document, \
                     stored_at = excluded.stored_at",
                );
                insert.build().execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE corpora SET generation = $1, updated_at = $2 WHERE name = $3")
                .bind(after)
                .bind(&stored_at)
                .bind(corpus)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Step { before, after })
        })
    }

    /// Moves a corpus's generation without touching documents: a shipped corpus loaded again
    /// from a newer binary, whose documents live in the binary. `None` when there is no such
    /// corpus.
    pub async fn bump_generation(&self, corpus: &str) -> Result<Option<Step>> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            let after: i64 = sqlx::query(
                "UPDATE replica_clock SET value = value + 1 WHERE id = 1 RETURNING value",
            )
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
            let Some(row) = sqlx::query("SELECT generation FROM corpora WHERE name = $1")
                .bind(corpus)
                .fetch_optional(&mut *tx)
                .await?
            else {
                return Ok(None);
            };
            let before: i64 = row.try_get(0)?;
            sqlx::query("UPDATE corpora SET generation = $1 WHERE name = $2")
                .bind(after)
                .bind(corpus)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Some(Step { before, after }))
        })
    }

    /// Deletes a corpus: its documents, its import log, its live feeds and its record, in one
    /// transaction that moves the clock, so every node sees it gone and drops it from its index.
    /// Says whether there was such a corpus.
    pub async fn delete_corpus(&self, corpus: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            sqlx::query("UPDATE replica_clock SET value = value + 1 WHERE id = 1")
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM documents WHERE corpus = $1")
                .bind(corpus)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM imports WHERE corpus = $1")
                .bind(corpus)
                .execute(&mut *tx)
                .await?;
            let gone = sqlx::query("DELETE FROM corpora WHERE name = $1")
                .bind(corpus)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            Ok(gone > 0)
        })
    }

    /// Up to `limit` documents of a corpus in id order, starting after the id `after`: pages for
    /// rebuilding an index, each a short read however large the corpus.
    pub async fn documents_page(
        &self,
        corpus: &str,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<StoredDocument>> {
        on_db!(self, |read, write| {
            sqlx::query(
                "SELECT id, document FROM documents WHERE corpus = $1 AND ($2 IS NULL OR id > $2)
                 ORDER BY id LIMIT $3",
            )
            .bind(corpus)
            .bind(after)
            .bind(limit as i64)
            .fetch_all(read)
            .await?
            .into_iter()
            .map(|row| {
                Ok(StoredDocument {
                    id: row.try_get(0)?,
                    json: row.try_get(1)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()
            .map_err(Into::into)
        })
    }

    /// How many documents the database holds for a corpus.
    pub async fn document_count(&self, corpus: &str) -> Result<usize> {
        on_db!(self, |read, write| {
            let n: i64 = sqlx::query("SELECT COUNT(*) FROM documents WHERE corpus = $1")
                .bind(corpus)
                .fetch_one(read)
                .await?
                .try_get(0)?;
            Ok(n as usize)
        })
    }

    /// Every corpus with its generation, by name.
    pub async fn corpus_generations(&self) -> Result<Vec<CorpusGeneration>> {
        on_db!(self, |read, write| {
            let rows = sqlx::query(
                "SELECT name, origin, content_hash, generation FROM corpora ORDER BY name",
            )
            .fetch_all(read)
            .await?;
            rows.into_iter()
                .map(|row| {
                    Ok(CorpusGeneration {
                        name: row.try_get(0)?,
                        origin: row.try_get(1)?,
                        content_hash: row.try_get(2)?,
                        generation: row.try_get(3)?,
                    })
                })
                .collect::<std::result::Result<Vec<_>, sqlx::Error>>()
                .map_err(Into::into)
        })
    }

    /// The replica clock: it moves with every change to any corpus's documents, so a node that
    /// has seen this value has nothing new to apply.
    pub async fn replica_clock(&self) -> Result<i64> {
        on_db!(self, |read, write| {
            Ok(sqlx::query("SELECT value FROM replica_clock WHERE id = 1")
                .fetch_one(read)
                .await?
                .try_get(0)?)
        })
    }
}
