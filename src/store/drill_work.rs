//! What players do during a drill: responses published to the simulated timeline, and saved
//! searches with their alert rules (migration 0014). The rules that decide what these mean
//! (marking, when an alert fires) are in `app::drills`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Store, new_id, stamp};
use crate::error::{Error, Result};

/// A published response.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct DrillResponse {
    pub id: String,
    pub drill_id: String,
    pub learner: String,
    pub author_name: String,
    pub inject_id: Option<String>,
    /// A `catalog::scenarios::Deliverable` id.
    pub deliverable: String,
    pub platform: Option<String>,
    pub text: String,
    pub drill_ms: i64,
    pub published_at: String,
    pub score: Option<f64>,
    /// The marking, as JSON (see `app::drills`).
    pub mark: Option<String>,
    /// Its place in the drill's publishing order: 1, 2, 3... (migration 0020).
    pub seq: i64,
}

/// A response as a player sends it.
#[derive(Debug, Clone)]
pub struct NewResponse<'a> {
    pub drill_id: &'a str,
    pub learner: &'a str,
    pub author_name: &'a str,
    pub inject_id: Option<&'a str>,
    pub deliverable: &'a str,
    pub platform: Option<&'a str>,
    pub text: &'a str,
    pub drill_ms: i64,
    pub published_at: DateTime<Utc>,
    /// The form's key: the same form sent again publishes nothing new.
    pub submission: Option<&'a str>,
}

/// A saved search.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct DrillSavedSearch {
    pub id: String,
    pub drill_id: String,
    pub learner: String,
    pub name: String,
    pub query: String,
    /// The alert rule, as JSON (see `app::drills`).
    pub rule: String,
    pub created_ms: i64,
    pub deleted_ms: Option<i64>,
    pub created_at: String,
}

/// A search as a player saves it.
#[derive(Debug, Clone)]
pub struct NewSearch<'a> {
    pub drill_id: &'a str,
    pub learner: &'a str,
    pub name: &'a str,
    pub query: &'a str,
    /// The alert rule, as JSON.
    pub rule: &'a str,
    /// The drill time it was saved at.
    pub created_ms: i64,
    /// The wall time (the app's clock).
    pub at: DateTime<Utc>,
}

macro_rules! response_columns {
    () => {
        "id, drill_id, learner, author_name, inject_id, deliverable, platform, text, drill_ms,
         published_at, score, mark, seq"
    };
}

macro_rules! search_columns {
    () => {
        "id, drill_id, learner, name, query, rule, created_ms, deleted_ms, created_at"
    };
}

impl Store {
    /// Publishes a response; returns its id and whether it is new (false: the same form was sent
    /// before, and the first response's id is returned). The response takes the drill's next
    /// `seq` in the same transaction, so a drill's responses commit in `seq` order: a reader
    /// that has seen `seq` n has seen every response before it.
    pub async fn publish_drill_response(&self, r: &NewResponse<'_>) -> Result<(String, bool)> {
        let at = stamp(r.published_at);
        on_db!(self, |read, write| {
            if let Some(id) = self.drill_response_by_form(r).await? {
                return Ok((id, false));
            }
            let mut tx = write.begin().await?;
            // Taking the next number locks the drill's row until this commits.
            let seq: Option<(i64,)> = sqlx::query_as(
                "UPDATE drills SET responses_published = responses_published + 1
                 WHERE id = $1 RETURNING responses_published",
            )
            .bind(r.drill_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((seq,)) = seq else {
                return Err(Error::not_found(format!("no drill {:?}", r.drill_id)));
            };
            let id = new_id();
            let inserted = sqlx::query(
                "INSERT INTO drill_responses (id, drill_id, learner, author_name, inject_id,
                        deliverable, platform, text, drill_ms, published_at, submission, seq)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                 ON CONFLICT (drill_id, learner, submission) DO NOTHING",
            )
            .bind(&id)
            .bind(r.drill_id)
            .bind(r.learner)
            .bind(r.author_name)
            .bind(r.inject_id)
            .bind(r.deliverable)
            .bind(r.platform)
            .bind(r.text)
            .bind(r.drill_ms)
            .bind(&at)
            .bind(r.submission)
            .bind(seq)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if inserted == 1 {
                tx.commit().await?;
                return Ok((id, true));
            }
            // The same form won a race on another connection: the number goes back unused
            // and the answer is its response.
            tx.rollback().await?;
            let id = self.drill_response_by_form(r).await?.ok_or_else(|| {
                Error::internal(anyhow::anyhow!(
                    "a response's form key clashed with no stored response"
                ))
            })?;
            Ok((id, false))
        })
    }

    /// The response already published from the same form (its key), if any.
    async fn drill_response_by_form(&self, r: &NewResponse<'_>) -> Result<Option<String>> {
        let Some(key) = r.submission else {
            return Ok(None);
        };
        on_db!(self, |read, write| {
            let found: Option<(String,)> = sqlx::query_as(
                "SELECT id FROM drill_responses
                 WHERE drill_id = $1 AND learner = $2 AND submission = $3",
            )
            .bind(r.drill_id)
            .bind(r.learner)
            .bind(key)
            .fetch_optional(write)
            .await?;
            Ok(found.map(|(id,)| id))
        })
    }

    /// A drill's responses in the order they were published, after the `after_seq`-th
    /// (`None`: all).
    pub async fn drill_responses(
        &self,
        drill_id: &str,
        after_seq: Option<i64>,
    ) -> Result<Vec<DrillResponse>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillResponse>(concat!(
                "SELECT ",
                response_columns!(),
                " FROM drill_responses WHERE drill_id = $1 AND seq > $2 ORDER BY seq"
            ))
            .bind(drill_id)
            .bind(after_seq.unwrap_or(0))
            .fetch_all(read)
            .await?)
        })
    }

    pub async fn drill_response(&self, id: &str) -> Result<Option<DrillResponse>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillResponse>(concat!(
                "SELECT ",
                response_columns!(),
                " FROM drill_responses WHERE id = $1"
            ))
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// Stores the marking of a response.
    pub async fn mark_drill_response(&self, id: &str, score: f64, mark: &str) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("UPDATE drill_responses SET score = $1, mark = $2 WHERE id = $3")
                .bind(score)
                .bind(mark)
                .bind(id)
                .execute(write)
                .await?;
            Ok(())
        })
    }

    /// Saves a search; returns its id.
    pub async fn save_drill_search(&self, s: &NewSearch<'_>) -> Result<String> {
        let id = new_id();
        on_db!(self, |read, write| {
            sqlx::query(concat!(
                "INSERT INTO drill_searches (",
                search_columns!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)"
            ))
            .bind(&id)
            .bind(s.drill_id)
            .bind(s.learner)
            .bind(s.name)
            .bind(s.query)
            .bind(s.rule)
            .bind(s.created_ms)
            .bind(stamp(s.at))
            .execute(write)
            .await?;
            Ok::<_, crate::error::Error>(())
        })?;
        Ok(id)
    }

    /// A drill's saved searches (of one learner, or everyone's with `None`), deleted ones
    /// included, oldest first.
    pub async fn drill_searches(
        &self,
        drill_id: &str,
        learner: Option<&str>,
    ) -> Result<Vec<DrillSavedSearch>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillSavedSearch>(concat!(
                "SELECT ",
                search_columns!(),
                " FROM drill_searches WHERE drill_id = $1 AND (learner = $2 OR $3)
                 ORDER BY created_ms, created_at, id"
            ))
            .bind(drill_id)
            .bind(learner.unwrap_or(""))
            .bind(learner.is_none())
            .fetch_all(read)
            .await?)
        })
    }

    /// Marks a learner's saved search deleted at drill time `ms` (kept for the review); false
    /// when there is no such live search of theirs.
    pub async fn delete_drill_search(&self, id: &str, learner: &str, ms: i64) -> Result<bool> {
        on_db!(self, |read, write| {
            Ok(sqlx::query(
                "UPDATE drill_searches SET deleted_ms = $1
                 WHERE id = $2 AND learner = $3 AND deleted_ms IS NULL",
            )
            .bind(ms)
            .bind(id)
            .bind(learner)
            .execute(write)
            .await?
            .rows_affected()
                == 1)
        })
    }
}
