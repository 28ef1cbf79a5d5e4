//! What fetched feeds leave in the corpus, against a local axum server on 127.0.0.1 serving
//! fixture feeds: malformed XML, HTML instead of a feed and empty bodies refused, wrong charsets
//! read right, items seen again replaced rather than duplicated, item ids unique per feed (and
//! items under the old ids updated where they are), and article pages. Nothing here reaches the
//! internet.

mod feeds_support;

use std::sync::atomic::Ordering;

use feeds_support::{Fixture, app, feed, fetch_one, fetcher, reload, standard_feed};
use sandpit::app::feeds::Outcome;
use sandpit::store::feeds::FeedRecord;

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
