//! Practice that comes back (programmes, issue 19): each learner's place on the ladder of each
//! trap (`practice_ladder`) and the graded attempts mastery per skill reads
//! (`practice_results`). The rules (the intervals, what moves a learner up) are in
//! `app/spaced.rs` and `app/skill_mastery.rs`; this module only keeps the rows. Times are
//! RFC 3339 strings by the app's clock, passed in.

use serde::Serialize;

use super::{Store, new_id};
use crate::error::Result;

/// A learner's place on one trap's ladder.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct LadderRow {
    pub trap: String,
    /// 0 to 3 (see `app::spaced`).
    pub rung: i64,
    /// RFC 3339: when a variant is due again.
    pub due_at: String,
    /// The exercise of the trap done last.
    pub last_exercise_id: String,
    pub updated_at: String,
}

/// One graded attempt, as mastery reads it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct PracticeResult {
    pub exercise_id: String,
    pub trap: String,
    pub passed: bool,
    pub hints: i64,
    /// Whether the trap was due (had come back) when the attempt was made.
    pub came_back: bool,
    /// RFC 3339, by the app's clock.
    pub at: String,
}

impl Store {
    /// Every trap `learner` has a place on, soonest due first.
    pub async fn practice_ladder(&self, learner: &str) -> Result<Vec<LadderRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, LadderRow>(
                "SELECT trap, rung, due_at, last_exercise_id, updated_at FROM practice_ladder
                 WHERE learner = $1 ORDER BY due_at, trap",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    /// `learner`'s place on the ladder of `trap`, if they have one.
    pub async fn practice_rung(&self, learner: &str, trap: &str) -> Result<Option<LadderRow>> {
        on_db!(self, |read, write| {
            // The writer's connection: the rung a grade is about to move must be the latest.
            Ok(sqlx::query_as::<_, LadderRow>(
                "SELECT trap, rung, due_at, last_exercise_id, updated_at FROM practice_ladder
                 WHERE learner = $1 AND trap = $2",
            )
            .bind(learner)
            .bind(trap)
            .fetch_optional(write)
            .await?)
        })
    }

    /// Records a graded attempt and the learner's new place on its trap's ladder, together.
    pub async fn record_practice(
        &self,
        learner: &str,
        result: &PracticeResult,
        ladder: &LadderRow,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            sqlx::query(
                "INSERT INTO practice_results
                   (id, learner, exercise_id, trap, passed, hints, came_back, at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(new_id())
            .bind(learner)
            .bind(&result.exercise_id)
            .bind(&result.trap)
            .bind(result.passed)
            .bind(result.hints)
            .bind(result.came_back)
            .bind(&result.at)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO practice_ladder
                   (learner, trap, rung, due_at, last_exercise_id, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (learner, trap) DO UPDATE SET
                   rung = excluded.rung, due_at = excluded.due_at,
                   last_exercise_id = excluded.last_exercise_id,
                   updated_at = excluded.updated_at",
            )
            .bind(learner)
            .bind(&ladder.trap)
            .bind(ladder.rung)
            .bind(&ladder.due_at)
            .bind(&ladder.last_exercise_id)
            .bind(&ladder.updated_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Every graded attempt of `learner` recorded for practice, oldest first.
    pub async fn practice_results(&self, learner: &str) -> Result<Vec<PracticeResult>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, PracticeResult>(
                "SELECT exercise_id, trap, passed, hints, came_back, at FROM practice_results
                 WHERE learner = $1 ORDER BY at, id",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::store::stamp;

    #[tokio::test]
    async fn a_result_and_its_ladder_are_kept_and_replaced() {
        let store = Store::in_memory().await.unwrap();
        let t0 = DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let result = |passed, at: DateTime<Utc>| PracticeResult {
            exercise_id: "storm-01-sandbags".into(),
            trap: "word-forms".into(),
            passed,
            hints: 1,
            came_back: !passed,
            at: stamp(at),
        };
        let ladder = |rung, due: DateTime<Utc>, ex: &str| LadderRow {
            trap: "word-forms".into(),
            rung,
            due_at: stamp(due),
            last_exercise_id: ex.into(),
            updated_at: stamp(t0),
        };
        let day = chrono::Duration::days(1);
        store
            .record_practice(
                "local",
                &result(true, t0),
                &ladder(1, t0 + day * 2, "storm-01-sandbags"),
            )
            .await
            .unwrap();
        store
            .record_practice(
                "local",
                &result(false, t0 + day * 2),
                &ladder(0, t0 + day * 3, "storm-06-volunteers"),
            )
            .await
            .unwrap();
        let rows = store.practice_ladder("local").await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].rung, 0);
        assert_eq!(rows[0].due_at, stamp(t0 + day * 3));
        assert_eq!(rows[0].last_exercise_id, "storm-06-volunteers");
        assert_eq!(
            store.practice_rung("local", "word-forms").await.unwrap(),
            Some(rows[0].clone())
        );
        assert_eq!(
            store.practice_rung("other", "word-forms").await.unwrap(),
            None
        );
        let results = store.practice_results("local").await.unwrap();
        assert_eq!(
            results
                .iter()
                .map(|r| (r.passed, r.hints, r.came_back))
                .collect::<Vec<_>>(),
            [(true, 1, false), (false, 1, true)]
        );
        assert!(store.practice_results("other").await.unwrap().is_empty());
    }
}
