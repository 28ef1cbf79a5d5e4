//! The drill's live stream under a room's load (issue 18): 40 players follow the events of one
//! drill on a server in this process while its clock runs at 60x (a manual clock moved six drill
//! seconds every tenth of a second), and each publishes a response, sending the form twice.
//! Every response is stored exactly once and reaches all 40 streams exactly once; and the posts
//! the clock released reach them too. The same workload, timed on the real clock, is
//! `cargo bench --bench drill_stream`.

mod support;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sandpit::app::clock::{Clock, ManualClock};
use sandpit::app::drills::DrillControl;
use support::{Setup, open_app};

const PLAYERS: usize = 40;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_players_each_response_stored_once_and_on_every_stream() {
    let dir = tempfile::tempdir().unwrap();
    let t0: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-12-07T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let clock = ManualClock::at(t0);
    let app = open_app(dir.path(), Setup::EMPTY)
        .await
        .with_clock(clock.clone() as Arc<dyn Clock>);
    let base = support::serve_app(&app).await;

    let drill = app
        .create_drill("brightwell-recall-morning", None)
        .await
        .unwrap();
    app.control_drill(&drill.id, DrillControl::Start)
        .await
        .unwrap();
    app.control_drill(&drill.id, DrillControl::Speed(60.0))
        .await
        .unwrap();
    // The clock at 60x, moved by the test: six drill seconds every tenth of a second.
    let ticking = {
        let clock = clock.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(100)).await;
                clock.advance(chrono::Duration::milliseconds(100));
            }
        })
    };

    let out = support::drill_load::run(
        &base,
        &drill.id,
        PLAYERS,
        Duration::from_secs(4),
        Duration::from_secs(90),
    )
    .await;
    ticking.abort();

    let stored = app.store.drill_responses(&drill.id, None).await.unwrap();
    assert_eq!(
        stored.len(),
        PLAYERS,
        "one response a player, the second form adding none"
    );
    for p in 0..PLAYERS {
        let m = support::drill_load::marker(p);
        assert_eq!(
            stored.iter().filter(|r| r.text.contains(&m)).count(),
            1,
            "{m}"
        );
    }
    for (i, seen) in out.seen.iter().enumerate() {
        assert_eq!(seen.markers.len(), PLAYERS, "stream {i} missed responses");
        assert!(
            seen.markers.values().all(|n| *n == 1),
            "stream {i} got a response twice: {:?}",
            seen.markers
        );
        assert!(!seen.seconds.is_empty(), "stream {i} got no posts");
    }
    // Four seconds at 60x are four drill minutes: posts of many seconds reached every stream,
    // and in the order of the drill (no second arrived before an earlier one).
    for seen in &out.seen {
        assert!(
            seen.seconds.len() > 10,
            "{} seconds of posts",
            seen.seconds.len()
        );
        let mut by_time: Vec<(std::time::Instant, u32)> =
            seen.seconds.iter().map(|(s, t)| (*t, *s)).collect();
        by_time.sort();
        let mut batches: Vec<u32> = Vec::new();
        for w in by_time.chunk_by(|a, b| a.0 == b.0) {
            batches.push(w.iter().map(|x| x.1).min().unwrap());
            assert!(
                batches.windows(2).all(|b| b[0] <= b[1]),
                "a batch went back in drill time"
            );
        }
    }
}
