//! The SQLite database (sqlx): corpora and their import log, and later classes, trainees,
//! attempts and progress. Migrations are embedded; the SQL stays portable to PostgreSQL.

pub mod attempts; // attempts at exercises, hints and reveals
pub mod classroom; // classes, trainees, sessions, reveals, evaluations, uploads
pub mod drafts; // unsent answers, kept when a submission is refused
pub mod feeds; // live feed sources, their schedule and status

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::error::{Error, Result};

/// Readers share a pool of connections; every write goes through the one writer connection, so
/// writes queue here in order instead of SQLite turning them away as busy and each retrying
/// after a sleep (which a room of trainees submitting at once turned into 100 ms stalls).
/// Writes never wait for a checkpoint either: a background task moves the write-ahead log into
/// the database file every second (see `checkpoints`).
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    writer: SqlitePool,
    _checkpoints: Option<Arc<AbortOnDrop>>,
}

/// Stops the checkpoint task when the last copy of the store goes.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// How often the write-ahead log is checkpointed.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

/// Checkpoints the write-ahead log from a reader connection, off the writer's path. SQLite would
/// otherwise checkpoint inside whichever commit crosses 1,000 pages of log, and that commit
/// (and every write queued behind it) would wait for the database file to be synced: a 300 ms
/// stall for a room of trainees. PASSIVE never blocks the writer or readers.
fn checkpoints(pool: SqlitePool) -> AbortOnDrop {
    AbortOnDrop(tokio::spawn(async move {
        let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .execute(&pool)
                .await
            {
                tracing::warn!("database checkpoint failed (will retry): {e}");
            }
        }
    }))
}

/// A corpus as the database records it.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CorpusRecord {
    pub name: String,
    pub title: String,
    pub description: String,
    pub origin: String,
    pub content_hash: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The outcome of one import, as logged.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ImportRecord {
    pub added: usize,
    pub replaced: usize,
    pub rejected: usize,
    pub report: String,
}

pub fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub fn new_id() -> String {
    let bytes: [u8; 12] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // No checkpoints inside commits: `checkpoints` runs them in the background.
            .pragma("wal_autocheckpoint", "0");
        Self::connect(options).await
    }

    /// A private in-memory database, for tests.
    pub async fn in_memory() -> Result<Self> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        Self::connect(options).await
    }

    async fn connect(options: SqliteConnectOptions) -> Result<Self> {
        let in_memory = options.get_filename().as_os_str() == ":memory:";
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations")
            .run(&writer)
            .await
            .map_err(|e| Error::internal(anyhow::anyhow!("database migration failed: {e}")))?;
        Store::fill_rejoin_words_on(&writer).await?;
        // An in-memory database exists once per connection: there the writer reads too, and
        // there is no log to checkpoint.
        if in_memory {
            return Ok(Store {
                pool: writer.clone(),
                writer,
                _checkpoints: None,
            });
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
            .connect_with(options)
            .await?;
        Ok(Store {
            _checkpoints: Some(Arc::new(checkpoints(pool.clone()))),
            pool,
            writer,
        })
    }

    /// For reads.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// For every statement that writes.
    pub fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub async fn corpora(&self) -> Result<Vec<CorpusRecord>> {
        Ok(
            sqlx::query_as::<_, CorpusRecord>("SELECT * FROM corpora ORDER BY name")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn corpus(&self, name: &str) -> Result<Option<CorpusRecord>> {
        Ok(
            sqlx::query_as::<_, CorpusRecord>("SELECT * FROM corpora WHERE name = ?")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Records a corpus, keeping its creation time if it exists.
    pub async fn upsert_corpus(
        &self,
        name: &str,
        title: &str,
        description: &str,
        origin: &str,
        content_hash: &str,
    ) -> Result<()> {
        let now = now();
        sqlx::query(
            "INSERT INTO corpora (name, title, description, origin, content_hash, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(name) DO UPDATE SET
               title = CASE WHEN excluded.title = '' THEN corpora.title ELSE excluded.title END,
               description = CASE WHEN excluded.description = '' THEN corpora.description ELSE excluded.description END,
               origin = excluded.origin, content_hash = excluded.content_hash,
               updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(title)
        .bind(description)
        .bind(origin)
        .bind(content_hash)
        .bind(&now)
        .bind(&now)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    pub async fn log_import(&self, corpus: &str, record: &ImportRecord) -> Result<()> {
        sqlx::query(
            "INSERT INTO imports (id, corpus, finished_at, added, replaced, rejected, report)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(new_id())
        .bind(corpus)
        .bind(now())
        .bind(record.added as i64)
        .bind(record.replaced as i64)
        .bind(record.rejected as i64)
        .bind(&record.report)
        .execute(&self.writer)
        .await?;
        Ok(())
    }
}
