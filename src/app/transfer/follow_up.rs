//! Reflection after attempts, and evaluation that follows up (docs/programmes.md, "Follow-up").
//!
//! At the end of a session the learner says how far they agree that "I will be more effective at
//! work as a result" (1 strongly disagree to 5 strongly agree). From four weeks after that (28
//! days, by `App::now`) until six weeks after it (42 days) the same statement is asked again with
//! "what have you done differently since"; after six weeks the follow-up is missed and no longer
//! taken, so every answer a trainer reports was given four to six weeks on. The trainer sees each
//! statement beside its follow-up and a summary of change for the cohort.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::required_text;
use crate::app::App;
use crate::error::{Error, Result};
use crate::store::transfer::{ProgrammeEvaluation, Reflection};

/// Days after the statement when the follow-up opens and closes.
pub const FOLLOW_UP_OPENS_DAYS: i64 = 28;
pub const FOLLOW_UP_CLOSES_DAYS: i64 = 42;
pub const REFLECTION_MAX: usize = 1_000;
pub const COMMENT_MAX: usize = 1_000;

/// The statement, worded the same everywhere.
pub const STATEMENT: &str = "I will be more effective at work as a result";
/// Its wording four to six weeks on.
pub const STATEMENT_AGAIN: &str = "I am more effective at work as a result";

/// The answers on the agreement scale, 1 to 5.
pub const AGREEMENT: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];

/// Where a statement's follow-up stands at a given time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FollowUp {
    /// Not asked yet: opens then.
    NotYet {
        opens: DateTime<Utc>,
    },
    /// Asked now, until then.
    Due {
        closes: DateTime<Utc>,
    },
    Answered,
    /// Six weeks passed without an answer.
    Missed,
}

fn parse_time(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| Error::internal(anyhow::anyhow!("stored time {s:?}: {e}")))
}

/// The follow-up's state at `now`.
pub fn follow_up_state(e: &ProgrammeEvaluation, now: DateTime<Utc>) -> Result<FollowUp> {
    if e.follow_up_at.is_some() {
        return Ok(FollowUp::Answered);
    }
    let asked = parse_time(&e.asked_at)?;
    let opens = asked + Duration::days(FOLLOW_UP_OPENS_DAYS);
    let closes = asked + Duration::days(FOLLOW_UP_CLOSES_DAYS);
    Ok(if now < opens {
        FollowUp::NotYet { opens }
    } else if now <= closes {
        FollowUp::Due { closes }
    } else {
        FollowUp::Missed
    })
}

/// A choice on the agreement scale, from a form's field.
pub fn agreement(value: Option<&str>) -> Result<i64> {
    value
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|v| (1..=5).contains(v))
        .ok_or_else(|| {
            Error::invalid("Choose how far you agree, from strongly disagree to strongly agree")
        })
}

/// The words of a point on the scale.
pub fn agreement_words(value: i64) -> &'static str {
    usize::try_from(value - 1)
        .ok()
        .and_then(|i| AGREEMENT.get(i))
        .copied()
        .unwrap_or("")
}

/// One learner's statement beside its follow-up, for the trainer.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    pub learner: String,
    pub name: String,
    pub asked_at: String,
    pub before: i64,
    pub comment: String,
    pub after: Option<i64>,
    pub done_differently: String,
    pub answered_at: String,
    pub state: FollowUp,
}

/// The change in the cohort's answers, over the statements followed up.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Change {
    pub statements: usize,
    pub answered: usize,
    pub waiting: usize,
    pub missed: usize,
    pub mean_before: Option<f64>,
    pub mean_after: Option<f64>,
    /// Mean of (after − before) over answered pairs.
    pub mean_change: Option<f64>,
    pub higher: usize,
    pub same: usize,
    pub lower: usize,
}

/// The summary of change over `pairs`.
pub fn change(pairs: &[Pair]) -> Change {
    let mut c = Change {
        statements: pairs.len(),
        ..Change::default()
    };
    let answered: Vec<(i64, i64)> = pairs
        .iter()
        .filter_map(|p| p.after.map(|a| (p.before, a)))
        .collect();
    c.answered = answered.len();
    for p in pairs {
        match p.state {
            FollowUp::NotYet { .. } | FollowUp::Due { .. } => c.waiting += 1,
            FollowUp::Missed => c.missed += 1,
            FollowUp::Answered => {}
        }
    }
    if !answered.is_empty() {
        let n = answered.len() as f64;
        c.mean_before = Some(answered.iter().map(|(b, _)| *b as f64).sum::<f64>() / n);
        c.mean_after = Some(answered.iter().map(|(_, a)| *a as f64).sum::<f64>() / n);
        c.mean_change = Some(answered.iter().map(|(b, a)| (a - b) as f64).sum::<f64>() / n);
        c.higher = answered.iter().filter(|(b, a)| a > b).count();
        c.same = answered.iter().filter(|(b, a)| a == b).count();
        c.lower = answered.iter().filter(|(b, a)| a < b).count();
    }
    c
}

impl App {
    /// Records the end-of-session statement; returns its id.
    pub async fn record_session_statement(
        &self,
        learner: &str,
        cohort_id: Option<&str>,
        effective: Option<&str>,
        comment: &str,
    ) -> Result<String> {
        let effective = agreement(effective)?;
        let comment = comment.trim();
        if comment.chars().count() > COMMENT_MAX {
            return Err(Error::invalid(format!(
                "Keep your comment to {COMMENT_MAX} characters"
            )));
        }
        self.store
            .add_programme_evaluation(learner, cohort_id, effective, comment, self.now())
            .await
    }

    /// A learner's statements with where each follow-up stands, newest first.
    pub async fn follow_ups(&self, learner: &str) -> Result<Vec<(ProgrammeEvaluation, FollowUp)>> {
        let now = self.now();
        let mut out = Vec::new();
        for e in self.store.programme_evaluations(learner).await? {
            let state = follow_up_state(&e, now)?;
            out.push((e, state));
        }
        out.reverse();
        Ok(out)
    }

    /// The follow-up of one of the learner's statements, if it is theirs.
    pub async fn follow_up_of(
        &self,
        learner: &str,
        id: &str,
    ) -> Result<(ProgrammeEvaluation, FollowUp)> {
        let e = self
            .store
            .programme_evaluation(id)
            .await?
            .filter(|e| e.learner == learner)
            .ok_or_else(|| Error::not_found("There is no such statement of yours."))?;
        let state = follow_up_state(&e, self.now())?;
        Ok((e, state))
    }

    /// Answers a follow-up, only while it is due.
    pub async fn answer_follow_up(
        &self,
        learner: &str,
        id: &str,
        effective: Option<&str>,
        done_differently: &str,
    ) -> Result<()> {
        let (_, state) = self.follow_up_of(learner, id).await?;
        match state {
            FollowUp::Due { .. } => {}
            FollowUp::NotYet { opens } => {
                return Err(Error::refused(
                    "Not yet",
                    format!(
                        "This follow-up opens on {}, four weeks after the session.",
                        opens.format("%-d %B %Y")
                    ),
                ));
            }
            FollowUp::Answered => {
                return Err(Error::refused(
                    "Already answered",
                    "You have answered this follow-up.",
                ));
            }
            FollowUp::Missed => {
                return Err(Error::refused(
                    "This follow-up has closed",
                    "Follow-ups are taken from four to six weeks after the session, so that every answer is compared over the same time.",
                ));
            }
        }
        let effective = agreement(effective)?;
        let done = required_text(
            done_differently,
            "what you have done differently since",
            COMMENT_MAX,
        )?;
        if !self
            .store
            .answer_follow_up(id, effective, &done, self.now())
            .await?
        {
            return Err(Error::refused(
                "Already answered",
                "You have answered this follow-up.",
            ));
        }
        Ok(())
    }

    /// A cohort's statements beside their follow-ups, in name order, with the summary.
    pub async fn cohort_follow_up(&self, cohort_id: &str) -> Result<(Vec<Pair>, Change)> {
        let names: std::collections::HashMap<String, String> = self
            .store
            .cohort_learners(cohort_id)
            .await?
            .into_iter()
            .map(|l| (l.id, l.name))
            .collect();
        let now = self.now();
        let mut pairs = Vec::new();
        for e in self.store.cohort_evaluations(cohort_id).await? {
            let state = follow_up_state(&e, now)?;
            pairs.push(Pair {
                name: names.get(&e.learner).cloned().unwrap_or_default(),
                learner: e.learner,
                asked_at: e.asked_at,
                before: e.effective,
                comment: e.comment,
                after: e.follow_up_effective,
                done_differently: e.follow_up_done_differently.unwrap_or_default(),
                answered_at: e.follow_up_at.unwrap_or_default(),
                state,
            });
        }
        pairs.sort_by(|a, b| {
            (a.name.to_lowercase(), &a.asked_at).cmp(&(b.name.to_lowercase(), &b.asked_at))
        });
        let summary = change(&pairs);
        Ok((pairs, summary))
    }

    /// A reflection after an attempt at `exercise_id`: the learner must have tried it.
    pub async fn reflect(&self, learner: &str, exercise_id: &str, body: &str) -> Result<()> {
        let body = required_text(body, "your reflection", REFLECTION_MAX)?;
        let attempts = self.store.attempts(learner, Some(exercise_id)).await?;
        let Some(latest) = attempts
            .iter()
            .max_by(|a, b| a.created_at.cmp(&b.created_at))
        else {
            return Err(Error::refused(
                "Try the exercise first",
                "A reflection follows an attempt: try the exercise, then write what you noticed.",
            ));
        };
        self.store
            .add_reflection(learner, exercise_id, Some(&latest.id), &body, self.now())
            .await
    }

    pub async fn reflections(&self, learner: &str) -> Result<Vec<Reflection>> {
        self.store.reflections(learner).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::clock::{Clock, ManualClock};

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[tokio::test]
    async fn the_follow_up_opens_at_four_weeks_and_closes_at_six() {
        let clock = ManualClock::at(t0());
        let app = App::in_memory().await.unwrap().with_clock(clock.clone());
        let id = app
            .record_session_statement("local", None, Some("3"), "")
            .await
            .unwrap();
        assert!(
            app.record_session_statement("local", None, Some("6"), "")
                .await
                .is_err()
        );
        assert!(
            app.record_session_statement("local", None, None, "")
                .await
                .is_err()
        );
        let state = |app: &App| {
            let app = app.clone();
            let id = id.clone();
            async move { app.follow_up_of("local", &id).await.unwrap().1 }
        };
        assert_eq!(
            state(&app).await,
            FollowUp::NotYet {
                opens: t0() + Duration::days(28)
            }
        );
        // Three weeks on: too early, refused.
        clock.advance(Duration::days(21));
        let early = app
            .answer_follow_up("local", &id, Some("4"), "Set up a daily query")
            .await;
        assert!(matches!(early, Err(Error::Refused { .. })), "{early:?}");
        // Four weeks on: due until six weeks.
        clock.advance(Duration::days(7));
        assert_eq!(
            state(&app).await,
            FollowUp::Due {
                closes: t0() + Duration::days(42)
            }
        );
        // Someone else cannot answer it.
        assert!(
            app.answer_follow_up("other", &id, Some("4"), "x")
                .await
                .is_err()
        );
        // The answer needs what was done differently.
        assert!(
            app.answer_follow_up("local", &id, Some("4"), " ")
                .await
                .is_err()
        );
        app.answer_follow_up("local", &id, Some("4"), "Set up a daily query")
            .await
            .unwrap();
        assert_eq!(state(&app).await, FollowUp::Answered);
        assert!(
            app.answer_follow_up("local", &id, Some("5"), "again")
                .await
                .is_err()
        );

        // A statement not followed up in six weeks is missed.
        let late = app
            .record_session_statement("local", None, Some("5"), "")
            .await
            .unwrap();
        clock.advance(Duration::days(42) + Duration::minutes(1));
        let (_, s) = app.follow_up_of("local", &late).await.unwrap();
        assert_eq!(s, FollowUp::Missed);
        assert!(
            app.answer_follow_up("local", &late, Some("5"), "x")
                .await
                .is_err()
        );
    }

    #[test]
    fn the_summary_of_change_counts_pairs() {
        let pair = |before, after: Option<i64>, state| Pair {
            learner: String::new(),
            name: String::new(),
            asked_at: String::new(),
            before,
            comment: String::new(),
            after,
            done_differently: String::new(),
            answered_at: String::new(),
            state,
        };
        let pairs = [
            pair(3, Some(4), FollowUp::Answered),
            pair(4, Some(4), FollowUp::Answered),
            pair(5, Some(2), FollowUp::Answered),
            pair(2, None, FollowUp::Missed),
            pair(4, None, FollowUp::Due { closes: Utc::now() }),
        ];
        let c = change(&pairs);
        assert_eq!(
            (c.statements, c.answered, c.waiting, c.missed),
            (5, 3, 1, 1)
        );
        assert_eq!((c.higher, c.same, c.lower), (1, 1, 1));
        assert_eq!(c.mean_before, Some(4.0));
        assert_eq!(c.mean_after, Some(10.0 / 3.0));
        assert!((c.mean_change.unwrap() - (-2.0 / 3.0)).abs() < 1e-9);
        assert_eq!(change(&[]).mean_change, None);
    }
}
