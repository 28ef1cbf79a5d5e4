//! Answers shared with the class for the debrief. A shared answer carries its text and score,
//! never its author, and only a class member's attempt can be shared with that class.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{Store, new_id, now};

/// An answer shared with the class: the text and score only, never who wrote it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Reveal {
    pub id: String,
    pub exercise_id: String,
    /// None: the exercise's model answer.
    pub attempt_id: Option<String>,
    pub answer: Option<String>,
    pub score: Option<f64>,
    pub created_at: String,
}

impl Store {
    /// Shares an attempt (or with None the model answer) with the class. The attempt must be
    /// a class member's attempt at that exercise; sharing twice shares once.
    pub async fn reveal(
        &self,
        class_id: &str,
        exercise_id: &str,
        attempt_id: Option<&str>,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            if let Some(attempt_id) = attempt_id {
                let belongs: Option<String> = sqlx::query_scalar(
                    "SELECT a.id FROM attempts a JOIN trainees t ON t.id = a.learner
                 WHERE a.id = $1 AND t.class_id = $2 AND a.exercise_id = $3",
                )
                .bind(attempt_id)
                .bind(class_id)
                .bind(exercise_id)
                .fetch_optional(read)
                .await?;
                if belongs.is_none() {
                    return Err(Error::not_found(format!(
                        "no attempt {attempt_id:?} at {exercise_id:?} in this class"
                    )));
                }
            }
            let existing: Option<String> = sqlx::query_scalar(
                "SELECT id FROM reveals WHERE class_id = $1 AND exercise_id = $2
             AND (($3 IS NULL AND attempt_id IS NULL) OR attempt_id = $4)",
            )
            .bind(class_id)
            .bind(exercise_id)
            .bind(attempt_id)
            .bind(attempt_id)
            .fetch_optional(read)
            .await?;
            if existing.is_none() {
                sqlx::query(
                    "INSERT INTO reveals (id, class_id, exercise_id, attempt_id, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(new_id())
                .bind(class_id)
                .bind(exercise_id)
                .bind(attempt_id)
                .bind(now())
                .execute(write)
                .await?;
            }
            Ok(())
        })
    }

    /// Stops sharing an answer.
    pub async fn unreveal(&self, class_id: &str, reveal_id: &str) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("DELETE FROM reveals WHERE class_id = $1 AND id = $2")
                .bind(class_id)
                .bind(reveal_id)
                .execute(write)
                .await?;
            Ok(())
        })
    }

    /// What the trainer shares with a class, in the order shared.
    pub async fn reveals(&self, class_id: &str) -> Result<Vec<Reveal>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Reveal>(
                "SELECT r.id, r.exercise_id, r.attempt_id, a.answer, a.score, r.created_at
             FROM reveals r LEFT JOIN attempts a ON a.id = r.attempt_id
             WHERE r.class_id = $1 ORDER BY r.created_at, r.id",
            )
            .bind(class_id)
            .fetch_all(read)
            .await?)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::store::classroom::store;

    #[tokio::test]
    async fn reveals_only_take_the_class_own_attempts() {
        let s = store().await;
        let class = s.create_class("A").await.expect("class");
        let other = s.create_class("B").await.expect("class");
        let t = s.join_class(&class.code, "Kim").await.expect("join");
        let stranger = s.join_class(&other.code, "Lee").await.expect("join");
        let mine = s
            .insert_attempt(&t.id, "ex", "monitor", "flood", chrono::Utc::now())
            .await
            .expect("attempt");
        let theirs = s
            .insert_attempt(&stranger.id, "ex", "monitor", "storm", chrono::Utc::now())
            .await
            .expect("attempt");
        s.record_grade(&mine, Some(80.0), Some(true), "{}")
            .await
            .expect("grade");
        s.reveal(&class.id, "ex", Some(&mine))
            .await
            .expect("reveal");
        s.reveal(&class.id, "ex", Some(&mine))
            .await
            .expect("twice is once");
        s.reveal(&class.id, "ex", None).await.expect("model");
        assert!(s.reveal(&class.id, "ex", Some(&theirs)).await.is_err());
        assert!(s.reveal(&class.id, "other", Some(&mine)).await.is_err());
        let shown = s.reveals(&class.id).await.expect("reveals");
        assert_eq!(shown.len(), 2);
        let attempt = shown
            .iter()
            .find(|r| r.attempt_id.is_some())
            .expect("attempt shared");
        assert_eq!(attempt.answer.as_deref(), Some("flood"));
        assert!(
            shown.iter().any(|r| r.attempt_id.is_none()),
            "model answer shared"
        );
        s.unreveal(&class.id, &attempt.id).await.expect("unreveal");
        assert_eq!(s.reveals(&class.id).await.expect("reveals").len(), 1);

        let best = s
            .class_attempts_per_trainee(&class.id, "ex", true)
            .await
            .expect("best");
        assert_eq!(best.len(), 1);
        assert_eq!(best[0].name, "Kim");
        let figures = s.class_figures(&class.id).await.expect("figures");
        assert_eq!(
            (figures[0].attempts, figures[0].trainees, figures[0].passed),
            (1, 1, 1)
        );
        assert!(
            s.attempt_of(&stranger.id, &mine)
                .await
                .expect("lookup")
                .is_none()
        );
        assert!(s.attempt_of(&t.id, &mine).await.expect("lookup").is_some());
    }
}
