//! Transfer to the day job (issue 19, docs/programmes.md): own-topic work (the topic, its labels
//! and the comments on it), whether a cohort's learners may review each other, reflections after
//! attempts, and the end-of-session statement with its follow-up. Rows only: the rules (who may
//! see what, when a follow-up is due) are the application's (`app::transfer`). Times are given by
//! the caller, read from the app's clock.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::Row;

use super::{Store, new_id, stamp};
use crate::error::Result;

/// One piece of own-topic work.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct OwnTopic {
    pub id: String,
    pub learner: String,
    pub cohort_id: Option<String>,
    pub title: String,
    /// The private corpus's name (`own-topic-…`).
    pub corpus: String,
    pub query: String,
    pub sample_seed: String,
    pub announcement: String,
    /// `YYYY-MM-DD`, or empty.
    pub announcement_date: String,
    pub draft: String,
    /// Platform ids, comma-separated.
    pub draft_platforms: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A comment on own-topic work.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct TopicComment {
    pub id: String,
    pub topic_id: String,
    /// `trainer`, `peer` or `learner`.
    pub author_role: String,
    pub author_id: String,
    pub author_name: String,
    pub body: String,
    pub created_at: String,
}

/// A reflection written after an attempt.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct Reflection {
    pub id: String,
    pub learner: String,
    pub exercise_id: String,
    pub attempt_id: Option<String>,
    pub body: String,
    pub created_at: String,
}

/// The end-of-session statement and, once given, its follow-up.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct ProgrammeEvaluation {
    pub id: String,
    pub learner: String,
    pub cohort_id: Option<String>,
    /// 1 (strongly disagree) to 5 (strongly agree).
    pub effective: i64,
    pub comment: String,
    pub asked_at: String,
    pub follow_up_effective: Option<i64>,
    pub follow_up_done_differently: Option<String>,
    pub follow_up_at: Option<String>,
}

/// What a new own topic starts with.
#[derive(Debug, Clone)]
pub struct NewTopic<'a> {
    pub learner: &'a str,
    pub cohort_id: Option<&'a str>,
    pub title: &'a str,
    pub corpus: &'a str,
    pub sample_seed: &'a str,
}

impl Store {
    pub async fn create_own_topic(
        &self,
        new: &NewTopic<'_>,
        at: DateTime<Utc>,
    ) -> Result<OwnTopic> {
        let id = new_id();
        let at = stamp(at);
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO own_topics (id, learner, cohort_id, title, corpus, sample_seed,
                                         created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
            )
            .bind(&id)
            .bind(new.learner)
            .bind(new.cohort_id)
            .bind(new.title)
            .bind(new.corpus)
            .bind(new.sample_seed)
            .bind(&at)
            .execute(write)
            .await?;
            Ok::<(), crate::error::Error>(())
        })?;
        self.own_topic(&id).await?.ok_or_else(|| {
            crate::error::Error::internal(anyhow::anyhow!("own topic {id} vanished"))
        })
    }

    pub async fn own_topic(&self, id: &str) -> Result<Option<OwnTopic>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as::<_, OwnTopic>("SELECT * FROM own_topics WHERE id = $1")
                    .bind(id)
                    .fetch_optional(read)
                    .await?,
            )
        })
    }

    /// Deletes an own topic with its labels and comments (its corpus is deleted by the caller,
    /// before); true when there was one.
    pub async fn delete_own_topic(&self, id: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            for statement in [
                "DELETE FROM own_topic_labels WHERE topic_id = $1",
                "DELETE FROM own_topic_comments WHERE topic_id = $1",
            ] {
                sqlx::query(statement).bind(id).execute(&mut *tx).await?;
            }
            let gone = sqlx::query("DELETE FROM own_topics WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            tx.commit().await?;
            Ok(gone > 0)
        })
    }

    /// A learner's own topics, newest first.
    pub async fn own_topics_of(&self, learner: &str) -> Result<Vec<OwnTopic>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, OwnTopic>(
                "SELECT * FROM own_topics WHERE learner = $1 ORDER BY created_at DESC, id",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    /// The own topics of a cohort's learners, newest first.
    pub async fn own_topics_of_cohort(&self, cohort_id: &str) -> Result<Vec<OwnTopic>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, OwnTopic>(
                "SELECT * FROM own_topics WHERE cohort_id = $1 ORDER BY created_at DESC, id",
            )
            .bind(cohort_id)
            .fetch_all(read)
            .await?)
        })
    }

    pub async fn set_own_topic_query(
        &self,
        id: &str,
        query: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("UPDATE own_topics SET query = $2, updated_at = $3 WHERE id = $1")
                .bind(id)
                .bind(query)
                .bind(stamp(at))
                .execute(write)
                .await?;
            Ok(())
        })
    }

    pub async fn set_own_topic_draft(
        &self,
        id: &str,
        announcement: &str,
        announcement_date: &str,
        draft: &str,
        platforms: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
                "UPDATE own_topics SET announcement = $2, announcement_date = $3, draft = $4,
                        draft_platforms = $5, updated_at = $6 WHERE id = $1",
            )
            .bind(id)
            .bind(announcement)
            .bind(announcement_date)
            .bind(draft)
            .bind(platforms)
            .bind(stamp(at))
            .execute(write)
            .await?;
            Ok(())
        })
    }

    /// Saves the learner's labels (document id, relevant), replacing earlier ones of the same
    /// documents, in one transaction.
    pub async fn label_own_topic(
        &self,
        topic_id: &str,
        labels: &[(String, bool)],
        at: DateTime<Utc>,
    ) -> Result<()> {
        let at = stamp(at);
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            for (doc, relevant) in labels {
                sqlx::query(
                    "INSERT INTO own_topic_labels (topic_id, doc_id, relevant, labelled_at)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT(topic_id, doc_id) DO UPDATE SET relevant = excluded.relevant,
                       labelled_at = excluded.labelled_at",
                )
                .bind(topic_id)
                .bind(doc)
                .bind(*relevant)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Every label of a topic: document id and whether it is relevant.
    pub async fn own_topic_labels(&self, topic_id: &str) -> Result<Vec<(String, bool)>> {
        on_db!(self, |read, write| {
            let rows = sqlx::query(
                "SELECT doc_id, relevant FROM own_topic_labels WHERE topic_id = $1 ORDER BY doc_id",
            )
            .bind(topic_id)
            .fetch_all(read)
            .await?;
            rows.into_iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<std::result::Result<Vec<_>, sqlx::Error>>()
                .map_err(Into::into)
        })
    }

    pub async fn add_topic_comment(
        &self,
        topic_id: &str,
        author_role: &str,
        author_id: &str,
        author_name: &str,
        body: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO own_topic_comments (id, topic_id, author_role, author_id, author_name,
                                                 body, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(new_id())
            .bind(topic_id)
            .bind(author_role)
            .bind(author_id)
            .bind(author_name)
            .bind(body)
            .bind(stamp(at))
            .execute(write)
            .await?;
            Ok(())
        })
    }

    /// A topic's comments, oldest first.
    pub async fn topic_comments(&self, topic_id: &str) -> Result<Vec<TopicComment>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, TopicComment>(
                "SELECT * FROM own_topic_comments WHERE topic_id = $1 ORDER BY created_at, id",
            )
            .bind(topic_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Whether a cohort's learners may review each other's own-topic work (off unless set).
    pub async fn peer_review(&self, cohort_id: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query(
                    "SELECT peer_review FROM cohort_transfer_settings WHERE cohort_id = $1",
                )
                .bind(cohort_id)
                .fetch_optional(read)
                .await?
                .map(|r| r.try_get::<bool, _>(0))
                .transpose()?
                .unwrap_or(false),
            )
        })
    }

    pub async fn set_peer_review(&self, cohort_id: &str, allowed: bool) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO cohort_transfer_settings (cohort_id, peer_review) VALUES ($1, $2)
                 ON CONFLICT(cohort_id) DO UPDATE SET peer_review = excluded.peer_review",
            )
            .bind(cohort_id)
            .bind(allowed)
            .execute(write)
            .await?;
            Ok(())
        })
    }

    pub async fn add_reflection(
        &self,
        learner: &str,
        exercise_id: &str,
        attempt_id: Option<&str>,
        body: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO reflections (id, learner, exercise_id, attempt_id, body, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id())
            .bind(learner)
            .bind(exercise_id)
            .bind(attempt_id)
            .bind(body)
            .bind(stamp(at))
            .execute(write)
            .await?;
            Ok(())
        })
    }

    /// A learner's reflections, newest first.
    pub async fn reflections(&self, learner: &str) -> Result<Vec<Reflection>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Reflection>(
                "SELECT * FROM reflections WHERE learner = $1 ORDER BY created_at DESC, id",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    pub async fn add_programme_evaluation(
        &self,
        learner: &str,
        cohort_id: Option<&str>,
        effective: i64,
        comment: &str,
        at: DateTime<Utc>,
    ) -> Result<String> {
        let id = new_id();
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO programme_evaluations (id, learner, cohort_id, effective, comment,
                                                    asked_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&id)
            .bind(learner)
            .bind(cohort_id)
            .bind(effective)
            .bind(comment)
            .bind(stamp(at))
            .execute(write)
            .await?;
            Ok::<(), crate::error::Error>(())
        })?;
        Ok(id)
    }

    /// Records a follow-up once: `false` when it was already answered.
    pub async fn answer_follow_up(
        &self,
        id: &str,
        effective: i64,
        done_differently: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        on_db!(self, |read, write| {
            let done = sqlx::query(
                "UPDATE programme_evaluations SET follow_up_effective = $2,
                        follow_up_done_differently = $3, follow_up_at = $4
                 WHERE id = $1 AND follow_up_at IS NULL",
            )
            .bind(id)
            .bind(effective)
            .bind(done_differently)
            .bind(stamp(at))
            .execute(write)
            .await?
            .rows_affected();
            Ok(done == 1)
        })
    }

    pub async fn programme_evaluation(&self, id: &str) -> Result<Option<ProgrammeEvaluation>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ProgrammeEvaluation>(
                "SELECT * FROM programme_evaluations WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// A learner's statements, oldest first.
    pub async fn programme_evaluations(&self, learner: &str) -> Result<Vec<ProgrammeEvaluation>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ProgrammeEvaluation>(
                "SELECT * FROM programme_evaluations WHERE learner = $1 ORDER BY asked_at, id",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    /// A cohort's statements, oldest first.
    pub async fn cohort_evaluations(&self, cohort_id: &str) -> Result<Vec<ProgrammeEvaluation>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ProgrammeEvaluation>(
                "SELECT * FROM programme_evaluations WHERE cohort_id = $1
                 ORDER BY learner, asked_at, id",
            )
            .bind(cohort_id)
            .fetch_all(read)
            .await?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[tokio::test]
    async fn topics_labels_comments_and_follow_ups_round_trip() {
        let store = Store::in_memory().await.unwrap();
        let topic = store
            .create_own_topic(
                &NewTopic {
                    learner: "local",
                    cohort_id: None,
                    title: "Bins",
                    corpus: "own-topic-abc",
                    sample_seed: "seed",
                },
                t0(),
            )
            .await
            .unwrap();
        store
            .set_own_topic_query(&topic.id, "bins", t0())
            .await
            .unwrap();
        store
            .label_own_topic(&topic.id, &[("a".into(), true), ("b".into(), false)], t0())
            .await
            .unwrap();
        store
            .label_own_topic(&topic.id, &[("b".into(), true)], t0())
            .await
            .unwrap();
        assert_eq!(
            store.own_topic_labels(&topic.id).await.unwrap(),
            [("a".to_string(), true), ("b".to_string(), true)]
        );
        store
            .add_topic_comment(
                &topic.id,
                "trainer",
                "trainer",
                "Trainer",
                "Good start",
                t0(),
            )
            .await
            .unwrap();
        assert_eq!(
            store.topic_comments(&topic.id).await.unwrap()[0].body,
            "Good start"
        );
        assert_eq!(store.own_topics_of("local").await.unwrap()[0].query, "bins");
        let id = store
            .add_programme_evaluation("local", None, 4, "", t0())
            .await
            .unwrap();
        assert!(
            store
                .answer_follow_up(&id, 5, "Daily query", t0())
                .await
                .unwrap()
        );
        assert!(!store.answer_follow_up(&id, 1, "again", t0()).await.unwrap());
        let e = store.programme_evaluation(&id).await.unwrap().unwrap();
        assert_eq!((e.effective, e.follow_up_effective), (4, Some(5)));
        assert!(!store.peer_review("nope").await.unwrap());
    }
}
