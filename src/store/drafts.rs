//! Drafts: a learner's unsent answer to one exercise, kept until an attempt replaces it.

use super::{Store, now};
use crate::error::Result;

impl Store {
    /// Keeps `answer` (stored as an attempt's answer is) as the learner's draft of the exercise.
    pub async fn save_draft(&self, learner: &str, exercise_id: &str, answer: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO drafts (learner, exercise_id, answer, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(learner, exercise_id) DO UPDATE
             SET answer = excluded.answer, updated_at = excluded.updated_at",
        )
        .bind(learner)
        .bind(exercise_id)
        .bind(answer)
        .bind(now())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    /// The learner's draft of the exercise, if one is kept.
    pub async fn draft(&self, learner: &str, exercise_id: &str) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT answer FROM drafts WHERE learner = ? AND exercise_id = ?")
                .bind(learner)
                .bind(exercise_id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// Forgets the draft: an attempt now holds the learner's words.
    pub async fn clear_draft(&self, learner: &str, exercise_id: &str) -> Result<()> {
        sqlx::query("DELETE FROM drafts WHERE learner = ? AND exercise_id = ?")
            .bind(learner)
            .bind(exercise_id)
            .execute(self.writer())
            .await?;
        Ok(())
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
        assert_eq!(
            s.draft("kim", "ex").await.expect("read").as_deref(),
            Some("flood OR storm")
        );
        s.clear_draft("kim", "ex").await.expect("clear");
        assert_eq!(s.draft("kim", "ex").await.expect("read"), None);
        assert_eq!(
            s.draft("lee", "ex").await.expect("read").as_deref(),
            Some("other"),
            "another learner's draft stays"
        );
    }
}
