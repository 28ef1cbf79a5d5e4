//! Reading a query against one short post instead of a corpus: the key-fact rules of rewrite
//! exercises (docs/design.md, "Key facts"). The words, phrases, wildcards, NEAR, hashtags and
//! mentions mean what they mean in search, with the same tokens and the same span arithmetic
//! (`spans`); the differences are the ones a post needs:
//!
//! - A post is read sentence by sentence, the way search reads title and body as separate
//!   fields: a phrase or a NEAR stays within one sentence, so "Foot passengers can travel as
//!   normal. Book your car" does not put `foot` near `book`. A sentence ends at `.`, `!` or `…`
//!   followed by a space or the end, and at every line break; `tarneferries.example` and `£4.2`
//!   are not sentence ends. A question mark is not an end either: in posts the answer follows
//!   its question ("Insured? You can still apply", "Bringing a car? Book ahead").
//! - Only the post's own text exists: `title:`, `author:`, `source:`, `site:`, `lang:`,
//!   `after:` and `before:` have no meaning, and `check_rule` refuses them with their column.
//!
//! Besides whether a rule matches, it says which words of the post made it match, so that the
//! feedback can quote them.

use std::ops::Range;

use super::ParsedQuery;
use super::ast::{Kind, Node, Scope, TextField};
use super::spans::{self, Marked, SpanExpr, span_expr};
use crate::error::QueryError;
use crate::text::{self, Token};

/// A post, split into sentences and tokenized once, ready for any number of rules.
#[derive(Debug, Clone)]
pub struct Post<'a> {
    text: &'a str,
    /// Byte range of each sentence in `text`, and its tokens (byte ranges into `text`).
    sentences: Vec<(Range<usize>, Vec<Token>)>,
    tags: Vec<String>,
    mentions: Vec<String>,
}

impl<'a> Post<'a> {
    pub fn new(text: &'a str) -> Post<'a> {
        let sentences = sentence_ranges(text)
            .into_iter()
            .filter_map(|r| {
                let tokens: Vec<Token> = text::tokens(&text[r.clone()])
                    .into_iter()
                    .map(|t| Token {
                        text: t.text,
                        bytes: t.bytes.start + r.start..t.bytes.end + r.start,
                    })
                    .collect();
                (!tokens.is_empty()).then_some((r, tokens))
            })
            .collect();
        Post {
            text,
            sentences,
            tags: text::hashtags(text),
            mentions: text::mentions(text),
        }
    }

    /// Whether the rule matches the post.
    pub fn matches(&self, rule: &ParsedQuery) -> bool {
        self.eval(rule.root())
    }

    /// When the rule matches: the byte ranges of the words that made it match (sorted, not
    /// overlapping; none for a rule that matches by what the post lacks, `NOT x`).
    pub fn find(&self, rule: &ParsedQuery) -> Option<Vec<Range<usize>>> {
        if !self.eval(rule.root()) {
            return None;
        }
        let mut out = Vec::new();
        self.marks(rule.root(), &mut out);
        out.sort_unstable_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
        for r in out {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Some(merged)
    }

    /// The post's words around `ranges`, for feedback: the first two sentences holding a match,
    /// each whole when it is short, else from its first match to its last, joined with " … ".
    pub fn quote(&self, ranges: &[Range<usize>]) -> String {
        const WHOLE_SENTENCE: usize = 120;
        let mut parts: Vec<String> = Vec::new();
        for (sentence, _) in &self.sentences {
            let inside: Vec<&Range<usize>> = ranges
                .iter()
                .filter(|r| r.start >= sentence.start && r.end <= sentence.end)
                .collect();
            let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
                continue;
            };
            let whole = self.text[sentence.clone()].trim();
            let part = if whole.chars().count() <= WHOLE_SENTENCE {
                whole
            } else {
                &self.text[first.start..last.end]
            };
            parts.push(part.split_whitespace().collect::<Vec<_>>().join(" "));
            if parts.len() == 2 {
                break;
            }
        }
        parts.join(" … ")
    }

    fn eval(&self, node: &Node) -> bool {
        match &node.kind {
            Kind::Or(children) => children.iter().any(|c| self.eval(c)),
            Kind::And(children) => children.iter().all(|c| self.eval(c)),
            Kind::Not(inner) => !self.eval(inner),
            Kind::Text { .. } | Kind::Near { .. } => {
                span_expr(node, TextField::Body).is_some_and(|e| {
                    self.sentences
                        .iter()
                        .any(|(_, t)| !spans::on_tokens::<(u32, u32)>(&e, t, self.text).is_empty())
                })
            }
            Kind::Tag(p) => self.tags.iter().any(|t| p.matches(t)),
            Kind::Mention(p) => self.mentions.iter().any(|m| p.matches(m)),
            // Refused by `check_rule`: a post has no source, site, language or date.
            Kind::Source(_) | Kind::Site(_) | Kind::Lang(_) | Kind::After(_) | Kind::Before(_) => {
                false
            }
        }
    }

    /// The words matched by the positive parts of `node` that matched.
    fn marks(&self, node: &Node, out: &mut Vec<Range<usize>>) {
        match &node.kind {
            Kind::Not(_) => {}
            Kind::Or(children) | Kind::And(children) => {
                for c in children.iter().filter(|c| self.eval(c)) {
                    self.marks(c, out);
                }
            }
            Kind::Text { .. } | Kind::Near { .. } => {
                if let Some(e) = span_expr(node, TextField::Body) {
                    self.mark_spans(&e, out);
                }
            }
            Kind::Tag(p) => out.extend(sigil_ranges(self.text, '#', |w| p.matches(w))),
            Kind::Mention(p) => out.extend(sigil_ranges(self.text, '@', |w| p.matches(w))),
            _ => {}
        }
    }

    fn mark_spans(&self, expr: &SpanExpr, out: &mut Vec<Range<usize>>) {
        for (_, tokens) in &self.sentences {
            for span in spans::on_tokens::<Marked>(expr, tokens, self.text) {
                for (s, e) in span.marks {
                    if let (Some(a), Some(b)) = (tokens.get(s as usize), tokens.get(e as usize)) {
                        out.push(a.bytes.start..b.bytes.end);
                    }
                }
            }
        }
    }
}

/// Refuses what a rule about a post cannot mean (see the module's notes), with the column of
/// the clause: a field other than the post's own text. (A rule that only excludes, which an
/// empty post would meet, is already refused by the parser.)
pub fn check_rule(rule: &ParsedQuery) -> Result<(), QueryError> {
    refuse_fields(rule.root())
}

fn refuse_fields(node: &Node) -> Result<(), QueryError> {
    let refuse = |what: &str| {
        Err(QueryError {
            message: format!("{what} has no meaning in a rule about a post"),
            column: node.span.start + 1,
            line: None,
            hint: Some(
                "a rule looks at the post's own words, hashtags and mentions; remove the field"
                    .into(),
            ),
        })
    };
    match &node.kind {
        Kind::Or(children) | Kind::And(children) => children.iter().try_for_each(refuse_fields),
        Kind::Not(inner) => refuse_fields(inner),
        Kind::Near { left, right, .. } => {
            refuse_fields(left)?;
            refuse_fields(right)
        }
        Kind::Text { scope, .. } => match scope {
            Scope::Default | Scope::Body => Ok(()),
            Scope::Title => refuse("`title:`"),
            Scope::Author => refuse("`author:`"),
        },
        Kind::Tag(_) | Kind::Mention(_) => Ok(()),
        Kind::Source(_) => refuse("`source:`"),
        Kind::Site(_) => refuse("`site:`"),
        Kind::Lang(_) => refuse("`lang:`"),
        Kind::After(_) => refuse("`after:`"),
        Kind::Before(_) => refuse("`before:`"),
    }
}

/// Byte ranges of the sentences of a post (see the module's notes).
fn sentence_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let end = match c {
            '\n' | '\r' => true,
            '.' | '!' | '…' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if end {
            let stop = i + c.len_utf8();
            out.push(start..stop);
            start = stop;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Where the hashtags or mentions whose name passes `keep` are, sign included.
fn sigil_ranges(text: &str, sigil: char, keep: impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    text::sigil_spans(text, sigil)
        .into_iter()
        .filter(|(_, word)| keep(word))
        .map(|(range, _)| range)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;

    fn found(rule: &str, post: &str) -> Option<String> {
        let q = parse(rule).expect("parses");
        let p = Post::new(post);
        p.find(&q).map(|r| p.quote(&r))
    }

    #[test]
    fn words_match_on_token_boundaries_only() {
        assert!(found("free", "Stay fear-free this winter").is_some());
        assert!(found("\"it is free\"", "Stay fear-free this winter").is_none());
        assert!(found("free", "Freedom for all").is_none());
        assert!(found("fines", "no refinesse").is_none());
        assert!(found("\"16 february\"", "From 16\u{a0}FEB").is_none());
        assert!(found("\"16 feb\"", "From 16\u{a0}Feb.").is_some());
    }

    #[test]
    fn near_counts_tokens_and_stays_in_one_sentence() {
        let rule = "foot NEAR/3 book";
        assert_eq!(
            found(rule, "Foot passengers must book. Drivers do not.").as_deref(),
            Some("Foot passengers must book.")
        );
        assert!(found(rule, "Foot passengers travel as normal. Book a car.").is_none());
        assert!(found(rule, "Foot passengers can travel as normal and book").is_none());
        assert!(found("foot NEAR/4 book", "foot a b c d book").is_some());
        assert!(found("foot NEAR/3 book", "foot a b c d book").is_none());
        // A full stop inside a word or a number does not end the sentence.
        assert!(found("\"4 2 billion\"", "Worth £4.2 billion.").is_some());
        assert!(found("tarneferries NEAR/2 book", "tarneferries.example to book").is_some());
        // A question and its answer are one sentence.
        assert!(found("car NEAR/2 book", "Bringing a car? Book ahead.").is_some());
        assert!(found("car NEAR/2 book", "Bringing a car! Book ahead.").is_none());
    }

    #[test]
    fn negation_and_quotes_of_what_matched() {
        let rule = "(drivers OR vehicles) NEAR/4 (not OR \"don't\" OR \"no need\")";
        assert_eq!(
            found(
                rule,
                "Foot passengers must book. Drivers do not need to book."
            )
            .as_deref(),
            Some("Drivers do not need to book.")
        );
        assert!(found(rule, "Drivers must book. Not long now!").is_none());
        assert_eq!(
            found("book NOT \"no need\"", "You must book.").as_deref(),
            Some("You must book.")
        );
        assert!(found("book NOT \"no need\"", "No need to book.").is_none());
        // A long sentence is quoted from its first match to its last.
        let long = format!(
            "{} drivers who have not booked will be turned away at the ramp",
            "word ".repeat(30)
        );
        assert_eq!(found(rule, &long).as_deref(), Some("drivers who have not"));
    }

    #[test]
    fn quotes_hold_at_most_two_sentences() {
        assert_eq!(
            found("ferry", "Ferry one. Not here. Ferry two!\nFerry three.").as_deref(),
            Some("Ferry one. … Ferry two!")
        );
        assert_eq!(
            found("ferry AND book", "Ferry times change. Please book.").as_deref(),
            Some("Ferry times change. … Please book.")
        );
    }

    #[test]
    fn hashtags_and_mentions() {
        assert_eq!(
            found("#tarneferry OR @tarne_ferries", "Times: #TarneFerry").as_deref(),
            Some("Times: #TarneFerry")
        );
        assert!(found("#tarne*", "tarne ferry").is_none());
    }

    #[test]
    fn rules_that_mean_nothing_for_a_post_are_refused_with_their_column() {
        let err = |rule: &str| check_rule(&parse(rule).expect("parses")).unwrap_err();
        let e = err("ferry AND site:example.org");
        assert_eq!(e.column, 11, "{e}");
        assert!(e.message.contains("`site:`"), "{e}");
        assert_eq!(err("title:ferry").column, 1);
        assert!(check_rule(&parse("body:ferry OR #ferry").expect("parses")).is_ok());
    }
}
