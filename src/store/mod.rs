//! The database (sqlx): SQLite in the data directory by default, PostgreSQL when a
//! `postgres://` URL is given (docs/design.md, "The database"). Corpora and their import log,
//! classes, trainees, sessions, attempts and progress. Each engine has its migrations
//! (`migrations/sqlite`, `migrations/postgres`, the same versions, kept equal by
//! `tests/store_engines.rs`); the queries are written once, in SQL both engines take.

/// Runs a store function's body on whichever engine the store is open on, with `$read` bound to
/// the pool for reads and `$write` to the pool every statement that writes goes through. The
/// body is compiled once per engine, so each query is written once and sqlx checks its types on
/// both; placeholders are `$1, $2…`, which both engines take.
macro_rules! on_db {
    ($store:expr, |$read:ident, $write:ident| $body:block) => {
        match $store.engine() {
            #[allow(unused_variables)]
            $crate::store::Engine::Sqlite {
                pool: $read,
                writer: $write,
            } => $body,
            #[allow(unused_variables)]
            $crate::store::Engine::Postgres($read) => {
                let $write = $read;
                $body
            }
        }
    };
}

pub mod attempts; // attempts at exercises, hints and reveals
pub mod calendar_links; // learners' private calendar addresses
pub mod classroom; // classes, trainees, sessions, reveals, evaluations, uploads
pub mod documents; // documents of imported corpora and the generations indexes follow
pub mod drafts; // unsent answers, kept when a submission is refused
pub mod drill_marks; // the trainer's corrections of drill marks, kept as a history
pub mod drill_review; // observers of a drill and the notes of the review
pub mod drill_work; // what players do in a drill: responses, saved searches
pub mod drills; // drills: a scenario played to a class, and its clock
pub mod feeds; // live feed sources, their schedule and status
pub mod leases; // work that runs on one node at a time (PostgreSQL advisory locks)
pub mod limits; // the counts behind the holds on the classroom's ways in
pub mod placement; // the placement diagnostic: takes and their answers
pub mod plans; // programmes' plans and their weekly assignments
pub mod practice; // practice that comes back: places on each trap's ladder, graded attempts
pub mod programmes; // cohorts, learners, their sign-in links and passphrase hashes
pub mod scenarios; // drill scenarios trainers uploaded: the file, its hash, who and when
pub mod skills; // each learner's measured level per skill, over time
pub mod teams; // teams, the skills they need, their managers' links
pub mod transfer; // own-topic work, reviews, reflections, the statement and its follow-up

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, SqlitePool};

use crate::error::{Error, Result};

/// The database engine and its connections.
#[derive(Clone)]
pub enum Engine {
    /// A file in the data directory (the default, for a laptop): readers share a pool; every
    /// write goes through the one writer connection, so writes queue here in order instead of
    /// SQLite turning them away as busy and each retrying after a sleep (which a room of
    /// trainees submitting at once turned into 100 ms stalls).
    Sqlite {
        pool: SqlitePool,
        writer: SqlitePool,
    },
    /// An organisation's PostgreSQL, shared by every web node.
    Postgres(PgPool),
}

/// The database: SQLite or PostgreSQL, chosen by the URL it is opened with. Writes never wait
/// for a SQLite checkpoint either: a background task moves the write-ahead log into the
/// database file every second (see `checkpoints`).
#[derive(Clone)]
pub struct Store {
    engine: Engine,
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

/// Connections each node keeps to PostgreSQL: enough for a burst of submissions, few enough
/// that a handful of nodes stay inside the server's default of 100.
const POSTGRES_CONNECTIONS: u32 = 16;

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

/// Whether a database URL names PostgreSQL.
pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// A URL with its password hidden, for messages and logs.
pub fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// One column of the schema, as `Store::schema` reports it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Column {
    pub table: String,
    pub name: String,
    pub kind: ColumnKind,
    pub nullable: bool,
}

/// The kinds of value the schema uses, whatever each engine calls them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColumnKind {
    Text,
    Integer,
    Boolean,
    Float,
    Bytes,
    Other,
}

impl ColumnKind {
    /// From a declared (SQLite) or reported (PostgreSQL) type name.
    fn of(declared: &str) -> Self {
        let t = declared.to_ascii_uppercase();
        if t.contains("INT") {
            ColumnKind::Integer
        } else if t.contains("BOOL") {
            ColumnKind::Boolean
        } else if t.contains("TEXT") || t.contains("CHAR") {
            ColumnKind::Text
        } else if t.contains("DOUBLE") || t.contains("REAL") || t.contains("FLOAT") {
            ColumnKind::Float
        } else if t.contains("BLOB") || t.contains("BYTEA") {
            ColumnKind::Bytes
        } else {
            ColumnKind::Other
        }
    }
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

/// The system clock's time as the tables store it (see `stamp`).
pub fn now() -> String {
    stamp(Utc::now())
}

/// A moment as the tables store it: RFC 3339 in UTC, to the millisecond, so that times sort as
/// text. Every time the store writes goes through here.
pub fn stamp(at: chrono::DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub fn new_id() -> String {
    let bytes: [u8; 12] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// Opens (creating if needed) the SQLite database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Self::open_sqlite(SqliteConnectOptions::new().filename(path)).await
    }

    /// Opens the database a URL names: `postgres://…` (or `postgresql://…`) for PostgreSQL,
    /// `sqlite:PATH` for a SQLite file.
    pub async fn open_url(url: &str) -> Result<Self> {
        if is_postgres_url(url) {
            let options = PgConnectOptions::from_str(url)
                .map_err(|e| Error::invalid(format!("database URL {}: {e}", redacted(url))))?;
            return Self::open_postgres(options, url).await;
        }
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| Error::invalid(format!("database URL {url}: {e}")))?;
            return Self::open_sqlite(options.create_if_missing(true)).await;
        }
        Err(Error::invalid(format!(
            "database URL {}: use postgres://user:password@host/database or sqlite:path/to/file.db",
            redacted(url)
        )))
    }

    async fn open_postgres(options: PgConnectOptions, url: &str) -> Result<Self> {
        let options = options
            .application_name("sandpit")
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_secs(1));
        let pool = PgPoolOptions::new()
            .max_connections(POSTGRES_CONNECTIONS)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| {
                Error::invalid(format!(
                    "cannot reach the database at {}: {e}",
                    redacted(url)
                ))
            })?;
        // sqlx holds an advisory lock while it migrates, so nodes starting together take
        // turns and the second finds the schema up to date.
        sqlx::migrate!("./migrations/postgres")
            .run(&pool)
            .await
            .map_err(|e| Error::internal(anyhow::anyhow!("database migration failed: {e}")))?;
        let store = Store {
            engine: Engine::Postgres(pool),
            _checkpoints: None,
        };
        store.fill_rejoin_words().await?;
        Ok(store)
    }

    /// A private in-memory database, for tests: SQLite, or a fresh PostgreSQL database when
    /// `SANDPIT_TEST_DATABASE_URL` names a server (so every test of the store runs on both
    /// engines; see `.ci/run`).
    pub async fn in_memory() -> Result<Self> {
        if let Ok(server) = std::env::var("SANDPIT_TEST_DATABASE_URL")
            && !server.is_empty()
        {
            let url = fresh_test_database(&server).await?;
            return Self::open_url(&url).await;
        }
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?;
        Self::open_sqlite(options).await
    }

    async fn open_sqlite(options: SqliteConnectOptions) -> Result<Self> {
        let in_memory = options.get_filename().as_os_str() == ":memory:";
        let options = options.foreign_keys(true);
        let options = if in_memory {
            options
        } else {
            options
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                // No checkpoints inside commits: `checkpoints` runs them in the background.
                .pragma("wal_autocheckpoint", "0")
        };
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations/sqlite")
            .run(&writer)
            .await
            .map_err(|e| Error::internal(anyhow::anyhow!("database migration failed: {e}")))?;
        // An in-memory database exists once per connection: there the writer reads too, and
        // there is no log to checkpoint.
        let (pool, checkpoints) = if in_memory {
            (writer.clone(), None)
        } else {
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .test_before_acquire(false)
                .connect_with(options)
                .await?;
            let task = checkpoints(pool.clone());
            (pool, Some(Arc::new(task)))
        };
        let store = Store {
            engine: Engine::Sqlite { pool, writer },
            _checkpoints: checkpoints,
        };
        store.fill_rejoin_words().await?;
        Ok(store)
    }

    /// The engine and its connections, for `on_db!`.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Which engine this is, for `/healthz` and logs.
    pub fn engine_name(&self) -> &'static str {
        match self.engine {
            Engine::Sqlite { .. } => "sqlite",
            Engine::Postgres(_) => "postgres",
        }
    }

    /// Runs one statement with text parameters on the writer, and says how many rows it
    /// changed: for tests that set up a state no operation makes (an ungraded attempt, a
    /// changed record), and for maintenance. Not for application code: that has its functions.
    #[doc(hidden)]
    pub async fn run_sql(&self, sql: &'static str, params: &[&str]) -> Result<u64> {
        on_db!(self, |read, write| {
            let mut query = sqlx::query(sql);
            for p in params {
                query = query.bind(*p);
            }
            Ok(query.execute(write).await?.rows_affected())
        })
    }

    /// Every column of every table as the engine reports it, in a form both engines share
    /// (see [`Column`]): what `tests/store_engines.rs` compares to keep the two sets of
    /// migrations equal.
    pub async fn schema(&self) -> Result<Vec<Column>> {
        let rows: Vec<(String, String, String, bool)> = match &self.engine {
            Engine::Sqlite { pool, .. } => {
                sqlx::query_as(
                    "SELECT m.name, p.name, p.type, p.\"notnull\" = 0
                     FROM sqlite_master m JOIN pragma_table_info(m.name) p
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                       AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
            Engine::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::TEXT, column_name::TEXT, data_type::TEXT,
                            is_nullable = 'YES'
                     FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
        };
        let mut columns: Vec<Column> = rows
            .into_iter()
            .map(|(table, name, declared, nullable)| Column {
                kind: ColumnKind::of(&declared),
                table,
                name,
                nullable,
            })
            .collect();
        columns.sort();
        Ok(columns)
    }

    pub async fn ping(&self) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("SELECT 1").execute(read).await?;
        });
        Ok(())
    }

    pub async fn corpora(&self) -> Result<Vec<CorpusRecord>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as::<_, CorpusRecord>("SELECT * FROM corpora ORDER BY name")
                    .fetch_all(read)
                    .await?,
            )
        })
    }

    pub async fn corpus(&self, name: &str) -> Result<Option<CorpusRecord>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as::<_, CorpusRecord>("SELECT * FROM corpora WHERE name = $1")
                    .bind(name)
                    .fetch_optional(read)
                    .await?,
            )
        })
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
        on_db!(self, |read, write| {
            let now = now();
            sqlx::query(
            "INSERT INTO corpora (name, title, description, origin, content_hash, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
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
        .execute(write)
        .await?;
            Ok(())
        })
    }

    pub async fn log_import(&self, corpus: &str, record: &ImportRecord) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO imports (id, corpus, finished_at, added, replaced, rejected, report)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(new_id())
            .bind(corpus)
            .bind(now())
            .bind(record.added as i64)
            .bind(record.replaced as i64)
            .bind(record.rejected as i64)
            .bind(&record.report)
            .execute(write)
            .await?;
            Ok(())
        })
    }
}

/// Creates an empty database on a PostgreSQL server for one test and returns its URL.
async fn fresh_test_database(server: &str) -> Result<String> {
    let mut url = url::Url::parse(server)
        .map_err(|e| Error::invalid(format!("SANDPIT_TEST_DATABASE_URL: {e}")))?;
    let name = format!("sandpit_test_{}", new_id());
    let admin = PgPool::connect(server).await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await?;
    admin.close().await;
    url.set_path(&name);
    Ok(url.to_string())
}
