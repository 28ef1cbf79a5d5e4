//! Exercises end to end: the shipped library (counts, coverage, every model answer passing and
//! every naive query falling short), validation messages with file and line for each kind of
//! mistake, grading on hand-checked cases, and attempts stored before grading.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use sandpit::app::{Answer, App, Learner};
use sandpit::catalog::exercises::{self, Kind, Label, Level, Sorting, Task};
use sandpit::grade::Grade;

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

async fn app_with_mini() -> App {
    let app = App::in_memory().await.expect("app");
    app.import_paths("mini", vec![data("corpus/mini.jsonl")], |_| {})
        .await
        .expect("mini imports");
    app
}

async fn app_with_shipped() -> App {
    let app = App::in_memory().await.expect("app");
    sandpit::app::ensure_shipped(&app)
        .await
        .expect("shipped corpora load");
    app
}

const OPERATORS: &[&str] = &[
    "word",
    "AND",
    "OR",
    "NOT",
    "phrase",
    "brackets",
    "wildcard-star",
    "wildcard-question",
    "NEAR",
    "NEAR-f",
    "title:",
    "body:",
    "author:",
    "source:",
    "site:",
    "lang:",
    "#tag",
    "@mention",
    "after:",
    "before:",
];
const PLATFORMS: &[&str] = &[
    "x",
    "bluesky",
    "mastodon",
    "threads",
    "linkedin",
    "facebook",
    "instagram",
];

#[tokio::test]
async fn the_shipped_library_is_big_enough_and_covers_everything() {
    let app = app_with_shipped().await;
    let corpora = app.corpora().await.expect("corpora");
    let big: Vec<_> = corpora
        .iter()
        .filter(|c| c.documents >= 600 && c.sources >= 8)
        .collect();
    assert!(
        big.len() >= 3,
        "need 3 corpora of 600+ documents from 8+ sources: {corpora:#?}"
    );

    let releases =
        std::fs::read_dir(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpora/press-releases"))
            .expect("press releases")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "md"))
            })
            .count();
    assert!(releases >= 8, "{releases} press releases");

    let catalog = exercises::shipped();
    assert!(catalog.problems.is_empty(), "{:#?}", catalog.problems);
    assert!(catalog.exercises.len() >= 24);
    for kind in [Kind::Monitor, Kind::Rewrite, Kind::Triage] {
        assert!(
            catalog.exercises.iter().any(|e| e.kind == kind),
            "no {kind:?} exercise"
        );
    }
    for level in [Level::Beginner, Level::Intermediate, Level::Advanced] {
        assert!(
            catalog.exercises.iter().any(|e| e.level == level),
            "no {level:?} exercise"
        );
    }
    let taught: HashSet<&str> = catalog
        .exercises
        .iter()
        .filter(|e| e.kind == Kind::Monitor)
        .flat_map(|e| e.teaches.iter().map(String::as_str))
        .collect();
    for op in OPERATORS {
        assert!(taught.contains(op), "no monitoring exercise teaches {op}");
    }
    let platforms: HashSet<&str> = catalog
        .exercises
        .iter()
        .filter_map(|e| match &e.task {
            Task::Rewrite(r) => Some(r.platforms.iter().map(String::as_str)),
            _ => None,
        })
        .flatten()
        .collect();
    for p in PLATFORMS {
        assert!(platforms.contains(p), "no rewrite exercise for {p}");
    }

    let problems = app.validate_exercises(&catalog).await.expect("validate");
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn model_queries_pass_and_naive_queries_fall_clearly_short() {
    let app = app_with_shipped().await;
    let mut table = Vec::new();
    for ex in exercises::shipped().exercises {
        let Task::Monitor(m) = &ex.task else { continue };
        let f1 = |g: Grade| g.score() / 100.0;
        let model = f1(app
            .grade(&ex, &Answer::Text(m.model_query.clone()))
            .await
            .expect("model grades"));
        let naive_query = m
            .naive_query
            .clone()
            .unwrap_or_else(|| panic!("{} has no naive_query", ex.id));
        let naive = f1(app
            .grade(&ex, &Answer::Text(naive_query))
            .await
            .expect("naive grades"));
        table.push(format!(
            "{:<32} pass {:.2} model {model:.2} naive {naive:.2}",
            ex.id, m.pass_mark
        ));
        assert!(
            model + 1e-9 >= m.pass_mark,
            "{}: model query scores {model:.2} < {:.2}",
            ex.id,
            m.pass_mark
        );
        assert!(
            naive <= m.pass_mark - 0.1,
            "{}: naive query scores {naive:.2}, too close to {:.2}",
            ex.id,
            m.pass_mark
        );
    }
    assert!(table.len() >= 14, "{table:#?}");
    println!("{}", table.join("\n"));
}

#[tokio::test]
async fn monitor_grading_on_a_hand_checked_case() {
    let app = app_with_mini().await;
    app.add_exercises(exercises::from_path(&data("exercises/good")));
    let ex = app.exercise("mini-harriet").expect("fixture exercise");
    // `harriet` finds m1, m2, m4; relevant m1, m4: P = 2/3, R = 1, F1 = 0.8.
    let Grade::Monitor(g) = app
        .grade(&ex, &Answer::Text("harriet".into()))
        .await
        .expect("grades")
    else {
        panic!("monitor grade")
    };
    assert_eq!(
        (
            g.metrics.found,
            g.metrics.true_positives,
            g.metrics.relevant
        ),
        (3, 2, 2)
    );
    assert!((g.metrics.precision - 2.0 / 3.0).abs() < 1e-12);
    assert!((g.metrics.recall - 1.0).abs() < 1e-12);
    assert!((g.metrics.f1 - 0.8).abs() < 1e-12);
    assert_eq!(g.false_positives.len(), 1);
    assert_eq!(g.false_positives[0].id, "m2");
    assert!(
        g.false_positives[0].reason.contains("harriet"),
        "{}",
        g.false_positives[0].reason
    );

    // Clause by clause: `storm harriet NOT #HarrietRovers` has three clauses.
    let Grade::Monitor(g) = app
        .grade(
            &ex,
            &Answer::Text("storm harriet NOT #HarrietRovers".into()),
        )
        .await
        .expect("grades")
    else {
        panic!("monitor grade")
    };
    let counts: Vec<(String, usize, usize, bool)> = g
        .clauses
        .iter()
        .map(|c| (c.text.clone(), c.matches, c.relevant, c.negated))
        .collect();
    assert_eq!(
        counts,
        [
            ("storm".to_string(), 2, 1, false),             // m1, m6
            ("harriet".to_string(), 3, 2, false),           // m1, m2, m4
            ("NOT #HarrietRovers".to_string(), 1, 0, true), // removes m2
        ]
    );
    // Found only m1: m4 (French, "tempête Harriet") is missed because it lacks "storm".
    assert_eq!(g.metrics.found, 1);
    assert_eq!(g.missed.len(), 1);
    assert_eq!(g.missed[0].id, "m4");
    assert!(
        g.missed[0].reason.contains("does not match storm"),
        "{}",
        g.missed[0].reason
    );

    // A query excluding a relevant document says which clause excluded it.
    let Grade::Monitor(g) = app
        .grade(&ex, &Answer::Text("harriet NOT tempête".into()))
        .await
        .expect("grades")
    else {
        panic!("monitor grade")
    };
    assert!(
        g.missed[0]
            .reason
            .contains("exclusion NOT tempête removed it"),
        "{}",
        g.missed[0].reason
    );
}

#[tokio::test]
async fn rewrite_and_triage_grading() {
    let app = app_with_shipped().await;
    let ex = app
        .exercise("storm-13-rewrite-ferry")
        .expect("shipped rewrite");
    let Task::Rewrite(r) = &ex.task else {
        panic!("rewrite")
    };
    let model = Answer::Post {
        platform: Some("x".into()),
        text: r.model_answers[0].clone(),
    };
    let Grade::Rewrite(g) = app.grade(&ex, &model).await.expect("grades") else {
        panic!()
    };
    assert!(g.passed, "{:#?}", g.breakdown);
    assert!(g.facts.iter().all(|f| f.found.is_some()), "{:#?}", g.facts);
    let weak = Answer::Post {
        platform: Some("x".into()),
        text: "In order to facilitate the delivery of robust ferry services going forward, a revised timetable will be implemented.".into(),
    };
    let Grade::Rewrite(g) = app.grade(&ex, &weak).await.expect("grades") else {
        panic!()
    };
    assert!(!g.passed);
    assert!(g.findings.len() >= 3, "{:#?}", g.findings);
    assert_eq!(g.facts.iter().filter(|f| f.found.is_some()).count(), 0);

    let ex = app
        .exercise("storm-11-triage-duty-desk")
        .expect("shipped triage");
    let Task::Triage(t) = &ex.task else {
        panic!("triage")
    };
    let perfect = Sorting {
        labels: t.items.iter().map(|i| (i.id.clone(), i.label)).collect(),
        routes: t
            .items
            .iter()
            .filter_map(|i| Some((i.id.clone(), i.route.clone()?)))
            .collect(),
    };
    let Grade::Triage(g) = app
        .grade(&ex, &Answer::Labels(perfect))
        .await
        .expect("grades")
    else {
        panic!()
    };
    assert!(g.passed && g.correct == g.total);
    let lazy = Sorting {
        labels: t
            .items
            .iter()
            .map(|i| (i.id.clone(), Label::Relevant))
            .collect(),
        routes: HashMap::new(),
    };
    let Grade::Triage(g) = app.grade(&ex, &Answer::Labels(lazy)).await.expect("grades") else {
        panic!()
    };
    assert!(!g.passed);
    assert!(g.missed_escalations > 0);
}

#[tokio::test]
async fn validation_names_file_and_line_for_each_kind_of_mistake() {
    let app = app_with_mini().await;
    let catalog = exercises::from_path(&data("exercises/bad"));
    assert!(
        catalog.get("ok-alongside").is_some(),
        "a bad file does not stop the others"
    );
    let problems = app.validate_exercises(&catalog).await.expect("validate");
    let find = |file: &str| {
        problems
            .iter()
            .find(|p| p.origin.ends_with(file))
            .unwrap_or_else(|| panic!("no problem reported for {file}: {problems:#?}"))
    };
    let p = find("unknown-corpus.toml");
    assert_eq!(p.line, Some(8));
    assert!(p.message.contains("unknown corpus \"atlantis\""));
    let p = find("unknown-ids.toml");
    assert_eq!(p.line, Some(10), "{p}");
    assert!(p.message.contains("m404"));
    let p = find("bad-query.toml");
    assert_eq!(p.line, Some(10));
    assert!(p.message.contains("model_query does not parse"));
    let p = find("failing-model.toml");
    assert_eq!(p.line, Some(10));
    assert!(p.message.contains("below the pass mark"));
    let p = find("failing-answer.toml");
    assert_eq!(p.line, Some(12), "{p}");
    assert!(p.message.contains("fails its own exercise"));
    let p = find("missing-field.toml");
    assert!(p.message.contains("missing field `title`"), "{p}");
    let p = find("triage-unknown-doc.toml");
    assert_eq!(p.line, Some(14), "{p}");
    assert!(p.message.contains("\"ghost\""));
    assert!(
        !problems
            .iter()
            .any(|p| p.origin.ends_with("ok-alongside.toml"))
    );
}

#[tokio::test]
async fn attempts_are_stored_before_grading_even_when_grading_fails() {
    let app = app_with_mini().await;
    app.add_exercises(exercises::from_path(&data("exercises/good")));
    let s = app
        .submit(
            &Learner::local(),
            "mini-harriet",
            Answer::Text("harriet AND (".into()),
        )
        .await
        .expect("submit");
    let message = s.grade.expect_err("the query does not parse");
    assert!(message.error.starts_with("column "), "{message}");
    let stored = app
        .store
        .attempt(&s.attempt_id)
        .await
        .expect("db")
        .expect("stored");
    assert_eq!(stored.answer, "harriet AND (");
    assert_eq!(stored.score, None);
    assert!(stored.result.unwrap_or_default().contains("column"));

    let s = app
        .submit(
            &Learner::local(),
            "mini-harriet",
            Answer::Text("harriet NOT #HarrietRovers".into()),
        )
        .await
        .expect("submit");
    assert!(s.grade.expect("grades").passed());
    let standings = app.store.standings("local").await.expect("db");
    assert_eq!(standings.len(), 1);
    assert_eq!(standings[0].attempts, 2);
    assert!(standings[0].passed);
    assert_eq!(standings[0].best, Some(100.0));
}

#[tokio::test]
async fn feedback_is_the_grade_recorded_at_submission() {
    let app = app_with_mini().await;
    app.add_exercises(exercises::from_path(&data("exercises/good")));
    let ex = app.exercise("mini-harriet").expect("exercise");
    let s = app
        .submit(
            &Learner::local(),
            "mini-harriet",
            Answer::Text("harriet".into()),
        )
        .await
        .expect("submit");
    let submitted = s.grade.expect("grades");
    let attempt = app
        .store
        .attempt(&s.attempt_id)
        .await
        .expect("db")
        .expect("stored");
    let shown = app.feedback(&ex, &attempt).await.expect("feedback");
    assert_eq!(
        serde_json::to_value(shown.expect("graded")).unwrap(),
        serde_json::to_value(&submitted).unwrap(),
        "the stored grade reads back as it was given"
    );

    // What is shown is the record, not a second grading: change the record and the
    // feedback follows it.
    let mut record: serde_json::Value =
        serde_json::from_str(attempt.result.as_deref().unwrap()).unwrap();
    record["advice"] = "recorded advice".into();
    app.store
        .run_sql(
            "UPDATE attempts SET result = $1 WHERE id = $2",
            &[&record.to_string(), &s.attempt_id],
        )
        .await
        .unwrap();
    let attempt = app.store.attempt(&s.attempt_id).await.unwrap().unwrap();
    match app.feedback(&ex, &attempt).await.expect("feedback") {
        Ok(sandpit::grade::Grade::Monitor(g)) => assert_eq!(g.advice, "recorded advice"),
        other => panic!("expected a monitoring grade, got {other:?}"),
    }

    // A query that does not parse keeps its message and hint.
    let s = app
        .submit(
            &Learner::local(),
            "mini-harriet",
            Answer::Text("*arriet".into()),
        )
        .await
        .expect("submit");
    let attempt = app.store.attempt(&s.attempt_id).await.unwrap().unwrap();
    let failed = app
        .feedback(&ex, &attempt)
        .await
        .expect("feedback")
        .expect_err("does not parse");
    assert!(failed.hint.is_some(), "{failed}");
    assert_eq!(Err(failed), s.grade.map(|_| ()));
}

#[tokio::test]
async fn attempts_left_ungraded_by_a_stop_are_graded_later() {
    let app = app_with_mini().await;
    app.add_exercises(exercises::from_path(&data("exercises/good")));
    let ex = app.exercise("mini-harriet").expect("exercise");
    // As if the server stopped between storing the attempt and grading it.
    let first = app
        .store
        .insert_attempt(
            "local",
            "mini-harriet",
            "monitor",
            "harriet NOT #HarrietRovers",
        )
        .await
        .unwrap();
    let second = app
        .store
        .insert_attempt("local", "mini-harriet", "monitor", "harriet")
        .await
        .unwrap();
    app.store
        .insert_attempt("local", "gone-exercise", "monitor", "harriet")
        .await
        .unwrap();
    assert_eq!(app.grade_ungraded().await.expect("grades"), 2);
    let stored = app.store.attempt(&first).await.unwrap().unwrap();
    assert_eq!(stored.score, Some(100.0));
    assert_eq!(stored.passed, Some(true));
    // Graded once: nothing left to do the second time (the unknown exercise's attempt stays).
    assert_eq!(app.grade_ungraded().await.expect("grades"), 0);

    // The feedback page of an attempt still ungraded grades it and records the grade.
    app.store
        .run_sql(
            "UPDATE attempts SET result = NULL, score = NULL, passed = NULL WHERE id = $1",
            &[&second],
        )
        .await
        .unwrap();
    let attempt = app.store.attempt(&second).await.unwrap().unwrap();
    assert!(app.feedback(&ex, &attempt).await.unwrap().is_ok());
    let stored = app.store.attempt(&second).await.unwrap().unwrap();
    assert!(stored.score.is_some() && stored.result.is_some());
}

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
