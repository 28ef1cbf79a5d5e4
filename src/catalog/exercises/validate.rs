//! What an exercise file can be checked for by itself: ids fit for links, a brief, exactly one
//! task section, queries that parse, known platforms and rule packs, pass marks on the right
//! scale, and labelled sets and press releases that can be read. The checks that need the
//! corpora come later, in `app`.

use std::collections::HashSet;
use std::path::Path;

use super::load::Files;
use super::parse::RawExercise;
use super::{Kind, Monitor, Rewrite, Task, Triage};

/// The exercise's task, checked; every problem found goes to `bad` with the text that finds
/// its line. None when the task section is missing.
pub(super) fn task(
    raw: &mut RawExercise,
    files: &dyn Files,
    path: &Path,
    bad: &mut dyn FnMut(&str, String),
) -> Option<Task> {
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
    match raw.kind {
        Kind::Monitor => match raw.monitor.take() {
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
        Kind::Rewrite => match raw.rewrite.take() {
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
                let builtin = crate::compose::packs::BUILTIN;
                for pack in &r.rules {
                    if !files.packs_on_disk() && !builtin.iter().any(|(id, _)| id == pack) {
                        let names: Vec<&str> = builtin.iter().map(|(id, _)| *id).collect();
                        bad(
                            &format!("\"{pack}\""),
                            format!(
                                "rule pack {pack:?}: an uploaded exercise can use only the built-in packs ({}); packs from files are for exercises in a folder given with --exercises",
                                names.join(", ")
                            ),
                        );
                    } else if let Err(e) = crate::compose::packs::load(pack) {
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
                Some(Task::Rewrite(Rewrite {
                    source: r.source,
                    source_text,
                    platforms: r.platforms,
                    rules: r.rules,
                    pass_mark: r.pass_mark,
                    model_answers: r.model_answers,
                    // Checked apart, with their lines, and set by `parse::load_one`.
                    facts: Vec::new(),
                }))
            }
        },
        Kind::Triage => match raw.triage.take() {
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
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::exercises::from_text;

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

    #[test]
    fn an_upload_names_only_built_in_rule_packs() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A pack on the server's disk: an upload must not be able to read it.
        let secret = dir.path().join("secret.toml");
        std::fs::write(&secret, "not = [a pack").expect("write");
        let exercise = |rules: &str| {
            format!(
                "id = \"r\"\ntitle = \"t\"\nkind = \"rewrite\"\nlevel = \"beginner\"\nbrief = \"b\"\n[rewrite]\nsource = \"press-releases/ferry-timetable.md\"\nplatforms = [\"x\"]\nrules = [{rules}]\npass_mark = 70\n"
            )
        };
        let c = from_text(
            "r.toml",
            &exercise(&format!("{:?}", secret.display().to_string())),
        );
        assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
        assert_eq!(c.problems[0].line, Some(9));
        let message = &c.problems[0].message;
        assert!(
            message.contains("only the built-in packs (govuk-plain-english, social-accessible)"),
            "{message}"
        );
        assert!(
            !message.contains("line"),
            "nothing of the file is read: {message}"
        );
        let c = from_text("r.toml", &exercise("\"govuk-plain-english\""));
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.exercises.len(), 1);
    }
}
