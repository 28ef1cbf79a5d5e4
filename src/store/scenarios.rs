//! Drill scenarios a trainer uploaded (migration 0021): the TOML file, its SHA-256, who uploaded
//! it and when. Checking the file and building the scenario from it is `app::drills::uploaded`;
//! this module keeps the rows and refuses, in the same statement, to replace or delete one a
//! drill has been made of.

use super::Store;
use crate::error::Result;

/// An uploaded scenario as the database keeps it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct UploadedScenario {
    pub id: String,
    pub title: String,
    pub file_name: String,
    pub toml: String,
    /// SHA-256 of `toml`, hex.
    pub content_hash: String,
    /// `trainer` or `local`.
    pub uploaded_by: String,
    /// RFC 3339, by the app's clock.
    pub uploaded_at: String,
}

/// A drill that plays a scenario, as a refusal names it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct DrillOfScenario {
    pub id: String,
    pub title: String,
    pub class_id: Option<String>,
    pub created_at: String,
}

/// What saving an upload did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Added,
    /// An uploaded scenario of the same id no drill plays was replaced.
    Replaced,
    /// Nothing was written: these drills play the scenario of that id.
    InUse(Vec<DrillOfScenario>),
}

/// What deleting an uploaded scenario did.
#[derive(Debug, Clone, PartialEq)]
pub enum Removed {
    Deleted,
    NotFound,
    /// Nothing was deleted: these drills play it.
    InUse(Vec<DrillOfScenario>),
}

impl Store {
    /// Every uploaded scenario, by id.
    pub async fn uploaded_scenarios(&self) -> Result<Vec<UploadedScenario>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, UploadedScenario>(
                "SELECT id, title, file_name, toml, content_hash, uploaded_by, uploaded_at
                 FROM uploaded_scenarios ORDER BY id",
            )
            .fetch_all(read)
            .await?)
        })
    }

    pub async fn uploaded_scenario(&self, id: &str) -> Result<Option<UploadedScenario>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, UploadedScenario>(
                "SELECT id, title, file_name, toml, content_hash, uploaded_by, uploaded_at
                 FROM uploaded_scenarios WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// The content hash of an uploaded scenario: one small read, for a node to know whether
    /// the scenario it built is still the one stored.
    pub async fn uploaded_scenario_hash(&self, id: &str) -> Result<Option<String>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_scalar::<_, String>(
                "SELECT content_hash FROM uploaded_scenarios WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// The drills made of a scenario (shipped or uploaded), oldest first.
    pub async fn drills_of_scenario(&self, scenario_id: &str) -> Result<Vec<DrillOfScenario>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillOfScenario>(
                "SELECT id, title, class_id, created_at FROM drills WHERE scenario_id = $1
                 ORDER BY created_at, id",
            )
            .bind(scenario_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Stores an upload: a new id is added; an id already uploaded is replaced only while no
    /// drill plays it (checked in the replacing statement itself, so a drill made meanwhile on
    /// another node is not overtaken).
    pub async fn save_uploaded_scenario(&self, s: &UploadedScenario) -> Result<Saved> {
        for _ in 0..3 {
            let added = on_db!(self, |read, write| {
                Ok::<_, crate::error::Error>(
                    sqlx::query(
                        "INSERT INTO uploaded_scenarios
                           (id, title, file_name, toml, content_hash, uploaded_by, uploaded_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7)
                         ON CONFLICT (id) DO NOTHING",
                    )
                    .bind(&s.id)
                    .bind(&s.title)
                    .bind(&s.file_name)
                    .bind(&s.toml)
                    .bind(&s.content_hash)
                    .bind(&s.uploaded_by)
                    .bind(&s.uploaded_at)
                    .execute(write)
                    .await?
                    .rows_affected(),
                )
            })?;
            if added > 0 {
                return Ok(Saved::Added);
            }
            let replaced = on_db!(self, |read, write| {
                Ok::<_, crate::error::Error>(
                    sqlx::query(
                        "UPDATE uploaded_scenarios SET title = $2, file_name = $3, toml = $4,
                           content_hash = $5, uploaded_by = $6, uploaded_at = $7
                         WHERE id = $1
                           AND NOT EXISTS (SELECT 1 FROM drills WHERE drills.scenario_id = $8)",
                    )
                    .bind(&s.id)
                    .bind(&s.title)
                    .bind(&s.file_name)
                    .bind(&s.toml)
                    .bind(&s.content_hash)
                    .bind(&s.uploaded_by)
                    .bind(&s.uploaded_at)
                    .bind(&s.id)
                    .execute(write)
                    .await?
                    .rows_affected(),
                )
            })?;
            if replaced > 0 {
                return Ok(Saved::Replaced);
            }
            let drills = self.drills_of_scenario(&s.id).await?;
            if !drills.is_empty() {
                return Ok(Saved::InUse(drills));
            }
            // Deleted between the two statements: add it again.
        }
        Err(crate::error::Error::Busy(format!(
            "the scenario {:?} is being changed from elsewhere; try again",
            s.id
        )))
    }

    /// Deletes an uploaded scenario no drill plays (checked in the deleting statement).
    pub async fn delete_uploaded_scenario(&self, id: &str) -> Result<Removed> {
        let gone = on_db!(self, |read, write| {
            Ok::<_, crate::error::Error>(
                sqlx::query(
                    "DELETE FROM uploaded_scenarios WHERE id = $1
                       AND NOT EXISTS (SELECT 1 FROM drills WHERE drills.scenario_id = $2)",
                )
                .bind(id)
                .bind(id)
                .execute(write)
                .await?
                .rows_affected(),
            )
        })?;
        if gone > 0 {
            return Ok(Removed::Deleted);
        }
        if self.uploaded_scenario_hash(id).await?.is_none() {
            return Ok(Removed::NotFound);
        }
        Ok(Removed::InUse(self.drills_of_scenario(id).await?))
    }
}
