//! Robustness on real-world feed files: a varied set of RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF and
//! JSON feeds, broken ones included (tests/data/feeds/files, made by make_fixtures.py). Every
//! file is either imported or rejected with a message naming the file and the reason, as
//! tests/data/feeds/EXPECTED.tsv says; nothing panics, nothing is lost silently, and the corpus
//! stays searchable.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use rand::{RngExt, SeedableRng};
use sandpit::app::{App, SearchParams};
use sandpit::index::search::SortOrder;
use sandpit::ingest::feed::{FeedKey, FeedOrigin, parse};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/feeds")
}

#[derive(Debug)]
struct Expected {
    outcome: String,
    items: usize,
    message: String,
}

fn manifest() -> BTreeMap<String, Expected> {
    let text = std::fs::read_to_string(data().join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "bad manifest line {l:?}");
            (
                cols[0].to_string(),
                Expected {
                    outcome: cols[1].to_string(),
                    items: cols[2].parse().expect("item count"),
                    message: cols[3].to_string(),
                },
            )
        })
        .collect()
}

fn files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data().join("files"))
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
        .single()
        .expect("a valid time")
}

#[test]
fn every_file_is_imported_or_rejected_as_expected() {
    let expected = manifest();
    let files = files();
    assert!(files.len() >= 100, "only {} fixture files", files.len());
    let mut seen = Vec::new();
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name")
            .to_string();
        let Some(want) = expected.get(&name) else {
            failures.push(format!("{name}: not in EXPECTED.tsv"));
            continue;
        };
        seen.push(name.clone());
        let bytes = std::fs::read(path).expect("read fixture");
        let parsed = parse(
            &bytes,
            &FeedOrigin {
                origin: &name,
                source: None,
                now: now(),
                key: FeedKey::File(&name),
            },
        );
        let problems: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
        let got_items = parsed.documents.len();
        // Every problem names its file.
        for p in &problems {
            if !p.starts_with(&format!("{name}: ")) {
                failures.push(format!("{name}: problem does not name the file: {p}"));
            }
        }
        let has = |list: &[String]| list.iter().any(|m| m.contains(&want.message));
        let ok = match want.outcome.as_str() {
            "ok" => {
                got_items == want.items
                    && problems.is_empty()
                    && (want.message.is_empty() || has(&parsed.notes))
            }
            "partial" => got_items == want.items && has(&problems),
            "rejected" => got_items == 0 && has(&problems),
            "empty" => got_items == 0 && problems.is_empty() && has(&parsed.notes),
            other => {
                failures.push(format!("{name}: unknown outcome {other}"));
                continue;
            }
        };
        if !ok {
            failures.push(format!(
                "{name}: expected {} {} ({:?}); got {got_items} items, problems {problems:?}, notes {:?}",
                want.outcome, want.items, want.message, parsed.notes
            ));
        }
        // Nothing is lost silently: no items means a problem or a note says why.
        if got_items == 0 && problems.is_empty() && parsed.notes.is_empty() {
            failures.push(format!("{name}: no items and no word about it"));
        }
        for doc in &parsed.documents {
            if doc.id.is_empty() || (doc.title.is_empty() && doc.body.is_empty()) {
                failures.push(format!("{name}: empty document {doc:?}"));
            }
            if doc.title.chars().count() > 1001 || doc.id.len() > 1000 {
                failures.push(format!("{name}: title or id not capped"));
            }
            if doc.title.chars().any(|c| c.is_control() && c != '\n')
                || doc
                    .body
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
            {
                failures.push(format!("{name}: control characters in {:?}", doc.id));
            }
        }
    }
    for name in expected.keys() {
        if !seen.contains(name) {
            failures.push(format!("{name}: in EXPECTED.tsv but not on disk"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn charsets_come_out_right() {
    let read = |name: &str| {
        let bytes = std::fs::read(data().join("files").join(name)).expect("fixture");
        let parsed = parse(
            &bytes,
            &FeedOrigin {
                origin: name,
                source: None,
                now: now(),
                key: FeedKey::File(name),
            },
        );
        parsed
            .documents
            .first()
            .map(|d| format!("{} | {}", d.title, d.body))
            .unwrap_or_default()
    };
    for name in [
        "rss20_latin1_declared_latin1.xml",
        "rss20_latin1_declared_utf8.xml",
        "rss20_utf8_declared_latin1.xml",
        "rss20_latin1_no_declaration.xml",
    ] {
        assert_eq!(
            read(name),
            "Café, crème brûlée et façades | Élections municipales à Kerrow : résultats.",
            "{name}"
        );
    }
    assert!(
        read("rss20_windows1252_smart_quotes.xml")
            .starts_with("“Stay indoors” – the council’s advice…")
    );
    assert!(read("rss20_shift_jis.xml").starts_with("洪水警報が発令されました"));
    assert!(read("rss20_koi8r.xml").starts_with("Предупреждение о наводнении"));
    assert!(read("rss20_utf16le_bom.xml").starts_with("Ça marche en UTF-16"));
    assert!(read("rss20_utf16be_bom.xml").starts_with("Ça marche en UTF-16"));
    assert!(read("jsonfeed_latin1_bytes.json").starts_with("Café municipal"));
}

#[tokio::test]
async fn importing_the_whole_folder_keeps_the_corpus_searchable() {
    let expected = manifest();
    let app = App::in_memory().await.expect("app");
    let dir = data().join("files");
    let summary = app
        .import_paths("wild", vec![dir.clone()], |_| {})
        .await
        .expect("the import itself succeeds");
    assert_eq!(summary.files, expected.len());
    // Each rejected or partly read file is named, with its path, among the problems.
    for (name, want) in &expected {
        if want.outcome == "rejected" || want.outcome == "partial" {
            let path = dir.join(name).display().to_string();
            assert!(
                summary.problems.iter().any(|p| p.starts_with(&path)),
                "{name} is not named among the problems: {:#?}",
                summary.problems
            );
        }
    }
    // Every item read went in (some files share ids on purpose, so they replace).
    let items: usize = expected.values().map(|e| e.items).sum();
    assert_eq!(summary.added + summary.replaced, items, "{summary}");
    assert_eq!(app.index.count("wild").expect("count"), summary.added);
    let search = |q: &str| {
        let app = app.clone();
        let q = q.to_string();
        async move {
            app.search(SearchParams {
                corpus: "wild".into(),
                query: q,
                order: SortOrder::Relevance,
                limit: 10,
                offset: 0,
                facets: false,
            })
            .await
            .expect("search runs")
            .results
            .total
        }
    };
    let floods = search("flood").await;
    assert!(floods > 300, "{floods}");
    assert!(search("#floodalert").await > 0);
    // Only right if the wrongly labelled files were decoded correctly. The four Latin-1
    // variants carry the same item, but they are four feeds: ids are unique per feed.
    assert_eq!(search("crème").await, 4, "latin-1 files were misread");
    assert_eq!(search("CrÃ¨me").await, 0);
    assert!(search("наводнении").await >= 1);
    assert!(search("\"stay indoors\"").await >= 1);
    // Script content was dropped, the image's alt text kept.
    assert_eq!(search("alert").await, 0);
    assert!(search("\"chart of river levels\"").await >= 1);
    // The salvaged and repaired files are searchable too.
    assert!(search("\"harbour reopens\"").await >= 1);
    assert!(search("\"atom 0.3 entry one\"").await >= 1);
}

/// Mutations of good feeds (cut at random, bytes flipped, markup characters inserted, ranges
/// deleted) never panic the importer and never vanish without a word.
#[test]
fn mutated_feeds_never_panic_or_vanish() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut panics_caught = 0;
    let mut cases = 0;
    for path in files() {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("broken_") || name.contains("large") {
            continue;
        }
        let original = std::fs::read(&path).expect("fixture");
        if original.is_empty() {
            continue;
        }
        for round in 0..12 {
            let mut bytes = original.clone();
            match round % 4 {
                0 => bytes.truncate(rng.random_range(0..bytes.len())),
                1 => {
                    for _ in 0..8 {
                        let i = rng.random_range(0..bytes.len());
                        bytes[i] = rng.random();
                    }
                }
                2 => {
                    for _ in 0..4 {
                        let i = rng.random_range(0..bytes.len());
                        let junk: &[u8] =
                            [&b"<"[..], b"&", b"]]>", b"<![CDATA[", b"</item>", b"\""]
                                [rng.random_range(0..6)];
                        bytes.splice(i..i, junk.iter().copied());
                    }
                }
                _ => {
                    let a = rng.random_range(0..bytes.len());
                    let b = (a + rng.random_range(0..200)).min(bytes.len());
                    bytes.drain(a..b);
                }
            }
            cases += 1;
            let parsed = parse(
                &bytes,
                &FeedOrigin {
                    origin: name,
                    source: None,
                    now: now(),
                    key: FeedKey::File(name),
                },
            );
            if parsed
                .problems
                .iter()
                .any(|p| p.message.contains("crashed on it"))
            {
                panics_caught += 1;
            }
            assert!(
                !parsed.documents.is_empty()
                    || !parsed.problems.is_empty()
                    || !parsed.notes.is_empty(),
                "{name} round {round}: nothing read and nothing said"
            );
        }
    }
    assert!(cases > 500, "{cases}");
    // feed-rs panics are caught and reported per file; record how often it happened.
    println!("{cases} mutated feeds; feed-rs panicked (caught) on {panics_caught}");
}

/// A data directory from before ids were unique per feed holds a feed file's items under their
/// bare ids. Importing the folder again updates those items where they are (no duplicates),
/// while another file's item with the same guid is added beside them, not over them.
#[tokio::test]
async fn feed_files_imported_under_the_old_ids_are_not_duplicated() {
    let rss = |title: &str, story: &str| {
        format!(
            "<rss version=\"2.0\"><channel><title>{title}</title><link>https://example.org/</link>\
             <item><guid isPermaLink=\"false\">1</guid><title>{story}</title>\
             <description>{story}, in full.</description></item>\
             <item><guid isPermaLink=\"false\">2</guid><title>{story} again</title>\
             <description>More on {story}.</description></item></channel></rss>"
        )
    };
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("kerrow.xml"),
        rss("Kerrow news", "Ferry timetable"),
    )
    .expect("write");
    let app = App::in_memory().await.expect("app");
    // What the previous version stored for kerrow.xml: its items under their bare guids.
    let mut old = parse(
        rss("Kerrow news", "Ferry timetable").as_bytes(),
        &FeedOrigin {
            origin: "kerrow.xml",
            source: None,
            now: now(),
            key: FeedKey::File("kerrow.xml"),
        },
    )
    .documents;
    for doc in &mut old {
        doc.id = sandpit::ingest::feed::legacy_file_id("kerrow.xml", &doc.id).expect("old id");
    }
    assert_eq!(old[0].id, "1");
    app.index.write("files", old).expect("write");

    std::fs::write(
        dir.path().join("ellis.xml"),
        rss("Port Ellis news", "Bin collection"),
    )
    .expect("write");
    let summary = app
        .import_paths("files", vec![dir.path().to_path_buf()], |_| {})
        .await
        .expect("import");
    assert_eq!((summary.added, summary.replaced), (2, 2), "{summary}");
    assert_eq!(app.index.count("files").expect("count"), 4);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.starts_with("2 item(s) of feed files kept")),
        "{:?}",
        summary.notes
    );
    let kept = app
        .document("files", "1")
        .await
        .expect("the old id is kept");
    assert_eq!(kept.title, "Ferry timetable");
    // Importing again changes nothing: the old ids stay, the new file's items keep theirs.
    let again = app
        .import_paths("files", vec![dir.path().to_path_buf()], |_| {})
        .await
        .expect("import");
    assert_eq!((again.added, again.replaced), (0, 4), "{again}");
}
