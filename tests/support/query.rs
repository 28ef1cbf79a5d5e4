//! The query tests' fixture: `tests/data/query/fixture.jsonl` indexed once per test binary as
//! the corpus `fixture`, beside a corpus `other` that reuses one of its ids, and the checks that
//! run a query both through the index and through `ParsedQuery::matches_document`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use sandpit::index::SearchIndex;
use sandpit::ingest::Document;
use sandpit::query::parse;
use tantivy::collector::DocSetCollector;
use tantivy::schema::{TantivyDocument, Value};

pub const CORPUS: &str = "fixture";

pub struct Fixture {
    pub index: SearchIndex,
    pub docs: Vec<Document>,
}

fn load(path: &str) -> Vec<Document> {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            sandpit::ingest::jsonl::parse_line(l, i + 1, path).expect("fixture line parses")
        })
        .collect()
}

fn other_corpus() -> Vec<Document> {
    let mut docs = load(&format!(
        "{}/tests/data/query/fixture.jsonl",
        env!("CARGO_MANIFEST_DIR")
    ));
    docs.truncate(1);
    let base = docs[0].clone();
    // Same id as a fixture document, different text: scoping must keep them apart.
    let h01 = Document {
        title: "Nothing to see".into(),
        body: "A quiet day.".into(),
        ..base.clone()
    };
    let o1 = Document {
        id: "o1".into(),
        title: "Storm Harriet latest".into(),
        body: "Storm Harriet rest centre flooding #FloodAlert".into(),
        ..base
    };
    vec![h01.derive(), o1.derive()]
}

pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let docs = load(&format!(
            "{}/tests/data/query/fixture.jsonl",
            env!("CARGO_MANIFEST_DIR")
        ));
        let index = SearchIndex::in_memory().expect("index");
        index.write(CORPUS, docs.clone()).expect("write fixture");
        index.write("other", other_corpus()).expect("write other");
        Fixture { index, docs }
    })
}

pub fn search(corpus: &str, q: &str) -> BTreeSet<String> {
    let f = fixture();
    let parsed = parse(q).unwrap_or_else(|e| panic!("{q:?} should parse: {e}"));
    let query = f.index.scoped(
        corpus,
        sandpit::index::compile::to_tantivy(&parsed, &f.index.fields),
    );
    let searcher = f.index.searcher();
    let addresses = searcher.search(&query, &DocSetCollector).expect("search");
    addresses
        .into_iter()
        .map(|a| {
            let doc: TantivyDocument = searcher.doc(a).expect("stored doc");
            doc.get_first(f.index.fields.id)
                .and_then(|v| v.as_str())
                .expect("id")
                .to_string()
        })
        .collect()
}

/// Asserts the exact set of fixture ids a query matches, through the index and by the reference.
#[track_caller]
pub fn check(q: &str, expected: &[&str]) {
    let expected: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
    let got = search(CORPUS, q);
    assert_eq!(got, expected, "index result for {q:?}");
    let parsed = parse(q).expect("parses");
    let reference: BTreeSet<String> = fixture()
        .docs
        .iter()
        .filter(|d| parsed.matches_document(d))
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(reference, expected, "reference result for {q:?}");
}

/// Asserts the error column (1-based, in characters) and that a hint is given.
#[track_caller]
pub fn error_at(q: &str, column: usize) -> String {
    match parse(q) {
        Ok(p) => panic!("{q:?} should be an error, parsed as {}", p.display()),
        Err(e) => {
            assert_eq!(e.column, column, "column for {q:?}: {e}");
            assert!(e.hint.is_some(), "{q:?} should have a hint: {e}");
            assert!(!e.message.is_empty());
            e.message
        }
    }
}
