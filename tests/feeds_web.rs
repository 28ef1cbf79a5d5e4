//! The trainer's Live feeds page over HTTP: statuses in plain words, forms that work without
//! JavaScript (POST, then a redirect), errors beside their fields with a summary at the top,
//! OPML upload and download, and feed text that cannot inject markup.

mod support;

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use chrono::Utc;
use sandpit::app::feeds;
use sandpit::fetch::guard::AddressPolicy;
use sandpit::fetch::{FetchOptions, Fetcher};
use sandpit::store::feeds::{FeedStatus, FetchRecord, NewFeed};
use support::{Client, Server, Setup, http_client as client, serve_router};

async fn page(s: &Server) -> String {
    let r = client()
        .get(format!("{}/feeds", s.base))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status().as_u16(), 200);
    r.text().await.expect("body")
}

async fn post(s: &Server, path: &str, form: &[(&str, &str)]) -> (u16, String, String) {
    let r = Client::new(&s.base).post(path, form).await;
    (r.status, r.location, r.body)
}

#[tokio::test]
async fn empty_page_offers_the_ways_to_start() {
    let s = support::start(Setup::EMPTY).await;
    let body = page(&s).await;
    assert!(body.contains("<h1>Live feeds</h1>"));
    assert!(body.contains("No live feeds yet"));
    assert!(body.contains("action=\"/feeds/add\""));
    assert!(body.contains("action=\"/feeds/import\""));
    assert!(body.contains("enctype=\"multipart/form-data\""));
    assert!(body.contains("Add the starter list"));
    assert!(!body.contains("<script"), "no script needed");
}

#[tokio::test]
async fn bad_input_is_shown_beside_its_field_with_a_summary() {
    let s = support::start(Setup::EMPTY).await;
    let (status, _, body) = post(
        &s,
        "/feeds/add",
        &[
            ("corpus", ""),
            ("url", "javascript:alert('x')"),
            ("interval", "60"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("There is a problem"));
    assert!(body.contains("href=\"#add-corpus\""), "{body}");
    assert!(body.contains("href=\"#add-url\""));
    assert!(body.contains("id=\"add-url-error\""));
    assert!(body.contains("Enter the name of the corpus"));
    assert!(body.contains("javascript:"));
    // What was typed comes back, escaped.
    assert!(
        body.contains("value=\"javascript:alert(&#39;x&#39;)\"")
            || body.contains("value=\"javascript:alert(&#x27;x&#x27;)\""),
        "{body}"
    );
    assert!(body.contains("<title>Error: Live feeds"));

    let (status, _, body) = post(
        &s,
        "/feeds/add",
        &[
            ("corpus", "live"),
            ("url", "http://10.0.0.1/feed.xml"),
            ("interval", "60"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("internal network address"), "{body}");

    let (status, _, body) = post(
        &s,
        "/feeds/add",
        &[
            ("corpus", "live"),
            ("url", "https://example.org/feed"),
            ("interval", "1"),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("href=\"#add-interval\""), "{body}");
}

#[tokio::test]
async fn add_fetch_now_and_remove_with_post_and_redirect() {
    let s = support::start(Setup::EMPTY).await;
    let (status, location, _) = post(
        &s,
        "/feeds/add",
        &[
            ("corpus", "live"),
            ("url", "https://www.example.gov/news.atom"),
            ("title", "Example news"),
            ("interval", "30"),
            ("articles", "yes"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(location, "/feeds?done=added");
    let body = page(&s).await;
    assert!(body.contains("Example news"));
    assert!(body.contains("https://www.example.gov/news.atom"));
    assert!(body.contains("Not fetched yet"));
    assert!(body.contains("Also fetches each item"));
    let feed = s.app.store.feeds(Some("live")).await.expect("feeds")[0].clone();
    assert_eq!(feed.interval_minutes, 30);
    assert!(feed.fetch_articles);

    // The same feed again is not a second feed.
    let (_, location, _) = post(
        &s,
        "/feeds/add",
        &[
            ("corpus", "live"),
            ("url", "https://www.example.gov/news.atom"),
        ],
    )
    .await;
    assert_eq!(location, "/feeds?done=exists");

    // Fetch now: the feed becomes due at once (the poller does the fetching).
    s.app
        .store
        .set_next_fetch(&feed.id, Utc::now() + chrono::Duration::hours(5))
        .await
        .expect("schedule");
    let (status, location, _) = post(&s, "/feeds/fetch", &[("id", &feed.id)]).await;
    assert_eq!((status, location.as_str()), (303, "/feeds?done=queued&n=1"));
    assert_eq!(
        s.app.store.due_feeds(Utc::now()).await.expect("due").len(),
        1
    );
    let r = client()
        .get(format!("{}{location}", s.base))
        .send()
        .await
        .expect("get");
    let body = r.text().await.expect("body");
    assert!(
        body.contains("1 feed will be fetched within a few seconds"),
        "{body}"
    );

    let (status, location, _) = post(&s, "/feeds/remove", &[("id", &feed.id)]).await;
    assert_eq!((status, location.as_str()), (303, "/feeds?done=removed"));
    assert!(page(&s).await.contains("No live feeds yet"));
    let (status, _, _) = post(&s, "/feeds/remove", &[("id", &feed.id)]).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn statuses_are_in_plain_words_and_feed_text_is_escaped() {
    let s = support::start(Setup::EMPTY).await;
    s.app
        .store
        .upsert_corpus("live", "", "", "feeds", "")
        .await
        .expect("corpus");
    let add = |url: &str, title: &str| NewFeed {
        corpus: "live".into(),
        url: url.into(),
        title: title.into(),
        interval_minutes: 60,
        ..NewFeed::default()
    };
    let (bad, _) = s
        .app
        .store
        .add_feed(&add(
            "https://gone.example.org/feed",
            "<script>alert(1)</script> Gone",
        ))
        .await
        .expect("feed");
    let (good, _) = s
        .app
        .store
        .add_feed(&add("https://ok.example.org/feed", "Working feed"))
        .await
        .expect("feed");
    let now = Utc::now();
    s.app
        .store
        .save_fetch(
            &bad.id,
            &FetchRecord {
                attempted_at: now,
                status: FeedStatus::Error,
                error_kind: "not-found".into(),
                error: "not found (HTTP 404): there is no feed at this address any more; check it in a browser".into(),
                consecutive_failures: 3,
                next_fetch_at: now + chrono::Duration::hours(8),
                ..FetchRecord::default()
            },
        )
        .await
        .expect("save");
    s.app
        .store
        .save_fetch(
            &good.id,
            &FetchRecord {
                attempted_at: now,
                status: FeedStatus::Ok,
                added: 12,
                replaced: 2,
                notes:
                    "https://ok.example.org/feed: 3 item(s) had no date; they took the feed's date"
                        .into(),
                validators: Some(("\"e1\"".into(), String::new())),
                next_fetch_at: now + chrono::Duration::hours(1),
                ..FetchRecord::default()
            },
        )
        .await
        .expect("save");
    let body = page(&s).await;
    assert!(body.contains("Failing"));
    assert!(body.contains("not found (HTTP 404)"));
    assert!(body.contains("3 failures in a row"));
    assert!(body.contains("Working"));
    assert!(body.contains("Last fetch: 12 new, 2 updated."));
    assert!(body.contains("Notes from the last fetch (1)"));
    assert!(!body.contains("<script>alert(1)</script>"));
    assert!(
        body.contains("&lt;script&gt;") || body.contains("&#60;script&#62;"),
        "the title is shown, escaped"
    );
}

#[tokio::test]
async fn opml_upload_starter_list_and_download() {
    let s = support::start(Setup::EMPTY).await;
    let opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Mine</title></head><body>\
        <outline text=\"One\" xmlUrl=\"https://one.example.org/rss\"/>\
        <outline text=\"Two\" xmlUrl=\"https://two.example.org/atom\"/>\
        <outline text=\"Bad\" xmlUrl=\"mailto:someone@example.org\"/></body></opml>";
    let boundary = "sandpit-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"corpus\"\r\n\r\nmine\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"opml\"; filename=\"mine.opml\"\r\nContent-Type: text/x-opml\r\n\r\n{opml}\r\n\
         --{boundary}--\r\n"
    );
    let r = client()
        .post(format!("{}/feeds/import", s.base))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .expect("upload");
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"]
        .to_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(location, "/feeds?done=imported&n=2&skipped=1");
    let r = client()
        .get(format!("{}{location}", s.base))
        .send()
        .await
        .expect("get");
    let text = r.text().await.expect("body");
    assert!(
        text.contains("2 feeds added from the list. 1 entry could not be used."),
        "{text}"
    );

    // An upload that is not OPML says so, beside the file field.
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"corpus\"\r\n\r\nmine\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"opml\"; filename=\"page.html\"\r\n\r\n<!DOCTYPE html><html><body>hi</body></html>\r\n\
         --{boundary}--\r\n"
    );
    let r = client()
        .post(format!("{}/feeds/import", s.base))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
        .send()
        .await
        .expect("upload");
    assert_eq!(r.status().as_u16(), 400);
    let text = r.text().await.expect("body");
    assert!(text.contains("href=\"#import-opml\""));
    assert!(
        text.contains("not an OPML list: this is a web page"),
        "{text}"
    );

    let (status, location, _) = post(&s, "/feeds/starter", &[("corpus", "world")]).await;
    assert_eq!(status, 303);
    assert!(
        location.starts_with("/feeds?done=imported&n="),
        "{location}"
    );
    let starter = s.app.store.feeds(Some("world")).await.expect("feeds");
    assert!(starter.len() >= 40);

    let r = client()
        .get(format!("{}/feeds/export.opml", s.base))
        .send()
        .await
        .expect("export");
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/x-opml")
    );
    let text = r.text().await.expect("body");
    let list = sandpit::ingest::opml::parse(text.as_bytes(), "export").expect("OPML");
    assert_eq!(list.feeds.len(), starter.len() + 2);
    assert!(
        list.feeds
            .iter()
            .any(|f| f.category == "mine" && f.url == "https://one.example.org/rss")
    );
}

#[tokio::test]
async fn a_fetched_feed_shows_its_items_on_the_page() {
    use axum::routing::get;
    let s = support::start(Setup::EMPTY).await;
    let feed_server = axum::Router::new().route(
        "/feed.xml",
        get(|| async {
            (
                [("content-type", "application/rss+xml")],
                "<rss version=\"2.0\"><channel><title>Kerrow Council</title>\
                 <item><guid>urn:k:1</guid><title>Flood warning</title><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>\
                 <item><guid>urn:k:2</guid><title>Road closure</title><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>\
                 </channel></rss>",
            )
        }),
    );
    let addr = serve_router(feed_server).await;
    s.app
        .store
        .upsert_corpus("live", "", "", "feeds", "")
        .await
        .expect("corpus");
    s.app
        .store
        .add_feed(&NewFeed {
            corpus: "live".into(),
            url: format!("http://{addr}/feed.xml"),
            interval_minutes: 60,
            ..NewFeed::default()
        })
        .await
        .expect("feed");
    let fetcher = Fetcher::new(FetchOptions {
        timeout: Duration::from_secs(2),
        addresses: AddressPolicy {
            allow_private: false,
            allowed: vec![IpAddr::V4(Ipv4Addr::LOCALHOST)],
        },
        ..FetchOptions::default()
    })
    .expect("fetcher");
    let reports = feeds::fetch_now(&s.app, std::sync::Arc::new(fetcher), Some("live"))
        .await
        .expect("fetch");
    assert_eq!(reports[0].added, 2, "{:?}", reports[0]);
    let body = page(&s).await;
    assert!(
        body.contains("Kerrow Council"),
        "the title learnt from the feed"
    );
    assert!(body.contains("Last fetch: 2 new, 0 updated."));
    assert!(body.contains("href=\"/search?corpus=live\""));
}
