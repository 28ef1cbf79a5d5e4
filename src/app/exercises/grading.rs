//! Submitting and grading (docs/design.md, "Module map"): an attempt is stored before it is
//! graded, and grading a monitoring answer runs on the index through `App::on_index`.

use std::collections::HashSet;

use super::{Answer, Recorded, Submitted, Ungraded, is_submission_key, recorded, rewrite_packs};
use crate::app::{App, Learner};
use crate::catalog::exercises::{Exercise, Task};
use crate::error::{Error, Result};
use crate::grade::{self, Grade};
use crate::ingest::Document;
use crate::store::attempts::Attempt;

impl App {
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
                    .insert_attempt_once(&learner.id, exercise_id, kind, &stored, key, self.now())
                    .await?
            }
            None => (
                self.store
                    .insert_attempt(&learner.id, exercise_id, kind, &stored, self.now())
                    .await?,
                true,
            ),
        };
        let grade = if fresh {
            self.grade_and_record(learner, &exercise, &attempt_id, &answer)
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

    /// Practice that comes back and mastery per skill (`app/spaced.rs`) after an attempt is
    /// graded, whenever that is (on submitting, on reading feedback of an attempt a stop left
    /// ungraded, at start-up). A failure here is logged, not returned: the attempt and its grade
    /// are stored, and the learner is owed their feedback.
    async fn after_graded(
        &self,
        learner: &Learner,
        exercise: &Exercise,
        attempt_id: &str,
        passed: bool,
    ) {
        if !crate::app::spaced::practises(learner) {
            return;
        }
        let done = async {
            let hints = self
                .store
                .attempt(attempt_id)
                .await?
                .map_or(0, |a| a.hints_used);
            self.record_practice_attempt(learner, exercise, passed, hints)
                .await
        };
        if let Err(e) = done.await {
            tracing::error!("practice after attempt {attempt_id}: {e:#}");
        }
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
                let learner = self.learner_of(&attempt.learner).await?;
                self.grade_and_record(&learner, exercise, &attempt.id, &answer)
                    .await
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
            let learner = self.learner_of(&attempt.learner).await?;
            let _outcome = self
                .grade_and_record(&learner, &exercise, &attempt.id, &answer)
                .await?;
            graded += 1;
        }
        Ok(graded)
    }

    /// Who made a stored attempt, as far as grading needs to know: a trainee of a class, the
    /// trainer, or a learner on their own (the self-learner, a programme's learner).
    async fn learner_of(&self, id: &str) -> Result<Learner> {
        if id == Learner::trainer().id {
            return Ok(Learner::trainer());
        }
        Ok(match self.store.trainee(id).await? {
            Some(t) => Learner {
                id: t.id,
                name: t.name,
                class_id: Some(t.class_id),
            },
            None => Learner {
                id: id.to_string(),
                name: String::new(),
                class_id: None,
            },
        })
    }

    /// Grades a stored attempt and records the grade, or why it could not be graded; a grade
    /// moves the learner's practice on.
    async fn grade_and_record(
        &self,
        learner: &Learner,
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
                self.after_graded(learner, exercise, attempt_id, g.passed())
                    .await;
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

    /// Every id in a corpus.
    pub(super) async fn matching_ids_all(&self, corpus: &str) -> Result<HashSet<String>> {
        let corpus = corpus.to_string();
        self.on_index(move |index| index.all_ids(&corpus).map(|v| v.into_iter().collect()))
            .await
    }
}
