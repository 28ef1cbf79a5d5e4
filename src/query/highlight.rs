//! Highlighting: which bytes of a title, body or author a query's positive atoms match. Words,
//! wildcards and phrases are found with the normative tokenizer; NEAR marks only the operand
//! matches that are near each other (never the words between); hashtags and mentions mark their
//! `#…`/`@…` in the text. Anything under NOT is never marked.

use std::ops::Range;

use super::ast::TextField;
use super::ast::{Kind, Node, Pattern};
use super::spans::span_expr;
use super::spans::{self, Marked, SpanExpr};
use crate::text;

const TEXT_FIELDS: [TextField; 3] = [TextField::Title, TextField::Body, TextField::Author];

fn slot(field: TextField) -> usize {
    match field {
        TextField::Title => 0,
        TextField::Body => 1,
        TextField::Author => 2,
    }
}

/// Marks what a parsed query matches in a text. Built once per query, used for every hit.
#[derive(Debug, Clone, Default)]
pub struct Highlighter {
    /// Per text field (title, body, author): the positive atoms and NEARs that can match there.
    exprs: [Vec<SpanExpr>; 3],
    tags: Vec<Pattern>,
    mentions: Vec<Pattern>,
}

impl Highlighter {
    pub(crate) fn new(root: &Node) -> Highlighter {
        let mut h = Highlighter::default();
        h.collect(root);
        h
    }

    fn collect(&mut self, node: &Node) {
        match &node.kind {
            Kind::Not(_) => {}
            Kind::Or(children) | Kind::And(children) => {
                for c in children {
                    self.collect(c);
                }
            }
            Kind::Text { .. } | Kind::Near { .. } => {
                for f in TEXT_FIELDS {
                    if let Some(e) = span_expr(node, f) {
                        self.exprs[slot(f)].push(e);
                    }
                }
            }
            Kind::Tag(p) => self.tags.push(p.clone()),
            Kind::Mention(p) => self.mentions.push(p.clone()),
            Kind::Source(_) | Kind::Site(_) | Kind::Lang(_) | Kind::After(_) | Kind::Before(_) => {}
        }
    }

    /// Byte ranges of `text` (a document's title, body or author) that the query matched:
    /// sorted, not overlapping, each covering whole tokens (a phrase as one range, a hashtag or
    /// mention with its sign).
    pub fn matches(&self, field: TextField, text: &str) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        let exprs = &self.exprs[slot(field)];
        if !exprs.is_empty() {
            let tokens = text::tokens(text);
            for expr in exprs {
                for span in spans::on_tokens::<Marked>(expr, &tokens, text) {
                    for (s, e) in span.marks {
                        if let (Some(a), Some(b)) = (tokens.get(s as usize), tokens.get(e as usize))
                        {
                            ranges.push(a.bytes.start..b.bytes.end);
                        }
                    }
                }
            }
        }
        if field != TextField::Author {
            for (sigil, patterns) in [('#', &self.tags), ('@', &self.mentions)] {
                if patterns.is_empty() {
                    continue;
                }
                for (range, word) in text::sigil_spans(text, sigil) {
                    if patterns.iter().any(|p| p.matches(&word)) {
                        ranges.push(range);
                    }
                }
            }
        }
        merge(ranges)
    }
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;

    fn marked(q: &str, field: TextField, text: &str) -> Vec<String> {
        let h = parse(q).unwrap().highlighter();
        h.matches(field, text)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn words_phrases_wildcards() {
        let t = "Flood warning: the Rest Centre at Port Ellis is open; flooding eases.";
        assert_eq!(
            marked("flood* \"rest centre\" -port", TextField::Body, t),
            ["Flood", "Rest Centre", "flooding"]
        );
        assert!(marked("author:flood", TextField::Body, t).is_empty());
        assert_eq!(
            marked("author:flood", TextField::Author, "Ann Flood"),
            ["Flood"]
        );
    }

    #[test]
    fn near_marks_only_the_close_operands() {
        let t = "flood here, then a b c d e f g warning, and flood warning";
        let ranges = parse("flood NEAR/0 warning")
            .unwrap()
            .highlighter()
            .matches(TextField::Body, t);
        assert_eq!(ranges, [t.len() - 13..t.len() - 8, t.len() - 7..t.len()]);
    }

    #[test]
    fn tags_and_mentions_with_their_sign() {
        let t = "Stay safe #FloodAlert via @Port_Council";
        assert_eq!(
            marked("#floodalert OR @port_council", TextField::Body, t),
            ["#FloodAlert", "@Port_Council"]
        );
    }

    #[test]
    fn negated_atoms_are_not_marked() {
        assert_eq!(
            marked(
                "storm NOT (harriet OR rovers)",
                TextField::Title,
                "Storm Harriet"
            ),
            ["Storm"]
        );
    }
}
