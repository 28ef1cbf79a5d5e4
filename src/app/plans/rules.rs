//! The rules of plans, as values in and values out (docs/programmes.md, "Plans" and "The cohort
//! view"): which weeks go to which skill, which exercises fill them and with what goal, when each
//! week falls due, when an assignment is done, due or overdue, and whether a learner is on track,
//! behind or stuck. `mod.rs` feeds them from the database and the app's clock.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};

use crate::catalog::exercises::{Exercise, Level};
use crate::catalog::skills::Skill;
use crate::error::{Error, Result};
use crate::store::plans::PassCount;

/// The shortest and longest plans.
pub const MIN_WEEKS: u32 = 4;
pub const MAX_WEEKS: u32 = 12;
/// Assignments a week, when the catalog has enough exercises.
pub const PER_WEEK: usize = 2;
/// The first due date is at least this many days after the plan starts, so week 1 is never a
/// day or two long.
pub const FIRST_WEEK_MIN_DAYS: i64 = 4;
/// An attempt within this many days counts as recent activity.
pub const RECENT_DAYS: i64 = 7;
/// Work overdue by this many days makes a learner stuck, however active.
pub const STUCK_OVERDUE_DAYS: i64 = 14;
/// A skill at this level or above gets no weeks of its own while weaker skills need them.
pub const STRONG_LEVEL: f64 = 0.9;

/// What an assignment asks. The goal also says whether a pass made before the assignment was
/// set counts: only `Passed` says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goal {
    /// A pass made after the assignment was set.
    Pass,
    /// A pass with no hint open, made after the assignment was set.
    NoHints,
    /// A pass at any time, an earlier one included.
    Passed,
}

impl Goal {
    pub const ALL: [Goal; 3] = [Goal::Pass, Goal::NoHints, Goal::Passed];

    pub fn id(self) -> &'static str {
        match self {
            Goal::Pass => "pass",
            Goal::NoHints => "no-hints",
            Goal::Passed => "passed",
        }
    }

    pub fn parse(s: &str) -> Result<Goal> {
        Goal::ALL
            .into_iter()
            .find(|g| g.id() == s.trim())
            .ok_or_else(|| {
                Error::invalid(format!(
                    "`{}` is not a goal: choose pass, no-hints or passed",
                    s.trim()
                ))
            })
    }

    /// The goal in words, for the exercise titled `title`.
    pub fn words(self, title: &str) -> String {
        match self {
            Goal::Pass => format!("Pass '{title}'"),
            Goal::NoHints => format!("Pass '{title}' without hints"),
            Goal::Passed => format!("Have passed '{title}' (an earlier pass counts)"),
        }
    }

    /// How the choice is labelled in forms.
    pub fn label(self) -> &'static str {
        match self {
            Goal::Pass => "Pass it (from now on)",
            Goal::NoHints => "Pass it without hints (from now on)",
            Goal::Passed => "Have passed it (an earlier pass counts)",
        }
    }
}

/// Whether an assignment's goal is met, given the learner's passes at its exercise now and the
/// counts recorded when it was set.
pub fn is_done(goal: Goal, passes_before: i64, clean_before: i64, now: Option<&PassCount>) -> bool {
    let (passes, clean) = now.map_or((0, 0), |c| (c.passes, c.clean_passes));
    match goal {
        Goal::Pass => passes > passes_before,
        Goal::NoHints => clean > clean_before,
        Goal::Passed => passes > 0,
    }
}

/// Where an assignment stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    Overdue,
    /// Due within the next seven days (today included).
    Due,
    Upcoming,
    Done,
}

impl State {
    pub fn of(done: bool, due: NaiveDate, today: NaiveDate) -> State {
        if done {
            State::Done
        } else if due < today {
            State::Overdue
        } else if due < today + Duration::days(7) {
            State::Due
        } else {
            State::Upcoming
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            State::Overdue => "Overdue",
            State::Due => "Due this week",
            State::Upcoming => "Later",
            State::Done => "Done",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            State::Overdue => "overdue",
            State::Due => "due",
            State::Upcoming => "upcoming",
            State::Done => "done",
        }
    }
}

/// The due date of week 1: the first chosen weekday at least [`FIRST_WEEK_MIN_DAYS`] after the
/// start.
pub fn first_due(start: NaiveDate, weekday: Weekday) -> NaiveDate {
    let earliest = start + Duration::days(FIRST_WEEK_MIN_DAYS);
    let ahead = (weekday.num_days_from_monday() as i64
        - earliest.weekday().num_days_from_monday() as i64)
        .rem_euclid(7);
    earliest + Duration::days(ahead)
}

/// The due date of week `week` (1-based).
pub fn week_due(start: NaiveDate, weekday: Weekday, week: u32) -> NaiveDate {
    first_due(start, weekday) + Duration::days(7 * (week.max(1) as i64 - 1))
}

/// The week a date falls in: week 1 runs from the start to its due date, each later week the
/// seven days up to its due date. A date past the plan's last week is in a later week still.
pub fn week_of(start: NaiveDate, weekday: Weekday, day: NaiveDate) -> u32 {
    let first = first_due(start, weekday);
    if day <= first {
        1
    } else {
        1 + ((day - first).num_days() as u32).div_ceil(7)
    }
}

/// Reads a plan's length from a form.
pub fn parse_weeks(s: &str) -> Result<u32> {
    match s.trim().parse::<u32>() {
        Ok(n) if (MIN_WEEKS..=MAX_WEEKS).contains(&n) => Ok(n),
        _ => Err(Error::invalid(format!(
            "A plan lasts {MIN_WEEKS} to {MAX_WEEKS} weeks: `{}` is not one of those",
            s.trim()
        ))),
    }
}

/// Reads a weekday from a form: its English name (or first three letters), or 1 (Monday) to 7.
pub fn parse_weekday(s: &str) -> Result<Weekday> {
    let t = s.trim().to_lowercase();
    if let Ok(n) = t.parse::<u32>()
        && (1..=7).contains(&n)
    {
        return Ok(weekday_from_number(n));
    }
    t.parse::<Weekday>().map_err(|_| {
        Error::invalid(format!(
            "`{}` is not a day of the week: choose Monday to Sunday",
            s.trim()
        ))
    })
}

/// 1 Monday … 7 Sunday.
pub fn weekday_from_number(n: u32) -> Weekday {
    Weekday::try_from((n.clamp(1, 7) - 1) as u8).unwrap_or(Weekday::Mon)
}

/// Reads a due date from a form (`YYYY-MM-DD`, as a date field sends it).
pub fn parse_due(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(format!(
            "The due date `{}` is not a date: write it as YYYY-MM-DD, for example 2026-03-06",
            s.trim()
        ))
    })
}

/// The band of exercises that suits a level from 0 to 1.
pub fn band(level: f64) -> Level {
    if level < 0.4 {
        Level::Beginner
    } else if level < 0.7 {
        Level::Intermediate
    } else {
        Level::Advanced
    }
}

fn rank(l: Level) -> i32 {
    match l {
        Level::Beginner => 0,
        Level::Intermediate => 1,
        Level::Advanced => 2,
    }
}

/// One proposed assignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposed {
    pub week: u32,
    pub skill: Skill,
    pub exercise_id: String,
    pub title: String,
    pub goal: Goal,
    pub due_on: NaiveDate,
}

/// A proposed plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub weeks: u32,
    pub weekday: Weekday,
    pub starts_on: NaiveDate,
    /// False when the learner has no profile yet and the plan starts from beginner level.
    pub from_profile: bool,
    /// The skills given weeks, weakest first: the skill, its level, its weeks.
    pub focus: Vec<(Skill, f64, u32)>,
    pub assignments: Vec<Proposed>,
}

/// Proposes a plan of `weeks` weeks starting `today`, from the learner's `levels` (their
/// profile; empty when they have none: every skill at 0, beginner level) and the exercises they
/// have not `passed`.
///
/// - Skills are ordered weakest first (ties in `Skill::ALL` order) and given weeks in proportion
///   to what they lack (1 - level, plus 0.1), by largest remainder, so a weaker skill never
///   gets fewer weeks than a stronger one. Skills at [`STRONG_LEVEL`] or above, and skills with
///   no exercise left, get none unless no other skill can use the weeks.
/// - A skill's weeks come one after another, weakest skill first. Each week gets [`PER_WEEK`]
///   exercises training its skill (`Skill::of_exercise`), those nearest the learner's band
///   first ([`band`]; easier before harder at the same distance), then easiest first within the
///   skill's weeks. Weeks a skill cannot fill take exercises of the next weakest skills.
/// - The goal is "without hints" for an exercise below the learner's band, a pass otherwise.
pub fn propose(
    levels: &BTreeMap<Skill, f64>,
    exercises: &[Exercise],
    passed: &HashSet<String>,
    weeks: u32,
    weekday: Weekday,
    today: NaiveDate,
) -> Proposal {
    let level = |s: Skill| levels.get(&s).copied().unwrap_or(0.0).clamp(0.0, 1.0);
    let open: Vec<(usize, &Exercise)> = exercises
        .iter()
        .enumerate()
        .filter(|(_, e)| !passed.contains(&e.id))
        .collect();
    let trains = |s: Skill, e: &Exercise| Skill::of_exercise(e).contains(&s);
    let mut order: Vec<Skill> = Skill::ALL.to_vec();
    order.sort_by(|a, b| level(*a).total_cmp(&level(*b)));
    let has_work = |s: Skill| open.iter().any(|(_, e)| trains(s, e));
    let mut chosen: Vec<Skill> = order
        .iter()
        .copied()
        .filter(|s| has_work(*s) && level(*s) < STRONG_LEVEL)
        .collect();
    if chosen.is_empty() {
        chosen = order.iter().copied().filter(|s| has_work(*s)).collect();
    }
    let weight = |s: Skill| 1.1 - level(s);
    let total: f64 = chosen.iter().map(|s| weight(*s)).sum();
    let mut given: Vec<(Skill, u32, f64)> = chosen
        .iter()
        .map(|s| {
            let exact = if total > 0.0 {
                weeks as f64 * weight(*s) / total
            } else {
                0.0
            };
            (*s, exact.floor() as u32, exact - exact.floor())
        })
        .collect();
    let mut left = weeks.saturating_sub(given.iter().map(|g| g.1).sum());
    let mut by_remainder: Vec<usize> = (0..given.len()).collect();
    // Largest remainder first; a tie goes to the weaker skill (earlier in the order).
    by_remainder.sort_by(|a, b| given[*b].2.total_cmp(&given[*a].2).then(a.cmp(b)));
    for i in by_remainder {
        if left == 0 {
            break;
        }
        given[i].1 += 1;
        left -= 1;
    }
    let focus: Vec<(Skill, f64, u32)> = given
        .iter()
        .filter(|g| g.1 > 0)
        .map(|g| (g.0, level(g.0), g.1))
        .collect();

    let mut used: HashSet<&str> = HashSet::new();
    let mut slots: Vec<Vec<Proposed>> = vec![Vec::new(); weeks as usize];
    let make = |week: u32, skill: Skill, e: &Exercise| Proposed {
        week,
        skill,
        exercise_id: e.id.clone(),
        title: e.title.clone(),
        goal: if rank(e.level) < rank(band(level(skill))) {
            Goal::NoHints
        } else {
            Goal::Pass
        },
        due_on: week_due(today, weekday, week),
    };
    let candidates = |skill: Skill, used: &HashSet<&str>| {
        let target = rank(band(level(skill)));
        let mut c: Vec<(usize, &Exercise)> = open
            .iter()
            .copied()
            .filter(|(_, e)| trains(skill, e) && !used.contains(e.id.as_str()))
            .collect();
        c.sort_by_key(|(i, e)| ((rank(e.level) - target).abs(), rank(e.level), *i));
        c
    };
    let mut week = 1u32;
    for (skill, _, n) in &focus {
        let mut picked: Vec<(usize, &Exercise)> = candidates(*skill, &used)
            .into_iter()
            .take(*n as usize * PER_WEEK)
            .collect();
        picked.sort_by_key(|(i, e)| (rank(e.level), *i));
        for (k, (_, e)) in picked.iter().enumerate() {
            let w = week + (k / PER_WEEK) as u32;
            used.insert(e.id.as_str());
            slots[w as usize - 1].push(make(w, *skill, e));
        }
        week += n;
    }
    // Weeks left short take the next weakest skills' exercises.
    for w in 1..=weeks {
        for skill in &order {
            let slot = &slots[w as usize - 1];
            if slot.len() >= PER_WEEK {
                break;
            }
            let need = PER_WEEK - slot.len();
            let extra: Vec<&Exercise> = candidates(*skill, &used)
                .into_iter()
                .take(need)
                .map(|(_, e)| e)
                .collect();
            for e in extra {
                used.insert(e.id.as_str());
                slots[w as usize - 1].push(make(w, *skill, e));
            }
        }
    }
    Proposal {
        weeks,
        weekday,
        starts_on: today,
        from_profile: !levels.is_empty(),
        focus,
        assignments: slots.into_iter().flatten().collect(),
    }
}

/// How a learner stands in their plan, for the trainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    Stuck,
    Behind,
    OnTrack,
    NoPlan,
}

impl Standing {
    pub fn words(self) -> &'static str {
        match self {
            Standing::Stuck => "Stuck",
            Standing::Behind => "Behind",
            Standing::OnTrack => "On track",
            Standing::NoPlan => "No plan yet",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Standing::Stuck => "stuck",
            Standing::Behind => "behind",
            Standing::OnTrack => "on-track",
            Standing::NoPlan => "no-plan",
        }
    }
}

/// Whether a learner with a plan is on track, behind or stuck, and why, in words:
///
/// - **on track**: nothing overdue;
/// - **stuck**: something overdue, and either no attempt at any exercise in the last
///   [`RECENT_DAYS`] days, or an assignment overdue by [`STUCK_OVERDUE_DAYS`] days or more;
/// - **behind**: something overdue, otherwise.
///
/// `assignments` are each assignment's state and due date; `last_attempt` when the learner
/// last made an attempt.
pub fn standing(
    assignments: &[(State, NaiveDate)],
    last_attempt: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> (Standing, String) {
    let today = now.date_naive();
    let done = assignments.iter().filter(|a| a.0 == State::Done).count();
    let overdue: Vec<NaiveDate> = assignments
        .iter()
        .filter(|a| a.0 == State::Overdue)
        .map(|a| a.1)
        .collect();
    let Some(oldest) = overdue.iter().min() else {
        return (
            Standing::OnTrack,
            format!(
                "Nothing overdue; {done} of {} assignments done",
                assignments.len()
            ),
        );
    };
    let late = (today - *oldest).num_days();
    let idle = last_attempt.map(|t| (now - t).num_days());
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let n = overdue.len();
    let activity = match idle {
        None => "no attempt yet".to_string(),
        Some(d) if d <= 0 => "last attempt today".to_string(),
        Some(1) => "last attempt 1 day ago".to_string(),
        Some(d) => format!("last attempt {d} days ago"),
    };
    let why = format!(
        "{n} overdue (the oldest by {late} day{}), {activity}",
        plural(late as usize)
    );
    let stuck = late >= STUCK_OVERDUE_DAYS || idle.is_none_or(|d| d >= RECENT_DAYS);
    (
        if stuck {
            Standing::Stuck
        } else {
            Standing::Behind
        },
        why,
    )
}

/// The counts of passes by exercise, for [`is_done`].
pub fn counts_by_exercise(counts: Vec<PassCount>) -> HashMap<String, PassCount> {
    counts
        .into_iter()
        .map(|c| (c.exercise_id.clone(), c))
        .collect()
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
