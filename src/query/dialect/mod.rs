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
//!
//! This file: the tools and their rule tables (the types), and `translate`. The walk over the tree
//! is `writer.rs` (the operators) and `terms.rs` (NEAR, words and wildcards).

mod brandwatch;
mod google;
mod meltwater;
mod pulsar;
mod talkwalker;
mod terms;
mod writer;
mod youscan;

use super::ParsedQuery;
use writer::{Out, Writer, has_plain_and};
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

#[cfg(test)]
mod tests;
