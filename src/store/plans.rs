//! Programmes' plans (issue 19): a learner's current plan and its weekly assignments, and the
//! counts of passes that decide when an assignment is done. The rules (what a plan proposes,
//! when an assignment is due, overdue or done, who is on track) are `app::plans`'; this module
//! only keeps the rows (migration 0013, docs/programmes.md "Plans").

use crate::error::Result;
use crate::store::{Store, new_id};

/// The one INSERT of an assignment (for a new plan and for one added later), written out
/// inside each engine's branch of `on_db!` so sqlx types it for both.
macro_rules! insert_assignment {
    ($id:expr, $plan_id:expr, $a:expr, $at:expr, $by:expr) => {
        sqlx::query(
            "INSERT INTO plan_assignments (id, plan_id, skill, exercise_id, goal, due_on,
                    passes_before, clean_passes_before, revision, created_at, updated_at,
                    updated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11)",
        )
        .bind($id)
        .bind($plan_id)
        .bind(&$a.skill)
        .bind(&$a.exercise_id)
        .bind(&$a.goal)
        .bind(&$a.due_on)
        .bind($a.passes_before)
        .bind($a.clean_passes_before)
        .bind($at)
        .bind($at)
        .bind($by)
    };
}

/// A plan as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanRow {
    pub id: String,
    pub learner: String,
    pub weeks: i64,
    /// 1 Monday … 7 Sunday.
    pub due_weekday: i64,
    /// YYYY-MM-DD.
    pub starts_on: String,
    pub from_profile: bool,
    pub created_at: String,
}

/// An assignment as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AssignmentRow {
    pub id: String,
    pub plan_id: String,
    pub skill: String,
    pub exercise_id: String,
    /// `pass`, `no-hints` or `passed`.
    pub goal: String,
    /// YYYY-MM-DD.
    pub due_on: String,
    pub passes_before: i64,
    pub clean_passes_before: i64,
    pub revision: i64,
    pub created_at: String,
    pub updated_at: String,
    /// `learner` or `trainer`: who set or last changed it.
    pub updated_by: String,
}

/// An assignment to store (new, or the new state of one that changes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssignment {
    pub skill: String,
    pub exercise_id: String,
    pub goal: String,
    pub due_on: String,
    pub passes_before: i64,
    pub clean_passes_before: i64,
}

/// A learner's passing attempts at one exercise: all of them, and those made with no hint open.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PassCount {
    pub exercise_id: String,
    pub passes: i64,
    pub clean_passes: i64,
}

impl Store {
    /// The learner's current plan, if they have one.
    pub async fn current_plan(&self, learner: &str) -> Result<Option<PlanRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, PlanRow>(
                "SELECT id, learner, weeks, due_weekday, starts_on, from_profile, created_at
                 FROM plans WHERE learner = $1 AND ended_at IS NULL
                 ORDER BY created_at DESC, id DESC",
            )
            .bind(learner)
            .fetch_optional(read)
            .await?)
        })
    }

    /// Starts `plan` with its assignments in one transaction, ending the learner's current
    /// plan (if any) at `plan.created_at`; `by` (`learner` or `trainer`) set it.
    pub async fn start_plan(
        &self,
        plan: &PlanRow,
        assignments: &[NewAssignment],
        by: &str,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            sqlx::query("UPDATE plans SET ended_at = $1 WHERE learner = $2 AND ended_at IS NULL")
                .bind(&plan.created_at)
                .bind(&plan.learner)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO plans (id, learner, weeks, due_weekday, starts_on, from_profile,
                                    created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&plan.id)
            .bind(&plan.learner)
            .bind(plan.weeks)
            .bind(plan.due_weekday)
            .bind(&plan.starts_on)
            .bind(plan.from_profile)
            .bind(&plan.created_at)
            .execute(&mut *tx)
            .await?;
            for a in assignments {
                insert_assignment!(new_id(), &plan.id, a, &plan.created_at, by)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// A plan's assignments, by due date.
    pub async fn plan_assignments(&self, plan_id: &str) -> Result<Vec<AssignmentRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, AssignmentRow>(
                "SELECT * FROM plan_assignments WHERE plan_id = $1
                 ORDER BY due_on, created_at, id",
            )
            .bind(plan_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// One assignment of a plan.
    pub async fn plan_assignment(&self, plan_id: &str, id: &str) -> Result<Option<AssignmentRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, AssignmentRow>(
                "SELECT * FROM plan_assignments WHERE plan_id = $1 AND id = $2",
            )
            .bind(plan_id)
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// Adds an assignment to a plan; returns its id.
    pub async fn add_plan_assignment(
        &self,
        plan_id: &str,
        a: &NewAssignment,
        at: &str,
        by: &str,
    ) -> Result<String> {
        let id = new_id();
        on_db!(self, |read, write| {
            insert_assignment!(&id, plan_id, a, at, by)
                .execute(write)
                .await?;
            Ok(id)
        })
    }

    /// Replaces an assignment's content, counting a revision. False when there is no such
    /// assignment in the plan.
    pub async fn update_plan_assignment(
        &self,
        plan_id: &str,
        id: &str,
        a: &NewAssignment,
        at: &str,
        by: &str,
    ) -> Result<bool> {
        on_db!(self, |read, write| {
            let done = sqlx::query(
                "UPDATE plan_assignments SET skill = $1, exercise_id = $2, goal = $3, due_on = $4,
                        passes_before = $5, clean_passes_before = $6, revision = revision + 1,
                        updated_at = $7, updated_by = $8
                 WHERE plan_id = $9 AND id = $10",
            )
            .bind(&a.skill)
            .bind(&a.exercise_id)
            .bind(&a.goal)
            .bind(&a.due_on)
            .bind(a.passes_before)
            .bind(a.clean_passes_before)
            .bind(at)
            .bind(by)
            .bind(plan_id)
            .bind(id)
            .execute(write)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Removes an assignment from a plan. False when there was none.
    pub async fn delete_plan_assignment(&self, plan_id: &str, id: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            let done = sqlx::query("DELETE FROM plan_assignments WHERE plan_id = $1 AND id = $2")
                .bind(plan_id)
                .bind(id)
                .execute(write)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// The learner's passing attempts per exercise they have passed.
    pub async fn pass_counts(&self, learner: &str) -> Result<Vec<PassCount>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, PassCount>(
                "SELECT exercise_id, COUNT(*) AS passes,
                        SUM(CASE WHEN hints_used = 0 THEN 1 ELSE 0 END) AS clean_passes
                 FROM attempts WHERE learner = $1 AND passed = TRUE
                 GROUP BY exercise_id",
            )
            .bind(learner)
            .fetch_all(read)
            .await?)
        })
    }

    /// When the learner last made an attempt (RFC 3339), if ever.
    pub async fn last_attempt_at(&self, learner: &str) -> Result<Option<String>> {
        on_db!(self, |read, write| {
            let row: (Option<String>,) =
                sqlx::query_as("SELECT MAX(created_at) FROM attempts WHERE learner = $1")
                    .bind(learner)
                    .fetch_one(read)
                    .await?;
            Ok(row.0)
        })
    }
}
