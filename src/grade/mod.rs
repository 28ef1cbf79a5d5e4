//! Grading: marking an attempt at an exercise and explaining the mark. Pure: the caller runs the
//! queries and fetches the documents; these functions take values and return values.

pub mod estimate; // precision and misses estimated from a learner's own labels
pub mod facts;
pub mod monitor;
pub mod placement;
pub mod posts;
pub mod rewrite;
pub mod triage;

use serde::{Deserialize, Serialize};

/// The graded outcome of any kind of attempt.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Grade {
    Monitor(monitor::MonitorGrade),
    Rewrite(rewrite::RewriteGrade),
    /// A rewrite answered with one post a platform (`grade.kind` is `posts`).
    Posts(posts::PostsGrade),
    Triage(triage::TriageGrade),
}

impl Grade {
    /// Score out of 100.
    pub fn score(&self) -> f64 {
        match self {
            Grade::Monitor(g) => g.metrics.f1 * 100.0,
            Grade::Rewrite(g) => g.score,
            Grade::Posts(g) => g.score,
            Grade::Triage(g) => g.share * 100.0,
        }
    }

    pub fn passed(&self) -> bool {
        match self {
            Grade::Monitor(g) => g.passed,
            Grade::Rewrite(g) => g.passed,
            Grade::Posts(g) => g.passed,
            Grade::Triage(g) => g.passed,
        }
    }

    /// What went wrong, in the trainer's words, one line a mistake (for the board's common
    /// mistakes: the same mistake is worded the same way for every trainee).
    pub fn mistakes(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self {
            Grade::Monitor(g) => {
                for d in &g.missed {
                    out.push(format!("Misses “{}”", d.title_or_id()));
                }
                for d in &g.false_positives {
                    out.push(format!("Wrongly finds “{}”", d.title_or_id()));
                }
                if g.metrics.found == 0 {
                    out.push("Finds nothing at all".into());
                } else {
                    if g.metrics.precision < 0.5 {
                        out.push("Mostly noise: under half of what it finds is relevant".into());
                    }
                    if g.metrics.recall < 0.5 {
                        out.push("Misses more than half of the relevant documents".into());
                    }
                }
            }
            Grade::Rewrite(g) => {
                for c in g.counts.iter().filter(|c| !c.valid) {
                    out.push(format!("Too long or invalid for {}", c.platform.id()));
                }
                for f in &g.facts {
                    match f.status {
                        rewrite::FactStatus::Found => {}
                        rewrite::FactStatus::Missing => out.push(format!("Leaves out: {}", f.fact)),
                        rewrite::FactStatus::Contradicted => {
                            out.push(format!("States wrongly: {}", f.fact))
                        }
                    }
                }
                for f in &g.findings {
                    out.push(if f.message.is_empty() {
                        format!("Style: {}", f.rule)
                    } else {
                        format!("Style: {}", f.message)
                    });
                }
            }
            Grade::Posts(g) => out = g.mistakes(),
            Grade::Triage(g) => {
                use crate::catalog::exercises::Label;
                use triage::Outcome;
                for i in g.items.iter().filter(|i| !i.correct) {
                    // grades stored before outcomes were recorded read as Right: judge by label
                    let outcome = match i.outcome {
                        Outcome::Right if i.given.is_none() => Outcome::Unsorted,
                        Outcome::Right if i.expected == Label::Escalate => Outcome::Missed,
                        Outcome::Right => Outcome::WrongPile,
                        o => o,
                    };
                    out.push(match outcome {
                        Outcome::Unsorted => format!("Leaves {} unsorted", i.id),
                        Outcome::Missed if i.life_safety => {
                            format!("Does not escalate {}, where a life may be at risk", i.id)
                        }
                        Outcome::Missed => format!("Does not escalate {}", i.id),
                        Outcome::OverEscalated => {
                            format!("Escalates {}, which did not need it", i.id)
                        }
                        Outcome::WrongRoute => format!(
                            "Sends {} to {} (the trainer says {})",
                            i.id,
                            i.given_route.as_deref().unwrap_or("nobody named"),
                            i.route.as_deref().unwrap_or("another route")
                        ),
                        Outcome::WrongPile | Outcome::Right => format!(
                            "Sorts {} wrongly (the trainer says {})",
                            i.id,
                            i.expected.id().replace('-', " ")
                        ),
                    });
                }
            }
        }
        out
    }
}
