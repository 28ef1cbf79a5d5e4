//! The syntax Sandpit shares with the leading listening tools: `"a b"~n` proximity,
//! `<<<comments>>>`, case-sensitive `{Word}` and queries over several lines, checked through the
//! index and through the reference matcher on a small corpus of their own, with their errors.

use std::collections::BTreeSet;

use sandpit::index::SearchIndex;
use sandpit::ingest::Document;
use sandpit::query::parse;
use tantivy::collector::DocSetCollector;
use tantivy::schema::{TantivyDocument, Value};

const LINES: &[&str] = &[
    r#"{"id": "c1", "title": "NHS Kerrow opens winter clinic", "body": "The clinic in Kerrow opens on Monday.", "source": "kerrow-news", "published": "2025-03-01T00:00:00Z"}"#,
    r#"{"id": "c2", "title": "Walk-in centre", "body": "The nhs walk-in centre at kerrow harbour is busy.", "source": "kerrow-news", "published": "2025-03-01T00:00:00Z"}"#,
    r#"{"id": "c3", "title": "Flood warning", "body": "A warning was issued for flood risk on the coast road.", "source": "kerrow-news", "published": "2025-03-01T00:00:00Z"}"#,
    r#"{"id": "c4", "title": "Warning lights", "body": "The flood of calls about the new warning lights at the port kept the council busy all week.", "source": "kerrow-news", "published": "2025-03-01T00:00:00Z"}"#,
    r#"{"id": "c5", "title": "Vaccines", "body": "COVID-19 vaccines are offered at the Nhs clinic; covid 19 cases fell.", "source": "kerrow-news", "published": "2025-03-01T00:00:00Z"}"#,
];

struct Corpus {
    index: SearchIndex,
    docs: Vec<Document>,
}

fn corpus() -> &'static Corpus {
    static C: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let docs: Vec<Document> = LINES
            .iter()
            .enumerate()
            .filter_map(|(i, l)| sandpit::ingest::jsonl::parse_line(l, i + 1, "inline").unwrap())
            .collect();
        let index = SearchIndex::in_memory().unwrap();
        index.write("syntax", docs.clone()).unwrap();
        Corpus { index, docs }
    })
}

/// The ids a query finds, through the index; asserts the reference matcher agrees.
#[track_caller]
fn check(q: &str, expected: &[&str]) {
    let c = corpus();
    let parsed = parse(q).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    let query = c.index.scoped(
        "syntax",
        sandpit::index::compile::to_tantivy(&parsed, &c.index.fields),
    );
    let searcher = c.index.searcher();
    let got: BTreeSet<String> = searcher
        .search(&query, &DocSetCollector)
        .unwrap()
        .into_iter()
        .map(|a| {
            let d: TantivyDocument = searcher.doc(a).unwrap();
            d.get_first(c.index.fields.id)
                .and_then(|v| v.as_str())
                .unwrap()
                .to_string()
        })
        .collect();
    let want: BTreeSet<String> = expected.iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want, "index result for {q:?}");
    let reference: BTreeSet<String> = c
        .docs
        .iter()
        .filter(|d| parsed.matches_document(d))
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(reference, want, "reference result for {q:?}");
}

#[test]
fn proximity_is_near_in_any_order() {
    // c3: "warning … for flood" (3 words between in the body); "flood warning" in the title.
    check("\"flood warning\"~0", &["c3"]);
    check("\"warning flood\"~0", &["c3"]);
    // c4: "flood of calls about the new warning": 5 words between.
    check("\"flood warning\"~4", &["c3"]);
    check("\"flood warning\"~5", &["c3", "c4"]);
    assert_eq!(
        parse("\"flood warning\"~5").unwrap().display(),
        "flood NEAR/5 warning"
    );
    assert_eq!(
        parse("\"flood warning\"~5").unwrap().display(),
        parse("flood NEAR/5 warning").unwrap().display()
    );
    // Three words: a chain, each within n of the span so far.
    check("\"flood risk coast\"~3", &["c3"]);
    check("\"council port\"~3 OR \"clinic monday\"~4", &["c1", "c4"]);
    check("\"clinic monday\"~3", &[]);
}

#[test]
fn comments_are_ignored() {
    check("kerrow <<<the town, not the river>>> clinic", &["c1"]);
    check("<<<start>>>clinic<<<end>>>", &["c1", "c5"]);
    assert_eq!(
        parse("kerrow <<<a (note) with \"quotes\" NEAR/x>>> OR flood")
            .unwrap()
            .display(),
        "kerrow OR flood"
    );
}

#[test]
fn braces_match_one_letter_case() {
    check("nhs", &["c1", "c2", "c5"]);
    check("{NHS}", &["c1"]);
    check("{Nhs}", &["c5"]);
    check("{Kerrow}", &["c1"]);
    check("kerrow -{Kerrow}", &["c2"]);
    check("{COVID-19}", &["c5"]);
    check("{Covid-19}", &[]);
    check("{NHS} OR {Nhs}", &["c1", "c5"]);
    assert_eq!(parse("{NHS} clinic").unwrap().display(), "{NHS} AND clinic");
}

#[test]
fn case_sensitive_words_are_highlighted_only_in_their_case() {
    let h = parse("{Kerrow}").unwrap().highlighter();
    let text = "kerrow and Kerrow";
    let marks = h.matches(sandpit::query::TextField::Body, text);
    assert_eq!(marks, vec![11..17]);
}

#[test]
fn queries_over_several_lines() {
    check("(flood OR floods)\n  AND warning\n-lights", &["c3"]);
    let e = parse("(flood OR floods)\nAND (warning").unwrap_err();
    assert_eq!(e.line, Some((2, 5)));
    assert_eq!(e.column, 23);
    assert!(e.to_string().starts_with("line 2, column 5:"), "{e}");
    // One line: no line is given.
    let e = parse("flood (").unwrap_err();
    assert_eq!((e.line, e.column), (None, 7));
}

#[track_caller]
fn error_at(q: &str, column: usize, words: &str) {
    match parse(q) {
        Ok(p) => panic!("{q:?} parsed as {}", p.display()),
        Err(e) => {
            assert_eq!(e.column, column, "{q:?}: {e}");
            assert!(e.hint.is_some(), "{q:?} has no hint");
            assert!(e.message.contains(words), "{q:?}: {e}");
        }
    }
}

#[test]
fn errors_say_where() {
    error_at("flood <<<note", 7, "never closed");
    error_at("flood <<<note>>", 7, "never closed");
    error_at("\"flood warning\"~", 16, "needs a number");
    error_at("\"flood warning\"~x", 16, "needs a number");
    error_at("\"flood warning\"~101", 16, "out of range");
    error_at("\"flood\"~3", 1, "two or more words");
    error_at("flood~3", 6, "straight after a phrase");
    error_at("title:flood~3", 12, "straight after a phrase");
    error_at("\"flood warning\" ~3", 17, "straight after a phrase");
    error_at("flood >>>", 7, "no letters");
    error_at("{}", 1, "empty");
    error_at("a {nhs}", 3, "no capital letter");
    error_at("a {Kerrow", 3, "never closed");
    error_at("a {Port Ellis}", 3, "never closed");
    error_at("{--}", 1, "no letters");
    error_at("{Kerr*}", 6, "Wildcards");
    error_at("title:{Kerrow}", 7, "case-sensitive");
    error_at("{Kerrow} NEAR/3 clinic", 1, "case-sensitive");
    error_at("clinic NEAR/3 ({Kerrow} OR port)", 16, "case-sensitive");
}
