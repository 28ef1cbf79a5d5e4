//! The postings of every term one token pattern matches in a segment's field, walked as one
//! list of documents with their positions. A wildcard such as `evacuat*` can expand to
//! hundreds of terms, so the union keeps `seek` cheap and merges rare terms into one list.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, InvertedIndexReader, TERMINATED, Term};

use crate::query::ast::Pattern;

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
pub(super) struct TermUnion {
    members: Vec<Member>,
    heap: BinaryHeap<Reverse<(DocId, usize)>>,
    /// Members known to be at `doc`, taken out of the heap.
    at_doc: Vec<usize>,
    pub(super) doc: DocId,
    pub(super) cost: u64,
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

    pub(super) fn seek(&mut self, target: DocId) -> DocId {
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
    pub(super) fn positions(&mut self, out: &mut Vec<u32>) {
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

pub(super) fn open_union(
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
