//! NEAR, words and wildcards as a tool writes them (docs/design.md, "Query language"): the part
//! of the writer that knows each tool's proximity, case, field and wildcard rules.

use super::writer::{Out, Shape, Writer};
use super::{CaseRule, Ordered, Rules};
use crate::query::ast::{Atom, Kind, Node, Pattern, Scope};

impl Writer {
    pub(super) fn near(
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
    pub(super) fn near_as_and(
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

    pub(super) fn text(&mut self, node: &Node, scope: Scope, atom: &Atom) -> Out {
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

    pub(super) fn warned_stems(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| w.message.contains("other forms of a word"))
    }

    /// Applies the tool's wildcard rules to one pattern; false (with a warning) when the tool
    /// cannot take it.
    pub(super) fn wildcard_ok(&mut self, node: &Node, p: &Pattern) -> bool {
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
