//! A learner's measured level in each skill over time (programmes, issue 19). Rows are only
//! added: the latest per skill is the learner's profile, the earlier ones draw their progress.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Store, new_id, stamp};
use crate::error::Result;

/// One measurement of one skill.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct SkillLevel {
    /// A `catalog::skills::Skill` id.
    pub skill: String,
    /// From 0 to 1.
    pub level: f64,
    /// `placement`, `practice` or `trainer`.
    pub source: String,
    /// RFC 3339, by the app's clock.
    pub measured_at: String,
}

impl Store {
    /// Records levels measured at `at` (the app's clock) for `learner` (`local` or a programme
    /// learner's id), in one transaction.
    pub async fn record_skill_levels(
        &self,
        learner: &str,
        levels: &[(&str, f64)],
        source: &str,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let at = stamp(at);
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            for (skill, level) in levels {
                sqlx::query(
                    "INSERT INTO skill_levels (id, learner, skill, level, source, measured_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(new_id())
                .bind(learner)
                .bind(*skill)
                .bind(level.clamp(0.0, 1.0))
                .bind(source)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Every measurement of `learner`, oldest first.
    pub async fn skill_history(&self, learner: &str) -> Result<Vec<SkillLevel>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, SkillLevel>(
                "SELECT skill, level, source, measured_at FROM skill_levels
                 WHERE learner = $1 ORDER BY measured_at, skill",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    /// The latest measurement of each skill `learner` has one for (their profile).
    pub async fn skill_profile(&self, learner: &str) -> Result<Vec<SkillLevel>> {
        let mut latest: std::collections::BTreeMap<String, SkillLevel> = Default::default();
        for level in self.skill_history(learner).await? {
            latest.insert(level.skill.clone(), level);
        }
        Ok(latest.into_values().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_profile_is_the_latest_of_each_skill() {
        let store = Store::in_memory().await.unwrap();
        let t0 = DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        store
            .record_skill_levels(
                "local",
                &[("operators", 0.4), ("triage", 0.7)],
                "placement",
                t0,
            )
            .await
            .unwrap();
        store
            .record_skill_levels(
                "local",
                &[("operators", 1.5)],
                "practice",
                t0 + chrono::Duration::days(3),
            )
            .await
            .unwrap();
        store
            .record_skill_levels("someone-else", &[("operators", 0.1)], "placement", t0)
            .await
            .unwrap();
        let profile = store.skill_profile("local").await.unwrap();
        let got: Vec<_> = profile
            .iter()
            .map(|l| (l.skill.as_str(), l.level, l.source.as_str()))
            .collect();
        assert_eq!(
            got,
            [("operators", 1.0, "practice"), ("triage", 0.7, "placement")]
        );
        assert_eq!(store.skill_history("local").await.unwrap().len(), 3);
    }
}
