//! Practice that comes back, in process (docs/programmes.md, "Practice that comes back" and
//! "Mastery per skill"): a learner passes an exercise of a trap, the clock moves two days and
//! a variant of the trap is due; a fail brings it back after one day; a pass with hints does
//! not climb; and every graded attempt records the learner's level in the exercise's skills.

use chrono::{DateTime, Duration, Utc};
use sandpit::app::clock::{Clock, ManualClock};
use sandpit::app::{Answer, App, Learner};
use sandpit::catalog::exercises::{Expect, TestAnswer};

const FERRY: &str = "storm-13-rewrite-ferry";
const ROAD: &str = "storm-14-rewrite-road-closure";
const TRAP: &str = "one-short-post";

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The first answer the exercise's own `[[tests]]` say must `expect`.
fn answer(app: &App, id: &str, expect: Expect) -> Answer {
    let ex = app.exercise(id).unwrap();
    let test = ex
        .tests
        .iter()
        .find(|t| t.expect == expect)
        .unwrap_or_else(|| panic!("{id} has no {expect:?} test"));
    match &test.answer {
        TestAnswer::Text(q) => Answer::Text(q.clone()),
        TestAnswer::Post { platform, text } => Answer::Post {
            platform: platform.clone(),
            text: text.clone(),
        },
        TestAnswer::Posts(posts) => Answer::Posts {
            posts: posts.clone(),
        },
        TestAnswer::Labels(l) => Answer::Labels(l.clone()),
    }
}

async fn submit(app: &App, who: &Learner, id: &str, expect: Expect) {
    let done = app.submit(who, id, answer(app, id, expect)).await.unwrap();
    let grade = done.grade.unwrap_or_else(|u| panic!("{id}: {}", u.error));
    assert_eq!(grade.passed(), expect == Expect::Pass, "{id}");
}

#[tokio::test]
async fn a_passed_trap_comes_back_as_a_variant_and_a_fail_sooner() {
    let clock = ManualClock::at(t0());
    let app = App::in_memory().await.unwrap().with_clock(clock.clone());
    let me = Learner::local();
    assert_eq!(
        app.exercise(FERRY).unwrap().trap.as_deref(),
        Some(TRAP),
        "the ferry and the road closure are variants of one trap"
    );
    assert_eq!(app.exercise(ROAD).unwrap().trap.as_deref(), Some(TRAP));

    submit(&app, &me, FERRY, Expect::Pass).await;
    let p = app.practice("local").await.unwrap();
    assert!(p.due.is_empty(), "{p:?}");
    assert_eq!(p.coming.len(), 1);
    assert_eq!(p.coming[0].trap, TRAP);
    assert_eq!(p.coming[0].due_at, t0() + Duration::days(2));
    assert_eq!(
        p.coming[0].exercise_id, ROAD,
        "the variant, not the ferry again"
    );

    // A day and 23 hours on: not yet.
    clock.advance(Duration::hours(47));
    assert!(app.practice("local").await.unwrap().due.is_empty());
    // Two days on: the road closure is due.
    clock.advance(Duration::hours(1));
    let p = app.practice("local").await.unwrap();
    assert_eq!(p.due.len(), 1, "{p:?}");
    assert_eq!(p.due[0].exercise_id, ROAD);
    assert_eq!(p.due[0].last_title, app.exercise(FERRY).unwrap().title);

    // Failing the variant brings the trap back after one day, the ferry's turn again.
    submit(&app, &me, ROAD, Expect::Fail).await;
    let p = app.practice("local").await.unwrap();
    assert!(p.due.is_empty());
    assert_eq!(p.coming[0].due_at, clock.now() + Duration::days(1));
    assert_eq!(p.coming[0].rung, 0);
    assert_eq!(p.coming[0].exercise_id, FERRY);
    clock.advance(Duration::days(1));
    assert_eq!(app.practice("local").await.unwrap().due.len(), 1);

    // Passed with a hint open: no climb, back after a day rather than two.
    app.store.unlock_hint("local", FERRY, 3).await.unwrap();
    submit(&app, &me, FERRY, Expect::Pass).await;
    let p = app.practice("local").await.unwrap();
    assert_eq!(p.coming[0].rung, 0);
    assert_eq!(p.coming[0].due_at, clock.now() + Duration::days(1));
    // The next day, a clean pass of the road closure climbs to two days.
    clock.advance(Duration::days(1));
    submit(&app, &me, ROAD, Expect::Pass).await;
    let p = app.practice("local").await.unwrap();
    assert_eq!(p.coming[0].rung, 1);
    assert_eq!(p.coming[0].due_at, clock.now() + Duration::days(2));
}

#[tokio::test]
async fn every_graded_attempt_records_the_skills_it_trains() {
    let clock = ManualClock::at(t0());
    let app = App::in_memory().await.unwrap().with_clock(clock.clone());
    let me = Learner::local();
    submit(&app, &me, FERRY, Expect::Pass).await;
    let profile = app.store.skill_profile("local").await.unwrap();
    let skills: Vec<_> = profile.iter().map(|l| l.skill.as_str()).collect();
    assert_eq!(skills, ["plain-english", "platforms"], "{profile:?}");
    assert!(
        profile
            .iter()
            .all(|l| l.source == "practice" && l.level > 0.0)
    );
    assert_eq!(
        profile[0].measured_at, "2026-03-02T09:00:00.000Z",
        "measured by the app's clock"
    );
    let first = profile[0].level;

    // Three weeks without practice: the level has faded.
    clock.advance(Duration::days(21));
    let now = app
        .skill_levels("local", &[sandpit::catalog::skills::Skill::PlainEnglish])
        .await
        .unwrap();
    assert!((now[0].1 - first / 2.0).abs() < 1e-9, "{now:?} {first}");
    // The trap came back and was passed again: it counts more than the first pass did.
    submit(&app, &me, ROAD, Expect::Pass).await;
    let after = app.store.skill_profile("local").await.unwrap();
    assert!(after[0].level > first, "{after:?} {first}");

    // The trainer's own tries move nothing.
    submit(&app, &Learner::trainer(), FERRY, Expect::Pass).await;
    assert!(app.practice("trainer").await.unwrap().coming.is_empty());
    assert!(app.store.skill_profile("trainer").await.unwrap().is_empty());
}

/// An attempt a stop left ungraded moves practice on when it is graded later, at start-up, as
/// it would have when submitted; a trainee's does not (a class is not a programme).
#[tokio::test]
async fn an_attempt_graded_after_a_restart_moves_practice_on_too() {
    let clock = ManualClock::at(t0());
    let app = App::in_memory().await.unwrap().with_clock(clock.clone());
    let passing = answer(&app, FERRY, Expect::Pass);
    app.store
        .insert_attempt("local", FERRY, "rewrite", &passing.stored(), clock.now())
        .await
        .unwrap();
    let class = app.store.create_class("Tuesday").await.unwrap();
    let trainee = app
        .store
        .add_trainee(&class.id, "Ada", "ada")
        .await
        .unwrap()
        .unwrap();
    app.store
        .insert_attempt(
            &trainee.id,
            FERRY,
            "rewrite",
            &passing.stored(),
            clock.now(),
        )
        .await
        .unwrap();
    assert!(app.practice("local").await.unwrap().coming.is_empty());

    assert_eq!(app.grade_ungraded().await.unwrap(), 2);
    let p = app.practice("local").await.unwrap();
    assert_eq!(p.coming.len(), 1, "{p:?}");
    assert_eq!(p.coming[0].trap, TRAP);
    assert_eq!(p.coming[0].due_at, t0() + Duration::days(2));
    let theirs = app.practice(&trainee.id).await.unwrap();
    assert!(theirs.coming.is_empty() && theirs.due.is_empty());
}
