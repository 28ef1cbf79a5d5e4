//! Mastery per skill (issue 19; docs/programmes.md, "Mastery per skill"): a level from 0 to 1
//! in each skill, read from a learner's graded attempts (`practice_results`), taking hints and
//! time into account.
//!
//! For each trap the learner has tried, of the exercises that train the skill:
//! - **the pass**: the latest pass counts as `mastery::pass_credit` says (1, less a quarter per
//!   hint open, never below a half); no pass, nothing;
//! - **coming back**: a pass of a trap that had come back (was due) shows the learner still
//!   knew it days later. The first pass weighs 0.6, each pass that came back adds 0.2, up to 1;
//! - **time**: the trap's score halves every 3 weeks after the latest pass; each pass that came
//!   back lengthens that by another 3 weeks (what has been practised over weeks fades slower);
//! - **a fail since**: a fail after the latest pass halves the score until the next pass.
//!
//! A skill's level is the sum of its best [`TRAPS_PER_SKILL`] trap scores over that many
//! (fewer when the catalog has fewer traps for the skill): three traps mastered is the whole
//! skill, and one trap alone, however well, is not.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use super::App;
use super::mastery::pass_credit;
use super::spaced::trap_of;
use crate::catalog::exercises::Catalog;
use crate::catalog::skills::Skill;
use crate::error::Result;
use crate::store::practice::PracticeResult;

/// How many traps make a whole skill.
pub const TRAPS_PER_SKILL: usize = 3;
/// What a first pass weighs, and what each pass that came back adds (up to 1).
pub const FIRST_PASS_WEIGHT: f64 = 0.6;
pub const COMEBACK_WEIGHT: f64 = 0.2;
/// Days for a trap's score to halve after a pass, per pass that came back plus one.
pub const HALF_LIFE_DAYS: f64 = 21.0;

/// One attempt as the rule reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub trap: String,
    pub passed: bool,
    pub hints: i64,
    pub came_back: bool,
    pub at: DateTime<Utc>,
}

/// The score of one trap from its attempts (oldest first) at `now`.
pub fn trap_score(attempts: &[&Evidence], now: DateTime<Utc>) -> f64 {
    let Some(last_pass) = attempts.iter().rposition(|a| a.passed) else {
        return 0.0;
    };
    let pass = attempts[last_pass];
    let comebacks = attempts.iter().filter(|a| a.passed && a.came_back).count() as f64;
    let weight = (FIRST_PASS_WEIGHT + COMEBACK_WEIGHT * comebacks).min(1.0);
    let age_days = ((now - pass.at).num_seconds().max(0) as f64) / 86_400.0;
    let half_life = HALF_LIFE_DAYS * (1.0 + comebacks);
    let kept = 0.5_f64.powf(age_days / half_life);
    let failed_since = attempts[last_pass + 1..].iter().any(|a| !a.passed);
    let score = pass_credit(true, Some(pass.hints)) * weight * kept;
    if failed_since { score * 0.5 } else { score }
}

/// The level in each of `skills` from `attempts` (oldest first) at `now`. An attempt at an
/// exercise no longer in the catalog counts for the skills it had when the trap is still
/// trained by another exercise; otherwise it is left out.
pub fn levels(
    catalog: &Catalog,
    attempts: &[Evidence],
    skills: &[Skill],
    now: DateTime<Utc>,
) -> Vec<(Skill, f64)> {
    // The skills of each trap, and how many traps the catalog has per skill.
    let mut trap_skills: HashMap<&str, Vec<Skill>> = HashMap::new();
    for e in &catalog.exercises {
        let entry = trap_skills.entry(trap_of(e)).or_default();
        for s in Skill::of_exercise(e) {
            if !entry.contains(&s) {
                entry.push(s);
            }
        }
    }
    let mut by_trap: BTreeMap<&str, Vec<&Evidence>> = BTreeMap::new();
    for a in attempts {
        by_trap.entry(a.trap.as_str()).or_default().push(a);
    }
    skills
        .iter()
        .map(|&skill| {
            let traps_in_catalog = trap_skills.values().filter(|s| s.contains(&skill)).count();
            let mut scores: Vec<f64> = by_trap
                .iter()
                .filter(|(trap, _)| trap_skills.get(*trap).is_some_and(|s| s.contains(&skill)))
                .map(|(_, tries)| trap_score(tries, now))
                .collect();
            scores.sort_by(|a, b| b.total_cmp(a));
            let whole = TRAPS_PER_SKILL.min(traps_in_catalog).max(1);
            let level = scores.iter().take(whole).sum::<f64>() / whole as f64;
            (skill, level.clamp(0.0, 1.0))
        })
        .collect()
}

fn evidence(results: Vec<PracticeResult>) -> Vec<Evidence> {
    results
        .into_iter()
        .filter_map(|r| {
            // A row this version cannot read the time of is left out rather than failing a
            // learner's submission.
            let at = DateTime::parse_from_rfc3339(&r.at)
                .ok()?
                .with_timezone(&Utc);
            Some(Evidence {
                trap: r.trap,
                passed: r.passed,
                hints: r.hints,
                came_back: r.came_back,
                at,
            })
        })
        .collect()
}

impl App {
    /// `learner`'s level now in each of `skills`, from their attempts.
    pub async fn skill_levels(&self, learner: &str, skills: &[Skill]) -> Result<Vec<(Skill, f64)>> {
        let attempts = evidence(self.store.practice_results(learner).await?);
        Ok(levels(&self.catalog(), &attempts, skills, self.now()))
    }

    /// Measures `skills` for `learner` now and records them (source `practice`), so plans and
    /// profiles see them.
    pub(super) async fn record_mastery(&self, learner: &str, skills: &[Skill]) -> Result<()> {
        let levels = self.skill_levels(learner, skills).await?;
        let rows: Vec<(&str, f64)> = levels.iter().map(|(s, l)| (s.id(), *l)).collect();
        self.store
            .record_skill_levels(learner, &rows, "practice", self.now())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::clock::{Clock, ManualClock};
    use chrono::Duration;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn ev(trap: &str, passed: bool, hints: i64, came_back: bool, at: DateTime<Utc>) -> Evidence {
        Evidence {
            trap: trap.into(),
            passed,
            hints,
            came_back,
            at,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_pass_counts_less_with_hints_and_nothing_without_a_pass() {
        let now = t0();
        let clean = ev("t", true, 0, false, now);
        let hinted = ev("t", true, 2, false, now);
        let failed = ev("t", false, 0, false, now);
        assert!(close(trap_score(&[&clean], now), FIRST_PASS_WEIGHT));
        assert!(close(trap_score(&[&hinted], now), FIRST_PASS_WEIGHT * 0.5));
        assert_eq!(trap_score(&[&failed], now), 0.0);
        assert_eq!(trap_score(&[], now), 0.0);
    }

    #[test]
    fn a_pass_decays_with_the_clock_and_a_fail_since_halves_it() {
        let clock = ManualClock::at(t0());
        let pass = ev("t", true, 0, false, clock.now());
        let fresh = trap_score(&[&pass], clock.now());
        clock.advance(Duration::days(21));
        let three_weeks = trap_score(&[&pass], clock.now());
        assert!(close(three_weeks, fresh / 2.0), "{three_weeks} {fresh}");
        clock.advance(Duration::days(21));
        assert!(close(trap_score(&[&pass], clock.now()), fresh / 4.0));
        let fail = ev("t", false, 0, true, clock.now());
        assert!(close(trap_score(&[&pass, &fail], clock.now()), fresh / 8.0));
    }

    #[test]
    fn a_pass_that_came_back_counts_more_and_fades_slower() {
        let clock = ManualClock::at(t0());
        let first = ev("t", true, 0, false, clock.now());
        clock.advance(Duration::days(2));
        let again = ev("t", true, 0, true, clock.now());
        let once = trap_score(&[&first], clock.now());
        let twice = trap_score(&[&first, &again], clock.now());
        assert!(twice > once, "{twice} {once}");
        assert!(close(twice, FIRST_PASS_WEIGHT + COMEBACK_WEIGHT));
        // Three weeks on, the trap passed twice over days has kept more than half.
        clock.advance(Duration::days(21));
        let later = trap_score(&[&first, &again], clock.now());
        assert!(close(later, twice * 0.5_f64.powf(0.5)), "{later}");
        // Two that came back make the whole weight.
        let third = ev("t", true, 0, true, clock.now());
        assert!(close(
            trap_score(&[&first, &again, &third], clock.now()),
            1.0
        ));
    }

    #[test]
    fn a_skill_needs_several_traps() {
        let catalog = crate::catalog::exercises::shipped();
        let trap = |id: &str| trap_of(catalog.get(id).unwrap()).to_string();
        let now = t0();
        let one = [ev(&trap("storm-01-sandbags"), true, 0, false, now)];
        let got = levels(&catalog, &one, &[Skill::Operators, Skill::Triage], now);
        assert_eq!(got[0].0, Skill::Operators);
        assert!(
            close(got[0].1, FIRST_PASS_WEIGHT / TRAPS_PER_SKILL as f64),
            "{got:?}"
        );
        assert_eq!(got[1], (Skill::Triage, 0.0));
        // Three traps of the skill, each passed and come back twice: the whole skill.
        let traps: Vec<String> = [
            "storm-01-sandbags",
            "storm-04-hashtag-stream",
            "storm-08-minister",
        ]
        .iter()
        .map(|id| trap(id))
        .collect();
        let mut all = Vec::new();
        for t in &traps {
            all.push(ev(t, true, 0, false, now));
            all.push(ev(t, true, 0, true, now));
            all.push(ev(t, true, 0, true, now));
        }
        let got = levels(&catalog, &all, &[Skill::Operators], now);
        assert!(close(got[0].1, 1.0), "{got:?}");
        // An unknown trap counts for nothing.
        let got = levels(
            &catalog,
            &[ev("gone", true, 0, false, now)],
            &[Skill::Operators],
            now,
        );
        assert_eq!(got[0].1, 0.0);
    }
}
