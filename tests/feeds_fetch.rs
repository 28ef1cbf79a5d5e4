//! Live feeds against a local axum server on 127.0.0.1 serving fixture feeds: conditional GET,
//! backoff on server errors, timeouts, the size cap, redirect loops, refused internal
//! addresses, gzip and brotli, malformed XML, HTML instead of a feed, wrong charsets, duplicate
//! items across fetches, Retry-After, one request at a time per host, article pages, and the
//! poller. Nothing here reaches the internet.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sandpit::app::App;
use sandpit::app::feeds::{self, Outcome};
use sandpit::fetch::guard::AddressPolicy;
use sandpit::fetch::{FetchError, FetchOptions, Fetched, Fetcher, Validators};
use sandpit::store::feeds::{FeedRecord, NewFeed, parse_timestamp};

// ------------------------------------------------------------------ the fixture server

#[derive(Default)]
struct Shared {
    port: AtomicUsize,
    hits: Mutex<HashMap<String, usize>>,
    /// Requests under way per Host header, and the most seen at once.
    inflight: Mutex<HashMap<String, usize>>,
    max_inflight: Mutex<HashMap<String, usize>>,
    max_total_inflight: AtomicUsize,
    total_inflight: AtomicUsize,
    user_agents: Mutex<Vec<String>>,
    accept_encodings: Mutex<Vec<String>>,
    sent_encodings: Mutex<Vec<String>>,
    conditional: Mutex<Vec<(String, String)>>,
    version: AtomicUsize,
    recovered: AtomicBool,
}

impl Shared {
    fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .map(|h| h.get(path).copied().unwrap_or(0))
            .unwrap_or(0)
    }
    fn total_hits(&self) -> usize {
        self.hits.lock().map(|h| h.values().sum()).unwrap_or(0)
    }
}

fn rss(items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(guid, title, body)| {
            format!(
                "<item><guid>{guid}</guid><title>{title}</title><description>{body}</description>\
                 <pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Fixture news</title>\
         <link>https://fixture.example.org/</link><description>x</description>{items}</channel></rss>"
    )
}

fn standard_feed() -> String {
    rss(&[
        (
            "https://fixture.example.org/1",
            "Flood warning for Kerrow",
            "Move valuables upstairs. #FloodAlert",
        ),
        (
            "https://fixture.example.org/2",
            "Ferry timetable",
            "Reduced service. @Port_Council",
        ),
        (
            "https://fixture.example.org/3",
            "Bus consultation",
            "Have your say.",
        ),
    ])
}

fn fixture_file(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/data/feeds/files/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_default()
}

fn xml(body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/rss+xml")], body.into()).into_response()
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response()
}

async fn handle(State(s): State<Arc<Shared>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let headers = req.headers().clone();
    let text = |name: header::HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    if let Ok(mut hits) = s.hits.lock() {
        *hits.entry(path.clone()).or_default() += 1;
    }
    if let Ok(mut ua) = s.user_agents.lock() {
        ua.push(text(header::USER_AGENT));
    }
    if let Ok(mut ae) = s.accept_encodings.lock() {
        ae.push(text(header::ACCEPT_ENCODING));
    }
    let port = s.port.load(Ordering::SeqCst);
    match path.as_str() {
        "/feed.xml" => {
            let inm = text(header::IF_NONE_MATCH);
            if let Ok(mut c) = s.conditional.lock() {
                c.push((inm.clone(), text(header::IF_MODIFIED_SINCE)));
            }
            if inm == "\"v1\"" {
                return StatusCode::NOT_MODIFIED.into_response();
            }
            (
                [
                    (header::CONTENT_TYPE, "application/rss+xml"),
                    (header::ETAG, "\"v1\""),
                ],
                standard_feed(),
            )
                .into_response()
        }
        "/lastmod.xml" => {
            let stamp = "Tue, 03 Mar 2026 09:00:00 GMT";
            if text(header::IF_MODIFIED_SINCE) == stamp {
                return StatusCode::NOT_MODIFIED.into_response();
            }
            (
                [
                    (header::CONTENT_TYPE, "application/rss+xml"),
                    (header::LAST_MODIFIED, stamp),
                ],
                standard_feed(),
            )
                .into_response()
        }
        "/changing.xml" => {
            let feed = if s.version.load(Ordering::SeqCst) == 0 {
                rss(&[
                    ("urn:item:a", "First story", "Alpha."),
                    ("urn:item:b", "Second story", "Beta, first draft."),
                ])
            } else {
                rss(&[
                    ("urn:item:b", "Second story, corrected", "Beta, corrected."),
                    ("urn:item:c", "Third story", "Gamma."),
                ])
            };
            xml(feed)
        }
        "/500.xml" => {
            if s.recovered.load(Ordering::SeqCst) {
                xml(standard_feed())
            } else {
                (StatusCode::INTERNAL_SERVER_ERROR, "oops").into_response()
            }
        }
        "/404.xml" => (StatusCode::NOT_FOUND, "no such feed").into_response(),
        "/429.xml" => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "120")],
            "slow down",
        )
            .into_response(),
        "/slow.xml" => {
            tokio::time::sleep(Duration::from_secs(10)).await;
            xml(standard_feed())
        }
        "/huge.xml" => xml(vec![b' '; 2 * 1024 * 1024]),
        "/empty.xml" => xml(Vec::<u8>::new()),
        "/loop/a" => redirect("/loop/b"),
        "/loop/b" => redirect("/loop/a"),
        "/to-feed" => redirect("/feed.xml"),
        p if p.starts_with("/chain/") => {
            let n: usize = p["/chain/".len()..].parse().unwrap_or(0);
            redirect(&format!("/chain/{}", n + 1))
        }
        "/to-loopback" => redirect(&format!("http://127.0.0.2:{port}/feed.xml")),
        "/to-ipv6-loopback" => redirect(&format!("http://[::1]:{port}/feed.xml")),
        "/to-metadata" => redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-file" => redirect("file:///etc/passwd"),
        "/latin1-labelled-utf8.xml" => (
            [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
            fixture_file("rss20_latin1_declared_utf8.xml"),
        )
            .into_response(),
        "/utf8-labelled-latin1.xml" => (
            [(header::CONTENT_TYPE, "text/xml; charset=ISO-8859-1")],
            standard_feed()
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "")
                .replace("Flood warning for Kerrow", "Café fermé à Kerrow"),
        )
            .into_response(),
        "/latin1-http-charset-only.xml" => {
            let mut body = b"<rss version=\"2.0\"><channel><title>T</title><item><guid>urn:l1</guid><title>Caf".to_vec();
            body.push(0xE9);
            body.extend_from_slice(b" au port</title></item></channel></rss>");
            (
                [(header::CONTENT_TYPE, "application/rss+xml; charset=ISO-8859-1")],
                body,
            )
                .into_response()
        }
        p if p.starts_with("/polite/") => {
            let host = text(header::HOST);
            let now_host = {
                let mut inflight = s.inflight.lock().unwrap_or_else(|e| e.into_inner());
                let n = inflight.entry(host.clone()).or_default();
                *n += 1;
                *n
            };
            if let Ok(mut m) = s.max_inflight.lock() {
                let max = m.entry(host.clone()).or_default();
                *max = (*max).max(now_host);
            }
            let total = s.total_inflight.fetch_add(1, Ordering::SeqCst) + 1;
            s.max_total_inflight.fetch_max(total, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(150)).await;
            s.total_inflight.fetch_sub(1, Ordering::SeqCst);
            if let Ok(mut inflight) = s.inflight.lock() {
                *inflight.entry(host).or_default() -= 1;
            }
            xml(rss(&[(p, "Polite item", "Served one at a time.")]))
        }
        "/articles.xml" => xml(format!(
            "<rss version=\"2.0\"><channel><title>Press office</title>\
             <item><title>Statement on flooding</title><link>http://127.0.0.1:{port}/article/1</link><description>Short summary.</description></item>\
             <item><title>Missing page</title><link>http://127.0.0.1:{port}/article/missing</link><description>Summary of a page that is gone.</description></item>\
             </channel></rss>"
        )),
        "/article/1" => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            format!(
                "<html><body><nav><p>Home | News | Contact</p></nav><article><h1>Statement</h1>{}</article><footer><p>Cookie settings</p></footer></body></html>",
                (0..5)
                    .map(|i| format!("<p>Paragraph {i}: the minister said the new flood barrier at Kerrow held through the storm surge overnight.</p>"))
                    .collect::<String>()
            ),
        )
            .into_response(),
        p if p.starts_with("/files/") => xml(fixture_file(&p["/files/".len()..])),
        // Feeds of different publishers whose items share guids: a bare number, and a URL.
        p if p.starts_with("/same-guid/") => xml(rss(&[
            ("1", &format!("Story one from {p}"), "A story."),
            (
                "https://shared.example.org/story",
                &format!("Shared story as {p} tells it"),
                "Another story.",
            ),
        ])),
        _ => (StatusCode::NOT_FOUND, "not here").into_response(),
    }
}

async fn record_encoding(State(s): State<Arc<Shared>>, response: Response) -> Response {
    let enc = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_string();
    if let Ok(mut e) = s.sent_encodings.lock() {
        e.push(enc);
    }
    response
}

struct Fixture {
    shared: Arc<Shared>,
    addr: SocketAddr,
}

impl Fixture {
    async fn start() -> Fixture {
        let shared = Arc::new(Shared::default());
        let compressed_feed = || async { xml(standard_feed()) };
        // 4 MB of spaces: a few kilobytes once compressed, over the cap once decompressed.
        let bomb = || async { xml(vec![b' '; 4 * 1024 * 1024]) };
        let gzip = Router::new()
            .route("/gzip/feed.xml", get(compressed_feed))
            .route("/gzip/bomb.xml", get(bomb))
            .layer(
                tower_http::compression::CompressionLayer::new()
                    .no_br()
                    .no_deflate()
                    .no_zstd(),
            );
        let br = Router::new()
            .route("/br/feed.xml", get(compressed_feed))
            .layer(
                tower_http::compression::CompressionLayer::new()
                    .no_gzip()
                    .no_deflate()
                    .no_zstd(),
            );
        let app = Router::new()
            .merge(gzip)
            .merge(br)
            .layer(axum::middleware::map_response_with_state(
                shared.clone(),
                record_encoding,
            ))
            .fallback(handle)
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        shared.port.store(addr.port() as usize, Ordering::SeqCst);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Fixture { shared, addr }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// Test settings: short timeout, 1 MB cap, and only the fixture server's own address allowed
/// among the internal ones.
fn options() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(1),
        connect_timeout: Duration::from_secs(1),
        max_bytes: 1024 * 1024,
        addresses: AddressPolicy {
            allow_private: false,
            allowed: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
        },
        ..FetchOptions::default()
    }
}

fn fetcher() -> Arc<Fetcher> {
    Arc::new(Fetcher::new(options()).expect("fetcher"))
}

async fn app() -> App {
    App::in_memory().await.expect("in-memory app")
}

/// Registers a feed directly (the add-time check would refuse 127.0.0.1, rightly).
async fn feed(app: &App, corpus: &str, url: &str) -> FeedRecord {
    if app.store.corpus(corpus).await.ok().flatten().is_none() {
        app.store
            .upsert_corpus(corpus, "", "", "feeds", "")
            .await
            .expect("corpus");
    }
    app.store
        .add_feed(&NewFeed {
            corpus: corpus.into(),
            url: url.into(),
            interval_minutes: 60,
            ..NewFeed::default()
        })
        .await
        .expect("add feed")
        .0
}

async fn reload(app: &App, f: &FeedRecord) -> FeedRecord {
    app.store
        .feed(&f.id)
        .await
        .expect("db")
        .expect("feed still there")
}

async fn fetch_one(app: &App, fetcher: &Fetcher, f: &FeedRecord) -> feeds::FetchReport {
    let f = reload(app, f).await;
    feeds::fetch_feed(app, fetcher, &f).await.expect("db works")
}

fn minutes_until(t: &str, from: &str) -> i64 {
    let t = parse_timestamp(t).expect("timestamp");
    let from = parse_timestamp(from).expect("timestamp");
    (t - from).num_minutes()
}

// ------------------------------------------------------------------ tests

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
async fn malformed_xml_html_and_empty_bodies_are_not_feeds() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let cases = [
        ("/files/broken_mismatched_tags.xml", "the XML is broken"),
        ("/files/broken_html_page.xml", "web page (HTML)"),
        ("/files/broken_truncated_rss_10pct.xml", "cut short"),
        ("/files/broken_binary_junk.xml", "binary data"),
        ("/empty.xml", "empty response"),
    ];
    for (path, words) in cases {
        let f = feed(&app, "live", &server.url(path)).await;
        let report = fetch_one(&app, &fetcher, &f).await;
        assert_eq!(report.outcome, Outcome::Error, "{path}");
        assert_eq!(report.error_kind, "not-a-feed", "{path}: {report}");
        assert!(report.message.contains(words), "{path}: {}", report.message);
        let after = reload(&app, &f).await;
        assert_eq!(after.last_error_kind, "not-a-feed");
        assert_eq!(after.etag, "", "no validators kept for an unreadable body");
    }
    // A file that breaks after some complete items keeps them, and says what was lost.
    let f = feed(
        &app,
        "live",
        &server.url("/files/broken_truncated_rss_90pct.xml"),
    )
    .await;
    let report = fetch_one(&app, &fetcher, &f).await;
    assert_eq!(report.outcome, Outcome::Ok, "{report}");
    assert_eq!(report.added, 5);
    assert!(
        report.notes.iter().any(|n| n.contains("cut short")),
        "{:?}",
        report.notes
    );
}

#[tokio::test]
async fn wrong_charset_declarations_are_read_right() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    for path in [
        "/latin1-labelled-utf8.xml",
        "/utf8-labelled-latin1.xml",
        "/latin1-http-charset-only.xml",
    ] {
        let f = feed(&app, "live", &server.url(path)).await;
        let report = fetch_one(&app, &fetcher, &f).await;
        assert_eq!(report.outcome, Outcome::Ok, "{path}: {report}");
    }
    // Item ids are the feed's address, '#', and the item's own id.
    let doc = |path: &str, id: &str| {
        let app = app.clone();
        let id = format!("{}#{id}", server.url(path));
        async move { app.document("live", &id).await.expect("document") }
    };
    assert_eq!(
        doc("/latin1-labelled-utf8.xml", "https://latin.example.fr/1")
            .await
            .title,
        "Café, crème brûlée et façades"
    );
    assert_eq!(
        doc("/utf8-labelled-latin1.xml", "https://fixture.example.org/1")
            .await
            .title,
        "Café fermé à Kerrow"
    );
    assert_eq!(
        doc("/latin1-http-charset-only.xml", "urn:l1").await.title,
        "Café au port"
    );
}

#[tokio::test]
async fn items_seen_again_replace_rather_than_duplicate() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let f = feed(&app, "live", &server.url("/changing.xml")).await;
    let first = fetch_one(&app, &fetcher, &f).await;
    assert_eq!((first.added, first.replaced), (2, 0));
    server.shared.version.store(1, Ordering::SeqCst);
    let second = fetch_one(&app, &fetcher, &f).await;
    assert_eq!((second.added, second.replaced), (1, 1), "{second}");
    assert_eq!(app.index.count("live").expect("count"), 3);
    let b = app
        .document("live", &format!("{}#urn:item:b", f.url))
        .await
        .expect("b");
    assert_eq!(b.title, "Second story, corrected");
    let third = fetch_one(&app, &fetcher, &f).await;
    assert_eq!((third.added, third.replaced), (0, 2));
    assert_eq!(app.index.count("live").expect("count"), 3);
    assert_eq!(reload(&app, &f).await.items_added, 3);
}

/// Item ids are unique per feed: two feeds whose items have the same guids (a number, a URL)
/// both keep their stories in one corpus, and fetching a feed again replaces its items.
#[tokio::test]
async fn feeds_sharing_guids_both_keep_their_items() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let a = feed(&app, "live", &server.url("/same-guid/a.xml")).await;
    let b = feed(&app, "live", &server.url("/same-guid/b.xml")).await;
    let first_a = fetch_one(&app, &fetcher, &a).await;
    let first_b = fetch_one(&app, &fetcher, &b).await;
    assert_eq!((first_a.added, first_a.replaced), (2, 0), "{first_a}");
    assert_eq!((first_b.added, first_b.replaced), (2, 0), "{first_b}");
    assert_eq!(app.index.count("live").expect("count"), 4);
    let story = |f: &FeedRecord, id: &str| {
        let app = app.clone();
        let id = format!("{}#{id}", f.url);
        async move { app.document("live", &id).await.expect("document").title }
    };
    assert_eq!(story(&a, "1").await, "Story one from /same-guid/a.xml");
    assert_eq!(story(&b, "1").await, "Story one from /same-guid/b.xml");
    assert_eq!(
        story(&b, "https://shared.example.org/story").await,
        "Shared story as /same-guid/b.xml tells it"
    );
    // The same items fetched again stay one document each.
    let again = fetch_one(&app, &fetcher, &a).await;
    assert_eq!((again.added, again.replaced), (0, 2), "{again}");
    assert_eq!(app.index.count("live").expect("count"), 4);
}

/// A data directory from before ids were unique per feed holds a feed's URL-guid items under
/// the bare guid. Fetching that feed again updates them where they are: no duplicates.
#[tokio::test]
async fn items_stored_under_the_old_ids_are_not_duplicated() {
    use sandpit::ingest::feed::{FeedKey, FeedOrigin, legacy_fetched_id, parse};
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let url = server.url("/feed.xml");
    // What the previous version stored for this feed.
    let mut old = parse(
        standard_feed().as_bytes(),
        &FeedOrigin {
            origin: &url,
            source: None,
            now: chrono::Utc::now(),
            key: FeedKey::Url(&url),
        },
    )
    .documents;
    for doc in &mut old {
        doc.id = legacy_fetched_id(&url, &doc.id).expect("a URL guid");
    }
    let f = feed(&app, "live", &url).await;
    app.index.write("live", old).expect("write");
    assert_eq!(app.index.count("live").expect("count"), 3);
    let report = fetch_one(&app, &fetcher, &f).await;
    assert_eq!((report.added, report.replaced), (0, 3), "{report}");
    assert_eq!(app.index.count("live").expect("count"), 3);
    let kept = app
        .document("live", "https://fixture.example.org/2")
        .await
        .expect("the old id is kept");
    assert_eq!(kept.title, "Ferry timetable");
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
async fn article_pages_are_fetched_when_the_feed_asks() {
    let server = Fixture::start().await;
    let app = app().await;
    let fetcher = fetcher();
    let f = feed(&app, "live", &server.url("/articles.xml")).await;
    app.store
        .set_feed_options(&f.id, true, 60)
        .await
        .expect("options");
    let report = fetch_one(&app, &fetcher, &f).await;
    assert_eq!(report.outcome, Outcome::Ok, "{report}");
    let port = server.addr.port();
    let doc = app
        .document(
            "live",
            &format!("{}#http://127.0.0.1:{port}/article/1", f.url),
        )
        .await
        .expect("doc");
    assert!(
        doc.body.contains("flood barrier at Kerrow held"),
        "{}",
        doc.body
    );
    assert!(!doc.body.contains("Cookie settings"));
    // A missing article keeps the feed's summary and is noted.
    let missing = app
        .document(
            "live",
            &format!("{}#http://127.0.0.1:{port}/article/missing", f.url),
        )
        .await
        .expect("doc");
    assert_eq!(missing.body, "Summary of a page that is gone.");
    assert!(
        report.notes.iter().any(|n| n.contains("not found")),
        "{:?}",
        report.notes
    );
    // Known items are not fetched again.
    let before = server.shared.hits("/article/1");
    fetch_one(&app, &fetcher, &f).await;
    assert_eq!(server.shared.hits("/article/1"), before);
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
