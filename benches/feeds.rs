//! Import throughput from feed files, with the raw feed-rs parse rate beside it in the same run.
//!
//! Three rates over the same files: feed-rs parsing alone (bytes → `feed_rs::model::Feed`);
//! Sandpit's feed reading (charset decision, repairs, feed-rs, HTML → text, ids, hashtags,
//! mentions); and the whole `corpus import` path into an on-disk index (files read, parsed,
//! indexed with replace-by-id, committed).
//!
//! `cargo bench --bench feeds` (60,000 items; `BENCH_ITEMS=6000` for a quick run). The files
//! are synthetic (RSS 2.0 with HTML content, Atom 1.0, RSS 1.0 and JSON Feed in equal parts,
//! 100 items each, about 1.5 KB of text per item) plus the valid fixtures of tests/data/feeds.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::Utc;
use sandpit::app::App;
use sandpit::config::Config;
use sandpit::ingest::feed::{FeedKey, FeedOrigin, parse};

const WORDS: &[&str] = &[
    "flood",
    "warning",
    "council",
    "residents",
    "river",
    "Kerrow",
    "ferry",
    "harbour",
    "storm",
    "minister",
    "announced",
    "today",
    "schools",
    "closed",
    "roads",
    "advice",
    "public",
    "health",
    "consultation",
    "budget",
    "transport",
    "police",
    "community",
    "recycling",
    "election",
    "results",
    "heatwave",
    "water",
    "emergency",
    "services",
    "volunteers",
    "update",
    "plans",
];

fn sentence(seed: usize, words: usize) -> String {
    (0..words)
        .map(|i| WORDS[(seed * 31 + i * 7 + i * i) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn body(seed: usize) -> String {
    (0..6)
        .map(|p| {
            format!(
                "<p>{}. #Kerrow{} @Port_Council</p>",
                sentence(seed + p, 40),
                seed % 9
            )
        })
        .collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn synthetic_file(kind: usize, file: usize, items: usize) -> (String, String) {
    let base = file * items;
    match kind % 4 {
        0 => {
            let items: String = (base..base + items)
                .map(|i| {
                    format!(
                        "<item><title>{}</title><link>https://blog{file}.example.gov/{i}</link>\
                         <guid>https://blog{file}.example.gov/?p={i}</guid><pubDate>Tue, 03 Mar 2026 09:{:02}:00 GMT</pubDate>\
                         <dc:creator>Comms</dc:creator><description>{}</description>\
                         <content:encoded><![CDATA[{}]]></content:encoded></item>\n",
                        sentence(i, 8),
                        i % 60,
                        esc(&sentence(i + 1, 20)),
                        body(i)
                    )
                })
                .collect();
            (
                format!("rss-{file}.xml"),
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
                     xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Blog {file}</title>\
                     <link>https://blog{file}.example.gov/</link><description>x</description>{items}</channel></rss>"
                ),
            )
        }
        1 => {
            let entries: String = (base..base + items)
                .map(|i| {
                    format!(
                        "<entry><id>tag:www{file}.example.gov,2005:/news/{i}</id><updated>2026-03-03T09:{:02}:00Z</updated>\
                         <link rel=\"alternate\" href=\"https://www{file}.example.gov/news/{i}\"/><title>{}</title>\
                         <summary type=\"html\">{}</summary></entry>\n",
                        i % 60,
                        sentence(i, 8),
                        esc(&body(i))
                    )
                })
                .collect();
            (
                format!("atom-{file}.atom"),
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Gov {file}</title>\
                     <id>https://www{file}.example.gov/</id><updated>2026-03-03T09:00:00Z</updated>{entries}</feed>"
                ),
            )
        }
        2 => {
            let items: String = (base..base + items)
                .map(|i| {
                    format!(
                        "<item rdf:about=\"https://press{file}.example.gov/{i}\"><title>{}</title>\
                         <link>https://press{file}.example.gov/{i}</link><description>{}</description>\
                         <dc:date>2026-03-03T09:{:02}:00Z</dc:date></item>\n",
                        sentence(i, 8),
                        esc(&body(i)),
                        i % 60
                    )
                })
                .collect();
            (
                format!("rdf-{file}.rdf"),
                format!(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
                     xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
                     <channel rdf:about=\"https://press{file}.example.gov/\"><title>Press {file}</title>\
                     <link>https://press{file}.example.gov/</link><description>x</description></channel>{items}</rdf:RDF>"
                ),
            )
        }
        _ => {
            let items: Vec<serde_json::Value> = (base..base + items)
                .map(|i| {
                    serde_json::json!({
                        "id": format!("https://json{file}.example.gov/{i}"),
                        "url": format!("https://json{file}.example.gov/{i}"),
                        "title": sentence(i, 8),
                        "content_html": body(i),
                        "date_published": format!("2026-03-03T09:{:02}:00Z", i % 60),
                    })
                })
                .collect();
            (
                format!("json-{file}.json"),
                serde_json::json!({
                    "version": "https://jsonfeed.org/version/1.1",
                    "title": format!("Updates {file}"),
                    "items": items,
                })
                .to_string(),
            )
        }
    }
}

fn fixture_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/feeds/files");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    // The broken ones measure error paths, not throughput.
    files.retain(|p| {
        !p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("broken_"))
    });
    files.sort();
    files
}

fn main() {
    let total: usize = std::env::var("BENCH_ITEMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60_000);
    let per_file = 100;
    let dir = tempfile::tempdir().expect("tempdir");
    let feeds = dir.path().join("feeds");
    std::fs::create_dir_all(&feeds).expect("mkdir");
    for file in 0..total.div_ceil(per_file) {
        let (name, text) = synthetic_file(file, file, per_file);
        std::fs::write(feeds.join(name), text).expect("write");
    }
    for path in fixture_files() {
        if let Some(name) = path.file_name() {
            let _ = std::fs::copy(&path, feeds.join(name));
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&feeds)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    println!("feeds: {} files, {:.1} MB", files.len(), bytes as f64 / 1e6);

    // 1. feed-rs alone. It panics on a few of the fixtures (an XML declaration after leading
    // white space, UTF-16): those count as failures, quietly.
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let mut raw_items = 0;
    let mut raw_failures = 0;
    for (_, b) in &files {
        match std::panic::catch_unwind(|| feed_rs::parser::parse(&b[..])) {
            Ok(Ok(feed)) => raw_items += feed.entries.len(),
            _ => raw_failures += 1,
        }
    }
    let raw = start.elapsed().as_secs_f64();
    let _ = std::panic::take_hook();

    // 2. Sandpit's feed reading, to documents.
    let start = Instant::now();
    let mut docs = 0;
    let now = Utc::now();
    for (name, b) in &files {
        docs += parse(
            b,
            &FeedOrigin {
                origin: name,
                source: None,
                now,
                key: FeedKey::File(name),
            },
        )
        .documents
        .len();
    }
    let read = start.elapsed().as_secs_f64();

    // 3. The whole import into an on-disk index.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (summary, import) = runtime.block_on(async {
        let app = App::open(Config::new(dir.path().join("data")))
            .await
            .expect("app");
        let start = Instant::now();
        let summary = app
            .import_paths("bench", vec![feeds.clone()], |_| {})
            .await
            .expect("import");
        (summary, start.elapsed().as_secs_f64())
    });
    let imported = summary.added + summary.replaced;

    let rate = |n: usize, s: f64| n as f64 / s;
    println!(
        "feed-rs parse only:       {raw_items:>7} items in {raw:>6.2} s = {:>9.0} items/s ({:.1} MB/s; {raw_failures} files failed)",
        rate(raw_items, raw),
        bytes as f64 / 1e6 / raw
    );
    println!(
        "sandpit read (no index):  {docs:>7} items in {read:>6.2} s = {:>9.0} items/s",
        rate(docs, read)
    );
    println!(
        "sandpit corpus import:    {imported:>7} items in {import:>6.2} s = {:>9.0} items/s ({} problems)",
        rate(imported, import),
        summary.problems.len()
    );
    println!(
        "import / raw parse: {:.2}",
        rate(imported, import) / rate(raw_items, raw)
    );
}
