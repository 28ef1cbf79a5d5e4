//! Writing a Sandpit query in the language of a commercial listening tool or a web search
//! engine, and saying, at the column of the Sandpit query, everything that does not carry over
//! or that changes meaning there, with what to write instead.
//!
//! Each tool's rules are one table (`Rules`) in a file of its own, with the source of every rule
//! beside it. The translation walks the parsed tree: every rule is applied to the node it is
//! about, so a warning always points at the words it concerns. Three outcomes per node:
//! - written in the tool's syntax (perhaps with a warning that the meaning widens or narrows);
//! - a *filter* that the tool sets outside the query (source, language, dates): left out of an
//!   AND with a warning, since the tool's own setting does the same job;
//! - impossible: the tool refuses it or has no way to say it; the translation is then `None`,
//!   with the warning saying what to write instead.
//!
//! Sandpit's meaning decides: words are written in lower case and quoted where the tool would
//! otherwise change them, every AND is written out, and brackets are put wherever AND and OR
//! meet.

mod brandwatch;
mod google;
mod meltwater;
mod pulsar;
mod talkwalker;
mod youscan;

use std::fmt::Write as _;

use super::ParsedQuery;
use super::ast::{Atom, Kind, Node, Pattern, Scope};

/// The tools a query can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vendor {
    Brandwatch,
    Talkwalker,
    Meltwater,
    Pulsar,
    YouScan,
    Google,
}

impl Vendor {
    pub const ALL: [Vendor; 6] = [
        Vendor::Brandwatch,
        Vendor::Talkwalker,
        Vendor::Meltwater,
        Vendor::Pulsar,
        Vendor::YouScan,
        Vendor::Google,
    ];

    /// The name used on the command line and in forms (`brandwatch`).
    pub fn name(self) -> &'static str {
        match self {
            Vendor::Brandwatch => "brandwatch",
            Vendor::Talkwalker => "talkwalker",
            Vendor::Meltwater => "meltwater",
            Vendor::Pulsar => "pulsar",
            Vendor::YouScan => "youscan",
            Vendor::Google => "google",
        }
    }

    /// The tool's name as people write it (`YouScan`).
    pub fn label(self) -> &'static str {
        self.rules().label
    }

    /// The vendor for a name, in any letter case.
    pub fn from_name(name: &str) -> Option<Vendor> {
        let name = name.trim().to_ascii_lowercase();
        Vendor::ALL.into_iter().find(|v| v.name() == name)
    }

    /// The names, for messages: `brandwatch, talkwalker, …`.
    pub fn names() -> String {
        Vendor::ALL.map(Vendor::name).join(", ")
    }

    fn rules(self) -> &'static Rules {
        match self {
            Vendor::Brandwatch => &brandwatch::RULES,
            Vendor::Talkwalker => &talkwalker::RULES,
            Vendor::Meltwater => &meltwater::RULES,
            Vendor::Pulsar => &pulsar::RULES,
            Vendor::YouScan => &youscan::RULES,
            Vendor::Google => &google::RULES,
        }
    }
}

/// One thing that does not carry over, at a 1-based character column of the Sandpit query.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub message: String,
    pub column: usize,
}

/// A query written for one tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub dialect: Vendor,
    /// The Sandpit query as given.
    pub query: String,
    /// The query in the tool's syntax; `None` when it cannot be written there.
    pub translated: Option<String>,
    pub warnings: Vec<Warning>,
}

impl Translation {
    /// `{"dialect", "query", "translated", "warnings": [{"message", "column"}]}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "dialect": self.dialect.name(),
            "query": self.query,
            "translated": self.translated,
            "warnings": self.warnings,
        })
    }
}

/// How a tool writes NEAR.
pub(crate) struct NearRules {
    /// What comes before the distance: `NEAR/` or `/`.
    pub word: &'static str,
    /// How the ordered form is written, if the tool has one.
    pub ordered: Ordered,
    /// The largest distance the tool accepts.
    pub max: u32,
    /// Added to Sandpit's distance (words strictly between) to give the tool's number.
    pub offset: u32,
    /// Whether the tool wants brackets around every NEAR expression.
    pub bracketed: bool,
}

pub(crate) enum Ordered {
    /// `NEAR/3f`
    Suffix(&'static str),
    /// `ONEAR/3`
    Prefix(&'static str),
    None,
}

pub(crate) struct WildcardRules {
    /// Whether `*` within a word exists at all.
    pub supported: bool,
    /// Letters needed before the first wildcard.
    pub min_prefix: usize,
    /// Letters the tool advises at most before a `*` (a performance rule, so a warning only).
    pub advised_max_prefix: Option<usize>,
    /// Whether `?` (one character) exists.
    pub question_mark: bool,
    /// Whether the wildcard may only end a word.
    pub trailing_only: bool,
    /// The most wildcard words one query may hold.
    pub max_count: Option<usize>,
    /// Whether a wildcard may stand inside NEAR.
    pub in_near: bool,
    /// Whether a query with a wildcard needs a word without one, joined by AND.
    pub needs_plain_and: bool,
}

/// How the tool writes a case-sensitive word.
pub(crate) enum CaseRule {
    /// `{Word}`
    Braces,
    /// `!"Word"`
    Bang,
    None,
}

pub(crate) enum NotRule {
    /// `a AND NOT b`
    AndNot,
    /// `a AND -b`
    AndMinus,
    /// `a -b`
    Minus,
}

/// A tool's field operators; `None` where it has none.
pub(crate) struct FieldRules {
    pub title: Option<&'static str>,
    pub author: Option<&'static str>,
    pub site: Option<&'static str>,
    pub after: Option<&'static str>,
    pub before: Option<&'static str>,
}

/// One tool's language, as far as translation needs it.
pub(crate) struct Rules {
    pub label: &'static str,
    /// Written between the clauses of an AND.
    pub and: &'static str,
    pub not: NotRule,
    pub near: Option<NearRules>,
    pub wildcard: WildcardRules,
    pub case: CaseRule,
    pub fields: FieldRules,
    /// Whether a bare word also finds other forms (stemming), so words are quoted.
    pub stems: bool,
    /// Whether words side by side with no operator mean something other than AND.
    pub implicit_proximity: bool,
    /// Whether a word in capitals alone is searched case-sensitively.
    pub capitals_case_sensitive: bool,
    /// Whether the tool takes `<<<comments>>>`.
    pub comments: bool,
}

/// Writes `query` for `vendor`.
pub fn translate(query: &ParsedQuery, vendor: Vendor) -> Translation {
    let rules = vendor.rules();
    let mut w = Writer {
        rules,
        source: query.source.chars().collect(),
        warnings: Vec::new(),
        wildcards: 0,
        in_near: false,
        plain_and: has_plain_and(query.root()),
    };
    w.before_walk(query.root());
    let out = w.node(query.root());
    let translated = match out {
        Out::Text(text, _) => Some(text),
        Out::Filter => {
            w.warn(
                query.root(),
                format!(
                    "Nothing is left to search for once the filters are set in {}: add the \
                     words to find.",
                    rules.label
                ),
            );
            None
        }
        Out::Impossible => None,
    };
    let mut warnings = w.warnings;
    warnings.sort_by_key(|x| x.column);
    warnings.dedup();
    Translation {
        dialect: vendor,
        query: query.source.clone(),
        translated,
        warnings,
    }
}

/// What a node becomes.
enum Out {
    /// Text, and what it is (for brackets).
    Text(String, Shape),
    /// A filter the tool sets outside the query: dropped from an AND.
    Filter,
    /// Cannot be written.
    Impossible,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Atom,
    Near,
    Not,
    And,
    Or,
}

struct Writer {
    rules: &'static Rules,
    source: Vec<char>,
    warnings: Vec<Warning>,
    wildcards: usize,
    in_near: bool,
    /// Whether the query is an AND with a positive clause that has no wildcard.
    plain_and: bool,
}

fn has_wildcard(node: &Node) -> bool {
    match &node.kind {
        Kind::Text {
            atom: Atom::Wildcard(_),
            ..
        } => true,
        Kind::Tag(p) | Kind::Mention(p) => p.has_wildcard(),
        Kind::Or(c) | Kind::And(c) => c.iter().any(has_wildcard),
        Kind::Not(inner) => has_wildcard(inner),
        Kind::Near { left, right, .. } => has_wildcard(left) || has_wildcard(right),
        _ => false,
    }
}

fn has_plain_and(root: &Node) -> bool {
    match &root.kind {
        Kind::And(children) => children.iter().any(|c| {
            !c.is_negated()
                && !has_wildcard(c)
                && !matches!(
                    c.kind,
                    Kind::Source(_) | Kind::Lang(_) | Kind::After(_) | Kind::Before(_)
                )
        }),
        _ => false,
    }
}

impl Writer {
    fn warn(&mut self, node: &Node, message: String) {
        self.warn_at(node.span.start, message);
    }

    fn warn_at(&mut self, index: usize, message: String) {
        self.warnings.push(Warning {
            message,
            column: index + 1,
        });
    }

    fn label(&self) -> &'static str {
        self.rules.label
    }

    /// The Sandpit source of a node.
    fn text_of(&self, node: &Node) -> String {
        let end = node.span.end.min(self.source.len());
        self.source[node.span.start.min(end)..end].iter().collect()
    }

    /// Notes about the query as a whole: comments, and words side by side.
    fn before_walk(&mut self, root: &Node) {
        let source: String = self.source.iter().collect();
        if let Some(at) = source.find("<<<") {
            let index = source[..at].chars().count();
            let message = if self.rules.comments {
                format!(
                    "Comments are left out of the translation; {} takes `<<<comments>>>` too, so \
                     you can add them back there.",
                    self.label()
                )
            } else {
                format!(
                    "Comments are left out of the translation: {} has no comments, so keep your \
                     notes beside the query.",
                    self.label()
                )
            };
            self.warn_at(index, message);
        }
        if self.rules.implicit_proximity {
            self.side_by_side(root);
        }
        if self.rules.capitals_case_sensitive
            && let Kind::Text {
                atom: Atom::Term(_),
                ..
            } = root.kind
        {
            let raw = self.text_of(root);
            if raw.chars().filter(|c| c.is_alphabetic()).count() > 1
                && raw.chars().all(|c| !c.is_lowercase())
            {
                self.warn(
                    root,
                    format!(
                        "{} searches a query of one word in capitals in exactly that case. It \
                         is written in lower case here, which finds every case, as Sandpit \
                         does.",
                        self.label()
                    ),
                );
            }
        }
    }

    /// Talkwalker: words with no operator between them are a proximity search there.
    fn side_by_side(&mut self, node: &Node) {
        match &node.kind {
            Kind::And(children) => {
                for pair in children.windows(2) {
                    let between: String = self.source
                        [pair[0].span.end.min(pair[1].span.start)..pair[1].span.start]
                        .iter()
                        .collect();
                    if !between.split_whitespace().any(|w| w == "AND") {
                        self.warn(
                            &pair[1],
                            format!(
                                "{} reads words side by side with no operator as words near \
                                 each other (`cat dog` as `\"cat dog\"~10`), not as AND. The \
                                 translation writes AND; keep it when you edit the query there.",
                                self.label()
                            ),
                        );
                        return;
                    }
                }
                for c in children {
                    self.side_by_side(c);
                }
            }
            Kind::Or(children) => {
                for c in children {
                    self.side_by_side(c);
                }
            }
            Kind::Not(inner) => self.side_by_side(inner),
            _ => {}
        }
    }

    fn node(&mut self, node: &Node) -> Out {
        match &node.kind {
            Kind::Or(children) => self.or(node, children),
            Kind::And(children) => self.and(node, children),
            Kind::Not(inner) => self.not(inner),
            Kind::Near {
                left,
                right,
                distance,
                ordered,
            } => self.near(node, left, right, *distance, *ordered),
            Kind::Text { scope, atom } => self.text(node, *scope, atom),
            Kind::Source(s) => {
                self.warn(
                    node,
                    format!(
                        "`source:{s}` names a source of Sandpit's corpora. Choose the sources in \
                         {}'s own settings; the translation leaves it out.",
                        self.label()
                    ),
                );
                Out::Filter
            }
            Kind::Lang(l) => {
                self.warn(
                    node,
                    format!(
                        "{} sets the language outside the query: choose `{l}` in its language \
                         setting; the translation leaves `lang:{l}` out.",
                        self.label()
                    ),
                );
                Out::Filter
            }
            Kind::Site(host) => match self.rules.fields.site {
                Some(op) => Out::Text(format!("{op}{host}"), Shape::Atom),
                None => {
                    self.warn(
                        node,
                        format!(
                            "{} has no site operator in the query: add {host} to its site \
                             filter instead; the translation leaves `site:{host}` out.",
                            self.label()
                        ),
                    );
                    Out::Filter
                }
            },
            Kind::After(d) | Kind::Before(d) => {
                let after = matches!(node.kind, Kind::After(_));
                let op = if after {
                    self.rules.fields.after
                } else {
                    self.rules.fields.before
                };
                let date = d.format("%Y-%m-%d");
                match op {
                    Some(op) => Out::Text(format!("{op}{date}"), Shape::Atom),
                    None => {
                        self.warn(
                            node,
                            format!(
                                "{} sets dates outside the query: choose the date range in the \
                                 tool ({} {date}); the translation leaves it out.",
                                self.label(),
                                if after { "from" } else { "up to" }
                            ),
                        );
                        Out::Filter
                    }
                }
            }
            Kind::Tag(p) => self.sigil(node, '#', p),
            Kind::Mention(p) => self.sigil(node, '@', p),
        }
    }

    fn sigil(&mut self, node: &Node, sigil: char, p: &Pattern) -> Out {
        if p.has_wildcard() && !self.wildcard_ok(node, p) {
            return Out::Impossible;
        }
        Out::Text(format!("{sigil}{}", p.text), Shape::Atom)
    }

    fn or(&mut self, _node: &Node, children: &[Node]) -> Out {
        let mut parts = Vec::with_capacity(children.len());
        let mut impossible = false;
        for c in children {
            match self.node(c) {
                Out::Text(t, shape) => parts.push(bracket(t, shape, Shape::Or)),
                Out::Filter => {
                    self.warn(
                        c,
                        format!(
                            "A filter set outside the query cannot be one of several \
                             alternatives in {}: search the alternatives as separate queries.",
                            self.label()
                        ),
                    );
                    impossible = true;
                }
                Out::Impossible => impossible = true,
            }
        }
        if impossible {
            return Out::Impossible;
        }
        Out::Text(parts.join(" OR "), Shape::Or)
    }

    fn and(&mut self, node: &Node, children: &[Node]) -> Out {
        let mut positive = Vec::new();
        let mut negative = Vec::new();
        let mut impossible = false;
        for c in children {
            let negated = c.is_negated();
            match self.node(c) {
                Out::Text(t, _) if negated => negative.push(t),
                Out::Text(t, shape) => positive.push((t, shape)),
                Out::Filter => {}
                Out::Impossible => impossible = true,
            }
        }
        if impossible {
            return Out::Impossible;
        }
        if positive.is_empty() && negative.is_empty() {
            return Out::Filter;
        }
        if positive.is_empty() {
            self.warn(
                node,
                format!(
                    "Once the filters are set outside the query, this only says what to \
                     exclude, and {} needs something to find: add the words to look for.",
                    self.label()
                ),
            );
            return Out::Impossible;
        }
        if positive.len() == 1 && negative.is_empty() {
            let (t, shape) = positive.remove(0);
            return Out::Text(t, shape);
        }
        // Exclusions go last: several tools read NOT as "and not", between two clauses.
        let mut out = positive
            .into_iter()
            .map(|(t, shape)| bracket(t, shape, Shape::And))
            .collect::<Vec<_>>()
            .join(self.rules.and);
        for t in negative {
            match self.rules.not {
                NotRule::Minus => {
                    let _ = write!(out, " {t}");
                }
                _ => {
                    let _ = write!(out, " AND {t}");
                }
            }
        }
        Out::Text(out, Shape::And)
    }

    fn not(&mut self, inner: &Node) -> Out {
        let only_single = |w: &mut Writer, n: &Node| {
            w.warn(
                n,
                format!(
                    "{} can only exclude single words and phrases: write each exclusion on its \
                     own, e.g. `-football -rovers`.",
                    w.label()
                ),
            );
            Out::Impossible
        };
        let all: &'static Rules = self.rules;
        if let (NotRule::Minus, Kind::Or(children)) = (&all.not, &inner.kind) {
            // `-(a OR b)` is `-a -b`.
            let mut parts = Vec::new();
            for c in children {
                match self.node(c) {
                    Out::Text(t, Shape::Atom) => parts.push(format!("-{t}")),
                    Out::Text(..) => return only_single(self, c),
                    other => return other,
                }
            }
            return Out::Text(parts.join(" "), Shape::Not);
        }
        match self.node(inner) {
            Out::Text(t, shape) => match self.rules.not {
                NotRule::AndNot => {
                    Out::Text(format!("NOT {}", bracket(t, shape, Shape::Not)), Shape::Not)
                }
                NotRule::AndMinus => {
                    Out::Text(format!("-{}", bracket(t, shape, Shape::Not)), Shape::Not)
                }
                NotRule::Minus if shape == Shape::Atom => Out::Text(format!("-{t}"), Shape::Not),
                NotRule::Minus => only_single(self, inner),
            },
            other => other,
        }
    }

    fn near(
        &mut self,
        node: &Node,
        left: &Node,
        right: &Node,
        distance: u32,
        ordered: bool,
    ) -> Out {
        let all: &'static Rules = self.rules;
        let Some(rules) = &all.near else {
            return self.near_as_and(node, left, right, distance, ordered);
        };
        let was = self.in_near;
        self.in_near = true;
        let l = self.node(left);
        let r = self.node(right);
        self.in_near = was;
        let (Out::Text(lt, ls), Out::Text(rt, rs)) = (l, r) else {
            return Out::Impossible;
        };
        let mut n = distance;
        if n > rules.max {
            self.warn(
                node,
                format!(
                    "{} allows a NEAR distance of at most {}: written as {}{}, which finds \
                     fewer posts than NEAR/{distance}. For words further apart, use AND.",
                    self.label(),
                    rules.max,
                    rules.word,
                    rules.max + rules.offset
                ),
            );
            n = rules.max;
        }
        let number = n + rules.offset;
        if rules.offset > 0 {
            self.warn(
                node,
                format!(
                    "{} counts the distance from one word to the other, so Sandpit's NEAR/{n} \
                     ({n} words between at most) is written {}{number}.",
                    self.label(),
                    rules.word
                ),
            );
        }
        let op = match (&rules.ordered, ordered) {
            (Ordered::Suffix(s), true) => format!("{}{number}{s}", rules.word),
            (Ordered::Prefix(p), true) => format!("{p}{}{number}", rules.word),
            (Ordered::None, true) => {
                self.warn(
                    node,
                    format!(
                        "{} has no NEAR that keeps the order: written as {}{number}, which also \
                         finds the words the other way round. For words side by side in order, \
                         use a phrase in quotes.",
                        self.label(),
                        rules.word
                    ),
                );
                format!("{}{number}", rules.word)
            }
            (_, false) => format!("{}{number}", rules.word),
        };
        if matches!(left.kind, Kind::Near { .. }) {
            self.warn(
                node,
                format!(
                    "Sandpit reads a chain of NEARs left to right; {} may measure the last word \
                     from another one. The translation brackets the chain: check a few posts.",
                    self.label()
                ),
            );
        }
        let lt = match ls {
            Shape::Atom => lt,
            _ => format!("({lt})"),
        };
        let rt = match rs {
            Shape::Atom => rt,
            _ => format!("({rt})"),
        };
        let text = format!("{lt} {op} {rt}");
        if rules.bracketed {
            Out::Text(format!("({text})"), Shape::Atom)
        } else {
            Out::Text(text, Shape::Near)
        }
    }

    /// A tool without NEAR (Google): two plain words side by side in order become a phrase;
    /// anything else becomes AND, which finds more.
    fn near_as_and(
        &mut self,
        node: &Node,
        left: &Node,
        right: &Node,
        distance: u32,
        ordered: bool,
    ) -> Out {
        let term = |n: &Node| match &n.kind {
            Kind::Text {
                scope: Scope::Default,
                atom: Atom::Term(t),
            } => Some(t.clone()),
            _ => None,
        };
        if distance == 0
            && ordered
            && let (Some(a), Some(b)) = (term(left), term(right))
        {
            return Out::Text(format!("\"{a} {b}\""), Shape::Atom);
        }
        self.warn(
            node,
            format!(
                "{} has no NEAR: written as AND, which also finds pages where the words are far \
                 apart. For words side by side, use a phrase in quotes.",
                self.label()
            ),
        );
        let children = [left.clone(), right.clone()];
        self.and(node, &children)
    }

    fn text(&mut self, node: &Node, scope: Scope, atom: &Atom) -> Out {
        let label = self.label();
        if scope == Scope::Author && self.rules.fields.author.is_none() {
            let name = self.text_of(node);
            let name = name.strip_prefix("author:").unwrap_or(&name).to_string();
            self.warn(
                node,
                format!(
                    "{label} has no author operator in the query: add {name} to its author \
                     filter instead; the translation leaves it out."
                ),
            );
            return Out::Filter;
        }
        let word = match atom {
            Atom::Term(t) => {
                if self.rules.stems {
                    format!("\"{t}\"")
                } else {
                    t.clone()
                }
            }
            Atom::Phrase { tokens, .. } => format!("\"{}\"", tokens.join(" ")),
            Atom::Wildcard(p) => {
                if !self.wildcard_ok(node, p) {
                    return Out::Impossible;
                }
                p.text.clone()
            }
            Atom::Cased { text, tokens } => match self.rules.case {
                CaseRule::Braces => format!("{{{text}}}"),
                CaseRule::Bang => format!("!\"{}\"", tokens.join(" ")),
                CaseRule::None => {
                    let lower = crate::text::lowercase(&tokens.join(" "));
                    self.warn(
                        node,
                        format!(
                            "{label} cannot search a word in one letter case: written as \
                             `{lower}`, which also finds other cases. Exclude the unwanted \
                             uses with NOT instead."
                        ),
                    );
                    if tokens.len() > 1 || self.rules.stems {
                        format!("\"{lower}\"")
                    } else {
                        lower
                    }
                }
            },
        };
        if self.rules.stems && matches!(atom, Atom::Term(_)) && !self.warned_stems() {
            self.warn(
                node,
                format!(
                    "{label} also finds other forms of a word (flood, flooding). Words are \
                     written in quotes so that it finds only the form given, as Sandpit does."
                ),
            );
        }
        match scope {
            Scope::Default => Out::Text(word, Shape::Atom),
            Scope::Title => match self.rules.fields.title {
                Some(op) => Out::Text(format!("{op}{word}"), Shape::Atom),
                None => {
                    self.warn(
                        node,
                        format!(
                            "{label} cannot limit a word to the title: written as `{word}`, \
                             which also finds it in the body."
                        ),
                    );
                    Out::Text(word, Shape::Atom)
                }
            },
            Scope::Body => {
                self.warn(
                    node,
                    format!(
                        "{label} cannot limit a word to the body: written as `{word}`, which \
                         also finds it in the title."
                    ),
                );
                Out::Text(word, Shape::Atom)
            }
            Scope::Author => match self.rules.fields.author {
                Some(op) => Out::Text(format!("{op}{word}"), Shape::Atom),
                // Handled above.
                None => Out::Filter,
            },
        }
    }

    fn warned_stems(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| w.message.contains("other forms of a word"))
    }

    /// Applies the tool's wildcard rules to one pattern; false (with a warning) when the tool
    /// cannot take it.
    fn wildcard_ok(&mut self, node: &Node, p: &Pattern) -> bool {
        let all: &'static Rules = self.rules;
        let rules = &all.wildcard;
        let label = all.label;
        let prefix = p.literal_prefix().chars().count();
        let stem = p.literal_prefix().to_string();
        self.wildcards += 1;
        let problem = if !rules.supported {
            Some(format!(
                "{label} has no wildcard within a word (its `*` stands for a whole word). List \
                 the forms instead: `({stem} OR {stem}s OR {stem}ed)`."
            ))
        } else if !rules.question_mark && p.text.contains('?') {
            Some(format!(
                "{label} has no `?` wildcard: list the spellings instead, e.g. `(woman OR women)`."
            ))
        } else if rules.trailing_only && p.text.trim_end_matches('*').contains(['*', '?']) {
            Some(format!(
                "{label} takes a wildcard only at the end of a word: write `{stem}*`, or list \
                 the forms."
            ))
        } else if prefix < rules.min_prefix {
            Some(format!(
                "{label} needs at least {} letters before `*`; `{}` has {prefix}. Write a longer \
                 stem or list the forms: `({stem} OR …)`.",
                rules.min_prefix, p.text
            ))
        } else if self.in_near && !rules.in_near {
            Some(format!(
                "{label} takes no wildcard inside NEAR: list the forms instead, e.g. \
                 `({stem} OR {stem}s) NEAR/5 warning`."
            ))
        } else if rules.needs_plain_and && !self.plain_and {
            Some(format!(
                "{label} accepts a wildcard only beside a word without one, joined by AND: add \
                 one, e.g. `{} AND flood`.",
                p.text
            ))
        } else if rules.max_count.is_some_and(|max| self.wildcards > max) {
            Some(format!(
                "{label} takes at most {} wildcard words in one query: list the forms of this \
                 one instead.",
                rules.max_count.unwrap_or_default()
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            self.warn(node, message);
            return false;
        }
        if let Some(max) = rules.advised_max_prefix
            && prefix > max
        {
            let short: String = stem.chars().take(max).collect();
            self.warn(
                node,
                format!(
                    "{label} advises at most {max} letters before `*` (longer stems are slow or \
                     refused): write `{short}*`, which finds more, or list the forms."
                ),
            );
        }
        true
    }
}

/// Brackets a clause where its parent would otherwise read it differently.
fn bracket(text: String, shape: Shape, parent: Shape) -> String {
    let needs = match parent {
        // NEAR binds tightest in Sandpit, but not every tool says how tightly it binds there:
        // brackets make it plain.
        Shape::Or => matches!(shape, Shape::And | Shape::Not | Shape::Near),
        Shape::And => matches!(shape, Shape::Or | Shape::Near),
        Shape::Not => matches!(shape, Shape::And | Shape::Or | Shape::Near),
        _ => false,
    };
    if needs { format!("({text})") } else { text }
}

#[cfg(test)]
mod tests;
