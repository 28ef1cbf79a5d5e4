//! Tests of the query's tree, its variants and the words a suggestion looks up.

use super::*;

fn q(s: &str) -> ParsedQuery {
    parse(s).unwrap()
}

#[test]
fn the_tree_lists_branches_in_reading_order_with_what_each_counts() {
    let t = tree(&q("(flood OR floods) NEAR/5 road -football"));
    let rows: Vec<(usize, BranchKind, &str, Option<String>)> = t
        .iter()
        .map(|b| {
            (
                b.depth,
                b.kind,
                b.label.as_str(),
                b.query.as_ref().map(|q| q.display()),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                0,
                BranchKind::And,
                "AND",
                Some("(flood OR floods) NEAR/5 road AND NOT football".into())
            ),
            (
                1,
                BranchKind::Near,
                "NEAR/5",
                Some("(flood OR floods) NEAR/5 road".into())
            ),
            (2, BranchKind::Or, "OR", Some("flood OR floods".into())),
            (3, BranchKind::Leaf, "flood", Some("flood".into())),
            (3, BranchKind::Leaf, "floods", Some("floods".into())),
            (2, BranchKind::Leaf, "road", Some("road".into())),
            // A NOT counts what it excludes, on one line.
            (1, BranchKind::Not, "NOT football", Some("football".into())),
        ]
    );
    // The nesting closes where the depth falls: after `floods` one list, after `road`
    // and at the end the rest.
    let closes: Vec<usize> = t.iter().map(|b| b.closes).collect();
    assert_eq!(closes, [0, 0, 0, 0, 1, 1, 1]);
    assert!(t[0].has_children && t[2].has_children && !t[6].has_children);
}

#[test]
fn a_not_over_a_group_keeps_its_branches() {
    let t = tree(&q("storm NOT (football OR rovers)"));
    let labels: Vec<&str> = t.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["AND", "storm", "NOT", "OR", "football", "rovers"]);
    assert_eq!(
        t[2].query.as_ref().map(|q| q.display()),
        Some("football OR rovers".into())
    );
    assert_eq!(t.last().map(|b| b.closes), Some(3));
}

#[test]
fn a_one_word_query_is_one_leaf() {
    let t = tree(&q("Harriet"));
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].kind, t[0].label.as_str()),
        (BranchKind::Leaf, "Harriet")
    );
    assert_eq!(t[0].closes, 0);
}

#[test]
fn branches_past_the_cap_are_listed_but_not_counted() {
    let words: Vec<String> = (0..50).map(|i| format!("w{i}")).collect();
    let t = tree(&q(&words.join(" OR ")));
    assert_eq!(t.len(), 51);
    assert_eq!(
        t.iter().filter(|b| b.query.is_some()).count(),
        MAX_COUNTED_BRANCHES
    );
}

fn variant_queries(s: &str) -> Vec<(Change, String)> {
    variants(&q(s))
        .into_iter()
        .map(|v| (v.change, v.query))
        .collect()
}

#[test]
fn variants_swap_and_for_near_widen_words_and_drop_clauses() {
    let v = variant_queries("flood road -football");
    assert_eq!(
        v,
        [
            (
                Change::AndToNear,
                "flood NEAR/5 road AND NOT football".to_string()
            ),
            (Change::Widen, "flood* AND road AND NOT football".into()),
            (Change::Widen, "flood AND road* AND NOT football".into()),
            // Excluding every form is a change worth trying too.
            (Change::Widen, "flood AND road AND NOT football*".into()),
            (Change::Drop, "road AND NOT football".into()),
            (Change::Drop, "flood AND NOT football".into()),
            (Change::Drop, "flood AND road".into()),
        ]
    );
    let v = variant_queries("flooding road");
    assert!(v.contains(&(Change::Widen, "flood* AND road".into())));
    assert!(v.contains(&(Change::Widen, "flooding AND road*".into())));
}

#[test]
fn near_becomes_and_and_every_variant_parses() {
    let v = variant_queries("(storm OR gale) NEAR/3 warning");
    assert_eq!(
        v[0],
        (Change::NearToAnd, "(storm OR gale) AND warning".into())
    );
    assert!(v.contains(&(Change::Widen, "(storm OR gale) NEAR/3 warn*".into())));
    assert!(v.contains(&(Change::Drop, "gale NEAR/3 warning".into())));
    for (_, text) in &v {
        assert!(parse(text).is_ok(), "{text}");
    }
}

#[test]
fn variants_that_would_not_run_are_left_out() {
    // Dropping `flood` leaves `NOT football` alone, which is refused.
    let v = variant_queries("flood -football");
    assert!(!v.iter().any(|(_, t)| t == "NOT football"));
    assert!(v.contains(&(Change::Drop, "flood".into())));
    // Nothing to vary in a date alone but it still parses: no variants, no panic.
    assert!(variant_queries("after:2026-01-01").is_empty());
}

#[test]
fn variants_are_capped() {
    let words: Vec<String> = (0..20).map(|i| format!("word{i}x")).collect();
    assert_eq!(variants(&q(&words.join(" OR "))).len(), MAX_VARIANTS);
}

#[test]
fn stems_take_off_common_endings() {
    assert_eq!(stem("evacuation").as_deref(), Some("evacuat"));
    assert_eq!(stem("floods").as_deref(), Some("flood"));
    assert_eq!(stem("flooding").as_deref(), Some("flood"));
    assert_eq!(stem("road").as_deref(), Some("road"));
    assert_eq!(stem("bus"), None);
    assert_eq!(stem("covid19"), None);
}

#[test]
fn words_and_replacing_one() {
    let parsed = q("Flod OR title:Stromm NOT footbal \"rest centre\"");
    let w = words(&parsed);
    assert_eq!(
        w.iter().map(|w| w.token.as_str()).collect::<Vec<_>>(),
        ["flod", "stromm"]
    );
    assert_eq!(
        replace_word(&parsed, &w[0], "flood").as_deref(),
        Some("flood OR title:Stromm NOT footbal \"rest centre\"")
    );
    assert_eq!(
        replace_word(&parsed, &w[1], "storm").as_deref(),
        Some("Flod OR title:storm NOT footbal \"rest centre\"")
    );
}

#[test]
fn lower_case_operators_are_capitalised_outside_quotes() {
    assert_eq!(
        capitalise_operators("flood and (road or bridge) near/3 closed").as_deref(),
        Some("flood AND (road OR bridge) NEAR/3 closed")
    );
    assert_eq!(
        capitalise_operators("storm not \"rock and roll\"").as_deref(),
        Some("storm NOT \"rock and roll\"")
    );
    assert_eq!(capitalise_operators("flood AND road"), None);
    assert_eq!(capitalise_operators("android orange"), None);
    // A fix that would not parse is not offered.
    assert_eq!(capitalise_operators("flood and"), None);
}

#[test]
fn edit_distance_is_bounded() {
    assert_eq!(edit_distance("flod", "flood", 2), Some(1));
    assert_eq!(edit_distance("harriet", "hariett", 2), Some(2));
    assert_eq!(edit_distance("form", "from", 1), Some(1));
    assert_eq!(edit_distance("flood", "flood", 0), Some(0));
    assert_eq!(edit_distance("flood", "storm", 2), None);
    assert_eq!(edit_distance("a", "abcd", 2), None);
    assert_eq!(edit_distance("école", "ecole", 1), Some(1));
    assert_eq!(suggestion_distance("at"), 0);
    assert_eq!(suggestion_distance("flod"), 1);
    assert_eq!(suggestion_distance("harriet"), 2);
}
