//! Property tests of the query language: no input makes parsing, compiling, searching or
//! highlighting panic; error columns stay within the query; and for queries that parse, the index
//! (including the custom NEAR scorer walking postings across many blocks) finds exactly the
//! documents the reference check `ParsedQuery::matches_document` accepts.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use sandpit::index::SearchIndex;
use sandpit::ingest::Document;
use sandpit::query::{ParsedQuery, TextField, parse};
use tantivy::collector::DocSetCollector;
use tantivy::schema::{TantivyDocument, Value};

struct Corpus {
    index: SearchIndex,
    docs: Vec<Document>,
}

fn fixture_docs() -> Vec<Document> {
    let path = format!(
        "{}/tests/data/query/fixture.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            sandpit::ingest::jsonl::parse_line(l, i + 1, &path).expect("fixture line parses")
        })
        .collect()
}

/// Words of three letters so that wildcards (two letters before the first) have several
/// expansions, and few enough that every term spans many postings blocks.
const VOCAB: [&str; 8] = ["aaa", "aab", "abb", "bba", "bbb", "cca", "ccb", "abc"];

/// A deterministic corpus of short random texts (no RNG crate needed for a fixed corpus).
fn synthetic_docs(n: usize) -> Vec<Document> {
    let mut state: u64 = 0x5eed_1234_abcd_0001;
    let mut next = move |m: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % m
    };
    let base = fixture_docs().remove(0);
    (0..n)
        .map(|i| {
            let mut words = |max: u64| {
                let len = next(max + 1);
                (0..len)
                    .map(|_| {
                        // Now and then a rarer word, so `aa*` expands to many terms, some rare
                        // enough to be merged in memory by the NEAR scorer.
                        let word = if next(10) == 0 {
                            format!("aa{}", next(60))
                        } else {
                            VOCAB[next(VOCAB.len() as u64) as usize].to_string()
                        };
                        // Now and then a capital or a word in capitals, for `{Word}`.
                        match next(12) {
                            0 => word.to_uppercase(),
                            1 => format!("{}{}", word[..1].to_uppercase(), &word[1..]),
                            _ => word,
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(if next(4) == 0 { ", " } else { " " })
            };
            let title = words(4);
            let mut body = words(40);
            if body.is_empty() && title.is_empty() {
                body = "aaa".into();
            }
            Document {
                id: format!("s{i}"),
                title,
                body,
                author: words(2),
                published: Utc
                    .timestamp_opt(1_700_000_000 + i as i64 * 3_600, 0)
                    .unwrap(),
                ..base.clone()
            }
            .derive()
        })
        .collect()
}

fn fixture() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let docs = fixture_docs();
        let index = SearchIndex::in_memory().expect("index");
        index.write("fixture", docs.clone()).expect("write");
        Corpus { index, docs }
    })
}

fn synthetic() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| {
        let docs = synthetic_docs(3000);
        let index = SearchIndex::in_memory().expect("index");
        index.write("synthetic", docs.clone()).expect("write");
        Corpus { index, docs }
    })
}

fn index_ids(c: &Corpus, corpus: &str, q: &ParsedQuery) -> BTreeSet<String> {
    let searcher = c.index.searcher();
    let query = c.index.scoped(
        corpus,
        sandpit::index::compile::to_tantivy(q, &c.index.fields),
    );
    searcher
        .search(&query, &DocSetCollector)
        .expect("search runs")
        .into_iter()
        .map(|a| {
            let d: TantivyDocument = searcher.doc(a).expect("stored");
            d.get_first(c.index.fields.id)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

fn reference_ids(c: &Corpus, q: &ParsedQuery) -> BTreeSet<String> {
    c.docs
        .iter()
        .filter(|d| q.matches_document(d))
        .map(|d| d.id.clone())
        .collect()
}

fn check_highlights(q: &ParsedQuery, docs: &[Document]) {
    let h = q.highlighter();
    for d in docs.iter().take(40) {
        for (field, text) in [
            (TextField::Title, &d.title),
            (TextField::Body, &d.body),
            (TextField::Author, &d.author),
        ] {
            let ranges = h.matches(field, text);
            let mut last_end = 0;
            for r in ranges {
                assert!(r.start < r.end && r.end <= text.len(), "{r:?} in {text:?}");
                assert!(r.start >= last_end, "sorted, disjoint");
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                last_end = r.end;
            }
        }
    }
}

/// Runs everything on a query string: never a panic; errors have a column within the query; a
/// parsed query agrees with the reference on the fixture.
fn exercise(q: &str) -> Result<(), TestCaseError> {
    match parse(q) {
        Err(e) => {
            let len = q.chars().count();
            prop_assert!(
                (1..=len + 1).contains(&e.column),
                "column {} outside 1..={} for {:?}",
                e.column,
                len + 1,
                q
            );
            prop_assert!(!e.message.is_empty());
        }
        Ok(p) => {
            let c = fixture();
            prop_assert_eq!(index_ids(c, "fixture", &p), reference_ids(c, &p), "{:?}", q);
            check_highlights(&p, &c.docs);
            let _ = p.display();
            for clause in p.clauses() {
                let _ = index_ids(c, "fixture", &clause.query);
            }
        }
    }
    Ok(())
}

const PIECES: &[&str] = &[
    "storm",
    "harriet",
    "Rovers",
    "flood*",
    "sandbag?",
    "depot",
    "\"rest centre\"",
    "covid-19",
    "école",
    "(",
    ")",
    "OR",
    "AND",
    "NOT",
    "-",
    "or",
    "NEAR/0",
    "NEAR/3",
    "NEAR/2f",
    "NEAR/101",
    "NEAR/x",
    "title:",
    "body:",
    "author:",
    "site:gov.uk",
    "source:kerrow-gazette",
    "lang:fr",
    "#floodalert",
    "@port_council",
    "after:2025-03-01",
    "before:2025-03-02",
    "\"",
    "*",
    "?x",
    ":",
    "#",
    "@",
    "“",
    "”",
    "sandbags",
    "main",
    "collect",
    "(sandbag OR sandbags)",
];

fn piece_query() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", " ", "", "  "][..]),
        ),
        1..12,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, sep)| format!("{p}{sep}"))
            .collect()
    })
}

fn synthetic_atom() -> impl Strategy<Value = String> {
    let word = prop::sample::select(&VOCAB[..]).prop_map(str::to_string);
    prop_oneof![
        4 => word.clone(),
        2 => prop::sample::select(&["aa*", "bb?", "cc*", "ab?", "aa?", "aa1*", "aa5?"][..]).prop_map(str::to_string),
        1 => (word.clone(), word.clone()).prop_map(|(a, b)| format!("\"{a} {b}\"")),
        1 => word.clone().prop_map(|w| format!("title:{w}")),
        1 => word.clone().prop_map(|w| format!("body:{w}")),
        1 => word.clone().prop_map(|w| format!("author:{w}")),
        // Case-sensitive words (refused inside NEAR, so some queries are rightly errors).
        1 => (word, 0..3u8).prop_map(|(w, case)| match case {
            0 | 1 => format!("{{{}}}", w.to_uppercase()),
            _ => format!("{{{}{}}}", w[..1].to_uppercase(), &w[1..]),
        }),
    ]
}

fn synthetic_operand() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => synthetic_atom(),
        1 => prop::collection::vec(synthetic_atom(), 2..4).prop_map(|v| format!("({})", v.join(" OR "))),
    ]
}

fn near_op() -> impl Strategy<Value = String> {
    (0u32..6, any::<bool>()).prop_map(|(n, f)| format!(" NEAR/{n}{} ", if f { "f" } else { "" }))
}

fn synthetic_clause() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => synthetic_atom(),
        3 => (synthetic_operand(), near_op(), synthetic_operand())
            .prop_map(|(a, op, b)| format!("{a}{op}{b}")),
        1 => (synthetic_operand(), near_op(), synthetic_operand(), near_op(), synthetic_operand())
            .prop_map(|(a, op, b, op2, c)| format!("{a}{op}{b}{op2}{c}")),
        // `"a b"~n` and `"a b c"~n`: NEAR chains written as proximity.
        1 => (prop::collection::vec(prop::sample::select(&VOCAB[..]), 2..4), 0u32..6)
            .prop_map(|(words, n)| format!("\"{}\"~{n}", words.join(" "))),
    ]
}

fn synthetic_query() -> impl Strategy<Value = String> {
    (
        synthetic_clause(),
        prop::collection::vec(
            (
                prop::sample::select(&[" ", " OR ", " AND ", " -", " NOT "][..]),
                synthetic_clause(),
            ),
            0..3,
        ),
    )
        .prop_map(|(first, rest)| {
            let mut q = first;
            for (op, c) in rest {
                if op.trim_start().starts_with(['-', 'N']) {
                    q.push_str(&format!("{op}({c})"));
                } else {
                    q.push_str(&format!("{op}{c}"));
                }
            }
            q
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings_never_panic(q in any::<String>()) {
        exercise(&q)?;
    }

    #[test]
    fn grammar_flavoured_strings_never_panic(q in "[a-zA-Zé0-9 ()\"“”*?:#@/_.-]{0,40}") {
        exercise(&q)?;
    }

    #[test]
    fn queries_from_pieces_agree_with_the_reference(q in piece_query()) {
        exercise(&q)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn near_and_boolean_queries_agree_with_the_reference_on_many_blocks(q in synthetic_query()) {
        let p = match parse(&q) {
            Ok(p) => p,
            // Some combinations are rightly refused (e.g. title: NEAR author:).
            Err(_) => return Ok(()),
        };
        let c = synthetic();
        prop_assert_eq!(index_ids(c, "synthetic", &p), reference_ids(c, &p), "{:?}", q);
    }
}

#[test]
fn synthetic_terms_span_many_postings_blocks() {
    let c = synthetic();
    let p = parse("aaa").unwrap();
    // A postings block holds 128 documents; the NEAR scorer must seek across many of them.
    assert!(index_ids(c, "synthetic", &p).len() > 1000);
}
