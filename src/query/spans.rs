//! Position arithmetic for phrases and NEAR, shared by the index-side NEAR scorer and the
//! highlighter so that what is highlighted is exactly what matched.
//!
//! A span is a run of token positions `start..=end` in one field. A word matches a span of one
//! token, a phrase a span of its tokens, and `A NEAR/n B` the span from the start of the first
//! of a pair of disjoint matches to the end of the second, when at most `n` tokens lie strictly
//! between them. A chain `a NEAR/3 b NEAR/2 c` is read left to right: `c` within 2 tokens of a
//! span of `a NEAR/3 b`.

use super::ast::{Atom, Kind, Node, Pattern, TextField};
use crate::text::Token;

/// What a NEAR operand or a text atom looks for in one field, with the field already chosen.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SpanExpr {
    /// One token matching the pattern (exact when it has no wildcard).
    Token(Pattern),
    /// Consecutive tokens.
    Phrase(Vec<String>),
    /// Consecutive tokens in exactly this letter case (`{Word}`). Only ever a whole text atom:
    /// the parser keeps it out of NEAR.
    Cased(Vec<String>),
    Or(Vec<SpanExpr>),
    Near {
        left: Box<SpanExpr>,
        right: Box<SpanExpr>,
        distance: u32,
        ordered: bool,
    },
}

/// A span as the scorer and the highlighter each need it.
pub(crate) trait Span: Clone {
    fn leaf(start: u32, end: u32) -> Self;
    fn start(&self) -> u32;
    fn end(&self) -> u32;
    /// The span covering both, for a NEAR match.
    fn join(a: &Self, b: &Self) -> Self;
    /// Folds a duplicate (same start and end) into `self`.
    fn absorb(&mut self, other: Self);
}

/// The scorer's span: positions only.
impl Span for (u32, u32) {
    fn leaf(start: u32, end: u32) -> Self {
        (start, end)
    }
    fn start(&self) -> u32 {
        self.0
    }
    fn end(&self) -> u32 {
        self.1
    }
    fn join(a: &Self, b: &Self) -> Self {
        (a.0.min(b.0), a.1.max(b.1))
    }
    fn absorb(&mut self, _other: Self) {}
}

/// The highlighter's span: it also remembers which atom matches made it, so that the tokens
/// between two NEAR operands are not marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marked {
    pub start: u32,
    pub end: u32,
    pub marks: Vec<(u32, u32)>,
}

impl Span for Marked {
    fn leaf(start: u32, end: u32) -> Self {
        Marked {
            start,
            end,
            marks: vec![(start, end)],
        }
    }
    fn start(&self) -> u32 {
        self.start
    }
    fn end(&self) -> u32 {
        self.end
    }
    fn join(a: &Self, b: &Self) -> Self {
        let mut marks = a.marks.clone();
        marks.extend_from_slice(&b.marks);
        marks.sort_unstable();
        marks.dedup();
        Marked {
            start: a.start.min(b.start),
            end: a.end.max(b.end),
            marks,
        }
    }
    fn absorb(&mut self, other: Self) {
        self.marks.extend(other.marks);
        self.marks.sort_unstable();
        self.marks.dedup();
    }
}

/// Sorts spans by start then end and folds duplicates.
pub(crate) fn normalise<S: Span>(spans: &mut Vec<S>) {
    spans.sort_unstable_by_key(|s| (s.start(), s.end()));
    let mut out: Vec<S> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        match out.last_mut() {
            Some(last) if last.start() == s.start() && last.end() == s.end() => last.absorb(s),
            _ => out.push(s),
        }
    }
    *spans = out;
}

/// Starts of consecutive runs: `p` such that `p + i` is in `lists[i]` for every `i`. Each list
/// is sorted ascending. Pushes one span per run.
pub(crate) fn phrase<S: Span>(lists: &[&[u32]], out: &mut Vec<S>) {
    let Some((first, rest)) = lists.split_first() else {
        return;
    };
    let len = lists.len() as u32;
    let mut cursors = vec![0usize; rest.len()];
    'starts: for &p in first.iter() {
        for (i, list) in rest.iter().enumerate() {
            let want = p as u64 + i as u64 + 1;
            let c = &mut cursors[i];
            while *c < list.len() && (list[*c] as u64) < want {
                *c += 1;
            }
            if *c == list.len() {
                break 'starts;
            }
            if list[*c] as u64 != want {
                continue 'starts;
            }
        }
        out.push(S::leaf(p, p.saturating_add(len - 1)));
    }
}

/// Pairs of disjoint spans, one from `a` and one from `b`, with at most `distance` positions
/// strictly between them (and `a`'s first when `ordered`). Both inputs must be normalised.
/// Returns whether any pair was found; with `first_only` it stops at the first and pushes
/// nothing (the scorer only needs to know), otherwise it pushes every joined span.
pub(crate) fn near<S: Span>(
    a: &[S],
    b: &[S],
    distance: u32,
    ordered: bool,
    first_only: bool,
    out: &mut Vec<S>,
) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let distance = distance as u64;
    let widest_b = b
        .iter()
        .map(|s| (s.end() - s.start()) as u64)
        .max()
        .unwrap_or(0);
    let mut found = false;
    for x in a {
        let (xs, xe) = (x.start() as u64, x.end() as u64);
        // `y` after `x`: its start within `distance` tokens after x's end.
        let from = b.partition_point(|y| (y.start() as u64) <= xe);
        for y in &b[from..] {
            if y.start() as u64 > xe + 1 + distance {
                break;
            }
            if first_only {
                return true;
            }
            found = true;
            out.push(S::join(x, y));
        }
        if ordered {
            continue;
        }
        // `y` before `x`: its end within `distance` tokens before x's start, so its start is
        // no earlier than that minus the widest span of `b`.
        let lowest = xs.saturating_sub(1 + distance + widest_b);
        let from = b.partition_point(|y| (y.start() as u64) < lowest);
        for y in &b[from..] {
            let (ys, ye) = (y.start() as u64, y.end() as u64);
            if ys >= xs {
                break;
            }
            if ye < xs && ye + 1 + distance >= xs {
                if first_only {
                    return true;
                }
                found = true;
                out.push(S::join(x, y));
            }
        }
    }
    if found {
        normalise(out);
    }
    found
}

/// `near` for two sorted lists of single-token positions, without building spans: whether some
/// `x` of `a` and a different `y` of `b` have at most `distance` positions between them (`x`
/// first when `ordered`).
pub(crate) fn positions_near(a: &[u32], b: &[u32], distance: u32, ordered: bool) -> bool {
    let distance = distance as u64;
    let mut j = 0;
    for &x in a {
        // First `y` after `x`.
        while j < b.len() && b[j] <= x {
            j += 1;
        }
        if let Some(&y) = b.get(j)
            && (y as u64) <= x as u64 + 1 + distance
        {
            return true;
        }
        if !ordered {
            // Last `y` before `x` (skipping `x` itself when both lists hold it).
            let mut k = j;
            while k > 0 && b[k - 1] >= x {
                k -= 1;
            }
            if k > 0 && (b[k - 1] as u64) + 1 + distance >= x as u64 {
                return true;
            }
        }
    }
    false
}

/// The spans of an expression in an already tokenized text (for highlighting and for checking a
/// single document without the index). `source` is the text the tokens came from, for the
/// case-sensitive atoms.
pub(crate) fn on_tokens<S: Span>(expr: &SpanExpr, tokens: &[Token], source: &str) -> Vec<S> {
    let mut out = Vec::new();
    match expr {
        SpanExpr::Cased(words) => {
            let lists: Vec<Vec<u32>> = words
                .iter()
                .map(|w| {
                    tokens
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| source.get(t.bytes.clone()) == Some(w.as_str()))
                        .map(|(i, _)| i as u32)
                        .collect()
                })
                .collect();
            let refs: Vec<&[u32]> = lists.iter().map(Vec::as_slice).collect();
            phrase(&refs, &mut out);
        }
        SpanExpr::Token(p) => {
            out.extend(positions(p, tokens).into_iter().map(|i| S::leaf(i, i)));
        }
        SpanExpr::Phrase(words) => {
            let lists: Vec<Vec<u32>> = words
                .iter()
                .map(|w| positions(&Pattern::new(w.clone()), tokens))
                .collect();
            let refs: Vec<&[u32]> = lists.iter().map(Vec::as_slice).collect();
            phrase(&refs, &mut out);
        }
        SpanExpr::Or(alternatives) => {
            for a in alternatives {
                out.extend(on_tokens::<S>(a, tokens, source));
            }
            normalise(&mut out);
        }
        SpanExpr::Near {
            left,
            right,
            distance,
            ordered,
        } => {
            let l = on_tokens::<S>(left, tokens, source);
            let r = on_tokens::<S>(right, tokens, source);
            near(&l, &r, *distance, *ordered, false, &mut out);
        }
    }
    out
}

fn positions(pattern: &Pattern, tokens: &[Token]) -> Vec<u32> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| pattern.matches(&t.text))
        .map(|(i, _)| i as u32)
        .collect()
}

/// What a text atom or a NEAR looks for in one field; `None` when it cannot match there.
pub(crate) fn span_expr(node: &Node, field: TextField) -> Option<SpanExpr> {
    match &node.kind {
        Kind::Text { scope, atom } => {
            if !scope.covers(field) {
                return None;
            }
            Some(match atom {
                Atom::Term(t) => SpanExpr::Token(Pattern::new(t.clone())),
                Atom::Wildcard(p) => SpanExpr::Token(p.clone()),
                Atom::Phrase { tokens, .. } => SpanExpr::Phrase(tokens.clone()),
                Atom::Cased { tokens, .. } => SpanExpr::Cased(tokens.clone()),
            })
        }
        Kind::Or(children) => {
            let mut alternatives: Vec<SpanExpr> = children
                .iter()
                .filter_map(|c| span_expr(c, field))
                .collect();
            match alternatives.len() {
                0 => None,
                1 => alternatives.pop(),
                _ => Some(SpanExpr::Or(alternatives)),
            }
        }
        Kind::Near {
            left,
            right,
            distance,
            ordered,
        } => Some(SpanExpr::Near {
            left: Box::new(span_expr(left, field)?),
            right: Box::new(span_expr(right, field)?),
            distance: *distance,
            ordered: *ordered,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(ps: &[u32]) -> Vec<(u32, u32)> {
        ps.iter().map(|&p| (p, p)).collect()
    }

    fn near_any(a: &[u32], b: &[u32], n: u32, ordered: bool) -> bool {
        near(&leaves(a), &leaves(b), n, ordered, true, &mut Vec::new())
    }

    #[test]
    fn near_counts_tokens_strictly_between() {
        // positions 0 and 4: three tokens between
        assert!(near_any(&[0], &[4], 3, false));
        assert!(!near_any(&[0], &[4], 2, false));
        assert!(near_any(&[4], &[0], 3, false));
        assert!(!near_any(&[4], &[0], 3, true));
        assert!(near_any(&[0], &[1], 0, true));
        // the same token is not a pair
        assert!(!near_any(&[2], &[2], 5, false));
    }

    #[test]
    fn near_with_phrase_spans() {
        // "rest centre" at 5..=6, "flood" at 9: two tokens between
        let a = vec![(5u32, 6u32)];
        assert!(near(&a, &leaves(&[9]), 2, true, true, &mut Vec::new()));
        assert!(!near(&a, &leaves(&[9]), 1, true, true, &mut Vec::new()));
        // before: flood at 1, phrase starts at 5: three between
        assert!(near(&a, &leaves(&[1]), 3, false, true, &mut Vec::new()));
        assert!(!near(&a, &leaves(&[1]), 2, false, true, &mut Vec::new()));
        // overlapping spans are not a pair
        assert!(!near(&a, &leaves(&[6]), 3, false, true, &mut Vec::new()));
        let mut out = Vec::new();
        assert!(near(&a, &leaves(&[1, 9]), 3, false, false, &mut out));
        assert_eq!(out, vec![(1, 6), (5, 9)]);
    }

    #[test]
    fn positions_near_agrees_with_near() {
        let lists: [&[u32]; 6] = [&[], &[0], &[3], &[0, 4, 9], &[2, 3, 10, 30], &[1, 5, 6, 7]];
        for a in lists {
            for b in lists {
                for n in 0..6 {
                    for ordered in [false, true] {
                        assert_eq!(
                            positions_near(a, b, n, ordered),
                            near_any(a, b, n, ordered),
                            "{a:?} {b:?} {n} {ordered}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn phrase_runs() {
        let mut out: Vec<(u32, u32)> = Vec::new();
        phrase(&[&[1, 5, 9], &[2, 7, 10], &[3, 11]], &mut out);
        assert_eq!(out, vec![(1, 3), (9, 11)]);
    }

    #[test]
    fn marked_join_keeps_only_the_operands() {
        let a = vec![Marked::leaf(0, 0)];
        let b = vec![Marked::leaf(3, 4)];
        let mut out = Vec::new();
        near(&a, &b, 5, true, false, &mut out);
        assert_eq!(out[0].marks, vec![(0, 0), (3, 4)]);
        assert_eq!((out[0].start, out[0].end), (0, 4));
    }
}
