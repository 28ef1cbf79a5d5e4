//! Grading: marking an attempt at an exercise and explaining the mark. Pure: the caller runs the
//! queries and fetches the documents; these functions take values and return values.

pub mod monitor;
pub mod rewrite;
pub mod triage;

use serde::{Deserialize, Serialize};

/// The graded outcome of any kind of attempt.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Grade {
    Monitor(monitor::MonitorGrade),
    Rewrite(rewrite::RewriteGrade),
    Triage(triage::TriageGrade),
}

impl Grade {
    /// Score out of 100.
    pub fn score(&self) -> f64 {
        match self {
            Grade::Monitor(g) => g.metrics.f1 * 100.0,
            Grade::Rewrite(g) => g.score,
            Grade::Triage(g) => g.share * 100.0,
        }
    }

    pub fn passed(&self) -> bool {
        match self {
            Grade::Monitor(g) => g.passed,
            Grade::Rewrite(g) => g.passed,
            Grade::Triage(g) => g.passed,
        }
    }
}
