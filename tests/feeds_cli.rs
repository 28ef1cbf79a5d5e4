//! `sandpit feeds ...` as trainers script it: add, import and export OPML, list with status,
//! fetch (from a local fixture server, with and without --allow-private-feeds), remove; the
//! starter list; exit statuses and messages for bad input.

mod support;

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Output};

use axum::Router;
use axum::http::header;
use axum::routing::get;
use support::serve_router_on_thread;

fn sandpit(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .output()
        .expect("the sandpit binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A council's feed with three items, served on 127.0.0.1 for the life of the test process.
fn serve_fixture() -> SocketAddr {
    let feed = || async {
        (
            [(header::CONTENT_TYPE, "application/rss+xml")],
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Kerrow Council</title>\
                     <link>https://kerrow.example.gov/</link><description>x</description>\
                     <item><guid>https://kerrow.example.gov/1</guid><title>Flood warning for the valley</title><description>Move valuables upstairs. #FloodAlert</description><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>\
                     <item><guid>https://kerrow.example.gov/2</guid><title>Ferry timetable</title><description>Reduced service.</description><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>\
                     <item><guid>https://kerrow.example.gov/3</guid><title>Bus consultation</title><description>Have your say.</description><pubDate>Tue, 03 Mar 2026 11:00:00 GMT</pubDate></item>\
                     </channel></rss>",
        )
    };
    serve_router_on_thread(Router::new().route("/feed.xml", get(feed)))
}

#[test]
fn add_fetch_list_export_and_remove() {
    let addr = serve_fixture();
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    let url = format!("http://{addr}/feed.xml");

    // An internal address is refused unless the trainer allows it.
    let out = sandpit(data, &["feeds", "add", "live", &url]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("internal network address"),
        "{}",
        text(&out.stderr)
    );
    let out = sandpit(
        data,
        &["feeds", "add", "live", &url, "--allow-private-feeds"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains(&format!("live: added {url}")));
    let out = sandpit(
        data,
        &["feeds", "add", "live", &url, "--allow-private-feeds"],
    );
    assert!(
        text(&out.stdout).contains("already has"),
        "{}",
        text(&out.stdout)
    );

    // Fetching without the flag: the guard refuses, and says so; nothing else breaks.
    let out = sandpit(data, &["feeds", "fetch", "live"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("blocked address"),
        "{}",
        text(&out.stderr)
    );

    let out = sandpit(data, &["feeds", "fetch", "live", "--allow-private-feeds"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("3 new, 0 updated"),
        "{}",
        text(&out.stdout)
    );

    let out = sandpit(data, &["feeds", "list", "live", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let feed = &list[0];
    assert_eq!(feed["last_status"], "ok");
    assert_eq!(feed["items_added"], 3);
    assert_eq!(feed["consecutive_failures"], 0);
    assert_eq!(
        feed["title"], "Kerrow Council",
        "the title is learnt from the feed"
    );

    let out = sandpit(
        data,
        &["search", "--corpus", "live", "--json", "#floodalert"],
    );
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(hits["total"], 1, "{}", text(&out.stdout));

    let out = sandpit(data, &["feeds", "export-opml", "live"]);
    let exported = text(&out.stdout);
    let parsed = sandpit::ingest::opml::parse(exported.as_bytes(), "export").expect("OPML");
    assert_eq!(parsed.feeds.len(), 1);
    assert_eq!(parsed.feeds[0].url, url);
    assert_eq!(parsed.feeds[0].category, "live");

    let out = sandpit(data, &["feeds", "remove", "live", &url]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = sandpit(data, &["feeds", "list", "live"]);
    assert!(text(&out.stdout).contains("no feeds yet"));
    // The items stay.
    let out = sandpit(data, &["search", "--corpus", "live", "--json", "flood"]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(hits["total"], 1);
}

#[test]
fn the_starter_list_is_sound_and_round_trips() {
    let path = format!("{}/corpora/feeds/starter.opml", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("starter list");
    let list = sandpit::ingest::opml::parse(&bytes, &path).expect("OPML");
    assert!(list.problems.is_empty(), "{:?}", list.problems);
    assert!(list.feeds.len() >= 40, "{}", list.feeds.len());
    let mut hosts = BTreeSet::new();
    for f in &list.feeds {
        let u = url::Url::parse(&f.url).expect("URL");
        assert_eq!(u.scheme(), "https", "{}", f.url);
        assert!(!f.title.is_empty() && !f.category.is_empty(), "{f:?}");
        let host = u.host_str().unwrap_or_default().to_string();
        assert!(
            host.contains('.') && host.parse::<std::net::IpAddr>().is_err(),
            "{host}"
        );
        hosts.insert(host);
    }
    assert!(hosts.len() >= 15, "a varied list: {hosts:?}");

    let dir = tempfile::tempdir().expect("tempdir");
    let out = sandpit(dir.path(), &["feeds", "import-opml", "world", "--starter"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains(&format!(
            "world: {} feed(s) added, 0 already there",
            list.feeds.len()
        )),
        "{}",
        text(&out.stdout)
    );
    let export = dir.path().join("export.opml");
    let out = sandpit(
        dir.path(),
        &[
            "feeds",
            "export-opml",
            "--output",
            &export.display().to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let again = sandpit::ingest::opml::parse(&std::fs::read(&export).expect("export"), "export")
        .expect("OPML");
    let a: BTreeSet<&str> = list.feeds.iter().map(|f| f.url.as_str()).collect();
    let b: BTreeSet<&str> = again.feeds.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(a, b);
    // Importing the export into the same corpus adds nothing.
    let out = sandpit(
        dir.path(),
        &[
            "feeds",
            "import-opml",
            "world",
            &export.display().to_string(),
        ],
    );
    assert!(
        text(&out.stdout).contains(&format!("0 feed(s) added, {} already there", a.len())),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    let fixtures = format!("{}/tests/data/feeds/files", env!("CARGO_MANIFEST_DIR"));
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "feeds".into(),
                "add".into(),
                "live".into(),
                "not a url".into(),
            ],
            "not a web address",
        ),
        (
            vec![
                "feeds".into(),
                "add".into(),
                "live".into(),
                "ftp://example.org/feed".into(),
            ],
            "http or https",
        ),
        (
            vec![
                "feeds".into(),
                "add".into(),
                "Bad Name".into(),
                "https://example.org/feed".into(),
            ],
            "corpus name",
        ),
        (
            vec![
                "feeds".into(),
                "add".into(),
                "live".into(),
                "https://example.org/feed".into(),
                "--every".into(),
                "1".into(),
            ],
            "fetch interval",
        ),
        (
            vec![
                "feeds".into(),
                "import-opml".into(),
                "live".into(),
                "/no/such/list.opml".into(),
            ],
            "cannot read",
        ),
        (
            vec![
                "feeds".into(),
                "import-opml".into(),
                "live".into(),
                format!("{fixtures}/rss20_wordpress.xml"),
            ],
            "this is a feed",
        ),
        (
            vec!["feeds".into(), "fetch".into(), "nosuch".into()],
            "no corpus named",
        ),
        (
            vec![
                "feeds".into(),
                "remove".into(),
                "live".into(),
                "https://example.org/none".into(),
            ],
            "no feed",
        ),
    ];
    for (args, words) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = sandpit(data, &args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains(words),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // Usage errors exit 2.
    let out = sandpit(data, &["feeds", "import-opml", "live"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn corpus_import_of_an_opml_list_registers_its_feeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("mine.opml");
    std::fs::write(
        &list,
        "<opml version=\"2.0\"><body>\
         <outline text=\"One\" xmlUrl=\"https://one.example.org/rss\"/>\
         <outline text=\"Broken\" xmlUrl=\"gopher://old.example.org/feed\"/>\
         </body></opml>",
    )
    .expect("write");
    let feed = format!(
        "{}/tests/data/feeds/files/rss20_wordpress.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let data = dir.path().join("data");
    let out = sandpit(
        &data,
        &[
            "corpus",
            "import",
            "mixed",
            &feed,
            &list.display().to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("mixed: 10 added"),
        "{}",
        text(&out.stdout)
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("1 feed(s) added to the live feeds of mixed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("mine.opml:1: outline \"Broken\""),
        "{stderr}"
    );
    let out = sandpit(&data, &["feeds", "list", "mixed", "--json"]);
    let feeds: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(feeds[0]["url"], "https://one.example.org/rss");
}
