//! Tests of `app::placement` (kept apart so the rules read on one screen).
use super::*;
use crate::app::clock::{Clock, ManualClock};

/// The form a browser sends for `answer`.
fn form(answer: &Answer) -> Vec<(String, String)> {
    match answer {
        Answer::Text(t) => vec![("text".into(), t.clone())],
        Answer::Picks(ids) => ids.iter().map(|i| ("pick".into(), i.clone())).collect(),
        Answer::Labels(l) => l
            .iter()
            .map(|(id, label)| (format!("label:{id}"), label.id().to_string()))
            .collect(),
    }
}

#[test]
fn a_level_is_the_mean_of_its_items_weighted_by_difficulty() {
    let p = placement::shipped().expect("loads");
    let scores: HashMap<String, f64> = [
        ("query-forms", 1.0), // difficulty 1
        ("query-not", 0.5),   // difficulty 2
        // query-near (difficulty 3) not answered: 0
        ("read-noise", 1.0),
        ("read-forms", 1.0),
        ("read-precision", 1.0),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let got = levels(p, &scores);
    assert_eq!(got[0].0, Skill::Operators);
    assert!((got[0].1 - 2.0 / 6.0).abs() < 1e-9, "{got:?}");
    assert_eq!(got[1], (Skill::Reading, 1.0));
    assert_eq!(got[2], (Skill::Triage, 0.0));
}

#[test]
fn the_start_follows_the_level() {
    assert_eq!(start_level(0.0), Level::Beginner);
    assert_eq!(start_level(0.39), Level::Beginner);
    assert_eq!(start_level(INTERMEDIATE_FROM), Level::Intermediate);
    assert_eq!(start_level(0.74), Level::Intermediate);
    assert_eq!(start_level(ADVANCED_FROM), Level::Advanced);
    assert_eq!(start_level(1.0), Level::Advanced);
}

#[test]
fn the_first_exercise_trains_the_skill_at_the_level_and_is_not_passed() {
    let catalog = crate::catalog::exercises::shipped();
    for skill in Skill::ALL {
        for start in [Level::Beginner, Level::Intermediate, Level::Advanced] {
            let none = HashSet::new();
            let (id, _) = first_exercise(&catalog, skill, start, &none, &none)
                .unwrap_or_else(|| panic!("an exercise for {skill:?}"));
            let e = catalog
                .exercises
                .iter()
                .find(|e| e.id == id)
                .expect("found");
            assert!(Skill::of_exercise(e).contains(&skill));
            let at_level = catalog
                .exercises
                .iter()
                .any(|e| e.level == start && Skill::of_exercise(e).contains(&skill));
            assert!(!at_level || e.level == start, "{skill:?} {start:?}: {id}");
            // Passed, it gives way to the next one.
            let passed: HashSet<String> = [id.clone()].into();
            let next = first_exercise(&catalog, skill, start, &passed, &none);
            assert_ne!(next.map(|n| n.0), Some(id.clone()));
            // Taken by a skill before, it gives way where another exercise trains the skill.
            let others = catalog.exercises.iter().any(|o| {
                o.id != id && o.level == e.level && Skill::of_exercise(o).contains(&skill)
            });
            let after = first_exercise(&catalog, skill, start, &none, &passed);
            assert_eq!(
                after.is_some_and(|a| a.0 == id),
                !others,
                "{skill:?} {start:?}"
            );
        }
    }
}

#[test]
fn a_new_learners_six_skills_start_at_six_exercises() {
    let catalog = crate::catalog::exercises::shipped();
    let none = HashSet::new();
    let mut taken = HashSet::new();
    for skill in Skill::ALL {
        let (id, _) = first_exercise(&catalog, skill, Level::Beginner, &none, &taken)
            .unwrap_or_else(|| panic!("an exercise for {skill:?}"));
        assert!(taken.insert(id.clone()), "{skill:?} starts at {id} again");
    }
}

#[test]
fn forms_with_nothing_in_them_are_refused_in_words() {
    let p = placement::shipped().expect("loads");
    let q = p.item("query-forms").expect("item");
    let e = answer_from_form(q, &[("text".into(), "  ".into())]).unwrap_err();
    assert!(e.to_string().contains("Write a query"), "{e}");
    let s = p.item("sort-storm").expect("item");
    let e = answer_from_form(s, &[("label:a".into(), "escalate".into())]).unwrap_err();
    assert!(
        e.to_string().contains("Choose a pile for every post"),
        "{e}"
    );
    let k = p.item("read-noise").expect("item");
    let picks = answer_from_form(
        k,
        &[("pick".into(), "c".into()), ("pick".into(), "zz".into())],
    )
    .expect("picks");
    assert_eq!(picks, Answer::Picks(vec!["c".into()]));
}

#[tokio::test]
async fn a_take_records_levels_once_and_a_retake_adds_a_measurement() {
    let t0 = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let clock = ManualClock::at(t0);
    let app = App::in_memory().await.unwrap().with_clock(clock.clone());
    let p = app.placement().unwrap();
    assert!(matches!(
        app.placement_status("local").await.unwrap(),
        Status::Idle { taken: 0 }
    ));
    app.start_placement("local").await.unwrap();
    for (i, item) in p.items.iter().enumerate() {
        let Status::At {
            item: at,
            number,
            total,
            ..
        } = app.placement_status("local").await.unwrap()
        else {
            panic!("item {i} expected");
        };
        assert_eq!(
            (at.id.as_str(), number, total),
            (item.id.as_str(), i + 1, 18)
        );
        // A query that does not run is refused and nothing moves on.
        if item.kind == ItemKind::Query {
            let e = app
                .answer_placement(
                    "local",
                    &item.id,
                    &[("text".into(), "(flood".into())],
                    false,
                )
                .await
                .unwrap_err();
            assert!(matches!(e, Error::Query(_)), "{e}");
        }
        clock.advance(chrono::Duration::seconds(60));
        let step = app
            .answer_placement("local", &item.id, &form(&item.model), false)
            .await
            .unwrap();
        assert_eq!(step == Answered::Finished, i + 1 == p.items.len());
    }
    let profile = app.skill_profile("local").await.unwrap();
    assert!(
        profile.skills.iter().all(|s| s.level == Some(1.0)),
        "{profile:?}"
    );
    assert!(profile.skills.iter().all(|s| s.start == Level::Advanced));
    assert_eq!(profile.history.len(), 1);
    assert_eq!(profile.last_take.len(), 18);
    assert!(!profile.in_progress);

    // The retake: everything skipped, a month later.
    clock.advance(chrono::Duration::days(30));
    app.start_placement("local").await.unwrap();
    app.start_placement("local").await.unwrap(); // a second click starts nothing new
    for item in &p.items {
        app.answer_placement("local", &item.id, &[], true)
            .await
            .unwrap();
    }
    let profile = app.skill_profile("local").await.unwrap();
    assert!(profile.skills.iter().all(|s| s.level == Some(0.0)));
    assert!(profile.skills.iter().all(|s| s.start == Level::Beginner));
    assert_eq!(profile.history.len(), 2, "both takes are in the history");
    assert_eq!(profile.history[0].levels, vec![Some(1.0); 6]);
    assert!(profile.last_take.iter().all(|r| r.skipped));
    assert_eq!(app.store.placements("local").await.unwrap().len(), 2);
}
