//! Exercises in the application: the catalog, submitting an attempt (stored before it is
//! graded), grading against the index, and validating exercises against the corpora.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{App, Learner};
use crate::catalog::exercises::{self, Catalog, Exercise, Label, Sorting, Task};
use crate::config::Config;
use crate::error::{Error, Problem, Result};
use crate::grade::{self, Grade};
use crate::ingest::Document;
use crate::store::attempts::Attempt;

/// A learner's answer to an exercise.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A monitoring query.
    Text(String),
    /// A post, for one of the exercise's platforms (None: checked against all of them).
    Post {
        platform: Option<String>,
        text: String,
    },
    /// One post a platform for a rewrite (platform id → text), stored as
    /// `{"posts":{"facebook":"…","x":"…"}}`.
    Posts { posts: BTreeMap<String, String> },
    /// Triage labels (and routes) by document id.
    Labels(Sorting),
}

impl Answer {
    /// The answer of a stored attempt at `exercise`, as submitted.
    pub fn from_stored(exercise: &Exercise, stored: &str) -> Answer {
        match exercise.task {
            // attempts stored before routes were a bare map of labels
            Task::Triage(_) => Answer::Labels(
                serde_json::from_str::<Sorting>(stored)
                    .or_else(|_| {
                        serde_json::from_str::<HashMap<String, Label>>(stored).map(|labels| {
                            Sorting {
                                labels,
                                routes: HashMap::new(),
                            }
                        })
                    })
                    .unwrap_or_default(),
            ),
            // Attempts made before one post a platform are single posts, `{"platform","text"}`
            // or the bare text: they read back as they were made, and grade as they were.
            Task::Rewrite(_) => serde_json::from_str::<Answer>(stored)
                .ok()
                .filter(|a| matches!(a, Answer::Post { .. } | Answer::Posts { .. }))
                .unwrap_or_else(|| Answer::Post {
                    platform: None,
                    text: stored.to_string(),
                }),
            Task::Monitor(_) => Answer::Text(stored.to_string()),
        }
    }

    /// How the answer is stored: the text itself, or the labels as JSON.
    pub fn stored(&self) -> String {
        match self {
            Answer::Text(text) => text.clone(),
            Answer::Post { .. } | Answer::Posts { .. } => {
                serde_json::to_string(self).unwrap_or_default()
            }
            Answer::Labels(labels) => serde_json::to_string(labels).unwrap_or_default(),
        }
    }
}

/// An attempt as stored and graded.
#[derive(Debug, Clone, Serialize)]
pub struct Submitted {
    pub attempt_id: String,
    /// The grade, or why it could not be graded (e.g. the query does not parse).
    pub grade: std::result::Result<Grade, Ungraded>,
}

/// Why an attempt could not be graded: stored as the attempt's result, shown as its feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ungraded {
    /// E.g. "column 7: this bracket is never closed".
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl std::fmt::Display for Ungraded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.error)?;
        match &self.hint {
            Some(hint) => write!(f, " Hint: {hint}"),
            None => Ok(()),
        }
    }
}

/// What an attempt's stored result says, read back.
pub enum Recorded {
    Graded(Grade),
    Failed(Ungraded),
    /// Never graded (the server stopped between storing and grading), or recorded in a shape
    /// this version does not read.
    Missing,
}

/// A fresh key for one rendered answer form: 24 random hexadecimal digits.
pub fn submission_key() -> String {
    crate::store::new_id()
}

/// Whether a form's submission key is one `submission_key` could have made.
fn is_submission_key(key: &str) -> bool {
    key.len() == 24 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

pub fn recorded(result: Option<&str>) -> Recorded {
    let Some(json) = result else {
        return Recorded::Missing;
    };
    if let Ok(g) = serde_json::from_str::<Grade>(json) {
        return Recorded::Graded(g);
    }
    match serde_json::from_str::<Ungraded>(json) {
        Ok(u) => Recorded::Failed(u),
        Err(_) => Recorded::Missing,
    }
}

/// The rule packs of a rewrite exercise, loaded.
fn rewrite_packs(
    task: &exercises::Rewrite,
) -> Result<Vec<std::borrow::Cow<'static, crate::compose::RulePack>>> {
    task.rules
        .iter()
        .map(|name| crate::compose::packs::load_shared(name))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::invalid(e.to_string()))
}

/// Shipped exercises plus those of `--exercises DIR`.
pub fn load_catalog(config: &Config) -> Catalog {
    let mut catalog = exercises::shipped();
    if let Some(dir) = &config.exercises_dir {
        catalog.merge(exercises::from_path(dir));
    }
    for p in &catalog.problems {
        tracing::warn!("exercise not loaded: {p}");
    }
    catalog
}

impl App {
    /// The current catalog.
    pub fn catalog(&self) -> Arc<Catalog> {
        match self.catalog.read() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Adds exercises (e.g. a trainer's upload) to the catalog.
    pub fn add_exercises(&self, extra: Catalog) {
        let mut guard = match self.catalog.write() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut next = (**guard).clone();
        next.merge(extra);
        *guard = Arc::new(next);
    }

    pub fn exercise(&self, id: &str) -> Result<Exercise> {
        self.catalog()
            .get(id)
            .cloned()
            .ok_or_else(|| Error::not_found(format!("no exercise with id {id:?}")))
    }

    /// Stores the attempt, then grades it and stores the grade. A grading failure is stored
    /// with the attempt and returned as its message; the attempt is never lost.
    /// The class's rules come first: an exercise outside the learner's class, or one the
    /// trainer has locked, takes no attempt.
    pub async fn submit(
        &self,
        learner: &Learner,
        exercise_id: &str,
        answer: Answer,
    ) -> Result<Submitted> {
        self.submit_once(learner, exercise_id, answer, None).await
    }

    /// As `submit`, for an answer sent from a form carrying `key` (the exercise page's
    /// submission key, see `submission_key`): the same form sent again with the same answer (a
    /// retry after a dropped connection, perhaps to another node) stores nothing new and gets
    /// the first attempt and its grade back. A key that is not one Sandpit makes is ignored:
    /// the attempt is stored as any other.
    pub async fn submit_once(
        &self,
        learner: &Learner,
        exercise_id: &str,
        answer: Answer,
        key: Option<&str>,
    ) -> Result<Submitted> {
        let exercise = self.exercise(exercise_id)?;
        self.check_may_attempt(learner, exercise_id).await?;
        let stored = answer.stored();
        let kind = exercise.kind.name();
        let (attempt_id, fresh) = match key.filter(|k| is_submission_key(k)) {
            Some(key) => {
                self.store
                    .insert_attempt_once(&learner.id, exercise_id, kind, &stored, key)
                    .await?
            }
            None => (
                self.store
                    .insert_attempt(&learner.id, exercise_id, kind, &stored)
                    .await?,
                true,
            ),
        };
        let grade = if fresh {
            self.grade_and_record(&exercise, &attempt_id, &answer)
                .await?
        } else {
            let first =
                self.store.attempt(&attempt_id).await?.ok_or_else(|| {
                    Error::internal(anyhow::anyhow!("attempt {attempt_id} vanished"))
                })?;
            self.feedback(&exercise, &first).await?
        };
        Ok(Submitted { attempt_id, grade })
    }

    /// The feedback on a stored attempt: the grade recorded when it was submitted. An attempt
    /// that was never graded, or whose grade this version cannot read, is graded now and the
    /// grade recorded.
    pub async fn feedback(
        &self,
        exercise: &Exercise,
        attempt: &Attempt,
    ) -> Result<std::result::Result<Grade, Ungraded>> {
        match recorded(attempt.result.as_deref()) {
            Recorded::Graded(g) => Ok(Ok(g)),
            Recorded::Failed(u) => Ok(Err(u)),
            Recorded::Missing => {
                let answer = Answer::from_stored(exercise, &attempt.answer);
                self.grade_and_record(exercise, &attempt.id, &answer).await
            }
        }
    }

    /// Grades every stored attempt that has no grade yet (cut off by a stop between storing and
    /// grading). Run at start-up; returns how many were graded.
    pub async fn grade_ungraded(&self) -> Result<usize> {
        let mut graded = 0;
        for attempt in self.store.ungraded_attempts().await? {
            // An exercise no longer in the catalog cannot be graded; the attempt stays as it is.
            let Ok(exercise) = self.exercise(&attempt.exercise_id) else {
                continue;
            };
            let answer = Answer::from_stored(&exercise, &attempt.answer);
            let _outcome = self
                .grade_and_record(&exercise, &attempt.id, &answer)
                .await?;
            graded += 1;
        }
        Ok(graded)
    }

    /// Grades a stored attempt and records the grade, or why it could not be graded.
    async fn grade_and_record(
        &self,
        exercise: &Exercise,
        attempt_id: &str,
        answer: &Answer,
    ) -> Result<std::result::Result<Grade, Ungraded>> {
        match self.grade(exercise, answer).await {
            Ok(g) => {
                let json = serde_json::to_string(&g).map_err(Error::internal)?;
                self.store
                    .record_grade(attempt_id, Some(g.score()), Some(g.passed()), &json)
                    .await?;
                Ok(Ok(g))
            }
            Err(e) => {
                let ungraded = match &e {
                    Error::Query(q) => Ungraded {
                        error: format!("column {}: {}", q.column, q.message),
                        hint: q.hint.clone(),
                    },
                    Error::Internal(_) => {
                        tracing::error!("grading attempt {attempt_id} failed: {e:#}");
                        Ungraded {
                            error: "Sandpit could not grade this attempt; it is saved. Tell the trainer."
                                .into(),
                            hint: None,
                        }
                    }
                    other => Ungraded {
                        error: other.to_string(),
                        hint: None,
                    },
                };
                let json = serde_json::to_string(&ungraded).map_err(Error::internal)?;
                self.store
                    .record_grade(attempt_id, None, None, &json)
                    .await?;
                if let Error::Internal(_) = e {
                    return Err(e);
                }
                Ok(Err(ungraded))
            }
        }
    }

    /// Grades an answer without storing it.
    pub async fn grade(&self, exercise: &Exercise, answer: &Answer) -> Result<Grade> {
        match (&exercise.task, answer) {
            (Task::Monitor(task), Answer::Text(query)) => self
                .grade_monitor(
                    &task.corpus,
                    &task.relevant,
                    &task.model_query,
                    task.pass_mark,
                    query,
                )
                .await
                .map(Grade::Monitor),
            (Task::Rewrite(task), Answer::Post { platform, text }) => {
                let packs = rewrite_packs(task)?;
                Ok(Grade::Rewrite(grade::rewrite::grade(
                    task,
                    &packs,
                    text,
                    platform.as_deref(),
                )))
            }
            (Task::Rewrite(task), Answer::Posts { posts }) => {
                let packs = rewrite_packs(task)?;
                Ok(Grade::Posts(grade::posts::grade(task, &packs, posts)))
            }
            (Task::Triage(task), Answer::Labels(labels)) => {
                Ok(Grade::Triage(grade::triage::grade(task, labels)))
            }
            _ => Err(Error::invalid(format!(
                "this answer does not fit a {} exercise",
                exercise.kind.name()
            ))),
        }
    }

    async fn grade_monitor(
        &self,
        corpus: &str,
        relevant_in_order: &[String],
        model_query: &str,
        pass_mark: f64,
        query: &str,
    ) -> Result<grade::monitor::MonitorGrade> {
        self.require_corpus(corpus).await?;
        let parsed = crate::query::parse(query)?;
        let model = crate::query::parse(model_query).ok();
        let corpus = corpus.to_string();
        let relevant_in_order = relevant_in_order.to_vec();
        self.on_index(move |index| {
            let found_in_order = index.matching_ids(&corpus, &parsed)?;
            let found: HashSet<String> = found_in_order.iter().cloned().collect();
            let relevant: HashSet<String> = relevant_in_order.iter().cloned().collect();
            let clause_ids = parsed
                .clauses()
                .iter()
                .map(|c| {
                    index
                        .matching_ids(&corpus, &c.query)
                        .map(|ids| ids.into_iter().collect::<HashSet<String>>())
                })
                .collect::<Result<Vec<_>>>()?;
            let (missed, wrong) =
                grade::monitor::sample_ids(&relevant_in_order, &relevant, &found_in_order, &found);
            let fetch = |ids: Vec<String>| -> Result<Vec<Document>> {
                Ok(ids
                    .iter()
                    .map(|id| index.document(&corpus, id))
                    .collect::<Result<Vec<_>>>()?
                    .into_iter()
                    .flatten()
                    .collect())
            };
            Ok(grade::monitor::grade(
                grade::monitor::Evidence {
                    query: &parsed,
                    model: model.as_ref(),
                    relevant: &relevant,
                    found: &found,
                    clause_ids,
                    missed_docs: fetch(missed)?,
                    false_positive_docs: fetch(wrong)?,
                },
                pass_mark,
            ))
        })
        .await
    }

    /// Every problem with the exercises: those found on loading, those that need the corpora to
    /// see (unknown corpus, labelled ids not in the corpus, a model answer that fails its own
    /// exercise), and every test in the files (`[[tests]]`) that does not hold.
    pub async fn validate_exercises(&self, catalog: &Catalog) -> Result<Vec<Problem>> {
        Ok(self.check_exercises(catalog).await?.problems)
    }

    /// The names of the corpora loaded.
    pub(super) async fn corpus_names(&self) -> Result<HashSet<String>> {
        Ok(self
            .store
            .corpora()
            .await?
            .into_iter()
            .map(|c| c.name)
            .collect())
    }

    /// The loading problems and those that need the corpora to see.
    pub(super) async fn corpus_problems(&self, catalog: &Catalog) -> Result<Vec<Problem>> {
        let mut problems = catalog.problems.clone();
        let corpora = self.corpus_names().await?;
        for ex in &catalog.exercises {
            if let Some(corpus) = ex.corpus()
                && !corpora.contains(corpus)
            {
                problems.push(ex.problem("corpus", format!("unknown corpus {corpus:?}")));
                continue;
            }
            match &ex.task {
                Task::Monitor(m) => {
                    let ids: HashSet<String> = self.matching_ids_all(&m.corpus).await?;
                    let unknown: Vec<&String> =
                        m.relevant.iter().filter(|id| !ids.contains(*id)).collect();
                    if !unknown.is_empty() {
                        problems.push(ex.problem(
                            unknown[0],
                            format!(
                                "{} labelled id(s) are not in corpus {:?}: {}",
                                unknown.len(),
                                m.corpus,
                                join_some(&unknown)
                            ),
                        ));
                    }
                    match self.grade(ex, &Answer::Text(m.model_query.clone())).await {
                        Ok(g) if !g.passed() => problems.push(ex.problem(
                            "model_query",
                            format!(
                                "the model query scores F1 {:.2}, below the pass mark {:.2}",
                                g.score() / 100.0,
                                m.pass_mark
                            ),
                        )),
                        Ok(_) => {}
                        Err(e) => problems.push(ex.problem(
                            "model_query",
                            format!("the model query cannot be graded: {e}"),
                        )),
                    }
                }
                Task::Triage(t) => {
                    let ids: HashSet<String> = self.matching_ids_all(&t.corpus).await?;
                    for item in t.items.iter().filter(|i| !ids.contains(&i.id)) {
                        problems.push(ex.problem(
                            &format!("\"{}\"", item.id),
                            format!("document {:?} is not in corpus {:?}", item.id, t.corpus),
                        ));
                    }
                }
                Task::Rewrite(r) => {
                    if r.model_answers.is_empty() {
                        problems.push(ex.problem(
                            "[rewrite]",
                            "no model_answers: trainees need an example that passes",
                        ));
                    }
                    // One model answer a platform, in order: together they are the model set of
                    // posts, and must pass as the exercise page marks a set.
                    if r.model_answers.len() == r.platforms.len() && r.platforms.len() > 1 {
                        let posts = Answer::Posts {
                            posts: r
                                .platforms
                                .iter()
                                .cloned()
                                .zip(r.model_answers.iter().cloned())
                                .collect(),
                        };
                        match self.grade(ex, &posts).await {
                            Ok(Grade::Posts(g)) if !g.passed => {
                                let failing: Vec<String> = g
                                    .posts
                                    .iter()
                                    .filter(|p| !p.passed)
                                    .map(|p| format!("{} {:.0}", p.name, p.score))
                                    .collect();
                                problems.push(ex.problem(
                                    "model_answers",
                                    format!(
                                        "the model answers, one a platform in the order of `platforms`, do not pass together (pass mark {:.0}): {}",
                                        r.pass_mark,
                                        failing.join(", ")
                                    ),
                                ));
                            }
                            Ok(_) => {}
                            Err(e) => problems.push(ex.problem(
                                "model_answers",
                                format!("the model answers cannot be graded: {e}"),
                            )),
                        }
                    }
                    for answer in &r.model_answers {
                        // A model answer is written for one of the platforms: it must pass on one.
                        let mut best: Option<Grade> = None;
                        for platform in &r.platforms {
                            let post = Answer::Post {
                                platform: Some(platform.clone()),
                                text: answer.clone(),
                            };
                            match self.grade(ex, &post).await {
                                Ok(g)
                                    if best
                                        .as_ref()
                                        .is_none_or(|b| g.score() > b.score() || g.passed()) =>
                                {
                                    let passed = g.passed();
                                    best = Some(g);
                                    if passed {
                                        break;
                                    }
                                }
                                Ok(_) => {}
                                Err(e) => problems.push(ex.problem(
                                    "model_answers",
                                    format!("a model answer cannot be graded: {e}"),
                                )),
                            }
                        }
                        if let Some(g) = best.filter(|g| !g.passed()) {
                            problems.push(ex.problem(
                                answer.get(..answer.len().min(30)).unwrap_or(answer),
                                format!("a model answer fails its own exercise on every platform (best score {:.0}, pass mark {:.0})", g.score(), r.pass_mark),
                            ));
                        }
                    }
                }
            }
        }
        Ok(problems)
    }

    /// Every id in a corpus.
    async fn matching_ids_all(&self, corpus: &str) -> Result<HashSet<String>> {
        let corpus = corpus.to_string();
        self.on_index(move |index| index.all_ids(&corpus).map(|v| v.into_iter().collect()))
            .await
    }
}

/// Largest exercise file: exercises are short TOML.
const EXERCISE_FILE_MAX: usize = 1024 * 1024;

impl App {
    /// Adds a trainer's exercise file (uploaded in the browser) to the catalog when it is valid
    /// and its ids are new, and stores it so the next start loads it again. Returns the
    /// exercises added (id, title), or every problem with the file, said with its name.
    pub async fn add_exercise_file(
        &self,
        name: &str,
        bytes: Vec<u8>,
    ) -> Result<std::result::Result<Vec<(String, String)>, Vec<String>>> {
        if bytes.len() > EXERCISE_FILE_MAX {
            return Ok(Err(vec![format!(
                "{name}: larger than 1 MB; an exercise file is short TOML"
            )]));
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(Err(vec![format!(
                "{name}: not UTF-8 text; save it as UTF-8 and upload it again"
            )]));
        };
        let catalog = exercises::from_text(name, &text);
        let mut found = self.validate_exercises(&catalog).await?;
        let current = self.catalog();
        for ex in &catalog.exercises {
            if let Some(first) = current.get(&ex.id) {
                found.push(ex.problem(
                    "id",
                    format!(
                        "id {:?} is already used by {}; give this exercise another id",
                        ex.id, first.origin
                    ),
                ));
            }
        }
        if !found.is_empty() {
            return Ok(Err(found.iter().map(ToString::to_string).collect()));
        }
        let mut added = Vec::new();
        for ex in &catalog.exercises {
            self.store
                .save_uploaded_exercise(&ex.id, name, &text)
                .await?;
            added.push((ex.id.clone(), ex.title.clone()));
        }
        self.add_exercises(catalog);
        Ok(Ok(added))
    }

    /// Loads the exercise files trainers uploaded earlier into the catalog (called at start-up).
    pub async fn restore_uploaded_exercises(&self) -> Result<usize> {
        let mut n = 0;
        for u in self.store.uploaded_exercises().await? {
            let catalog = exercises::from_text(&u.file_name, &u.text);
            if catalog.get(&u.exercise_id).is_some() && self.catalog().get(&u.exercise_id).is_none()
            {
                n += 1;
                self.add_exercises(catalog);
            } else {
                tracing::warn!(
                    "uploaded exercise {} ({}) not loaded again",
                    u.exercise_id,
                    u.file_name
                );
            }
        }
        Ok(n)
    }
}

fn join_some(ids: &[&String]) -> String {
    let mut s: Vec<String> = ids.iter().take(5).map(|s| s.to_string()).collect();
    if ids.len() > 5 {
        s.push(format!("and {} more", ids.len() - 5));
    }
    s.join(", ")
}
