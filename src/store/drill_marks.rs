//! The trainer's corrections of drill marks (migration `0022_drill_mark_overrides`): each change
//! is a row of its own, never overwritten, so the history (who, when, from, to, why) is kept.
//! The rules (who may, the range, the reason) are in `app::drills`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Store, new_id, stamp};
use crate::error::Result;

/// One change of a response's mark.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct MarkOverride {
    pub id: String,
    pub drill_id: String,
    pub response_id: String,
    /// 1, 2, 3... per response.
    pub version: i64,
    /// The score that counts from this change on; `None`: back to the automatic mark.
    pub score: Option<f64>,
    /// The score that counted before it.
    pub from_score: f64,
    pub reason: String,
    pub author: String,
    /// The drill time it was made at.
    pub drill_ms: i64,
    pub created_at: String,
}

/// A change as it is made.
#[derive(Debug, Clone)]
pub struct NewMarkOverride<'a> {
    pub drill_id: &'a str,
    pub response_id: &'a str,
    /// The version this change follows (0: the response's first change).
    pub after_version: i64,
    pub score: Option<f64>,
    pub from_score: f64,
    pub reason: &'a str,
    pub author: &'a str,
    pub drill_ms: i64,
    pub at: DateTime<Utc>,
}

macro_rules! override_columns {
    () => {
        "id, drill_id, response_id, version, score, from_score, reason, author, drill_ms,
         created_at"
    };
}

impl Store {
    /// Stores a change as the version after `after_version`; `None` when another change took
    /// that version first (the caller read a history that is no longer the latest).
    pub async fn add_drill_mark_override(
        &self,
        o: &NewMarkOverride<'_>,
    ) -> Result<Option<MarkOverride>> {
        let row = MarkOverride {
            id: new_id(),
            drill_id: o.drill_id.to_string(),
            response_id: o.response_id.to_string(),
            version: o.after_version + 1,
            score: o.score,
            from_score: o.from_score,
            reason: o.reason.to_string(),
            author: o.author.to_string(),
            drill_ms: o.drill_ms,
            created_at: stamp(o.at),
        };
        let inserted = on_db!(self, |read, write| {
            sqlx::query(concat!(
                "INSERT INTO drill_mark_overrides (",
                override_columns!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 ON CONFLICT (response_id, version) DO NOTHING"
            ))
            .bind(&row.id)
            .bind(&row.drill_id)
            .bind(&row.response_id)
            .bind(row.version)
            .bind(row.score)
            .bind(row.from_score)
            .bind(&row.reason)
            .bind(&row.author)
            .bind(row.drill_ms)
            .bind(&row.created_at)
            .execute(write)
            .await?
            .rows_affected()
        });
        Ok((inserted == 1).then_some(row))
    }

    /// Every change of a drill's marks, by response and then in the order they were made.
    pub async fn drill_mark_overrides(&self, drill_id: &str) -> Result<Vec<MarkOverride>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, MarkOverride>(concat!(
                "SELECT ",
                override_columns!(),
                " FROM drill_mark_overrides WHERE drill_id = $1 ORDER BY response_id, version"
            ))
            .bind(drill_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// The changes of one response's mark, in the order they were made (read from the
    /// primary, as the next change follows the last of them).
    pub async fn drill_response_overrides(&self, response_id: &str) -> Result<Vec<MarkOverride>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, MarkOverride>(concat!(
                "SELECT ",
                override_columns!(),
                " FROM drill_mark_overrides WHERE response_id = $1 ORDER BY version"
            ))
            .bind(response_id)
            .fetch_all(write)
            .await?)
        })
    }
}
