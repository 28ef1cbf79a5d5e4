//! Errors in monitoring queries (DESIGN.md, "Normative: the monitoring query language"): each
//! is pinned to its column, counted in characters, and must carry a hint.

mod support;

use sandpit::query::{MAX_QUERY_CHARS, parse};
use support::query::error_at;

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
