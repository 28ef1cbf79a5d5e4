//! Explaining a query through the index: each branch's count and ids agree with counts made by
//! hand on the fixture and with the reference evaluator (`matches_document`), and "did you mean"
//! finds the corpus's own words within reach, counted in that corpus only.

mod support;

use std::collections::HashSet;

use sandpit::query::explain::{BranchKind, tree};
use sandpit::query::parse;
use support::query::{CORPUS, fixture};

fn counts(q: &str) -> Vec<(String, Option<usize>)> {
    let f = fixture();
    let t = tree(&parse(q).unwrap());
    let queries: Vec<_> = t.iter().map(|b| b.query.as_ref()).collect();
    let n = f.index.branch_counts(CORPUS, &queries).unwrap();
    t.into_iter().map(|b| b.label).zip(n).collect()
}

/// The count of a query made without the index: the reference evaluator over every document.
fn by_hand(q: &str) -> usize {
    let p = parse(q).unwrap();
    fixture()
        .docs
        .iter()
        .filter(|d| p.matches_document(d))
        .count()
}

#[test]
fn each_branch_is_counted() {
    // Counted by reading tests/data/query/fixture.jsonl: `storm` is in 4 documents (h01, f2,
    // w1, k1), `harriet` in 6, `football` in 2; of the storm ones, w1 is about Storm Isla and f2
    // is the football match, so the whole query finds h01 and k1.
    assert_eq!(
        counts("storm harriet -football"),
        [
            ("AND".to_string(), Some(2)),
            ("storm".to_string(), Some(4)),
            ("harriet".to_string(), Some(6)),
            ("NOT football".to_string(), Some(2)),
        ]
    );
}

#[test]
fn branch_counts_agree_with_the_reference_evaluator() {
    let f = fixture();
    for q in [
        "(flood OR floods) NEAR/5 road",
        "storm NOT (football OR rovers)",
        "(evacuat* OR \"rest centre\") harriet",
        "#StormHarriet OR @Port_Council OR source:port-ellis-council",
        "title:storm OR body:flooding",
    ] {
        let t = tree(&parse(q).unwrap());
        let queries: Vec<_> = t.iter().map(|b| b.query.as_ref()).collect();
        let n = f.index.branch_counts(CORPUS, &queries).unwrap();
        let ids = f.index.branch_ids(CORPUS, &queries).unwrap();
        for ((b, n), ids) in t.iter().zip(n).zip(ids) {
            let sub = b.query.as_ref().expect("every branch is counted here");
            let expected: HashSet<String> = f
                .docs
                .iter()
                .filter(|d| sub.matches_document(d))
                .map(|d| d.id.clone())
                .collect();
            assert_eq!(n, Some(expected.len()), "{q}: branch {}", b.label);
            assert_eq!(ids, Some(expected), "{q}: branch {}", b.label);
            if b.kind == BranchKind::Not {
                // What a NOT excludes is what the branch under it finds.
                assert_eq!(n, Some(by_hand(&sub.source)));
            }
        }
    }
}

#[test]
fn uncounted_branches_stay_uncounted() {
    let f = fixture();
    let n = f.index.branch_counts(CORPUS, &[None]).unwrap();
    assert_eq!(n, [None]);
}

#[test]
fn similar_words_come_from_the_corpus() {
    let f = fixture();
    // `harriet` is in the fixture; `hariet` is one edit away.
    let near = f.index.similar_words(CORPUS, "hariet", 1).unwrap();
    assert_eq!(near.first().map(|s| s.word.as_str()), Some("harriet"));
    assert_eq!(near[0].distance, 1);
    assert_eq!(
        near[0].documents,
        f.index.word_documents(CORPUS, "harriet").unwrap()
    );
    assert_eq!(near[0].documents, by_hand("harriet"));
    // Nothing within reach: no suggestion. Distance 0 asks for none.
    assert!(
        f.index
            .similar_words(CORPUS, "zzzzqqq", 2)
            .unwrap()
            .is_empty()
    );
    assert!(
        f.index
            .similar_words(CORPUS, "hariet", 0)
            .unwrap()
            .is_empty()
    );
    // A word only the other corpus holds is not suggested for this one.
    let other_only: Vec<String> = f
        .index
        .similar_words("other", "quiat", 1)
        .unwrap()
        .into_iter()
        .map(|s| s.word)
        .collect();
    assert_eq!(other_only, ["quiet"]);
    // The fixture corpus has no `quiet`, so it is never suggested there.
    assert_eq!(by_hand("quiet"), 0);
    assert!(
        f.index
            .similar_words(CORPUS, "quiat", 1)
            .unwrap()
            .iter()
            .all(|s| s.word != "quiet")
    );
}
