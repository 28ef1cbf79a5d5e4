//! The application: configuration, the index and the database, opened together, and the
//! operations that need more than one of them (importing into a corpus, listing corpora).
//! The CLI and the web layer both call these.

pub mod access;
pub mod background; // what a serving node runs beside its requests
pub mod classroom;
pub mod clock; // the time every rule reads (injectable for tests)
pub mod console;
pub mod drafts;
pub mod drills; // a scenario played to a class: its clock, its stream
mod exercise_tests;
mod exercises;
pub mod explain;
pub mod feeds;
pub mod following; // loading what other nodes wrote (uploaded exercises)
pub mod health; // what /healthz tells a load balancer
pub mod limiter;
pub mod mastery; // how much a pass counts, hints taken into account
pub mod placement; // the placement diagnostic: taking it, levels, starting points
pub mod plans; // programmes' plans: proposing, adjusting, due and overdue, the cohort view
pub mod practice;
pub mod programmes; // learner accounts: cohorts, links, passphrases
pub mod replica; // the index kept in step with the database
pub mod roster; // reading a cohort's names and CSV files
pub mod search_cache;
pub mod serving;
mod shipped;
pub mod skill_mastery; // a level per skill from attempts, hints and time
pub mod spaced; // practice that comes back: the ladder of intervals, variants
pub mod trainees;
pub mod transfer; // own-topic work, reflections, the follow-up, the team view
pub use access::Learner;
pub use exercise_tests::{TestRun, Validation};
pub use exercises::{Answer, Recorded, Submitted, Ungraded, recorded, submission_key};
pub use shipped::ensure_shipped;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use serde::Serialize;

use crate::catalog::exercises::Catalog;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::SearchIndex;
use crate::index::search::{SearchRequest, SearchResults, SortOrder};
use crate::ingest::{Document, Problem, source};
use crate::query::TextField;
use crate::store::documents::DOCUMENTS_PER_TRANSACTION;
use crate::store::{ImportRecord, Store};
use search_cache::{Key, SearchCache};

#[derive(Clone)]
pub struct App {
    pub config: Arc<Config>,
    pub index: Arc<SearchIndex>,
    pub store: Store,
    /// Shipped exercises plus the trainer's; replaced whole when the trainer adds some.
    catalog: Arc<std::sync::RwLock<Arc<Catalog>>>,
    /// Recent search results (see `search_cache`).
    pub search_cache: Arc<SearchCache>,
    /// A permit per core, and one spare, for work on the index (searches, matching ids).
    /// Waiting requests queue in order instead of all running at once: each is answered in its
    /// own time plus the queue ahead of it, where sharing the cores among every request in
    /// flight makes each take as long as all of them together.
    index_permits: Arc<tokio::sync::Semaphore>,
    /// Joins and sign-ins per address, counted in the database (see `limiter`).
    limiter: Arc<classroom::Limiter>,
    /// The uploaded exercises this node has loaded (see `following`).
    uploads_seen: Arc<std::sync::Mutex<Option<following::UploadsMark>>>,
    /// The time every rule reads (see `clock`).
    clock: Arc<dyn clock::Clock>,
}

fn index_permits() -> Arc<tokio::sync::Semaphore> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    // One more than the cores: while a finished search hands its permit to the next, the
    // spare keeps the cores busy (with exactly one per core a quarter of the CPU sat idle).
    Arc::new(tokio::sync::Semaphore::new(cores + 1))
}

/// The outcome of an import, for the one-line summary and the list of problems.
#[derive(Debug, Default, Serialize)]
pub struct ImportSummary {
    pub corpus: String,
    pub files: usize,
    pub added: usize,
    pub replaced: usize,
    pub rejected: usize,
    /// Live feeds that OPML lists named: new to the corpus, and already there.
    pub feeds_added: usize,
    pub feeds_existing: usize,
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} added, {} replaced, {} rejected",
            self.corpus, self.added, self.replaced, self.rejected
        )
    }
}

/// A corpus with figures read from the index.
#[derive(Debug, Clone, Serialize)]
pub struct CorpusInfo {
    pub name: String,
    pub title: String,
    pub description: String,
    pub documents: usize,
    pub sources: usize,
    pub first: Option<String>,
    pub last: Option<String>,
}

/// Corpus names are used in URLs and on the command line: keep them simple.
pub fn validate_corpus_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if name.starts_with(drills::CORPUS_PREFIX) {
        return Err(Error::invalid(format!(
            "corpus name {name:?}: names starting with {:?} are kept for the streams of drills",
            drills::CORPUS_PREFIX
        )));
    }
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "corpus name {name:?}: use 1 to 64 lower-case letters, digits, '-' or '_' (e.g. storm-harriet)"
        )))
    }
}

impl App {
    /// Opens (creating when new) the data directory.
    pub async fn open(config: Config) -> Result<Self> {
        let index = SearchIndex::open(&config.index_dir())?;
        let store = match &config.database_url {
            Some(url) => Store::open_url(url).await?,
            None => Store::open(&config.database_path()).await?,
        };
        let catalog = exercises::load_catalog(&config);
        Ok(App {
            search_cache: Arc::new(SearchCache::new(config.search_cache_entries)),
            index_permits: index_permits(),
            limiter: Arc::new(classroom::Limiter::with_store(store.clone())),
            index: Arc::new(index),
            store,
            catalog: Arc::new(std::sync::RwLock::new(Arc::new(catalog))),
            uploads_seen: Arc::default(),
            clock: if config.test_clock {
                Arc::new(clock::ShiftedClock::default())
            } else {
                Arc::new(clock::SystemClock)
            },
            config: Arc::new(config),
        })
    }

    /// The same app reading time from `clock` (tests: a `ManualClock`; `--test-clock`: a
    /// `ShiftedClock`).
    pub fn with_clock(mut self, clock: Arc<dyn clock::Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Now, by the app's clock. Rules that depend on the time read it here.
    pub fn now(&self) -> chrono::DateTime<Utc> {
        self.clock.now()
    }

    /// The app's clock, for moving it (only the test clocks move).
    pub fn clock(&self) -> &Arc<dyn clock::Clock> {
        &self.clock
    }

    /// An app with its index and database in memory, for tests.
    pub async fn in_memory() -> Result<Self> {
        let config = Config::new("memory");
        let catalog = exercises::load_catalog(&config);
        let store = Store::in_memory().await?;
        Ok(App {
            search_cache: Arc::new(SearchCache::new(config.search_cache_entries)),
            index_permits: index_permits(),
            limiter: Arc::new(classroom::Limiter::with_store(store.clone())),
            config: Arc::new(config),
            index: Arc::new(SearchIndex::in_memory()?),
            store,
            catalog: Arc::new(std::sync::RwLock::new(Arc::new(catalog))),
            uploads_seen: Arc::default(),
            clock: Arc::new(clock::SystemClock),
        })
    }

    /// Imports files and folders into a corpus (created if new). Runs on a blocking thread.
    pub async fn import_paths(
        &self,
        corpus: &str,
        paths: Vec<PathBuf>,
        progress: impl Fn(usize) + Send + 'static,
    ) -> Result<ImportSummary> {
        validate_corpus_name(corpus)?;
        let name = corpus.to_string();
        // The database first (docs/design.md, "The database is the source of truth"): documents
        // go to it in chunks, each its own short transaction, written by a task beside the
        // indexing so the two overlap; the index commits only once every chunk is stored.
        let (chunks, mut pending) = tokio::sync::mpsc::channel::<Vec<Document>>(4);
        let store = self.store.clone();
        let db_name = name.clone();
        let storing = tokio::spawn(async move {
            let mut steps = Vec::new();
            while let Some(chunk) = pending.recv().await {
                steps.push(
                    store
                        .put_documents(&db_name, &replica::stored(&chunk)?)
                        .await?,
                );
            }
            Ok::<_, Error>(steps)
        });
        let runtime = tokio::runtime::Handle::current();
        let (counts, report, kept_old_ids) = self
            .on_index(move |index| {
                let mut batch = index.begin(&name)?;
                let held = index.held_generation(&name);
                let mut kept_old_ids = 0;
                let mut chunk = Vec::with_capacity(DOCUMENTS_PER_TRANSACTION);
                let stopped =
                    || Error::internal(anyhow::anyhow!("the database stopped taking documents"));
                let report = source::read(&paths, Utc::now(), |mut doc, feed_file| {
                    if let Some(key) = feed_file {
                        kept_old_ids += usize::from(feeds::legacy_ids::keep_stored_legacy_file_id(
                            index, &name, key, &mut doc,
                        ));
                    }
                    batch.add(&doc)?;
                    chunk.push(doc);
                    if chunk.len() == DOCUMENTS_PER_TRANSACTION {
                        chunks
                            .blocking_send(std::mem::take(&mut chunk))
                            .map_err(|_| stopped())?;
                    }
                    let n = batch.written();
                    if n % 500 == 0 {
                        progress(n);
                    }
                    Ok(())
                });
                if !chunk.is_empty() && report.is_ok() {
                    chunks.blocking_send(chunk).map_err(|_| stopped())?;
                }
                drop(chunks);
                // A failure to store is the error to report, whatever reading saw after it.
                let steps = runtime.block_on(storing).map_err(Error::internal)??;
                let report = report?;
                progress(batch.written());
                let generation = replica::chained(held, &steps);
                Ok((batch.commit_at(generation)?, report, kept_old_ids))
            })
            .await?;
        let problems = report.problems;
        let mut notes = report.notes;
        if kept_old_ids > 0 {
            notes.push(format!(
                "{kept_old_ids} item(s) of feed files kept the ids an earlier version of Sandpit gave them, so they were updated in place rather than added again"
            ));
        }
        let mut list_problems: Vec<String> = Vec::new();
        let (mut feeds_added, mut feeds_existing) = (0, 0);
        // An OPML list names feeds rather than holding documents: its feeds become the
        // corpus's live feeds, fetched by `sandpit feeds fetch` and by `serve`'s poller.
        for opml in &report.opml {
            let origin = opml.display().to_string();
            let listed = match std::fs::read(opml) {
                Ok(bytes) => crate::app::feeds::import_opml(self, corpus, &bytes, &origin).await,
                Err(e) => Err(Error::invalid(format!("{origin}: cannot read: {e}"))),
            };
            match listed {
                Ok(list) => {
                    feeds_added += list.added.len();
                    feeds_existing += list.existing;
                    notes.push(format!(
                        "{origin}: {} feed(s) added to the live feeds of {corpus} ({} already there); \
                         `sandpit feeds fetch {corpus}` fetches them now, and `sandpit serve` keeps them up to date",
                        list.added.len(),
                        list.existing
                    ));
                    list_problems.extend(list.problems);
                }
                Err(Error::Invalid(message)) => list_problems.push(message),
                Err(e) => return Err(e),
            }
        }
        let mut problem_lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        problem_lines.extend(list_problems);
        let summary = ImportSummary {
            corpus: corpus.to_string(),
            files: report.files,
            added: counts.added,
            replaced: counts.replaced,
            rejected: problem_lines.len(),
            feeds_added,
            feeds_existing,
            problems: problem_lines,
            notes,
        };
        self.record_import(&summary, "imported", "", "", "").await?;
        Ok(summary)
    }

    /// Imports documents already in memory (fetched feeds), into the database and the index.
    pub async fn import_documents(
        &self,
        corpus: &str,
        documents: Vec<Document>,
        problems: Vec<Problem>,
        notes: Vec<String>,
    ) -> Result<ImportSummary> {
        validate_corpus_name(corpus)?;
        // The database first, then the index (see `import_paths`).
        let mut steps = Vec::new();
        for chunk in documents.chunks(DOCUMENTS_PER_TRANSACTION) {
            steps.push(
                self.store
                    .put_documents(corpus, &replica::stored(chunk)?)
                    .await?,
            );
        }
        let name = corpus.to_string();
        let counts = self
            .on_index(move |index| {
                let mut batch = index.begin(&name)?;
                let generation = replica::chained(index.held_generation(&name), &steps);
                for doc in &documents {
                    batch.add(doc)?;
                }
                batch.commit_at(generation)
            })
            .await?;
        Ok(ImportSummary {
            corpus: corpus.to_string(),
            files: 0,
            added: counts.added,
            replaced: counts.replaced,
            rejected: problems.len(),
            problems: problems.iter().map(ToString::to_string).collect(),
            notes,
            ..ImportSummary::default()
        })
    }

    /// Records a corpus and logs an import in the database.
    pub async fn record_import(
        &self,
        summary: &ImportSummary,
        origin: &str,
        title: &str,
        description: &str,
        content_hash: &str,
    ) -> Result<()> {
        self.store
            .upsert_corpus(&summary.corpus, title, description, origin, content_hash)
            .await?;
        let mut report: Vec<String> = summary.problems.clone();
        report.extend(summary.notes.iter().cloned());
        self.store
            .log_import(
                &summary.corpus,
                &ImportRecord {
                    added: summary.added,
                    replaced: summary.replaced,
                    rejected: summary.rejected,
                    report: report.join("\n"),
                },
            )
            .await
    }

    /// Every corpus with its figures.
    pub async fn corpora(&self) -> Result<Vec<CorpusInfo>> {
        let records = self.listed_corpora().await?;
        self.on_index(move |index| {
            records
                .into_iter()
                .map(|r| {
                    let stats = index.corpus_stats(&r.name)?;
                    Ok(CorpusInfo {
                        name: r.name,
                        title: r.title,
                        description: r.description,
                        documents: stats.documents,
                        sources: stats.sources,
                        first: stats.first.map(|d| d.to_rfc3339()),
                        last: stats.last.map(|d| d.to_rfc3339()),
                    })
                })
                .collect()
        })
        .await
    }

    /// The corpora anyone may see named: not drills' streams, which are searched only through
    /// their drills, nor own-topic corpora, private to their learner (docs/programmes.md).
    async fn listed_corpora(&self) -> Result<Vec<crate::store::CorpusRecord>> {
        let mut records = self.store.corpora().await?;
        records.retain(|c| {
            c.origin != shipped::DRILL && c.origin != transfer::own_topic::OWN_TOPIC_ORIGIN
        });
        Ok(records)
    }

    /// Fails with a clear message when the corpus does not exist.
    pub async fn require_corpus(&self, name: &str) -> Result<()> {
        // A drill's stream is searched through its drill, which hides what is not released.
        if name.starts_with(drills::CORPUS_PREFIX) {
            return Err(Error::not_found(format!(
                "{name:?} is the stream of a drill: search it from the drill's page"
            )));
        }
        // A learner's own-topic corpus is read only through its topic's pages, which check who
        // asks (docs/programmes.md); to search, documents and exports it does not exist.
        if name.starts_with(transfer::own_topic::OWN_TOPIC_PREFIX)
            && self
                .store
                .corpus(name)
                .await?
                .is_some_and(|c| c.origin == transfer::own_topic::OWN_TOPIC_ORIGIN)
        {
            return Err(Error::not_found(format!("no corpus named {name:?}")));
        }
        // Documents in the index are enough (and cheaper to look up than the database); an
        // empty corpus is known only to the database.
        if self.index.has_documents(name)? || self.store.corpus(name).await?.is_some() {
            return Ok(());
        }
        let known: Vec<String> = self
            .listed_corpora()
            .await?
            .into_iter()
            .map(|c| c.name)
            .collect();
        Err(Error::not_found(format!(
            "no corpus named {name:?}; known corpora: {}",
            if known.is_empty() {
                "none yet".to_string()
            } else {
                known.join(", ")
            }
        )))
    }
}

/// A monitoring search as the user asked for it.
#[derive(Debug, Clone)]
pub struct SearchParams {
    pub corpus: String,
    pub query: String,
    pub order: SortOrder,
    pub limit: usize,
    pub offset: usize,
    /// Volume over time and top sources over every hit (the search page's charts).
    pub facets: bool,
}

/// Results and the parser's advice for the query.
#[derive(Debug, Clone, Serialize)]
pub struct SearchOutcome {
    pub warnings: Vec<String>,
    #[serde(flatten)]
    pub results: SearchResults,
}

impl App {
    /// Parses and runs a monitoring query on one corpus; the same request on an unchanged
    /// index is answered from the cache of recent results.
    pub async fn search(&self, params: SearchParams) -> Result<SearchOutcome> {
        let key = Key::new(self.index.generation(), &params);
        if let Some(outcome) = self.search_cache.get(&key) {
            return Ok((*outcome).clone());
        }
        let outcome = self.search_uncached(params).await?;
        self.search_cache.put(key, Arc::new(outcome.clone()));
        Ok(outcome)
    }

    async fn search_uncached(&self, params: SearchParams) -> Result<SearchOutcome> {
        self.require_corpus(&params.corpus).await?;
        let parsed = crate::query::parse(&params.query)?;
        self.on_index(move |index| {
            let highlighter = parsed.highlighter();
            let marker = |field: TextField, text: &str| highlighter.matches(field, text);
            let results = index.search(SearchRequest {
                corpus: &params.corpus,
                query: &parsed,
                ranks_apart: parsed.ranks_apart(),
                order: params.order,
                limit: params.limit,
                offset: params.offset,
                facets: params.facets,
                marker: &marker,
            })?;
            Ok(SearchOutcome {
                warnings: parsed.warnings.clone(),
                results,
            })
        })
        .await
    }

    /// Runs work on the index on a blocking thread, after waiting for a permit (see
    /// `index_permits`). Every search, grading pass, import and deletion goes through here, so a
    /// burst of any of them queues instead of crowding the cores.
    pub async fn on_index<T: Send + 'static>(
        &self,
        work: impl FnOnce(&SearchIndex) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let _turn = self
            .index_permits
            .acquire()
            .await
            .map_err(Error::internal)?;
        let index = self.index.clone();
        match tokio::task::spawn_blocking(move || work(&index))
            .await
            .map_err(Error::internal)?
        {
            Err(Error::Busy(what)) => Err(self.busy(&what)),
            other => other,
        }
    }

    /// Every document id the query matches in the corpus (batch mode and grading).
    pub async fn matching_ids(&self, corpus: &str, query: &str) -> Result<Vec<String>> {
        let parsed = crate::query::parse(query)?;
        let corpus = corpus.to_string();
        self.on_index(move |index| index.matching_ids(&corpus, &parsed))
            .await
    }

    /// One document of a corpus.
    pub async fn document(&self, corpus: &str, id: &str) -> Result<Document> {
        self.require_corpus(corpus).await?;
        let (c, i) = (corpus.to_string(), id.to_string());
        self.on_index(move |index| index.document(&c, &i))
            .await?
            .ok_or_else(|| Error::not_found(format!("corpus {corpus:?} has no document {id:?}")))
    }
}
