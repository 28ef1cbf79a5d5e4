//! The monitoring query language pinned case by case (DESIGN.md, "Normative: the monitoring
//! query language"): each query is run on the fixture corpus through the index and must match
//! exactly the listed document ids; each is also checked document by document with
//! `ParsedQuery::matches_document`, so the index and the reference agree. Errors are pinned to
//! their column and must carry a hint.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use sandpit::index::SearchIndex;
use sandpit::ingest::Document;
use sandpit::query::{Joiner, MAX_QUERY_CHARS, TextField, parse};
use tantivy::collector::DocSetCollector;
use tantivy::schema::{TantivyDocument, Value};

const CORPUS: &str = "fixture";

struct Fixture {
    index: SearchIndex,
    docs: Vec<Document>,
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

fn fixture() -> &'static Fixture {
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

fn search(corpus: &str, q: &str) -> BTreeSet<String> {
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
fn check(q: &str, expected: &[&str]) {
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
fn error_at(q: &str, column: usize) -> String {
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

#[test]
fn words_match_title_or_body_case_insensitively() {
    check("storm", &["h01", "f2", "w1", "k1"]);
    check("STORM", &["h01", "f2", "w1", "k1"]);
    check("Isla", &["w1"]);
    // author is not searched by a bare word
    check("marsh", &[]);
}

#[test]
fn implicit_and_explicit_and() {
    check("storm harriet", &["h01", "f2", "k1"]);
    check("storm AND harriet", &["h01", "f2", "k1"]);
    check("storm isla", &["w1"]);
}

#[test]
fn or_and_precedence() {
    check("storm OR isla", &["h01", "f2", "w1", "k1"]);
    // AND binds tighter: rovers OR (storm AND harriet)
    check("rovers OR storm harriet", &["f1", "f2", "r1", "h01", "k1"]);
    check(
        "rovers OR (storm harriet)",
        &["f1", "f2", "r1", "h01", "k1"],
    );
    check("(rovers OR storm) harriet", &["f1", "f2", "h01", "k1"]);
    let p = parse("rovers OR storm harriet").unwrap();
    assert_eq!(p.display(), "rovers OR (storm AND harriet)");
    assert!(
        p.warnings
            .iter()
            .any(|w| w.contains("rovers OR (storm AND harriet)")),
        "{:?}",
        p.warnings
    );
    assert!(
        parse("(rovers OR storm) harriet")
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn not_and_minus_exclude() {
    check("harriet -rovers", &["h01", "p1", "e1", "k1"]);
    check("harriet NOT rovers", &["h01", "p1", "e1", "k1"]);
    check("harriet AND NOT rovers", &["h01", "p1", "e1", "k1"]);
    check("storm -harriet", &["w1"]);
    check("storm NOT (harriet OR isla)", &[]);
    check("storm -(harriet football)", &["h01", "w1", "k1"]);
    check("isla OR (harriet -rovers -storm)", &["w1", "p1", "e1"]);
    // two negations cancel, with a warning
    check("harriet NOT NOT rovers", &["f1", "f2"]);
    assert!(!parse("harriet NOT NOT rovers").unwrap().warnings.is_empty());
}

#[test]
fn phrases_are_consecutive_in_one_field() {
    check("\"storm harriet\"", &["h01", "f2", "k1"]);
    check("\"storm harriet\" -football", &["h01", "k1"]);
    check("\"rest centre\"", &["h01"]);
    check("rest centre", &["h01", "h06"]);
    // punctuation inside quotes is ignored, as in the text
    check("\"Rest, Centre!\"", &["h01"]);
    check("“rest centre”", &["h01"]);
    // a phrase cannot run from the title into the body
    check("\"ellis heavy\"", &[]);
    check("\"flood\"", &["h04"]);
}

#[test]
fn words_with_punctuation_are_phrases() {
    check("covid-19", &["c1"]);
    check("\"covid 19\"", &["c1"]);
    check("covid 19", &["c1", "c2"]);
    check("covid19", &["c3"]);
    check("covid", &["c1", "c2"]);
    check("2-0", &["f1"]);
    check("port_council", &["h03"]);
}

#[test]
fn wildcards_within_one_token() {
    check("evacuat*", &["h03"]);
    check("evacuat?d", &["h03"]);
    check("evacuation*", &["h03"]);
    check("ev*tion", &["h03"]);
    check("flood?", &["h02", "g3"]);
    check("flo?d", &["h04"]);
    check("flood*", &["h01", "h02", "h04", "h05", "g3", "t1", "t2"]);
    check("wom?n", &["m1"]);
    check("sandbag?", &["n1", "n2", "n3", "n4", "n5", "n6", "n8"]);
    check(
        "sandbag*",
        &["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"],
    );
    check(
        "SANDBAG*",
        &["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"],
    );
}

#[test]
fn accents_are_not_folded() {
    check("école", &["e1"]);
    check("École", &["e1"]);
    check("ecole", &["e2"]);
    check("éc*", &["e1"]);
    check("fermée", &["e1"]);
    check("fermee", &[]);
}

#[test]
fn text_fields() {
    check("flooding", &["h01", "h05"]);
    check("title:flooding", &["h01"]);
    check("body:flooding", &["h01", "h05"]);
    check("title:\"storm harriet\"", &["h01", "f2", "k1"]);
    check("body:\"storm harriet\"", &["h01"]);
    check("author:marsh", &["h01", "a1"]);
    check("author:\"port ellis council\"", &["h03"]);
    check("author:flo*", &["a1"]);
    check("Title:sandbag*", &["n2", "n5", "n6"]);
    check("title:sandbags -body:depot", &["n5"]);
    check("title:sandbags -title:depot", &["n2", "n6"]);
}

#[test]
fn source_is_exact_and_case_insensitive() {
    check("source:kerrow-gazette", &["h02", "h05"]);
    check("source:KERROW-GAZETTE", &["h02", "h05"]);
    check("source:\"Kerrow-Gazette\"", &["h02", "h05"]);
    check("source:kerrow", &[]);
    check("source:kerrow-sport", &["f1", "f2", "r1"]);
}

#[test]
fn site_matches_the_host_and_its_subdomains() {
    check("site:gov.uk", &["h03", "h04", "p1", "g1", "g3"]);
    check("site:GOV.UK", &["h03", "h04", "p1", "g1", "g3"]);
    check("site:dft.gov.uk", &["g1"]);
    check("site:www.dft.gov.uk", &["g1"]);
    check("site:notgov.uk", &["g2"]);
    check("site:uk", &["h03", "h04", "p1", "g1", "g2", "g3"]);
    check("site:v.uk", &[]);
    check("site:.gov.uk", &["h03", "h04", "p1", "g1", "g3"]);
}

#[test]
fn lang() {
    check("lang:fr", &["e1"]);
    check("lang:FR", &["e1"]);
    check("lang:cy", &["k1"]);
    check("harriet lang:en", &["h01", "f1", "f2", "p1"]);
}

#[test]
fn hashtags_and_mentions() {
    check("#floodalert", &["t1"]);
    check("#FLOODALERT", &["t1"]);
    check("floodalert", &["t1", "t2"]);
    check("#stormharriet", &["h01"]);
    check("#harriet", &[]);
    check("#Kerrow_Strong", &["t3"]);
    check("#flood*", &["t1"]);
    check("@port_council", &["h03"]);
    check("@Port_Council", &["h03"]);
    check("@kerrow_fire", &["t3"]);
    check("@kerrow*", &["t3"]);
    check("#stormharriet OR @port_council", &["h01", "h03"]);
}

#[test]
fn dates_are_midnight_utc_boundaries() {
    // h01 is published at exactly 2025-03-01T00:00:00Z, h02 a second before.
    check("after:2025-03-01", &["h01", "h03", "h04"]);
    check("storm before:2025-03-01", &["f2", "w1", "k1"]);
    check("floods before:2025-03-01", &["h02", "g3"]);
    check("after:2025-03-01 before:2025-03-02", &["h01"]);
    check("after:2025-03-02 before:2025-03-03", &["h03"]);
    check("after:2025-02-28 before:2025-03-01", &["h02"]);
    check("after:2025-03-04", &[]);
    // Bounds in one group make one range: the latest after: and the earliest before: win.
    check("after:2025-03-02 before:2025-03-01", &[]);
    check("after:2025-03-01 before:2025-03-01", &[]);
    check(
        "after:2025-02-28 after:2025-03-01 before:2025-03-03 before:2025-03-02",
        &["h01"],
    );
}

#[test]
fn near_counts_the_tokens_between() {
    // n2: 3 tokens between; n3: 4 (depot first); n1: 5; n4, n5: 0; n6: different fields.
    check("sandbags NEAR/3 depot", &["n2", "n4", "n5"]);
    check("sandbags NEAR/4 depot", &["n2", "n3", "n4", "n5"]);
    check("sandbags NEAR/5 depot", &["n1", "n2", "n3", "n4", "n5"]);
    check("sandbags NEAR/0 depot", &["n4", "n5"]);
    check("sandbags NEAR/100 depot", &["n1", "n2", "n3", "n4", "n5"]);
    check("sandbags depot", &["n1", "n2", "n3", "n4", "n5", "n6"]);
}

#[test]
fn near_f_keeps_the_order() {
    check("sandbags NEAR/4f depot", &["n2", "n5"]);
    check("depot NEAR/4f sandbags", &["n3", "n4"]);
    check("sandbags NEAR/0f depot", &["n5"]);
    check("depot NEAR/0f sandbags", &["n4"]);
}

#[test]
fn near_in_restricted_fields() {
    check("title:sandbags NEAR/0 depot", &["n5"]);
    check("body:sandbags NEAR/0 depot", &["n4"]);
    // per field: the title alternative only counts in the title
    check(
        "(title:harriet OR lane) NEAR/0 (rovers OR appointed)",
        &["f1", "p1"],
    );
    check("author:ann NEAR/0 author:marsh", &["h01"]);
}

#[test]
fn near_with_phrases_groups_and_wildcards() {
    check("\"main depot\" NEAR/2 sandbags", &["n2"]);
    check("\"main depot\" NEAR/1 sandbags", &[]);
    check("flooding NEAR/4 \"rest centre\"", &["h01"]);
    check("flooding NEAR/3 \"rest centre\"", &[]);
    check("\"rest centre\" NEAR/4 flooding", &["h01"]);
    check("\"rest centre\" NEAR/4f flooding", &[]);
    check("sandbag* NEAR/0 depot*", &["n4", "n5", "n7"]);
    check(
        "(sandbag OR sandbags) NEAR/0 (depot OR depots)",
        &["n4", "n5", "n7"],
    );
    check(
        "(flooding OR floods) NEAR/5 (evacuat* OR \"rest centre\")",
        &["h01"],
    );
    check("harriet NEAR/0 rovers", &["f1"]);
    check("covid-19 NEAR/0 cases", &["c1"]);
}

#[test]
fn near_matches_do_not_overlap_and_chain_left_to_right() {
    check("sandbags NEAR/1 sandbags", &["n8"]);
    check("sandbags NEAR/0 sandbags", &[]);
    check("sandbags NEAR/3 sandbag*", &["n8"]);
    check("collect NEAR/0 sandbags NEAR/3 depot", &["n2"]);
    check("collect NEAR/0 sandbags NEAR/2 depot", &[]);
    check("(sandbags NEAR/3 depot) main", &["n2"]);
    check("sandbags NEAR/3 depot -main", &["n4", "n5"]);
}

#[test]
fn lower_case_operators_are_words_with_a_warning() {
    check("storm or isla", &[]);
    let p = parse("storm or isla").unwrap();
    assert!(
        p.warnings
            .iter()
            .any(|w| w.contains("capitals") && w.contains("OR"))
    );
    let p = parse("storm not harriet").unwrap();
    assert!(p.warnings.iter().any(|w| w.contains("NOT")));
    assert!(parse("\"storm or isla\"").unwrap().warnings.is_empty());
}

#[test]
fn search_is_scoped_to_the_corpus() {
    check("storm", &["h01", "f2", "w1", "k1"]);
    assert_eq!(search("other", "storm"), BTreeSet::from(["o1".to_string()]));
    assert_eq!(
        search("other", "#floodalert"),
        BTreeSet::from(["o1".to_string()])
    );
    assert_eq!(search("nowhere", "storm"), BTreeSet::new());
    // the unscoped query sees both corpora
    let f = fixture();
    let q =
        sandpit::index::compile::to_tantivy(&parse("\"rest centre\"").unwrap(), &f.index.fields);
    let n = f
        .index
        .searcher()
        .search(&q, &tantivy::collector::Count)
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn clauses_compile_one_by_one() {
    let f = fixture();
    let p = parse("storm harriet -football").unwrap();
    assert_eq!(p.joiner(), Joiner::And);
    let counts: Vec<(String, bool, usize)> = p
        .clauses()
        .into_iter()
        .map(|c| {
            let q = f.index.scoped(
                CORPUS,
                sandpit::index::compile::to_tantivy(&c.query, &f.index.fields),
            );
            let n = f
                .index
                .searcher()
                .search(&q, &tantivy::collector::Count)
                .unwrap();
            (c.text, c.negated, n)
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("storm".to_string(), false, 4),
            ("harriet".to_string(), false, 6),
            ("-football".to_string(), true, 2),
        ]
    );
    // why f2 was missed: it matches the excluded clause
    let f2 = f.docs.iter().find(|d| d.id == "f2").unwrap();
    let missed: Vec<String> = p
        .clauses()
        .into_iter()
        .filter(|c| c.query.matches_document(f2) == c.negated)
        .map(|c| c.text)
        .collect();
    assert_eq!(missed, ["-football"]);
}

#[test]
fn highlights_follow_the_query() {
    let f = fixture();
    let h01 = f.docs.iter().find(|d| d.id == "h01").unwrap();
    let marks = |q: &str, field: TextField, text: &str| -> Vec<String> {
        parse(q)
            .unwrap()
            .highlighter()
            .matches(field, text)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    };
    assert_eq!(
        marks(
            "flood* NEAR/4 \"rest centre\" -harbour",
            TextField::Body,
            &h01.body
        ),
        ["flooding", "rest centre"]
    );
    assert_eq!(
        marks("storm -harriet", TextField::Title, &h01.title),
        ["Storm"]
    );
    assert_eq!(
        marks("#stormharriet", TextField::Body, &h01.body),
        ["#StormHarriet"]
    );
    assert_eq!(
        marks("author:marsh", TextField::Author, &h01.author),
        ["Marsh"]
    );
    assert!(marks("author:marsh", TextField::Title, &h01.title).is_empty());
}

#[test]
fn errors_say_where() {
    // empty
    error_at("", 1);
    error_at("   ", 1);
    // unbalanced brackets point at the unmatched one
    error_at("(storm OR rain", 1);
    error_at("storm)", 6);
    error_at("((a) OR (b", 9);
    error_at("a ()", 4);
    // unbalanced quotes point at the opening quote
    error_at("storm \"rest centre", 7);
    // bad field names, with a suggestion when close
    error_at("colour:red", 1);
    let m = parse("titel:storm").unwrap_err();
    assert!(m.hint.unwrap().contains("title:"));
    error_at("storm title: flood", 13);
    error_at("title:(a OR b)", 7);
    // bad dates
    error_at("after:2025-02-30", 7);
    error_at("storm before:01/03/2025", 14);
    error_at("after:", 7);
    // leading wildcards
    error_at("*storm", 1);
    error_at("s*", 2);
    error_at("title:?x", 7);
    error_at("#*x", 2);
    // wildcards inside quotes
    error_at("\"flood warn*\"", 12);
    // a wildcard across tokens
    error_at("covid-1*", 1);
    // NEAR distance out of range or malformed
    error_at("a NEAR/101 b", 3);
    error_at("a NEAR/x b", 3);
    error_at("a NEAR b", 3);
    error_at("a NEAR/5F b", 3);
    error_at("a NEAR/", 3);
    // NEAR operands
    error_at("storm NEAR/3 (harriet isla)", 14);
    error_at("storm NEAR/3 #flood", 14);
    error_at("(storm NEAR/2 harriet) NEAR/2 rain", 1);
    error_at("site:gov.uk NEAR/2 x", 1);
    error_at("storm NEAR/2 -rain", 14);
    error_at("title:storm NEAR/2 author:marsh", 13);
    error_at("storm NEAR/2", 7);
    error_at("NEAR/2 storm", 1);
    // negative-only groups
    let m = error_at("NOT football", 1);
    assert!(m.contains("exclude"), "{m}");
    error_at("-football", 1);
    error_at("(NOT a) OR b", 2);
    error_at("storm OR -rain", 10);
    error_at("NOT a NOT b", 1);
    // dangling operators
    error_at("OR storm", 1);
    error_at("storm OR", 7);
    error_at("storm AND", 7);
    error_at("storm NOT", 7);
    error_at("storm AND OR rain", 7);
    // other values
    error_at("site:https://gov.uk", 6);
    error_at("source:port*", 12);
    error_at("lang:fr_FR", 6);
    error_at("#", 1);
    error_at("#flood-alert", 7);
    error_at("@", 1);
    error_at("#2025", 1);
    error_at("storm - rain", 7);
    error_at("\"\"", 1);
    error_at("&", 1);
    // too long
    let long = "storm ".repeat(MAX_QUERY_CHARS / 6 + 1);
    error_at(&long, MAX_QUERY_CHARS + 1);
    assert!(parse(&"a".repeat(MAX_QUERY_CHARS)).is_ok());
}

#[test]
fn columns_count_characters_not_bytes() {
    error_at("école -", 7);
    error_at("école (", 7);
    error_at("“école” *x", 9);
}

/// One word is counted and ranked in separate passes (unscored count, block-max WAND);
/// everything else in one. Both ways must give the same total and the same hits, for any query.
#[test]
fn separate_and_single_pass_ranking_agree() {
    use sandpit::index::search::{SearchRequest, SortOrder};
    let f = fixture();
    let no_marks = |_: sandpit::query::TextField, _: &str| Vec::new();
    for q in [
        "storm",
        "storm OR flood OR floods",
        "harriet OR rovers",
        "tempête",
        "title:storm OR flood",
        "body:storm OR harbour",
    ] {
        let parsed = parse(q).expect("parses");
        let run = |ranks_apart: bool, limit: usize| {
            f.index
                .search(SearchRequest {
                    corpus: CORPUS,
                    query: &parsed,
                    order: SortOrder::Relevance,
                    limit,
                    offset: 0,
                    facets: false,
                    ranks_apart,
                    marker: &no_marks,
                })
                .expect("search")
        };
        let (separate, single) = (run(true, 100), run(false, 100));
        assert_eq!(separate.total, single.total, "{q}");
        assert!(single.total > 0, "{q} finds something in the fixture");
        let hits = |r: &sandpit::index::search::SearchResults| {
            let mut v: Vec<(String, String)> = r
                .hits
                .iter()
                .map(|h| (h.id.clone(), format!("{:.5}", h.score)))
                .collect();
            v.sort();
            v
        };
        assert_eq!(hits(&separate), hits(&single), "{q}");
        // The best hit is the same when only one fits the page.
        assert_eq!(
            run(true, 1).hits[0].score,
            run(false, 1).hits[0].score,
            "{q}"
        );
    }
    assert!(parse("storm").expect("parses").ranks_apart());
    assert!(parse("title:storm").expect("parses").ranks_apart());
    for q in [
        "storm OR flood",
        "storm OR (flood harbour)",
        "storm harriet",
        "source:port-ellis-news sandbags",
        "storm NOT rovers",
        "\"rest centre\"",
        "flood*",
        "storm #storm*",
        "storm after:2026-01-01",
    ] {
        assert!(!parse(q).expect("parses").ranks_apart(), "{q}");
    }
}
