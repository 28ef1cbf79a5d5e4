//! One test for each panic the fuzzing found, the generators reaching past the parsers, and the
//! batch commands answering every line.

use super::*;

// ---- Regressions: one test for each panic the fuzzing found ----------------------------------

/// `syllables` sliced its lower-cased word by character index (`&w[i..i + 4]`): any text with a
/// multi-byte letter before an "ea" pair panicked ("start byte index 27 is not a char boundary").
#[test]
pub(crate) fn regression_syllables_slice_by_char_index() {
    let draft = "hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝";
    assert!(compose::readability::syllables(draft) >= 1);
    assert!(compose::readability::syllables("éacreating") >= 1);
    let c = compose::check(draft, &[Platform::X.profile()], builtin_packs());
    assert!(c.readability.is_some());
}

/// `clean::html_to_text` walked the parsed HTML recursively: feed content nesting ten thousand
/// elements (a 50 KB description) overflowed the stack and aborted the whole process.
#[test]
pub(crate) fn regression_html_to_text_recursion() {
    let text = on_small_stack(|| {
        clean::html_to_text(&format!(
            "<p>a</p><script>{}no</script>{}deep<img alt=\"map\">{}<p>b</p>",
            "<div>".repeat(100),
            "<div>".repeat(16_000),
            "</div>".repeat(16_000)
        ))
    });
    assert_eq!(text, "a\n\ndeep map\n\nb");
}

/// A query of brackets nested as deep as the length limit allows (2,047 levels) overflowed the
/// stack of the thread parsing it; nesting now stops at `MAX_NESTING` with an error.
#[test]
pub(crate) fn regression_query_nesting_overflow() {
    let n = query::MAX_QUERY_CHARS / 2 - 1;
    let q = format!("{}a{}", "(".repeat(n), ")".repeat(n));
    let e = on_small_stack(move || query::parse(&q).map(|_| ()).unwrap_err());
    assert!(e.message.contains("nested deeper than"), "{e}");
    assert_eq!(e.column, query::MAX_NESTING + 1);
}

// ---- The generators reach past the parsers -------------------------------------------------

/// Share of `n` generated values for which `ok` holds.
pub(crate) fn share<T: std::fmt::Debug>(
    strategy: impl Strategy<Value = T>,
    n: usize,
    ok: impl Fn(&T) -> bool,
) -> f64 {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let hits = (0..n)
        .filter(|_| ok(&strategy.new_tree(&mut runner).expect("value").current()))
        .count();
    hits as f64 / n as f64
}

/// Hostile input that every parser rejects at the door would test only the door: enough of it
/// must parse for the fuzzing to reach the code behind.
#[test]
pub(crate) fn generated_input_gets_past_the_parsers() {
    let n = 300;
    let shares = [
        (
            "queries that parse",
            share(query_strategy(), n, |q| query::parse(q).is_ok()),
        ),
        (
            "feeds with items",
            share(feed_bytes(), n, |b| {
                !feed::parse(
                    b,
                    &feed::FeedOrigin {
                        origin: "f",
                        source: None,
                        now: now(),
                        key: feed::FeedKey::File("f"),
                    },
                )
                .documents
                .is_empty()
            }),
        ),
        (
            "OPML lists with feeds",
            share(opml_bytes(), n, |b| {
                opml::parse(b, "f").is_ok_and(|l| !l.feeds.is_empty())
            }),
        ),
        (
            "JSONL documents",
            share(jsonl_line(), n, |l| {
                matches!(jsonl::parse_line(l, 1, "f"), Ok(Some(_)))
            }),
        ),
        (
            "exercises that load",
            share(exercise_toml(), n, |t| {
                !exercises::from_text("f.toml", t).exercises.is_empty()
            }),
        ),
        (
            "rule packs that load",
            share(pack_toml(), n, |s| packs::parse(s, "f.toml", None).is_ok()),
        ),
    ];
    for (what, s) in shares {
        eprintln!("{what}: {:.0}%", s * 100.0);
        assert!(
            s >= 0.05,
            "only {:.1}% of generated input gives {what}",
            s * 100.0
        );
    }
}

// ---- The batch commands answer every line -----------------------------------------------------

/// Runs the real binary with `stdin`; returns (exit code, stdout lines, stderr).
pub(crate) fn sandpit_bin(args: &[&str], stdin: &[u8]) -> (Option<i32>, Vec<String>, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sandpit binary starts");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    // Written from a thread so that a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("sandpit finishes");
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    (
        out.status.code(),
        stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub(crate) const KNOWN_PANIC: &str = "hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝";

/// Hostile batch input: one entry per line, each either answered (`true`) or skipped as blank.
pub(crate) fn hostile_lines(strings: &[String]) -> (Vec<u8>, usize) {
    let mut input: Vec<u8> = Vec::new();
    let mut answered = 0;
    for s in strings {
        input.extend_from_slice(&serde_json::to_vec(s).expect("json"));
        input.push(b'\n');
        answered += 1;
    }
    let raw: &[&[u8]] = &[
        b"\"invalid \xff\xfe UTF-8\"",
        b"\xc0\x80\xed\xa0\x80",
        b"{\"not\": \"a string\"}",
        b"\"\\ud800 lone surrogate\"",
        b"\"unterminated",
        b"\"crlf line\"\r",
        b"null",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]",
    ];
    for r in raw {
        input.extend_from_slice(r);
        input.push(b'\n');
        answered += 1;
    }
    // Blank lines are skipped, not answered.
    input.extend_from_slice(b"\n   \n");
    (input, answered)
}

pub(crate) fn hostile_strings() -> Vec<String> {
    vec![
        KNOWN_PANIC.to_string(),
        format!("{KNOWN_PANIC} {KNOWN_PANIC}. There is the the UTILISE!! #floodalert @a@b.c"),
        String::new(),
        "\u{0}\u{1}\u{7F}\u{202E}\u{2066}\u{FEFF}\u{FFFE}\u{FFFF}\u{E0001}\u{10FFFF}".to_string(),
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{1F3FF}\u{1F1EC}\u{1F1E7}1\u{FE0F}\u{20E3}\u{1F3F4}\u{E0067}\u{E0062}\u{E007F}".to_string(),
        format!("e{}", "\u{301}".repeat(5000)),
        format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}a{}", "(".repeat(2_000), ")".repeat(2_000)),
        format!("{}x", "NOT ".repeat(1_000)),
        "ქართულიcreating".to_string(),
        "x.".repeat(50_000),
    ]
}

#[test]
pub(crate) fn check_batch_answers_every_line() {
    let mut strings = hostile_strings();
    strings.push("a".repeat((1 << 20) + 1));
    let (input, answered) = hostile_lines(&strings);
    let (code, lines, err) = sandpit_bin(&["check", "--platform", "all", "--jsonl"], &input);
    assert_eq!(
        lines.len(),
        answered,
        "every non-blank line is answered: {err}"
    );
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object a line");
        if let Some(e) = v.get("error") {
            assert!(e.as_str().is_some_and(|m| !m.is_empty()), "{v}");
            assert!(
                !e.as_str().unwrap_or_default().contains("internal error"),
                "{v}"
            );
        } else {
            assert!(
                v["counts"].as_array().is_some_and(|c| c.len() == 7),
                "line {}: {v}",
                i + 1
            );
        }
    }
    let first: serde_json::Value = serde_json::from_str(&lines[0]).expect("json");
    assert!(
        first.get("error").is_none(),
        "the known panic string is checked: {first}"
    );
    assert_eq!(code, Some(1), "bad lines make the exit status 1");
    assert!(err.contains("could not be checked"), "{err}");
}

#[test]
pub(crate) fn search_batch_answers_every_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_string_lossy().into_owned();
    let corpus = format!(
        "{}/tests/data/corpus/mini.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, _, err) = sandpit_bin(
        &["--data-dir", &data, "corpus", "import", "mini", &corpus],
        b"",
    );
    assert_eq!(code, Some(0), "{err}");
    let mut strings = hostile_strings();
    strings.extend([
        "storm".to_string(),
        format!(
            "{}storm{}",
            "(".repeat(query::MAX_NESTING),
            ")".repeat(query::MAX_NESTING)
        ),
        "storm ".repeat(2_000),
        "\"".to_string(),
        "*".to_string(),
    ]);
    let (input, answered) = hostile_lines(&strings);
    let (code, lines, err) = sandpit_bin(
        &["--data-dir", &data, "search", "--corpus", "mini", "--jsonl"],
        &input,
    );
    assert_eq!(
        lines.len(),
        answered,
        "every non-blank line is answered: {err}"
    );
    let mut found = 0;
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object a line");
        assert!(v.get("query").is_some(), "{v}");
        match v.get("error") {
            Some(e) => {
                let m = e["message"].as_str().unwrap_or_default();
                assert!(!m.is_empty() && !m.contains("internal error"), "{v}");
            }
            None => {
                assert!(v["ids"].is_array(), "{v}");
                found += usize::from(v["total"].as_u64().unwrap_or(0) > 0);
            }
        }
    }
    assert!(found >= 2, "the plain queries still find documents");
    assert_eq!(
        code,
        Some(1),
        "lines that are not JSON strings make the exit status 1"
    );
}

/// The deepest trees a query can build (brackets and exclusions at the nesting limit, and a
/// NEAR chain as long as the length limit allows, which nests without brackets) compile to a
/// Tantivy query and search an index on a 2 MiB stack.
#[test]
pub(crate) fn deepest_queries_compile_and_search_on_a_small_stack() {
    on_small_stack(|| {
        let index = sandpit::index::SearchIndex::in_memory().expect("index");
        let doc = document(
            "a b a b".into(),
            "a a b x #aa".into(),
            "a".into(),
            (String::new(), "en".into(), 0),
        );
        index.write("c", vec![doc.clone()]).expect("write");
        let n = query::MAX_NESTING;
        for q in [
            format!("{}a{}", "(".repeat(n), ")".repeat(n)),
            format!("{}a", "NOT ".repeat(n - 1)) + " b",
            format!("{}x{}", "(a OR (b ".repeat(n / 2), "))".repeat(n / 2)),
            format!("b {}", "-(a ".repeat(n / 2 - 1)) + "x" + &")".repeat(n / 2 - 1),
            format!("a{}", " NEAR/9 a".repeat(n)),
            format!("{}a{}", "(".repeat(n / 2), " NEAR/9f b".repeat(n / 2)) + &")".repeat(n / 2),
        ] {
            let parsed = query::parse(&q).unwrap_or_else(|e| panic!("{e}: {q}"));
            let searcher = index.searcher();
            let compiled = index.scoped(
                "c",
                sandpit::index::compile::to_tantivy(&parsed, &index.fields),
            );
            let hits = searcher
                .search(&compiled, &tantivy::collector::Count)
                .expect("search runs");
            assert_eq!(hits == 1, parsed.matches_document(&doc), "{q}");
            let _ = parsed.highlighter().matches(TextField::Body, &doc.body);
            let _ = parsed.display();
        }
    });
}
