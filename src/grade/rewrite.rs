//! Grading a press-release rewrite: each platform's length and validity, rule findings by
//! severity, key facts found, missing and stated wrongly (`facts`), and a score out of 100 with
//! its breakdown (the formula is in docs/design.md, "Key facts").

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::catalog::exercises::Rewrite;
use crate::compose::{self, Count, Finding, Profile, RulePack, Severity};

/// Points for each part of the score.
pub const LENGTH_POINTS: f64 = 30.0;
pub const FACT_POINTS: f64 = 40.0;
pub const STYLE_POINTS: f64 = 30.0;

pub use super::facts::{FactResult, FactStatus, match_facts};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Part {
    pub name: Cow<'static, str>,
    pub points: f64,
    pub max: f64,
    pub why: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RewriteGrade {
    pub counts: Vec<Count>,
    pub findings: Vec<Finding>,
    pub facts: Vec<FactResult>,
    pub score: f64,
    pub breakdown: Vec<Part>,
    pub pass_mark: f64,
    pub passed: bool,
    /// Why the post cannot pass whatever it scores: each key fact stated wrongly, each gate
    /// fact left out.
    #[serde(default)]
    pub blocked: Vec<String>,
}

/// Grades `text` for a rewrite exercise. `packs` are the exercise's rule packs, loaded. With a
/// `platform` (one of the exercise's), the length is checked for that platform only.
pub fn grade(
    task: &Rewrite,
    packs: &[impl std::borrow::Borrow<RulePack>],
    text: &str,
    platform: Option<&str>,
) -> RewriteGrade {
    let profiles: Vec<Profile> = task
        .platforms
        .iter()
        // A platform the exercise does not name is ignored: the post is checked for all of them.
        .filter(|p| {
            platform.is_none_or(|chosen| {
                chosen == p.as_str() || !task.platforms.iter().any(|t| t == chosen)
            })
        })
        .filter_map(|p| p.parse::<compose::Platform>().ok())
        .map(Profile::from)
        .collect();
    let check = compose::check(text, &profiles, packs);
    let facts = match_facts(text, &task.facts);
    score(task, text, check, facts, profiles.len())
}

/// The score of docs/design.md ("Key facts"): facts earn their share of 40 points and a
/// contradicted fact takes a share away; length and style points are scaled by the share of
/// facts stated, so a post that states none earns nothing for being short and tidy.
fn score(
    task: &Rewrite,
    text: &str,
    check: compose::Check,
    facts: Vec<FactResult>,
    platforms: usize,
) -> RewriteGrade {
    let valid = check.counts.iter().filter(|c| c.valid).count();
    let too_long: Vec<String> = check
        .counts
        .iter()
        .filter(|c| !c.valid)
        .map(|c| format!("{} ({} of {})", c.platform.name(), c.length, c.limit))
        .collect();

    let count = |s: FactStatus| facts.iter().filter(|f| f.status == s).count();
    let (found, contradicted) = (count(FactStatus::Found), count(FactStatus::Contradicted));
    let coverage = if facts.is_empty() {
        1.0
    } else {
        found as f64 / facts.len() as f64
    };
    let fact_points = if facts.is_empty() {
        FACT_POINTS
    } else {
        FACT_POINTS * found.saturating_sub(contradicted) as f64 / facts.len() as f64
    };
    let length_share = if check.counts.is_empty() {
        1.0
    } else {
        valid as f64 / check.counts.len() as f64
    };
    let length_points = LENGTH_POINTS * length_share * coverage;

    let (mut errors, mut warnings, mut suggestions) = (0, 0, 0);
    for f in &check.findings {
        match f.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Suggestion => suggestions += 1,
        }
    }
    let style_points = coverage
        * (STYLE_POINTS - 10.0 * errors as f64 - 4.0 * warnings as f64 - 1.0 * suggestions as f64)
            .max(0.0);
    let scaled = if facts.is_empty() || found == facts.len() {
        String::new()
    } else {
        format!(
            ", scaled to the {found} of {} key facts stated",
            facts.len()
        )
    };

    let breakdown = vec![
        Part {
            name: "Length".into(),
            points: length_points,
            max: LENGTH_POINTS,
            why: if too_long.is_empty() {
                format!("fits every platform{scaled}")
            } else {
                format!("does not fit: {}{scaled}", too_long.join(", "))
            },
        },
        Part {
            name: "Key facts".into(),
            points: fact_points,
            max: FACT_POINTS,
            why: if contradicted == 0 {
                format!("{found} of {} key facts", facts.len())
            } else {
                format!(
                    "{found} of {} key facts, less {contradicted} stated wrongly",
                    facts.len()
                )
            },
        },
        Part {
            name: "Style".into(),
            points: style_points,
            max: STYLE_POINTS,
            why: format!(
                "{errors} errors (−10 each), {warnings} warnings (−4 each), {suggestions} suggestions (−1 each){scaled}"
            ),
        },
    ];
    let blocked: Vec<String> = facts
        .iter()
        .filter(|f| f.blocks())
        .map(|f| match (&f.contradicted, f.status) {
            (Some(words), _) => format!("States a key fact wrongly: {} (“{words}”)", f.fact),
            _ => format!("Leaves out a fact every post must state: {}", f.fact),
        })
        .collect();
    let score = ((length_points + fact_points + style_points) * 10.0).round() / 10.0;
    let empty = text.trim().is_empty();
    RewriteGrade {
        counts: check.counts,
        findings: check.findings,
        facts,
        score: if empty { 0.0 } else { score },
        breakdown,
        pass_mark: task.pass_mark,
        passed: !empty
            && valid == platforms
            && blocked.is_empty()
            && score + 1e-9 >= task.pass_mark,
        blocked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::Fact;

    fn task(facts: Vec<Fact>) -> Rewrite {
        Rewrite {
            source: String::new(),
            source_text: String::new(),
            platforms: vec!["x".into()],
            rules: vec![],
            pass_mark: 70.0,
            model_answers: vec![],
            facts,
        }
    }

    fn ferry() -> Rewrite {
        let fact = |name: &str, rule: &str, contradicts: &[&str], gate: bool| {
            Fact::new(name, rule, contradicts, gate).expect("rule")
        };
        task(vec![
            fact("date", "\"16 february\" OR \"16 feb\"", &[], false),
            fact(
                "trips",
                "(3 OR three) NEAR/2 (sailings OR trips OR crossings)",
                &[],
                false,
            ),
            fact(
                "drivers book",
                "(drivers OR vehicles) NEAR/4 book*",
                &["(drivers OR vehicles) NEAR/4 (not OR \"don't\" OR \"no need\")"],
                true,
            ),
            fact("link", "tarneferries", &[], false),
        ])
    }

    fn grade_x(task: &Rewrite, text: &str) -> RewriteGrade {
        grade(task, &[] as &[RulePack], text, Some("x"))
    }

    #[test]
    fn score_breakdown_adds_up() {
        let g = grade_x(
            &ferry(),
            "From 16 February the ferry runs 3 trips a day. Drivers must book: tarneferries.example",
        );
        assert_eq!(g.score, 100.0, "{:?}", g.breakdown);
        assert!(g.passed && g.blocked.is_empty());
        let sum: f64 = g.breakdown.iter().map(|p| p.points).sum();
        assert!((sum - g.score).abs() < 0.05);
    }

    #[test]
    fn a_post_without_facts_earns_nothing_for_length_and_style() {
        let g = grade_x(&ferry(), "test post");
        assert_eq!(g.score, 0.0, "{:?}", g.breakdown);
        assert!(!g.passed);
        // Vague: a date and a link, two of four facts, and the gate left out.
        let g = grade_x(
            &ferry(),
            "Ferry changes from 16 Feb. See tarneferries.example",
        );
        assert_eq!(g.score, 50.0, "{:?}", g.breakdown);
        assert!(!g.passed);
        assert_eq!(
            g.blocked,
            ["Leaves out a fact every post must state: drivers book"]
        );
        // A post too long for X with every fact: facts only.
        let long = format!(
            "From 16 February 3 trips a day. Drivers must book. tarneferries.example {}",
            "word ".repeat(80)
        );
        let g = grade_x(&ferry(), &long);
        assert_eq!(g.breakdown[0].points, 0.0);
        assert!(!g.passed);
    }

    #[test]
    fn a_contradiction_costs_more_than_a_gap_and_stops_a_pass() {
        let good = "From 16 February the ferry runs 3 trips a day. See tarneferries.example";
        let missing = grade_x(&task(ferry().facts[..2].to_vec()), good);
        let wrong = grade_x(
            &ferry(),
            "From 16 February the ferry runs 3 trips a day. Drivers do not need to book. See tarneferries.example",
        );
        assert_eq!(wrong.facts[2].status, FactStatus::Contradicted);
        assert_eq!(
            wrong.breakdown[1].points, 20.0,
            "3 found less 1 wrong, of 4"
        );
        assert!(!wrong.passed);
        assert_eq!(
            wrong.blocked,
            ["States a key fact wrongly: drivers book (“Drivers do not need to book.”)"]
        );
        let gap = grade_x(
            &task(
                ferry()
                    .facts
                    .into_iter()
                    .map(|mut f| {
                        f.gate = false;
                        f
                    })
                    .collect(),
            ),
            good,
        );
        assert!(gap.score > wrong.score, "{} vs {}", gap.score, wrong.score);
        assert!(missing.passed, "{:?}", missing.breakdown);
        // Without facts, the old marking: length and style only.
        let g = grade_x(&task(vec![]), "The ferry runs 3 times a day.");
        assert_eq!(g.score, 100.0);
    }
}
