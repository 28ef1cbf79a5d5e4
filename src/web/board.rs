//! The live board's figures, computed from stored attempts: the spread of best scores, and the
//! mistakes most of the class is making, read from the stored grades (`grade::Grade`, as
//! `app::recorded` reads them back). Takes values, returns values, so it is tested without a
//! server.

use std::collections::{HashMap, HashSet};

use crate::app::{Recorded, recorded};

/// Scores in ten bands of ten (the last takes 100).
pub const BANDS: usize = 10;

/// How many trainees' best scores fall in each band.
pub fn distribution(best_scores: &[f64]) -> [usize; BANDS] {
    let mut bands = [0; BANDS];
    for s in best_scores {
        let i = ((s.clamp(0.0, 100.0) / 10.0).floor() as usize).min(BANDS - 1);
        bands[i] += 1;
    }
    bands
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

/// A mistake and how many trainees make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub what: String,
    pub trainees: usize,
}

/// The mistakes in these stored results (one per trainee: their latest attempt), most common
/// first. Each trainee counts once per mistake. Results this version cannot read are skipped:
/// the board shows what it can read.
pub fn common_mistakes(results: &[&str], limit: usize) -> Vec<Mistake> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for result in results {
        let mine: HashSet<String> = match recorded(Some(result)) {
            Recorded::Graded(grade) => grade.mistakes().into_iter().collect(),
            Recorded::Failed(ungraded) => HashSet::from([format!(
                "Cannot be graded: {}",
                strip_column(&ungraded.error)
            )]),
            Recorded::Missing => continue,
        };
        for m in mine {
            *counts.entry(m).or_default() += 1;
        }
    }
    let mut list: Vec<Mistake> = counts
        .into_iter()
        .map(|(what, trainees)| Mistake { what, trainees })
        .collect();
    list.sort_by(|a, b| {
        b.trainees
            .cmp(&a.trainees)
            .then_with(|| a.what.cmp(&b.what))
    });
    list.truncate(limit);
    list
}

/// "column 12: unbalanced bracket" → "unbalanced bracket": the same mistake at another
/// column is the same mistake.
fn strip_column(error: &str) -> &str {
    match error.strip_prefix("column ") {
        Some(rest) => rest
            .split_once(": ")
            .filter(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()))
            .map(|(_, m)| m)
            .unwrap_or(error),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_fall_in_bands() {
        let d = distribution(&[0.0, 9.99, 10.0, 55.0, 99.0, 100.0, 140.0, -3.0]);
        assert_eq!(d, [3, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    use crate::catalog::exercises::Label;
    use crate::compose::{Count, Finding, Platform, Severity};
    use crate::grade::Grade;
    use crate::grade::monitor::{Explained, Metrics, MonitorGrade};
    use crate::grade::rewrite::{FactResult, FactStatus, RewriteGrade};
    use crate::grade::triage::{ItemResult, Outcome, TriageGrade};

    fn doc(id: &str, title: &str, excerpt: &str) -> Explained {
        Explained {
            id: id.into(),
            title: title.into(),
            excerpt: excerpt.into(),
            reason: String::new(),
        }
    }

    /// A stored monitoring grade, as `App::submit` records it.
    fn monitor(
        found: usize,
        precision: f64,
        recall: f64,
        missed: Vec<Explained>,
        wrong: Vec<Explained>,
    ) -> String {
        serde_json::to_string(&Grade::Monitor(MonitorGrade {
            query: "q".into(),
            metrics: Metrics {
                relevant: 10,
                found,
                true_positives: 0,
                precision,
                recall,
                f1: 0.0,
            },
            pass_mark: 0.8,
            passed: false,
            clauses: Vec::new(),
            missed_total: missed.len(),
            missed,
            false_positive_total: wrong.len(),
            false_positives: wrong,
            advice: String::new(),
        }))
        .expect("serialises")
    }

    #[test]
    fn mistakes_are_counted_once_per_trainee() {
        let flood = || doc("d1", "Flood warning for Ellis", "");
        let monitor_a = monitor(
            12,
            0.3,
            0.9,
            vec![flood()],
            vec![
                doc("d7", "", ""),
                doc("d7", "", ""),
                doc("d9", "", "Sandbags handed out at the depot today"),
            ],
        );
        let monitor_b = monitor(0, 0.0, 0.0, vec![flood()], Vec::new());
        let error = r#"{"error":"column 7: unbalanced bracket"}"#;
        let error_elsewhere = r#"{"error":"column 12: unbalanced bracket"}"#;
        let m = common_mistakes(
            &[&monitor_a, &monitor_b, error, error_elsewhere, "not json"],
            10,
        );
        assert_eq!(
            m[0],
            Mistake {
                what: "Cannot be graded: unbalanced bracket".into(),
                trainees: 2
            }
        );
        assert!(m.contains(&Mistake {
            what: "Misses “Flood warning for Ellis”".into(),
            trainees: 2
        }));
        assert!(m.contains(&Mistake {
            what: "Wrongly finds “d7”".into(),
            trainees: 1
        }));
        assert!(
            m.iter()
                .any(|x| x.what == "Wrongly finds “Sandbags handed out at the depot today”")
        );
        assert!(m.iter().any(|x| x.what == "Finds nothing at all"));
        assert!(m.iter().any(|x| x.what.starts_with("Mostly noise")));
        assert_eq!(common_mistakes(&[&monitor_a, &monitor_b], 1).len(), 1);
    }

    #[test]
    fn rewrite_and_triage_mistakes() {
        let too_long: Count = crate::compose::count(&"x".repeat(300), Platform::X.profile());
        assert!(!too_long.valid);
        let rewrite = serde_json::to_string(&Grade::Rewrite(RewriteGrade {
            counts: vec![too_long],
            findings: vec![Finding {
                rule: "govuk.words".into(),
                severity: Severity::Warning,
                message: "Avoid “utilise”".into(),
                why: String::new(),
                link: None,
                span: None,
                fix: None,
            }],
            facts: vec![
                FactResult {
                    fact: "the date".into(),
                    status: FactStatus::Missing,
                    found: None,
                    contradicted: None,
                    gate: false,
                },
                FactResult {
                    fact: "the place".into(),
                    status: FactStatus::Found,
                    found: Some("Port Ellis".into()),
                    contradicted: None,
                    gate: false,
                },
            ],
            score: 40.0,
            breakdown: Vec::new(),
            pass_mark: 70.0,
            passed: false,
            blocked: Vec::new(),
        }))
        .expect("serialises");
        let item = |id: &str, expected: Label, given: Label, outcome: Outcome| ItemResult {
            id: id.into(),
            given: Some(given),
            expected,
            correct: outcome == Outcome::Right,
            why: String::new(),
            outcome,
            life_safety: false,
            route: None,
            given_route: None,
            weight: 1.0,
            earned: 0.0,
        };
        let triage = serde_json::to_string(&Grade::Triage(TriageGrade {
            items: vec![
                item("p1", Label::Escalate, Label::Relevant, Outcome::Missed),
                item(
                    "p2",
                    Label::NotRelevant,
                    Label::Relevant,
                    Outcome::WrongPile,
                ),
                item("p3", Label::Relevant, Label::Relevant, Outcome::Right),
                item(
                    "p4",
                    Label::Relevant,
                    Label::Escalate,
                    Outcome::OverEscalated,
                ),
            ],
            correct: 1,
            total: 4,
            share: 1.0 / 3.0,
            missed_escalations: 1,
            pass_mark: 0.75,
            passed: false,
            missed_life_safety: Vec::new(),
            over_escalations: 1,
            wrong_routes: 0,
            unsorted: Vec::new(),
        }))
        .expect("serialises");
        let m: Vec<String> = common_mistakes(&[&rewrite, &triage], 10)
            .into_iter()
            .map(|m| m.what)
            .collect();
        for expected in [
            "Too long or invalid for x",
            "Leaves out: the date",
            "Style: Avoid “utilise”",
            "Does not escalate p1",
            "Sorts p2 wrongly (the trainer says not relevant)",
            "Escalates p4, which did not need it",
        ] {
            assert!(m.iter().any(|w| w == expected), "{expected} in {m:?}");
        }
        assert!(
            !m.iter()
                .any(|w| w.contains("the place") || w.contains("p3"))
        );
    }
}
