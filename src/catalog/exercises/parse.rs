//! One exercise file read: its TOML parsed into the raw shape of the file, checked, and made
//! into an `Exercise`. A file with any problem adds its problems to the catalog and no
//! exercise, each problem with the line it is about.

use std::path::Path;

use serde::Deserialize;

use super::load::{Catalog, Files};
use super::{Exercise, Kind, Level, Task, TriageItem, line_of};
use crate::error::Problem;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExercise {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) kind: Kind,
    pub(super) level: Level,
    #[serde(default)]
    pub(super) teaches: Vec<String>,
    /// The skills it trains (`catalog::skills` ids); `Skill::of_kind` when left out.
    #[serde(default)]
    pub(super) skills: Option<Vec<String>>,
    /// The trap it teaches, an id its variants share (see `traps`).
    #[serde(default)]
    pub(super) trap: Option<String>,
    #[serde(default)]
    pub(super) summary: String,
    pub(super) brief: String,
    #[serde(default)]
    pub(super) hints: Vec<String>,
    pub(super) monitor: Option<RawMonitor>,
    pub(super) rewrite: Option<RawRewrite>,
    pub(super) triage: Option<RawTriage>,
    #[serde(default)]
    pub(super) tests: Vec<toml::Spanned<super::answer_tests::RawTest>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMonitor {
    pub(super) corpus: String,
    #[serde(default)]
    pub(super) relevant: Option<Vec<String>>,
    #[serde(default)]
    pub(super) relevant_file: Option<String>,
    pub(super) model_query: String,
    #[serde(default)]
    pub(super) naive_query: Option<String>,
    pub(super) pass_mark: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRewrite {
    pub(super) source: String,
    pub(super) platforms: Vec<String>,
    #[serde(default)]
    pub(super) rules: Vec<String>,
    pub(super) pass_mark: f64,
    #[serde(default)]
    pub(super) model_answers: Vec<String>,
    #[serde(default)]
    pub(super) facts: Vec<super::facts::RawFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTriage {
    pub(super) corpus: String,
    pub(super) pass_mark: f64,
    #[serde(default)]
    pub(super) routes: Vec<String>,
    pub(super) items: Vec<TriageItem>,
}

pub(super) fn load_one(
    files: &dyn Files,
    path: &Path,
    origin: &str,
    text: &str,
    catalog: &mut Catalog,
) {
    let problem = |line: Option<usize>, message: String| Problem {
        origin: origin.to_string(),
        line,
        message,
    };
    let mut raw: RawExercise = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map(|s| line_of_offset(text, s.start));
            catalog
                .problems
                .push(problem(line, e.message().trim().to_string()));
            return;
        }
    };
    let line = |needle: &str| line_of(text, needle);
    let mut problems = Vec::new();
    let raw_facts = raw
        .rewrite
        .as_mut()
        .map(|r| std::mem::take(&mut r.facts))
        .unwrap_or_default();
    let facts = super::facts::check(raw_facts, &|at| line_of_offset(text, at), &mut |line, m| {
        problems.push(problem(line, m))
    });
    let mut bad = |needle: &str, message: String| problems.push(problem(line(needle), message));
    let mut task = super::validate::task(&mut raw, files, path, &mut bad);
    let skills = super::traps::skills(raw.kind, raw.skills.as_deref(), &mut bad);
    let trap = super::traps::trap(raw.trap.as_deref(), &mut bad);
    if let Some(Task::Rewrite(r)) = &mut task {
        r.facts = facts;
    }
    let raw_tests: Vec<_> = std::mem::take(&mut raw.tests)
        .into_iter()
        .map(|t| (Some(line_of_offset(text, t.span().start)), t.into_inner()))
        .collect();
    let tests = match &task {
        Some(task) => super::answer_tests::check(raw_tests, task, &mut |line, message| {
            problems.push(problem(line, message))
        }),
        None => Vec::new(),
    };
    let failed = !problems.is_empty();
    catalog.problems.extend(problems);
    let Some(task) = task else { return };
    if failed {
        return;
    }
    catalog.exercises.push(Exercise {
        id: raw.id,
        title: raw.title,
        kind: raw.kind,
        level: raw.level,
        teaches: raw.teaches,
        skills,
        trap,
        summary: raw.summary,
        brief: raw.brief,
        hints: raw.hints,
        task,
        tests,
        origin: origin.to_string(),
        text: text.to_string(),
    });
}

fn line_of_offset(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use crate::catalog::exercises::from_text;

    #[test]
    fn toml_errors_carry_the_line() {
        let c = from_text("x.toml", "id = \"a\"\ntitle = \"t\"\nkind = \"monitr\"\n");
        assert_eq!(c.problems[0].line, Some(3), "{:?}", c.problems);
        let c = from_text(
            "x.toml",
            "id = \"a\"\ntitle = \"t\"\nkind = \"monitor\"\nlevel = \"beginner\"\nbrief = \"b\"\nsurprise = 1\n",
        );
        assert_eq!(c.problems[0].line, Some(6), "{:?}", c.problems);
    }
}
