//! Checking one document against a query without the index, by the same rules: for grading
//! ("which clause missed this document?") and as the reference the index is tested against.

use super::ast::TextField;
use super::ast::{Kind, Node};
use super::spans::span_expr;
use super::spans::{self, SpanExpr};
use crate::ingest::Document;
use crate::text::{self, Token};

/// A document's text fields, tokenized once.
pub(crate) struct DocView<'a> {
    doc: &'a Document,
    tokens: [Option<Vec<Token>>; 3],
}

impl<'a> DocView<'a> {
    pub fn new(doc: &'a Document) -> DocView<'a> {
        DocView {
            doc,
            tokens: [None, None, None],
        }
    }

    fn tokens(&mut self, field: TextField) -> (&[Token], &'a str) {
        let doc = self.doc;
        let (slot, text) = match field {
            TextField::Title => (0, doc.title.as_str()),
            TextField::Body => (1, doc.body.as_str()),
            TextField::Author => (2, doc.author.as_str()),
        };
        (
            self.tokens[slot].get_or_insert_with(|| text::tokens(text)),
            text,
        )
    }

    fn has_span(&mut self, expr: &SpanExpr, field: TextField) -> bool {
        let (tokens, source) = self.tokens(field);
        !spans::on_tokens::<(u32, u32)>(expr, tokens, source).is_empty()
    }
}

pub(crate) fn matches(node: &Node, view: &mut DocView<'_>) -> bool {
    let doc = view.doc;
    match &node.kind {
        Kind::Or(children) => children.iter().any(|c| matches(c, view)),
        Kind::And(children) => children.iter().all(|c| matches(c, view)),
        Kind::Not(inner) => !matches(inner, view),
        Kind::Text { .. } | Kind::Near { .. } => {
            [TextField::Title, TextField::Body, TextField::Author]
                .into_iter()
                .any(|f| span_expr(node, f).is_some_and(|e| view.has_span(&e, f)))
        }
        Kind::Source(s) => text::lowercase(&doc.source) == *s,
        Kind::Site(s) => {
            !doc.host.is_empty() && text::host_suffixes(&doc.host).iter().any(|h| h == s)
        }
        Kind::Lang(s) => text::lowercase(&doc.lang) == *s,
        Kind::Tag(p) => doc.tags.iter().any(|t| p.matches(&text::lowercase(t))),
        Kind::Mention(p) => doc.mentions.iter().any(|m| p.matches(&text::lowercase(m))),
        Kind::After(d) => doc.published.timestamp() >= midnight(*d),
        Kind::Before(d) => doc.published.timestamp() < midnight(*d),
    }
}

fn midnight(d: chrono::NaiveDate) -> i64 {
    d.and_time(chrono::NaiveTime::MIN).and_utc().timestamp()
}
