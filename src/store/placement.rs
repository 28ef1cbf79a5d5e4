//! The placement diagnostic's progress (docs/programmes.md, "Placement"): a placement per
//! take, and each answer as it is given, so that a learner resumes where they stopped. The
//! items and their marking are `catalog::placement` and `grade::placement`; the rules of
//! taking it are `app::placement`.

use chrono::{DateTime, Utc};

use super::{Store, new_id, stamp};
use crate::error::Result;

/// One take of the placement.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PlacementRow {
    pub id: String,
    pub learner: String,
    /// RFC 3339, by the app's clock.
    pub started_at: String,
    pub finished_at: Option<String>,
}

/// One answer, as stored.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PlacementAnswer {
    pub item_id: String,
    /// The answer as JSON; `None` when skipped.
    pub answer: Option<String>,
    pub score: f64,
    /// A JSON list of strings.
    pub notes: String,
    pub answered_at: String,
}

impl Store {
    /// Starts a take of the placement for `learner` at `at`; its id.
    pub async fn start_placement(&self, learner: &str, at: DateTime<Utc>) -> Result<String> {
        let id = new_id();
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO placements (id, learner, started_at, finished_at)
                 VALUES ($1, $2, $3, NULL)",
            )
            .bind(&id)
            .bind(learner)
            .bind(stamp(at))
            .execute(write)
            .await?;
            Ok(id)
        })
    }

    /// Every take of `learner`, the latest first.
    pub async fn placements(&self, learner: &str) -> Result<Vec<PlacementRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, PlacementRow>(
                "SELECT id, learner, started_at, finished_at FROM placements
                 WHERE learner = $1 ORDER BY started_at DESC, id DESC",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    /// The answers of a take, in the order they were given.
    pub async fn placement_answers(&self, placement: &str) -> Result<Vec<PlacementAnswer>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, PlacementAnswer>(
                "SELECT item_id, answer, score, notes, answered_at FROM placement_answers
                 WHERE placement_id = $1 ORDER BY answered_at, item_id",
            )
            .bind(placement)
            .fetch_all(read)
            .await?)
        })
    }

    /// Keeps one answer. An item already answered in this take keeps its first answer (a form
    /// sent twice changes nothing); returns whether this one was kept.
    pub async fn record_placement_answer(
        &self,
        placement: &str,
        item: &str,
        answer: Option<&str>,
        score: f64,
        notes: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        on_db!(self, |read, write| {
            let done = sqlx::query(
                "INSERT INTO placement_answers
                     (placement_id, item_id, answer, score, notes, answered_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (placement_id, item_id) DO NOTHING",
            )
            .bind(placement)
            .bind(item)
            .bind(answer)
            .bind(score.clamp(0.0, 1.0))
            .bind(notes)
            .bind(stamp(at))
            .execute(write)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Marks a take finished at `at`; `true` for the one call that did (so its levels are
    /// recorded once, however many requests finish it at the same moment).
    pub async fn finish_placement(&self, placement: &str, at: DateTime<Utc>) -> Result<bool> {
        on_db!(self, |read, write| {
            let done = sqlx::query(
                "UPDATE placements SET finished_at = $2 WHERE id = $1 AND finished_at IS NULL",
            )
            .bind(placement)
            .bind(stamp(at))
            .execute(write)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn answers_are_kept_once_and_a_take_finishes_once() {
        let store = Store::in_memory().await.unwrap();
        let t0 = DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let first = store.start_placement("local", t0).await.unwrap();
        assert!(
            store
                .record_placement_answer(&first, "q", Some("\"flood\""), 0.5, "[]", t0)
                .await
                .unwrap()
        );
        assert!(
            !store
                .record_placement_answer(&first, "q", Some("\"rain\""), 1.0, "[]", t0)
                .await
                .unwrap(),
            "a second answer to the same item is not kept"
        );
        store
            .record_placement_answer(
                &first,
                "p",
                None,
                0.0,
                "[]",
                t0 + chrono::Duration::seconds(5),
            )
            .await
            .unwrap();
        let answers = store.placement_answers(&first).await.unwrap();
        assert_eq!(answers.len(), 2);
        assert_eq!(
            (answers[0].answer.as_deref(), answers[0].score),
            (Some("\"flood\""), 0.5)
        );
        assert_eq!(answers[1].answer, None);
        assert!(store.finish_placement(&first, t0).await.unwrap());
        assert!(!store.finish_placement(&first, t0).await.unwrap());

        let later = t0 + chrono::Duration::days(30);
        let second = store.start_placement("local", later).await.unwrap();
        store.start_placement("someone-else", later).await.unwrap();
        let takes = store.placements("local").await.unwrap();
        assert_eq!(
            takes.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
            [second.as_str(), first.as_str()]
        );
        assert!(takes[0].finished_at.is_none() && takes[1].finished_at.is_some());
    }
}
