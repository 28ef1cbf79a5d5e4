//! The `[[tests]]` that exercise files carry (exercises/README.md): `sandpit exercises validate`
//! runs them with file and line for each that does not hold, every shipped exercise carries tests
//! that hold, and an upload whose tests do not hold is refused with the same messages.

mod support;

use sandpit::catalog::exercises::{self, Task};
use support::exercises::{app_with_mini, app_with_shipped, data};

fn sandpit(data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .output()
        .expect("the sandpit binary runs")
}

/// The "N test(s) run, M passed" of `exercises validate`'s summary.
fn tests_run_and_passed(summary: &str) -> (usize, usize) {
    let at = summary
        .find(" test(s) run, ")
        .expect("the summary counts the tests");
    let ran = summary[..at]
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("tests run");
    let passed = summary[at + " test(s) run, ".len()..]
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("tests passed");
    (ran, passed)
}

/// `sandpit exercises validate DIR` runs the files' `[[tests]]`: each one that does not hold is
/// reported with file and line and the command exits 1; the shipped exercises' tests all hold.
#[test]
fn exercises_validate_runs_the_tests_in_the_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = data("exercises/failing-tests");
    let out = sandpit(
        dir.path(),
        &["exercises", "validate", folder.to_str().expect("utf-8")],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "ferry-tests.toml:30: test \"test post is enough\": expected pass, got 0/100 (pass mark 70)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("ferry-tests.toml:36: test \"From Monday 16 February the ferry runs 3…\": score 100 is outside 0..50"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("ferry-tests.toml:24"),
        "the test that holds is not reported: {stderr}"
    );
    assert_eq!(tests_run_and_passed(&stderr), (3, 1), "{stderr}");

    let out = sandpit(dir.path(), &["exercises", "validate"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (ran, passed) = tests_run_and_passed(&stdout);
    assert!(ran >= 72 && passed == ran, "{stdout}");
}

/// Every shipped exercise carries tests: the model answers pass, the naive query and an empty
/// post fail, and the trainer's own triage labels pass.
#[tokio::test]
async fn shipped_exercises_carry_tests_that_hold() {
    use sandpit::catalog::exercises::{Expect, TestAnswer};
    let app = app_with_shipped().await;
    let catalog = exercises::shipped();
    for ex in &catalog.exercises {
        let passes = |t: &&sandpit::catalog::exercises::AnswerTest| t.expect == Expect::Pass;
        let fails = |t: &&sandpit::catalog::exercises::AnswerTest| t.expect == Expect::Fail;
        assert!(
            ex.tests.iter().any(|t| passes(&t)) && ex.tests.iter().any(|t| fails(&t)),
            "{}: tests that must pass and tests that must fail",
            ex.id
        );
        match &ex.task {
            Task::Monitor(m) => assert!(
                ex.tests
                    .iter()
                    .filter(passes)
                    .any(|t| matches!(&t.answer, TestAnswer::Text(q) if *q == m.model_query)),
                "{}: the model query is tested",
                ex.id
            ),
            Task::Rewrite(r) => {
                for p in &r.platforms {
                    let on = |t: &&sandpit::catalog::exercises::AnswerTest, want: &str| matches!(&t.answer, TestAnswer::Post { platform: Some(q), text } if q == p && (want.is_empty() || text == want));
                    assert!(
                        ex.tests.iter().filter(passes).any(|t| on(&t, "")),
                        "{}: a passing post for {p}",
                        ex.id
                    );
                    assert!(
                        ex.tests.iter().filter(fails).any(|t| on(&t, "test post")),
                        "{}: \"test post\" fails on {p}",
                        ex.id
                    );
                }
                // Beyond the model answers and "test post": the mistakes the key facts are there
                // to catch, and plain rewordings that must still pass.
                let posts = |want: Expect| {
                    ex.tests
                        .iter()
                        .filter(|t| t.expect == want)
                        .filter(|t| !matches!(&t.answer, TestAnswer::Post { text, .. } if text == "test post" || r.model_answers.contains(text)))
                        .count()
                };
                assert!(posts(Expect::Fail) >= 2, "{}: failing rewordings", ex.id);
                assert!(posts(Expect::Pass) >= 1, "{}: passing rewordings", ex.id);
            }
            Task::Triage(t) => assert!(
                ex.tests
                    .iter()
                    .filter(passes)
                    .any(|test| matches!(&test.answer,
                    TestAnswer::Labels(l) if l.labels.len() == t.items.len()
                        && t.items.iter().all(|i| l.labels.get(&i.id) == Some(&i.label)
                            && l.routes.get(&i.id) == i.route.as_ref()))),
                "{}: the trainer's own labels are tested",
                ex.id
            ),
        }
    }
    let run = app.run_exercise_tests(&catalog).await.expect("tests run");
    assert!(run.problems.is_empty(), "{:#?}", run.problems);
    assert_eq!(run.ran, run.passed);
    assert_eq!(
        run.ran,
        catalog
            .exercises
            .iter()
            .map(|e| e.tests.len())
            .sum::<usize>()
    );
}

/// A monitoring test graded against its corpus, and an upload whose tests do not hold is
/// refused with the same messages as `exercises validate`.
#[tokio::test]
async fn failing_tests_are_reported_and_refuse_an_upload() {
    let app = app_with_mini().await;
    let monitor = std::fs::read_to_string(data("exercises/good/mini-monitor.toml"))
        .expect("fixture")
        .replace("mini-harriet", "mini-tested");
    let text = format!(
        "{monitor}\n[[tests]]\nanswer = 'harriet NOT #HarrietRovers'\nexpect = \"pass\"\nscore = [100, 100]\n\n[[tests]]\nanswer = 'harriet'\nexpect = \"fail\"\nwhy = \"the naive query\"\n"
    );
    let lines = text.lines().count();
    let catalog = exercises::from_text("mini-tested.toml", &text);
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    let run = app.run_exercise_tests(&catalog).await.expect("run");
    assert_eq!((run.ran, run.passed), (2, 1), "{:?}", run.problems);
    let p = &run.problems[0];
    assert_eq!(p.line, Some(lines - 3), "{p}");
    assert!(
        p.to_string().starts_with(&format!(
            "mini-tested.toml:{}: test \"the naive query\": expected fail, got ",
            lines - 3
        )) && p.message.ends_with("/100 (pass mark 80)"),
        "{p}"
    );

    // The same file uploaded: refused, with the same message.
    let refused = app
        .add_exercise_file("mini-tested.toml", text.clone().into_bytes())
        .await
        .expect("upload handled")
        .expect_err("a file whose tests fail is refused");
    assert_eq!(refused, vec![p.to_string()]);
    assert!(app.catalog().get("mini-tested").is_none());

    // Without the failing test it is added.
    let holding = text[..text.rfind("\n[[tests]]").expect("second test")].to_string();
    let added = app
        .add_exercise_file("mini-tested.toml", holding.into_bytes())
        .await
        .expect("upload handled")
        .expect("a file whose tests hold is added");
    assert_eq!(added[0].0, "mini-tested");
}
