//! What the trainer sees of a class's work: figures for the board, standings, attempts per
//! trainee, grading errors and the export. Everything is counted in SQL so the board, which
//! refreshes through the class, stays cheap.

use serde::Serialize;

use crate::error::Result;
use crate::store::Store;
use crate::store::attempts::Attempt;

/// Figures of one exercise in a class, straight from SQL so the board stays cheap.
#[derive(Debug, Clone, Default, sqlx::FromRow, Serialize)]
pub struct ExerciseFigures {
    pub exercise_id: String,
    pub attempts: i64,
    pub trainees: i64,
    pub passed: i64,
}

/// One trainee's standing on one exercise of a class.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TraineeStanding {
    pub trainee_id: String,
    pub name: String,
    pub exercise_id: String,
    pub attempts: i64,
    pub best: Option<f64>,
    pub passed: bool,
    pub first_at: String,
    pub last_at: String,
    /// Hints of the exercise opened so far.
    pub hints: i64,
    /// The fewest hints opened at a passing attempt (None: not passed).
    pub hints_at_pass: Option<i64>,
}

/// An attempt with its author, for the trainer.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ClassAttempt {
    pub id: String,
    pub trainee_id: String,
    pub name: String,
    pub exercise_id: String,
    pub answer: String,
    pub created_at: String,
    pub score: Option<f64>,
    pub passed: Option<bool>,
    pub result: Option<String>,
    /// Hints of the exercise opened when it was made.
    pub hints_used: i64,
}

impl Store {
    /// Attempts, trainees who tried and trainees who passed, per exercise of a class.
    pub async fn class_figures(&self, class_id: &str) -> Result<Vec<ExerciseFigures>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ExerciseFigures>(
                "SELECT a.exercise_id, COUNT(*) AS attempts, COUNT(DISTINCT a.learner) AS trainees,
                    COUNT(DISTINCT CASE WHEN a.passed THEN a.learner END) AS passed
             FROM attempts a JOIN trainees t ON t.id = a.learner
             WHERE t.class_id = $1 GROUP BY a.exercise_id",
            )
            .bind(class_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Each trainee's standing on each exercise they tried.
    pub async fn class_standings(&self, class_id: &str) -> Result<Vec<TraineeStanding>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, TraineeStanding>(
                "SELECT t.id AS trainee_id, t.name, a.exercise_id, COUNT(*) AS attempts,
                    MAX(a.score) AS best,
                    COALESCE(MAX(CASE WHEN a.passed THEN 1 ELSE 0 END), 0) = 1 AS passed,
                    MIN(a.created_at) AS first_at, MAX(a.created_at) AS last_at,
                    COALESCE(MAX(s.hints_shown), 0) AS hints,
                    MIN(CASE WHEN a.passed THEN a.hints_used END) AS hints_at_pass
             FROM attempts a JOIN trainees t ON t.id = a.learner
             LEFT JOIN exercise_state s ON s.learner = a.learner AND s.exercise_id = a.exercise_id
             WHERE t.class_id = $1
             GROUP BY t.id, t.name, a.exercise_id
             ORDER BY t.joined_at, t.id, a.exercise_id",
            )
            .bind(class_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// One attempt per trainee at an exercise: the best graded one (`best`), or the latest.
    /// Window functions keep this one query on SQLite and PostgreSQL alike.
    pub async fn class_attempts_per_trainee(
        &self,
        class_id: &str,
        exercise_id: &str,
        best: bool,
    ) -> Result<Vec<ClassAttempt>> {
        on_db!(self, |read, write| {
            // Two literal queries rather than one formatted string: sqlx takes only audited SQL.
            macro_rules! per_trainee {
            ($order:literal) => {
                concat!(
                    "SELECT id, trainee_id, name, exercise_id, answer, created_at, score, passed, result, hints_used FROM (
                       SELECT a.id, t.id AS trainee_id, t.name, a.exercise_id, a.answer, a.created_at,
                              a.score, a.passed, a.result, a.hints_used,
                              ROW_NUMBER() OVER (PARTITION BY a.learner ORDER BY ",
                    $order,
                    ") AS rank_in_trainee
                       FROM attempts a JOIN trainees t ON t.id = a.learner
                       WHERE t.class_id = $1 AND a.exercise_id = $2
                     ) ranked WHERE rank_in_trainee = 1
                     ORDER BY CASE WHEN score IS NULL THEN 1 ELSE 0 END, score DESC, created_at"
                )
            };
        }
            let sql = if best {
                per_trainee!(
                    "CASE WHEN a.score IS NULL THEN 1 ELSE 0 END, a.score DESC, a.created_at DESC, a.id"
                )
            } else {
                per_trainee!("a.created_at DESC, a.id DESC")
            };
            Ok(sqlx::query_as::<_, ClassAttempt>(sql)
                .bind(class_id)
                .bind(exercise_id)
                .fetch_all(read)
                .await?)
        })
    }

    /// Grading errors (queries that do not parse…) at an exercise, most frequent first, with
    /// how many trainees made each.
    pub async fn class_grading_errors(
        &self,
        class_id: &str,
        exercise_id: &str,
    ) -> Result<Vec<(String, i64)>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, (String, i64)>(
            "SELECT a.result, COUNT(DISTINCT a.learner) AS trainees
             FROM attempts a JOIN trainees t ON t.id = a.learner
             WHERE t.class_id = $1 AND a.exercise_id = $2 AND a.score IS NULL AND a.result IS NOT NULL
             GROUP BY a.result ORDER BY trainees DESC, a.result LIMIT 10",
        )
        .bind(class_id)
        .bind(exercise_id)
        .fetch_all(read)
        .await?)
        })
    }

    /// Every attempt of a class, for the export, in the order made.
    pub async fn class_attempts(&self, class_id: &str) -> Result<Vec<ClassAttempt>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ClassAttempt>(
                "SELECT a.id, t.id AS trainee_id, t.name, a.exercise_id, a.answer, a.created_at,
                    a.score, a.passed, NULL AS result, a.hints_used
             FROM attempts a JOIN trainees t ON t.id = a.learner
             WHERE t.class_id = $1 ORDER BY a.created_at, a.id",
            )
            .bind(class_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// The trainee's own attempt, or None (also when it is someone else's).
    pub async fn attempt_of(&self, learner: &str, attempt_id: &str) -> Result<Option<Attempt>> {
        Ok(self
            .attempt(attempt_id)
            .await?
            .filter(|a| a.learner == learner))
    }
}
