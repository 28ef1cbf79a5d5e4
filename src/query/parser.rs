//! The recursive-descent parser of the monitoring query language (DESIGN.md, "Normative: the
//! monitoring query language"): tokens into a tree, every rule of the grammar checked, and every
//! mistake reported as a `QueryError` with the column it is at and a hint that teaches the
//! language. Advice that does not stop a query (lower-case operators, AND mixed with OR) is
//! collected as warnings.

use chrono::NaiveDate;

use super::ast::{Atom, Kind, Node, Pattern, Scope};
use super::lexer::{self, Lexed, Tok, error};
use crate::error::QueryError;
use crate::index::search::TextField;
use crate::text;

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

    fn primary(&mut self) -> Result<Node, QueryError> {
        let Some(t) = self.next() else {
            return Err(error("The query ends too early.", self.len, None));
        };
        match t.tok {
            Tok::LParen => {
                self.deeper(&t)?;
                let mut inner = self.or()?;
                self.depth -= 1;
                let close = self.next();
                match close {
                    Some(Lexed {
                        tok: Tok::RParen,
                        end,
                        ..
                    }) => {
                        inner.span = t.start..end;
                        inner.bracketed = true;
                        Ok(inner)
                    }
                    _ => Err(error(
                        "This bracket is never closed.",
                        t.start,
                        Some("Add the closing bracket where the group ends.".into()),
                    )),
                }
            }
            Tok::Quoted { text, inner_start } => {
                let atom = phrase_atom(&text, inner_start, t.start)?;
                Ok(Node::new(
                    Kind::Text {
                        scope: Scope::Default,
                        atom,
                    },
                    t.start..t.end,
                ))
            }
            Tok::Word(raw) => {
                self.warn_lowercase_operator(&raw, t.start);
                let atom = word_atom(&raw, t.start)?;
                Ok(Node::new(
                    Kind::Text {
                        scope: Scope::Default,
                        atom,
                    },
                    t.start..t.end,
                ))
            }
            Tok::Tag(raw) => {
                let p = sigil_pattern(&raw, '#', t.start)?;
                Ok(Node::new(Kind::Tag(p), t.start..t.end))
            }
            Tok::Mention(raw) => {
                let p = sigil_pattern(&raw, '@', t.start)?;
                Ok(Node::new(Kind::Mention(p), t.start..t.end))
            }
            Tok::Field(ref name) => self.field(name.clone(), t.start, t.end),
            // `and()` and `near()` only call here when a clause follows.
            _ => Err(error(
                format!("{} is not expected here.", describe(&t.tok)),
                t.start,
                None,
            )),
        }
    }

    fn warn_lowercase_operator(&mut self, raw: &str, start: usize) {
        let lower = raw.to_lowercase();
        let upper = match lower.as_str() {
            "and" | "or" | "not" => raw.to_uppercase(),
            l if l.starts_with("near/") => {
                let rest: String = raw.chars().skip(4).collect();
                format!("NEAR{rest}")
            }
            _ => return,
        };
        self.warnings.push(format!(
            "`{raw}` (column {}) is searched as an ordinary word. Operators are written in \
             capitals: if you meant the operator, write `{upper}`.",
            start + 1
        ));
    }

    fn field(&mut self, name: String, start: usize, end: usize) -> Result<Node, QueryError> {
        let lower = name.to_lowercase();
        if !FIELDS.contains(&lower.as_str()) {
            let mut hint = String::new();
            if let Some(close) = FIELDS.iter().find(|f| edit_distance(f, &lower) <= 2) {
                hint.push_str(&format!("Did you mean `{close}:`? "));
            }
            hint.push_str(
                "The fields are title:, body:, author:, source:, site:, lang:, after: and \
                 before:. To search for the word itself, leave out the colon.",
            );
            return Err(error(
                format!("`{name}:` is not a field."),
                start,
                Some(hint),
            ));
        }
        let value = match self.toks.get(self.pos) {
            Some(v) if v.start == end => self.next(),
            _ => None,
        };
        let Some(value) = value else {
            return Err(error(
                format!("`{lower}:` needs a value straight after the colon."),
                end,
                Some(format!(
                    "Write the value with no space after the colon, e.g. `{}`.",
                    field_example(&lower)
                )),
            ));
        };
        let span = start..value.end;
        let text_scope = match lower.as_str() {
            "title" => Some(Scope::Title),
            "body" => Some(Scope::Body),
            "author" => Some(Scope::Author),
            _ => None,
        };
        if let Some(scope) = text_scope {
            let atom = match value.tok {
                Tok::Word(raw) => word_atom(&raw, value.start)?,
                Tok::Quoted { text, inner_start } => phrase_atom(&text, inner_start, value.start)?,
                _ => {
                    return Err(error(
                        format!("`{lower}:` applies to one word or one quoted phrase."),
                        value.start,
                        Some(format!(
                            "Repeat the field for each word: `({lower}:flood OR {lower}:floods)`."
                        )),
                    ));
                }
            };
            return Ok(Node::new(Kind::Text { scope, atom }, span));
        }
        let (raw, raw_start) = match value.tok {
            Tok::Word(raw) => (raw, value.start),
            Tok::Quoted { text, inner_start } if lower == "source" => (text, inner_start),
            _ => {
                return Err(error(
                    format!("`{lower}:` takes a single value."),
                    value.start,
                    Some(format!("For example `{}`.", field_example(&lower))),
                ));
            }
        };
        let kind = match lower.as_str() {
            "source" => Kind::Source(source_value(&raw, raw_start)?),
            "site" => Kind::Site(site_value(&raw, raw_start)?),
            "lang" => Kind::Lang(lang_value(&raw, raw_start)?),
            "after" => Kind::After(date_value(&raw, raw_start, "after")?),
            _ => Kind::Before(date_value(&raw, raw_start, "before")?),
        };
        Ok(Node::new(kind, span))
    }
}

fn field_example(field: &str) -> &'static str {
    match field {
        "title" => "title:flood",
        "body" => "body:\"rest centre\"",
        "author" => "author:smith",
        "source" => "source:port-ellis-news",
        "site" => "site:gov.uk",
        "lang" => "lang:fr",
        "after" => "after:2025-03-01",
        _ => "before:2025-03-08",
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn is_wildcard(c: char) -> bool {
    c == '*' || c == '?'
}

fn wildcard_prefix_ok(piece: &str) -> bool {
    piece
        .chars()
        .position(is_wildcard)
        .is_none_or(|first| first >= MIN_WILDCARD_PREFIX)
}

/// Checks that a wildcard pattern has enough characters before its first wildcard.
fn check_wildcard_prefix(piece: &str, piece_start: usize) -> Result<(), QueryError> {
    if !wildcard_prefix_ok(piece) {
        let first = piece.chars().position(is_wildcard).unwrap_or(0);
        return Err(error(
            format!(
                "A wildcard needs at least {MIN_WILDCARD_PREFIX} letters or digits before it; \
                 `{piece}` has {first}."
            ),
            piece_start + first,
            Some(
                "Start with the beginning of the word: `evacuat*` finds evacuate, evacuated and \
                 evacuation. A word cannot start with a wildcard, which would mean searching \
                 every word there is."
                    .into(),
            ),
        ));
    }
    Ok(())
}

/// A bare word: one token, a wildcard pattern, or (with inner punctuation) the phrase of its
/// tokens.
fn word_atom(raw: &str, start: usize) -> Result<Atom, QueryError> {
    if !raw.contains(['*', '?']) {
        let tokens = text::token_texts(raw);
        return match tokens.len() {
            0 => Err(no_words(raw, start)),
            1 => Ok(Atom::Term(tokens.into_iter().next().unwrap_or_default())),
            _ => Ok(Atom::Phrase {
                tokens,
                quoted: false,
            }),
        };
    }
    // Split as the tokenizer does, but keep wildcards inside the pieces.
    let mut pieces: Vec<(String, usize)> = Vec::new();
    let mut current: Option<(String, usize)> = None;
    for (i, c) in raw.chars().enumerate() {
        if c.is_alphanumeric() || is_wildcard(c) {
            current.get_or_insert_with(|| (String::new(), i)).0.push(c);
        } else if let Some(p) = current.take() {
            pieces.push(p);
        }
    }
    pieces.extend(current);
    if pieces.len() > 1 {
        let names: Vec<&str> = pieces.iter().map(|(p, _)| p.as_str()).collect();
        return Err(error(
            format!(
                "A wildcard works within one word, but `{raw}` is several words ({}).",
                names.join(", ")
            ),
            start,
            Some(if pieces.iter().all(|(p, _)| wildcard_prefix_ok(p)) {
                format!(
                    "Search the words side by side with NEAR/0f instead: `{}`.",
                    names.join(" NEAR/0f ")
                )
            } else {
                "Write the word out in full (`covid-19` finds covid followed by 19), or give the \
                 wildcard a word of its own with at least two letters before it: \
                 `flood NEAR/0f warn*`."
                    .to_string()
            }),
        ));
    }
    let Some((piece, offset)) = pieces.into_iter().next() else {
        return Err(no_words(raw, start));
    };
    check_wildcard_prefix(&piece, start + offset)?;
    let pattern = text::lowercase(&piece);
    Ok(Atom::Wildcard(Pattern::new(pattern)))
}

fn no_words(raw: &str, start: usize) -> QueryError {
    let hint = if raw == "-" {
        "To exclude a word, put the minus sign right before it, with no space: `flood -football`."
    } else {
        "Searches match words and numbers; punctuation is ignored. Leave it out."
    };
    error(
        format!("`{raw}` has no letters or digits, so it can never match."),
        start,
        Some(hint.into()),
    )
}

/// A quoted phrase: its tokens, consecutive. `inner_start` is the character index after the
/// opening quote.
fn phrase_atom(inner: &str, inner_start: usize, quote_start: usize) -> Result<Atom, QueryError> {
    if let Some(at) = inner.chars().position(is_wildcard) {
        return Err(error(
            "Wildcards do not work inside quotes: a phrase matches exact words.",
            inner_start + at,
            Some(
                "Take the wildcard out of the quotes. For a phrase with a wildcard, use NEAR/0f, \
                 which finds words side by side in order: `flood NEAR/0f warn*`."
                    .into(),
            ),
        ));
    }
    let mut tokens = text::token_texts(inner);
    match tokens.len() {
        0 => Err(error(
            "These quotes hold no words.",
            quote_start,
            Some("Put the exact words to find between the quotes: \"rest centre\".".into()),
        )),
        1 => Ok(Atom::Term(tokens.remove(0))),
        _ => Ok(Atom::Phrase {
            tokens,
            quoted: true,
        }),
    }
}

/// `#tag` and `@mention`: letters, digits and `_`, wildcards allowed within.
fn sigil_pattern(raw: &str, sigil: char, start: usize) -> Result<Pattern, QueryError> {
    let what = if sigil == '#' { "hashtag" } else { "mention" };
    let example = if sigil == '#' {
        "#FloodAlert"
    } else {
        "@Port_Council"
    };
    if raw.is_empty() {
        return Err(error(
            format!("`{sigil}` needs a {what} after it, e.g. `{example}`."),
            start,
            Some(format!(
                "To search the text, leave out the `{sigil}`; a {what} is written with no space \
                 after the `{sigil}`."
            )),
        ));
    }
    if let Some((i, bad)) = raw
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || is_wildcard(c)))
    {
        return Err(error(
            format!("A {what} is letters, digits and _ only; `{bad}` cannot be part of one."),
            start + 1 + i,
            Some(format!(
                "End the {what} before the `{bad}`, e.g. `{example}`; to find text with \
                 punctuation, search the words without `{sigil}`."
            )),
        ));
    }
    if raw.chars().all(|c| c.is_ascii_digit()) {
        return Err(error(
            format!("`{sigil}{raw}` is a number, not a {what}: a {what} needs a letter."),
            start,
            Some(format!(
                "To find the number, search `{raw}` without the `{sigil}`."
            )),
        ));
    }
    check_wildcard_prefix(raw, start + 1)?;
    Ok(Pattern::new(text::lowercase(raw)))
}

fn source_value(raw: &str, start: usize) -> Result<String, QueryError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(error(
            "`source:` needs a source id.",
            start,
            Some("For example `source:port-ellis-news`.".into()),
        ));
    }
    if let Some(at) = v.chars().position(is_wildcard) {
        return Err(error(
            "`source:` matches a source id exactly; wildcards do not work here.",
            start + at,
            Some("Name each source: `(source:port-ellis-news OR source:kerrow-gazette)`.".into()),
        ));
    }
    Ok(text::lowercase(v))
}

fn site_value(raw: &str, start: usize) -> Result<String, QueryError> {
    let hint = "Write just the host name, e.g. `site:gov.uk`; it also matches every address \
                ending in .gov.uk.";
    if raw.contains(['/', ':', '@']) {
        return Err(error(
            format!("`{raw}` is a web address, but `site:` takes a host name only."),
            start,
            Some(format!("{hint} Leave out https://, the path and any port.")),
        ));
    }
    if let Some(at) = raw.chars().position(is_wildcard) {
        return Err(error(
            "`site:` does not take wildcards.",
            start + at,
            Some("`site:gov.uk` already matches every address ending in .gov.uk.".into()),
        ));
    }
    let trimmed = raw.trim_matches('.');
    // The index holds hosts as the `url` crate writes them (lower case, international names in
    // punycode); normalise the query's host the same way.
    let host = url::Url::parse(&format!("http://{trimmed}/"))
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .filter(|h| !h.is_empty() && !trimmed.is_empty());
    match host {
        Some(h) => Ok(h.trim_end_matches('.').to_ascii_lowercase()),
        None => Err(error(
            format!("`{raw}` is not a host name."),
            start,
            Some(hint.into()),
        )),
    }
}

fn lang_value(raw: &str, start: usize) -> Result<String, QueryError> {
    if raw.is_empty() || !raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(error(
            format!("`{raw}` is not a language code."),
            start,
            Some("Use a code such as `lang:en`, `lang:fr` or `lang:cy`.".into()),
        ));
    }
    Ok(raw.to_ascii_lowercase())
}

fn date_value(raw: &str, start: usize, field: &str) -> Result<NaiveDate, QueryError> {
    let shape_ok = raw.len() == 10
        && raw.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    let date = if shape_ok {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
    } else {
        None
    };
    date.ok_or_else(|| {
        let message = if shape_ok {
            format!("`{raw}` is not a real date.")
        } else {
            format!("`{raw}` is not a date in the form year-month-day.")
        };
        error(
            message,
            start,
            Some(format!(
                "Write the date as YYYY-MM-DD, e.g. `{field}:2025-03-01`. after: includes that \
                 day; before: stops at the start of that day."
            )),
        )
    })
}

/// NEAR's operands are atoms (word, wildcard, phrase, field-restricted) or bracketed OR-groups of
/// them; on the left, the NEAR before it in a chain (`a NEAR/3 b NEAR/2 c`).
fn check_near_operand(node: &Node, left: bool) -> Result<(), QueryError> {
    let chain = "Write a chain without brackets: `a NEAR/3 b NEAR/5 c` is read left to right, \
                 so c must be within 5 words of the a…b match.";
    match &node.kind {
        Kind::Text { .. } => Ok(()),
        Kind::Near { .. } if left && !node.bracketed => Ok(()),
        Kind::Near { .. } => Err(error(
            "A bracketed NEAR cannot be a side of another NEAR.",
            node.span.start,
            Some(chain.into()),
        )),
        Kind::Or(children) => {
            for child in children {
                if !matches!(child.kind, Kind::Text { .. }) {
                    check_near_operand(child, false)?;
                }
            }
            Ok(())
        }
        Kind::And(_) => Err(error(
            "Inside brackets, NEAR takes alternatives joined by OR, not AND.",
            node.span.start,
            Some(
                "Give each side as words or phrases, or an OR-group: `(flood OR floods) NEAR/5 \
                 warning`. To require more words, combine NEARs with AND."
                    .into(),
            ),
        )),
        Kind::Not(_) => Err(error(
            "NEAR cannot take an excluded word.",
            node.span.start,
            Some("Exclude outside NEAR: `flood NEAR/5 warning -football`.".into()),
        )),
        Kind::Tag(_) | Kind::Mention(_) => Err(error(
            "NEAR works on words in the text, and a hashtag or mention filter has no place in \
             the text to measure from.",
            node.span.start,
            Some(
                "Use the word itself: `floodalert NEAR/5 warning` (the text of #FloodAlert is \
                 also a word of the body)."
                    .into(),
            ),
        )),
        _ => Err(error(
            "This filter applies to whole documents, so it cannot be a side of NEAR.",
            node.span.start,
            Some("Combine it with AND instead: `(flood NEAR/5 warning) site:gov.uk`.".into()),
        )),
    }
}

/// The text fields a NEAR can match in (used by compilation).
pub(crate) fn near_fields(node: &Node) -> Vec<TextField> {
    node.near_fields().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(q: &str) -> String {
        parse(q)
            .map(|p| p.root.to_string())
            .unwrap_or_else(|e| format!("error {e}"))
    }

    fn col(q: &str) -> usize {
        match parse(q) {
            Ok(p) => panic!("{q:?} parsed as {}", p.root),
            Err(e) => e.column,
        }
    }

    #[test]
    fn precedence_and_implicit_and() {
        assert_eq!(show("a OR b c"), "a OR (b AND c)");
        assert_eq!(show("a b OR c"), "(a AND b) OR c");
        assert_eq!(show("(a OR b) c"), "(a OR b) AND c");
        assert_eq!(show("a AND b -c"), "a AND b AND NOT c");
        assert_eq!(show("a NOT (b OR c)"), "a AND NOT (b OR c)");
        assert_eq!(show("a --b"), "a AND b");
    }

    #[test]
    fn atoms() {
        assert_eq!(show("Covid-19"), "covid-19");
        assert_eq!(show("\"Rest  Centre\""), "\"rest centre\"");
        assert_eq!(show("“rest centre”"), "\"rest centre\"");
        assert_eq!(show("Evacuat*"), "evacuat*");
        assert_eq!(
            show("title:Flood body:\"a b\" author:x"),
            "title:flood AND body:\"a b\" AND author:x"
        );
        assert_eq!(
            show("source:Port-News site:.Gov.UK lang:FR"),
            "source:port-news AND site:gov.uk AND lang:fr"
        );
        assert_eq!(
            show("#FloodAlert @Port_Council"),
            "#floodalert AND @port_council"
        );
        assert_eq!(
            show("after:2025-03-01 before:2025-03-08"),
            "after:2025-03-01 AND before:2025-03-08"
        );
        assert_eq!(show("12:30"), "12-30");
        assert_eq!(show("Title:x"), "title:x");
    }

    #[test]
    fn near() {
        assert_eq!(show("a NEAR/3 b NEAR/2f c"), "a NEAR/3 b NEAR/2f c");
        assert_eq!(
            show("(flood OR floods) NEAR/5 (evacuat* OR \"rest centre\")"),
            "(flood OR floods) NEAR/5 (evacuat* OR \"rest centre\")"
        );
        assert_eq!(show("title:a NEAR/0 b"), "title:a NEAR/0 b");
        assert_eq!(col("a NEAR/3 (b c)"), 10);
        assert_eq!(col("(a NEAR/3 b) NEAR/2 c"), 1);
        assert_eq!(col("a NEAR/3 #b"), 10);
        assert_eq!(col("a NEAR/3 -b"), 10);
        assert_eq!(col("a NEAR/3 site:x.org"), 10);
        assert_eq!(col("title:a NEAR/3 author:b"), 9);
        assert_eq!(col("NEAR/3 b"), 1);
        assert_eq!(col("a NEAR/3"), 3);
        assert_eq!(col("(a OR (b OR #c)) NEAR/1 d"), 13);
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(col(""), 1);
        assert_eq!(col("   "), 1);
        assert_eq!(col("(a OR b"), 1);
        assert_eq!(col("a OR b)"), 7);
        assert_eq!(col("((a) OR (b"), 9);
        assert_eq!(col("a \"b c"), 3);
        assert_eq!(col("NOT football"), 1);
        assert_eq!(col("(NOT a) OR b"), 2);
        assert_eq!(col("a OR -b"), 6);
        assert_eq!(col("foo:bar"), 1);
        assert_eq!(col("title: flood"), 7);
        assert_eq!(col("after:2025-13-01"), 7);
        assert_eq!(col("after:yesterday"), 7);
        assert_eq!(col("*flood"), 1);
        assert_eq!(col("f*"), 2);
        assert_eq!(col("title:?x"), 7);
        assert_eq!(col("\"flood warn*\""), 12);
        assert_eq!(col("covid-1*"), 1);
        assert_eq!(col("OR a"), 1);
        assert_eq!(col("a OR"), 3);
        assert_eq!(col("a AND"), 3);
        assert_eq!(col("a ()"), 4);
        assert_eq!(col("a NOT"), 3);
        assert_eq!(col("a - b"), 3);
        assert_eq!(col("#"), 1);
        assert_eq!(col("#flood-alert"), 7);
        assert_eq!(col("site:https://gov.uk"), 6);
        assert_eq!(col("title:(a OR b)"), 7);
        assert_eq!(col(&"a ".repeat(3000)), MAX_QUERY_CHARS + 1);
    }

    #[test]
    fn warnings() {
        let w = |q: &str| parse(q).map(|p| p.warnings).unwrap_or_default();
        assert!(w("flood or floods")[0].contains("capitals"));
        assert!(w("flood near/5 warning")[0].contains("NEAR/5"));
        assert!(w("a OR b c")[0].contains("a OR (b AND c)"));
        assert!(w("a OR (b c)").is_empty());
        assert!(w("a OR b").is_empty());
        assert!(w("\"flood or storm\"").is_empty());
    }
}
