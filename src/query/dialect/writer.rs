//! The walk that writes a query for a tool (docs/design.md, "Query language"): the writer's
//! state, the notes about the query as a whole, and the operators (OR, AND, NOT). NEAR, words and
//! wildcards are `terms.rs`.

use std::fmt::Write as _;

use super::{NotRule, Rules, Warning};
use crate::query::ast::{Atom, Kind, Node, Pattern};

/// What a node becomes.
pub(super) enum Out {
    /// Text, and what it is (for brackets).
    Text(String, Shape),
    /// A filter the tool sets outside the query: dropped from an AND.
    Filter,
    /// Cannot be written.
    Impossible,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Atom,
    Near,
    Not,
    And,
    Or,
}

pub(super) struct Writer {
    pub(super) rules: &'static Rules,
    pub(super) source: Vec<char>,
    pub(super) warnings: Vec<Warning>,
    pub(super) wildcards: usize,
    pub(super) in_near: bool,
    /// Whether the query is an AND with a positive clause that has no wildcard.
    pub(super) plain_and: bool,
}

pub(super) fn has_wildcard(node: &Node) -> bool {
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

pub(super) fn has_plain_and(root: &Node) -> bool {
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
    pub(super) fn warn(&mut self, node: &Node, message: String) {
        self.warn_at(node.span.start, message);
    }

    pub(super) fn warn_at(&mut self, index: usize, message: String) {
        self.warnings.push(Warning {
            message,
            column: index + 1,
        });
    }

    pub(super) fn label(&self) -> &'static str {
        self.rules.label
    }

    /// The Sandpit source of a node.
    pub(super) fn text_of(&self, node: &Node) -> String {
        let end = node.span.end.min(self.source.len());
        self.source[node.span.start.min(end)..end].iter().collect()
    }

    /// Notes about the query as a whole: comments, and words side by side.
    pub(super) fn before_walk(&mut self, root: &Node) {
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
    pub(super) fn side_by_side(&mut self, node: &Node) {
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

    pub(super) fn node(&mut self, node: &Node) -> Out {
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

    pub(super) fn sigil(&mut self, node: &Node, sigil: char, p: &Pattern) -> Out {
        if p.has_wildcard() && !self.wildcard_ok(node, p) {
            return Out::Impossible;
        }
        Out::Text(format!("{sigil}{}", p.text), Shape::Atom)
    }

    pub(super) fn or(&mut self, _node: &Node, children: &[Node]) -> Out {
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

    pub(super) fn and(&mut self, node: &Node, children: &[Node]) -> Out {
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

    pub(super) fn not(&mut self, inner: &Node) -> Out {
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
}

/// Brackets a clause where its parent would otherwise read it differently.
pub(super) fn bracket(text: String, shape: Shape, parent: Shape) -> String {
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
