//! Drills (issue 18): a scenario (`catalog::scenarios`) played to a class in real time. This
//! module owns the drill's life: making one from a shipped or uploaded scenario (`uploaded.rs`), its clock (`clock.rs`: the
//! rule; the state is a row of `drills`, so every node agrees and a restart resumes), what the
//! stream has released by now, and searching only what has been released. See docs/design.md,
//! "Drills".
//!
//! The stream of a scenario is one built-in corpus, `drill-<scenario>`, loaded into the index
//! (and recorded in the database like the shipped corpora) when the first drill of the scenario
//! is made. Every post of it is dated in the drill's simulated time, so "released by now" is a
//! time window on the search: nothing needs to be written while the drill runs, and a post
//! cannot be found before its moment.

pub mod alerts; // when a saved search alerts: the spike and threshold rules
pub mod catching; // what saved searches caught, kept between refreshes of the board
pub mod clock;
pub mod marking; // marking responses and alerts for the trainer (pure)
pub mod play; // the players' side: access, the page's views, publishing, saved searches, events
pub mod publish; // a player's response: checked as the composer checks it, published once
pub mod review; // the trainer's board, observers, notes and the after-action review
pub mod trends; // volume per five minutes per channel, rising terms
pub mod uploaded; // scenarios trainers upload: checked, stored, built on any node

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

pub use clock::{Control, DrillClock, DrillState};

use super::shipped::{Builtin, DRILL};
use super::{App, SearchOutcome, SearchParams};
use crate::catalog::scenarios::{self as scenarios, Inject, Offset, Release, Scenario};
use crate::error::{Error, Result};
use crate::store::drills::{ClockColumns, DrillRow};

/// Corpus names that start with this are drills' streams: kept from imports, and searched only
/// through a drill (which hides what has not been released yet).
pub const CORPUS_PREFIX: &str = "drill-";

/// The corpus holding a scenario's stream.
pub fn corpus_of(scenario_id: &str) -> String {
    format!("{CORPUS_PREFIX}{scenario_id}")
}

/// A scenario ready to play: checked, with its stream laid out once.
#[derive(Debug)]
pub struct Playable {
    pub scenario: Scenario,
    /// Every post it releases, in time order.
    pub stream: Vec<Release>,
    /// The terms each post of `stream` can trend with (`trends::terms_of`), worked out once so
    /// that every player's live trends are a count, not a re-reading of the stream.
    pub terms: Vec<Vec<String>>,
    /// `None` for a shipped scenario; who uploaded it, when, and its file's hash otherwise.
    pub uploaded: Option<Uploaded>,
}

/// Where an uploaded scenario came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Uploaded {
    /// `trainer` or `local`.
    pub by: String,
    /// RFC 3339.
    pub at: String,
    /// SHA-256 of the file, hex.
    pub hash: String,
    pub file_name: String,
}

impl Playable {
    fn new(scenario: Scenario) -> Self {
        Self::with_origin(scenario, None)
    }

    fn with_origin(scenario: Scenario, uploaded: Option<Uploaded>) -> Self {
        let stream = scenario.stream();
        let terms = stream.iter().map(|r| trends::terms_of(&r.post)).collect();
        Playable {
            scenario,
            stream,
            terms,
            uploaded,
        }
    }

    /// What this scenario's content is known by in a process's memory: its id, and for an
    /// uploaded one its file's hash (a shipped one cannot change while the process runs).
    pub fn content_key(&self) -> String {
        match &self.uploaded {
            Some(u) => format!("{}#{}", self.scenario.id, u.hash),
            None => self.scenario.id.clone(),
        }
    }

    /// The stream as documents of the index, dated in the drill's simulated time.
    fn documents(&self) -> Vec<crate::ingest::Document> {
        self.stream
            .iter()
            .map(|r| r.document(self.scenario.start))
            .collect()
    }
}

/// The shipped scenarios, checked and laid out once per process (the uploaded ones too:
/// `App::playable_scenarios`).
pub fn playable() -> &'static [Arc<Playable>] {
    static SHIPPED: OnceLock<Vec<Arc<Playable>>> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let loaded = scenarios::shipped();
        for p in &loaded.problems {
            tracing::error!("shipped scenario not playable: {p}");
        }
        loaded
            .scenarios
            .into_iter()
            .map(|s| Arc::new(Playable::new(s)))
            .collect()
    })
}

/// A shipped scenario by id.
pub fn playable_scenario(id: &str) -> Option<Arc<Playable>> {
    playable().iter().find(|p| p.scenario.id == id).cloned()
}

/// The built-in corpus named `name`, when it is a shipped or uploaded scenario's stream.
pub(super) async fn stream_corpus(app: &App, name: &str) -> Result<Option<Builtin>> {
    uploaded::stream_corpus(app, name).await
}

fn builtin(p: &Playable) -> Builtin {
    let documents = p.documents();
    // The stream is generated from the file: its hash is the documents', as the index gets them.
    let hash = {
        let json: Vec<String> = documents
            .iter()
            .map(|d| serde_json::to_string(d).unwrap_or_default())
            .collect();
        crate::catalog::corpora::content_hash(&json.join("\n"))
    };
    Builtin {
        name: corpus_of(&p.scenario.id),
        title: format!("Drill: {}", p.scenario.title),
        description: format!(
            "The simulated stream of the drill scenario {:?}, released as its clock runs.",
            p.scenario.id
        ),
        origin: DRILL,
        hash,
        documents,
        problems: Vec::new(),
    }
}

/// A drill, read at one moment: its record, its scenario and its clock.
#[derive(Debug, Clone)]
pub struct Drill {
    pub id: String,
    pub title: String,
    pub class_id: Option<String>,
    pub created_at: String,
    pub playable: Arc<Playable>,
    pub clock: DrillClock,
    /// The wall time (the app's clock) the drill was read at.
    pub read_at: DateTime<Utc>,
    version: i64,
}

/// A drill's figures for pages and JSON.
#[derive(Debug, Clone, Serialize)]
pub struct DrillStatus {
    pub id: String,
    pub scenario: String,
    pub title: String,
    pub state: DrillState,
    pub speed: f64,
    /// Where the clock stands (`T+00:12`), and in milliseconds.
    pub at: String,
    pub at_ms: i64,
    pub end: String,
    /// The simulated date and time the clock stands at.
    pub simulated: String,
    pub released_posts: usize,
    pub next_inject: Option<String>,
}

impl Drill {
    pub fn scenario(&self) -> &Scenario {
        &self.playable.scenario
    }

    /// Where the clock stood when the drill was read.
    pub fn at(&self) -> Offset {
        self.clock.offset_at(self.read_at)
    }

    pub fn at_ms(&self) -> i64 {
        self.clock.ms_at(self.read_at)
    }

    pub fn state(&self) -> DrillState {
        self.clock.state_at(self.read_at)
    }

    /// The simulated date and time of a moment of the drill.
    pub fn simulated(&self, at: Offset) -> DateTime<Utc> {
        self.scenario().start + chrono::Duration::seconds(i64::from(at.0))
    }

    /// The posts released by `at`, in time order.
    pub fn released_by(&self, at: Offset) -> &[Release] {
        let stream = &self.playable.stream;
        &stream[..stream.partition_point(|r| r.at <= at)]
    }

    /// The posts released by now.
    pub fn released(&self) -> &[Release] {
        self.released_by(self.at())
    }

    /// The injects whose moment has come, in time order.
    pub fn injects_released(&self) -> impl Iterator<Item = &Inject> {
        let at = self.at();
        self.scenario().injects.iter().filter(move |i| i.at <= at)
    }

    /// The first inject after now.
    pub fn next_inject(&self) -> Option<&Inject> {
        let at = self.at();
        self.scenario().injects.iter().find(|i| i.at > at)
    }

    pub fn status(&self) -> DrillStatus {
        let at = self.at();
        DrillStatus {
            id: self.id.clone(),
            scenario: self.scenario().id.clone(),
            title: self.title.clone(),
            state: self.state(),
            speed: self.clock.speed,
            at: at.to_string(),
            at_ms: self.at_ms(),
            end: self.scenario().end().to_string(),
            simulated: self
                .simulated(at)
                .to_rfc3339_opts(SecondsFormat::Secs, true),
            released_posts: self.released().len(),
            next_inject: self.next_inject().map(|i| format!("{} at {}", i.id, i.at)),
        }
    }
}

/// What the trainer asks of a drill's clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DrillControl {
    Start,
    Pause,
    Speed(f64),
    /// To the next inject's moment (or the end when none is left).
    NextInject,
    End,
}

fn columns(clock: &DrillClock) -> ClockColumns {
    ClockColumns {
        state: clock.state.id().to_string(),
        speed: clock.speed,
        anchor_ms: clock.anchor_ms,
        anchor_at: crate::store::stamp(clock.anchor_at),
    }
}

fn clock_of(row: &DrillRow, end: Offset) -> Result<DrillClock> {
    let bad = |what: &str| {
        Error::internal(anyhow::anyhow!(
            "drill {} has a {what} the clock cannot read",
            row.id
        ))
    };
    Ok(DrillClock {
        state: DrillState::parse(&row.state).ok_or_else(|| bad("state"))?,
        speed: row.speed,
        anchor_ms: row.anchor_ms,
        anchor_at: DateTime::parse_from_rfc3339(&row.anchor_at)
            .map_err(|_| bad("time"))?
            .with_timezone(&Utc),
        end_ms: i64::from(end.0) * 1000,
    })
}

impl App {
    /// Makes a drill of a shipped or uploaded scenario, ready to start, for a class (or, with
    /// `None`, for the self-learner). Loads the scenario's stream into the index first if it is
    /// not there.
    pub async fn create_drill(&self, scenario_id: &str, class_id: Option<&str>) -> Result<Drill> {
        let Some(playable) = self.playable_of(scenario_id).await? else {
            let known: Vec<String> = self
                .playable_scenarios()
                .await?
                .iter()
                .map(|p| p.scenario.id.clone())
                .collect();
            return Err(Error::not_found(format!(
                "no drill scenario {scenario_id:?}; the scenarios are: {}",
                known.join(", ")
            )));
        };
        self.ensure_stream(&playable).await?;
        let now = self.now();
        let clock = DrillClock::new(now, playable.scenario.end());
        let row = self
            .store
            .create_drill(
                scenario_id,
                class_id,
                &playable.scenario.title,
                &columns(&clock),
            )
            .await?;
        // An uploaded file replaced on another node between the read above and the drill's
        // row: the drill plays what is stored now (no replacing once the row is there), so its
        // stream is loaded from that.
        if playable.uploaded.is_some()
            && let Some(now_stored) = self.playable_of(scenario_id).await?
            && now_stored.content_key() != playable.content_key()
        {
            self.ensure_stream(&now_stored).await?;
        }
        self.drill_of(row, now).await
    }

    /// Loads a scenario's stream into the index and the database where it is missing.
    async fn ensure_stream(&self, playable: &Playable) -> Result<()> {
        let corpus = builtin(playable);
        super::shipped::ensure(self, corpus).await.map(drop)
    }

    async fn drill_of(&self, row: DrillRow, now: DateTime<Utc>) -> Result<Drill> {
        let playable = self.playable_of(&row.scenario_id).await?.ok_or_else(|| {
            Error::not_found(format!(
                "the drill {} plays the scenario {:?}, which this version of Sandpit does not have",
                row.id, row.scenario_id
            ))
        })?;
        drill_with(row, playable, now)
    }

    /// A drill as it stands now.
    pub async fn drill(&self, id: &str) -> Result<Drill> {
        let row = self
            .store
            .drill(id)
            .await?
            .ok_or_else(|| Error::not_found(format!("no drill {id:?}")))?;
        self.drill_of(row, self.now()).await
    }

    /// The drills of a class (`None`: the self-learner's), newest first, as they stand now.
    pub async fn drills(&self, class_id: Option<&str>) -> Result<Vec<Drill>> {
        let now = self.now();
        let mut out = Vec::new();
        for row in self.store.drills_of(class_id).await? {
            // A drill whose scenario this node cannot play (another version's) is left out.
            if let Some(playable) = self.playable_of(&row.scenario_id).await.ok().flatten() {
                out.push(drill_with(row, playable, now)?);
            }
        }
        Ok(out)
    }

    /// Applies the trainer's control to a drill's clock and returns the drill after it. Two
    /// controls at once (two trainers, two nodes) apply one after the other: each is applied to
    /// the clock as the other left it, or refused if it no longer makes sense.
    pub async fn control_drill(&self, id: &str, control: DrillControl) -> Result<Drill> {
        for _ in 0..5 {
            let drill = self.drill(id).await?;
            let now = drill.read_at;
            let change = match control {
                DrillControl::Start => Control::Start,
                DrillControl::Pause => Control::Pause,
                DrillControl::Speed(s) => Control::Speed(s),
                DrillControl::End => Control::End,
                DrillControl::NextInject => Control::JumpTo(
                    drill
                        .next_inject()
                        .map_or(drill.scenario().end(), |inject| inject.at),
                ),
            };
            let next = drill.clock.apply(change, now).map_err(Error::invalid)?;
            if self
                .store
                .update_drill_clock(id, drill.version, &columns(&next), change.action())
                .await?
            {
                return self.drill(id).await;
            }
        }
        Err(Error::Busy(
            "the drill's clock is being changed from elsewhere; try again".into(),
        ))
    }

    /// A search of the drill's stream as it stands: only the posts released by now.
    pub async fn drill_search(&self, drill: &Drill, params: DrillSearch) -> Result<SearchOutcome> {
        let corpus = corpus_of(&drill.scenario().id);
        // The stream is loaded when the drill is made; a node that has not caught up yet loads
        // it now rather than answer with nothing.
        if !self.index.has_documents(&corpus)? {
            self.ensure_stream(&drill.playable).await?;
        }
        let from = drill.scenario().start.timestamp();
        let until = drill.simulated(drill.at()).timestamp() + 1;
        self.window_search(
            SearchParams {
                corpus,
                query: params.query,
                order: params.order,
                limit: params.limit,
                offset: params.offset,
                facets: params.facets,
            },
            from,
            until,
        )
        .await
    }
}

/// A drill of its row and its scenario, read at `now`.
fn drill_with(row: DrillRow, playable: Arc<Playable>, now: DateTime<Utc>) -> Result<Drill> {
    Ok(Drill {
        clock: clock_of(&row, playable.scenario.end())?,
        id: row.id,
        title: row.title,
        class_id: row.class_id,
        created_at: row.created_at,
        playable,
        read_at: now,
        version: row.version,
    })
}

/// A search of a drill's stream.
#[derive(Debug, Clone)]
pub struct DrillSearch {
    pub query: String,
    pub order: crate::index::search::SortOrder,
    pub limit: usize,
    pub offset: usize,
    pub facets: bool,
}
