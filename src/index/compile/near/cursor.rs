//! Span matching in one segment: a `SpanExpr` opened as a cursor over the documents where
//! every required operand occurs, which lists the expression's spans there with the span
//! arithmetic of `query::spans`. Positions come from the postings; stored text is never read.

use tantivy::schema::Field;
use tantivy::{DocId, InvertedIndexReader, TERMINATED};

use super::postings::{TermUnion, open_union};
use crate::query::ast::Pattern;
use crate::query::spans::{self, SpanExpr};

/// A `SpanExpr` opened on one segment's field: a cursor over candidate documents (those where
/// every required operand occurs) that can list the expression's spans at the current one.
pub(super) enum Cursor {
    Token {
        union: TermUnion,
        buf: Vec<u32>,
    },
    Phrase {
        parts: Vec<TermUnion>,
        bufs: Vec<Vec<u32>>,
        doc: DocId,
    },
    Or {
        children: Vec<Cursor>,
        buf: Vec<(u32, u32)>,
        doc: DocId,
    },
    Near {
        left: Box<Cursor>,
        right: Box<Cursor>,
        distance: u32,
        ordered: bool,
        lbuf: Vec<(u32, u32)>,
        rbuf: Vec<(u32, u32)>,
        doc: DocId,
    },
}

impl Cursor {
    /// `None` when the expression cannot match in this segment (a required term is absent).
    pub(super) fn open(
        expr: &SpanExpr,
        field: Field,
        inverted: &InvertedIndexReader,
    ) -> tantivy::Result<Option<Cursor>> {
        let mut cursor = match expr {
            SpanExpr::Token(pattern) => match open_union(pattern, field, inverted)? {
                Some(union) => Cursor::Token {
                    union,
                    buf: Vec::new(),
                },
                None => return Ok(None),
            },
            SpanExpr::Phrase(tokens) => {
                let mut parts = Vec::with_capacity(tokens.len());
                for t in tokens {
                    match open_union(&Pattern::new(t.clone()), field, inverted)? {
                        Some(u) => parts.push(u),
                        None => return Ok(None),
                    }
                }
                Cursor::Phrase {
                    bufs: vec![Vec::new(); parts.len()],
                    parts,
                    doc: 0,
                }
            }
            // Case-sensitive words are indexed in a field of their own, and the parser keeps
            // them out of NEAR; here they can only mean "no match".
            SpanExpr::Cased(_) => return Ok(None),
            SpanExpr::Or(alternatives) => {
                let mut children = Vec::new();
                for a in alternatives {
                    children.extend(Cursor::open(a, field, inverted)?);
                }
                if children.is_empty() {
                    return Ok(None);
                }
                Cursor::Or {
                    children,
                    buf: Vec::new(),
                    doc: 0,
                }
            }
            SpanExpr::Near {
                left,
                right,
                distance,
                ordered,
            } => {
                let (Some(l), Some(r)) = (
                    Cursor::open(left, field, inverted)?,
                    Cursor::open(right, field, inverted)?,
                ) else {
                    return Ok(None);
                };
                Cursor::Near {
                    left: Box::new(l),
                    right: Box::new(r),
                    distance: *distance,
                    ordered: *ordered,
                    lbuf: Vec::new(),
                    rbuf: Vec::new(),
                    doc: 0,
                }
            }
        };
        cursor.align(0);
        Ok(Some(cursor))
    }

    pub(super) fn doc(&self) -> DocId {
        match self {
            Cursor::Token { union, .. } => union.doc,
            Cursor::Phrase { doc, .. } | Cursor::Or { doc, .. } | Cursor::Near { doc, .. } => *doc,
        }
    }

    pub(super) fn cost(&self) -> u64 {
        match self {
            Cursor::Token { union, .. } => union.cost,
            Cursor::Phrase { parts, .. } => parts.iter().map(|p| p.cost).min().unwrap_or(0),
            Cursor::Or { children, .. } => children.iter().map(Cursor::cost).sum(),
            Cursor::Near { left, right, .. } => left.cost().min(right.cost()),
        }
    }

    /// The first candidate at or after `target`.
    pub(super) fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc() {
            return self.doc();
        }
        self.align(target)
    }

    /// Like `seek`, without the shortcut, so that a new cursor lines its parts up.
    fn align(&mut self, target: DocId) -> DocId {
        if target >= TERMINATED {
            return self.set_doc(TERMINATED);
        }
        match self {
            Cursor::Token { union, .. } => union.seek(target),
            Cursor::Phrase { parts, doc, .. } => {
                *doc = leapfrog(target, parts.len(), |i, t| parts[i].seek(t));
                *doc
            }
            Cursor::Or { children, doc, .. } => {
                let mut min = TERMINATED;
                for c in children.iter_mut() {
                    let d = if c.doc() < target {
                        c.seek(target)
                    } else {
                        c.doc()
                    };
                    min = min.min(d);
                }
                *doc = min;
                min
            }
            Cursor::Near {
                left, right, doc, ..
            } => {
                *doc = leapfrog(
                    target,
                    2,
                    |i, t| {
                        if i == 0 { left.seek(t) } else { right.seek(t) }
                    },
                );
                *doc
            }
        }
    }

    fn set_doc(&mut self, d: DocId) -> DocId {
        match self {
            Cursor::Token { union, .. } => union.doc = d,
            Cursor::Phrase { doc, .. } | Cursor::Or { doc, .. } | Cursor::Near { doc, .. } => {
                *doc = d
            }
        }
        d
    }

    /// The spans at the current document, normalised, into `out` (cleared first). With
    /// `first_only`, stops as soon as it knows there is one and may leave `out` incomplete.
    pub(super) fn spans(&mut self, out: &mut Vec<(u32, u32)>, first_only: bool) -> bool {
        out.clear();
        match self {
            Cursor::Token { union, buf } => {
                union.positions(buf);
                out.extend(buf.iter().map(|&p| (p, p)));
            }
            Cursor::Phrase { parts, bufs, .. } => {
                for (part, buf) in parts.iter_mut().zip(bufs.iter_mut()) {
                    part.positions(buf);
                }
                let lists: Vec<&[u32]> = bufs.iter().map(Vec::as_slice).collect();
                spans::phrase(&lists, out);
            }
            Cursor::Or { children, buf, doc } => {
                for c in children.iter_mut() {
                    if c.doc() == *doc && c.spans(buf, first_only) {
                        if first_only {
                            return true;
                        }
                        out.extend_from_slice(buf);
                    }
                }
                spans::normalise(out);
            }
            Cursor::Near {
                left,
                right,
                distance,
                ordered,
                lbuf,
                rbuf,
                ..
            } => {
                // The common case, two single tokens asked only whether they are near: compare
                // the position lists directly.
                if first_only
                    && let (
                        Cursor::Token { union: lu, buf: lb },
                        Cursor::Token { union: ru, buf: rb },
                    ) = (left.as_mut(), right.as_mut())
                {
                    lu.positions(lb);
                    ru.positions(rb);
                    return spans::positions_near(lb, rb, *distance, *ordered);
                }
                // Operands need all their spans to be paired, whatever the caller asks.
                if !left.spans(lbuf, false) || !right.spans(rbuf, false) {
                    return false;
                }
                return spans::near(lbuf, rbuf, *distance, *ordered, first_only, out);
            }
        }
        !out.is_empty()
    }
}

/// Intersection of `n` cursors: the first document at or after `target` they all reach.
fn leapfrog(mut target: DocId, n: usize, mut seek: impl FnMut(usize, DocId) -> DocId) -> DocId {
    loop {
        let mut max = target;
        for i in 0..n {
            let d = seek(i, target);
            if d > max {
                max = d;
                break;
            }
        }
        if max == target || max >= TERMINATED {
            return max.min(TERMINATED);
        }
        target = max;
    }
}
