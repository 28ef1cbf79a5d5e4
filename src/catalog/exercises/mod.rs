//! Exercises: TOML files (shipped in `exercises/`, or a trainer's folder) parsed into `Exercise`s.
//! Loading checks everything a file can tell by itself and reports each problem with file and
//! line; `validate` (in `app`) adds the checks that need the corpora.

mod answer_tests; // the answers an exercise file says must pass or fail
mod facts; // the key facts of a rewrite: rules that show a fact stated, or stated wrongly
mod load; // where exercise files come from, and the catalog they make
mod parse; // one file's TOML into an exercise
mod traps; // the skills an exercise trains and the trap it teaches
mod validate; // what a file can be checked for by itself

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::Problem;
pub use facts::{Fact, Rule};
// Scenarios state the facts of an expected reaction the way rewrite exercises do.
pub(in crate::catalog) use facts::{RawFact, check as check_facts};
pub use load::{Catalog, from_path, from_text, shipped};
pub use traps::{TRAP_CHARS, trap_name};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Monitor,
    Rewrite,
    Triage,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Monitor => "monitor",
            Kind::Rewrite => "rewrite",
            Kind::Triage => "triage",
        }
    }
}

/// A triage label: how the trainee (and the trainer) sorts one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    Relevant,
    NotRelevant,
    Escalate,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Relevant, Label::NotRelevant, Label::Escalate];

    pub fn id(self) -> &'static str {
        match self {
            Label::Relevant => "relevant",
            Label::NotRelevant => "not-relevant",
            Label::Escalate => "escalate",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Label::Relevant => "Relevant",
            Label::NotRelevant => "Not relevant",
            Label::Escalate => "Needs escalation",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.id() == s)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Monitor {
    pub corpus: String,
    pub relevant: Vec<String>,
    pub model_query: String,
    pub naive_query: Option<String>,
    /// F1 needed to pass, 0 to 1.
    pub pass_mark: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rewrite {
    /// Path of the press release under `corpora/` (or beside the exercise file).
    pub source: String,
    pub source_text: String,
    pub platforms: Vec<String>,
    pub rules: Vec<String>,
    /// Score out of 100 needed to pass.
    pub pass_mark: f64,
    pub model_answers: Vec<String>,
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriageItem {
    pub id: String,
    pub label: Label,
    #[serde(default)]
    pub why: String,
    /// An escalation where a life may be at risk: missing it fails the attempt whatever the
    /// score (see "Triage marking" in docs/design.md).
    #[serde(default)]
    pub life_safety: bool,
    /// Who the escalation goes to, one of the exercise's `routes` (escalated items only).
    #[serde(default)]
    pub route: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Triage {
    pub corpus: String,
    /// The weighted score needed to pass, 0 to 1.
    pub pass_mark: f64,
    /// Who escalations can go to, in the order the form offers them; empty when the exercise
    /// does not ask for a route.
    pub routes: Vec<String>,
    pub items: Vec<TriageItem>,
}

/// A trainee's sorting of a triage inbox: a label per post (posts left out are unsorted), and
/// for escalated posts who they go to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sorting {
    pub labels: HashMap<String, Label>,
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub routes: HashMap<String, String>,
}

impl Sorting {
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The items of `task` given no label, in the exercise's order.
    pub fn unsorted<'a>(&self, task: &'a Triage) -> Vec<&'a TriageItem> {
        task.items
            .iter()
            .filter(|i| !self.labels.contains_key(&i.id))
            .collect()
    }
}

/// Whether a test answer must pass or fail its exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    Pass,
    Fail,
}

impl Expect {
    pub fn name(self) -> &'static str {
        match self {
            Expect::Pass => "pass",
            Expect::Fail => "fail",
        }
    }
}

/// A test answer as the exercise file gives it.
#[derive(Debug, Clone, Serialize)]
pub enum TestAnswer {
    /// A monitoring query.
    Text(String),
    /// A post, for one platform or (None) checked against all of the exercise's platforms.
    Post {
        platform: Option<String>,
        text: String,
    },
    /// One post a platform (platform id → text); a platform left out is a missing post.
    Posts(BTreeMap<String, String>),
    /// Triage labels (and routes) by document id.
    Labels(Sorting),
}

/// One `[[tests]]` entry: an answer that must pass or fail, optionally with the range its
/// score out of 100 (rounded to a whole number) must fall in.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerTest {
    /// The line of the test in the exercise file.
    pub line: Option<usize>,
    pub answer: TestAnswer,
    pub expect: Expect,
    /// Inclusive, out of 100.
    pub score: Option<(f64, f64)>,
    /// What the test shows, for its failure message.
    pub why: String,
}

impl AnswerTest {
    /// How a failure names the test: its `why`, else the start of its answer.
    pub fn name(&self) -> String {
        if !self.why.trim().is_empty() {
            return self.why.trim().to_string();
        }
        match &self.answer {
            TestAnswer::Text(t) | TestAnswer::Post { text: t, .. } => {
                let short: String = t.chars().take(40).collect();
                if short.len() < t.len() {
                    format!("{short}…")
                } else {
                    short
                }
            }
            TestAnswer::Posts(p) => format!(
                "posts for {}",
                p.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
            TestAnswer::Labels(l) => format!("labels for {} documents", l.labels.len()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub enum Task {
    Monitor(Monitor),
    Rewrite(Rewrite),
    Triage(Triage),
}

impl Task {
    /// The score out of 100 needed to pass (monitoring's F1 and triage's share as percentages,
    /// the way `Grade::score` reports them).
    pub fn pass_score(&self) -> f64 {
        match self {
            Task::Monitor(m) => m.pass_mark * 100.0,
            Task::Rewrite(r) => r.pass_mark,
            Task::Triage(t) => t.pass_mark * 100.0,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub level: Level,
    pub teaches: Vec<String>,
    /// The skills it trains: the file's `skills`, else `Skill::of_kind`'s rule.
    pub skills: Vec<crate::catalog::skills::Skill>,
    /// The trap it teaches (`trap = "word-forms"`): exercises with the same trap are variants
    /// of one another, which practice that comes back serves in turn.
    pub trap: Option<String>,
    pub summary: String,
    pub brief: String,
    pub hints: Vec<String>,
    pub task: Task,
    /// The answers the file says must pass or fail (`[[tests]]`).
    pub tests: Vec<AnswerTest>,
    /// The file it came from, for messages.
    pub origin: String,
    /// The file's text, for finding the line of a later problem.
    #[serde(skip)]
    pub text: String,
}

impl Exercise {
    /// The 1-based line of the first occurrence of `needle` in the exercise file.
    pub fn line_of(&self, needle: &str) -> Option<usize> {
        line_of(&self.text, needle)
    }

    pub fn problem(&self, needle: &str, message: impl Into<String>) -> Problem {
        Problem {
            origin: self.origin.clone(),
            line: self.line_of(needle),
            message: message.into(),
        }
    }

    pub fn corpus(&self) -> Option<&str> {
        match &self.task {
            Task::Monitor(m) => Some(&m.corpus),
            Task::Triage(t) => Some(&t.corpus),
            Task::Rewrite(_) => None,
        }
    }
}

/// The 1-based line of `needle` in `text`: a line setting it as a key (`needle = ...`) first,
/// else its first occurrence anywhere.
pub fn line_of(text: &str, needle: &str) -> Option<usize> {
    let as_key = text.lines().position(|line| {
        line.trim_start()
            .strip_prefix(needle)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    });
    as_key.map(|i| i + 1).or_else(|| {
        text.find(needle)
            .map(|at| text[..at].bytes().filter(|&b| b == b'\n').count() + 1)
    })
}

/// Exercises grouped by level, for lists.
pub fn by_level(exercises: &[Exercise]) -> Vec<(Level, Vec<&Exercise>)> {
    let mut groups: HashMap<Level, Vec<&Exercise>> = HashMap::new();
    for e in exercises {
        groups.entry(e.level).or_default().push(e);
    }
    let mut out: Vec<(Level, Vec<&Exercise>)> = groups.into_iter().collect();
    out.sort_by_key(|(l, _)| *l);
    out
}
