//! The parser's own cases: the tree it builds and the errors it gives.

use super::*;

fn show(q: &str) -> String {
    parse(q)
        .map(|p| p.root.to_string())
        .unwrap_or_else(|e| format!("error {e}"))
}

fn col(q: &str) -> usize {
    match parse(q) {
        Ok(p) => panic!("{q:?} parsed as {}", p.root),
        Err(e) => e.column,
    }
}

#[test]
fn precedence_and_implicit_and() {
    assert_eq!(show("a OR b c"), "a OR (b AND c)");
    assert_eq!(show("a b OR c"), "(a AND b) OR c");
    assert_eq!(show("(a OR b) c"), "(a OR b) AND c");
    assert_eq!(show("a AND b -c"), "a AND b AND NOT c");
    assert_eq!(show("a NOT (b OR c)"), "a AND NOT (b OR c)");
    assert_eq!(show("a --b"), "a AND b");
}

#[test]
fn atoms() {
    assert_eq!(show("Covid-19"), "covid-19");
    assert_eq!(show("\"Rest  Centre\""), "\"rest centre\"");
    assert_eq!(show("“rest centre”"), "\"rest centre\"");
    assert_eq!(show("Evacuat*"), "evacuat*");
    assert_eq!(
        show("title:Flood body:\"a b\" author:x"),
        "title:flood AND body:\"a b\" AND author:x"
    );
    assert_eq!(
        show("source:Port-News site:.Gov.UK lang:FR"),
        "source:port-news AND site:gov.uk AND lang:fr"
    );
    assert_eq!(
        show("#FloodAlert @Port_Council"),
        "#floodalert AND @port_council"
    );
    assert_eq!(
        show("after:2025-03-01 before:2025-03-08"),
        "after:2025-03-01 AND before:2025-03-08"
    );
    assert_eq!(show("12:30"), "12-30");
    assert_eq!(show("Title:x"), "title:x");
}

#[test]
fn near() {
    assert_eq!(show("a NEAR/3 b NEAR/2f c"), "a NEAR/3 b NEAR/2f c");
    assert_eq!(
        show("(flood OR floods) NEAR/5 (evacuat* OR \"rest centre\")"),
        "(flood OR floods) NEAR/5 (evacuat* OR \"rest centre\")"
    );
    assert_eq!(show("title:a NEAR/0 b"), "title:a NEAR/0 b");
    assert_eq!(col("a NEAR/3 (b c)"), 10);
    assert_eq!(col("(a NEAR/3 b) NEAR/2 c"), 1);
    assert_eq!(col("a NEAR/3 #b"), 10);
    assert_eq!(col("a NEAR/3 -b"), 10);
    assert_eq!(col("a NEAR/3 site:x.org"), 10);
    assert_eq!(col("title:a NEAR/3 author:b"), 9);
    assert_eq!(col("NEAR/3 b"), 1);
    assert_eq!(col("a NEAR/3"), 3);
    assert_eq!(col("(a OR (b OR #c)) NEAR/1 d"), 13);
}

#[test]
fn errors_point_at_the_problem() {
    assert_eq!(col(""), 1);
    assert_eq!(col("   "), 1);
    assert_eq!(col("(a OR b"), 1);
    assert_eq!(col("a OR b)"), 7);
    assert_eq!(col("((a) OR (b"), 9);
    assert_eq!(col("a \"b c"), 3);
    assert_eq!(col("NOT football"), 1);
    assert_eq!(col("(NOT a) OR b"), 2);
    assert_eq!(col("a OR -b"), 6);
    assert_eq!(col("foo:bar"), 1);
    assert_eq!(col("title: flood"), 7);
    assert_eq!(col("after:2025-13-01"), 7);
    assert_eq!(col("after:yesterday"), 7);
    assert_eq!(col("*flood"), 1);
    assert_eq!(col("f*"), 2);
    assert_eq!(col("title:?x"), 7);
    assert_eq!(col("\"flood warn*\""), 12);
    assert_eq!(col("covid-1*"), 1);
    assert_eq!(col("OR a"), 1);
    assert_eq!(col("a OR"), 3);
    assert_eq!(col("a AND"), 3);
    assert_eq!(col("a ()"), 4);
    assert_eq!(col("a NOT"), 3);
    assert_eq!(col("a - b"), 3);
    assert_eq!(col("#"), 1);
    assert_eq!(col("#flood-alert"), 7);
    assert_eq!(col("site:https://gov.uk"), 6);
    assert_eq!(col("title:(a OR b)"), 7);
    assert_eq!(col(&"a ".repeat(3000)), MAX_QUERY_CHARS + 1);
}

#[test]
fn warnings() {
    let w = |q: &str| parse(q).map(|p| p.warnings).unwrap_or_default();
    assert!(w("flood or floods")[0].contains("capitals"));
    assert!(w("flood near/5 warning")[0].contains("NEAR/5"));
    assert!(w("a OR b c")[0].contains("a OR (b AND c)"));
    assert!(w("a OR (b c)").is_empty());
    assert!(w("a OR b").is_empty());
    assert!(w("\"flood or storm\"").is_empty());
}
