//! The monitoring query language of DESIGN.md: lexing, parsing into a tree, errors with columns
//! and hints that teach, compilation to a Tantivy query, and highlighting of what matched.
//!
//! Decisions the design leaves open, made here:
//! - NEAR chains `a NEAR/3 b NEAR/2 c` are read left to right: `c` within 2 tokens of a span
//!   matched by `a NEAR/3 b` (the span runs from the first operand match to the last). A NEAR in
//!   brackets as an operand, `(a NEAR/3 b) NEAR/2 c`, is an error whose hint shows the chain.
//! - The two matches of a NEAR must not overlap: `flood NEAR/3 flood*` needs two tokens.
//! - Lower-case `and`, `or`, `not`, `near/5` are searched as words and produce a warning;
//!   AND mixed with OR without brackets produces a warning showing how it was read.
//! - `NOT NOT x` is `x`, with a warning. Curly quotes count as quotes.
//! - Field names are accepted in any case (`Title:`), values are lower-cased like the index.
//! - `#tag` and `@mention` accept wildcards within (`#flood*`), with the same two-character rule.
//! - A wildcard word that punctuation splits into several tokens (`covid-1*`) is an error.

pub mod ast;
pub mod dialect;
mod eval;
pub mod explain;
mod highlight;
mod lexer;
mod parser;
pub mod post;
pub mod spans;

use crate::error::QueryError;
use crate::ingest::Document;
pub use ast::TextField;
pub use highlight::Highlighter;
pub use lexer::MAX_NEAR;
pub use parser::{MAX_NESTING, MAX_QUERY_CHARS};

use ast::{Kind, Node};

/// A parsed monitoring query.
#[derive(Debug, Clone)]
pub struct ParsedQuery {
    pub source: String,
    /// Advice that does not stop the query from running (e.g. AND mixed with OR without brackets).
    pub warnings: Vec<String>,
    root: Node,
}

/// Parses a query, or says what is wrong, in which column, with a hint.
pub fn parse(input: &str) -> Result<ParsedQuery, QueryError> {
    let parsed = parser::parse(input).map_err(|e| with_line(e, input))?;
    Ok(ParsedQuery {
        source: input.to_string(),
        warnings: parsed.warnings,
        root: parsed.root,
    })
}

/// Adds the line and the column within it when the query runs over several lines (newlines are
/// whitespace, so a long query can be laid out one group a line).
fn with_line(mut e: QueryError, input: &str) -> QueryError {
    if !input.contains('\n') {
        return e;
    }
    let (mut line, mut column) = (1, 1);
    for c in input.chars().take(e.column.saturating_sub(1)) {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    e.line = Some((line, column));
    e
}

/// How the top-level clauses of a query combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// The query is one clause.
    Single,
    And,
    Or,
}

/// One top-level clause of a query, for grading clause by clause.
#[derive(Debug, Clone)]
pub struct Clause {
    /// The clause as the trainee wrote it (with its `NOT`/`-` when negated).
    pub text: String,
    /// Whether the clause excludes (`NOT x`, `-x`): `query` is then the `x` it excludes.
    pub negated: bool,
    /// The clause's own query, without the negation; compile it with `index::compile::to_tantivy`.
    pub query: ParsedQuery,
}

impl ParsedQuery {
    /// True when the query is one word. Its count is its document frequency and Tantivy ranks
    /// its top hits without scoring every match (block-max WAND), so counting apart from
    /// ranking pays. Anything else is cheaper ranked and counted in one pass: words joined by
    /// OR or AND were measured slower in two passes (on the search benchmark, WAND over three
    /// common words took twice as long as scoring every hit).
    pub fn ranks_apart(&self) -> bool {
        matches!(
            &self.root.kind,
            Kind::Text {
                atom: ast::Atom::Term(_),
                ..
            }
        )
    }

    /// The query written for another tool, with what does not carry over (`dialect`).
    pub fn translate(&self, vendor: dialect::Vendor) -> dialect::Translation {
        dialect::translate(self, vendor)
    }

    /// The query's tree, for the index to compile (`index::compile`).
    pub(crate) fn root(&self) -> &Node {
        &self.root
    }

    /// Marks what this query matches in a document's text.
    pub fn highlighter(&self) -> Highlighter {
        Highlighter::new(&self.root)
    }

    /// The query in normalised form: operators explicit, brackets where precedence decides,
    /// words lower-cased (`flood OR (storm AND NOT football)`).
    pub fn display(&self) -> String {
        self.root.to_string()
    }

    /// Whether one document matches, decided from its fields by the same rules as the index
    /// (used to explain, clause by clause, why a document was found or missed).
    pub fn matches_document(&self, doc: &Document) -> bool {
        eval::matches(&self.root, &mut eval::DocView::new(doc))
    }

    /// How the top-level clauses combine.
    pub fn joiner(&self) -> Joiner {
        match self.root.kind {
            Kind::And(_) => Joiner::And,
            Kind::Or(_) => Joiner::Or,
            _ => Joiner::Single,
        }
    }

    /// The top-level clauses: the operands of the top AND or OR, or the query itself.
    pub fn clauses(&self) -> Vec<Clause> {
        let nodes: Vec<&Node> = match &self.root.kind {
            Kind::And(children) | Kind::Or(children) => children.iter().collect(),
            _ => vec![&self.root],
        };
        nodes
            .into_iter()
            .map(|n| {
                let (negated, inner) = match &n.kind {
                    Kind::Not(inner) => (true, inner.as_ref()),
                    _ => (false, n),
                };
                Clause {
                    text: self.slice(n.span.clone()),
                    negated,
                    query: self.sub_query(inner),
                }
            })
            .collect()
    }

    fn slice(&self, span: std::ops::Range<usize>) -> String {
        self.source
            .chars()
            .skip(span.start)
            .take(span.end.saturating_sub(span.start))
            .collect()
    }

    fn sub_query(&self, node: &Node) -> ParsedQuery {
        let mut root = node.clone();
        shift(&mut root, node.span.start);
        ParsedQuery {
            source: self.slice(node.span.clone()),
            warnings: Vec::new(),
            root,
        }
    }
}

/// Re-bases a subtree's character spans on its own text.
fn shift(node: &mut Node, by: usize) {
    node.span = node.span.start.saturating_sub(by)..node.span.end.saturating_sub(by);
    match &mut node.kind {
        Kind::Or(children) | Kind::And(children) => {
            for c in children {
                shift(c, by);
            }
        }
        Kind::Not(inner) => shift(inner, by),
        Kind::Near { left, right, .. } => {
            shift(left, by);
            shift(right, by);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_of_the_top_level() {
        let q = parse("flood OR (storm warning) OR #FloodAlert").unwrap();
        assert_eq!(q.joiner(), Joiner::Or);
        let c = q.clauses();
        assert_eq!(
            c.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            ["flood", "(storm warning)", "#FloodAlert"]
        );
        assert_eq!(c[1].query.display(), "storm AND warning");
        assert_eq!(c[1].query.clauses().len(), 2);
        assert_eq!(c[1].query.clauses()[1].text, "warning");

        let q = parse("flood -football NOT \"Harriet Rovers\"").unwrap();
        assert_eq!(q.joiner(), Joiner::And);
        let c = q.clauses();
        assert_eq!(
            c.iter()
                .map(|c| (c.text.as_str(), c.negated, c.query.source.as_str()))
                .collect::<Vec<_>>(),
            [
                ("flood", false, "flood"),
                ("-football", true, "football"),
                ("NOT \"Harriet Rovers\"", true, "\"Harriet Rovers\""),
            ]
        );
        let q = parse("a NEAR/2 b").unwrap();
        assert_eq!(q.joiner(), Joiner::Single);
        assert_eq!(q.clauses()[0].text, "a NEAR/2 b");
    }
}
