//! Trainees' evaluations of a class. One per trainee (a second replaces the first), and the
//! trainer reads them without names.

use serde::Serialize;

use super::trainees::Trainee;
use crate::error::{Error, Result};
use crate::store::{Store, now};

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Evaluation {
    pub effective: i64,
    pub do_differently: String,
    pub comments: String,
    pub submitted_at: String,
}

impl Store {
    /// Saves a trainee's evaluation; a second one replaces the first.
    pub async fn save_evaluation(
        &self,
        trainee: &Trainee,
        effective: i64,
        do_differently: &str,
        comments: &str,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            if !(1..=5).contains(&effective) {
                return Err(Error::invalid("Choose how far you agree, from 1 to 5"));
            }
            sqlx::query(
            "INSERT INTO evaluations (trainee_id, class_id, effective, do_differently, comments, submitted_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT(trainee_id) DO UPDATE SET effective = excluded.effective,
               do_differently = excluded.do_differently, comments = excluded.comments,
               submitted_at = excluded.submitted_at",
        )
        .bind(&trainee.id)
        .bind(&trainee.class_id)
        .bind(effective)
        .bind(do_differently)
        .bind(comments)
        .bind(now())
        .execute(write)
        .await?;
            Ok(())
        })
    }

    pub async fn evaluation(&self, trainee_id: &str) -> Result<Option<Evaluation>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Evaluation>(
            "SELECT effective, do_differently, comments, submitted_at FROM evaluations WHERE trainee_id = $1",
        )
        .bind(trainee_id)
        .fetch_optional(read)
        .await?)
        })
    }

    /// A class's evaluations, without names, in an order that does not follow who sent them.
    pub async fn evaluations(&self, class_id: &str) -> Result<Vec<Evaluation>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Evaluation>(
                "SELECT effective, do_differently, comments, submitted_at FROM evaluations
             WHERE class_id = $1 ORDER BY effective DESC, do_differently, comments",
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
    async fn evaluations_replace_and_range() {
        let s = store().await;
        let class = s.create_class("A").await.expect("class");
        let t = s.join_class(&class.code, "Kim").await.expect("join");
        assert!(s.save_evaluation(&t, 6, "", "").await.is_err());
        s.save_evaluation(&t, 4, "Plan posts", "")
            .await
            .expect("save");
        s.save_evaluation(&t, 5, "Plan posts ahead", "Great")
            .await
            .expect("replace");
        let all = s.evaluations(&class.id).await.expect("list");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].effective, 5);
        assert_eq!(all[0].do_differently, "Plan posts ahead");
    }
}
