//! Span queries: `A NEAR/n B`, and atoms that must lie in the body (`body:x`). Tantivy has no
//! span queries, so this is a custom `Query`/`Weight`/`Scorer`: per segment and per field it
//! opens the postings (with positions) of every term the operands name, expanding wildcards
//! through the term dictionary, walks the documents that contain every required operand, and
//! checks positions there with the span arithmetic of `spans`. Stored text is never read.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use tantivy::columnar::Column;
use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, InvertedIndexReader, Score, SegmentReader, TERMINATED, Term};

use crate::query::ast::Pattern;
use crate::query::spans::{self, SpanExpr};

/// Where to look for an expression's spans: a field, and optionally a per-document position
/// (a u64 fast field) before which spans do not count.
#[derive(Debug, Clone)]
pub(crate) struct FieldSpans {
    pub field: Field,
    pub starts_at: Option<Field>,
    pub expr: SpanExpr,
}

/// Documents where, in at least one of the places, the expression has a span.
#[derive(Debug, Clone)]
pub(crate) struct SpanQuery {
    pub per_field: Vec<FieldSpans>,
}

impl Query for SpanQuery {
    fn weight(&self, _scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(SpanWeight {
            per_field: self.per_field.clone(),
        }))
    }
}

struct SpanWeight {
    per_field: Vec<FieldSpans>,
}

impl Weight for SpanWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut fields = Vec::new();
        for place in &self.per_field {
            let inverted = reader.inverted_index(place.field)?;
            let Some(cursor) = Cursor::open(&place.expr, place.field, &inverted)? else {
                continue;
            };
            let starts_at = match place.starts_at {
                Some(f) => Some(
                    reader
                        .fast_fields()
                        .u64(reader.schema().get_field_name(f))?,
                ),
                None => None,
            };
            fields.push((cursor, starts_at));
        }
        if fields.is_empty() {
            return Ok(Box::new(EmptyScorer));
        }
        let mut scorer = SpanScorer {
            fields,
            doc: 0,
            score: boost,
            spans: Vec::new(),
        };
        scorer.find_from(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.doc() <= doc && scorer.seek(doc) == doc {
            Ok(Explanation::new("span match", scorer.score()))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "Document #({doc}) does not match"
            )))
        }
    }
}

struct SpanScorer {
    /// One cursor per place the expression can match in, with the first position that counts
    /// there when not every one does.
    fields: Vec<(Cursor, Option<Column<u64>>)>,
    doc: DocId,
    score: Score,
    spans: Vec<(u32, u32)>,
}

impl SpanScorer {
    /// Moves to the first document at or after `target` where some field has a NEAR match.
    fn find_from(&mut self, mut target: DocId) -> DocId {
        loop {
            if target >= TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            let mut candidate = TERMINATED;
            for (cursor, _) in &mut self.fields {
                candidate = candidate.min(cursor.seek(target));
            }
            if candidate == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            for (cursor, starts_at) in &mut self.fields {
                if cursor.doc() != candidate {
                    continue;
                }
                self.spans.clear();
                let found = match starts_at {
                    None => cursor.spans(&mut self.spans, true),
                    Some(column) => {
                        let from = column.first(candidate).unwrap_or(0);
                        cursor.spans(&mut self.spans, false)
                            && self.spans.iter().any(|s| u64::from(s.0) >= from)
                    }
                };
                if found {
                    self.doc = candidate;
                    return candidate;
                }
            }
            target = candidate + 1;
        }
    }
}

impl DocSet for SpanScorer {
    fn advance(&mut self) -> DocId {
        if self.doc >= TERMINATED {
            return TERMINATED;
        }
        self.find_from(self.doc + 1)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc {
            return self.doc;
        }
        self.find_from(target)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.cost().min(u32::MAX as u64) as u32
    }

    fn cost(&self) -> u64 {
        // Candidates are those of the rarest required operand; an intersection should let this
        // scorer lead when it is rarer than its partners, as a phrase query does.
        self.fields.iter().map(|(c, _)| c.cost()).sum::<u64>()
    }
}

impl Scorer for SpanScorer {
    fn score(&mut self) -> Score {
        self.score
    }
}

/// Documents and positions of many rare terms, read once and merged: a wildcard such as
/// `evacuat*` can expand to hundreds of terms found in a handful of documents each, and one
/// merged list is far cheaper to walk than hundreds of postings cursors.
struct Loaded {
    docs: Vec<DocId>,
    /// `positions[starts[i]..starts[i + 1]]` are the positions in `docs[i]`.
    starts: Vec<u32>,
    positions: Vec<u32>,
    cursor: usize,
}

impl Loaded {
    fn load(postings: Vec<SegmentPostings>) -> Loaded {
        let mut pairs: Vec<(DocId, u32)> = Vec::new();
        let mut buf = Vec::new();
        for mut p in postings {
            while p.doc() != TERMINATED {
                p.positions(&mut buf);
                pairs.extend(buf.iter().map(|&pos| (p.doc(), pos)));
                p.advance();
            }
        }
        pairs.sort_unstable();
        let mut docs = Vec::new();
        let mut starts = Vec::new();
        let mut positions = Vec::with_capacity(pairs.len());
        for (doc, pos) in pairs {
            if docs.last() != Some(&doc) {
                docs.push(doc);
                starts.push(positions.len() as u32);
            }
            positions.push(pos);
        }
        starts.push(positions.len() as u32);
        Loaded {
            docs,
            starts,
            positions,
            cursor: 0,
        }
    }
}

/// One source of postings in a term union.
// Nearly every member is a postings cursor; boxing them to shrink the rare `Loaded` case would
// add an indirection to the hottest loop.
#[allow(clippy::large_enum_variant)]
enum Member {
    Postings(SegmentPostings),
    Loaded(Loaded),
}

impl Member {
    fn doc(&self) -> DocId {
        match self {
            Member::Postings(p) => p.doc(),
            Member::Loaded(l) => l.docs.get(l.cursor).copied().unwrap_or(TERMINATED),
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        match self {
            Member::Postings(p) => {
                if p.doc() >= target {
                    p.doc()
                } else {
                    p.seek(target)
                }
            }
            Member::Loaded(l) => {
                let rest = &l.docs[l.cursor.min(l.docs.len())..];
                l.cursor += rest.partition_point(|&d| d < target);
                self.doc()
            }
        }
    }

    fn append_positions(&mut self, out: &mut Vec<u32>) {
        match self {
            Member::Postings(p) => p.append_positions_with_offset(0, out),
            Member::Loaded(l) => {
                if let (Some(&a), Some(&b)) = (l.starts.get(l.cursor), l.starts.get(l.cursor + 1)) {
                    out.extend_from_slice(&l.positions[a as usize..b as usize]);
                }
            }
        }
    }
}

/// The postings of every term matching one token pattern, walked as one list of documents.
/// One term is walked directly; several through a heap keyed by document, which keeps `seek`
/// cheap even when a wildcard expands to many terms.
struct TermUnion {
    members: Vec<Member>,
    heap: BinaryHeap<Reverse<(DocId, usize)>>,
    /// Members known to be at `doc`, taken out of the heap.
    at_doc: Vec<usize>,
    doc: DocId,
    cost: u64,
}

impl TermUnion {
    fn new(members: Vec<Member>, cost: u64) -> TermUnion {
        let heap = if members.len() > 1 {
            members
                .iter()
                .enumerate()
                .filter(|(_, m)| m.doc() != TERMINATED)
                .map(|(i, m)| Reverse((m.doc(), i)))
                .collect::<BinaryHeap<_>>()
        } else {
            BinaryHeap::new()
        };
        let doc = members.iter().map(Member::doc).min().unwrap_or(TERMINATED);
        TermUnion {
            members,
            heap,
            at_doc: Vec::new(),
            doc,
            cost,
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc {
            return self.doc;
        }
        if let [only] = self.members.as_mut_slice() {
            self.doc = only.seek(target);
            return self.doc;
        }
        for i in self.at_doc.drain(..) {
            let d = self.members[i].seek(target);
            if d != TERMINATED {
                self.heap.push(Reverse((d, i)));
            }
        }
        while let Some(&Reverse((d, i))) = self.heap.peek() {
            if d >= target {
                break;
            }
            self.heap.pop();
            let d = self.members[i].seek(target);
            if d != TERMINATED {
                self.heap.push(Reverse((d, i)));
            }
        }
        self.doc = self.heap.peek().map_or(TERMINATED, |Reverse((d, _))| *d);
        self.doc
    }

    /// Positions at the current document, sorted (one token has one position, so different
    /// terms never share one).
    fn positions(&mut self, out: &mut Vec<u32>) {
        out.clear();
        if let [only] = self.members.as_mut_slice() {
            only.append_positions(out);
            return;
        }
        while let Some(&Reverse((d, i))) = self.heap.peek() {
            if d != self.doc {
                break;
            }
            self.heap.pop();
            self.at_doc.push(i);
        }
        for &i in &self.at_doc {
            self.members[i].append_positions(out);
        }
        if self.at_doc.len() > 1 {
            out.sort_unstable();
        }
    }
}

/// Finds the terms of a field matching a pattern: one lookup for an exact token, a scan of the
/// dictionary range sharing the pattern's literal prefix for a wildcard.
fn matching_terms(
    pattern: &Pattern,
    field: Field,
    inverted: &InvertedIndexReader,
) -> tantivy::Result<Vec<TermInfo>> {
    if !pattern.has_wildcard() {
        let term = Term::from_field_text(field, &pattern.text);
        return Ok(inverted.get_term_info(&term)?.into_iter().collect());
    }
    let prefix = pattern.literal_prefix().as_bytes();
    let mut stream = inverted.terms().range().ge(prefix).into_stream()?;
    let mut out = Vec::new();
    while stream.advance() {
        let key = stream.key();
        if !key.starts_with(prefix) {
            break;
        }
        if std::str::from_utf8(key).is_ok_and(|t| pattern.matches(t)) {
            out.push(stream.value().clone());
        }
    }
    Ok(out)
}

fn open_union(
    pattern: &Pattern,
    field: Field,
    inverted: &InvertedIndexReader,
) -> tantivy::Result<Option<TermUnion>> {
    let infos = matching_terms(pattern, field, inverted)?;
    if infos.is_empty() {
        return Ok(None);
    }
    let cost = infos.iter().map(|i| i.doc_freq as u64).sum();
    let mut members = Vec::with_capacity(infos.len());
    let mut rare = Vec::new();
    // Merge rare terms only when there are many terms: a few cursors are cheap, and loading
    // reads every position up front.
    let merge_rare = infos.len() > MANY_TERMS;
    for info in &infos {
        let postings =
            inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqsAndPositions)?;
        if merge_rare && info.doc_freq <= RARE_DOC_FREQ {
            rare.push(postings);
        } else {
            members.push(Member::Postings(postings));
        }
    }
    if !rare.is_empty() {
        members.push(Member::Loaded(Loaded::load(rare)));
    }
    Ok(Some(TermUnion::new(members, cost)))
}

/// Above this many matching terms, rare ones are merged into one in-memory list.
const MANY_TERMS: usize = 8;
/// A term in at most this many documents of a segment counts as rare (one postings block).
const RARE_DOC_FREQ: u32 = 128;

/// A `SpanExpr` opened on one segment's field: a cursor over candidate documents (those where
/// every required operand occurs) that can list the expression's spans at the current one.
enum Cursor {
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
    fn open(
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

    fn doc(&self) -> DocId {
        match self {
            Cursor::Token { union, .. } => union.doc,
            Cursor::Phrase { doc, .. } | Cursor::Or { doc, .. } | Cursor::Near { doc, .. } => *doc,
        }
    }

    fn cost(&self) -> u64 {
        match self {
            Cursor::Token { union, .. } => union.cost,
            Cursor::Phrase { parts, .. } => parts.iter().map(|p| p.cost).min().unwrap_or(0),
            Cursor::Or { children, .. } => children.iter().map(Cursor::cost).sum(),
            Cursor::Near { left, right, .. } => left.cost().min(right.cost()),
        }
    }

    /// The first candidate at or after `target`.
    fn seek(&mut self, target: DocId) -> DocId {
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
    fn spans(&mut self, out: &mut Vec<(u32, u32)>, first_only: bool) -> bool {
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
