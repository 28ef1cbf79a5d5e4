//! Two nodes, one PostgreSQL, a proxy in front (issue 20): the real `sandpit serve --classroom`
//! binary twice, each with a data directory (and so a search index) of its own and a loopback
//! port of its own, both on one fresh database of the `SANDPIT_TEST_DATABASE_URL` server, behind
//! HAProxy on loopback (round robin, health checks on `/healthz`), started here from a generated
//! configuration. Trainees join through the proxy and submit to both nodes, directly and through
//! the proxy; one node is killed with SIGKILL in the middle of a burst and started again. Then
//! every acknowledged attempt is stored exactly once (counted in PostgreSQL by a marker in its
//! answer), every unacknowledged one at most once, sessions work on every node, and a client that
//! retries after a dropped connection gets its first attempt back instead of a second one.
//!
//! Without a PostgreSQL server (`SANDPIT_TEST_DATABASE_URL`) or HAProxy the test says why and
//! skips; `.ci/run` sets `SANDPIT_REQUIRE_CLUSTER=1`, which makes their absence a failure.

mod support;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use support::cluster::{Cluster, Node, prerequisites, start_node};
use support::{Client, token_in};

const MONITOR: &str = "storm-01-sandbags";
const REWRITE: &str = "storm-17-rewrite-library";
const TRAINEES: usize = 8;
/// Submissions each trainee sends in the burst during which a node dies.
const BURST: usize = 6;
/// The burst's acknowledged submissions after which the node is killed.
const KILL_AFTER: usize = 8;

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .expect("client")
}

/// The submission key of the answer form of an exercise page, fetched from `base`.
async fn form_key(base: &str, cookie: &str, exercise: &str) -> Option<String> {
    let r = http()
        .get(format!("{base}/exercises/{exercise}"))
        .header("cookie", format!("sandpit_session={cookie}"))
        .send()
        .await
        .ok()?;
    if r.status().as_u16() != 200 {
        return None;
    }
    let page = r.text().await.ok()?;
    page.split("name=\"submission\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_string)
}

/// Posts an answer form to `base`: Some(attempt id) when acknowledged (303 to the feedback),
/// None when refused, cut off or timed out.
async fn post_answer(
    base: &str,
    cookie: &str,
    exercise: &str,
    fields: &[(String, String)],
) -> Option<String> {
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    let r = http()
        .post(format!("{base}/exercises/{exercise}/attempts"))
        .header("cookie", format!("sandpit_session={cookie}"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .ok()?;
    if r.status().as_u16() != 303 {
        return None;
    }
    let location = r.headers().get("location")?.to_str().ok()?;
    location
        .split("attempt=")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .map(str::to_string)
}

/// The form fields of an answer carrying `marker`, for a monitoring or a rewrite exercise.
fn answer(exercise: &str, marker: &str, key: &str) -> Vec<(String, String)> {
    let text = if exercise == MONITOR {
        format!("sandbag* OR {marker}")
    } else {
        format!("The library reopens on Saturday at 9am ({marker}).")
    };
    let field = if exercise == MONITOR {
        "answer"
    } else {
        "post:instagram"
    };
    vec![
        (field.to_string(), text),
        ("submission".to_string(), key.to_string()),
    ]
}

/// What became of one answer sent as a browser sends it.
#[derive(Debug)]
struct Sent {
    trainee: usize,
    exercise: &'static str,
    marker: String,
    /// The attempt id the client was given, by the first try or a retry.
    acknowledged: Option<String>,
    /// The first try got no answer back (the node died, or the proxy said it could not reach it).
    retried: bool,
}

/// One answer: the exercise page from `base` for the form's key (from the proxy if `base` is
/// down), the form to `base`, and when that gets no acknowledgement, the same form again through
/// the proxy, a few times, as a client that retries after a dropped connection would.
async fn send(
    base: String,
    proxy: String,
    cookie: String,
    trainee: usize,
    exercise: &'static str,
    marker: String,
) -> Sent {
    let key = match form_key(&base, &cookie, exercise).await {
        Some(k) => k,
        None => form_key(&proxy, &cookie, exercise)
            .await
            .unwrap_or_default(),
    };
    let fields = answer(exercise, &marker, &key);
    let mut acknowledged = post_answer(&base, &cookie, exercise, &fields).await;
    let retried = acknowledged.is_none();
    for _ in 0..10 {
        if acknowledged.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        acknowledged = post_answer(&proxy, &cookie, exercise, &fields).await;
    }
    Sent {
        trainee,
        exercise,
        marker,
        acknowledged,
        retried,
    }
}

/// How many stored attempts carry each marker.
async fn stored_markers(pool: &sqlx::PgPool) -> HashMap<String, usize> {
    let answers: Vec<(String,)> = sqlx::query_as("SELECT answer FROM attempts")
        .fetch_all(pool)
        .await
        .expect("read attempts");
    let mut counts = HashMap::new();
    for (answer,) in answers {
        // Markers are `mk` and five digits; an answer holds at most one.
        if let Some(at) = answer.find("mk")
            && let Some(m) = answer.get(at..at + 7)
            && m[2..].bytes().all(|b| b.is_ascii_digit())
        {
            *counts.entry(m.to_string()).or_default() += 1;
        }
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_lose_nothing_when_one_is_killed_mid_burst() {
    let Some((server, haproxy)) = prerequisites() else {
        return;
    };
    let mut cluster = Cluster::start(&server, &haproxy);
    let proxy = cluster.proxy.clone();

    // The trainer signs in through the proxy and starts a class: its requests fall on both nodes
    // in turn, so the session already works across them.
    let mut trainer = Client::new(&proxy);
    let r = trainer
        .post("/trainer/login", &[("secret", &cluster.trainer_key)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    trainer.cookie = r.set_cookie.as_deref().and_then(token_in);
    let (class, code) = support::classroom::class_with(&mut trainer, &[MONITOR, REWRITE]).await;

    // Trainees join through the proxy.
    let mut cookies = Vec::new();
    for t in 0..TRAINEES {
        let mut c = Client::new(&proxy);
        let r = c
            .post(
                "/join",
                &[("code", &code), ("name", &format!("Trainee {t}"))],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        cookies.push(r.set_cookie.as_deref().and_then(token_in).expect("cookie"));
    }
    let targets = [proxy.clone(), cluster.base(0), cluster.base(1)];
    let exercise_of = |k: usize| {
        if k.is_multiple_of(2) {
            MONITOR
        } else {
            REWRITE
        }
    };
    let mut sent: Vec<Sent> = Vec::new();

    // Warm-up: every trainee sends one answer to each of the proxy, node a and node b.
    for (t, cookie) in cookies.iter().enumerate() {
        for (i, base) in targets.iter().enumerate() {
            let s = send(
                base.clone(),
                proxy.clone(),
                cookie.clone(),
                t,
                exercise_of(t + i),
                format!("mk0{t:02}{i:02}"),
            )
            .await;
            assert!(s.acknowledged.is_some() && !s.retried, "{s:?}");
            sent.push(s);
        }
    }

    // A retry that lands on the other node: the same form to node a, then again to node b.
    let key = form_key(&cluster.base(0), &cookies[0], MONITOR)
        .await
        .expect("a form key");
    let fields = answer(MONITOR, "mk90000", &key);
    let first = post_answer(&cluster.base(0), &cookies[0], MONITOR, &fields).await;
    let again = post_answer(&cluster.base(1), &cookies[0], MONITOR, &fields).await;
    assert!(first.is_some());
    assert_eq!(
        first, again,
        "the repeat on the other node is the first attempt"
    );
    sent.push(Sent {
        trainee: 0,
        exercise: MONITOR,
        marker: "mk90000".into(),
        acknowledged: first,
        retried: true,
    });

    // The burst: everyone at once, spread over the three ways in; node b dies part-way.
    let mut burst = tokio::task::JoinSet::new();
    for (t, cookie) in cookies.iter().enumerate() {
        for k in 0..BURST {
            burst.spawn(send(
                targets[(t + k) % 3].clone(),
                proxy.clone(),
                cookie.clone(),
                t,
                exercise_of(t + k),
                format!("mk1{t:02}{k:02}"),
            ));
        }
    }
    let mut acknowledged_in_burst = 0;
    let mut killed_at = None;
    while let Some(done) = burst.join_next().await {
        let s = done.expect("a submission task");
        if s.acknowledged.is_some() {
            acknowledged_in_burst += 1;
            if acknowledged_in_burst == KILL_AFTER {
                cluster.kill(1);
                killed_at = Some(Instant::now());
            }
        }
        sent.push(s);
    }
    assert!(killed_at.is_some(), "node b died while the burst ran");
    let burst_sent: Vec<&Sent> = sent
        .iter()
        .filter(|s| s.marker.starts_with("mk1"))
        .collect();
    let retried = burst_sent.iter().filter(|s| s.retried).count();
    eprintln!(
        "burst: {} answers, node b killed after {KILL_AFTER} acknowledgements; {retried} got no \
         answer at first and were sent again through the proxy",
        burst_sent.len()
    );

    // Node b comes back on the same data directory and database.
    cluster.restart(1);
    cluster.wait_healthy(&cluster.base(1), Duration::from_secs(30));
    // Let the proxy's checks see it up (two checks 300 ms apart).
    tokio::time::sleep(Duration::from_millis(1500)).await;
    for (t, cookie) in cookies.iter().enumerate() {
        for (i, base) in [cluster.base(1), proxy.clone()].into_iter().enumerate() {
            let s = send(
                base,
                proxy.clone(),
                cookie.clone(),
                t,
                exercise_of(t + i),
                format!("mk2{t:02}{i:02}"),
            )
            .await;
            assert!(
                s.acknowledged.is_some() && !s.retried,
                "the restarted node and the proxy take attempts: {s:?}"
            );
            sent.push(s);
        }
    }

    // Every answer was acknowledged in the end, and each is stored exactly once.
    let pool = cluster.pool().await;
    let stored = stored_markers(&pool).await;
    for s in &sent {
        assert!(s.acknowledged.is_some(), "never acknowledged: {s:?}");
        assert_eq!(
            stored.get(&s.marker).copied().unwrap_or(0),
            1,
            "{s:?} must be stored exactly once"
        );
    }
    assert_eq!(stored.len(), sent.len(), "no attempt nobody sent");
    let total: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM attempts")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(total.0 as usize, sent.len(), "one row per answer sent");

    // Sessions survive: each trainee's cookie works on node a, on the restarted node b and
    // through the proxy, and each acknowledged attempt opens on the node that did not store it.
    for (t, cookie) in cookies.iter().enumerate() {
        for base in [cluster.base(0), cluster.base(1), proxy.clone()] {
            let mut c = Client::new(&base);
            c.cookie = Some(cookie.clone());
            let page = c.get("/class").await;
            assert_eq!(page.status, 200, "trainee {t} on {base}: {}", page.location);
            assert!(page.body.contains(&format!("Trainee {t}")));
        }
    }
    for s in &sent {
        let id = s.acknowledged.as_deref().unwrap_or_default();
        for base in [cluster.base(0), cluster.base(1)] {
            let mut c = Client::new(&base);
            c.cookie = Some(cookies[s.trainee].clone());
            let r = c
                .get(&format!("/exercises/{}?attempt={id}", s.exercise))
                .await;
            assert_eq!(r.status, 200, "attempt {id} on {base}");
        }
    }
    let mut t = trainer.clone();
    t.base = cluster.base(1);
    assert_eq!(t.get("/trainer").await.status, 200, "the trainer too");
    let csv = t
        .get(&format!("/trainer/classes/{class}/attempts.csv"))
        .await
        .body;
    for s in &sent {
        let id = s.acknowledged.as_deref().unwrap_or_default();
        assert_eq!(csv.matches(id).count(), 1, "{id} once in the export");
    }
    pool.close().await;
}

/// A corpus uploaded through one node is searchable on the other, once that node's index has
/// caught up from the database (docs/design.md, "The database is the source of truth; the
/// index is a replica").
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corpus_uploaded_on_one_node_is_searchable_on_the_other() {
    let Some((server, haproxy)) = prerequisites() else {
        return;
    };
    let cluster = Cluster::start(&server, &haproxy);
    let mut trainer = Client::new(&cluster.base(0));
    let r = trainer
        .post("/trainer/login", &[("secret", &cluster.trainer_key)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    trainer.cookie = r.set_cookie.as_deref().and_then(token_in);

    let jsonl: String = (1..=5)
        .map(|i| {
            format!(
                "{{\"id\":\"qm-{i}\",\"title\":\"Quillmere ferry notice {i}\",\"body\":\"The \
                 Quillmere ferry sails at {i} o'clock from the north pier.\",\"source\":\
                 \"quillmere-harbour\",\"published\":\"2026-03-0{i}T09:00:00Z\"}}\n"
            )
        })
        .collect();
    let r = trainer
        .post_multipart(
            "/trainer/upload/corpus",
            &[("corpus", "quillmere")],
            &[("files", "quillmere.jsonl", jsonl.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);

    let total_on = |base: String, cookie: String| async move {
        let r = http()
            .get(format!("{base}/api/search?corpus=quillmere&q=quillmere"))
            .header("cookie", format!("sandpit_session={cookie}"))
            .send()
            .await
            .ok()?;
        let json: serde_json::Value = serde_json::from_str(&r.text().await.ok()?).ok()?;
        json.get("total")?.as_u64()
    };
    let cookie = trainer.cookie.clone().expect("cookie");
    assert_eq!(total_on(cluster.base(0), cookie.clone()).await, Some(5));
    let started = Instant::now();
    loop {
        let other = total_on(cluster.base(1), cookie.clone()).await;
        if other == Some(5) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "node b never found the corpus uploaded on node a (last: {other:?})"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // And through the proxy, whichever node answers.
    for _ in 0..4 {
        assert_eq!(
            total_on(cluster.proxy.clone(), cookie.clone()).await,
            Some(5)
        );
    }
    // A node started afterwards on the same database catches up too.
    let root = tempfile::tempdir().expect("tempdir");
    let mut late = Node::new("c", root.path());
    start_node(root.path(), &cluster.database, &mut late);
    let started = Instant::now();
    while total_on(late.base(), cookie.clone()).await != Some(5) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "a node started later never caught up"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
