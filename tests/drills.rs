//! Drills in process (issue 18): a shipped scenario made into a drill, its clock run by a
//! manual clock (ninety minutes in an instant), the stream released and searchable only from
//! each post's moment, and the clock's state surviving a restart. On PostgreSQL too when
//! `SANDPIT_TEST_DATABASE_URL` names a server.

mod support;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sandpit::app::App;
use sandpit::app::clock::{Clock, ManualClock};
use sandpit::app::drills::{DrillControl, DrillSearch, DrillState};
use sandpit::catalog::scenarios::Offset;
use sandpit::config::Config;
use sandpit::index::search::SortOrder;

const SCENARIO: &str = "brightwell-recall-morning";

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-07T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn search(query: &str) -> DrillSearch {
    DrillSearch {
        query: query.into(),
        order: SortOrder::Newest,
        limit: 20,
        offset: 0,
        facets: false,
    }
}

#[tokio::test]
async fn the_stream_is_released_as_the_clock_runs_and_searchable_only_from_then() {
    let clock = ManualClock::at(t0());
    let app = App::in_memory()
        .await
        .unwrap()
        .with_clock(clock.clone() as Arc<dyn Clock>);
    let drill = app.create_drill(SCENARIO, None).await.unwrap();
    assert_eq!(drill.state(), DrillState::Ready);
    assert_eq!(drill.at(), Offset(0));
    // The scam account's first post comes at T+00:21, its wave of quotes from T+00:22.
    let scam = "\"refund portal\"";
    let found = |app: &App, id: String| {
        let app = app.clone();
        async move {
            let drill = app.drill(&id).await.unwrap();
            app.drill_search(&drill, search(scam))
                .await
                .unwrap()
                .results
                .total
        }
    };
    assert_eq!(
        found(&app, drill.id.clone()).await,
        0,
        "not before the start"
    );

    // Ten minutes of real time at real speed: still before the scam.
    app.control_drill(&drill.id, DrillControl::Start)
        .await
        .unwrap();
    clock.advance(Duration::minutes(10));
    let d = app.drill(&drill.id).await.unwrap();
    assert_eq!(d.at(), Offset::minutes(10));
    let released = d.released().len();
    assert!(released > 0, "replayed documents and early posts are out");
    assert!(d.released().iter().all(|r| r.at <= Offset::minutes(10)));
    assert_eq!(found(&app, drill.id.clone()).await, 0);

    // Ten times real time: two more wall minutes are twenty drill minutes (T+00:30).
    app.control_drill(&drill.id, DrillControl::Speed(10.0))
        .await
        .unwrap();
    clock.advance(Duration::minutes(2));
    let d = app.drill(&drill.id).await.unwrap();
    assert_eq!(d.at(), Offset::minutes(30));
    assert!(d.released().len() > released);
    // The same count read off the released posts themselves, words as the index splits them.
    let words = |t: &str| {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let expected = d
        .released()
        .iter()
        .filter(|r| words(&format!("{} . {}", r.post.title, r.post.text)).contains("refund portal"))
        .count();
    assert!(expected >= 1, "the scam post is out");
    assert_eq!(found(&app, drill.id.clone()).await, expected as usize);

    // Paused, the clock stands still however long the break.
    app.control_drill(&drill.id, DrillControl::Pause)
        .await
        .unwrap();
    clock.advance(Duration::hours(2));
    let d = app.drill(&drill.id).await.unwrap();
    assert_eq!(
        (d.state(), d.at()),
        (DrillState::Paused, Offset::minutes(30))
    );

    // Jump to the next inject, then run to the end.
    let next = d.next_inject().unwrap().at;
    let d = app
        .control_drill(&drill.id, DrillControl::NextInject)
        .await
        .unwrap();
    assert_eq!(d.at(), next);
    app.control_drill(&drill.id, DrillControl::Start)
        .await
        .unwrap();
    clock.advance(Duration::hours(2));
    let d = app.drill(&drill.id).await.unwrap();
    assert_eq!(d.state(), DrillState::Ended);
    assert_eq!(d.at(), d.scenario().end());
    assert_eq!(
        d.released().len(),
        d.playable.stream.len(),
        "everything is out"
    );
    let err = app
        .control_drill(&drill.id, DrillControl::Start)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ended"), "{err}");
    assert_eq!(
        app.store.drill_clock_log(&drill.id).await.unwrap().len(),
        5,
        "start, speed, pause, jump, start"
    );
}

#[tokio::test]
async fn a_drills_stream_is_not_an_ordinary_corpus() {
    let app = App::in_memory().await.unwrap();
    app.create_drill(SCENARIO, None).await.unwrap();
    let listed: Vec<String> = app
        .corpora()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(
        !listed.iter().any(|n| n.starts_with("drill-")),
        "{listed:?}"
    );
    let err = app
        .search(sandpit::app::SearchParams {
            corpus: format!("drill-{SCENARIO}"),
            query: "recall".into(),
            order: SortOrder::Relevance,
            limit: 10,
            offset: 0,
            facets: false,
        })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("drill"), "{err}");
    assert!(sandpit::app::validate_corpus_name("drill-mine").is_err());
    let err = app
        .create_drill("no-such-scenario", None)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains(SCENARIO),
        "names the scenarios: {err}"
    );
}

#[tokio::test]
async fn a_restart_resumes_the_clock_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let url = support::database::database_for(dir.path()).unwrap();
    let clock = ManualClock::at(t0());
    let open = || async {
        App::open(Config::new(dir.path()).with_database_url(url.clone()))
            .await
            .unwrap()
            .with_clock(clock.clone() as Arc<dyn Clock>)
    };
    let app = open().await;
    let id = app.create_drill(SCENARIO, None).await.unwrap().id;
    app.control_drill(&id, DrillControl::Start).await.unwrap();
    clock.advance(Duration::minutes(7));
    app.control_drill(&id, DrillControl::Pause).await.unwrap();
    drop(app);
    clock.advance(Duration::minutes(30));
    let app = open().await;
    let d = app.drill(&id).await.unwrap();
    assert_eq!(
        (d.state(), d.at()),
        (DrillState::Paused, Offset::minutes(7))
    );
    app.control_drill(&id, DrillControl::Start).await.unwrap();
    clock.advance(Duration::minutes(1));
    assert_eq!(app.drill(&id).await.unwrap().at(), Offset::minutes(8));
    assert_eq!(app.drills(None).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_response_form_sent_twice_publishes_once_and_searches_are_kept_when_deleted() {
    use sandpit::store::drill_work::NewResponse;
    let app = App::in_memory().await.unwrap();
    let drill = app.create_drill(SCENARIO, None).await.unwrap();
    let response = |key: &'static str, text: &'static str| NewResponse {
        drill_id: &drill.id,
        learner: "local",
        author_name: "You",
        inject_id: Some("bx4100-question"),
        deliverable: "reply",
        platform: Some("x"),
        text,
        drill_ms: 400_000,
        published_at: t0(),
        submission: Some(key),
    };
    let (first, new) = app
        .store
        .publish_drill_response(&response("k1", "The BX4100 is safe."))
        .await
        .unwrap();
    assert!(new);
    let (again, new) = app
        .store
        .publish_drill_response(&response("k1", "The BX4100 is safe."))
        .await
        .unwrap();
    assert_eq!((again.as_str(), new), (first.as_str(), false));
    app.store
        .publish_drill_response(&response("k2", "Only BX410, BX420, BX430."))
        .await
        .unwrap();
    let all = app.store.drill_responses(&drill.id, None).await.unwrap();
    assert_eq!(all.iter().map(|r| r.seq).collect::<Vec<_>>(), [1, 2]);
    let after_first = app.store.drill_responses(&drill.id, Some(1)).await.unwrap();
    assert_eq!(after_first.len(), 1);
    assert_eq!(after_first[0].text, "Only BX410, BX420, BX430.");

    let id = app
        .store
        .save_drill_search(&sandpit::store::drill_work::NewSearch {
            drill_id: &drill.id,
            learner: "local",
            name: "Scam",
            query: "\"refund portal\"",
            rule: "{}",
            created_ms: 0,
            at: t0(),
        })
        .await
        .unwrap();
    assert!(
        !app.store
            .delete_drill_search(&id, "someone-else", 5)
            .await
            .unwrap()
    );
    assert!(
        app.store
            .delete_drill_search(&id, "local", 5)
            .await
            .unwrap()
    );
    let kept = app.store.drill_searches(&drill.id, None).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].deleted_ms, Some(5));
    assert_eq!(
        app.store
            .drill_searches(&drill.id, Some("local"))
            .await
            .unwrap()
            .len(),
        1
    );
}

/// Two players publish at once: the one who read the clock first can commit second. A stream
/// that showed the first response must still get the second, once, and the responses of a
/// room publishing together are numbered 1..n with none skipped or shared (both engines).
#[tokio::test]
async fn responses_reach_a_stream_in_the_order_they_commit_not_the_drill_time_read() {
    use sandpit::app::Learner;
    use sandpit::app::drills::play::{AlertMemo, Cursor};
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at(t0());
    let app = support::open_app(dir.path(), support::Setup::EMPTY)
        .await
        .with_clock(clock.clone() as Arc<dyn Clock>);
    let drill = app.create_drill(SCENARIO, None).await.unwrap();
    app.control_drill(&drill.id, DrillControl::Start)
        .await
        .unwrap();
    let id = drill.id.clone();
    let response =
        |key: String, text: String, drill_ms: i64| publish(&app, &id, key, text, drill_ms);
    response("late-reader".into(), "Read the clock at 2 s.".into(), 2_000).await;
    let who = Learner::local();
    let drill = app.drill(&drill.id).await.unwrap();
    let mut memo = AlertMemo::default();
    let first = app
        .drill_events(&drill, &who, None, Cursor::default(), &mut memo)
        .await
        .unwrap();
    assert_eq!(first.responses.len(), 1);
    // Committed after the stream showed the first, though its publisher read an earlier time.
    response(
        "early-reader".into(),
        "Read the clock at 1 s.".into(),
        1_000,
    )
    .await;
    let second = app
        .drill_events(&drill, &who, None, first.cursor, &mut memo)
        .await
        .unwrap();
    let texts: Vec<&str> = second.responses.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["Read the clock at 1 s."]);
    let third = app
        .drill_events(&drill, &who, None, second.cursor, &mut memo)
        .await
        .unwrap();
    assert!(third.responses.is_empty(), "nothing twice");

    // A room at once, each form sent twice: numbered 3..=42, none skipped, none shared.
    let sends = (0..40).flat_map(|p| {
        (0..2).map(move |_| response(format!("room-{p}"), format!("Player {p}."), 3_000))
    });
    futures_util::future::join_all(sends).await;
    let seqs: Vec<i64> = app
        .store
        .drill_responses(&drill.id, None)
        .await
        .unwrap()
        .iter()
        .map(|r| r.seq)
        .collect();
    assert_eq!(seqs, (1..=42).collect::<Vec<i64>>());
}

async fn publish(app: &App, drill_id: &str, key: String, text: String, drill_ms: i64) {
    app.store
        .publish_drill_response(&sandpit::store::drill_work::NewResponse {
            drill_id,
            learner: "local",
            author_name: "You",
            inject_id: None,
            deliverable: "post",
            platform: Some("mastodon"),
            text: &text,
            drill_ms,
            published_at: t0(),
            submission: Some(&key),
        })
        .await
        .unwrap();
}
