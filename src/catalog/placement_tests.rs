//! Tests of `placement` (kept apart so the rules read on one screen).
use super::*;

const ITEM: &str = r#"
[[items]]
id = "q"
skill = "operators"
kind = "query"
difficulty = 1
minutes = 1
title = "t"
prompt = "p"
model = "flood"
wrong = "rain OR"
[[items.posts]]
id = "a"
text = "flood"
relevant = true
"#;

fn messages(text: &str) -> Vec<String> {
    parse(text, "p.toml")
        .expect_err("problems")
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn the_shipped_items_load() {
    let p = shipped().expect("the shipped placement loads");
    assert_eq!(p.items.len(), 18);
}

#[test]
fn problems_name_the_file_the_line_and_the_item() {
    let got = messages(ITEM);
    assert!(
        got.iter().any(|m| m.starts_with("p.toml:3: ")
            && m.contains("item q: a query item needs at least 4 posts")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|m| m.contains("item q: wrong query \"rain OR\" does not run")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|m| m.contains("no item measures Triage")),
        "{got:?}"
    );
}

#[test]
fn a_toml_error_and_a_bad_fact_rule_have_their_lines() {
    let got = messages("[[items]]\nid = \"x\"\nskill = 3\n");
    assert!(got[0].starts_with("p.toml:3: "), "{got:?}");
    let write = r#"[[items]]
id = "w"
skill = "plain-english"
kind = "write"
difficulty = 2
minutes = 1
title = "t"
prompt = "p"
rules = ["no-such-pack"]
model = "x"
wrong = "y"
[[items.facts]]
fact = "f"
match = "a NEAR/ b"
"#;
    let got = messages(write);
    assert!(
        got.iter()
            .any(|m| m.contains("unknown rule pack \"no-such-pack\"")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|m| m.starts_with("p.toml:14: item w: fact \"f\"")),
        "{got:?}"
    );
}

#[test]
fn harder_items_come_later_within_a_skill() {
    let text = shipped_with_order_swapped();
    let got = messages(&text);
    assert!(
        got.iter()
            .any(|m| m.contains("within a skill, put easier items first")),
        "{got:?}"
    );
}

#[test]
fn a_pick_task_says_what_its_query_really_finds() {
    let text = SHIPPED.replacen("shows = \"misses\"", "shows = \"results\"", 1);
    let got = messages(&text);
    assert!(
        got.iter().any(|m| m.contains(
            "item read-forms: shows = \"results\", but the query does not find post \"b\""
        )),
        "{got:?}"
    );
    let text = SHIPPED.replacen("shows = \"results\"", "shows = \"misses\"", 1);
    let got = messages(&text);
    assert!(
        got.iter().any(|m| m.contains(
            "item read-noise: shows = \"misses\", but post \"c\" is found and has pick = true"
        )),
        "{got:?}"
    );
}

fn shipped_with_order_swapped() -> String {
    SHIPPED.replacen("difficulty = 1", "difficulty = 3", 1)
}
