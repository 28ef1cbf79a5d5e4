//! Two nodes on one database (issue 20): the holds on the ways in are counted across nodes, an
//! exercise file uploaded on one node reaches the other, and work that runs once (the feed
//! poller) has one leader that moves when it dies. On a shared SQLite file by default; on a
//! fresh PostgreSQL database when `SANDPIT_TEST_DATABASE_URL` names a server.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use sandpit::app::App;
use sandpit::app::classroom::{JoinForm, MAX_FAILURES, Refused};
use sandpit::config::Config;
use sandpit::store::Store;
use sandpit::store::leases::FEED_POLLER;

const REWRITE: &str = "storm-17-rewrite-library";

fn test_server() -> Option<String> {
    std::env::var("SANDPIT_TEST_DATABASE_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// A fresh PostgreSQL database on the test server, by URL.
async fn fresh_postgres(server: &str) -> String {
    let name = format!("sandpit_nodes_{}", sandpit::store::new_id());
    let admin = sqlx::PgPool::connect(server).await.expect("test server");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .expect("create database");
    admin.close().await;
    let mut url = url::Url::parse(server).expect("server URL");
    url.set_path(&name);
    url.to_string()
}

/// Two apps, each with its own data directory (and index), on one database.
async fn two_nodes() -> (App, App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = match test_server() {
        Some(server) => fresh_postgres(&server).await,
        None => format!("sqlite:{}", dir.path().join("shared.db").display()),
    };
    let open = |node: &str| Config::new(dir.path().join(node)).with_database_url(Some(url.clone()));
    let a = App::open(open("a")).await.expect("node a");
    let b = App::open(open("b")).await.expect("node b");
    (a, b, dir)
}

/// A code that differs from the class's in every place: a guess, never a typo.
fn far_from(code: &str) -> String {
    code.chars()
        .map(|c| if c == 'X' { 'Y' } else { 'X' })
        .collect()
}

async fn join(app: &App, code: &str, name: &str, ip: IpAddr) -> Result<String, Refused> {
    let form = JoinForm {
        code,
        name,
        rejoin_word: "",
    };
    app.join_class(form, ip, None).await.expect("database")
}

#[tokio::test]
async fn guesses_on_one_node_count_on_the_other_and_a_hold_clears_everywhere() {
    let (a, b, _dir) = two_nodes().await;
    let class = a.store.create_class("Morning group").await.expect("class");
    let ip: IpAddr = "10.1.2.3".parse().expect("ip");
    let wrong = far_from(&class.code);

    // The allowance of wrong codes is shared: half on each node uses it all.
    for i in 0..MAX_FAILURES {
        let node = if i.is_multiple_of(2) { &a } else { &b };
        match join(node, &wrong, "Guesser", ip).await {
            Err(Refused::Fields(_)) => {}
            other => panic!("guess {i}: a wrong code, not held yet: {other:?}"),
        }
    }
    for node in [&a, &b] {
        match join(node, &class.code, "Kim", ip).await {
            Err(Refused::Wait(secs)) => assert!(secs > 0 && secs <= 600, "{secs}"),
            other => panic!("held on both nodes after guesses on both: {other:?}"),
        }
    }
    let elsewhere: IpAddr = "10.9.9.9".parse().expect("ip");
    assert!(
        join(&a, &class.code, "Lee", elsewhere).await.is_ok(),
        "another address is not held"
    );

    // Node A's trainer page shows the hold counted on both; clearing it on B clears it on A.
    let holds = a.holds(&class.id).await.expect("holds");
    let hold = holds
        .iter()
        .find(|h| h.key == format!("join/{ip}"))
        .expect("the hold is listed on node a");
    assert_eq!(hold.hold.guesses, MAX_FAILURES);
    assert!(hold.hold.held_for.is_some());
    b.clear_hold(&class.id, &hold.key)
        .await
        .expect("cleared on b");
    assert!(
        join(&a, &class.code, "Kim", ip).await.is_ok(),
        "the hold cleared on b is cleared on a"
    );
    assert!(a.holds(&class.id).await.expect("holds").is_empty());
}

#[tokio::test]
async fn rejoin_word_guesses_for_a_name_count_across_nodes() {
    let (a, b, _dir) = two_nodes().await;
    let class = a
        .store
        .create_class("Afternoon group")
        .await
        .expect("class");
    let ip: IpAddr = "10.1.2.4".parse().expect("ip");
    join(&a, &class.code, "Aisha Khan", ip)
        .await
        .expect("joins");
    // Wrong words from many addresses, alternately on each node: the name's own allowance
    // (five, from anywhere) is shared by the nodes.
    let wrong = |i: usize| JoinForm {
        code: &class.code,
        name: "Aisha Khan",
        rejoin_word: if i.is_multiple_of(2) { "zzzz" } else { "qqqq" },
    };
    for i in 0..sandpit::app::classroom::MAX_NAME_GUESSES {
        let node = if i.is_multiple_of(2) { &a } else { &b };
        let from: IpAddr = format!("10.2.0.{}", i + 1).parse().expect("ip");
        let refused = node.join_class(wrong(i), from, None).await.expect("db");
        let Err(Refused::Fields(fields)) = refused else {
            panic!("guess {i}: refused with a message, got {refused:?}");
        };
        assert!(
            fields[0].message.contains("not the rejoin word"),
            "{fields:?}"
        );
    }
    let from: IpAddr = "10.3.0.1".parse().expect("ip");
    let refused = b.join_class(wrong(0), from, None).await.expect("db");
    let Err(Refused::Fields(fields)) = refused else {
        panic!("held: {refused:?}");
    };
    assert!(
        fields[0].message.contains("Too many wrong rejoin words"),
        "{fields:?}"
    );
}

#[tokio::test]
async fn an_exercise_uploaded_on_one_node_reaches_the_other() {
    let (a, b, _dir) = two_nodes().await;
    assert_eq!(b.follow_uploaded_exercises().await.expect("follow"), 0);
    let shipped = std::fs::read_to_string(format!(
        "{}/exercises/storm/17-rewrite-library.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("shipped exercise");
    let text = shipped.replacen(&format!("id = \"{REWRITE}\""), "id = \"nodes-check\"", 1);
    let added = a
        .add_exercise_file("nodes.toml", text.into_bytes())
        .await
        .expect("database")
        .expect("a valid file");
    assert_eq!(added.len(), 1);
    assert!(a.exercise("nodes-check").is_ok());
    assert!(
        b.exercise("nodes-check").is_err(),
        "not on b before it looks"
    );
    assert_eq!(b.follow_uploaded_exercises().await.expect("follow"), 1);
    assert!(b.exercise("nodes-check").is_ok(), "b loaded it");
    assert_eq!(
        b.follow_uploaded_exercises().await.expect("follow"),
        0,
        "nothing new the second time"
    );
    assert_eq!(
        a.follow_uploaded_exercises().await.expect("follow"),
        0,
        "a has its own upload already"
    );
    let count = |app: &App| {
        app.catalog()
            .exercises
            .iter()
            .filter(|e| e.id == "nodes-check")
            .count()
    };
    assert_eq!((count(&a), count(&b)), (1, 1), "loaded once on each node");
    assert!(
        b.catalog().problems.is_empty(),
        "{:?}",
        b.catalog().problems
    );
}

#[tokio::test]
async fn the_feed_poller_has_one_leader_that_moves_when_it_dies() {
    let Some(server) = test_server() else {
        eprintln!(
            "skipped: the lead moving between nodes needs PostgreSQL; set \
             SANDPIT_TEST_DATABASE_URL (on SQLite there is one node and it always leads)"
        );
        return;
    };
    let url = fresh_postgres(&server).await;
    let one = Store::open_url(&url).await.expect("node one");
    let two = Store::open_url(&url).await.expect("node two");
    let lead = one
        .try_lead(FEED_POLLER)
        .await
        .expect("ask")
        .expect("first leads");
    assert!(
        two.try_lead(FEED_POLLER).await.expect("ask").is_none(),
        "one leader"
    );

    // The leader goes (its connection closes, as when the process dies): the other takes over
    // within the poller's retry time.
    drop(lead);
    let mut lead = take_within(&two, sandpit::app::feeds::LEAD_RETRY).await;
    assert!(one.try_lead(FEED_POLLER).await.expect("ask").is_none());

    // The leader's connection is cut from outside (a network fault, the server restarting
    // it): the leader notices, and the other node takes over.
    let admin = sqlx::PgPool::connect(&url).await.expect("admin");
    let cut: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    )
    .fetch_all(&admin)
    .await
    .expect("terminate");
    assert_eq!(cut, [true], "the one lock's connection");
    assert!(
        !lead.still_held().await,
        "the leader knows it lost the lead"
    );
    let mut back = take_within(&one, sandpit::app::feeds::LEAD_RETRY).await;
    assert!(back.still_held().await);
    back.release().await;
    admin.close().await;
}

/// Asks for the feed poller's lead every 100 ms until it is granted, failing after `limit`.
async fn take_within(store: &Store, limit: Duration) -> sandpit::store::leases::Lead {
    let start = Instant::now();
    loop {
        if let Some(lead) = store.try_lead(FEED_POLLER).await.expect("ask") {
            return lead;
        }
        assert!(
            start.elapsed() < limit,
            "the lead was not free within {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
