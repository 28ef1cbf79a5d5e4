//! Loading the corpora that come with the binary into the index and the database: the shipped
//! corpora (`catalog::corpora`), on every start, and the streams of drill scenarios
//! (`catalog::scenarios`, as corpora named `drill-<scenario>`), when a drill of the scenario is
//! first made. Each is loaded on first use, again whenever a newer binary ships different
//! content, and whenever this node's index does not hold the generation the database records
//! (a second node with an empty index, or one whose index was removed). Their documents live
//! in the binary, not in the database.

use super::{App, ImportSummary};
use crate::catalog::corpora::{Shipped, content_hash, shipped};
use crate::error::{Error, Result};
use crate::ingest::{Document, Problem, jsonl};

/// The origin recorded for a shipped corpus, and for a drill's stream.
pub const SHIPPED: &str = "shipped";
pub const DRILL: &str = "drill";

/// A corpus whose documents come with the binary.
pub(super) struct Builtin {
    pub name: String,
    pub title: String,
    pub description: String,
    /// `SHIPPED` or `DRILL`.
    pub origin: &'static str,
    /// Of the content, so an unchanged corpus is not loaded again.
    pub hash: String,
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
}

impl Builtin {
    fn shipped(corpus: &Shipped) -> Builtin {
        let (documents, problems) = parse(corpus);
        Builtin {
            name: corpus.name.to_string(),
            title: corpus.title.clone(),
            description: corpus.description.clone(),
            origin: SHIPPED,
            hash: content_hash(corpus.documents),
            documents,
            problems,
        }
    }
}

/// Whether a corpus of this origin comes with the binary (and is reloaded from it, not from
/// the database).
pub fn is_builtin(origin: &str) -> bool {
    origin == SHIPPED || origin == DRILL
}

/// Imports each shipped corpus whose content the database has not seen, and loads into the
/// index each one it does not hold. Cheap when nothing changed: one hash, one database read and
/// one look at the index's record per corpus. First adopts an index written before replicas
/// (`replica::adopt_unrecorded_index`).
pub async fn ensure_shipped(app: &App) -> Result<Vec<ImportSummary>> {
    let copied = super::replica::adopt_unrecorded_index(app).await?;
    if copied > 0 {
        tracing::info!("{copied} document(s) of imported corpora copied into the database");
    }
    let mut summaries = Vec::new();
    for corpus in shipped() {
        if let Some(summary) = ensure(app, Builtin::shipped(&corpus)).await? {
            summaries.push(summary);
        }
    }
    Ok(summaries)
}

/// Loads one built-in corpus where the database or the index lacks its content; the summary
/// when it was loaded anew.
pub(super) async fn ensure(app: &App, corpus: Builtin) -> Result<Option<ImportSummary>> {
    let record = app.store.corpus(&corpus.name).await?;
    if record.as_ref().is_some_and(|r| r.origin != corpus.origin) {
        // The trainer made a corpus of the same name: theirs wins.
        tracing::warn!(
            corpus = corpus.name,
            "a corpus of this name was imported by hand; the built-in one is not loaded"
        );
        return Ok(None);
    }
    let generation = app
        .store
        .corpus_generations()
        .await?
        .into_iter()
        .find(|c| c.name == corpus.name)
        .map(|c| c.generation);
    let current = record
        .as_ref()
        .is_some_and(|r| r.content_hash == corpus.hash);
    // Generation 0 is a corpus recorded before replicas: give it one other nodes can follow.
    if current && let Some(generation) = generation.filter(|g| *g != 0) {
        if app.index.held_generation(&corpus.name) == generation {
            return Ok(None);
        }
        // The database has this content and the index does not: load it into the index only.
        match load(app, &corpus.name, corpus.documents, generation).await {
            Err(Error::Busy(what)) => {
                tracing::warn!(corpus = corpus.name, "built-in corpus not loaded: {what}")
            }
            other => {
                other?;
            }
        }
        return Ok(None);
    }
    // The database first: the corpus and its new generation, then the index.
    app.store
        .upsert_corpus(
            &corpus.name,
            &corpus.title,
            &corpus.description,
            corpus.origin,
            &corpus.hash,
        )
        .await?;
    let step = app
        .store
        .bump_generation(&corpus.name)
        .await?
        .ok_or_else(|| {
            Error::internal(anyhow::anyhow!(
                "built-in corpus {} not recorded",
                corpus.name
            ))
        })?;
    let rejected = corpus.problems.len();
    let problems = corpus.problems.iter().map(ToString::to_string).collect();
    let counts = load(app, &corpus.name, corpus.documents, step.after).await?;
    let summary = ImportSummary {
        corpus: corpus.name.clone(),
        added: counts.added,
        rejected,
        problems,
        ..ImportSummary::default()
    };
    app.record_import(
        &summary,
        corpus.origin,
        &corpus.title,
        &corpus.description,
        &corpus.hash,
    )
    .await?;
    tracing::info!("loaded built-in corpus {summary}");
    Ok(Some(summary))
}

fn parse(corpus: &Shipped) -> (Vec<Document>, Vec<Problem>) {
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
    (documents, problems)
}

/// Replaces the corpus in the index with `documents` (a newer binary may have dropped some) and
/// records `generation`.
async fn load(
    app: &App,
    name: &str,
    documents: Vec<Document>,
    generation: i64,
) -> Result<crate::index::WriteCounts> {
    let name = name.to_string();
    app.on_index(move |index| {
        let mut batch = index.begin_replacing(&name)?;
        for doc in &documents {
            batch.add(doc)?;
        }
        batch.commit_at(Some(generation))
    })
    .await
}

/// Loads a built-in corpus from this binary into the index at the database's `generation` (the
/// sync task, when another node loaded it or this index lacks it). A node on another version of
/// Sandpit than the one that recorded the corpus serves its own binary's content, with a warning.
pub(super) async fn reload(app: &App, name: &str, generation: i64) -> Result<()> {
    let builtin = match shipped().into_iter().find(|c| c.name == name) {
        Some(corpus) => Some(Builtin::shipped(&corpus)),
        None => super::drills::stream_corpus(app, name).await?,
    };
    let Some(corpus) = builtin else {
        tracing::warn!(
            corpus = name,
            "the database names a built-in corpus this version does not have"
        );
        return app.index_record(name, generation).await;
    };
    if let Some(record) = app.store.corpus(name).await?
        && record.content_hash != corpus.hash
    {
        tracing::warn!(
            corpus = name,
            "another version of Sandpit loaded this built-in corpus; this node serves its own"
        );
    }
    load(app, name, corpus.documents, generation)
        .await
        .map(drop)
}

impl App {
    /// Records that the index holds `corpus` at `generation` without changing its documents.
    async fn index_record(&self, corpus: &str, generation: i64) -> Result<()> {
        let changes = vec![(corpus.to_string(), Some(generation))];
        self.on_index(move |index| index.record(&changes)).await
    }
}
