//! The trainer's console: who has done what in a class (a grid of trainees × exercises), who may
//! need help and why, in words, and releasing exercises to the whole class at once. The rules
//! live here; `web::trainer::class` only shows them.
//!
//! "May need help" has two causes, both chosen so a trainer can act on them mid-session:
//! - *stuck on an exercise*: [`STUCK_ATTEMPTS`] or more attempts at it without a pass;
//! - *quiet*: no attempt for [`QUIET_MINUTES`] minutes or more (counted from joining when there
//!   is no attempt yet) while an open exercise of the class is still not passed. A trainee who
//!   has passed every open exercise, or a class whose exercises are all locked for the
//!   debrief, is never "quiet".

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::App;
use super::mastery::pass_credit;
use crate::error::Result;
use crate::store::classroom::{ClassExercise, TraineeRow, TraineeStanding};

/// Attempts at one exercise without a pass that make a trainee "stuck" on it.
pub const STUCK_ATTEMPTS: i64 = 3;
/// Minutes without an attempt that make a trainee with work left "quiet".
pub const QUIET_MINUTES: i64 = 10;

/// One trainee's standing on one exercise, as the grid shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    NotStarted,
    /// Attempts, none passing yet; `stuck` from [`STUCK_ATTEMPTS`].
    /// `hints`: hints of the exercise opened so far.
    Trying {
        attempts: i64,
        best: Option<f64>,
        stuck: bool,
        hints: i64,
    },
    /// `hints`: the fewest hints open at a passing attempt.
    Passed {
        attempts: i64,
        best: Option<f64>,
        hints: i64,
    },
}

/// Why a trainee may need help.
#[derive(Debug, Clone, PartialEq)]
pub enum Help {
    /// Stuck on the exercise at this index of the class's order (0-based), after these attempts.
    Stuck { exercise: usize, attempts: i64 },
    /// No attempt for this many minutes; `since_joining` when they have made none.
    Quiet { minutes: i64, since_joining: bool },
}

/// A trainee's row of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub trainee_id: String,
    pub name: String,
    pub cells: Vec<Cell>,
    pub passed: usize,
    /// Hints opened over the class's exercises.
    pub hints: i64,
    /// The passes as they count for mastery (`app::mastery`): a pass with hints counts less.
    pub mastery: f64,
    pub help: Vec<Help>,
}

/// The grid: one row per trainee, in joining order, one cell per exercise of the class in the
/// trainer's order. `now` is passed in so the rule is tested without a clock.
pub fn grid(
    exercises: &[ClassExercise],
    trainees: &[TraineeRow],
    standings: &[TraineeStanding],
    now: DateTime<Utc>,
) -> Vec<Row> {
    let by_key: HashMap<(&str, &str), &TraineeStanding> = standings
        .iter()
        .map(|s| ((s.trainee_id.as_str(), s.exercise_id.as_str()), s))
        .collect();
    trainees
        .iter()
        .map(|t| {
            let cells: Vec<Cell> = exercises
                .iter()
                .map(
                    |e| match by_key.get(&(t.id.as_str(), e.exercise_id.as_str())) {
                        None => Cell::NotStarted,
                        Some(s) if s.passed => Cell::Passed {
                            attempts: s.attempts,
                            best: s.best,
                            hints: s.hints_at_pass.unwrap_or(0),
                        },
                        Some(s) => Cell::Trying {
                            attempts: s.attempts,
                            best: s.best,
                            stuck: s.attempts >= STUCK_ATTEMPTS,
                            hints: s.hints,
                        },
                    },
                )
                .collect();
            let mut help: Vec<Help> = cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| match c {
                    Cell::Trying {
                        attempts,
                        stuck: true,
                        ..
                    } => Some(Help::Stuck {
                        exercise: i,
                        attempts: *attempts,
                    }),
                    _ => None,
                })
                .collect();
            let work_left = exercises
                .iter()
                .zip(&cells)
                .any(|(e, c)| !e.locked && !matches!(c, Cell::Passed { .. }));
            let (since, since_joining) = match &t.last_attempt_at {
                Some(at) => (at.as_str(), false),
                None => (t.joined_at.as_str(), true),
            };
            if let Ok(since) = DateTime::parse_from_rfc3339(since) {
                let minutes = (now - since.with_timezone(&Utc)).num_minutes();
                if work_left && minutes >= QUIET_MINUTES {
                    help.push(Help::Quiet {
                        minutes,
                        since_joining,
                    });
                }
            }
            let hints = exercises
                .iter()
                .filter_map(|e| by_key.get(&(t.id.as_str(), e.exercise_id.as_str())))
                .map(|s| s.hints)
                .sum();
            let mastery = cells
                .iter()
                .map(|c| match c {
                    Cell::Passed { hints, .. } => pass_credit(true, Some(*hints)),
                    _ => 0.0,
                })
                .sum();
            Row {
                trainee_id: t.id.clone(),
                name: t.name.clone(),
                passed: cells
                    .iter()
                    .filter(|c| matches!(c, Cell::Passed { .. }))
                    .count(),
                hints,
                mastery,
                cells,
                help,
            }
        })
        .collect()
}

/// What the trainer releases (or holds back) for the whole class at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Release {
    OpenAll,
    LockAll,
    /// Opens the first locked exercise in the class's order.
    OpenNext,
}

/// What a release did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Released {
    /// Every exercise of the class (this many) is now locked, or open.
    All { locked: bool, count: u64 },
    /// This exercise (0-based place in the class's order) is open now.
    Opened { exercise_id: String, index: usize },
    /// Nothing was locked: nothing to open.
    NothingLocked,
}

impl App {
    /// The grid of a class, as of now.
    pub async fn console_grid(&self, class_id: &str) -> Result<(Vec<ClassExercise>, Vec<Row>)> {
        let catalog = self.catalog();
        // Exercises the catalog no longer has (an upload removed) are not shown anywhere.
        let exercises: Vec<ClassExercise> = self
            .store
            .class_exercises(class_id)
            .await?
            .into_iter()
            .filter(|e| catalog.get(&e.exercise_id).is_some())
            .collect();
        let trainees = self.store.trainees(class_id).await?;
        let standings = self.store.class_standings(class_id).await?;
        let rows = grid(&exercises, &trainees, &standings, self.now());
        Ok((exercises, rows))
    }

    /// Opens or locks the class's exercises for everyone at once.
    pub async fn release(&self, class_id: &str, what: Release) -> Result<Released> {
        match what {
            Release::OpenAll | Release::LockAll => {
                let locked = what == Release::LockAll;
                let count = self
                    .store
                    .set_all_exercises_locked(class_id, locked)
                    .await?;
                Ok(Released::All { locked, count })
            }
            Release::OpenNext => {
                let exercises = self.store.class_exercises(class_id).await?;
                let Some((index, next)) = exercises.iter().enumerate().find(|(_, e)| e.locked)
                else {
                    return Ok(Released::NothingLocked);
                };
                self.store
                    .set_exercise_locked(class_id, &next.exercise_id, false)
                    .await?;
                Ok(Released::Opened {
                    exercise_id: next.exercise_id.clone(),
                    index,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(id: &str, locked: bool) -> ClassExercise {
        ClassExercise {
            exercise_id: id.into(),
            position: 0,
            locked,
        }
    }

    fn trainee(id: &str, joined: &str, last: Option<&str>) -> TraineeRow {
        TraineeRow {
            id: id.into(),
            name: id.to_uppercase(),
            joined_at: joined.into(),
            attempts: 0,
            last_attempt_at: last.map(String::from),
        }
    }

    fn standing(t: &str, e: &str, attempts: i64, best: f64, passed: bool) -> TraineeStanding {
        hinted(t, e, attempts, best, passed, 0)
    }

    fn hinted(
        t: &str,
        e: &str,
        attempts: i64,
        best: f64,
        passed: bool,
        hints: i64,
    ) -> TraineeStanding {
        TraineeStanding {
            trainee_id: t.into(),
            name: t.to_uppercase(),
            exercise_id: e.into(),
            attempts,
            best: Some(best),
            passed,
            first_at: String::new(),
            last_at: String::new(),
            hints,
            hints_at_pass: passed.then_some(hints),
        }
    }

    #[test]
    fn cells_and_who_needs_help() {
        let now = DateTime::parse_from_rfc3339("2026-05-10T10:30:00Z")
            .expect("time")
            .with_timezone(&Utc);
        let exercises = [ex("a", false), ex("b", false), ex("c", true)];
        let trainees = [
            // stuck on b (three tries), and working recently
            trainee("kim", "2026-05-10T10:00:00Z", Some("2026-05-10T10:28:00Z")),
            // passed everything open: never "quiet", though silent for 25 minutes
            trainee("lee", "2026-05-10T10:00:00Z", Some("2026-05-10T10:05:00Z")),
            // joined 12 minutes ago, nothing tried
            trainee("sam", "2026-05-10T10:18:00Z", None),
            // two tries only, 9 minutes ago: not yet anything
            trainee("ana", "2026-05-10T10:00:00Z", Some("2026-05-10T10:21:00Z")),
        ];
        let standings = [
            standing("kim", "a", 1, 90.0, true),
            hinted("kim", "b", 3, 40.0, false, 2),
            standing("lee", "a", 2, 80.0, true),
            hinted("lee", "b", 1, 75.0, true, 1),
            standing("ana", "a", 2, 30.0, false),
        ];
        let rows = grid(&exercises, &trainees, &standings, now);
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[0].cells,
            vec![
                Cell::Passed {
                    attempts: 1,
                    best: Some(90.0),
                    hints: 0
                },
                Cell::Trying {
                    attempts: 3,
                    best: Some(40.0),
                    stuck: true,
                    hints: 2
                },
                Cell::NotStarted
            ]
        );
        assert_eq!(
            rows[0].help,
            vec![Help::Stuck {
                exercise: 1,
                attempts: 3
            }]
        );
        assert_eq!(rows[1].passed, 2);
        // hints opened show on the row, and a pass with a hint counts less towards mastery
        assert_eq!((rows[0].hints, rows[1].hints), (2, 1));
        assert_eq!((rows[0].mastery, rows[1].mastery), (1.0, 1.75));
        assert!(rows[1].help.is_empty(), "{:?}", rows[1].help);
        assert_eq!(
            rows[2].help,
            vec![Help::Quiet {
                minutes: 12,
                since_joining: true
            }]
        );
        assert!(rows[3].help.is_empty(), "{:?}", rows[3].help);
        // Everything locked for the debrief: nobody is "quiet".
        let locked = [ex("a", true), ex("b", true)];
        let rows = grid(&locked, &trainees, &standings, now);
        assert!(rows[2].help.is_empty());
        assert_eq!(rows[0].help.len(), 1, "stuck stays stuck");
    }
}
