//! Learners' private calendar addresses (migration 0023): the token's hash, whose calendar it
//! opens, and whether it still does. The rules (one live address a learner) are in
//! `app::plans::calendar`.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::classroom::{new_token, token_hash};
use super::{Store, stamp};
use crate::error::Result;

impl Store {
    /// Makes a new calendar address for `learner`, stopping any earlier one; returns its token
    /// (kept nowhere but in the answer).
    pub async fn issue_calendar_link(
        &self,
        learner: &str,
        name: &str,
        at: DateTime<Utc>,
    ) -> Result<String> {
        let token = new_token();
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            sqlx::query("UPDATE calendar_links SET revoked = TRUE WHERE learner = $1")
                .bind(learner)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO calendar_links (token_hash, learner, name, created_at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash(&token))
            .bind(learner)
            .bind(name)
            .bind(stamp(at))
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<(), crate::error::Error>(())
        })?;
        Ok(token)
    }

    /// Stops `learner`'s calendar address; true when there was a live one.
    pub async fn stop_calendar_link(&self, learner: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            Ok(sqlx::query(
                "UPDATE calendar_links SET revoked = TRUE WHERE learner = $1 AND revoked = FALSE",
            )
            .bind(learner)
            .execute(write)
            .await?
            .rows_affected()
                > 0)
        })
    }

    /// The learner (id, name) a live calendar address opens.
    pub async fn calendar_link_owner(&self, token: &str) -> Result<Option<(String, String)>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query(
                "SELECT learner, name FROM calendar_links WHERE token_hash = $1 AND revoked = FALSE",
            )
            .bind(token_hash(token))
            .fetch_optional(read)
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get(0)?, r.try_get(1)?)))
            .transpose()?)
        })
    }

    /// When `learner`'s live calendar address was made, if there is one.
    pub async fn calendar_link_made(&self, learner: &str) -> Result<Option<String>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query(
                "SELECT created_at FROM calendar_links WHERE learner = $1 AND revoked = FALSE",
            )
            .bind(learner)
            .fetch_optional(read)
            .await?
            .map(|r| r.try_get::<String, _>(0))
            .transpose()?)
        })
    }
}
