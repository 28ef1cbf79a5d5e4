//! A plan's deadlines as a calendar (docs/programmes.md, "Calendar"): the events, one all-day
//! event an assignment, and the learner's private address that calendar programs subscribe to,
//! so a change of plan reaches their calendar without importing a file again. A learner has one
//! live address; making another stops the first, and the learner can stop it.

use chrono::NaiveDate;

use super::State;
use crate::app::App;
use crate::error::{Error, Result};

/// One deadline of the plan, as a calendar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    /// The assignment's id: the same whatever changes, so a calendar updates its event.
    pub assignment: String,
    /// How many times the assignment was changed (a calendar's SEQUENCE).
    pub revision: i64,
    pub due_on: NaiveDate,
    pub week: u32,
    pub goal_words: String,
    pub skill: Option<String>,
    pub done: bool,
    pub exercise_id: String,
}

/// Whose calendar an address opens.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarOwner {
    pub learner: String,
    pub name: String,
}

impl App {
    /// The deadlines of `learner`'s plan (none without a plan).
    pub async fn deadlines(&self, learner: &str) -> Result<Vec<Deadline>> {
        Ok(self
            .plan(learner)
            .await?
            .iter()
            .flat_map(|p| &p.assignments)
            .map(|a| Deadline {
                assignment: a.id.clone(),
                revision: a.revision,
                due_on: a.due_on,
                week: a.week,
                goal_words: a.goal_words.clone(),
                skill: a.skill.map(|s| s.name().to_string()),
                done: a.state == State::Done,
                exercise_id: a.exercise_id.clone(),
            })
            .collect())
    }

    /// Makes `learner` a new private calendar address (stopping the one before); returns its
    /// token, which is shown once and kept only as a hash.
    pub async fn make_calendar_address(&self, learner: &str, name: &str) -> Result<String> {
        self.store
            .issue_calendar_link(learner, name, self.now())
            .await
    }

    /// Stops `learner`'s private calendar address; false when there was none.
    pub async fn stop_calendar_address(&self, learner: &str) -> Result<bool> {
        self.store.stop_calendar_link(learner).await
    }

    /// Whose calendar a private address opens, or "not found" in words a calendar program's
    /// user can act on.
    pub async fn calendar_owner(&self, token: &str) -> Result<CalendarOwner> {
        let known = token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit());
        let owner = if known {
            self.store.calendar_link_owner(token).await?
        } else {
            None
        };
        let (learner, name) = owner.ok_or_else(|| {
            Error::not_found(
                "This calendar address is not known, or it was stopped or replaced. Make a new one on your programme's calendar page.",
            )
        })?;
        Ok(CalendarOwner { learner, name })
    }
}
