//! The trainer corrects a drill mark, in process (docs/design.md, "Drills", "Changing a mark"):
//! a new score with its reason becomes the score that counts on the board and in the review's
//! means, while the automatic mark stays stored; going back to the automatic mark is a change
//! too, and the history keeps every one (who, when, from, to, why). Observers, trainees and the
//! self-learner are refused, as are bad scores, missing reasons, unknown drills and responses
//! of another drill, each leaving the history as it was. On PostgreSQL too when
//! `SANDPIT_TEST_DATABASE_URL` names a server.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sandpit::app::clock::{Clock, ManualClock};
use sandpit::app::drills::DrillControl;
use sandpit::app::drills::review::overrides::{MarkChange, MarkEditor};
use sandpit::app::{App, Learner};
use sandpit::error::Error;
use sandpit::store::drill_marks::NewMarkOverride;
use sandpit::store::drill_work::NewResponse;

const SCENARIO: &str = "brightwell-recall-morning";

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-07T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

async fn publish(app: &App, drill: &str, text: &str, key: &str) -> String {
    let d = app.drill(drill).await.unwrap();
    app.store
        .publish_drill_response(&NewResponse {
            drill_id: drill,
            learner: "local",
            author_name: "You",
            inject_id: Some("recall-brief"),
            deliverable: "post",
            platform: Some("x"),
            text,
            drill_ms: d.at_ms(),
            published_at: d.read_at,
            submission: Some(key),
        })
        .await
        .unwrap()
        .0
}

fn score<'a>(score: &'a str, reason: &'a str) -> MarkChange<'a> {
    MarkChange::Score { score, reason }
}

/// The trainer's change, which must fail.
async fn refused(app: &App, drill: &str, response: &str, change: MarkChange<'_>) -> Error {
    let trainer = Learner::trainer();
    app.change_drill_mark(drill, response, MarkEditor::Learner(&trainer), change)
        .await
        .unwrap_err()
}

#[tokio::test]
async fn the_trainer_changes_a_mark_and_the_history_keeps_every_change() {
    let clock = ManualClock::at(t0());
    let app = App::in_memory()
        .await
        .unwrap()
        .with_clock(clock.clone() as Arc<dyn Clock>);
    let drill = app.create_drill(SCENARIO, None).await.unwrap().id;
    let other = app.create_drill(SCENARIO, None).await.unwrap().id;
    for d in [&drill, &other] {
        app.control_drill(d, DrillControl::Start).await.unwrap();
    }
    clock.advance(Duration::minutes(8));
    // The helpline's number written out in words: the checker misses the fact.
    let text = "Stop using BX410, BX420 and BX430 heaters and unplug them. Ring oh-eight-hundred 555 0177 for a refund. No receipt needed.";
    let mine = publish(&app, &drill, text, "k1").await;
    let elsewhere = publish(&app, &other, text, "k2").await;
    clock.advance(Duration::minutes(2));

    let trainer = Learner::trainer();
    let as_trainer = MarkEditor::Learner(&trainer);
    // Not looked at yet: changing the mark marks it first and keeps the automatic mark.
    assert_eq!(
        app.store
            .drill_response(&mine)
            .await
            .unwrap()
            .unwrap()
            .score,
        None
    );
    let first = app
        .change_drill_mark(
            &drill,
            &mine,
            as_trainer,
            score(" 100 ", "The number is there, written in words."),
        )
        .await
        .unwrap();
    let automatic = app
        .store
        .drill_response(&mine)
        .await
        .unwrap()
        .unwrap()
        .score
        .expect("marked before it was changed");
    assert!(automatic < 100.0, "the checker missed a fact: {automatic}");
    assert_eq!(first.version, 1);
    assert_eq!(first.score, Some(100.0));
    assert_eq!(first.from_score, automatic);
    assert_eq!(first.author, "Trainer");
    assert_eq!(first.reason, "The number is there, written in words.");
    assert_eq!(first.drill_ms, 10 * 60_000, "stamped with the drill time");
    assert_eq!(first.created_at, "2026-12-07T09:10:00.000Z");

    // The board and the review count the trainer's score; the automatic one stays visible.
    let board = app.drill_board(&drill).await.unwrap();
    let m = &board.responses[0];
    assert_eq!((m.score(), m.mark.score), (100.0, automatic));
    assert_eq!(
        m.changed().map(|c| c.reason.as_str()),
        Some(first.reason.as_str())
    );
    let review = app.drill_review(&drill).await.unwrap();
    assert_eq!(review.overall.mean_score, Some(100.0));
    assert_eq!(review.players[0].mean_score, Some(100.0));
    let event = review.events.iter().find(|e| e.kind == "response").unwrap();
    assert_eq!(event.score, Some(100.0));
    let changed = event.changed.as_ref().expect("the change is shown");
    assert_eq!(changed.automatic, automatic);
    assert_eq!(changed.by, "Trainer at T+00:10");
    // The other drill's response is untouched.
    let theirs = app.drill_review(&other).await.unwrap();
    let rounded = Some((automatic * 10.0).round() / 10.0);
    assert_eq!(theirs.overall.mean_score, rounded);

    // Nobody else changes marks, and bad input is refused with what is wrong.
    let observer = app
        .add_drill_observer(&drill, "Olu Observer")
        .await
        .unwrap()
        .0;
    let trainee = Learner {
        id: "trainee-1".into(),
        name: "Alice".into(),
        class_id: Some("class-1".into()),
    };
    let local = Learner::local();
    let ok = score("90", "Fair enough.");
    for (who, what) in [
        (MarkEditor::Observer(&observer), "an observer"),
        (MarkEditor::Learner(&trainee), "a trainee"),
        (MarkEditor::Learner(&local), "the self-learner"),
    ] {
        match app.change_drill_mark(&drill, &mine, who, ok).await {
            Err(Error::Refused { title, .. }) => {
                assert_eq!(title, "Only the trainer changes marks", "{what}")
            }
            other => panic!("{what} changed a mark: {other:?}"),
        }
    }
    let long = "x".repeat(501);
    for (change, says) in [
        (score("101", "Generous."), "outside 0 to 100"),
        (score("-5", "Harsh."), "outside 0 to 100"),
        (score("85.5", "Half a point."), "not a whole number"),
        (score("", "No score."), "the new score is empty"),
        (score("70", "   "), "the reason is empty"),
        (score("70", &long), "501 characters"),
        (score("100", "The same again."), "already 100"),
    ] {
        let e = refused(&app, &drill, &mine, change).await;
        assert!(
            matches!(e, Error::Invalid(_)) && e.to_string().contains(says),
            "{says}: {e}"
        );
    }
    let e = refused(&app, "no-such-drill", &mine, ok).await;
    assert!(matches!(e, Error::NotFound(_)), "{e}");
    let e = refused(&app, &drill, "no-such-response", ok).await;
    assert!(matches!(e, Error::NotFound(_)), "{e}");
    let e = refused(&app, &drill, &elsewhere, ok).await;
    assert!(
        matches!(e, Error::Invalid(_)) && e.to_string().contains("belongs to another drill"),
        "{e}"
    );
    assert_eq!(
        app.store
            .drill_response_overrides(&mine)
            .await
            .unwrap()
            .len(),
        1,
        "no refused change was stored"
    );
    assert!(
        app.store
            .drill_response_overrides(&elsewhere)
            .await
            .unwrap()
            .is_empty()
    );

    // A second change follows the first; going back to the automatic mark is a change too.
    clock.advance(Duration::minutes(5));
    let second = app
        .change_drill_mark(
            &drill,
            &mine,
            as_trainer,
            score("95", "Not pinned, as the brief asked."),
        )
        .await
        .unwrap();
    assert_eq!((second.version, second.from_score), (2, 100.0));
    let back = app
        .change_drill_mark(
            &drill,
            &mine,
            as_trainer,
            MarkChange::Automatic { reason: "" },
        )
        .await
        .unwrap();
    assert_eq!((back.version, back.score, back.from_score), (3, None, 95.0));
    let e = app
        .change_drill_mark(
            &drill,
            &mine,
            as_trainer,
            MarkChange::Automatic { reason: "" },
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("already the automatic one"), "{e}");
    let board = app.drill_board(&drill).await.unwrap();
    let m = &board.responses[0];
    assert_eq!(m.score(), automatic);
    assert!(m.changed().is_none());
    let history: Vec<(i64, Option<f64>)> = m.changes.iter().map(|c| (c.version, c.score)).collect();
    assert_eq!(history, [(1, Some(100.0)), (2, Some(95.0)), (3, None)]);
    let review = app.drill_review(&drill).await.unwrap();
    assert_eq!(review.overall.mean_score, rounded);
    assert!(review.events.iter().all(|e| e.changed.is_none()));

    // Two changes that follow the same one: the second is not stored.
    let late = app
        .store
        .add_drill_mark_override(&NewMarkOverride {
            drill_id: &drill,
            response_id: &mine,
            after_version: 2,
            score: Some(50.0),
            from_score: 95.0,
            reason: "read before the third change",
            author: "Trainer",
            drill_ms: 0,
            at: t0(),
        })
        .await
        .unwrap();
    assert!(late.is_none());
    assert_eq!(
        app.store.drill_mark_overrides(&drill).await.unwrap().len(),
        3
    );
}
