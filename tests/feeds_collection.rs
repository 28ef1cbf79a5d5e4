//! Feeds read as the best readers read them: a collection of small feeds
//! (tests/data/feeds/collection, made by make_collection.py) covering every element of RSS 0.90
//! to 2.0, RSS 1.0 and its modules, Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1 and CDF that carries
//! a title, text, link, author or date, in many encodings and with the breakages the web
//! serves. Each file goes through the parsing entry point `corpus import` uses, and
//! tests/data/feeds/COLLECTION.json says what must come out: the items with their title, text,
//! link, date and author where the file states them; or, for a feed whose items carry no
//! visible text, nothing and a word why; or, for what is not a feed, a problem naming the file
//! and the reason. A table of every file is printed (`cargo test --test feeds_collection --
//! --nocapture`).
//!
//! Also: item ids are unique per feed, so two feeds with the same guid both survive in one
//! corpus, while importing the same feeds again replaces rather than duplicates.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeZone, Utc};
use sandpit::app::App;
use sandpit::ingest::feed::{FeedKey, FeedOrigin, parse};
use serde_json::Value;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/feeds")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
        .single()
        .expect("a valid time")
}

/// Runs of white space (any, including no-break spaces) as one space, ends trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn manifest() -> Vec<Value> {
    let text = std::fs::read_to_string(data().join("COLLECTION.json")).expect("COLLECTION.json");
    match serde_json::from_str(&text).expect("COLLECTION.json is JSON") {
        Value::Array(entries) => entries,
        _ => panic!("COLLECTION.json is not a list"),
    }
}

fn field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// What went wrong with one file, or `None` when it came out as the manifest says.
fn check(entry: &Value) -> (String, Option<String>) {
    let name = field(entry, "file").expect("file").to_string();
    let expect = field(entry, "expect").expect("expect");
    let bytes = std::fs::read(data().join("collection").join(&name)).expect("fixture");
    let parsed = parse(
        &bytes,
        &FeedOrigin {
            origin: &name,
            source: None,
            now: now(),
            key: FeedKey::File(&name),
        },
    );
    let problems: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    let notes = &parsed.notes;
    let mut wrong = Vec::new();
    for p in &problems {
        if !p.starts_with(&format!("{name}: ")) {
            wrong.push(format!("a problem does not name the file: {p}"));
        }
    }
    let said = |what: &str| problems.iter().chain(notes).any(|m| m.contains(what));
    let reason = field(entry, "reason");
    match expect {
        "items" => {
            let want = entry
                .get("items")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if parsed.documents.len() != want.len() {
                wrong.push(format!(
                    "{} documents, expected {}; problems {problems:?}",
                    parsed.documents.len(),
                    want.len()
                ));
            }
            for (i, (doc, want)) in parsed.documents.iter().zip(&want).enumerate() {
                let mut differ = |what: &str, got: &str, expected: &str| {
                    wrong.push(format!("item {i}: {what} {got:?}, expected {expected:?}"));
                };
                if let Some(t) = field(want, "title")
                    && squash(&doc.title) != squash(t)
                {
                    differ("title", &doc.title, t);
                }
                if let Some(t) = field(want, "text")
                    && squash(&doc.body) != squash(t)
                {
                    differ("text", &doc.body, t);
                }
                if let Some(l) = field(want, "link")
                    && doc.url != l
                {
                    differ("link", &doc.url, l);
                }
                if let Some(a) = field(want, "author")
                    && doc.author != a
                {
                    differ("author", &doc.author, a);
                }
                let date = field(want, "date").or(field(entry, "feed_date"));
                if let Some(d) = date {
                    let expected = if d == "now" {
                        now()
                    } else {
                        DateTime::parse_from_rfc3339(d)
                            .map(|t| t.with_timezone(&Utc))
                            .expect("manifest date")
                    };
                    if doc.published != expected {
                        differ("date", &doc.published.to_rfc3339(), &expected.to_rfc3339());
                    }
                }
            }
            // Ids: per feed (prefixed with the file's key), and unique unless meant to clash.
            let ids: HashSet<&str> = parsed.documents.iter().map(|d| d.id.as_str()).collect();
            let same_ids = entry.get("same_ids").and_then(Value::as_bool) == Some(true);
            if !same_ids && ids.len() != parsed.documents.len() {
                wrong.push("two items got the same id".into());
            }
            for d in &parsed.documents {
                if !d.id.starts_with(&format!("{name}#")) && !d.id.starts_with("sha-") {
                    wrong.push(format!("id {:?} is not scoped to the feed", d.id));
                }
            }
            match reason {
                Some(r) if !problems.iter().any(|p| p.contains(r)) => {
                    wrong.push(format!("no problem says {r:?}: {problems:?}"))
                }
                None if !problems.is_empty() => wrong.push(format!("problems: {problems:?}")),
                _ => {}
            }
        }
        "no-text" => {
            if !parsed.documents.is_empty() {
                wrong.push(format!(
                    "{} documents, expected none",
                    parsed.documents.len()
                ));
            }
            let r = reason.expect("a reason");
            if !said(r) {
                wrong.push(format!(
                    "nothing says {r:?}: problems {problems:?}, notes {notes:?}"
                ));
            }
        }
        "rejected" => {
            if !parsed.documents.is_empty() {
                wrong.push(format!(
                    "{} documents, expected none",
                    parsed.documents.len()
                ));
            }
            let r = reason.expect("a reason");
            if !problems.iter().any(|p| p.contains(r)) {
                wrong.push(format!("no problem says {r:?}: {problems:?}"));
            }
        }
        other => wrong.push(format!("unknown expectation {other}")),
    }
    if let Some(n) = field(entry, "note")
        && !said(n)
    {
        wrong.push(format!("nothing says {n:?}: notes {notes:?}"));
    }
    if parsed.documents.is_empty() && problems.is_empty() && notes.is_empty() {
        wrong.push("nothing read and nothing said".into());
    }
    let outcome = match expect {
        "items" => format!("{} item(s)", parsed.documents.len()),
        _ => problems
            .first()
            .or(notes.first())
            .map(|m| {
                let m = m.strip_prefix(&format!("{name}: ")).unwrap_or(m);
                m.chars().take(70).collect()
            })
            .unwrap_or_default(),
    };
    (outcome, (!wrong.is_empty()).then(|| wrong.join("; ")))
}

#[test]
fn every_feed_of_the_collection_is_read_as_the_manifest_says() {
    let entries = manifest();
    let on_disk: HashSet<String> = std::fs::read_dir(data().join("collection"))
        .expect("collection folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let listed: HashSet<String> = entries
        .iter()
        .map(|e| field(e, "file").expect("file").to_string())
        .collect();
    assert!(entries.len() >= 300, "only {} feeds", entries.len());
    assert_eq!(
        on_disk, listed,
        "files on disk and in COLLECTION.json differ"
    );

    let mut table = Vec::new();
    let (mut text_feeds, mut text_ok, mut other_wrong) = (0, 0, Vec::new());
    for entry in &entries {
        let name = field(entry, "file").expect("file");
        let expect = field(entry, "expect").expect("expect");
        let (outcome, wrong) = check(entry);
        if expect == "items" {
            text_feeds += 1;
            if wrong.is_none() {
                text_ok += 1;
            }
        } else if let Some(w) = &wrong {
            other_wrong.push(format!("{name}: {w}"));
        }
        table.push(format!(
            "{:<52} {:<9} {:<4} {}{}",
            name,
            expect,
            if wrong.is_none() { "ok" } else { "FAIL" },
            outcome,
            wrong
                .map(|w| format!("\n{:>67}{w}", ""))
                .unwrap_or_default()
        ));
    }
    println!("{:<52} {:<9} {:<4} what came out", "file", "expected", "");
    for line in &table {
        println!("{line}");
    }
    let share = text_ok as f64 / text_feeds as f64;
    println!(
        "\n{} feeds; {text_ok} of {text_feeds} feeds with visible text read right ({:.1}%); {} without text or not feeds, {} of them wrong",
        entries.len(),
        share * 100.0,
        entries.len() - text_feeds,
        other_wrong.len()
    );
    let failures: Vec<&String> = table.iter().filter(|l| l.contains(" FAIL ")).collect();
    assert!(
        share >= 0.99,
        "only {:.1}% of the feeds with text were read right:\n{}",
        share * 100.0,
        failures
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Every feed that gives nothing is named with its reason.
    assert!(other_wrong.is_empty(), "{}", other_wrong.join("\n"));
}

/// Two feeds whose items have the same guid (`<guid isPermaLink="false">1</guid>`) both keep
/// their story in one corpus; importing them again replaces rather than duplicates.
#[tokio::test]
async fn items_are_unique_per_feed_and_stable_across_imports() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["rss20_guid_one_a.xml", "rss20_guid_one_b.xml"] {
        std::fs::copy(data().join("collection").join(name), dir.path().join(name)).expect("copy");
    }
    // The same file in two folders is two feeds as well.
    std::fs::create_dir(dir.path().join("north")).expect("mkdir");
    std::fs::copy(
        data().join("collection/rss20_guid_one_a.xml"),
        dir.path().join("north/rss20_guid_one_a.xml"),
    )
    .expect("copy");
    let app = App::in_memory().await.expect("app");
    let first = app
        .import_paths("guids", vec![dir.path().to_path_buf()], |_| {})
        .await
        .expect("import");
    assert_eq!((first.added, first.replaced), (3, 0), "{first}");
    assert_eq!(app.index.count("guids").expect("count"), 3);
    let again = app
        .import_paths("guids", vec![dir.path().to_path_buf()], |_| {})
        .await
        .expect("import");
    assert_eq!((again.added, again.replaced), (0, 3), "{again}");
    assert_eq!(app.index.count("guids").expect("count"), 3);
    // A file imported on its own has the key it has in its folder: no duplicate either.
    let alone = app
        .import_paths(
            "guids",
            vec![dir.path().join("rss20_guid_one_b.xml")],
            |_| {},
        )
        .await
        .expect("import");
    assert_eq!((alone.added, alone.replaced), (0, 1), "{alone}");
}

/// The whole collection as one corpus: nothing is lost to another feed's ids (only the files
/// that repeat an id within themselves give fewer documents than items), and a second import
/// adds nothing.
#[tokio::test]
async fn the_whole_collection_imports_once() {
    let entries = manifest();
    let app = App::in_memory().await.expect("app");
    let dir = data().join("collection");
    let first = app
        .import_paths("collection", vec![dir.clone()], |_| {})
        .await
        .expect("import");
    let items: usize = entries
        .iter()
        .filter(|e| field(e, "expect") == Some("items"))
        .map(|e| {
            let n = e.get("items").and_then(Value::as_array).map_or(0, Vec::len);
            if e.get("same_ids").and_then(Value::as_bool) == Some(true) {
                n.min(1)
            } else {
                n
            }
        })
        .sum();
    assert_eq!(first.added, items, "{first}");
    let again = app
        .import_paths("collection", vec![dir], |_| {})
        .await
        .expect("import");
    assert_eq!(again.added, 0, "{again}");
    assert_eq!(app.index.count("collection").expect("count"), items);
}

/// Every feed of the collection cut, flipped and spliced at random: reading never panics and
/// never gives nothing without a word.
#[test]
fn mutated_collection_feeds_never_panic_or_vanish() {
    use rand::{RngExt, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(15);
    let mut cases = 0;
    for entry in manifest() {
        let name = field(&entry, "file").expect("file").to_string();
        let original = std::fs::read(data().join("collection").join(&name)).expect("fixture");
        if original.is_empty() {
            continue;
        }
        for round in 0..4 {
            let mut bytes = original.clone();
            match round {
                0 => bytes.truncate(rng.random_range(0..bytes.len())),
                1 => {
                    for _ in 0..6 {
                        let i = rng.random_range(0..bytes.len());
                        bytes[i] = rng.random();
                    }
                }
                2 => {
                    for _ in 0..3 {
                        let i = rng.random_range(0..bytes.len());
                        let junk: &[u8] = [
                            &b"<"[..],
                            b"&",
                            b"]]>",
                            b"<![CDATA[",
                            b"</item>",
                            b"</entry>",
                            b"<ITEM>",
                            b"&nbsp",
                            b"xml:base=\"::\"",
                        ][rng.random_range(0..9)];
                        bytes.splice(i..i, junk.iter().copied());
                    }
                }
                _ => {
                    let a = rng.random_range(0..bytes.len());
                    let b = (a + rng.random_range(0..120)).min(bytes.len());
                    bytes.drain(a..b);
                }
            }
            cases += 1;
            let parsed = parse(
                &bytes,
                &FeedOrigin {
                    origin: &name,
                    source: None,
                    now: now(),
                    key: FeedKey::File(&name),
                },
            );
            assert!(
                !parsed.documents.is_empty()
                    || !parsed.problems.is_empty()
                    || !parsed.notes.is_empty(),
                "{name} round {round}: nothing read and nothing said"
            );
        }
    }
    assert!(cases > 1000, "{cases}");
}
