//! The tree a monitoring query parses into, the token patterns its atoms match, and the
//! normalised form a query is shown in.

use std::fmt::{self, Write};
use std::ops::Range;

use chrono::NaiveDate;

/// A node of the parsed query, with the character range of its source text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub kind: Kind,
    /// Character indices (0-based, end exclusive) of the source text, brackets included.
    pub span: Range<usize>,
    /// Whether the source put this node in brackets (for the AND/OR mixing warning and the rule
    /// on NEAR operands).
    pub bracketed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Or(Vec<Node>),
    And(Vec<Node>),
    Not(Box<Node>),
    Near {
        left: Box<Node>,
        right: Box<Node>,
        distance: u32,
        ordered: bool,
    },
    Text {
        scope: Scope,
        atom: Atom,
    },
    Source(String),
    Site(String),
    Lang(String),
    Tag(Pattern),
    Mention(Pattern),
    After(NaiveDate),
    Before(NaiveDate),
}

/// Which text fields an atom is searched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Title or body: what a bare word means.
    Default,
    Title,
    Body,
    Author,
}

impl Scope {
    pub fn fields(self) -> &'static [TextField] {
        match self {
            Scope::Default => &[TextField::Title, TextField::Body],
            Scope::Title => &[TextField::Title],
            Scope::Body => &[TextField::Body],
            Scope::Author => &[TextField::Author],
        }
    }

    pub fn covers(self, field: TextField) -> bool {
        self.fields().contains(&field)
    }

    fn prefix(self) -> &'static str {
        match self {
            Scope::Default => "",
            Scope::Title => "title:",
            Scope::Body => "body:",
            Scope::Author => "author:",
        }
    }
}

/// What an atom matches in one text field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Atom {
    /// One token.
    Term(String),
    /// Consecutive tokens (a quoted phrase, or a word such as `covid-19`). `quoted` only
    /// changes how the query is shown.
    Phrase { tokens: Vec<String>, quoted: bool },
    /// One token matching a wildcard pattern.
    Wildcard(Pattern),
    /// `{Word}`: the word's tokens (one, or consecutive ones for `{COVID-19}`) in exactly this
    /// letter case. `text` is what stood between the braces.
    Cased { text: String, tokens: Vec<String> },
}

/// A lower-cased token pattern in which `*` is any run of characters and `?` one character.
/// Without wildcards it is an exact token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pattern {
    pub text: String,
}

impl Pattern {
    pub fn new(text: String) -> Pattern {
        Pattern { text }
    }

    pub fn has_wildcard(&self) -> bool {
        self.text.contains(['*', '?'])
    }

    /// The characters before the first wildcard: every matching token starts with them, which
    /// keeps a term-dictionary scan to one narrow range.
    pub fn literal_prefix(&self) -> &str {
        let end = self.text.find(['*', '?']).unwrap_or(self.text.len());
        &self.text[..end]
    }

    /// The pattern as a regular expression for Tantivy's term-dictionary automaton.
    pub fn regex(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 8);
        for c in self.text.chars() {
            match c {
                '*' => out.push_str(".*"),
                '?' => out.push('.'),
                // Tokens hold only alphanumerics, but a pattern for a tag may not (`_`); escape
                // anything that is not a letter or digit so it is matched literally.
                c if c.is_alphanumeric() => out.push(c),
                c => {
                    let _ = write!(out, "\\x{{{:x}}}", c as u32);
                }
            }
        }
        out
    }

    /// Whether a (lower-cased) token matches.
    pub fn matches(&self, token: &str) -> bool {
        if !self.has_wildcard() {
            return self.text == token;
        }
        let pattern: Vec<char> = self.text.chars().collect();
        let token: Vec<char> = token.chars().collect();
        glob(&pattern, &token)
    }
}

/// Wildcard matching with backtracking limited to the last `*`: linear in practice, and never
/// exponential.
fn glob(pattern: &[char], text: &[char]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

impl Node {
    pub fn new(kind: Kind, span: Range<usize>) -> Node {
        Node {
            kind,
            span,
            bracketed: false,
        }
    }

    pub fn is_negated(&self) -> bool {
        matches!(self.kind, Kind::Not(_))
    }

    /// The text fields this node can match in when used as a NEAR operand; `None` for nodes
    /// that have no positions.
    pub fn near_fields(&self) -> Option<Vec<TextField>> {
        match &self.kind {
            Kind::Text { scope, .. } => Some(scope.fields().to_vec()),
            Kind::Or(children) => {
                let mut out: Vec<TextField> = Vec::new();
                for child in children {
                    for f in child.near_fields()? {
                        if !out.contains(&f) {
                            out.push(f);
                        }
                    }
                }
                Some(out)
            }
            Kind::Near { left, right, .. } => {
                let l = left.near_fields()?;
                let r = right.near_fields()?;
                Some(l.into_iter().filter(|f| r.contains(f)).collect())
            }
            _ => None,
        }
    }

    /// Whether an OR is about to show an AND without the brackets the source gave it.
    fn needs_brackets_in(&self, parent: Parent) -> bool {
        match (&self.kind, parent) {
            (Kind::Or(_), Parent::And | Parent::Not | Parent::Near) => true,
            (Kind::And(_), Parent::Or | Parent::Not | Parent::Near) => true,
            (Kind::Near { .. }, Parent::Not) => false,
            (Kind::Near { .. }, Parent::Near) => self.bracketed,
            _ => false,
        }
    }

    fn write(&self, out: &mut String, parent: Parent) {
        let bracket = self.needs_brackets_in(parent);
        if bracket {
            out.push('(');
        }
        match &self.kind {
            Kind::Or(children) => join(out, children, " OR ", Parent::Or),
            Kind::And(children) => join(out, children, " AND ", Parent::And),
            Kind::Not(inner) => {
                out.push_str("NOT ");
                inner.write(out, Parent::Not);
            }
            Kind::Near {
                left,
                right,
                distance,
                ordered,
            } => {
                left.write(out, Parent::Near);
                let _ = write!(out, " NEAR/{distance}{} ", if *ordered { "f" } else { "" });
                right.write(out, Parent::Near);
            }
            Kind::Text { scope, atom } => {
                out.push_str(scope.prefix());
                match atom {
                    Atom::Term(t) => out.push_str(t),
                    Atom::Wildcard(p) => out.push_str(&p.text),
                    Atom::Phrase { tokens, quoted } => {
                        if *quoted {
                            let _ = write!(out, "\"{}\"", tokens.join(" "));
                        } else {
                            out.push_str(&tokens.join("-"));
                        }
                    }
                    Atom::Cased { text, .. } => {
                        let _ = write!(out, "{{{text}}}");
                    }
                }
            }
            Kind::Source(s) => {
                let _ = write!(out, "source:{}", quote_if_needed(s));
            }
            Kind::Site(s) => {
                let _ = write!(out, "site:{s}");
            }
            Kind::Lang(s) => {
                let _ = write!(out, "lang:{s}");
            }
            Kind::Tag(p) => {
                let _ = write!(out, "#{}", p.text);
            }
            Kind::Mention(p) => {
                let _ = write!(out, "@{}", p.text);
            }
            Kind::After(d) => {
                let _ = write!(out, "after:{}", d.format("%Y-%m-%d"));
            }
            Kind::Before(d) => {
                let _ = write!(out, "before:{}", d.format("%Y-%m-%d"));
            }
        }
        if bracket {
            out.push(')');
        }
    }
}

fn quote_if_needed(s: &str) -> String {
    if s.chars()
        .any(|c| c.is_whitespace() || c == '(' || c == ')' || super::lexer::is_quote(c))
    {
        format!("\"{s}\"")
    } else {
        s.to_string()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Parent {
    Top,
    Or,
    And,
    Not,
    Near,
}

fn join(out: &mut String, children: &[Node], sep: &str, parent: Parent) {
    for (i, child) in children.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        child.write(out, parent);
    }
}

impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out, Parent::Top);
        f.write_str(&out)
    }
}

/// A text field of a document that words are looked for in (and highlighted in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Title,
    Body,
    Author,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_within_a_token() {
        let p = |s: &str| Pattern::new(s.into());
        assert!(p("evacuat*").matches("evacuation"));
        assert!(p("evacuat*").matches("evacuat"));
        assert!(!p("evacuat*").matches("evacua"));
        assert!(p("flo?d").matches("flood"));
        assert!(!p("flo?d").matches("flod"));
        assert!(p("wom?n").matches("woman"));
        assert!(p("ab*c*d").matches("abxxcyyd"));
        assert!(!p("ab*c*d").matches("abxxcyy"));
        assert!(p("éc*").matches("école"));
        assert!(!p("ec*").matches("école"));
        assert_eq!(p("fl*").literal_prefix(), "fl");
        assert_eq!(p("wom?n*").regex(), "wom.n.*");
        assert_eq!(p("a_b*").regex(), "a\\x{5f}b.*");
    }
}
