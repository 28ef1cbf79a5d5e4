//! When feeds are fetched, against a local axum server on 127.0.0.1 serving fixture feeds:
//! backoff on server errors, Retry-After for the feed and its host, one request at a time per
//! host, a bad feed never stopping the others, and the poller. Nothing here reaches the
//! internet.

mod feeds_support;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use feeds_support::{Fixture, app, feed, fetch_one, fetcher, minutes_until, options, reload};
use sandpit::app::feeds::{self, Outcome};
use sandpit::fetch::guard::AddressPolicy;
use sandpit::fetch::{FetchOptions, Fetcher};
use sandpit::store::feeds::FeedRecord;

#[tokio::test]
async fn server_errors_back_off_and_recover() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let f = feed(&app, "live", &server.url("/500.xml")).await;
    for n in 1..=3 {
        let report = fetch_one(&app, &fetcher, &f).await;
        assert_eq!(report.outcome, Outcome::Error);
        assert_eq!(report.error_kind, "server-error");
        assert!(report.message.contains("HTTP 500"), "{}", report.message);
        let after = reload(&app, &f).await;
        assert_eq!(after.consecutive_failures, n);
        assert_eq!(after.last_status, "error");
        let attempted = after.last_attempt_at.clone().unwrap_or_default();
        // 60 minutes doubled for each failure in a row.
        assert_eq!(
            minutes_until(&after.next_fetch_at, &attempted),
            60 * (1 << n)
        );
    }
    // The schedule keeps a backing-off feed waiting: no request is made.
    let before = server.shared.hits("/500.xml");
    let due = feeds::fetch_due(&app, fetcher.clone()).await.expect("db");
    assert!(due.is_empty());
    assert_eq!(server.shared.hits("/500.xml"), before);
    // Once the site works again, one success resets the count.
    server.shared.recovered.store(true, Ordering::SeqCst);
    let report = fetch_one(&app, &fetcher, &f).await;
    assert_eq!(report.outcome, Outcome::Ok, "{report}");
    let after = reload(&app, &f).await;
    assert_eq!(after.consecutive_failures, 0);
    assert_eq!(after.last_error, "", "a success clears the error");
    assert_eq!(after.last_status, "ok");
    let attempted = after.last_attempt_at.clone().unwrap_or_default();
    assert_eq!(minutes_until(&after.next_fetch_at, &attempted), 60);
}

#[tokio::test]
async fn retry_after_is_honoured_for_the_feed_and_its_host() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let limited = feed(&app, "live", &server.url("/429.xml")).await;
    let other = feed(&app, "live", &server.url("/feed.xml")).await;
    let report = fetch_one(&app, &fetcher, &limited).await;
    assert_eq!(report.error_kind, "rate-limited", "{report}");
    assert!(report.message.contains("2 minutes"), "{}", report.message);
    let after = reload(&app, &limited).await;
    let attempted = after.last_attempt_at.clone().unwrap_or_default();
    let not_before = after.not_before.clone().unwrap_or_default();
    assert_eq!(minutes_until(&not_before, &attempted), 2);
    // Asking again at once: the feed waits, and no request is made.
    let again = fetch_one(&app, &fetcher, &limited).await;
    assert_eq!(again.outcome, Outcome::Waiting, "{again}");
    assert_eq!(server.shared.hits("/429.xml"), 1);
    // Another feed on the same host waits too (the host asked, not the feed).
    let report = fetch_one(&app, &fetcher, &other).await;
    assert_eq!(report.outcome, Outcome::Waiting, "{report}");
    assert_eq!(server.shared.hits("/feed.xml"), 0);
    assert_eq!(reload(&app, &other).await.consecutive_failures, 0);
}

#[tokio::test]
async fn one_request_at_a_time_per_host() {
    let server = Fixture::start().await;
    let app = app().await;
    let port = server.addr.port();
    let mut list = Vec::new();
    for i in 0..4 {
        list.push(
            feed(
                &app,
                "live",
                &format!("http://127.0.0.1:{port}/polite/{i}.xml"),
            )
            .await,
        );
    }
    // A second host name for the same server: it may run alongside the first.
    let open = Arc::new(
        Fetcher::new(FetchOptions {
            addresses: AddressPolicy {
                allow_private: true,
                allowed: vec![],
            },
            ..options()
        })
        .expect("fetcher"),
    );
    for i in 0..4 {
        list.push(
            feed(
                &app,
                "live",
                &format!("http://localhost:{port}/polite/l{i}.xml"),
            )
            .await,
        );
    }
    let started = Instant::now();
    let reports = feeds::fetch_all(&app, open, list).await;
    assert!(
        reports.iter().all(|r| r.outcome == Outcome::Ok),
        "{reports:#?}"
    );
    let max = server
        .shared
        .max_inflight
        .lock()
        .map(|m| m.clone())
        .unwrap_or_default();
    assert!(!max.is_empty());
    for (host, n) in &max {
        assert_eq!(*n, 1, "{host} had {n} requests at once");
    }
    // Two hosts did overlap, so politeness is per host, not global.
    assert_eq!(server.shared.max_total_inflight.load(Ordering::SeqCst), 2);
    assert!(started.elapsed() >= Duration::from_millis(4 * 150));
}

#[tokio::test]
async fn a_bad_feed_never_stops_the_others() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let urls = [
        ("/feed.xml", ""),
        ("/404.xml", "not-found"),
        ("/500.xml", "server-error"),
        ("/files/broken_html_page.xml", "not-a-feed"),
        ("/slow.xml", "timed-out"),
        ("/huge.xml", "too-large"),
        ("/loop/a", "redirects"),
        ("/to-metadata", "blocked"),
    ];
    let mut list = Vec::new();
    for (path, _) in urls {
        list.push(feed(&app, "live", &server.url(path)).await);
    }
    // A feed whose host does not exist (the .invalid domain never resolves).
    list.push(feed(&app, "live", "http://sandpit-test.invalid/feed.xml").await);
    let reports = feeds::fetch_all(&app, fetcher, list.clone()).await;
    assert_eq!(reports.len(), urls.len() + 1);
    for (report, (path, kind)) in reports.iter().zip(urls) {
        assert_eq!(report.error_kind, kind, "{path}: {report}");
    }
    assert_eq!(reports[0].added, 3);
    assert_eq!(reports[urls.len()].error_kind, "no-such-host");
    // Each status is saved, with words a trainer understands.
    let saved = app.store.feeds(Some("live")).await.expect("feeds");
    let by_url: HashMap<String, FeedRecord> =
        saved.into_iter().map(|f| (f.url.clone(), f)).collect();
    let status = |path: &str| by_url.get(&server.url(path)).cloned().expect("feed");
    assert!(status("/404.xml").last_error.starts_with("not found"));
    assert!(status("/slow.xml").last_error.starts_with("timed out"));
    assert!(status("/huge.xml").last_error.starts_with("too large"));
    assert!(
        status("/to-metadata")
            .last_error
            .starts_with("blocked address")
    );
    assert_eq!(status("/feed.xml").last_status, "ok");
    assert_eq!(status("/feed.xml").items_added, 3);
}

#[tokio::test]
async fn the_poller_does_nothing_without_feeds_then_fetches_due_ones() {
    let server = Fixture::start().await;
    let app = app().await;
    let poller = tokio::spawn(feeds::poll(
        app.clone(),
        options(),
        Duration::from_millis(50),
    ));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.shared.total_hits(), 0);
    let f = feed(&app, "live", &server.url("/feed.xml")).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let now = reload(&app, &f).await;
        if now.last_status == "ok" {
            assert_eq!(now.items_added, 3);
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the poller never fetched the feed"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Fetched once, then not again until its interval is up.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.shared.hits("/feed.xml"), 1);
    // "Fetch now" from the trainer page makes it due; the poller picks it up.
    app.store
        .make_feeds_due(Some("live"), None)
        .await
        .expect("due");
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.shared.hits("/feed.xml") < 2 {
        assert!(Instant::now() < deadline, "fetch-now was not picked up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    poller.abort();
}
