//! The trainer's drill board: how long `App::drill_board` takes for a busy drill, the first
//! time (every response marked and stored, the alert catching worked out and kept) and then on
//! each refresh (the page refetches its live part every three seconds), beside the alert
//! catching done afresh each time, as the board did before `app/drills/catching.rs` kept it.
//!
//! ```text
//! cargo bench --bench drill_board      # SANDPIT_BOARD_BUILDS=N for more warm builds (200)
//! ```
//!
//! In this process, on SQLite in a fresh data directory (PostgreSQL when
//! `SANDPIT_TEST_DATABASE_URL` names a server), with a manual clock: a class of 40 trainees
//! plays `brightwell-recall-morning` to T+01:00; each saved 4 searches (160, each query its own)
//! and published 5 responses (200) to the injects that expected a reaction; the trainer changed
//! 20 of the marks. Prints the cold build, the warm builds' p50, p90, p99 and max, and the
//! uncached catching's. Exit status 1 when the board is not what was stored.

#[path = "../tests/support/database.rs"]
#[allow(dead_code)]
mod database;

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use sandpit::app::clock::{Clock, ManualClock};
use sandpit::app::drills::DrillControl;
use sandpit::app::drills::catching::targets_of;
use sandpit::app::drills::marking;
use sandpit::app::drills::review::overrides::{MarkChange, MarkEditor};
use sandpit::app::{App, Learner};
use sandpit::config::Config;
use sandpit::store::drill_work::{NewResponse, NewSearch};

const PLAYERS: usize = 40;
const SEARCHES: usize = 4;
const RESPONSES: usize = 5;
const CHANGED: usize = 20;

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
        "{name:<38} n={:<5} p50 {:>8.2} ms  p90 {:>8.2} ms  p99 {:>8.2} ms  max {:>8.2} ms",
        v.len(),
        percentile(v.to_vec(), 50.0),
        percentile(v.to_vec(), 90.0),
        percentile(v.to_vec(), 99.0),
        percentile(v.to_vec(), 100.0)
    );
}

/// What the players search for: the scam, the recall, the abuse, the leak; each player writes
/// them their own way (a word of their own), so no two queries are the same.
const QUERIES: [&str; 8] = [
    "\"refund portal\" OR brightwell-refunds",
    "(recall OR recalled) AND (BX410 OR BX420 OR BX430)",
    "scam OR fake OR phishing",
    "helpline NEAR/5 (useless OR idiots OR waited)",
    "address OR \"lives at\" OR doxx*",
    "fire OR smoke OR burning",
    "#BrightwellRecall OR #HeaterRecall",
    "BX4100 AND (safe OR affected)",
];

/// Answers of varied quality, so marking has facts found, missed and contradicted.
const TEXTS: [&str; 5] = [
    "Stop using Brightwell BX410, BX420 and BX430 heaters now and unplug them. Free collection and refund, no receipt needed: brightwell.example/recall or 0800 555 0177. BX300, BX4100 and BX4200 are safe.",
    "Stop using BX410, BX420 and BX430 heaters now. Call 0800 555 0171.",
    "We know about the heaters. More soon.",
    "Please do not share anyone's home address. We have removed posts that did and reported the account.",
    "The site brightwell-refunds.example is a scam. The only refund page is brightwell.example/recall, and we never ask for card details.",
];

#[tokio::main]
async fn main() {
    let builds: usize = std::env::var("SANDPIT_BOARD_BUILDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().expect("tempdir");
    let database = database::database_for(dir.path()).expect("a database");
    let t0: DateTime<Utc> = "2026-12-07T09:00:00Z".parse().expect("time");
    let clock = ManualClock::at(t0);
    let app = App::open(Config::new(dir.path()).with_database_url(database))
        .await
        .expect("app")
        .with_clock(clock.clone() as Arc<dyn Clock>);

    let class = app.store.create_class("Board bench").await.expect("class");
    let mut players = Vec::new();
    for p in 0..PLAYERS {
        let name = format!("Trainee {p:02}");
        let t = app
            .store
            .add_trainee(&class.id, &name, &name.to_lowercase())
            .await
            .expect("trainee")
            .expect("a new name");
        players.push(t);
    }
    let drill = app
        .create_drill("brightwell-recall-morning", Some(&class.id))
        .await
        .expect("drill");
    app.control_drill(&drill.id, DrillControl::Start)
        .await
        .expect("start");
    let expecting: Vec<(String, i64)> = drill
        .scenario()
        .injects
        .iter()
        .filter(|i| i.expect.is_some())
        .map(|i| (i.id.clone(), i64::from(i.at.0) * 1000))
        .collect();
    for (p, t) in players.iter().enumerate() {
        for k in 0..SEARCHES {
            let query = format!("({}) NOT \"{}\"", QUERIES[(p + k) % QUERIES.len()], t.name);
            app.store
                .save_drill_search(&NewSearch {
                    drill_id: &drill.id,
                    learner: &t.id,
                    name: &format!("Search {k}"),
                    query: &query,
                    rule: r#"{"rule":"at_least","count":3,"window":5}"#,
                    created_ms: ((p * 7 + k * 90) % 1200) as i64 * 1000,
                    at: t0,
                })
                .await
                .expect("search");
        }
    }
    let mut n = 0;
    for r in 0..RESPONSES {
        for (p, t) in players.iter().enumerate() {
            let (inject, at_ms) = &expecting[(p + r * 3) % expecting.len()];
            let key = format!("k{n}");
            app.store
                .publish_drill_response(&NewResponse {
                    drill_id: &drill.id,
                    learner: &t.id,
                    author_name: &t.name,
                    inject_id: Some(inject),
                    deliverable: if r % 2 == 0 { "post" } else { "statement" },
                    platform: (r % 2 == 0).then_some("x"),
                    text: TEXTS[(p + r) % TEXTS.len()],
                    drill_ms: at_ms + 60_000 + (p as i64 * 17_000) % 900_000,
                    published_at: t0,
                    submission: Some(&key),
                })
                .await
                .expect("response");
            n += 1;
        }
    }
    clock.advance(Duration::minutes(60));
    let responses = app
        .store
        .drill_responses(&drill.id, None)
        .await
        .expect("responses");
    println!(
        "drill_board: {PLAYERS} players x {SEARCHES} saved searches, {} responses, drill at {}",
        responses.len(),
        app.drill(&drill.id).await.expect("drill").at()
    );

    // Cold: the first build marks every response and works out what each search caught.
    let started = Instant::now();
    let board = app.drill_board(&drill.id).await.expect("board");
    let cold = started.elapsed().as_secs_f64() * 1000.0;
    let mut ok = board.responses.len() == PLAYERS * RESPONSES
        && board.searches.len() == PLAYERS * SEARCHES
        && board.responses.iter().all(|m| m.response.score.is_some());

    // The trainer corrects some marks, as the board's refreshes then show.
    let trainer = Learner::trainer();
    for m in board.responses.iter().take(CHANGED) {
        let new = if m.mark.score >= 50.0 { "40" } else { "80" };
        app.change_drill_mark(
            &drill.id,
            &m.response.id,
            MarkEditor::Learner(&trainer),
            MarkChange::Score {
                score: new,
                reason: "The bench changes it.",
            },
        )
        .await
        .expect("change");
    }

    // Warm: the refreshes.
    let mut warm = Vec::with_capacity(builds);
    let mut changed = 0;
    for _ in 0..builds {
        let started = Instant::now();
        let board = app.drill_board(&drill.id).await.expect("board");
        warm.push(started.elapsed().as_secs_f64() * 1000.0);
        changed = board
            .responses
            .iter()
            .filter(|m| m.changed().is_some())
            .count();
    }
    ok &= changed == CHANGED;

    // The catching alone, done afresh each time (no kept matches), on the same drill.
    let drill = app.drill(&drill.id).await.expect("drill");
    let saved = app
        .store
        .drill_searches(&drill.id, None)
        .await
        .expect("searches");
    let alerts = sandpit::app::drills::review::alerts_of(&saved);
    let ids: Vec<&str> = players.iter().map(|t| t.id.as_str()).collect();
    let mut afresh = Vec::new();
    let mut caught = 0;
    for _ in 0..10 {
        let started = Instant::now();
        let targets = targets_of(drill.scenario(), &drill.playable.stream);
        let catches = marking::catches(&targets, &alerts, &ids, drill.at_ms());
        afresh.push(started.elapsed().as_secs_f64() * 1000.0);
        caught = catches.iter().filter(|c| c.caught_ms.is_some()).count();
    }
    let board = app.drill_board(&drill.id).await.expect("board");
    let kept = board
        .catches
        .iter()
        .filter(|c| c.caught_ms.is_some())
        .count();
    ok &= kept == caught;

    println!("cold build (marks 200, keeps the catching) {cold:>9.2} ms");
    line("warm build (a refresh)", &warm);
    line("catching alone, afresh each time", &afresh);
    println!(
        "alert groups caught: {caught} (kept) = {kept} (afresh); marks changed on the board: {changed}"
    );
    if !ok {
        eprintln!("FAILED: the board is not what was stored");
        std::process::exit(1);
    }
}
