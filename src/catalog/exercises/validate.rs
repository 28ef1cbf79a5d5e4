//! What an exercise file can be checked for by itself: ids fit for links, a brief, exactly one
//! task section, queries that parse, known platforms and rule packs, pass marks on the right
//! scale, and labelled sets and press releases that can be read. The checks that need the
//! corpora come later, in `app`.

use std::collections::HashSet;
use std::path::Path;

use super::load::Files;
use super::parse::RawExercise;
use super::{Kind, Label, Monitor, Rewrite, Task, Triage};

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
                let mut named = HashSet::new();
                for r in &t.routes {
                    if r.trim().is_empty() {
                        bad("routes", "a route in `routes` is empty: name who the escalation goes to, e.g. \"duty press officer\"".into());
                    } else if !named.insert(r.as_str()) {
                        bad("routes", format!("route {r:?} is listed twice in `routes`"));
                    }
                }
                for item in &t.items {
                    let at = format!("\"{}\"", item.id);
                    if item.label != Label::Escalate {
                        if item.life_safety {
                            bad(
                                &at,
                                format!(
                                    "{:?} is marked life_safety but its label is {:?}: only an escalation can be life-safety",
                                    item.id,
                                    item.label.id()
                                ),
                            );
                        }
                        if item.route.is_some() {
                            bad(
                                &at,
                                format!(
                                    "{:?} has a route but its label is {:?}: only escalations are routed",
                                    item.id,
                                    item.label.id()
                                ),
                            );
                        }
                        continue;
                    }
                    match (&item.route, t.routes.is_empty()) {
                        (Some(r), true) => bad(
                            &at,
                            format!(
                                "{:?} has route {r:?} but [triage] lists no `routes`: add routes = [...] naming who escalations go to",
                                item.id
                            ),
                        ),
                        (Some(r), false) if !t.routes.contains(r) => bad(
                            &at,
                            format!(
                                "route {r:?} of {:?} is not one of the exercise's routes ({})",
                                item.id,
                                t.routes.join(", ")
                            ),
                        ),
                        (None, false) => bad(
                            &at,
                            format!(
                                "{:?} is an escalation but has no `route`: say which of the routes ({}) it goes to",
                                item.id,
                                t.routes.join(", ")
                            ),
                        ),
                        _ => {}
                    }
                }
                Some(Task::Triage(Triage {
                    corpus: t.corpus,
                    pass_mark: t.pass_mark,
                    routes: t.routes,
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

/// Shipped hints teach without giving the answer (issue 17): no hint of a rewrite states a key
/// fact (its `match` rule finds nothing in the hint), and no hint of a triage exercise names a post or a route.
#[cfg(test)]
mod shipped_hints {
    use crate::catalog::exercises::{Task, shipped};
    use crate::query::post::Post;

    fn names(hint: &str, word: &str) -> bool {
        let hint = hint.to_lowercase();
        let word = word.to_lowercase();
        hint.match_indices(&word).any(|(at, _)| {
            let before = hint[..at].chars().next_back();
            let after = hint[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    #[test]
    fn hints_do_not_give_the_answer_away() {
        let catalog = shipped();
        let mut given = Vec::new();
        for ex in &catalog.exercises {
            match &ex.task {
                // A rewrite's hint, read as a post, must not state a key fact: its rule would
                // give the trainee the wording that earns the points.
                Task::Rewrite(r) => {
                    for hint in &ex.hints {
                        let post = Post::new(hint);
                        for f in r.facts.iter().filter(|f| post.matches(f.rule.query())) {
                            given.push(format!("{}: hint {hint:?} states {:?}", ex.id, f.fact));
                        }
                    }
                }
                Task::Triage(t) => {
                    let answers = t
                        .routes
                        .iter()
                        .map(String::as_str)
                        .chain(t.items.iter().map(|i| i.id.as_str()));
                    for a in answers {
                        for hint in ex.hints.iter().filter(|h| names(h, a)) {
                            given.push(format!("{}: hint {hint:?} names {a:?}", ex.id));
                        }
                    }
                }
                Task::Monitor(_) => {}
            }
        }
        assert!(given.is_empty(), "{given:#?}");
        assert!(names("Go to the Duty Press Officer.", "duty press officer"));
        assert!(!names("uncle", "nc"));
    }
}

#[cfg(test)]
mod triage_format {
    use crate::catalog::exercises::{TestAnswer, from_text};

    const HEAD: &str = "id = \"t\"\ntitle = \"t\"\nkind = \"triage\"\nlevel = \"beginner\"\nbrief = \"b\"\n[triage]\ncorpus = \"c\"\npass_mark = 0.75\n";

    fn problems(text: &str) -> Vec<(Option<usize>, String)> {
        from_text("t.toml", text)
            .problems
            .into_iter()
            .map(|p| (p.line, p.message))
            .collect()
    }

    #[test]
    fn routes_and_life_safety_are_checked_at_their_line() {
        let good = format!(
            "{HEAD}routes = [\"duty officer\", \"press office\"]\n[[triage.items]]\nid = \"d1\"\nlabel = \"escalate\"\nroute = \"duty officer\"\nlife_safety = true\n[[triage.items]]\nid = \"d2\"\nlabel = \"relevant\"\n"
        );
        let c = from_text("t.toml", &good);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let crate::catalog::exercises::Task::Triage(t) = &c.exercises[0].task else {
            panic!("triage")
        };
        assert!(t.items[0].life_safety && t.routes.len() == 2);

        let p = problems(&good.replace("route = \"duty officer\"", "route = \"the mayor\""));
        assert!(
            p[0].1.contains("\"the mayor\" of \"d1\" is not one of"),
            "{p:?}"
        );
        assert_eq!(p[0].0, Some(11), "{p:?}");
        let p = problems(&good.replace("route = \"duty officer\"\n", ""));
        assert!(p[0].1.contains("has no `route`"), "{p:?}");
        let p = problems(&format!("{good}life_safety = true\n"));
        assert!(
            p[0].1.contains("only an escalation can be life-safety"),
            "{p:?}"
        );
        assert_eq!(p[0].0, Some(16), "{p:?}");
        let p = problems(&good.replace("routes = [\"duty officer\", \"press office\"]\n", ""));
        assert!(p[0].1.contains("lists no `routes`"), "{p:?}");
        let p = problems(&good.replace("life_safety = true", "life_safty = true"));
        assert!(p[0].1.contains("life_safty"), "{p:?}");

        // tests carry routes for escalated posts, from the exercise's routes
        let test = format!(
            "{good}[[tests]]\nexpect = \"pass\"\n[tests.labels]\nd1 = \"escalate\"\nd2 = \"relevant\"\n[tests.routes]\nd1 = \"press office\"\n"
        );
        let c = from_text("t.toml", &test);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert!(matches!(&c.exercises[0].tests[0].answer,
            TestAnswer::Labels(s) if s.routes.get("d1").map(String::as_str) == Some("press office")));
        let p = problems(&test.replace("d1 = \"press office\"", "d2 = \"press office\""));
        assert!(
            p[0].1.contains("its label in this test is not escalate"),
            "{p:?}"
        );
        let p = problems(&test.replace("d1 = \"press office\"", "d1 = \"nobody\""));
        assert!(p[0].1.contains("route \"nobody\" for \"d1\""), "{p:?}");
    }
}
