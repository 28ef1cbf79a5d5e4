//! The recursive-descent parser of the monitoring query language (docs/design.md, "Query
//! language"): tokens into a tree, every rule of the grammar checked, and every
//! mistake reported as a `QueryError` with the column it is at and a hint that teaches the
//! language. Advice that does not stop a query (lower-case operators, AND mixed with OR) is
//! collected as warnings.
//!
//! This file: the entry point and the operators (OR, AND, NOT, NEAR). The primaries (groups,
//! fields, words, phrases) are `primary.rs`; atoms and field values `atoms.rs`.

use super::ast::{Kind, Node, Scope};
use super::lexer::{self, Lexed, Tok, error};
use crate::error::QueryError;

mod atoms;
mod primary;
#[cfg(test)]
mod tests;

use atoms::*;

/// Queries longer than this are refused before parsing.
pub const MAX_QUERY_CHARS: usize = 4096;

/// Brackets, exclusions (`NOT`, `-`) and the links of a NEAR chain nest at most this deep.
/// Parsing, compiling, searching and matching recurse once per level, so a deeper query
/// (`((((…))))` or `a NEAR/9 a NEAR/9 …` within the length limit) would overflow the stack of
/// the thread running it; no real query comes near this.
pub const MAX_NESTING: usize = 50;

/// At least this many characters come before the first wildcard of a pattern.
const MIN_WILDCARD_PREFIX: usize = 2;

const FIELDS: [&str; 8] = [
    "title", "body", "author", "source", "site", "lang", "after", "before",
];

const EXCLUDE_HINT: &str = "Say what to find, then what to exclude: `flood -football` or \
                            `flood AND NOT football`.";

pub(crate) struct Parsed {
    pub root: Node,
    pub warnings: Vec<String>,
}

pub(crate) fn parse(input: &str) -> Result<Parsed, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    if chars.len() > MAX_QUERY_CHARS {
        return Err(error(
            format!(
                "The query is {} characters long; the limit is {MAX_QUERY_CHARS}.",
                chars.len()
            ),
            MAX_QUERY_CHARS,
            Some(
                "Split it into several shorter queries, or use wildcards (evacuat*) and OR-groups \
                 instead of listing every form of a word."
                    .into(),
            ),
        ));
    }
    if chars.iter().all(|c| c.is_whitespace()) {
        return Err(error(
            "The query is empty.",
            0,
            Some("Type the words to find, e.g. `flood OR floods`.".into()),
        ));
    }
    let toks = lexer::lex(&chars)?;
    check_brackets(&toks)?;
    let mut parser = Parser {
        toks,
        pos: 0,
        warnings: Vec::new(),
        len: chars.len(),
        depth: 0,
    };
    let root = parser.or()?;
    if let Some(extra) = parser.toks.get(parser.pos) {
        // The bracket check makes this unreachable; kept so a future change cannot panic.
        return Err(error("Unexpected text here.", extra.start, None));
    }
    Ok(Parsed {
        root,
        warnings: parser.warnings,
    })
}

/// Finds the first bracket without a partner before parsing, so the error points at the bracket
/// itself rather than at wherever the parser happened to notice.
fn check_brackets(toks: &[Lexed]) -> Result<(), QueryError> {
    let mut open: Vec<usize> = Vec::new();
    for t in toks {
        match t.tok {
            Tok::LParen => open.push(t.start),
            // The guard pops the partner of every closing bracket; only an unpartnered one
            // enters the arm.
            Tok::RParen if open.pop().is_none() => {
                return Err(error(
                    "This closing bracket has no opening bracket.",
                    t.start,
                    Some(
                        "Brackets come in pairs: `(flood OR floods) warning`. Remove this one or \
                         add its opening bracket."
                            .into(),
                    ),
                ));
            }
            _ => {}
        }
    }
    match open.last() {
        // The innermost bracket left open is the one most likely missing its partner.
        Some(&start) => Err(error(
            "This bracket is never closed.",
            start,
            Some(
                "Brackets come in pairs: `(flood OR floods) warning`. Add the closing bracket \
                 where the group ends."
                    .into(),
            ),
        )),
        None => Ok(()),
    }
}

/// `title:{Kerrow}`: case-sensitive words have no field.
fn cased_in_field(field: &str, at: usize) -> QueryError {
    error(
        format!("`{field}:` cannot take a case-sensitive word."),
        at,
        Some(
            "A word in braces is looked for in the title and the body together. Write it on its \
             own, `{Kerrow}`, or drop the braces: `title:kerrow`."
                .into(),
        ),
    )
}

struct Parser {
    toks: Vec<Lexed>,
    pos: usize,
    warnings: Vec<String>,
    len: usize,
    /// Brackets and exclusions open around the current position.
    depth: usize,
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::And => "AND".into(),
        Tok::Or => "OR".into(),
        Tok::Not => "NOT".into(),
        Tok::Minus => "-".into(),
        Tok::Near { distance, ordered } => {
            format!("NEAR/{distance}{}", if *ordered { "f" } else { "" })
        }
        _ => String::new(),
    }
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|l| &l.tok)
    }

    fn next(&mut self) -> Option<Lexed> {
        let t = self.toks.get(self.pos).cloned();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    /// Enters one more level of brackets or exclusion, or says the query nests too deeply.
    fn deeper(&mut self, op: &Lexed) -> Result<(), QueryError> {
        self.depth += 1;
        if self.depth <= MAX_NESTING {
            return Ok(());
        }
        let (what, hint) = match op.tok {
            Tok::LParen => (
                "Brackets are",
                "Write the query with fewer levels: a bracket inside a bracket is only needed \
                 where OR and AND mix, e.g. `(flood OR floods) (warning OR alert)`.",
            ),
            Tok::Near { .. } => (
                "This NEAR chain (with the brackets around it) is",
                "A chain of NEARs nests one level per link: keep chains to a few words, e.g. \
                 `flood NEAR/3 road NEAR/3 closed`, and join separate chains with AND.",
            ),
            _ => (
                "Exclusions (NOT, -) and brackets are",
                "Write the query with fewer levels: a bracket inside a bracket is only needed \
                 where OR and AND mix, e.g. `(flood OR floods) (warning OR alert)`.",
            ),
        };
        Err(error(
            format!("{what} nested deeper than {MAX_NESTING} levels here."),
            op.start,
            Some(hint.into()),
        ))
    }

    /// Whether the next token can begin a clause.
    fn clause_follows(&self) -> bool {
        !matches!(
            self.peek(),
            None | Some(Tok::And | Tok::Or | Tok::RParen | Tok::Near { .. })
        )
    }

    fn missing_after(&self, op: &Lexed) -> QueryError {
        let name = describe(&op.tok);
        let (message, hint) = match op.tok {
            Tok::Not | Tok::Minus => (
                format!("{name} needs something after it to exclude."),
                EXCLUDE_HINT.to_string(),
            ),
            Tok::Near { .. } => (
                format!("{name} needs a word, phrase or bracketed OR-group after it."),
                "Write both sides: `flood NEAR/5 warning`.".to_string(),
            ),
            _ => (
                format!("{name} needs a search term after it."),
                format!("Write a search term on each side: `flood {name} warning`."),
            ),
        };
        error(message, op.start, Some(hint))
    }

    fn or(&mut self) -> Result<Node, QueryError> {
        let mut items = vec![self.and()?];
        while let Some(Tok::Or) = self.peek() {
            let op = self
                .next()
                .ok_or_else(|| error("Unexpected end.", self.len, None))?;
            if !self.clause_follows() {
                return Err(self.missing_after(&op));
            }
            items.push(self.and()?);
        }
        if items.len() == 1 {
            return Ok(items.remove(0));
        }
        let mixed = items
            .iter()
            .any(|n| matches!(n.kind, Kind::And(_)) && !n.bracketed);
        let span = items[0].span.start..items[items.len() - 1].span.end;
        let node = Node::new(Kind::Or(items), span);
        if mixed {
            self.warnings.push(format!(
                "AND binds more tightly than OR, so this is read as `{node}`. Add brackets to \
                 say which you mean, e.g. `(flood OR storm) warning`."
            ));
        }
        Ok(node)
    }

    fn and(&mut self) -> Result<Node, QueryError> {
        let mut clauses: Vec<Node> = Vec::new();
        loop {
            match self.toks.get(self.pos) {
                None
                | Some(Lexed {
                    tok: Tok::Or | Tok::RParen,
                    ..
                }) => break,
                Some(Lexed { tok: Tok::And, .. }) => {
                    let op = self
                        .next()
                        .ok_or_else(|| error("Unexpected end.", self.len, None))?;
                    if clauses.is_empty() {
                        return Err(error(
                            "AND needs a search term before it.",
                            op.start,
                            Some("Write a search term on each side: `flood AND warning`.".into()),
                        ));
                    }
                    if !self.clause_follows() {
                        return Err(self.missing_after(&op));
                    }
                }
                Some(
                    near @ Lexed {
                        tok: Tok::Near { .. },
                        ..
                    },
                ) => {
                    return Err(error(
                        format!("{} needs a word or phrase before it.", describe(&near.tok)),
                        near.start,
                        Some("Write both sides: `flood NEAR/5 warning`.".into()),
                    ));
                }
                Some(_) => clauses.push(self.unary()?),
            }
        }
        if clauses.is_empty() {
            return Err(match self.toks.get(self.pos) {
                Some(op @ Lexed { tok: Tok::Or, .. }) => error(
                    "OR needs a search term before it.",
                    op.start,
                    Some("Write a search term on each side: `flood OR floods`.".into()),
                ),
                Some(
                    close @ Lexed {
                        tok: Tok::RParen, ..
                    },
                ) => error(
                    "There is nothing between these brackets.",
                    close.start,
                    Some("Put a search term inside, or remove the brackets.".into()),
                ),
                _ => error("The query is empty.", self.len, None),
            });
        }
        if clauses.iter().all(Node::is_negated) {
            let message = if clauses.len() == 1 {
                "This only says what to exclude, not what to find."
            } else {
                "Every part of this group is excluded, so it says nothing about what to find."
            };
            return Err(error(
                message,
                clauses[0].span.start,
                Some(EXCLUDE_HINT.into()),
            ));
        }
        if clauses.len() == 1 {
            return Ok(clauses.remove(0));
        }
        let span = clauses[0].span.start..clauses[clauses.len() - 1].span.end;
        Ok(Node::new(Kind::And(clauses), span))
    }

    fn unary(&mut self) -> Result<Node, QueryError> {
        if matches!(self.peek(), Some(Tok::Not | Tok::Minus)) {
            let op = self
                .next()
                .ok_or_else(|| error("Unexpected end.", self.len, None))?;
            if !self.clause_follows() {
                return Err(self.missing_after(&op));
            }
            self.deeper(&op)?;
            let inner = self.unary()?;
            self.depth -= 1;
            let span = op.start..inner.span.end;
            if let Kind::Not(twice) = inner.kind {
                // Two negations cancel out; keep the query working and say so.
                self.warnings.push(format!(
                    "Two exclusions in a row (column {}) cancel out, so this part finds `{}`.",
                    op.start + 1,
                    twice
                ));
                return Ok(Node {
                    kind: twice.kind,
                    span,
                    bracketed: twice.bracketed,
                });
            }
            return Ok(Node::new(Kind::Not(Box::new(inner)), span));
        }
        self.near()
    }

    fn near(&mut self) -> Result<Node, QueryError> {
        let mut left = self.primary()?;
        // Each link of a chain nests the tree one level deeper, like a bracket.
        let mut links = 0;
        while let Some(Tok::Near { distance, ordered }) = self.peek().cloned() {
            let op = self
                .next()
                .ok_or_else(|| error("Unexpected end.", self.len, None))?;
            self.deeper(&op)?;
            links += 1;
            check_near_operand(&left, true)?;
            if !self.clause_follows() {
                return Err(self.missing_after(&op));
            }
            if let Some(
                next @ Lexed {
                    tok: Tok::Not | Tok::Minus,
                    ..
                },
            ) = self.toks.get(self.pos)
            {
                return Err(error(
                    format!("{} cannot take an excluded word.", describe(&op.tok)),
                    next.start,
                    Some("Exclude outside NEAR: `flood NEAR/5 warning -football`.".into()),
                ));
            }
            let right = self.primary()?;
            check_near_operand(&right, false)?;
            let (lf, rf) = (
                left.near_fields().unwrap_or_default(),
                right.near_fields().unwrap_or_default(),
            );
            if !lf.iter().any(|f| rf.contains(f)) {
                return Err(error(
                    format!(
                        "The two sides of {} can never be in the same field, so it can never match.",
                        describe(&op.tok)
                    ),
                    op.start,
                    Some(
                        "NEAR measures distance within one field: the title, the body or the \
                         author. A bare word is looked for in the title and the body."
                            .into(),
                    ),
                ));
            }
            let span = left.span.start..right.span.end;
            left = Node::new(
                Kind::Near {
                    left: Box::new(left),
                    right: Box::new(right),
                    distance,
                    ordered,
                },
                span,
            );
        }
        self.depth -= links;
        Ok(left)
    }
}
