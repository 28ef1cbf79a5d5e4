//! Grading a press-release rewrite: each platform's length and validity, rule findings by
//! severity, key facts found and missing, and a score out of 100 with its breakdown.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::catalog::exercises::Rewrite;
use crate::compose::{self, Count, Finding, Profile, RulePack, Severity};

/// Points for each part of the score.
pub const LENGTH_POINTS: f64 = 30.0;
pub const FACT_POINTS: f64 = 40.0;
pub const STYLE_POINTS: f64 = 30.0;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FactResult {
    pub fact: String,
    /// The accepted wording found in the post, if any.
    pub found: Option<String>,
}

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
}

/// Lower-cases and evens out typography so "3 March" matches "3\u{a0}March" and curly quotes.
fn normalise(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .collect();
    mapped
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which accepted wording of each fact the post contains.
pub fn match_facts(text: &str, facts: &[crate::catalog::exercises::Fact]) -> Vec<FactResult> {
    let post = normalise(text);
    facts
        .iter()
        .map(|f| FactResult {
            fact: f.fact.clone(),
            found: f
                .accept
                .iter()
                .find(|a| {
                    let a = normalise(a);
                    !a.is_empty() && post.contains(&a)
                })
                .cloned(),
        })
        .collect()
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

    let valid = check.counts.iter().filter(|c| c.valid).count();
    let length_points = if check.counts.is_empty() {
        LENGTH_POINTS
    } else {
        LENGTH_POINTS * valid as f64 / check.counts.len() as f64
    };
    let too_long: Vec<String> = check
        .counts
        .iter()
        .filter(|c| !c.valid)
        .map(|c| format!("{} ({} of {})", c.platform.name(), c.length, c.limit))
        .collect();

    let found = facts.iter().filter(|f| f.found.is_some()).count();
    let fact_points = if facts.is_empty() {
        FACT_POINTS
    } else {
        FACT_POINTS * found as f64 / facts.len() as f64
    };

    let (mut errors, mut warnings, mut suggestions) = (0, 0, 0);
    for f in &check.findings {
        match f.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
            Severity::Suggestion => suggestions += 1,
        }
    }
    let style_points =
        (STYLE_POINTS - 10.0 * errors as f64 - 4.0 * warnings as f64 - 1.0 * suggestions as f64)
            .max(0.0);

    let breakdown = vec![
        Part {
            name: "Length".into(),
            points: length_points,
            max: LENGTH_POINTS,
            why: if too_long.is_empty() {
                "fits every platform".into()
            } else {
                format!("does not fit: {}", too_long.join(", "))
            },
        },
        Part {
            name: "Key facts".into(),
            points: fact_points,
            max: FACT_POINTS,
            why: format!("{found} of {} key facts", facts.len()),
        },
        Part {
            name: "Style".into(),
            points: style_points,
            max: STYLE_POINTS,
            why: format!(
                "{errors} errors (−10 each), {warnings} warnings (−4 each), {suggestions} suggestions (−1 each)"
            ),
        },
    ];
    let score = ((length_points + fact_points + style_points) * 10.0).round() / 10.0;
    let empty = text.trim().is_empty();
    RewriteGrade {
        counts: check.counts,
        findings: check.findings,
        facts,
        score: if empty { 0.0 } else { score },
        breakdown,
        pass_mark: task.pass_mark,
        passed: !empty && valid == profiles.len() && score + 1e-9 >= task.pass_mark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::Fact;

    #[test]
    fn facts_match_any_accepted_wording_ignoring_case_and_typography() {
        let facts = vec![
            Fact {
                fact: "date".into(),
                accept: vec!["16 February".into(), "16 Feb".into()],
            },
            Fact {
                fact: "who".into(),
                accept: vec!["foot passengers".into()],
            },
        ];
        let r = match_facts("From 16\u{a0}FEB, drivers must book.", &facts);
        assert_eq!(r[0].found.as_deref(), Some("16 Feb"));
        assert_eq!(r[1].found, None);
    }

    #[test]
    fn score_breakdown_adds_up() {
        let task = Rewrite {
            source: String::new(),
            source_text: String::new(),
            platforms: vec!["x".into()],
            rules: vec![],
            pass_mark: 70.0,
            model_answers: vec![],
            facts: vec![Fact {
                fact: "date".into(),
                accept: vec!["16 February".into()],
            }],
        };
        let g = grade(
            &task,
            &[] as &[RulePack],
            "The ferry runs 3 times a day from 16 February.",
            None,
        );
        assert_eq!(g.score, 100.0);
        assert!(g.passed);
        let g = grade(&task, &[] as &[RulePack], &"long ".repeat(100), None);
        assert_eq!(g.score, 30.0, "{:?}", g.breakdown);
        assert!(!g.passed);
    }
}
