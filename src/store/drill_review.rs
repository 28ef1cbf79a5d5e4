//! The trainer's side of a drill: observers let in by a link, and notes stamped with the drill
//! time (migration 0015, `_drillrun`). What they mean for the review is in `app::drills`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::classroom::{new_token, token_hash};
use super::{Store, new_id, now, stamp};
use crate::error::Result;

/// An observer of a drill (the link itself is never stored).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct DrillObserver {
    pub id: String,
    pub drill_id: String,
    pub name: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// A note on a drill.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct DrillNote {
    pub id: String,
    pub drill_id: String,
    /// `None`: the trainer's.
    pub observer_id: Option<String>,
    pub author_name: String,
    pub inject_id: Option<String>,
    pub learner: Option<String>,
    pub text: String,
    pub drill_ms: i64,
    pub created_at: String,
}

/// A note as it is written.
#[derive(Debug, Clone)]
pub struct NewNote<'a> {
    pub drill_id: &'a str,
    pub observer_id: Option<&'a str>,
    pub author_name: &'a str,
    pub inject_id: Option<&'a str>,
    pub learner: Option<&'a str>,
    pub text: &'a str,
    pub drill_ms: i64,
    pub at: DateTime<Utc>,
}

impl Store {
    /// Lets an observer into a drill; returns the observer and the token of their link (shown
    /// once: only its hash is kept).
    pub async fn add_drill_observer(
        &self,
        drill_id: &str,
        name: &str,
    ) -> Result<(DrillObserver, String)> {
        let token = new_token();
        let o = DrillObserver {
            id: new_id(),
            drill_id: drill_id.to_string(),
            name: name.to_string(),
            created_at: now(),
            revoked_at: None,
        };
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO drill_observers (id, drill_id, name, token_hash, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&o.id)
            .bind(&o.drill_id)
            .bind(&o.name)
            .bind(token_hash(&token))
            .bind(&o.created_at)
            .execute(write)
            .await?;
            Ok::<_, crate::error::Error>(())
        })?;
        Ok((o, token))
    }

    /// The observer a link's token lets in, unless the link was closed.
    pub async fn drill_observer_by_token(&self, token: &str) -> Result<Option<DrillObserver>> {
        let hash = token_hash(token);
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillObserver>(
                "SELECT id, drill_id, name, created_at, revoked_at FROM drill_observers
                 WHERE token_hash = $1 AND revoked_at IS NULL",
            )
            .bind(&hash)
            .fetch_optional(read)
            .await?)
        })
    }

    /// A drill's observers, closed links included, oldest first.
    pub async fn drill_observers(&self, drill_id: &str) -> Result<Vec<DrillObserver>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillObserver>(
                "SELECT id, drill_id, name, created_at, revoked_at FROM drill_observers
                 WHERE drill_id = $1 ORDER BY created_at, id",
            )
            .bind(drill_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Closes an observer's link; false when there was no open link of that id in the drill.
    pub async fn revoke_drill_observer(&self, drill_id: &str, id: &str) -> Result<bool> {
        let at = now();
        on_db!(self, |read, write| {
            Ok(sqlx::query(
                "UPDATE drill_observers SET revoked_at = $1
                 WHERE id = $2 AND drill_id = $3 AND revoked_at IS NULL",
            )
            .bind(&at)
            .bind(id)
            .bind(drill_id)
            .execute(write)
            .await?
            .rows_affected()
                == 1)
        })
    }

    /// Writes a note; returns its id.
    pub async fn add_drill_note(&self, n: &NewNote<'_>) -> Result<String> {
        let id = new_id();
        on_db!(self, |read, write| {
            sqlx::query(
                "INSERT INTO drill_notes (id, drill_id, observer_id, author_name, inject_id,
                        learner, text, drill_ms, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&id)
            .bind(n.drill_id)
            .bind(n.observer_id)
            .bind(n.author_name)
            .bind(n.inject_id)
            .bind(n.learner)
            .bind(n.text)
            .bind(n.drill_ms)
            .bind(stamp(n.at))
            .execute(write)
            .await?;
            Ok::<_, crate::error::Error>(())
        })?;
        Ok(id)
    }

    /// A drill's notes in drill-time order.
    pub async fn drill_notes(&self, drill_id: &str) -> Result<Vec<DrillNote>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillNote>(
                "SELECT id, drill_id, observer_id, author_name, inject_id, learner, text,
                        drill_ms, created_at
                 FROM drill_notes WHERE drill_id = $1 ORDER BY drill_ms, created_at, id",
            )
            .bind(drill_id)
            .fetch_all(read)
            .await?)
        })
    }
}
