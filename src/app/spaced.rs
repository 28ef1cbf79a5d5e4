//! Practice that comes back (issue 19; docs/programmes.md, "Practice that comes back"). Every
//! exercise teaches a trap (its file's `trap`, or the exercise itself when it names none), and
//! a learner who passes an exercise of a trap gets a variant of the same trap back later: after
//! 2 days, then 1 week, then 3 weeks (and every 3 weeks from then on). A fail brings the trap
//! back after 1 day and starts the ladder over; a pass with hints open keeps the learner on
//! their rung and brings the trap back after that rung's interval (1 day before the first clean
//! pass). A pass made before the trap is due again changes nothing, so practising the same thing
//! twice in an afternoon does not count as coming back.
//!
//! Only the self-learner (`local`) and programme learners practise this way: a class's trainees
//! and the trainer's own tries are left alone. Times are the app's (`App::now`).

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{App, Learner};
use crate::catalog::exercises::{Catalog, Exercise, trap_name};
use crate::catalog::skills::Skill;
use crate::error::Result;
use crate::store::practice::{LadderRow, PracticeResult};
use crate::store::stamp;

/// Days until a trap comes back, by rung: rung 0 (a fail, or passes with hints only) 1 day,
/// then 2 days, 1 week and 3 weeks.
pub const INTERVAL_DAYS: [i64; 4] = [1, 2, 7, 21];
/// The highest rung: 3 weeks, again and again.
pub const TOP_RUNG: i64 = 3;

/// How an attempt went, for the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Fail,
    /// Passed with at least one hint open.
    PassWithHints,
    Pass,
}

impl Outcome {
    pub fn of(passed: bool, hints: i64) -> Outcome {
        match (passed, hints > 0) {
            (false, _) => Outcome::Fail,
            (true, true) => Outcome::PassWithHints,
            (true, false) => Outcome::Pass,
        }
    }
}

/// A learner's place on one trap's ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub rung: i64,
    pub due_at: DateTime<Utc>,
}

/// The interval of `rung` (clamped to the ladder).
pub fn interval(rung: i64) -> Duration {
    Duration::days(INTERVAL_DAYS[rung.clamp(0, TOP_RUNG) as usize])
}

/// Whether the trap had come back at `now`: due, or never practised.
pub fn is_due(before: Option<Place>, now: DateTime<Utc>) -> bool {
    before.is_none_or(|p| p.due_at <= now)
}

/// The place after an attempt with `outcome` at `now`, from `before` (None: the trap is new to
/// the learner).
pub fn next_place(before: Option<Place>, outcome: Outcome, now: DateTime<Utc>) -> Place {
    let rung = before.map_or(0, |p| p.rung);
    match outcome {
        Outcome::Fail => Place {
            rung: 0,
            due_at: now + interval(0),
        },
        // Passed again before it came back: the ladder stands as it was.
        _ if !is_due(before, now) => before.unwrap_or(Place { rung, due_at: now }),
        Outcome::PassWithHints => Place {
            rung,
            due_at: now + interval(rung),
        },
        Outcome::Pass => {
            let rung = (rung + 1).min(TOP_RUNG);
            Place {
                rung,
                due_at: now + interval(rung),
            }
        }
    }
}

/// The trap an exercise teaches: its file's `trap`, else its own id (an exercise with no named
/// trap is a trap of its own, served again as itself).
pub fn trap_of(exercise: &Exercise) -> &str {
    exercise.trap.as_deref().unwrap_or(&exercise.id)
}

/// The exercises of `trap`, in the catalog's order.
pub fn variants<'a>(catalog: &'a Catalog, trap: &str) -> Vec<&'a Exercise> {
    catalog
        .exercises
        .iter()
        .filter(|e| trap_of(e) == trap)
        .collect()
}

/// The variant to serve when `trap` comes back: the one after `last` in the catalog's order
/// (going round), so it differs from the last one whenever the trap has another.
pub fn next_variant<'a>(catalog: &'a Catalog, trap: &str, last: &str) -> Option<&'a Exercise> {
    let all = variants(catalog, trap);
    let at = all.iter().position(|e| e.id == last);
    let start = at.map_or(0, |i| i + 1);
    (0..all.len()).map(|k| all[(start + k) % all.len()]).next()
}

/// Whether `learner`'s attempts move ladders and measure skills: the self-learner and a
/// programme's learners (neither in a class nor the trainer).
pub fn practises(learner: &Learner) -> bool {
    learner.class_id.is_none() && learner.id != Learner::trainer().id
}

/// One trap on the practice page.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeItem {
    pub trap: String,
    /// How the page names it ("Word forms").
    pub name: String,
    pub skills: Vec<Skill>,
    pub rung: i64,
    pub due_at: DateTime<Utc>,
    /// The variant to do next (differs from the last one where the trap has another).
    pub exercise_id: String,
    pub exercise_title: String,
    /// The exercise done last.
    pub last_title: String,
    /// How many exercises the trap has.
    pub variants: usize,
}

/// What has come back for a learner and what is coming up.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Practice {
    /// Due now, longest waiting first.
    pub due: Vec<PracticeItem>,
    /// Due later, soonest first.
    pub coming: Vec<PracticeItem>,
}

impl App {
    /// Moves the ladder of `exercise`'s trap after a graded attempt of `learner`, and records
    /// the attempt for mastery, then records the learner's new level in the exercise's skills
    /// (`skill_mastery`). Does nothing for a trainee of a class or the trainer.
    pub async fn record_practice_attempt(
        &self,
        learner: &Learner,
        exercise: &Exercise,
        passed: bool,
        hints: i64,
    ) -> Result<()> {
        if !practises(learner) {
            return Ok(());
        }
        let now = self.now();
        let trap = trap_of(exercise);
        let before = match self.store.practice_rung(&learner.id, trap).await? {
            Some(row) => Some(place_of(&row)?),
            None => None,
        };
        let place = next_place(before, Outcome::of(passed, hints), now);
        let result = PracticeResult {
            exercise_id: exercise.id.clone(),
            trap: trap.to_string(),
            passed,
            hints,
            came_back: before.is_some() && is_due(before, now),
            at: stamp(now),
        };
        let ladder = LadderRow {
            trap: trap.to_string(),
            rung: place.rung,
            due_at: stamp(place.due_at),
            last_exercise_id: exercise.id.clone(),
            updated_at: stamp(now),
        };
        self.store
            .record_practice(&learner.id, &result, &ladder)
            .await?;
        self.record_mastery(
            &learner.id,
            &crate::catalog::skills::Skill::of_exercise(exercise),
        )
        .await
    }

    /// What has come back for `learner` (as attempts store it) and what is coming up. Traps no
    /// longer in the catalog are left out.
    pub async fn practice(&self, learner: &str) -> Result<Practice> {
        let now = self.now();
        let catalog = self.catalog();
        let mut out = Practice::default();
        for row in self.store.practice_ladder(learner).await? {
            let place = place_of(&row)?;
            let Some(next) = next_variant(&catalog, &row.trap, &row.last_exercise_id) else {
                continue;
            };
            let all = variants(&catalog, &row.trap);
            let mut skills: Vec<Skill> = all.iter().flat_map(|e| Skill::of_exercise(e)).collect();
            skills.sort();
            skills.dedup();
            let item = PracticeItem {
                name: match catalog.get(&row.trap) {
                    Some(e) if e.trap.is_none() => e.title.clone(),
                    _ => trap_name(&row.trap),
                },
                trap: row.trap.clone(),
                skills,
                rung: place.rung,
                due_at: place.due_at,
                exercise_id: next.id.clone(),
                exercise_title: next.title.clone(),
                last_title: catalog
                    .get(&row.last_exercise_id)
                    .map_or_else(|| row.last_exercise_id.clone(), |e| e.title.clone()),
                variants: all.len(),
            };
            if place.due_at <= now {
                out.due.push(item);
            } else {
                out.coming.push(item);
            }
        }
        Ok(out)
    }
}

fn place_of(row: &LadderRow) -> Result<Place> {
    let due_at = DateTime::parse_from_rfc3339(&row.due_at)
        .map_err(|e| {
            crate::error::Error::internal(anyhow::anyhow!(
                "practice_ladder: due_at {:?} of trap {:?}: {e}",
                row.due_at,
                row.trap
            ))
        })?
        .with_timezone(&Utc);
    Ok(Place {
        rung: row.rung,
        due_at,
    })
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

    /// Plays attempts on a ladder with a clock moved by days; returns each place's rung and
    /// the days from the attempt to its due date.
    fn play(steps: &[(i64, Outcome)]) -> Vec<(i64, i64)> {
        let clock = ManualClock::at(t0());
        let mut place = None;
        let mut out = Vec::new();
        for (days, outcome) in steps {
            clock.advance(Duration::days(*days));
            let now = clock.now();
            let next = next_place(place, *outcome, now);
            out.push((next.rung, (next.due_at - now).num_days()));
            place = Some(next);
        }
        out
    }

    #[test]
    fn clean_passes_climb_two_days_one_week_three_weeks() {
        use Outcome::*;
        assert_eq!(
            play(&[(0, Pass), (2, Pass), (7, Pass), (21, Pass), (21, Pass)]),
            [(1, 2), (2, 7), (3, 21), (3, 21), (3, 21)]
        );
    }

    #[test]
    fn a_fail_brings_it_back_in_a_day_and_starts_over() {
        use Outcome::*;
        assert_eq!(
            play(&[(0, Pass), (2, Pass), (7, Fail), (1, Pass), (2, Pass)]),
            [(1, 2), (2, 7), (0, 1), (1, 2), (2, 7)]
        );
        // A fail counts even before the trap is due.
        assert_eq!(play(&[(0, Pass), (0, Fail)]), [(1, 2), (0, 1)]);
    }

    #[test]
    fn a_pass_with_hints_does_not_climb_and_comes_back_sooner() {
        use Outcome::*;
        assert_eq!(play(&[(0, PassWithHints)]), [(0, 1)]);
        assert_eq!(
            play(&[(0, Pass), (2, PassWithHints), (2, Pass)]),
            [(1, 2), (1, 2), (2, 7)]
        );
        assert_eq!(
            play(&[(0, Pass), (2, Pass), (7, PassWithHints)]),
            [(1, 2), (2, 7), (2, 7)]
        );
    }

    #[test]
    fn a_pass_before_it_comes_back_changes_nothing() {
        use Outcome::*;
        let clock = ManualClock::at(t0());
        let first = next_place(None, Pass, clock.now());
        clock.advance(Duration::days(1));
        assert!(!is_due(Some(first), clock.now()));
        assert_eq!(next_place(Some(first), Pass, clock.now()), first);
        assert_eq!(next_place(Some(first), PassWithHints, clock.now()), first);
        clock.advance(Duration::days(1));
        assert!(is_due(Some(first), clock.now()));
        assert_eq!(next_place(Some(first), Pass, clock.now()).rung, 2);
        assert!(is_due(None, clock.now()));
    }

    #[test]
    fn outcomes_read_hints() {
        assert_eq!(Outcome::of(false, 0), Outcome::Fail);
        assert_eq!(Outcome::of(false, 2), Outcome::Fail);
        assert_eq!(Outcome::of(true, 1), Outcome::PassWithHints);
        assert_eq!(Outcome::of(true, 0), Outcome::Pass);
    }

    #[test]
    fn the_next_variant_differs_from_the_last_where_there_is_one() {
        let catalog = crate::catalog::exercises::shipped();
        let storm_01 = catalog.get("storm-01-sandbags").unwrap();
        let trap = trap_of(storm_01).to_string();
        let all = variants(&catalog, &trap);
        assert!(all.len() >= 2, "{trap} has {} variants", all.len());
        for e in &all {
            let next = next_variant(&catalog, &trap, &e.id).unwrap();
            assert_ne!(next.id, e.id);
            assert_eq!(trap_of(next), trap);
        }
        // A trap of one exercise serves that exercise again.
        let lone = catalog
            .exercises
            .iter()
            .find(|e| variants(&catalog, trap_of(e)).len() == 1);
        if let Some(lone) = lone {
            assert_eq!(
                next_variant(&catalog, trap_of(lone), &lone.id).unwrap().id,
                lone.id
            );
        }
        assert!(next_variant(&catalog, "no-such-trap", "x").is_none());
    }

    #[test]
    fn only_self_learners_and_programme_learners_practise() {
        assert!(practises(&Learner::local()));
        assert!(!practises(&Learner::trainer()));
        let trainee = Learner {
            id: "t1".into(),
            name: "Ann".into(),
            class_id: Some("c1".into()),
        };
        assert!(!practises(&trainee));
        let programme = Learner {
            id: "l1".into(),
            name: "Bo".into(),
            class_id: None,
        };
        assert!(practises(&programme));
    }
}
