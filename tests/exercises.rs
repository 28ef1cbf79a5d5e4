//! Exercises end to end: the shipped library (counts, coverage, every model answer passing and
//! every naive query falling short), validation messages with file and line for each kind of
//! mistake, grading on hand-checked cases, and attempts stored before grading.
//!
//! The `[[tests]]` that exercise files carry are `tests/exercise_file_tests.rs`.

mod support;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use sandpit::app::{Answer, Learner};
use sandpit::catalog::exercises::{self, Kind, Label, Level, Sorting, Task};
use sandpit::grade::Grade;
use support::exercises::{app_with_mini, app_with_shipped, data};

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
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    let second = app
        .store
        .insert_attempt(
            "local",
            "mini-harriet",
            "monitor",
            "harriet",
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    app.store
        .insert_attempt(
            "local",
            "gone-exercise",
            "monitor",
            "harriet",
            chrono::Utc::now(),
        )
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
