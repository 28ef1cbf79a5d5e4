//! Span queries: `A NEAR/n B`, and atoms that must lie in the body (`body:x`). Tantivy has no
//! span queries, so this is a custom `Query`/`Weight`/`Scorer`: per segment and per field it
//! opens the postings (with positions) of every term the operands name, expanding wildcards
//! through the term dictionary, walks the documents that contain every required operand, and
//! checks positions there with the span arithmetic of `spans`. Stored text is never read.

mod cursor; // an expression's spans in one document
mod postings; // the postings of every term a pattern matches, as one list

use tantivy::columnar::Column;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::Field;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use crate::query::spans::SpanExpr;
use cursor::Cursor;

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
