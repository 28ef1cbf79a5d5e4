//! Plans (issue 19; docs/programmes.md "Plans", "The cohort view", "Calendar"): a learner's 4 to
//! 12 weeks of weekly assignments, proposed from their skill profile, started by the learner,
//! adjusted by the trainer (or by the self-learner for themselves), done when the learner passes;
//! and how each learner of a cohort stands. `rules.rs` holds the rules as pure functions; this
//! file reads the database and the app's clock ([`App::now`]) and feeds them.

pub mod calendar; // the plan's deadlines as a calendar, and private addresses to subscribe to it
pub mod rules;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc, Weekday};

use super::App;
use crate::catalog::skills::Skill;
use crate::error::{Error, Result};
use crate::store::new_id;
use crate::store::plans::{AssignmentRow, NewAssignment, PlanRow};
use crate::store::skills::SkillLevel;
pub use rules::{Goal, Proposal, Standing, State};

/// Who changes a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adjuster {
    /// The learner themselves: only the self-learner (`local`) adjusts their own plan; a
    /// programme's learner asks their trainer.
    Learner,
    Trainer,
}

impl Adjuster {
    fn id(self) -> &'static str {
        match self {
            Adjuster::Learner => "learner",
            Adjuster::Trainer => "trainer",
        }
    }
}

/// Whether the learner `learner` may adjust their own plan: the self-learner only.
pub fn adjusts_own_plan(learner: &str) -> bool {
    learner == super::Learner::local().id
}

/// A change to one assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new due date, `YYYY-MM-DD`.
    Move(String),
    /// A new goal (`pass`, `no-hints`, `passed`).
    Goal(String),
    /// Another exercise in its place (same due date and goal).
    Swap(String),
    Remove,
}

impl Change {
    /// A change from a form's `action` and its fields.
    pub fn from_form(action: &str, due: &str, goal: &str, exercise: &str) -> Result<Change> {
        Ok(match action {
            "move" => Change::Move(due.to_string()),
            "goal" => Change::Goal(goal.to_string()),
            "swap" => Change::Swap(exercise.to_string()),
            "remove" => Change::Remove,
            other => {
                return Err(Error::invalid(format!(
                    "`{other}` is not a change to an assignment: move, goal, swap or remove"
                )));
            }
        })
    }
}

/// One assignment as pages show it.
#[derive(Debug, Clone)]
pub struct AssignmentView {
    pub id: String,
    pub skill: Option<Skill>,
    pub exercise_id: String,
    pub title: String,
    pub goal: Goal,
    /// The goal in words: "Pass 'Sandbags: every form of the word' without hints".
    pub goal_words: String,
    pub due_on: NaiveDate,
    pub week: u32,
    pub state: State,
    pub revision: i64,
    pub updated_by: String,
}

/// A learner's current plan as pages show it, on the day `today`.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub id: String,
    pub weeks: u32,
    pub weekday: Weekday,
    pub starts_on: NaiveDate,
    pub from_profile: bool,
    pub today: NaiveDate,
    /// The week `today` falls in (may be past the plan's last week).
    pub current_week: u32,
    pub assignments: Vec<AssignmentView>,
}

impl PlanView {
    pub fn in_state(&self, s: State) -> Vec<&AssignmentView> {
        self.assignments.iter().filter(|a| a.state == s).collect()
    }

    /// The assignments of the current week.
    pub fn this_week(&self) -> Vec<&AssignmentView> {
        self.assignments
            .iter()
            .filter(|a| a.week == self.current_week)
            .collect()
    }

    /// The plan's last week: its length, or later when a due date was moved past it.
    pub fn last_week(&self) -> u32 {
        self.assignments
            .iter()
            .map(|a| a.week)
            .max()
            .unwrap_or(0)
            .max(self.weeks)
    }

    /// The weekday work falls due, in full: "Friday".
    pub fn weekday_name(&self) -> String {
        self.ends_on().format("%A").to_string()
    }

    /// The last day of the plan's last week.
    pub fn ends_on(&self) -> NaiveDate {
        rules::week_due(self.starts_on, self.weekday, self.weeks)
    }
}

/// One learner's row of the cohort view.
#[derive(Debug, Clone)]
pub struct LearnerProgress {
    pub id: String,
    pub name: String,
    pub team: String,
    pub standing: Standing,
    pub why: String,
    pub plan: Option<PlanView>,
    /// For each week 1..=`weeks` of the cohort view: (set, done, overdue).
    pub by_week: Vec<(usize, usize, usize)>,
    /// For each skill of `Skill::ALL`: the latest level (if measured), assignments set, done.
    pub by_skill: Vec<(Skill, Option<f64>, usize, usize)>,
}

/// The cohort view: every learner, and the number of week columns.
#[derive(Debug, Clone)]
pub struct CohortProgress {
    pub weeks: u32,
    pub learners: Vec<LearnerProgress>,
    pub today: NaiveDate,
}

fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| Error::internal(anyhow::anyhow!("a stored date `{s}` does not read: {e}")))
}

fn levels_of(profile: &[SkillLevel]) -> BTreeMap<Skill, f64> {
    profile
        .iter()
        .filter_map(|l| Some((Skill::parse(&l.skill)?, l.level)))
        .collect()
}

impl App {
    /// The plan `learner` would get today: `weeks` weeks, falling due on `weekday`.
    pub async fn propose_plan(
        &self,
        learner: &str,
        weeks: u32,
        weekday: Weekday,
    ) -> Result<Proposal> {
        let profile = self.store.skill_profile(learner).await?;
        let passed = self.passed_exercises(learner).await?;
        let catalog = self.catalog();
        Ok(rules::propose(
            &levels_of(&profile),
            &catalog.exercises,
            &passed,
            weeks,
            weekday,
            self.now().date_naive(),
        ))
    }

    /// Starts the proposed plan for `learner` (ending their current plan, if any), by the
    /// learner or their trainer. `weeks` and `weekday` are as a form sends them.
    pub async fn start_plan(
        &self,
        learner: &str,
        weeks: &str,
        weekday: &str,
        by: Adjuster,
    ) -> Result<()> {
        let weeks = rules::parse_weeks(weeks)?;
        let weekday = rules::parse_weekday(weekday)?;
        let proposal = self.propose_plan(learner, weeks, weekday).await?;
        let counts = rules::counts_by_exercise(self.store.pass_counts(learner).await?);
        let assignments: Vec<NewAssignment> = proposal
            .assignments
            .iter()
            .map(|p| {
                let c = counts.get(&p.exercise_id);
                NewAssignment {
                    skill: p.skill.id().to_string(),
                    exercise_id: p.exercise_id.clone(),
                    goal: p.goal.id().to_string(),
                    due_on: p.due_on.to_string(),
                    passes_before: c.map_or(0, |c| c.passes),
                    clean_passes_before: c.map_or(0, |c| c.clean_passes),
                }
            })
            .collect();
        let plan = PlanRow {
            id: new_id(),
            learner: learner.to_string(),
            weeks: weeks as i64,
            due_weekday: weekday.number_from_monday() as i64,
            starts_on: proposal.starts_on.to_string(),
            from_profile: proposal.from_profile,
            created_at: self.stamp(),
        };
        self.store.start_plan(&plan, &assignments, by.id()).await
    }

    fn stamp(&self) -> String {
        crate::store::stamp(self.now())
    }

    /// The learner's current plan and where each assignment stands today, if they have one.
    pub async fn plan(&self, learner: &str) -> Result<Option<PlanView>> {
        let Some(plan) = self.store.current_plan(learner).await? else {
            return Ok(None);
        };
        let rows = self.store.plan_assignments(&plan.id).await?;
        let counts = rules::counts_by_exercise(self.store.pass_counts(learner).await?);
        let catalog = self.catalog();
        let today = self.now().date_naive();
        let starts_on = parse_date(&plan.starts_on)?;
        let weekday = rules::weekday_from_number(plan.due_weekday as u32);
        let mut assignments = Vec::with_capacity(rows.len());
        for r in rows {
            let goal = Goal::parse(&r.goal).unwrap_or(Goal::Pass);
            let due_on = parse_date(&r.due_on)?;
            let title = catalog
                .exercises
                .iter()
                .find(|e| e.id == r.exercise_id)
                .map(|e| e.title.clone())
                .unwrap_or_else(|| format!("{} (no longer in the catalog)", r.exercise_id));
            let done = rules::is_done(
                goal,
                r.passes_before,
                r.clean_passes_before,
                counts.get(&r.exercise_id),
            );
            assignments.push(AssignmentView {
                goal_words: goal.words(&title),
                skill: Skill::parse(&r.skill),
                week: rules::week_of(starts_on, weekday, due_on),
                state: State::of(done, due_on, today),
                id: r.id,
                exercise_id: r.exercise_id,
                title,
                goal,
                due_on,
                revision: r.revision,
                updated_by: r.updated_by,
            });
        }
        Ok(Some(PlanView {
            id: plan.id,
            weeks: plan.weeks as u32,
            weekday,
            from_profile: plan.from_profile,
            current_week: rules::week_of(starts_on, weekday, today),
            starts_on,
            today,
            assignments,
        }))
    }

    /// The current plan of `learner`, or a clear refusal.
    async fn plan_row(&self, learner: &str) -> Result<PlanRow> {
        self.store.current_plan(learner).await?.ok_or_else(|| {
            Error::not_found("There is no plan yet: start one from the programme page")
        })
    }

    /// An assignment's content for `exercise_id`, with the learner's passes at it counted now.
    async fn assignment_for(
        &self,
        learner: &str,
        exercise_id: &str,
        goal: Goal,
        due_on: NaiveDate,
    ) -> Result<NewAssignment> {
        let catalog = self.catalog();
        let exercise = catalog
            .exercises
            .iter()
            .find(|e| e.id == exercise_id.trim())
            .ok_or_else(|| {
                Error::invalid(format!(
                    "There is no exercise `{}`: choose one from the list",
                    exercise_id.trim()
                ))
            })?;
        let counts = rules::counts_by_exercise(self.store.pass_counts(learner).await?);
        let c = counts.get(&exercise.id);
        Ok(NewAssignment {
            skill: Skill::of_exercise(exercise)
                .first()
                .map_or("", |s| s.id())
                .to_string(),
            exercise_id: exercise.id.clone(),
            goal: goal.id().to_string(),
            due_on: due_on.to_string(),
            passes_before: c.map_or(0, |c| c.passes),
            clean_passes_before: c.map_or(0, |c| c.clean_passes),
        })
    }

    fn may_adjust(learner: &str, by: Adjuster) -> Result<()> {
        if by == Adjuster::Learner && !adjusts_own_plan(learner) {
            return Err(Error::refused(
                "Your trainer adjusts your plan",
                "Ask your trainer to move a date or change an assignment.",
            ));
        }
        Ok(())
    }

    /// Changes one assignment of the learner's current plan: moves its due date, changes its
    /// goal, swaps its exercise (the learner's earlier passes at the new one are counted from
    /// now) or removes it.
    pub async fn change_assignment(
        &self,
        learner: &str,
        assignment_id: &str,
        change: Change,
        by: Adjuster,
    ) -> Result<()> {
        Self::may_adjust(learner, by)?;
        let plan = self.plan_row(learner).await?;
        let row: AssignmentRow = self
            .store
            .plan_assignment(&plan.id, assignment_id)
            .await?
            .ok_or_else(|| Error::not_found("There is no such assignment in this plan"))?;
        let mut next = NewAssignment {
            skill: row.skill,
            exercise_id: row.exercise_id,
            goal: row.goal,
            due_on: row.due_on,
            passes_before: row.passes_before,
            clean_passes_before: row.clean_passes_before,
        };
        match change {
            Change::Remove => {
                self.store
                    .delete_plan_assignment(&plan.id, assignment_id)
                    .await?;
                return Ok(());
            }
            Change::Move(due) => next.due_on = rules::parse_due(&due)?.to_string(),
            Change::Goal(goal) => next.goal = Goal::parse(&goal)?.id().to_string(),
            Change::Swap(exercise) => {
                let goal = Goal::parse(&next.goal).unwrap_or(Goal::Pass);
                next = self
                    .assignment_for(learner, &exercise, goal, parse_date(&next.due_on)?)
                    .await?;
            }
        }
        self.store
            .update_plan_assignment(&plan.id, assignment_id, &next, &self.stamp(), by.id())
            .await?;
        Ok(())
    }

    /// Adds an assignment to the learner's current plan.
    pub async fn add_assignment(
        &self,
        learner: &str,
        exercise_id: &str,
        due: &str,
        goal: &str,
        by: Adjuster,
    ) -> Result<()> {
        Self::may_adjust(learner, by)?;
        let plan = self.plan_row(learner).await?;
        let due = rules::parse_due(due)?;
        let goal = Goal::parse(goal)?;
        let a = self.assignment_for(learner, exercise_id, goal, due).await?;
        self.store
            .add_plan_assignment(&plan.id, &a, &self.stamp(), by.id())
            .await?;
        Ok(())
    }

    /// How one learner stands: on track, behind or stuck (see [`rules::standing`]).
    pub async fn learner_standing(
        &self,
        learner: &str,
        plan: Option<&PlanView>,
    ) -> Result<(Standing, String)> {
        let Some(plan) = plan else {
            return Ok((Standing::NoPlan, "Has not started a plan yet".to_string()));
        };
        let last = self
            .store
            .last_attempt_at(learner)
            .await?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc));
        let states: Vec<(State, NaiveDate)> = plan
            .assignments
            .iter()
            .map(|a| (a.state, a.due_on))
            .collect();
        Ok(rules::standing(&states, last, self.now()))
    }

    /// The cohort view: each learner's standing, per week and per skill.
    pub async fn cohort_progress(&self, cohort_id: &str) -> Result<CohortProgress> {
        if self.store.cohort(cohort_id).await?.is_none() {
            return Err(Error::not_found("There is no such cohort"));
        }
        let mut learners = Vec::new();
        for l in self.store.cohort_learners(cohort_id).await? {
            let plan = self.plan(&l.id).await?;
            let (standing, why) = self.learner_standing(&l.id, plan.as_ref()).await?;
            let levels = levels_of(&self.store.skill_profile(&l.id).await?);
            let by_skill = Skill::ALL
                .iter()
                .map(|s| {
                    let mine: Vec<&AssignmentView> = plan
                        .iter()
                        .flat_map(|p| &p.assignments)
                        .filter(|a| a.skill == Some(*s))
                        .collect();
                    let done = mine.iter().filter(|a| a.state == State::Done).count();
                    (*s, levels.get(s).copied(), mine.len(), done)
                })
                .collect();
            learners.push(LearnerProgress {
                id: l.id,
                name: l.name,
                team: l.team,
                standing,
                why,
                plan,
                by_week: Vec::new(),
                by_skill,
            });
        }
        let weeks = learners
            .iter()
            .filter_map(|l| l.plan.as_ref().map(|p| p.last_week()))
            .max()
            .unwrap_or(0);
        for l in &mut learners {
            l.by_week = (1..=weeks)
                .map(|w| {
                    let mine: Vec<&AssignmentView> = l
                        .plan
                        .iter()
                        .flat_map(|p| &p.assignments)
                        .filter(|a| a.week == w)
                        .collect();
                    let count = |s: State| mine.iter().filter(|a| a.state == s).count();
                    (mine.len(), count(State::Done), count(State::Overdue))
                })
                .collect();
        }
        Ok(CohortProgress {
            weeks,
            learners,
            today: self.now().date_naive(),
        })
    }
}

#[cfg(test)]
#[path = "plans_tests.rs"]
mod tests;
