//! Compilation of a parsed query into Tantivy queries over the schema's `Fields`, following the
//! meanings of docs/design.md ("Query language"): words and phrases in title or body (the `text` field), wildcards
//! through the term dictionary, keyword fields for source, site, language, tags and mentions,
//! date ranges, and the custom span query for NEAR and `body:` atoms.

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

mod filter;
mod near;

use super::Fields;
use crate::query::ParsedQuery;
use crate::query::ast::{Atom, Kind, Node, Pattern, TextField};
use crate::query::spans::{SpanExpr, span_expr};
use filter::Filter;
use near::{FieldSpans, SpanQuery};

/// The Tantivy query for a parsed query's documents (not yet scoped to a corpus).
pub fn to_tantivy(query: &ParsedQuery, fields: &Fields) -> Box<dyn Query> {
    compile(query.root(), fields)
}

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
    let per_field: Vec<(TextField, SpanExpr)> = node
        .near_fields()
        .unwrap_or_default()
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

fn compile(node: &Node, fields: &Fields) -> Box<dyn Query> {
    match &node.kind {
        Kind::Or(children) => union(children.iter().map(|c| compile(c, fields)).collect()),
        Kind::And(children) => {
            // `after:` and `before:` in one group make one range: one pass over the dates
            // instead of one per bound.
            let (mut after, mut before) = (None::<NaiveDate>, None::<NaiveDate>);
            let mut clauses = Vec::with_capacity(children.len());
            let keyword = |c: &Node| {
                matches!(
                    c.kind,
                    Kind::Source(_)
                        | Kind::Site(_)
                        | Kind::Lang(_)
                        | Kind::Tag(_)
                        | Kind::Mention(_)
                )
            };
            // Keyword fields add nothing to relevance: beside clauses that score, they filter.
            // Alone in a group, the rarest of them leads the intersection as usual.
            let scored = children.iter().any(|c| {
                !keyword(c) && !matches!(c.kind, Kind::Not(_) | Kind::After(_) | Kind::Before(_))
            });
            for c in children {
                match &c.kind {
                    Kind::After(d) => after = Some(after.map_or(*d, |a| a.max(*d))),
                    Kind::Before(d) => before = Some(before.map_or(*d, |b| b.min(*d))),
                    Kind::Not(inner) => {
                        clauses.push((Occur::MustNot, filter(compile(inner, fields))))
                    }
                    _ if scored && keyword(c) => {
                        clauses.push((Occur::Must, filter(compile(c, fields))))
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
            (Occur::MustNot, filter(compile(inner, fields))),
        ])),
        Kind::Near { .. } => Box::new(SpanQuery {
            per_field: places(node, fields),
        }),
        // Case-sensitive words are in title or body only (the parser refuses `title:{…}`).
        Kind::Text {
            atom: Atom::Cased { tokens, .. },
            ..
        } => cased_query(tokens, fields),
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
        // Only in title and body (the parser refuses `title:{…}`); see `cased_query`.
        Atom::Cased { tokens, .. } => atom_query(
            &Atom::Phrase {
                tokens: tokens.iter().map(|t| t.to_lowercase()).collect(),
                quoted: false,
            },
            field,
        ),
    }
}

/// A case-sensitive word, `{NHS}` or `{COVID-19}`: its words in order in `text` (any case, with
/// positions), and each of its words with a capital in exactly its case somewhere in
/// `text_cased` (which keeps only such words, without positions). For one word that is exact;
/// for several it can, rarely, also take a document that has the phrase in another case and
/// each capitalised word in this case elsewhere.
fn cased_query(tokens: &[String], fields: &Fields) -> Box<dyn Query> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
        Occur::Must,
        atom_query(
            &Atom::Phrase {
                tokens: tokens.iter().map(|t| t.to_lowercase()).collect(),
                quoted: false,
            },
            fields.text,
        ),
    )];
    for t in tokens.iter().filter(|t| t.chars().any(char::is_uppercase)) {
        clauses.push((
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(fields.text_cased, t),
                IndexRecordOption::Basic,
            )),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// A clause that only filters (see `filter`).
fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(Filter(query))
}
