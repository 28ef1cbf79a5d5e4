//! Teams and what they need (issue 19, docs/programmes.md "The team view"). A team is the
//! programme learners whose `team` is the same name, ignoring case and spacing, in any cohort;
//! its needs are a level (0 to 1) per skill; a manager reaches its view with a link of which only
//! the SHA-256 is kept.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Store, stamp};
use crate::error::Result;
use crate::store::classroom::{new_token, token_hash};

/// A team as the learners' records name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamSummary {
    /// The name's key: lower case, spaces evened out.
    pub key: String,
    /// The name as first written.
    pub name: String,
    pub learners: usize,
}

/// The key of a team name: lower case with spaces evened out.
pub fn team_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Store {
    /// Every team named by a learner, in key order.
    pub async fn teams(&self) -> Result<Vec<TeamSummary>> {
        let rows: Vec<String> = on_db!(self, |read, write| {
            sqlx::query("SELECT team FROM learners WHERE team <> '' ORDER BY created_at, id")
                .fetch_all(read)
                .await?
                .into_iter()
                .map(|r| r.try_get::<String, _>(0))
                .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
        });
        let mut teams: std::collections::BTreeMap<String, TeamSummary> = Default::default();
        for name in rows {
            let key = team_key(&name);
            if key.is_empty() {
                continue;
            }
            teams
                .entry(key.clone())
                .or_insert_with(|| TeamSummary {
                    key,
                    name: name.split_whitespace().collect::<Vec<_>>().join(" "),
                    learners: 0,
                })
                .learners += 1;
        }
        Ok(teams.into_values().collect())
    }

    /// The ids of a team's learners.
    pub async fn team_learners(&self, key: &str) -> Result<Vec<String>> {
        let rows: Vec<(String, String)> = on_db!(self, |read, write| {
            sqlx::query("SELECT id, team FROM learners WHERE team <> '' ORDER BY id")
                .fetch_all(read)
                .await?
                .into_iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<std::result::Result<Vec<_>, sqlx::Error>>()?
        });
        Ok(rows
            .into_iter()
            .filter(|(_, team)| team_key(team) == key)
            .map(|(id, _)| id)
            .collect())
    }

    /// A team's needs: (skill id, level).
    pub async fn team_needs(&self, key: &str) -> Result<Vec<(String, f64)>> {
        on_db!(self, |read, write| {
            sqlx::query("SELECT skill, level FROM team_needs WHERE team_key = $1 ORDER BY skill")
                .bind(key)
                .fetch_all(read)
                .await?
                .into_iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect::<std::result::Result<Vec<_>, sqlx::Error>>()
                .map_err(Into::into)
        })
    }

    /// Replaces a team's needs with `needs` (skill id, level), in one transaction.
    pub async fn set_team_needs(
        &self,
        key: &str,
        needs: &[(&str, f64)],
        set_by: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let at = stamp(at);
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            sqlx::query("DELETE FROM team_needs WHERE team_key = $1")
                .bind(key)
                .execute(&mut *tx)
                .await?;
            for (skill, level) in needs {
                sqlx::query(
                    "INSERT INTO team_needs (team_key, skill, level, set_by, set_at)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(key)
                .bind(*skill)
                .bind(level.clamp(0.0, 1.0))
                .bind(set_by)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// A new manager's link for a team; the team's earlier links stop working.
    pub async fn issue_team_link(
        &self,
        key: &str,
        name: &str,
        at: DateTime<Utc>,
    ) -> Result<String> {
        let token = new_token();
        let at = stamp(at);
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            sqlx::query("UPDATE team_links SET revoked = TRUE WHERE team_key = $1")
                .bind(key)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO team_links (token_hash, team_key, team_name, created_at)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(token_hash(&token))
            .bind(key)
            .bind(name)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<(), crate::error::Error>(())
        })?;
        Ok(token)
    }

    /// The team (key, name) a live manager's link opens.
    pub async fn team_of_link(&self, token: &str) -> Result<Option<(String, String)>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query(
                "SELECT team_key, team_name FROM team_links WHERE token_hash = $1 AND revoked = FALSE",
            )
            .bind(token_hash(token))
            .fetch_optional(read)
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get(0)?, r.try_get(1)?)))
            .transpose()?)
        })
    }

    /// When the team's live manager's link was issued, if there is one.
    pub async fn team_link_issued(&self, key: &str) -> Result<Option<String>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query(
                "SELECT created_at FROM team_links WHERE team_key = $1 AND revoked = FALSE",
            )
            .bind(key)
            .fetch_optional(read)
            .await?
            .map(|r| r.try_get::<String, _>(0))
            .transpose()?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::programmes::NewLearner;

    #[tokio::test]
    async fn teams_needs_and_links() {
        let store = Store::in_memory().await.unwrap();
        let cohort = store.create_cohort("Spring").await.unwrap();
        let learner = |name: &str, team: &str| NewLearner {
            name: name.into(),
            name_key: name.to_lowercase(),
            email: String::new(),
            team: team.into(),
        };
        store
            .add_learners(
                &cohort.id,
                &[
                    learner("Ana", "Press office"),
                    learner("Ben", "press  Office"),
                    learner("Cy", ""),
                ],
            )
            .await
            .unwrap();
        let teams = store.teams().await.unwrap();
        assert_eq!(teams.len(), 1);
        assert_eq!(
            (teams[0].key.as_str(), teams[0].learners),
            ("press office", 2)
        );
        assert_eq!(store.team_learners("press office").await.unwrap().len(), 2);
        let at = Utc::now();
        store
            .set_team_needs(
                "press office",
                &[("triage", 0.8), ("operators", 1.4)],
                "trainer",
                at,
            )
            .await
            .unwrap();
        assert_eq!(
            store.team_needs("press office").await.unwrap(),
            [("operators".to_string(), 1.0), ("triage".to_string(), 0.8)]
        );
        let first = store
            .issue_team_link("press office", "Press office", at)
            .await
            .unwrap();
        assert!(store.team_of_link(&first).await.unwrap().is_some());
        let second = store
            .issue_team_link("press office", "Press office", at)
            .await
            .unwrap();
        assert!(
            store.team_of_link(&first).await.unwrap().is_none(),
            "replaced"
        );
        assert_eq!(
            store.team_of_link(&second).await.unwrap(),
            Some(("press office".to_string(), "Press office".to_string()))
        );
    }
}
