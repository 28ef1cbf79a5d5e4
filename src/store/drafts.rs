//! Drafts: a learner's unsent answer to one exercise, with the time it was kept (an attempt made
//! after that time replaces it; see `app::drafts`).

use super::{Store, now};
use crate::error::Result;

impl Store {
    /// Keeps `answer` (stored as an attempt's answer is) as the learner's draft of the exercise.
    pub async fn save_draft(&self, learner: &str, exercise_id: &str, answer: &str) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
            "INSERT INTO drafts (learner, exercise_id, answer, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT(learner, exercise_id) DO UPDATE
             SET answer = excluded.answer, updated_at = excluded.updated_at",
        )
        .bind(learner)
        .bind(exercise_id)
        .bind(answer)
        .bind(now())
        .execute(write)
        .await?;
            Ok(())
        })
    }

    /// The learner's draft of the exercise, if one is kept: (answer, when it was kept).
    pub async fn draft(
        &self,
        learner: &str,
        exercise_id: &str,
    ) -> Result<Option<(String, String)>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as(
                "SELECT answer, updated_at FROM drafts WHERE learner = $1 AND exercise_id = $2",
            )
            .bind(learner)
            .bind(exercise_id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// Forgets the draft: an attempt now holds the learner's words.
    pub async fn clear_draft(&self, learner: &str, exercise_id: &str) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("DELETE FROM drafts WHERE learner = $1 AND exercise_id = $2")
                .bind(learner)
                .bind(exercise_id)
                .execute(write)
                .await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[tokio::test]
    async fn a_draft_is_kept_replaced_and_cleared() {
        let s = Store::in_memory().await.expect("store");
        assert_eq!(s.draft("kim", "ex").await.expect("read"), None);
        s.save_draft("kim", "ex", "flood").await.expect("save");
        s.save_draft("kim", "ex", "flood OR storm")
            .await
            .expect("replace");
        s.save_draft("lee", "ex", "other").await.expect("save");
        let (answer, at) = s.draft("kim", "ex").await.expect("read").expect("kept");
        assert_eq!(answer, "flood OR storm");
        assert!(
            at.ends_with('Z') && at.len() == 24,
            "a UTC time in milliseconds: {at}"
        );
        s.clear_draft("kim", "ex").await.expect("clear");
        assert_eq!(s.draft("kim", "ex").await.expect("read"), None);
        assert_eq!(
            s.draft("lee", "ex")
                .await
                .expect("read")
                .map(|d| d.0)
                .as_deref(),
            Some("other"),
            "another learner's draft stays"
        );
    }
}
