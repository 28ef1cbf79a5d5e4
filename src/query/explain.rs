//! A query that explains itself (docs/design.md, "Explaining a query"): the query as a tree of
//! branches, each with the sub-query whose hits the index counts; variants of the query (drop a
//! clause, widen a word with a wildcard, AND to NEAR/5 and back) for comparing precision and
//! recall; the words a "did you mean" looks up; lower-case operators put in capitals; and the
//! edit distance the suggestions are chosen by. Pure: the counting is done by `index`, the rules
//! of when and for whom by `app`.

use super::ast::{Atom, Kind, Node, Pattern, Scope};
use super::{ParsedQuery, parse};

/// Branches beyond this many are shown but not counted: each count is a search.
pub const MAX_COUNTED_BRANCHES: usize = 40;
/// At most this many variants are offered, the most telling kinds first.
pub const MAX_VARIANTS: usize = 12;
/// The distance a NEAR takes when it replaces an AND.
pub const NEAR_FOR_AND: u32 = 5;

/// What a branch of the tree is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BranchKind {
    And,
    Or,
    /// Its count is of the documents it excludes.
    Not,
    Near,
    /// A word, phrase, wildcard, tag, filter or date.
    Leaf,
}

/// One node of the query's tree, in reading order (parents before children).
#[derive(Debug, Clone)]
pub struct Branch {
    /// 0 for the whole query.
    pub depth: usize,
    pub kind: BranchKind,
    /// The operator (`AND`, `OR`, `NOT`, `NEAR/5`) or, for a leaf, its text as written.
    pub label: String,
    /// The branch as written in the query.
    pub text: String,
    /// Whether it has branches under it (the next item is its first child).
    pub has_children: bool,
    /// How many nested lists close after this item (the template's `</ul></li>`).
    pub closes: usize,
    /// The documents this branch matches: for a NOT, what it excludes (the branch under it).
    /// `None` beyond `MAX_COUNTED_BRANCHES`.
    pub query: Option<ParsedQuery>,
}

/// The query's branches, whole query first, each parent before its children.
pub fn tree(q: &ParsedQuery) -> Vec<Branch> {
    let mut out = Vec::new();
    walk(q, q.root(), 0, &mut out);
    let mut counted = 0;
    for b in &mut out {
        if b.query.is_some() {
            counted += 1;
            if counted > MAX_COUNTED_BRANCHES {
                b.query = None;
            }
        }
    }
    // Each item closes the lists of the deeper items before the next one.
    for i in 0..out.len() {
        let next = out.get(i + 1).map_or(0, |n| n.depth);
        out[i].closes = out[i].depth.saturating_sub(next);
    }
    out
}

fn walk(q: &ParsedQuery, node: &Node, depth: usize, out: &mut Vec<Branch>) {
    let text = q.slice(node.span.clone());
    let (kind, label, children): (BranchKind, String, Vec<&Node>) = match &node.kind {
        Kind::And(c) => (BranchKind::And, "AND".into(), c.iter().collect()),
        Kind::Or(c) => (BranchKind::Or, "OR".into(), c.iter().collect()),
        Kind::Not(inner) => (BranchKind::Not, "NOT".into(), vec![inner.as_ref()]),
        Kind::Near {
            left,
            right,
            distance,
            ordered,
        } => (
            BranchKind::Near,
            format!("NEAR/{distance}{}", if *ordered { "f" } else { "" }),
            vec![left.as_ref(), right.as_ref()],
        ),
        _ => (BranchKind::Leaf, text.trim().to_string(), Vec::new()),
    };
    let counted = match &node.kind {
        // A NOT counts what it excludes.
        Kind::Not(inner) => Some(q.sub_query(inner)),
        _ => Some(q.sub_query(node)),
    };
    out.push(Branch {
        depth,
        kind,
        label,
        text: text.trim().to_string(),
        has_children: !children.is_empty(),
        closes: 0,
        query: counted,
    });
    // `NOT x` with a leaf `x` shows as one line: the leaf adds nothing to read.
    if kind == BranchKind::Not && children.iter().all(|c| leaf(c)) {
        if let Some(last) = out.last_mut() {
            last.has_children = false;
            last.label = format!("NOT {}", q.slice(children[0].span.clone()).trim());
        }
        return;
    }
    for child in children {
        walk(q, child, depth + 1, out);
    }
}

fn leaf(node: &Node) -> bool {
    !matches!(
        node.kind,
        Kind::And(_) | Kind::Or(_) | Kind::Not(_) | Kind::Near { .. }
    )
}

/// The kind of change a variant makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// One clause of an AND or OR left out.
    Drop,
    /// A word widened to its forms with a wildcard.
    Widen,
    /// An AND of words made a NEAR/5.
    AndToNear,
    /// A NEAR made an AND.
    NearToAnd,
}

/// The query with one change.
#[derive(Debug, Clone)]
pub struct Variant {
    pub change: Change,
    /// What changed, in words, with the query parts in backticks.
    pub describe: String,
    /// The whole changed query, in normalised form (it parses).
    pub query: String,
}

/// Variants of the query, each one change away from it, each parsing, none the same as the
/// query or each other: NEAR and AND swaps first, then widened words, then dropped clauses, at
/// most `MAX_VARIANTS`.
pub fn variants(q: &ParsedQuery) -> Vec<Variant> {
    let mut found = Vec::new();
    alternatives(q.root(), &mut found);
    found.sort_by_key(|(change, _, _)| match change {
        Change::AndToNear => 0,
        Change::NearToAnd => 1,
        Change::Widen => 2,
        Change::Drop => 3,
    });
    let original = q.display();
    let mut seen = vec![original];
    let mut out = Vec::new();
    for (change, describe, node) in found {
        let text = node.to_string();
        if seen.contains(&text) {
            continue;
        }
        // Only variants that run: dropping a clause can leave a group that only excludes.
        let Ok(parsed) = parse(&text) else { continue };
        seen.push(text);
        out.push(Variant {
            change,
            describe,
            query: parsed.display(),
        });
        if out.len() == MAX_VARIANTS {
            break;
        }
    }
    out
}

fn fresh(kind: Kind) -> Node {
    Node::new(kind, 0..0)
}

/// Every one-change alternative of `node`, as (change, description, the changed node).
fn alternatives(node: &Node, out: &mut Vec<(Change, String, Node)>) {
    // Changes inside a child, carried up into a copy of this node.
    let children: Vec<&Node> = match &node.kind {
        Kind::And(c) | Kind::Or(c) => c.iter().collect(),
        Kind::Not(inner) => vec![inner.as_ref()],
        Kind::Near { left, right, .. } => vec![left.as_ref(), right.as_ref()],
        _ => Vec::new(),
    };
    for (i, child) in children.iter().enumerate() {
        let mut inner = Vec::new();
        alternatives(child, &mut inner);
        for (change, describe, replacement) in inner {
            out.push((change, describe, with_child(node, i, replacement)));
        }
    }
    match &node.kind {
        Kind::And(c) | Kind::Or(c) => {
            let or = matches!(node.kind, Kind::Or(_));
            for i in 0..c.len() {
                let mut rest: Vec<Node> = c.clone();
                let dropped = rest.remove(i);
                let changed = if rest.len() == 1 {
                    rest.remove(0)
                } else if or {
                    fresh(Kind::Or(rest))
                } else {
                    fresh(Kind::And(rest))
                };
                out.push((Change::Drop, format!("Leave out `{dropped}`"), changed));
            }
            if !or {
                and_to_near(c, out);
            }
        }
        Kind::Near { left, right, .. } => {
            let mut both = fresh(Kind::And(vec![(**left).clone(), (**right).clone()]));
            both.bracketed = node.bracketed;
            out.push((
                Change::NearToAnd,
                format!("`{node}` becomes `{both}`: both anywhere in the document"),
                both,
            ));
        }
        Kind::Text {
            scope,
            atom: Atom::Term(word),
        } => {
            if let Some(stem) = stem(word) {
                let widened = fresh(Kind::Text {
                    scope: *scope,
                    atom: Atom::Wildcard(Pattern::new(format!("{stem}*"))),
                });
                out.push((
                    Change::Widen,
                    format!("`{node}` becomes `{widened}`: every word that starts `{stem}`"),
                    widened,
                ));
            }
        }
        _ => {}
    }
}

/// An AND whose clauses include two or more that NEAR can join: those become one NEAR/5 chain,
/// the rest stay beside it.
fn and_to_near(children: &[Node], out: &mut Vec<(Change, String, Node)>) {
    let (nearable, rest): (Vec<&Node>, Vec<&Node>) = children.iter().partition(|c| near_operand(c));
    if nearable.len() < 2 {
        return;
    }
    let mut chain = nearable[0].clone();
    for next in &nearable[1..] {
        chain = fresh(Kind::Near {
            left: Box::new(chain),
            right: Box::new((*next).clone()),
            distance: NEAR_FOR_AND,
            ordered: false,
        });
    }
    let joined: Vec<String> = nearable.iter().map(|n| n.to_string()).collect();
    let describe = format!(
        "`{}` becomes `{chain}`: the words within {NEAR_FOR_AND} of each other",
        joined.join(" AND ")
    );
    let changed = if rest.is_empty() {
        chain
    } else {
        let mut all = vec![chain];
        all.extend(rest.into_iter().cloned());
        fresh(Kind::And(all))
    };
    out.push((Change::AndToNear, describe, changed));
}

/// Words, phrases and wildcards, or an OR of them: what a NEAR takes on each side.
fn near_operand(node: &Node) -> bool {
    match &node.kind {
        Kind::Text { .. } => true,
        Kind::Or(c) => c.iter().all(near_operand),
        _ => false,
    }
}

fn with_child(node: &Node, i: usize, replacement: Node) -> Node {
    let mut copy = node.clone();
    match &mut copy.kind {
        Kind::And(c) | Kind::Or(c) => c[i] = replacement,
        Kind::Not(inner) => **inner = replacement,
        Kind::Near { left, right, .. } => {
            if i == 0 {
                **left = replacement
            } else {
                **right = replacement
            }
        }
        _ => {}
    }
    copy
}

/// The start of a word that its other forms share: common English endings taken off
/// (`evacuation` → `evacuat`, `floods` → `flood`), at least four characters kept. `None` for a
/// word too short to widen usefully.
pub fn stem(word: &str) -> Option<String> {
    const ENDINGS: [&str; 10] = [
        "ions", "ion", "ings", "ing", "ies", "ed", "es", "er", "s", "y",
    ];
    let chars = word.chars().count();
    if chars < 4 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    for ending in ENDINGS {
        if let Some(base) = word.strip_suffix(ending)
            && base.chars().count() >= 4
        {
            return Some(base.to_string());
        }
    }
    Some(word.to_string())
}

/// A word of the query a "did you mean" can look up: one searched token (not a phrase,
/// wildcard, tag or filter), with the character range of the clause it stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub token: String,
    pub span: std::ops::Range<usize>,
}

/// The single-token words of a query, outside NOT (a misspelt exclusion costs nothing to find),
/// each once.
pub fn words(q: &ParsedQuery) -> Vec<Word> {
    fn visit(node: &Node, out: &mut Vec<Word>) {
        match &node.kind {
            Kind::And(c) | Kind::Or(c) => c.iter().for_each(|c| visit(c, out)),
            Kind::Near { left, right, .. } => {
                visit(left, out);
                visit(right, out);
            }
            Kind::Text {
                scope: Scope::Default | Scope::Title | Scope::Body,
                atom: Atom::Term(t),
            } if !out.iter().any(|w| w.token == *t) => out.push(Word {
                token: t.clone(),
                span: node.span.clone(),
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    visit(q.root(), &mut out);
    out
}

/// The query with one word replaced by another, the rest as the user wrote it; `None` when
/// the result does not parse.
pub fn replace_word(q: &ParsedQuery, word: &Word, with: &str) -> Option<String> {
    let chars: Vec<char> = q.source.chars().collect();
    let clause: String = chars.get(word.span.clone())?.iter().collect();
    // Keep a field prefix (`title:`) as written.
    let prefix = clause.find(':').map_or("", |i| &clause[..=i]);
    let before: String = chars[..word.span.start].iter().collect();
    let after: String = chars[word.span.end..].iter().collect();
    let fixed = format!("{before}{prefix}{with}{after}");
    parse(&fixed).ok().map(|_| fixed)
}

/// The query with lower-case operator words (`and`, `or`, `not`, `near/3`) in capitals,
/// outside quotes; `None` when there are none or the result does not parse.
pub fn capitalise_operators(source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    let mut word = String::new();
    let mut quoted = false;
    let mut changed = false;
    let flush = |word: &mut String, out: &mut String, changed: &mut bool| {
        if is_lower_operator(word) {
            out.push_str(&word.to_uppercase());
            *changed = true;
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in source.chars() {
        if super::lexer::is_quote(c) {
            flush(&mut word, &mut out, &mut changed);
            quoted = !quoted;
            out.push(c);
        } else if quoted {
            out.push(c);
        } else if c.is_whitespace() || c == '(' || c == ')' {
            flush(&mut word, &mut out, &mut changed);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    if !quoted {
        flush(&mut word, &mut out, &mut changed);
    } else {
        out.push_str(&word);
    }
    (changed && parse(&out).is_ok()).then_some(out)
}

fn is_lower_operator(word: &str) -> bool {
    if word.to_uppercase() == word {
        return false;
    }
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "and" | "or" | "not") {
        return true;
    }
    lower.strip_prefix("near/").is_some_and(|n| {
        let n = n.strip_suffix('f').unwrap_or(n);
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
    })
}

/// The optimal-string-alignment distance between two words (insertions, deletions,
/// substitutions and swaps of neighbours each cost 1), or `None` when it is above `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    let v = d[a.len() * w + b.len()];
    (v <= max).then_some(v)
}

/// How far a suggestion may be from a word: 1 for words of up to 5 characters, else 2. Words
/// under 3 characters get none (too many neighbours to be a guess worth making).
pub fn suggestion_distance(word: &str) -> usize {
    match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
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
}
