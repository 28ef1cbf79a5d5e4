//! Shared by the feeds_* tests that fetch: a local axum server on 127.0.0.1 (port 0) serving
//! fixture feeds and recording what it was asked, and an in-memory app with feeds registered
//! directly. Nothing here reaches the internet.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sandpit::app::App;
use sandpit::app::feeds;
use sandpit::fetch::guard::AddressPolicy;
use sandpit::fetch::{FetchOptions, Fetcher};
use sandpit::store::feeds::{FeedRecord, NewFeed, parse_timestamp};

// ------------------------------------------------------------------ the fixture server

#[derive(Default)]
pub struct Shared {
    pub port: AtomicUsize,
    pub hits: Mutex<HashMap<String, usize>>,
    /// Requests under way per Host header, and the most seen at once.
    pub inflight: Mutex<HashMap<String, usize>>,
    pub max_inflight: Mutex<HashMap<String, usize>>,
    pub max_total_inflight: AtomicUsize,
    pub total_inflight: AtomicUsize,
    pub user_agents: Mutex<Vec<String>>,
    pub accept_encodings: Mutex<Vec<String>>,
    pub sent_encodings: Mutex<Vec<String>>,
    pub conditional: Mutex<Vec<(String, String)>>,
    pub version: AtomicUsize,
    pub recovered: AtomicBool,
}

impl Shared {
    pub fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .map(|h| h.get(path).copied().unwrap_or(0))
            .unwrap_or(0)
    }
    pub fn total_hits(&self) -> usize {
        self.hits.lock().map(|h| h.values().sum()).unwrap_or(0)
    }
}

pub fn rss(items: &[(&str, &str, &str)]) -> String {
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

pub fn standard_feed() -> String {
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

pub fn fixture_file(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/data/feeds/files/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap_or_default()
}

pub fn xml(body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/rss+xml")], body.into()).into_response()
}

pub fn redirect(to: &str) -> Response {
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

pub struct Fixture {
    pub shared: Arc<Shared>,
    pub addr: SocketAddr,
}

impl Fixture {
    pub async fn start() -> Fixture {
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

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// Test settings: short timeout, 1 MB cap, and only the fixture server's own address allowed
/// among the internal ones.
pub fn options() -> FetchOptions {
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

pub fn fetcher() -> Arc<Fetcher> {
    Arc::new(Fetcher::new(options()).expect("fetcher"))
}

pub async fn app() -> App {
    App::in_memory().await.expect("in-memory app")
}

/// Registers a feed directly (the add-time check would refuse 127.0.0.1, rightly).
pub async fn feed(app: &App, corpus: &str, url: &str) -> FeedRecord {
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

pub async fn reload(app: &App, f: &FeedRecord) -> FeedRecord {
    app.store
        .feed(&f.id)
        .await
        .expect("db")
        .expect("feed still there")
}

pub async fn fetch_one(app: &App, fetcher: &Fetcher, f: &FeedRecord) -> feeds::FetchReport {
    let f = reload(app, f).await;
    feeds::fetch_feed(app, fetcher, &f).await.expect("db works")
}

pub fn minutes_until(t: &str, from: &str) -> i64 {
    let t = parse_timestamp(t).expect("timestamp");
    let from = parse_timestamp(from).expect("timestamp");
    (t - from).num_minutes()
}
