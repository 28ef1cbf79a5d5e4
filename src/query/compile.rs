//! Compilation of a parsed query into Tantivy queries over the schema's `Fields`, following the
//! meanings of DESIGN.md: words and phrases in title or body (the `text` field), wildcards
//! through the term dictionary, keyword fields for source, site, language, tags and mentions,
//! date ranges, and the custom span query for NEAR and `body:` atoms.

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, EnableScoring, Explanation, Occur,
    PhraseQuery, Query, RangeQuery, RegexQuery, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, DocId, DocSet, Score, SegmentReader, Term};

use super::ast::{Atom, Kind, Node, Pattern};
use super::near::{FieldSpans, SpanQuery};
use super::parser::near_fields;
use super::spans::SpanExpr;
use crate::index::Fields;
use crate::index::search::TextField;

/// Where atoms of one text field are looked for. The body is indexed only as part of `text`,
/// from the position `body_start` gives.
fn place(fields: &Fields, f: TextField, expr: SpanExpr) -> FieldSpans {
    let (field, starts_at) = match f {
        TextField::Title => (fields.title, None),
        TextField::Body => (fields.text, Some(fields.body_start)),
        TextField::Author => (fields.author, None),
    };
    FieldSpans {
        field,
        starts_at,
        expr,
    }
}

/// The places a span expression is looked for, one per field it can match in. Title and body
/// looking for the same thing are one place, the whole `text` field: the gap between them keeps
/// spans from crossing.
fn places(node: &Node, fields: &Fields) -> Vec<FieldSpans> {
    let per_field: Vec<(TextField, SpanExpr)> = near_fields(node)
        .into_iter()
        .filter_map(|f| span_expr(node, f).map(|e| (f, e)))
        .collect();
    let title = per_field.iter().position(|(f, _)| *f == TextField::Title);
    let body = per_field.iter().position(|(f, _)| *f == TextField::Body);
    let mut out = Vec::with_capacity(per_field.len());
    let merged = matches!((title, body), (Some(t), Some(b)) if per_field[t].1 == per_field[b].1);
    for (f, expr) in per_field {
        match f {
            TextField::Title if merged => out.push(FieldSpans {
                field: fields.text,
                starts_at: None,
                expr,
            }),
            TextField::Body if merged => {}
            _ => out.push(place(fields, f, expr)),
        }
    }
    out
}

fn union(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    match queries.len() {
        0 => Box::new(EmptyQuery),
        1 => queries.remove(0),
        _ => Box::new(BooleanQuery::union(queries)),
    }
}

pub(crate) fn compile(node: &Node, fields: &Fields) -> Box<dyn Query> {
    match &node.kind {
        Kind::Or(children) => union(children.iter().map(|c| compile(c, fields)).collect()),
        Kind::And(children) => {
            // `after:` and `before:` in one group make one range: one pass over the dates
            // instead of one per bound.
            let (mut after, mut before) = (None::<NaiveDate>, None::<NaiveDate>);
            let mut clauses = Vec::with_capacity(children.len());
            for c in children {
                match &c.kind {
                    Kind::After(d) => after = Some(after.map_or(*d, |a| a.max(*d))),
                    Kind::Before(d) => before = Some(before.map_or(*d, |b| b.min(*d))),
                    Kind::Not(inner) => {
                        clauses.push((Occur::MustNot, excluded(compile(inner, fields))))
                    }
                    _ => clauses.push((Occur::Must, compile(c, fields))),
                }
            }
            if after.is_some() || before.is_some() {
                clauses.push((Occur::Must, date_range(fields.published, after, before)));
            }
            Box::new(BooleanQuery::new(clauses))
        }
        // The parser never leaves a NOT alone; should one reach here (a clause compiled on its
        // own), it still means the complement.
        Kind::Not(inner) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery)),
            (Occur::MustNot, excluded(compile(inner, fields))),
        ])),
        Kind::Near { .. } => Box::new(SpanQuery {
            per_field: places(node, fields),
        }),
        Kind::Text { scope, atom } => match scope.fields() {
            [TextField::Title, TextField::Body] => atom_query(atom, fields.text),
            only => union(
                only.iter()
                    .map(|&f| match f {
                        TextField::Title => atom_query(atom, fields.title),
                        TextField::Author => atom_query(atom, fields.author),
                        TextField::Body => in_body(node, atom, fields),
                    })
                    .collect(),
            ),
        },
        Kind::Source(s) => keyword(fields.source, s),
        Kind::Site(s) => keyword(fields.host, s),
        Kind::Lang(s) => keyword(fields.lang, s),
        Kind::Tag(p) => pattern_query(p, fields.tags),
        Kind::Mention(p) => pattern_query(p, fields.mentions),
        Kind::After(d) => date_range(fields.published, Some(*d), None),
        Kind::Before(d) => date_range(fields.published, None, Some(*d)),
    }
}

/// An atom in the body: scored as in the `text` field, kept only where a match lies in the
/// body's positions.
fn in_body(node: &Node, atom: &Atom, fields: &Fields) -> Box<dyn Query> {
    let Some(expr) = span_expr(node, TextField::Body) else {
        return Box::new(EmptyQuery);
    };
    let where_in_body = SpanQuery {
        per_field: vec![place(fields, TextField::Body, expr)],
    };
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, atom_query(atom, fields.text)),
        (
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(where_in_body), 0.0)),
        ),
    ]))
}

/// Documents published on or after `after` (from midnight UTC) and before `before` (up to its
/// midnight); either may be open.
fn date_range(field: Field, after: Option<NaiveDate>, before: Option<NaiveDate>) -> Box<dyn Query> {
    if let (Some(a), Some(b)) = (after, before)
        && a >= b
    {
        return Box::new(EmptyQuery);
    }
    Box::new(RangeQuery::new(
        after.map_or(Bound::Unbounded, |d| Bound::Included(date_term(field, d))),
        before.map_or(Bound::Unbounded, |d| Bound::Excluded(date_term(field, d))),
    ))
}

fn date_term(field: Field, d: NaiveDate) -> Term {
    let secs = d.and_time(chrono::NaiveTime::MIN).and_utc().timestamp();
    Term::from_field_date(field, DateTime::from_timestamp_secs(secs))
}

fn keyword(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

fn pattern_query(p: &Pattern, field: Field) -> Box<dyn Query> {
    if !p.has_wildcard() {
        return Box::new(TermQuery::new(
            Term::from_field_text(field, &p.text),
            IndexRecordOption::WithFreqs,
        ));
    }
    match RegexQuery::from_pattern(&p.regex(), field) {
        Ok(q) => Box::new(q),
        // `Pattern::regex` escapes everything but letters, digits and the wildcards, so this
        // cannot fail; match nothing rather than panic if it ever did.
        Err(_) => Box::new(EmptyQuery),
    }
}

fn atom_query(atom: &Atom, field: Field) -> Box<dyn Query> {
    match atom {
        Atom::Term(t) => Box::new(TermQuery::new(
            Term::from_field_text(field, t),
            IndexRecordOption::WithFreqs,
        )),
        Atom::Phrase { tokens, .. } if tokens.len() >= 2 => Box::new(PhraseQuery::new(
            tokens
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        )),
        Atom::Phrase { tokens, .. } => match tokens.first() {
            Some(t) => atom_query(&Atom::Term(t.clone()), field),
            None => Box::new(EmptyQuery),
        },
        Atom::Wildcard(p) => pattern_query(p, field),
    }
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

/// Wraps a query used as an exclusion. Tantivy's exclusion asks its set `seek_danger(doc)` for
/// documents that may lie behind where the set already is, which Tantivy 0.27's phrase scorer
/// does not allow (a debug assertion fails for `flood -"rest centre"`). The wrapper answers
/// `seek_danger` from `doc` and `seek` only, which is always allowed.
fn excluded(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(Excluded(query))
}

#[derive(Debug)]
struct Excluded(Box<dyn Query>);

impl Clone for Excluded {
    fn clone(&self) -> Self {
        Excluded(self.0.box_clone())
    }
}

impl Query for Excluded {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight(self.0.weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct ExcludedWeight(Box<dyn Weight>);

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ExcludedScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

struct ExcludedScorer(Box<dyn Scorer>);

impl DocSet for ExcludedScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.0.doc() {
            return self.0.doc();
        }
        self.0.seek(target)
    }

    // `seek_danger` is left to the trait's default, which goes through `doc` and `seek`.

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }

    fn cost(&self) -> u64 {
        self.0.cost()
    }
}

impl Scorer for ExcludedScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
