//! A query that explains itself (docs/design.md, "Explaining a query"): the query as a tree of
//! branches, each with the sub-query whose hits the index counts; variants of the query (drop a
//! clause, widen a word with a wildcard, AND to NEAR/5 and back) for comparing precision and
//! recall; the words a "did you mean" looks up; lower-case operators put in capitals; and the
//! edit distance the suggestions are chosen by. Pure: the counting is done by `index`, the rules
//! of when and for whom by `app`.
//!
//! This file: the tree and the variants. The words of a query, "did you mean" and operators in
//! capitals are `words.rs`.

mod words;

pub use words::{
    Word, capitalise_operators, edit_distance, replace_word, stem, suggestion_distance, words,
};

use super::ast::{Atom, Kind, Node, Pattern};
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

#[cfg(test)]
mod tests;
