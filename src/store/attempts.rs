//! Attempts at exercises, and each learner's hints and reveals per exercise.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Store, new_id, now, stamp};
use crate::error::Result;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Attempt {
    pub id: String,
    pub learner: String,
    pub exercise_id: String,
    pub kind: String,
    pub answer: String,
    pub created_at: String,
    pub score: Option<f64>,
    pub passed: Option<bool>,
    pub result: Option<String>,
    pub graded_at: Option<String>,
    /// Hints of the exercise the learner had opened when making it.
    pub hints_used: i64,
}

#[derive(Debug, Clone, Default, sqlx::FromRow, Serialize)]
pub struct ExerciseState {
    pub hints_shown: i64,
    pub model_revealed: bool,
}

/// A learner's standing on one exercise.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Standing {
    pub exercise_id: String,
    pub attempts: i64,
    pub best: Option<f64>,
    pub passed: bool,
    /// The fewest hints opened at a passing attempt (None: not passed).
    pub hints_at_pass: Option<i64>,
}

impl Store {
    /// Stores an attempt before grading; returns its id. The hints the learner has opened are
    /// copied into it in the same statement, so the record cannot miss a hint opened just before.
    pub async fn insert_attempt(
        &self,
        learner: &str,
        exercise_id: &str,
        kind: &str,
        answer: &str,
        at: DateTime<Utc>,
    ) -> Result<String> {
        on_db!(self, |read, write| {
            let id = new_id();
            sqlx::query(
            "INSERT INTO attempts (id, learner, exercise_id, kind, answer, created_at, hints_used)
             VALUES ($1, $2, $3, $4, $5, $6, COALESCE((SELECT s.hints_shown FROM exercise_state s
                                                 WHERE s.learner = $7 AND s.exercise_id = $8), 0))",
        )
        .bind(&id)
        .bind(learner)
        .bind(exercise_id)
        .bind(kind)
        .bind(answer)
        .bind(stamp(at))
        .bind(learner)
        .bind(exercise_id)
        .execute(write)
        .await?;
            Ok(id)
        })
    }

    /// Stores an attempt sent from the form with `key` (see `insert_attempt`), once. When this
    /// learner's attempt at this exercise from the same form, with the same answer, is stored
    /// already (the form reached the server twice: a retry after a dropped connection), returns
    /// that attempt's id and false. Otherwise stores it and returns its id and true; a form sent
    /// again with another answer (kept by the browser's Back button, then edited) is a new
    /// attempt, stored without the key.
    pub async fn insert_attempt_once(
        &self,
        learner: &str,
        exercise_id: &str,
        kind: &str,
        answer: &str,
        key: &str,
        at: DateTime<Utc>,
    ) -> Result<(String, bool)> {
        let first: Option<(String, String)> = on_db!(self, |read, write| {
            let id = new_id();
            let stored = sqlx::query(
                "INSERT INTO attempts (id, learner, exercise_id, kind, answer, created_at, hints_used,
                                       submission_key)
                 VALUES ($1, $2, $3, $4, $5, $6, COALESCE((SELECT s.hints_shown FROM exercise_state s
                                                 WHERE s.learner = $7 AND s.exercise_id = $8), 0), $9)
                 ON CONFLICT (learner, exercise_id, submission_key) DO NOTHING",
            )
            .bind(&id)
            .bind(learner)
            .bind(exercise_id)
            .bind(kind)
            .bind(answer)
            .bind(stamp(at))
            .bind(learner)
            .bind(exercise_id)
            .bind(key)
            .execute(write)
            .await?
            .rows_affected();
            if stored == 1 {
                return Ok((id, true));
            }
            // The writer's connection, which has seen the row that stood in the way.
            sqlx::query_as(
                "SELECT id, answer FROM attempts
                 WHERE learner = $1 AND exercise_id = $2 AND submission_key = $3",
            )
            .bind(learner)
            .bind(exercise_id)
            .bind(key)
            .fetch_optional(write)
            .await?
        });
        match first {
            Some((id, first_answer)) if first_answer == answer => Ok((id, false)),
            _ => Ok((
                self.insert_attempt(learner, exercise_id, kind, answer, at)
                    .await?,
                true,
            )),
        }
    }

    /// Records the grade (or, with `score` None, the grading error) of an attempt.
    pub async fn record_grade(
        &self,
        attempt_id: &str,
        score: Option<f64>,
        passed: Option<bool>,
        result: &str,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
            "UPDATE attempts SET score = $1, passed = $2, result = $3, graded_at = $4 WHERE id = $5",
        )
        .bind(score)
        .bind(passed)
        .bind(result)
        .bind(now())
        .bind(attempt_id)
        .execute(write)
        .await?;
            Ok(())
        })
    }

    pub async fn attempt(&self, attempt_id: &str) -> Result<Option<Attempt>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as::<_, Attempt>("SELECT * FROM attempts WHERE id = $1")
                    .bind(attempt_id)
                    .fetch_optional(read)
                    .await?,
            )
        })
    }

    /// Attempts stored but never graded, oldest first.
    pub async fn ungraded_attempts(&self) -> Result<Vec<Attempt>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Attempt>(
                "SELECT * FROM attempts WHERE result IS NULL ORDER BY created_at, id",
            )
            .fetch_all(read)
            .await?)
        })
    }

    /// A learner's attempts, oldest first (all exercises when `exercise_id` is None).
    pub async fn attempts(&self, learner: &str, exercise_id: Option<&str>) -> Result<Vec<Attempt>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Attempt>(
                "SELECT * FROM attempts WHERE learner = $1 AND ($2 IS NULL OR exercise_id = $3)
             ORDER BY created_at, id",
            )
            .bind(learner)
            .bind(exercise_id)
            .bind(exercise_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Attempts, best score and pass per exercise for a learner.
    pub async fn standings(&self, learner: &str) -> Result<Vec<Standing>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Standing>(
                "SELECT exercise_id, COUNT(*) AS attempts, MAX(score) AS best,
                    COALESCE(MAX(CASE WHEN passed THEN 1 ELSE 0 END), 0) = 1 AS passed,
                    MIN(CASE WHEN passed THEN hints_used END) AS hints_at_pass
             FROM attempts WHERE learner = $1 GROUP BY exercise_id",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    pub async fn exercise_state(&self, learner: &str, exercise_id: &str) -> Result<ExerciseState> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ExerciseState>(
            "SELECT hints_shown, model_revealed FROM exercise_state WHERE learner = $1 AND exercise_id = $2",
        )
        .bind(learner)
        .bind(exercise_id)
        .fetch_optional(read)
        .await?
        .unwrap_or_default())
        })
    }

    /// Shows one more hint (up to `available`).
    pub async fn unlock_hint(
        &self,
        learner: &str,
        exercise_id: &str,
        available: usize,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
            "INSERT INTO exercise_state (learner, exercise_id, hints_shown) VALUES ($1, $2, CASE WHEN $3 > 0 THEN 1 ELSE 0 END)
             ON CONFLICT(learner, exercise_id) DO UPDATE SET
               hints_shown = CASE WHEN exercise_state.hints_shown < $4
                                  THEN exercise_state.hints_shown + 1
                                  ELSE exercise_state.hints_shown END",
        )
        .bind(learner)
        .bind(exercise_id)
        .bind(available as i64)
        .bind(available as i64)
        .execute(write)
        .await?;
            Ok(())
        })
    }

    pub async fn reveal_model(&self, learner: &str, exercise_id: &str) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
            "INSERT INTO exercise_state (learner, exercise_id, model_revealed) VALUES ($1, $2, TRUE)
             ON CONFLICT(learner, exercise_id) DO UPDATE SET model_revealed = TRUE",
        )
        .bind(learner)
        .bind(exercise_id)
        .execute(write)
        .await?;
            Ok(())
        })
    }
}
