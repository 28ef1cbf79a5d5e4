//! The tests an exercise file carries (`[[tests]]`): answers that must pass or must fail, with
//! the score range they must land in. Here they are read and checked by themselves; `app` runs
//! them against the corpora (`App::run_exercise_tests`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{AnswerTest, Expect, Label, Task, TestAnswer};

/// One `[[tests]]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTest {
    #[serde(default)]
    answer: Option<String>,
    #[serde(default)]
    labels: Option<BTreeMap<String, Label>>,
    #[serde(default)]
    routes: Option<BTreeMap<String, String>>,
    #[serde(default)]
    platform: Option<String>,
    /// Rewrites: one post a platform, instead of `answer`.
    #[serde(default)]
    posts: Option<BTreeMap<String, String>>,
    expect: Expect,
    #[serde(default)]
    score: Option<Vec<f64>>,
    #[serde(default)]
    why: String,
}

/// The tests, checked against the exercise's task; each problem goes to `bad` with its line.
pub(super) fn check(
    raw: Vec<(Option<usize>, RawTest)>,
    task: &Task,
    bad: &mut dyn FnMut(Option<usize>, String),
) -> Vec<AnswerTest> {
    let mut out = Vec::new();
    for (line, t) in raw {
        let mut problem = |message: String| bad(line, format!("test: {message}"));
        let score = match t.score.as_deref() {
            None => None,
            Some(&[low, high]) if (0.0..=high).contains(&low) && high <= 100.0 => Some((low, high)),
            Some(other) => {
                problem(format!(
                    "score {other:?} should be two numbers out of 100, lowest first, e.g. [80, 100]"
                ));
                continue;
            }
        };
        if t.routes.is_some() && !matches!(task, Task::Triage(_)) {
            problem("`routes` are for triage tests, beside their `labels`".into());
            continue;
        }
        if let Some(posts) = t.posts {
            let Task::Rewrite(r) = task else {
                problem("`posts` are for rewrites: one post a platform".into());
                continue;
            };
            if t.answer.is_some() || t.platform.is_some() || t.labels.is_some() {
                problem(
                    "give either `posts` (one post a platform) or `answer` (with an optional `platform`), not both"
                        .into(),
                );
                continue;
            }
            if let Some(p) = posts.keys().find(|p| !r.platforms.contains(p)) {
                problem(format!(
                    "posts name platform {p:?}, which is not one of this exercise's platforms ({})",
                    r.platforms.join(", ")
                ));
                continue;
            }
            out.push(AnswerTest {
                line,
                answer: TestAnswer::Posts(posts),
                expect: t.expect,
                score,
                why: t.why,
            });
            continue;
        }
        let answer = match (task, t.answer, t.labels) {
            (Task::Triage(tri), None, Some(labels)) => {
                if t.platform.is_some() {
                    problem("`platform` is for rewrites, not triage".into());
                    continue;
                }
                let unknown: Vec<&String> = labels
                    .keys()
                    .filter(|id| !tri.items.iter().any(|i| &i.id == *id))
                    .collect();
                if let Some(id) = unknown.first() {
                    problem(format!(
                        "labels name {id:?}, which is not one of this exercise's [[triage.items]]"
                    ));
                    continue;
                }
                let routes = t.routes.unwrap_or_default();
                if let Some((id, route)) = routes
                    .iter()
                    .find(|(id, _)| labels.get(*id) != Some(&Label::Escalate))
                {
                    problem(format!(
                        "routes give {id:?} the route {route:?}, but its label in this test is not escalate"
                    ));
                    continue;
                }
                if let Some((id, route)) = routes.iter().find(|(_, r)| !tri.routes.contains(r)) {
                    problem(format!(
                        "route {route:?} for {id:?} is not one of this exercise's routes ({})",
                        tri.routes.join(", ")
                    ));
                    continue;
                }
                TestAnswer::Labels(super::Sorting {
                    labels: labels.into_iter().collect(),
                    routes: routes.into_iter().collect(),
                })
            }
            (Task::Triage(_), _, _) => {
                problem(
                    "a triage test gives `labels`, a table of document id = label, e.g. labels = { \"sh-0457\" = \"escalate\" }"
                        .into(),
                );
                continue;
            }
            (Task::Monitor(_), Some(query), None) => {
                if t.platform.is_some() {
                    problem("`platform` is for rewrites, not monitoring".into());
                    continue;
                }
                if let Err(e) = crate::query::parse(&query) {
                    problem(format!(
                        "the answer does not parse: column {}: {}",
                        e.column, e.message
                    ));
                    continue;
                }
                TestAnswer::Text(query)
            }
            (Task::Rewrite(r), Some(text), None) => {
                if let Some(p) = &t.platform
                    && !r.platforms.contains(p)
                {
                    problem(format!(
                        "platform {p:?} is not one of this exercise's platforms ({})",
                        r.platforms.join(", ")
                    ));
                    continue;
                }
                TestAnswer::Post {
                    platform: t.platform,
                    text,
                }
            }
            (_, _, _) => {
                problem(
                    "give the `answer` to test (a query or a post); `labels` are for triage".into(),
                );
                continue;
            }
        };
        out.push(AnswerTest {
            line,
            answer,
            expect: t.expect,
            score,
            why: t.why,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::catalog::exercises::{Expect, TestAnswer, from_text};

    const MONITOR: &str = "id = \"m\"\ntitle = \"t\"\nkind = \"monitor\"\nlevel = \"beginner\"\nbrief = \"b\"\n[monitor]\ncorpus = \"c\"\nrelevant = [\"a\"]\nmodel_query = 'flood'\npass_mark = 0.8\n";

    #[test]
    fn tests_are_read_with_their_lines() {
        let text = format!(
            "{MONITOR}\n[[tests]]\nanswer = 'flood OR floods'\nexpect = \"pass\"\nscore = [80, 100]\nwhy = \"the model\"\n\n[[tests]]\nanswer = 'storm'\nexpect = \"fail\"\n"
        );
        let c = from_text("m.toml", &text);
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let tests = &c.exercises[0].tests;
        assert_eq!(tests.len(), 2);
        assert_eq!(tests[0].line, Some(12));
        assert_eq!(tests[0].expect, Expect::Pass);
        assert_eq!(tests[0].score, Some((80.0, 100.0)));
        assert_eq!(tests[0].why, "the model");
        assert!(matches!(&tests[0].answer, TestAnswer::Text(q) if q == "flood OR floods"));
        assert_eq!(tests[1].line, Some(18));
        assert_eq!(tests[1].expect, Expect::Fail);
    }

    #[test]
    fn bad_tests_are_reported_with_their_lines() {
        let problems = |tests: &str| {
            let c = from_text("m.toml", &format!("{MONITOR}{tests}"));
            assert!(
                c.exercises.is_empty(),
                "a file with a bad test is not loaded"
            );
            c.problems
                .iter()
                .map(|p| (p.line, p.message.clone()))
                .collect::<Vec<_>>()
        };
        let p = problems(
            "\n[[tests]]\nanswer = 'a'\nexpect = \"pass\"\n\n[[tests]]\nanswer = '(flood'\nexpect = \"fail\"\n",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, Some(16));
        assert!(p[0].1.contains("test: the answer does not parse"), "{p:?}");
        let p = problems("[[tests]]\nanswer = 'a'\nexpect = \"pass\"\nscore = [100, 90]\n");
        assert_eq!(p[0].0, Some(11), "{p:?}");
        assert!(p[0].1.contains("lowest first"), "{p:?}");
        let p = problems("[[tests]]\nanswer = 'a'\nexpect = \"perhaps\"\n");
        assert_eq!(p[0].0, Some(13), "{p:?}");
        assert!(p[0].1.contains("perhaps"), "{p:?}");
        let p = problems("[[tests]]\nanswer = 'a'\nexpect = \"pass\"\nplatfrom = \"x\"\n");
        assert_eq!(p[0].0, Some(14), "{p:?}");
        assert!(p[0].1.contains("platfrom"), "{p:?}");
        let p = problems("[[tests]]\nanswer = 'a'\nexpect = \"pass\"\nplatform = \"x\"\n");
        assert_eq!(p[0].0, Some(11), "{p:?}");
        assert!(p[0].1.contains("for rewrites"), "{p:?}");
        let p = problems("[[tests]]\nlabels = { a = \"relevant\" }\nexpect = \"pass\"\n");
        assert!(p[0].1.contains("give the `answer`"), "{p:?}");
    }

    #[test]
    fn rewrite_tests_may_give_one_post_a_platform() {
        let rewrite = "id = \"r\"\ntitle = \"t\"\nkind = \"rewrite\"\nlevel = \"beginner\"\nbrief = \"b\"\n[rewrite]\nsource = \"press-releases/consular-advice-marenne.md\"\nplatforms = [\"x\", \"mastodon\"]\nrules = []\npass_mark = 70\nmodel_answers = [\"a\", \"b\"]\n";
        let c = from_text(
            "r.toml",
            &format!(
                "{rewrite}[[tests]]\nexpect = \"fail\"\n[tests.posts]\nx = \"Roads closed\"\n"
            ),
        );
        let tests: Vec<_> = c.exercises.iter().flat_map(|e| e.tests.iter()).collect();
        assert!(
            matches!(&tests[..], [t] if matches!(&t.answer, TestAnswer::Posts(p) if p["x"] == "Roads closed" && p.len() == 1)),
            "{:?} {:?}",
            c.problems,
            tests
        );
        let c = from_text(
            "r.toml",
            &format!("{rewrite}[[tests]]\nexpect = \"pass\"\nposts = {{ threads = \"a\" }}\n"),
        );
        assert!(
            c.problems
                .iter()
                .any(|p| p.message.contains("\"threads\"") && p.line == Some(12)),
            "{:?}",
            c.problems
        );
        let c = from_text(
            "r.toml",
            &format!(
                "{rewrite}[[tests]]\nexpect = \"pass\"\nanswer = \"a\"\nposts = {{ x = \"a\" }}\n"
            ),
        );
        assert!(
            c.problems.iter().any(|p| p.message.contains("not both")),
            "{:?}",
            c.problems
        );
    }

    #[test]
    fn triage_tests_give_labels_for_the_items() {
        let triage = "id = \"t\"\ntitle = \"t\"\nkind = \"triage\"\nlevel = \"beginner\"\nbrief = \"b\"\n[triage]\ncorpus = \"c\"\npass_mark = 0.5\n[[triage.items]]\nid = \"d1\"\nlabel = \"escalate\"\n[[triage.items]]\nid = \"d2\"\nlabel = \"relevant\"\n";
        let c = from_text(
            "t.toml",
            &format!(
                "{triage}[[tests]]\nexpect = \"pass\"\n[tests.labels]\nd1 = \"escalate\"\nd2 = \"relevant\"\n"
            ),
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert!(
            matches!(&c.exercises[0].tests[0].answer, TestAnswer::Labels(l) if l.labels.len() == 2)
        );
        let c = from_text(
            "t.toml",
            &format!("{triage}[[tests]]\nexpect = \"pass\"\nlabels = {{ d3 = \"escalate\" }}\n"),
        );
        assert_eq!(c.problems[0].line, Some(15), "{:?}", c.problems);
        assert!(c.problems[0].message.contains("\"d3\""), "{:?}", c.problems);
        let c = from_text(
            "t.toml",
            &format!("{triage}[[tests]]\nexpect = \"pass\"\nlabels = {{ d1 = \"urgent\" }}\n"),
        );
        assert_eq!(c.problems[0].line, Some(17), "{:?}", c.problems);
        let c = from_text(
            "t.toml",
            &format!("{triage}[[tests]]\nanswer = 'x'\nexpect = \"pass\"\n"),
        );
        assert!(
            c.problems[0]
                .message
                .contains("a triage test gives `labels`"),
            "{:?}",
            c.problems
        );
    }
}
