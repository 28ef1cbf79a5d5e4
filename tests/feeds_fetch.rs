//! Fetching feeds over HTTP, against a local axum server on 127.0.0.1 serving fixture feeds:
//! conditional GET, timeouts, the size cap, redirects and redirect loops, refused internal
//! addresses, gzip and brotli, an honest User-Agent, and TLS failures and missing feeds named.
//! Nothing here reaches the internet.

mod feeds_support;

use std::time::{Duration, Instant};

use feeds_support::{Fixture, app, feed, fetch_one, fetcher, options, reload};
use sandpit::app::feeds::{self, Outcome};
use sandpit::fetch::guard::AddressPolicy;
use sandpit::fetch::{FetchError, FetchOptions, Fetched, Fetcher, Validators};

#[tokio::test]
async fn second_fetch_is_a_304_and_costs_nothing() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let f = feed(&app, "live", &server.url("/feed.xml")).await;
    let first = fetch_one(&app, &fetcher, &f).await;
    assert_eq!(first.outcome, Outcome::Ok, "{first}");
    assert_eq!(first.added, 3);
    let second = fetch_one(&app, &fetcher, &f).await;
    assert_eq!(second.outcome, Outcome::NotModified, "{second}");
    assert_eq!(second.added + second.replaced, 0);
    let cond = server
        .shared
        .conditional
        .lock()
        .map(|c| c.clone())
        .unwrap_or_default();
    assert_eq!(cond.len(), 2);
    assert_eq!(cond[0].0, "", "the first request had no validator");
    assert_eq!(cond[1].0, "\"v1\"", "the second sent the ETag back");
    let after = reload(&app, &f).await;
    assert_eq!(after.last_status, "not-modified");
    assert_eq!(after.items_added, 3);
    assert!(after.last_success_at.is_some());
    assert_eq!(app.index.count("live").expect("count"), 3);

    // Last-Modified alone works the same way.
    let g = feed(&app, "live", &server.url("/lastmod.xml")).await;
    assert_eq!(fetch_one(&app, &fetcher, &g).await.outcome, Outcome::Ok);
    assert_eq!(
        fetch_one(&app, &fetcher, &g).await.outcome,
        Outcome::NotModified
    );
}

#[tokio::test]
async fn a_slow_server_hits_the_timeout() {
    let server = Fixture::start().await;
    let fetcher = fetcher();
    let started = Instant::now();
    let result = fetcher
        .fetch_feed(&server.url("/slow.xml"), &Validators::default())
        .await;
    let err = result.expect_err("a timeout");
    assert_eq!(err.kind(), "timed-out", "{err}");
    assert!(err.to_string().starts_with("timed out"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn bodies_over_the_cap_are_refused() {
    let server = Fixture::start().await;
    let fetcher = fetcher();
    for path in ["/huge.xml", "/gzip/bomb.xml"] {
        let err = fetcher
            .fetch_feed(&server.url(path), &Validators::default())
            .await
            .expect_err("too large");
        assert!(matches!(err, FetchError::TooLarge(_)), "{path}: {err}");
        assert!(err.to_string().contains("too large"), "{err}");
    }
    // The bomb really was sent compressed: the cap applies after decompression.
    let sent = server
        .shared
        .sent_encodings
        .lock()
        .map(|e| e.clone())
        .unwrap_or_default();
    assert!(sent.iter().any(|e| e == "gzip"), "{sent:?}");
}

#[tokio::test]
async fn redirects_are_followed_but_loops_and_chains_are_stopped() {
    let server = Fixture::start().await;
    let fetcher = fetcher();
    let ok = fetcher
        .fetch_feed(&server.url("/to-feed"), &Validators::default())
        .await
        .expect("a plain redirect is followed");
    match ok {
        Fetched::Body(body) => assert!(body.final_url.ends_with("/feed.xml")),
        Fetched::NotModified => panic!("unexpected 304"),
    }
    let err = fetcher
        .fetch_feed(&server.url("/loop/a"), &Validators::default())
        .await
        .expect_err("a loop");
    assert_eq!(err, FetchError::RedirectLoop, "{err}");
    assert!(err.to_string().starts_with("redirect loop"));
    let err = fetcher
        .fetch_feed(&server.url("/chain/0"), &Validators::default())
        .await
        .expect_err("a long chain");
    assert_eq!(err, FetchError::TooManyRedirects(5), "{err}");
    assert!(server.shared.hits("/chain/5") == 1 && server.shared.hits("/chain/6") == 0);
}

#[tokio::test]
async fn internal_addresses_are_refused_before_and_after_redirects() {
    let server = Fixture::start().await;
    // Without an allowance, the fixture server itself (127.0.0.1) is refused, unasked.
    let strict = Fetcher::new(FetchOptions {
        addresses: AddressPolicy::default(),
        ..options()
    })
    .expect("fetcher");
    let err = strict
        .fetch_feed(&server.url("/feed.xml"), &Validators::default())
        .await
        .expect_err("blocked");
    assert_eq!(err.kind(), "blocked", "{err}");
    assert!(err.to_string().contains("blocked address"), "{err}");
    // A host name is checked after DNS resolution: localhost resolves to loopback.
    let err = strict
        .fetch_feed(
            &format!("http://localhost:{}/feed.xml", server.addr.port()),
            &Validators::default(),
        )
        .await
        .expect_err("blocked after resolution");
    assert_eq!(err.kind(), "blocked", "{err}");
    assert_eq!(
        server.shared.total_hits(),
        0,
        "no request reached the server"
    );

    // With only 127.0.0.1 allowed, each redirect is checked on its own.
    let fetcher = fetcher();
    for path in ["/to-loopback", "/to-ipv6-loopback", "/to-metadata"] {
        let err = fetcher
            .fetch_feed(&server.url(path), &Validators::default())
            .await
            .expect_err("redirect refused");
        assert_eq!(err.kind(), "blocked", "{path}: {err}");
    }
    let err = fetcher
        .fetch_feed(&server.url("/to-file"), &Validators::default())
        .await
        .expect_err("file: refused");
    assert_eq!(err.kind(), "redirects", "{err}");
    assert!(err.to_string().contains("file:///etc/passwd"), "{err}");

    // --allow-private-feeds lets everything through.
    let open = Fetcher::new(FetchOptions {
        addresses: AddressPolicy {
            allow_private: true,
            allowed: vec![],
        },
        ..options()
    })
    .expect("fetcher");
    assert!(
        open.fetch_feed(&server.url("/feed.xml"), &Validators::default())
            .await
            .is_ok()
    );

    // Adding a feed at an internal IP address is refused at once, with the reason.
    let app = app().await;
    let err = feeds::add_feed(
        &app,
        feeds::AddFeed {
            corpus: "live".into(),
            url: server.url("/feed.xml"),
            ..feeds::AddFeed::default()
        },
    )
    .await
    .expect_err("refused");
    assert!(
        err.to_string().contains("internal network address"),
        "{err}"
    );
}

#[tokio::test]
async fn gzip_and_brotli_are_decoded() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    for path in ["/gzip/feed.xml", "/br/feed.xml"] {
        let f = feed(&app, "live", &server.url(path)).await;
        let report = fetch_one(&app, &fetcher, &f).await;
        assert_eq!(report.outcome, Outcome::Ok, "{path}: {report}");
    }
    let sent = server
        .shared
        .sent_encodings
        .lock()
        .map(|e| e.clone())
        .unwrap_or_default();
    assert!(sent.contains(&"gzip".to_string()), "{sent:?}");
    assert!(sent.contains(&"br".to_string()), "{sent:?}");
    let asked = server
        .shared
        .accept_encodings
        .lock()
        .map(|e| e.clone())
        .unwrap_or_default();
    assert!(
        asked.iter().all(|a| a.contains("gzip") && a.contains("br")),
        "{asked:?}"
    );
    // Two feeds (the same items at two addresses): item ids are unique per feed.
    assert_eq!(app.index.count("live").expect("count"), 6);
}

#[tokio::test]
async fn the_user_agent_is_honest() {
    let server = Fixture::start().await;
    let _ = fetcher()
        .fetch_feed(&server.url("/feed.xml"), &Validators::default())
        .await;
    let ua = server
        .shared
        .user_agents
        .lock()
        .map(|u| u.clone())
        .unwrap_or_default();
    assert!(ua[0].starts_with("Sandpit/"), "{ua:?}");
}

#[tokio::test]
async fn tls_failures_and_missing_feeds_are_named() {
    let server = Fixture::start().await;
    let fetcher = fetcher();
    // The fixture server speaks plain HTTP: a TLS handshake with it fails.
    let err = fetcher
        .fetch_feed(
            &format!("https://127.0.0.1:{}/feed.xml", server.addr.port()),
            &Validators::default(),
        )
        .await
        .expect_err("no TLS");
    assert_eq!(err.kind(), "tls", "{err}");
    assert!(err.to_string().starts_with("TLS failure"), "{err}");
    let err = fetcher
        .fetch_feed(&server.url("/404.xml"), &Validators::default())
        .await
        .expect_err("404");
    assert_eq!(err.kind(), "not-found");
}
