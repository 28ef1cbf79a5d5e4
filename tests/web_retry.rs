//! An answer form that reaches the server twice stores one attempt. A browser, or a load balancer
//! in front of several nodes, may send a POST again when the connection drops before the answer
//! comes back; each rendered exercise page carries a submission key in a hidden field, and a
//! repeat of the same form with the same answer gets the first attempt back.

mod support;

use sandpit::app::Learner;
use support::{Setup, http_client, start};

const MONITOR: &str = "storm-01-sandbags";
const REWRITE: &str = "storm-17-rewrite-library";

/// The submission key of a rendered exercise page.
fn key_in(page: &str) -> String {
    page.split("name=\"submission\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the answer form carries a submission key")
        .to_string()
}

/// Posts a form; returns the status and the attempt id of the redirect.
async fn post(base: &str, exercise: &str, form: &[(&str, &str)]) -> (u16, String) {
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let r = http_client()
        .post(format!("{base}/exercises/{exercise}/attempts"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("request");
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let id = location
        .split("attempt=")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .unwrap_or_default()
        .to_string();
    (status, id)
}

async fn page(base: &str, exercise: &str) -> String {
    http_client()
        .get(format!("{base}/exercises/{exercise}"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body")
}

#[tokio::test]
async fn a_form_sent_twice_stores_one_attempt() {
    let s = start(Setup::MINI).await;
    let store = &s.app.store;
    let learner = Learner::local().id;

    let first_page = page(&s.base, MONITOR).await;
    let key = key_in(&first_page);
    assert_eq!(key.len(), 24, "{key}");
    assert_ne!(
        key_in(&page(&s.base, MONITOR).await),
        key,
        "each rendering has a key of its own"
    );

    // The same form three times, two of them at once (a retry racing the first on another node).
    let form = [("answer", "sandbag*"), ("submission", key.as_str())];
    let (status, first) = post(&s.base, MONITOR, &form).await;
    assert_eq!(status, 303);
    let (a, b) = tokio::join!(post(&s.base, MONITOR, &form), post(&s.base, MONITOR, &form));
    assert_eq!(a, (303, first.clone()), "a repeat gets the first attempt");
    assert_eq!(b, (303, first.clone()));
    let stored = store.attempts(&learner, Some(MONITOR)).await.expect("read");
    assert_eq!(stored.len(), 1, "stored once");
    assert!(
        stored[0].result.is_some(),
        "and its grade (or why not) recorded"
    );

    // The same key with another answer (the page kept by Back, edited): a new attempt.
    let (status, second) = post(
        &s.base,
        MONITOR,
        &[
            ("answer", "sandbags OR sandbag"),
            ("submission", key.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert_ne!(second, first);
    // A fresh page's key: another attempt, even with the first answer.
    let fresh = key_in(&page(&s.base, MONITOR).await);
    let (_, third) = post(
        &s.base,
        MONITOR,
        &[("answer", "sandbag*"), ("submission", fresh.as_str())],
    )
    .await;
    assert!(third != first && third != second);
    // No key (an older page, a script) or one Sandpit never makes: stored every time.
    for junk in ["", "not-a-key", "'; DROP TABLE attempts; --"] {
        for _ in 0..2 {
            let (status, _) = post(
                &s.base,
                MONITOR,
                &[("answer", "sandbag*"), ("submission", junk)],
            )
            .await;
            assert_eq!(status, 303);
        }
    }
    assert_eq!(
        store
            .attempts(&learner, Some(MONITOR))
            .await
            .expect("read")
            .len(),
        3 + 6
    );

    // Keys are per exercise: the monitoring form's key sent with a rewrite is a rewrite of its own.
    let (status, _) = post(
        &s.base,
        REWRITE,
        &[
            ("post:instagram", "The library reopens on Saturday."),
            ("submission", key.as_str()),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let rewrite_key = key_in(&page(&s.base, REWRITE).await);
    let form = [
        ("post:instagram", "The library reopens on Saturday at 9am."),
        ("submission", rewrite_key.as_str()),
    ];
    let (_, r1) = post(&s.base, REWRITE, &form).await;
    let (_, r2) = post(&s.base, REWRITE, &form).await;
    assert_eq!(r1, r2, "a rewrite's repeat is its first attempt too");
    assert_eq!(
        store
            .attempts(&learner, Some(REWRITE))
            .await
            .expect("read")
            .len(),
        2
    );
}

/// The store's side, on whichever engine the tests run (SQLite, or PostgreSQL in `.ci/run`).
#[tokio::test]
async fn the_store_keeps_one_attempt_per_key() {
    let store = sandpit::store::Store::in_memory().await.expect("store");
    let key = "0123456789abcdef01234567";
    let (a, fresh) = store
        .insert_attempt_once("l1", "ex", "monitor", "flood", key, chrono::Utc::now())
        .await
        .expect("insert");
    assert!(fresh);
    let (b, fresh) = store
        .insert_attempt_once("l1", "ex", "monitor", "flood", key, chrono::Utc::now())
        .await
        .expect("insert");
    assert_eq!((b.as_str(), fresh), (a.as_str(), false));
    // Another learner, or another exercise, with the same key: their own attempt.
    let (c, fresh) = store
        .insert_attempt_once("l2", "ex", "monitor", "flood", key, chrono::Utc::now())
        .await
        .expect("insert");
    assert!(fresh && c != a);
    let (d, fresh) = store
        .insert_attempt_once("l1", "ex2", "monitor", "flood", key, chrono::Utc::now())
        .await
        .expect("insert");
    assert!(fresh && d != a);
    // The same key, another answer: a new attempt.
    let (e, fresh) = store
        .insert_attempt_once("l1", "ex", "monitor", "floods", key, chrono::Utc::now())
        .await
        .expect("insert");
    assert!(fresh && e != a);
    assert_eq!(
        store.attempts("l1", Some("ex")).await.expect("read").len(),
        2
    );
}
