//! Plans through the app, with a clock moved by weeks.

use std::sync::Arc;

use chrono::{Datelike, Duration, Utc};

use super::*;
use crate::app::clock::{Clock, ManualClock};

/// An app on a manual clock; attempts are stamped with its time, as grading stamps them.
async fn app() -> (App, Arc<ManualClock>) {
    let clock = ManualClock::at(Utc::now() - Duration::days(400));
    let app = App::in_memory().await.unwrap().with_clock(clock.clone());
    (app, clock)
}

async fn pass(app: &App, learner: &str, exercise: &str, hints: bool) {
    if hints {
        app.store.unlock_hint(learner, exercise, 3).await.unwrap();
    }
    let id = app
        .store
        .insert_attempt(learner, exercise, "monitor", "an answer", app.now())
        .await
        .unwrap();
    app.store
        .record_grade(&id, Some(100.0), Some(true), "{}")
        .await
        .unwrap();
}

#[tokio::test]
async fn a_plan_is_started_done_by_passing_and_falls_overdue_as_weeks_pass() {
    let (app, clock) = app().await;
    let learner = "local";
    assert!(app.plan(learner).await.unwrap().is_none());
    // An exercise passed before the plan: it is not proposed again.
    let catalog = app.catalog();
    let before = catalog.exercises[0].id.clone();
    pass(&app, learner, &before, false).await;

    let e = app
        .start_plan(learner, "2", "friday", Adjuster::Learner)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("4 to 12 weeks"), "{e}");
    app.start_plan(learner, "4", "friday", Adjuster::Learner)
        .await
        .unwrap();
    let plan = app.plan(learner).await.unwrap().unwrap();
    assert!(!plan.from_profile, "no placement yet");
    assert_eq!(plan.weeks, 4);
    assert_eq!(plan.current_week, 1);
    assert_eq!(plan.assignments.len(), 4 * rules::PER_WEEK);
    assert!(plan.assignments.iter().all(|a| a.exercise_id != before));
    assert!(plan.assignments.iter().all(|a| a.state != State::Overdue));
    assert!(
        plan.assignments
            .iter()
            .all(|a| a.due_on.weekday() == Weekday::Fri)
    );
    assert_eq!(plan.this_week().len(), rules::PER_WEEK);

    // The learner passes one of week 1's two assignments.
    let first = plan.this_week()[0].clone();
    let second = plan.this_week()[1].clone();
    pass(&app, learner, &first.exercise_id, false).await;
    let plan = app.plan(learner).await.unwrap().unwrap();
    let state = |p: &PlanView, id: &str| p.assignments.iter().find(|a| a.id == id).unwrap().state;
    assert_eq!(state(&plan, &first.id), State::Done);
    assert_ne!(state(&plan, &second.id), State::Done);

    // The day after week 1's due date (4 to 10 days on), the other one is overdue and the
    // learner is behind (active recently).
    clock.advance(Duration::days((second.due_on - plan.today).num_days()));
    let plan = app.plan(learner).await.unwrap().unwrap();
    assert_eq!(
        state(&plan, &second.id),
        State::Due,
        "due on the day itself"
    );
    clock.advance(Duration::days(1));
    let plan = app.plan(learner).await.unwrap().unwrap();
    assert_eq!(plan.current_week, 2);
    assert_eq!(state(&plan, &second.id), State::Overdue);
    assert_eq!(state(&plan, &first.id), State::Done);
    let (s, why) = app.learner_standing(learner, Some(&plan)).await.unwrap();
    assert_eq!(s, Standing::Behind, "{why}");
    // Two weeks more and nothing done: stuck.
    clock.advance(Duration::days(14));
    let plan = app.plan(learner).await.unwrap().unwrap();
    let (s, why) = app.learner_standing(learner, Some(&plan)).await.unwrap();
    assert_eq!(s, Standing::Stuck, "{why}");
    assert!(plan.in_state(State::Overdue).len() >= 3);
}

#[tokio::test]
async fn the_trainer_adjusts_a_learners_plan_and_the_learner_cannot() {
    let (app, clock) = app().await;
    let learner = "learner-1";
    let e = app
        .add_assignment(learner, "x", "2026-01-01", "pass", Adjuster::Trainer)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("no plan yet"), "{e}");
    app.start_plan(learner, "6", "2", Adjuster::Trainer)
        .await
        .unwrap();
    let plan = app.plan(learner).await.unwrap().unwrap();
    assert_eq!(plan.weekday, Weekday::Tue);
    assert!(plan.assignments.iter().all(|a| a.updated_by == "trainer"));
    let a = plan.assignments[0].clone();

    // A programme's learner may not change their own plan.
    let e = app
        .change_assignment(learner, &a.id, Change::Remove, Adjuster::Learner)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("Ask your trainer"), "{e}");

    // Move: to a date, with a bad date refused.
    let e = app
        .change_assignment(
            learner,
            &a.id,
            Change::Move("next week".into()),
            Adjuster::Trainer,
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("`next week` is not a date"), "{e}");
    let later = a.due_on + Duration::days(14);
    app.change_assignment(
        learner,
        &a.id,
        Change::Move(later.to_string()),
        Adjuster::Trainer,
    )
    .await
    .unwrap();
    // Goal: without hints.
    app.change_assignment(
        learner,
        &a.id,
        Change::Goal("no-hints".into()),
        Adjuster::Trainer,
    )
    .await
    .unwrap();
    let plan = app.plan(learner).await.unwrap().unwrap();
    let moved = plan.assignments.iter().find(|x| x.id == a.id).unwrap();
    assert_eq!(moved.due_on, later);
    assert_eq!(moved.week, a.week + 2);
    assert_eq!(moved.revision, 2);
    assert_eq!(moved.updated_by, "trainer");
    assert!(
        moved.goal_words.ends_with("without hints"),
        "{}",
        moved.goal_words
    );

    // A pass with a hint open does not meet "without hints"; one without does.
    pass(&app, learner, &a.exercise_id, true).await;
    let plan = app.plan(learner).await.unwrap().unwrap();
    assert_ne!(
        plan.assignments
            .iter()
            .find(|x| x.id == a.id)
            .unwrap()
            .state,
        State::Done
    );

    // Swap to an exercise passed before: "pass" needs a new pass, "passed" counts the old one.
    let unused = app
        .catalog()
        .exercises
        .iter()
        .find(|e| !plan.assignments.iter().any(|x| x.exercise_id == e.id))
        .unwrap()
        .id
        .clone();
    pass(&app, learner, &unused, false).await;
    app.change_assignment(
        learner,
        &a.id,
        Change::Swap(unused.clone()),
        Adjuster::Trainer,
    )
    .await
    .unwrap();
    app.change_assignment(
        learner,
        &a.id,
        Change::Goal("pass".into()),
        Adjuster::Trainer,
    )
    .await
    .unwrap();
    let plan = app.plan(learner).await.unwrap().unwrap();
    let swapped = plan.assignments.iter().find(|x| x.id == a.id).unwrap();
    assert_eq!(swapped.exercise_id, unused);
    assert_ne!(swapped.state, State::Done);
    app.change_assignment(
        learner,
        &a.id,
        Change::Goal("passed".into()),
        Adjuster::Trainer,
    )
    .await
    .unwrap();
    let plan = app.plan(learner).await.unwrap().unwrap();
    assert_eq!(
        plan.assignments
            .iter()
            .find(|x| x.id == a.id)
            .unwrap()
            .state,
        State::Done
    );
    let e = app
        .change_assignment(
            learner,
            &a.id,
            Change::Swap("no-such".into()),
            Adjuster::Trainer,
        )
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("There is no exercise `no-such`"),
        "{e}"
    );

    // Add one due today, remove another.
    let n = plan.assignments.len();
    let today = clock.now().date_naive();
    app.add_assignment(
        learner,
        &plan.assignments[1].exercise_id,
        &today.to_string(),
        "pass",
        Adjuster::Trainer,
    )
    .await
    .unwrap();
    app.change_assignment(
        learner,
        &plan.assignments[2].id,
        Change::Remove,
        Adjuster::Trainer,
    )
    .await
    .unwrap();
    let plan = app.plan(learner).await.unwrap().unwrap();
    assert_eq!(plan.assignments.len(), n);
    assert!(
        plan.assignments
            .iter()
            .any(|x| x.due_on == today && x.state == State::Due)
    );

    // The self-learner adjusts their own.
    app.start_plan("local", "4", "mon", Adjuster::Learner)
        .await
        .unwrap();
    let mine = app.plan("local").await.unwrap().unwrap();
    app.change_assignment(
        "local",
        &mine.assignments[0].id,
        Change::Remove,
        Adjuster::Learner,
    )
    .await
    .unwrap();
    assert_eq!(
        app.plan("local").await.unwrap().unwrap().assignments.len(),
        mine.assignments.len() - 1
    );
    // Starting again replaces the plan.
    app.start_plan("local", "5", "mon", Adjuster::Learner)
        .await
        .unwrap();
    assert_eq!(app.plan("local").await.unwrap().unwrap().weeks, 5);
}

#[tokio::test]
async fn the_profile_decides_the_first_weeks() {
    let (app, _clock) = app().await;
    app.store
        .record_skill_levels(
            "local",
            &[
                ("operators", 0.9),
                ("reading", 0.9),
                ("triage", 0.9),
                ("platforms", 0.2),
                ("plain-english", 0.8),
                ("accessibility", 0.9),
            ],
            "placement",
            app.now(),
        )
        .await
        .unwrap();
    app.start_plan("local", "4", "friday", Adjuster::Learner)
        .await
        .unwrap();
    let plan = app.plan("local").await.unwrap().unwrap();
    assert!(plan.from_profile);
    let week1: Vec<_> = plan.this_week().iter().map(|a| a.skill).collect();
    assert_eq!(week1, vec![Some(Skill::Platforms); rules::PER_WEEK]);
}

/// An attempt is stamped with the app's clock, which the standing compares it with: a learner
/// who answers after the clock moved on three weeks is on the move, not stuck.
#[tokio::test]
async fn attempts_are_stamped_by_the_apps_clock() {
    let (app, clock) = app().await;
    clock.advance(Duration::days(21));
    let exercise = app
        .catalog()
        .exercises
        .iter()
        .find(|e| e.kind.name() == "monitor")
        .unwrap()
        .id
        .clone();
    app.submit(
        &crate::app::Learner::local(),
        &exercise,
        crate::app::exercises::Answer::Text("flood".into()),
    )
    .await
    .unwrap();
    let last = app.store.last_attempt_at("local").await.unwrap().unwrap();
    assert_eq!(last, crate::store::stamp(app.now()));
}
