//! The monitoring query language in the index, beyond which documents match: every search
//! scoped to its corpus, each clause compiled to a query of its own, highlights that follow the
//! query, and ranking in one pass or two giving the same hits.

mod support;

use std::collections::BTreeSet;

use sandpit::query::{Joiner, TextField, parse};
use support::query::{CORPUS, check, fixture, search};

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
