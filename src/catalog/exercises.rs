//! Exercises: TOML files (shipped in `exercises/`, or a trainer's folder) parsed into `Exercise`s.
//! Loading checks everything a file can tell by itself and reports each problem with file and
//! line; `validate` (in `app`) adds the checks that need the corpora.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

use crate::error::Problem;

static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/exercises");

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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fact {
    pub fact: String,
    pub accept: Vec<String>,
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
pub struct TriageItem {
    pub id: String,
    pub label: Label,
    #[serde(default)]
    pub why: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Triage {
    pub corpus: String,
    /// Share of items sorted as the trainer sorted them, 0 to 1.
    pub pass_mark: f64,
    pub items: Vec<TriageItem>,
}

#[derive(Debug, Clone, Serialize)]
pub enum Task {
    Monitor(Monitor),
    Rewrite(Rewrite),
    Triage(Triage),
}

#[derive(Debug, Clone, Serialize)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub level: Level,
    pub teaches: Vec<String>,
    pub summary: String,
    pub brief: String,
    pub hints: Vec<String>,
    pub task: Task,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    id: String,
    title: String,
    kind: Kind,
    level: Level,
    #[serde(default)]
    teaches: Vec<String>,
    #[serde(default)]
    summary: String,
    brief: String,
    #[serde(default)]
    hints: Vec<String>,
    monitor: Option<RawMonitor>,
    rewrite: Option<RawRewrite>,
    triage: Option<RawTriage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMonitor {
    corpus: String,
    #[serde(default)]
    relevant: Option<Vec<String>>,
    #[serde(default)]
    relevant_file: Option<String>,
    model_query: String,
    #[serde(default)]
    naive_query: Option<String>,
    pass_mark: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRewrite {
    source: String,
    platforms: Vec<String>,
    #[serde(default)]
    rules: Vec<String>,
    pass_mark: f64,
    #[serde(default)]
    model_answers: Vec<String>,
    #[serde(default)]
    facts: Vec<Fact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTriage {
    corpus: String,
    pass_mark: f64,
    items: Vec<TriageItem>,
}

/// Exercises that loaded, and the problems of those that did not (or that loaded with faults).
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    pub exercises: Vec<Exercise>,
    pub problems: Vec<Problem>,
}

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Adds another catalog's exercises; a later exercise with an id already taken is refused.
    pub fn merge(&mut self, other: Catalog) {
        self.problems.extend(other.problems);
        for e in other.exercises {
            if let Some(first) = self.get(&e.id) {
                self.problems.push(e.problem(
                    "id",
                    format!("id {:?} is already used by {}", e.id, first.origin),
                ));
            } else {
                self.exercises.push(e);
            }
        }
        self.sort();
    }

    fn sort(&mut self) {
        self.exercises
            .sort_by(|a, b| a.level.cmp(&b.level).then_with(|| a.origin.cmp(&b.origin)));
    }
}

/// Reads files for a catalog: shipped (compiled in) or from a folder.
trait Files {
    fn read(&self, path: &Path) -> Option<String>;
}

struct ShippedFiles;

impl Files for ShippedFiles {
    fn read(&self, path: &Path) -> Option<String> {
        let path = normalise(path);
        if let Ok(rest) = path.strip_prefix("corpora") {
            let rest = rest.to_str()?;
            return super::corpora::shipped_file(rest).map(str::to_string);
        }
        SHIPPED
            .get_file(&path)
            .and_then(|f| f.contents_utf8())
            .map(str::to_string)
    }
}

struct DiskFiles {
    root: PathBuf,
}

impl Files for DiskFiles {
    fn read(&self, path: &Path) -> Option<String> {
        if let Ok(rest) = normalise(path).strip_prefix("corpora")
            && let Some(text) = rest.to_str().and_then(super::corpora::shipped_file)
        {
            return Some(text.to_string());
        }
        std::fs::read_to_string(self.root.join(path)).ok()
    }
}

/// Resolves `a/b/../c` without touching the disk (include_dir paths have no `..`).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The exercises compiled into the binary.
pub fn shipped() -> Catalog {
    let mut files = Vec::new();
    collect_shipped(&SHIPPED, &mut files);
    let mut catalog = Catalog::default();
    for (path, text) in files {
        load_one(
            &ShippedFiles,
            &path,
            &format!("exercises/{}", path.display()),
            &text,
            &mut catalog,
        );
    }
    catalog.sort();
    catalog
}

fn collect_shipped(dir: &'static Dir<'static>, out: &mut Vec<(PathBuf, String)>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "toml")
            && let Some(text) = file.contents_utf8()
        {
            out.push((file.path().to_path_buf(), text.to_string()));
        }
    }
    for sub in dir.dirs() {
        collect_shipped(sub, out);
    }
}

/// The exercises in a folder (walked recursively) or a single file.
pub fn from_path(root: &Path) -> Catalog {
    let mut catalog = Catalog::default();
    let mut report = crate::ingest::source::Report::default();
    let files = crate::ingest::source::files(&[root.to_path_buf()], &mut report);
    catalog.problems.extend(report.problems);
    let base = if root.is_dir() {
        root.to_path_buf()
    } else {
        root.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let disk = DiskFiles { root: base.clone() };
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "toml"))
    {
        let origin = file.display().to_string();
        match std::fs::read_to_string(file) {
            Ok(text) => {
                let rel = file.strip_prefix(&base).unwrap_or(file);
                load_one(&disk, rel, &origin, &text, &mut catalog);
            }
            Err(e) => catalog.problems.push(Problem {
                origin,
                line: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    catalog.sort();
    catalog
}

/// One exercise from text (an upload): relative paths resolve against shipped material only.
pub fn from_text(origin: &str, text: &str) -> Catalog {
    let mut catalog = Catalog::default();
    load_one(&ShippedFiles, Path::new(origin), origin, text, &mut catalog);
    catalog
}

fn load_one(files: &dyn Files, path: &Path, origin: &str, text: &str, catalog: &mut Catalog) {
    let problem = |line: Option<usize>, message: String| Problem {
        origin: origin.to_string(),
        line,
        message,
    };
    let raw: RawExercise = match toml::from_str(text) {
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
    let mut bad = |needle: &str, message: String| problems.push(problem(line(needle), message));
    if raw.id.trim().is_empty()
        || !raw
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        bad(
            "id",
            format!(
                "id {:?}: use lower-case letters, digits and '-' (it appears in links)",
                raw.id
            ),
        );
    }
    if raw.title.trim().is_empty() {
        bad("title", "title is empty".into());
    }
    if raw.brief.trim().is_empty() {
        bad(
            "brief",
            "brief is empty: say what the trainee has to do".into(),
        );
    }
    let sections = [
        raw.monitor.is_some(),
        raw.rewrite.is_some(),
        raw.triage.is_some(),
    ]
    .iter()
    .filter(|&&s| s)
    .count();
    if sections > 1 {
        bad(
            "[",
            "an exercise has one of [monitor], [rewrite] or [triage], not several".into(),
        );
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let task = match raw.kind {
        Kind::Monitor => match raw.monitor {
            None => {
                bad(
                    "kind",
                    "kind = \"monitor\" needs a [monitor] section".into(),
                );
                None
            }
            Some(m) => {
                let relevant = match (m.relevant, m.relevant_file) {
                    (Some(ids), None) => ids,
                    (None, Some(file)) => match files.read(&dir.join(&file)) {
                        Some(text) => text
                            .lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty() && !l.starts_with('#'))
                            .map(str::to_string)
                            .collect(),
                        None => {
                            bad(
                                "relevant_file",
                                format!(
                                    "relevant_file {file:?} cannot be read (paths are relative to this file)"
                                ),
                            );
                            Vec::new()
                        }
                    },
                    (Some(_), Some(_)) => {
                        bad(
                            "relevant",
                            "give `relevant` or `relevant_file`, not both".into(),
                        );
                        Vec::new()
                    }
                    (None, None) => {
                        bad("[monitor]", "[monitor] needs `relevant` (a list of document ids) or `relevant_file`".into());
                        Vec::new()
                    }
                };
                if relevant.is_empty() {
                    bad(
                        "relevant",
                        "the labelled set of relevant documents is empty".into(),
                    );
                }
                if let Err(e) = crate::query::parse(&m.model_query) {
                    bad(
                        "model_query",
                        format!(
                            "model_query does not parse: column {}: {}",
                            e.column, e.message
                        ),
                    );
                }
                if let Some(naive) = &m.naive_query
                    && let Err(e) = crate::query::parse(naive)
                {
                    bad(
                        "naive_query",
                        format!(
                            "naive_query does not parse: column {}: {}",
                            e.column, e.message
                        ),
                    );
                }
                if !(0.0..=1.0).contains(&m.pass_mark) || m.pass_mark == 0.0 {
                    bad(
                        "pass_mark",
                        format!(
                            "pass_mark {} for a monitoring exercise is an F1 between 0 and 1, e.g. 0.8",
                            m.pass_mark
                        ),
                    );
                }
                Some(Task::Monitor(Monitor {
                    corpus: m.corpus,
                    relevant,
                    model_query: m.model_query,
                    naive_query: m.naive_query,
                    pass_mark: m.pass_mark,
                }))
            }
        },
        Kind::Rewrite => match raw.rewrite {
            None => {
                bad(
                    "kind",
                    "kind = \"rewrite\" needs a [rewrite] section".into(),
                );
                None
            }
            Some(r) => {
                let source_text = files
                    .read(&Path::new("corpora").join(&r.source))
                    .or_else(|| files.read(&dir.join(&r.source)))
                    .unwrap_or_else(|| {
                        bad("source", format!("source {:?} is not a press release under corpora/ or beside this file", r.source));
                        String::new()
                    });
                if r.platforms.is_empty() {
                    bad("platforms", "platforms is empty: name at least one (x, bluesky, mastodon, threads, linkedin, facebook, instagram)".into());
                }
                for p in &r.platforms {
                    if p.parse::<crate::compose::Platform>().is_err() {
                        bad(
                            &format!("\"{p}\""),
                            format!(
                                "unknown platform {p:?}: use x, bluesky, mastodon, threads, linkedin, facebook or instagram"
                            ),
                        );
                    }
                }
                for pack in &r.rules {
                    if let Err(e) = crate::compose::packs::load(pack) {
                        bad(&format!("\"{pack}\""), format!("rule pack {pack:?}: {e}"));
                    }
                }
                if !(1.0..=100.0).contains(&r.pass_mark) {
                    bad(
                        "pass_mark",
                        format!(
                            "pass_mark {} for a rewrite is a score out of 100, e.g. 70",
                            r.pass_mark
                        ),
                    );
                }
                for f in &r.facts {
                    if f.accept.iter().all(|a| a.trim().is_empty()) {
                        bad(
                            &f.fact,
                            format!("fact {:?} has no accepted wordings", f.fact),
                        );
                    }
                }
                Some(Task::Rewrite(Rewrite {
                    source: r.source,
                    source_text,
                    platforms: r.platforms,
                    rules: r.rules,
                    pass_mark: r.pass_mark,
                    model_answers: r.model_answers,
                    facts: r.facts,
                }))
            }
        },
        Kind::Triage => match raw.triage {
            None => {
                bad("kind", "kind = \"triage\" needs a [triage] section".into());
                None
            }
            Some(t) => {
                if t.items.is_empty() {
                    bad("[triage]", "[triage] has no [[triage.items]]".into());
                }
                let mut seen = HashSet::new();
                for item in &t.items {
                    if !seen.insert(item.id.clone()) {
                        bad(
                            &format!("\"{}\"", item.id),
                            format!("document {:?} is listed twice", item.id),
                        );
                    }
                }
                if !(0.0..=1.0).contains(&t.pass_mark) || t.pass_mark == 0.0 {
                    bad(
                        "pass_mark",
                        format!(
                            "pass_mark {} for triage is a share between 0 and 1, e.g. 0.75",
                            t.pass_mark
                        ),
                    );
                }
                Some(Task::Triage(Triage {
                    corpus: t.corpus,
                    pass_mark: t.pass_mark,
                    items: t.items,
                }))
            }
        },
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
        summary: raw.summary,
        brief: raw.brief,
        hints: raw.hints,
        task,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_exercises_load_without_problems() {
        let c = shipped();
        assert!(c.problems.is_empty(), "{:#?}", c.problems);
        assert!(c.exercises.len() >= 24, "{}", c.exercises.len());
    }

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

    #[test]
    fn semantic_errors_carry_the_line() {
        let text = "id = \"m\"\ntitle = \"t\"\nkind = \"monitor\"\nlevel = \"beginner\"\nbrief = \"b\"\n[monitor]\ncorpus = \"c\"\nrelevant = [\"a\"]\nmodel_query = '(flood'\npass_mark = 2.0\n";
        let c = from_text("m.toml", text);
        let lines: Vec<(Option<usize>, &str)> = c
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == Some(9) && m.contains("model_query does not parse")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == Some(10) && m.contains("pass_mark")),
            "{lines:?}"
        );
        assert!(c.exercises.is_empty());
    }

    #[test]
    fn missing_section_and_unknown_platform() {
        let c = from_text(
            "r.toml",
            "id = \"r\"\ntitle = \"t\"\nkind = \"rewrite\"\nlevel = \"beginner\"\nbrief = \"b\"\n",
        );
        assert!(c.problems[0].message.contains("needs a [rewrite] section"));
        let c = from_text(
            "r.toml",
            "id = \"r\"\ntitle = \"t\"\nkind = \"rewrite\"\nlevel = \"beginner\"\nbrief = \"b\"\n[rewrite]\nsource = \"press-releases/ferry-timetable.md\"\nplatforms = [\"myspace\"]\npass_mark = 70\n",
        );
        assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
        assert_eq!(c.problems[0].line, Some(8));
        assert!(
            c.problems[0]
                .message
                .contains("unknown platform \"myspace\"")
        );
    }
}
