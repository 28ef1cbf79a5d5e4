//! Drill stream latency: 40 players follow one drill's server-sent events while its clock runs
//! at 60x on the real clock, then each publishes a response (the form sent twice).
//!
//! ```text
//! cargo bench --bench drill_stream        # 40 players; SANDPIT_DRILL_PLAYERS=N for another room
//! ```
//!
//! Sandpit runs in this process on 127.0.0.1 with a fresh data directory (SQLite, or PostgreSQL
//! when `SANDPIT_TEST_DATABASE_URL` names a server). Prints: publish → delivered to all players
//! (per response, the last stream's arrival after the first send), a post's moment → delivered
//! (the wall time the drill clock reached a post's second to its arrival on each stream), and the
//! publish request's latency. Exit status 1 when a response is missing or duplicated anywhere.

#[path = "../tests/support/database.rs"]
#[allow(dead_code)]
mod database;
#[path = "../tests/support/drill_load.rs"]
#[allow(dead_code)]
mod drill_load;

use std::time::{Duration, Instant};

use chrono::Utc;
use sandpit::app::App;
use sandpit::app::drills::DrillControl;
use sandpit::config::Config;

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((p / 100.0) * (v.len() - 1) as f64).round() as usize;
    v[i.min(v.len() - 1)]
}

fn line(name: &str, v: &[f64]) {
    println!(
        "{name:<34} n={:<6} p50 {:>8.1} ms  p90 {:>8.1} ms  p99 {:>8.1} ms  max {:>8.1} ms",
        v.len(),
        percentile(v.to_vec(), 50.0),
        percentile(v.to_vec(), 90.0),
        percentile(v.to_vec(), 99.0),
        percentile(v.to_vec(), 100.0)
    );
}

#[tokio::main]
async fn main() {
    let players: usize = std::env::var("SANDPIT_DRILL_PLAYERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().expect("tempdir");
    let database = database::database_for(dir.path()).expect("a database");
    let app = App::open(Config::new(dir.path()).with_database_url(database))
        .await
        .expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(sandpit::web::run(
        app.clone(),
        listener,
        std::future::pending(),
    ));

    let drill = app
        .create_drill("brightwell-recall-morning", None)
        .await
        .expect("drill");
    app.control_drill(&drill.id, DrillControl::Start)
        .await
        .expect("start");
    let running = app
        .control_drill(&drill.id, DrillControl::Speed(60.0))
        .await
        .expect("speed");
    // The wall moment of drill second s, as an Instant of this process.
    let (anchor_ms, anchor_at, speed) = (
        running.clock.anchor_ms,
        running.clock.anchor_at,
        running.clock.speed,
    );
    let (now_utc, now_instant) = (Utc::now(), Instant::now());
    let moment = |s: u32| -> Instant {
        let wall_ms = (f64::from(s) * 1000.0 - anchor_ms as f64) / speed;
        let at = anchor_at + chrono::Duration::milliseconds(wall_ms as i64);
        let from_now = (at - now_utc).num_microseconds().unwrap_or(0);
        if from_now >= 0 {
            now_instant + Duration::from_micros(from_now as u64)
        } else {
            now_instant - Duration::from_micros((-from_now) as u64)
        }
    };

    println!(
        "drill_stream: {players} players, one drill at 60x, each publishes once (form sent twice)"
    );
    let started = Instant::now();
    let out = drill_load::run(
        &base,
        &drill.id,
        players,
        Duration::from_secs(10),
        Duration::from_secs(120),
    )
    .await;
    println!("ran {:.1} s", started.elapsed().as_secs_f64());

    let stored = app
        .store
        .drill_responses(&drill.id, None)
        .await
        .expect("responses");
    let mut ok = stored.len() == players;
    let mut to_all = Vec::new();
    for p in 0..players {
        let arrivals: Vec<Instant> = out
            .seen
            .iter()
            .filter_map(|s| s.arrived.get(&p).copied())
            .collect();
        if arrivals.len() != players {
            ok = false;
            continue;
        }
        let last = arrivals.iter().max().copied().unwrap_or(out.sent[p]);
        to_all.push(last.duration_since(out.sent[p]).as_secs_f64() * 1000.0);
    }
    let duplicated = out.seen.iter().any(|s| s.markers.values().any(|n| *n != 1));
    let mut post_latency = Vec::new();
    for s in &out.seen {
        for (second, at) in &s.seconds {
            let m = moment(*second);
            if *at >= m {
                post_latency.push(at.duration_since(m).as_secs_f64() * 1000.0);
            } else {
                // Only from a second released before the stream opened (the page's start).
                continue;
            }
        }
    }
    let publish: Vec<f64> = out
        .publish
        .iter()
        .map(|d| d.as_secs_f64() * 1000.0)
        .collect();
    println!(
        "responses stored: {} of {players}; delivered to all {players} streams: {}; duplicated: {duplicated}",
        stored.len(),
        to_all.len()
    );
    line("publish -> delivered to all", &to_all);
    line("post moment -> delivered", &post_latency);
    line("publish request (both sends)", &publish);
    if !ok || duplicated {
        eprintln!("FAILED: a response is missing or duplicated");
        std::process::exit(1);
    }
}
