//! The classroom load bench against two nodes (`SANDPIT_LOAD_NODES=2`): a hosted programme's
//! busiest hour on one PostgreSQL, two `sandpit serve --classroom` nodes and HAProxy in front, all
//! on loopback.
//!
//! The hour: a programme for an organisation of 13,000 staff runs many cohorts at once. In its
//! busiest hour 1,000 learners (`SANDPIT_LOAD_LEARNERS`) in 20 classes of 50
//! (`SANDPIT_LOAD_CLASSES`) are at work: they arrive spread evenly over the first 40 minutes, join
//! their class, and each sends 4 attempts (`SANDPIT_LOAD_ATTEMPTS`) about 4 minutes apart
//! (a quarter either way), reading the feedback page after each; every class's trainer keeps the
//! class board open, refreshed every 4 s as its script does. That is 4,000 graded attempts in
//! the hour. The hour is compressed into `SANDPIT_LOAD_HOUR_SECONDS` (default 60: one minute of the
//! hour a second, 60 times the real rate), so the servers meet about 70 submissions a second at
//! the peak, where the real hour brings one or two.
//!
//! Every request goes through the proxy, which spreads them round robin and names the node that
//! answered in a response header; latencies and throughput are reported per node. At the end the
//! database is read: every acknowledged attempt stored exactly once.
//!
//! Needs a PostgreSQL server to make a fresh database on (`SANDPIT_TEST_DATABASE_URL`, as the
//! tests use) and HAProxy (`apt-get install haproxy`).

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::http::{builder, get, request};
use super::proxy::{HealthCheck, free_port, haproxy_config};
use super::timings::{Timings, ms, percentile};
use super::workload::{Learner, attempt, chosen_exercises};
use super::{TRIAGE, database, process};

pub struct Settings {
    pub learners: usize,
    pub classes: usize,
    pub attempts: usize,
    pub hour_seconds: u64,
}

fn haproxy() -> Result<PathBuf, String> {
    [
        "/usr/sbin/haproxy",
        "/usr/local/sbin/haproxy",
        "/usr/bin/haproxy",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .ok_or_else(|| "HAProxy is not installed (apt-get install haproxy)".to_string())
}

async fn wait_healthy(http: &reqwest::Client, base: &str) -> Result<(), String> {
    let started = Instant::now();
    loop {
        if let Ok(r) = http.get(format!("{base}/healthz")).send().await
            && r.status().as_u16() == 200
        {
            return Ok(());
        }
        if started.elapsed() > Duration::from_secs(30) {
            return Err(format!("{base} not healthy within 30 s"));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A spread in [0.75, 1.25) from two numbers, deterministic.
fn jitter(a: usize, b: usize) -> f64 {
    0.75 + ((a * 7919 + b * 104_729) % 1000) as f64 / 2000.0
}

pub async fn run(s: Settings) -> Result<bool, String> {
    let server = database::test_server().ok_or(
        "the two-node run needs a PostgreSQL server: set SANDPIT_TEST_DATABASE_URL \
         (postgres://user@host:port/postgres), on which it makes a fresh database",
    )?;
    let haproxy = haproxy()?;
    let root = tempfile::tempdir().map_err(|e| e.to_string())?;
    let db = database::fresh_database(&server)?;
    let hour = Duration::from_secs(s.hour_seconds);
    println!(
        "classroom load, two nodes: {} learners in {} classes, {} attempts each, a busy hour \
         compressed into {} s, PostgreSQL and HAProxy on 127.0.0.1",
        s.learners, s.classes, s.attempts, s.hour_seconds
    );

    // Two nodes on one database, each with its own data directory (its own index).
    let started = Instant::now();
    let mut nodes = Vec::new();
    let mut ports = Vec::new();
    for name in ["a", "b"] {
        let port = free_port()?;
        let log = File::create(root.path().join(format!("node-{name}.log")))
            .map_err(|e| e.to_string())?;
        let (process, _, key) = process::start_classroom_on(
            &root.path().join(format!("node-{name}")),
            Some(&db),
            &format!("127.0.0.1:{port}"),
            Stdio::from(log),
            Duration::from_secs(180),
        )
        .map_err(|e| format!("node {name}: {e}"))?;
        nodes.push((process, key));
        ports.push((name, port));
    }
    let proxy_port = free_port()?;
    let config = root.path().join("haproxy.cfg");
    std::fs::write(
        &config,
        haproxy_config(proxy_port, &ports, &HealthCheck::STEADY),
    )
    .map_err(|e| e.to_string())?;
    let _proxy = start_haproxy(&haproxy, &config, root.path())?;
    let base = format!("http://127.0.0.1:{proxy_port}");
    let http = builder()
        .pool_max_idle_per_host(256)
        .build()
        .map_err(|e| e.to_string())?;
    wait_healthy(&http, &base).await?;
    println!(
        "two nodes and the proxy ready in {:.1} s at {base}",
        started.elapsed().as_secs_f64()
    );

    // The trainer signs in and starts the classes, each with the three exercises.
    let key = nodes[0].1.clone();
    let trainer = request(
        &http,
        &base,
        "/trainer/login",
        None,
        Some(&[("secret".into(), key)]),
    )
    .await?
    .cookie
    .ok_or("the trainer could not sign in")?;
    let chosen = chosen_exercises();
    let mut classes = Vec::new();
    for c in 0..s.classes {
        let r = request(
            &http,
            &base,
            "/trainer/classes",
            Some(&trainer),
            Some(&[("title".into(), format!("Cohort {c}"))]),
        )
        .await?;
        let class = r
            .location
            .strip_prefix("/trainer/classes/")
            .ok_or("no class started")?
            .to_string();
        request(
            &http,
            &base,
            &format!("/trainer/classes/{class}/exercises"),
            Some(&trainer),
            Some(&chosen),
        )
        .await?;
        let page = get(&http, &base, &format!("/trainer/classes/{class}"), &trainer)
            .await?
            .body;
        let code = page
            .split("class-code\" aria-label=\"Class code ")
            .nth(1)
            .and_then(|rest| rest.get(..6))
            .ok_or("no class code on the class page")?
            .to_string();
        classes.push((class, code));
    }
    let triage_ids: Vec<String> = match sandpit::catalog::exercises::shipped()
        .get(TRIAGE)
        .map(|e| &e.task)
    {
        Some(sandpit::catalog::exercises::Task::Triage(t)) => {
            t.items.iter().map(|i| i.id.clone()).collect()
        }
        _ => return Err(format!("no triage exercise {TRIAGE}")),
    };

    let timings = Arc::new(Mutex::new(Timings::default()));
    let done = Arc::new(AtomicBool::new(false));
    // Each class's board, open on its trainer's screen.
    let mut boards = tokio::task::JoinSet::new();
    for (i, (class, _)) in classes.iter().enumerate() {
        let (http, base, trainer, class, done, timings) = (
            http.clone(),
            base.clone(),
            trainer.clone(),
            class.clone(),
            done.clone(),
            timings.clone(),
        );
        boards.spawn(async move {
            // Staggered, so the trainers do not all refresh in the same instant.
            tokio::time::sleep(Duration::from_millis(4000 * i as u64 / 20)).await;
            let mut errors = 0usize;
            while !done.load(Ordering::Relaxed) {
                let path = format!("/trainer/classes/{class}/board");
                match request(&http, &base, &path, Some(&trainer), None).await {
                    Ok(a) if a.status == 200 => {
                        if let Ok(mut t) = timings.lock() {
                            t.add(&a.node, "board", a.took);
                        }
                    }
                    _ => errors += 1,
                }
                tokio::time::sleep(Duration::from_secs(4)).await;
            }
            errors
        });
    }

    // The learners: arrival spread over the first 40 minutes of the hour, then attempts about
    // 4 minutes apart.
    let minute = hour / 60;
    let work_started = Instant::now();
    let mut learners = tokio::task::JoinSet::new();
    for t in 0..s.learners {
        let (http, base, timings, triage_ids) = (
            http.clone(),
            base.clone(),
            timings.clone(),
            triage_ids.clone(),
        );
        let code = classes[t % classes.len()].1.clone();
        let arrive = minute.mul_f64(40.0 * t as f64 / s.learners as f64);
        let attempts = s.attempts;
        learners.spawn(async move {
            tokio::time::sleep(arrive).await;
            let mut ids = Vec::new();
            let mut errors = 0usize;
            let join = request(
                &http,
                &base,
                "/join",
                None,
                Some(&[
                    ("code".into(), code),
                    ("name".into(), format!("Learner {t:04}")),
                ]),
            )
            .await;
            let cookie = match join {
                Ok(a) if a.status == 303 && a.cookie.is_some() => {
                    if let Ok(mut tm) = timings.lock() {
                        tm.add(&a.node, "join", a.took);
                    }
                    a.cookie.unwrap_or_default()
                }
                Ok(a) => {
                    eprintln!("learner {t} could not join: {}", a.status);
                    return (ids, attempts.max(1));
                }
                Err(e) => {
                    eprintln!("learner {t} could not join: {e}");
                    return (ids, attempts.max(1));
                }
            };
            let who = format!("learner {t}");
            let learner = Learner {
                who: &who,
                t,
                http: &http,
                base: &base,
                cookie: &cookie,
            };
            for k in 0..attempts {
                tokio::time::sleep(minute.mul_f64(4.0 * jitter(t, k))).await;
                let (id, e) = attempt(&learner, k, &triage_ids, &timings).await;
                errors += e;
                ids.extend(id);
            }
            (ids, errors)
        });
    }
    let mut acknowledged: Vec<String> = Vec::new();
    let mut errors = 0usize;
    while let Some(j) = learners.join_next().await {
        let (ids, e) = j.map_err(|e| e.to_string())?;
        acknowledged.extend(ids);
        errors += e;
    }
    let work_time = work_started.elapsed();
    done.store(true, Ordering::Relaxed);
    while let Some(j) = boards.join_next().await {
        errors += j.map_err(|e| e.to_string())?;
    }

    // Stored exactly once, read from PostgreSQL.
    let pool = sqlx::PgPool::connect(&db)
        .await
        .map_err(|e| format!("the bench cannot read the database: {e}"))?;
    let stored: Vec<(String,)> = sqlx::query_as("SELECT id FROM attempts")
        .fetch_all(&pool)
        .await
        .map_err(|e| e.to_string())?;
    pool.close().await;
    let stored: HashMap<String, usize> = stored.into_iter().fold(HashMap::new(), |mut m, (id,)| {
        *m.entry(id).or_default() += 1;
        m
    });
    let acked: HashSet<&str> = acknowledged.iter().map(String::as_str).collect();
    let missing = acked.iter().filter(|id| !stored.contains_key(**id)).count();
    let twice = stored.values().filter(|n| **n > 1).count();
    let expected = s.learners * s.attempts;

    // Per node: what it served, how fast.
    let by = timings.lock().map_err(|_| "timings poisoned")?;
    let mut names: Vec<String> = by.by_node.keys().map(|(n, _)| n.clone()).collect();
    names.sort();
    names.dedup();
    println!();
    println!(
        "{:<5} {:<9} {:>6} {:>8} {:>9} {:>9} {:>9} {:>9}",
        "node", "request", "count", "per s", "p50", "p90", "p99", "max"
    );
    for node in &names {
        for kind in [
            "submit", "monitor", "rewrite", "triage", "feedback", "board", "join",
        ] {
            let Some(v) = by.by_node.get(&(node.clone(), kind)) else {
                continue;
            };
            let mut v = v.clone();
            v.sort();
            println!(
                "{:<5} {:<9} {:>6} {:>8.1} {:>9} {:>9} {:>9} {:>9}",
                node,
                kind,
                v.len(),
                v.len() as f64 / work_time.as_secs_f64().max(0.001),
                ms(percentile(&v, 50.0)),
                ms(percentile(&v, 90.0)),
                ms(percentile(&v, 99.0)),
                ms(v.last().copied().unwrap_or_default())
            );
        }
    }
    let mut all: Vec<Duration> = by
        .by_node
        .iter()
        .filter(|((_, k), _)| *k == "submit")
        .flat_map(|(_, v)| v.iter().copied())
        .collect();
    all.sort();
    println!();
    println!(
        "{} submissions in {:.1} s ({:.1} a second over both nodes, each followed by its \
         feedback page); submit p50 {}, p99 {}",
        acknowledged.len(),
        work_time.as_secs_f64(),
        acknowledged.len() as f64 / work_time.as_secs_f64().max(0.001),
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 99.0)),
    );
    println!(
        "attempts: expected {expected}, acknowledged {} ({} distinct), in the database {}, \
         missing {missing}, stored twice {twice}, request errors {errors}",
        acknowledged.len(),
        acked.len(),
        stored.len()
    );
    let ok = errors == 0
        && acknowledged.len() == expected
        && acked.len() == expected
        && stored.len() == expected
        && missing == 0
        && twice == 0;
    println!(
        "{}",
        if ok {
            "every attempt stored exactly once: OK"
        } else {
            "FAILED: attempts missing or duplicated, or requests failed"
        }
    );
    drop(nodes);
    Ok(ok)
}

fn start_haproxy(haproxy: &Path, config: &Path, dir: &Path) -> Result<process::Process, String> {
    let log = File::create(dir.join("haproxy.log")).map_err(|e| e.to_string())?;
    let child = Command::new(haproxy)
        .arg("-f")
        .arg(config)
        .arg("-db")
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log)
        .spawn()
        .map_err(|e| format!("cannot start HAProxy: {e}"))?;
    Ok(process::Process(child))
}
