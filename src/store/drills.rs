//! Drills: a scenario played to a class, and its clock (the rule is `app::drills::clock`;
//! this module only keeps the columns). See migration 0013.

use serde::Serialize;

use super::{Store, new_id, now};
use crate::error::Result;

/// A drill as the database keeps it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct DrillRow {
    pub id: String,
    pub scenario_id: String,
    pub class_id: Option<String>,
    pub title: String,
    pub state: String,
    pub speed: f64,
    pub anchor_ms: i64,
    /// RFC 3339, by the app's clock.
    pub anchor_at: String,
    pub version: i64,
    pub created_at: String,
}

/// The clock's columns, as a change writes them.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockColumns {
    pub state: String,
    pub speed: f64,
    pub anchor_ms: i64,
    pub anchor_at: String,
}

/// One line of a drill's clock log.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow, Serialize)]
pub struct ClockLogEntry {
    pub action: String,
    pub drill_ms: i64,
    pub speed: f64,
    pub at: String,
}

/// The columns of `drills`, in `DrillRow`'s order (a macro, so queries stay literal strings).
macro_rules! columns {
    () => {
        "id, scenario_id, class_id, title, state, speed, anchor_ms, anchor_at, version, created_at"
    };
}

impl Store {
    /// Records a new drill with its clock; returns it.
    pub async fn create_drill(
        &self,
        scenario_id: &str,
        class_id: Option<&str>,
        title: &str,
        clock: &ClockColumns,
    ) -> Result<DrillRow> {
        let row = DrillRow {
            id: new_id(),
            scenario_id: scenario_id.to_string(),
            class_id: class_id.map(str::to_string),
            title: title.to_string(),
            state: clock.state.clone(),
            speed: clock.speed,
            anchor_ms: clock.anchor_ms,
            anchor_at: clock.anchor_at.clone(),
            version: 1,
            created_at: now(),
        };
        on_db!(self, |read, write| {
            sqlx::query(concat!(
                "INSERT INTO drills (",
                columns!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            ))
            .bind(&row.id)
            .bind(&row.scenario_id)
            .bind(&row.class_id)
            .bind(&row.title)
            .bind(&row.state)
            .bind(row.speed)
            .bind(row.anchor_ms)
            .bind(&row.anchor_at)
            .bind(row.version)
            .bind(&row.created_at)
            .execute(write)
            .await?;
            Ok::<_, crate::error::Error>(())
        })?;
        Ok(row)
    }

    pub async fn drill(&self, id: &str) -> Result<Option<DrillRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillRow>(concat!(
                "SELECT ",
                columns!(),
                " FROM drills WHERE id = $1"
            ))
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// The drills of a class (`None`: the self-learner's own), newest first.
    pub async fn drills_of(&self, class_id: Option<&str>) -> Result<Vec<DrillRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, DrillRow>(concat!(
                "SELECT ",
                columns!(),
                " FROM drills WHERE (class_id = $1) OR (class_id IS NULL AND $2)
                 ORDER BY created_at DESC, id"
            ))
            .bind(class_id)
            .bind(class_id.is_none())
            .fetch_all(read)
            .await?)
        })
    }

    /// Writes a drill's new clock if nobody changed it since `version` was read, with a line in
    /// its log; returns false (and writes nothing) when someone did.
    pub async fn update_drill_clock(
        &self,
        id: &str,
        version: i64,
        clock: &ClockColumns,
        action: &str,
    ) -> Result<bool> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            let changed = sqlx::query(
                "UPDATE drills SET state = $1, speed = $2, anchor_ms = $3, anchor_at = $4,
                        version = version + 1
                 WHERE id = $5 AND version = $6",
            )
            .bind(&clock.state)
            .bind(clock.speed)
            .bind(clock.anchor_ms)
            .bind(&clock.anchor_at)
            .bind(id)
            .bind(version)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO drill_clock_log (id, drill_id, action, drill_ms, speed, at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id())
            .bind(id)
            .bind(action)
            .bind(clock.anchor_ms)
            .bind(clock.speed)
            .bind(&clock.anchor_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// What happened to a drill's clock, in order.
    pub async fn drill_clock_log(&self, id: &str) -> Result<Vec<ClockLogEntry>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ClockLogEntry>(
                "SELECT action, drill_ms, speed, at FROM drill_clock_log
                 WHERE drill_id = $1 ORDER BY at, drill_ms, id",
            )
            .bind(id)
            .fetch_all(read)
            .await?)
        })
    }
}
