//! The rule engine, in the spirit of Vale: a rule has an id, a severity, a message, a
//! "why" that teaches, an optional link, and a kind that says how it looks at a draft.
//! Findings carry the matched span (byte and character offsets) and a fix where one exists.
//!
//! Kinds are data (`avoid`, `substitute`, `require`, `pattern`, `count`) or built-in
//! analysers (`passive-voice`, `hashtag-case`, …) that trainers can reuse with their own
//! thresholds. Rules are compiled once when a pack loads; checking a draft allocates only
//! the findings.

use std::collections::HashMap;

use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::count::Offset;
use super::prose::{Doc, Word};
use super::readability;

mod analysers;
mod looks;
#[path = "../data/words.rs"]
mod words;

pub(crate) use analysers::camel_case;
use analysers::{hashtag_case, hashtag_position, passive_voice, repeated_words, there_is};
use looks::{all_caps, emoji_position, emoji_repeated, emoticons, fancy_text};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Suggestion,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Suggestion => "suggestion",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where a finding is in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: Offset,
    pub end: Offset,
    /// The text matched.
    pub text: String,
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// `pack.rule`, e.g. `govuk-plain-english.words-to-avoid`.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Why it matters, in words a trainee can learn from.
    pub why: String,
    pub link: Option<String>,
    /// `None` for findings about the whole draft (a missing phrase, reading grade).
    pub span: Option<Span>,
    /// Suggested replacement for the span, where there is one.
    pub fix: Option<String>,
}

/// A word or phrase to avoid, with what to say instead and when it is fine.
#[derive(Debug, Clone, Serialize)]
pub struct AvoidEntry {
    pub word: String,
    /// Other forms to catch ("utilises", "utilised").
    pub also: Vec<String>,
    /// Plainer words; the first is offered as the fix.
    pub instead: Vec<String>,
    /// A short reason for this word in particular.
    pub advice: Option<String>,
    /// Fine when the next word is one of these ("the key to").
    pub unless_next: Vec<String>,
    /// Fine when the previous word is one of these ("fishing tackle").
    pub unless_prev: Vec<String>,
    /// Only when the previous word is one of these ("to impact").
    pub when_prev: Vec<String>,
    /// Only when another word follows directly: the adjective use ("key issues").
    pub needs_next_word: bool,
}

/// A compiled regular expression that remembers its source.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub source: String,
    pub regex: Regex,
}

impl Serialize for Pattern {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.source)
    }
}

/// What a `count` rule counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Countable {
    Hashtags,
    Mentions,
    Links,
    Emoji,
    Words,
    Sentences,
    ExclamationMarks,
}

impl Countable {
    fn name(self) -> &'static str {
        match self {
            Countable::Hashtags => "hashtags",
            Countable::Mentions => "mentions",
            Countable::Links => "links",
            Countable::Emoji => "emoji",
            Countable::Words => "words",
            Countable::Sentences => "sentences",
            Countable::ExclamationMarks => "exclamation marks",
        }
    }
}

/// How a rule looks at a draft.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Kind {
    /// Words and phrases to avoid (`substitute` in a pack is the same with one fix each).
    Avoid {
        entries: Vec<AvoidEntry>,
        case_sensitive: bool,
        #[serde(skip)]
        matcher: Option<Regex>,
        #[serde(skip)]
        lookup: HashMap<String, usize>,
    },
    /// The draft must contain one of these phrases, or match the pattern.
    Require {
        any_of: Vec<String>,
        pattern: Option<Pattern>,
    },
    /// A regular expression; a group named `m` narrows the span. `fix` may use `$1`.
    Pattern {
        pattern: Pattern,
        fix: Option<String>,
    },
    Count {
        what: Countable,
        max: Option<usize>,
        min: Option<usize>,
    },
    SentenceLength {
        max: usize,
    },
    PassiveVoice,
    ThereIsOpener,
    RepeatedWords,
    ReadingGrade {
        max: f64,
        min_words: usize,
    },
    HashtagCase,
    HashtagPosition,
    EmojiPosition,
    EmojiRepeated,
    FancyText,
    AllCaps {
        min_letters: usize,
    },
    Emoticons,
}

/// A test case a pack carries: a text and the rules it must raise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleTest {
    pub text: String,
    /// Full rule ids that must fire. The rule the test belongs to must not fire unless it
    /// is listed: a test with an empty list is a near miss.
    pub expect: Vec<String>,
    /// Where the test is written (file and line), for reports.
    pub origin: String,
}

/// One rule of a pack.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// `pack.rule`.
    pub id: String,
    pub severity: Severity,
    pub message: String,
    pub why: String,
    pub link: Option<String>,
    #[serde(flatten)]
    pub kind: Kind,
    #[serde(skip)]
    pub tests: Vec<RuleTest>,
}

/// A named set of rules.
#[derive(Debug, Clone, Serialize)]
pub struct RulePack {
    pub id: String,
    pub name: String,
    pub description: String,
    /// `built-in` or the file the pack came from.
    pub source: String,
    pub rules: Vec<Rule>,
}

/// Things worked out once per draft and shared by rules that need them.
struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    readability: Option<Option<readability::Readability>>,
}

impl RulePack {
    /// Every finding of every rule of the pack, in draft order.
    pub fn check(&self, doc: &Doc) -> Vec<Finding> {
        let mut ctx = Ctx {
            doc,
            readability: None,
        };
        let mut out = Vec::new();
        for rule in &self.rules {
            rule.run(&mut ctx, &mut out);
        }
        out
    }
}

impl Rule {
    /// This rule's findings on a draft.
    pub fn check(&self, doc: &Doc) -> Vec<Finding> {
        let mut ctx = Ctx {
            doc,
            readability: None,
        };
        let mut out = Vec::new();
        self.run(&mut ctx, &mut out);
        out
    }

    fn finding(&self, doc: &Doc, span: Option<(usize, usize)>, message: String) -> Finding {
        Finding {
            rule: self.id.clone(),
            severity: self.severity,
            message,
            why: self.why.clone(),
            link: self.link.clone(),
            span: span.map(|(s, e)| make_span(doc, s, e)),
            fix: None,
        }
    }

    fn msg(&self, pairs: &[(&str, String)]) -> String {
        let mut m = self.message.clone();
        for (k, v) in pairs {
            m = m.replace(&format!("{{{k}}}"), v);
        }
        m
    }

    fn run(&self, ctx: &mut Ctx, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        let text = doc.text;
        match &self.kind {
            Kind::Avoid {
                entries,
                matcher,
                lookup,
                case_sensitive,
            } => {
                let Some(re) = matcher else { return };
                for m in re.find_iter(text) {
                    let key = normalise_phrase(m.as_str(), *case_sensitive);
                    let Some(entry) = lookup.get(&key).and_then(|&i| entries.get(i)) else {
                        continue;
                    };
                    if doc.masked(m.start()) || !entry.applies(doc, m.start(), m.end()) {
                        continue;
                    }
                    let mut message = self.msg(&[("match", m.as_str().to_string())]);
                    if let Some(advice) = &entry.advice {
                        message.push_str(" \u{2014} ");
                        message.push_str(advice);
                    }
                    if !entry.instead.is_empty() {
                        let alts: Vec<String> = entry
                            .instead
                            .iter()
                            .map(|s| format!("\u{201C}{s}\u{201D}"))
                            .collect();
                        message.push_str(&format!(". Try {}.", alts.join(" or ")));
                    }
                    let mut f = self.finding(doc, Some((m.start(), m.end())), message);
                    f.fix = entry.instead.first().map(|fix| match_case(m.as_str(), fix));
                    out.push(f);
                }
            }
            Kind::Require { any_of, pattern } => {
                let hay = normalise_phrase(text, false);
                let found = any_of
                    .iter()
                    .any(|p| hay.contains(&normalise_phrase(p, false)))
                    || pattern.as_ref().is_some_and(|p| p.regex.is_match(text));
                if !found {
                    out.push(self.finding(doc, None, self.msg(&[])));
                }
            }
            Kind::Pattern { pattern, fix } => {
                for caps in pattern.regex.captures_iter(text) {
                    let Some(m) = caps.name("m").or_else(|| caps.get(0)) else {
                        continue;
                    };
                    if m.start() == m.end() || doc.masked(m.start()) {
                        continue;
                    }
                    let mut f = self.finding(
                        doc,
                        Some((m.start(), m.end())),
                        self.msg(&[("match", m.as_str().to_string())]),
                    );
                    f.fix = fix.as_ref().map(|t| {
                        let mut s = String::new();
                        caps.expand(t, &mut s);
                        s
                    });
                    out.push(f);
                }
            }
            Kind::Count { what, max, min } => self.run_count(doc, *what, *max, *min, out),
            Kind::SentenceLength { max } => {
                for s in &doc.sentences {
                    let n = doc.sentence_words(s).len();
                    if n > *max {
                        out.push(self.finding(
                            doc,
                            Some((s.bytes.start, s.bytes.end)),
                            self.msg(&[("count", n.to_string()), ("max", max.to_string())]),
                        ));
                    }
                }
            }
            Kind::PassiveVoice => passive_voice(self, doc, out),
            Kind::ThereIsOpener => there_is(self, doc, out),
            Kind::RepeatedWords => repeated_words(self, doc, out),
            Kind::ReadingGrade { max, min_words } => {
                let r = ctx
                    .readability
                    .get_or_insert_with(|| readability::score(doc));
                if let Some(r) = r
                    && r.words >= *min_words
                    && r.flesch_kincaid_grade > *max
                {
                    out.push(self.finding(
                        doc,
                        None,
                        self.msg(&[
                            ("grade", format!("{:.1}", r.flesch_kincaid_grade)),
                            ("max", format!("{max}")),
                            ("ease", format!("{:.0}", r.flesch_reading_ease)),
                        ]),
                    ));
                }
            }
            Kind::HashtagCase => hashtag_case(self, doc, out),
            Kind::HashtagPosition => hashtag_position(self, doc, out),
            Kind::EmojiPosition => emoji_position(self, doc, out),
            Kind::EmojiRepeated => emoji_repeated(self, doc, out),
            Kind::FancyText => fancy_text(self, doc, out),
            Kind::AllCaps { min_letters } => all_caps(self, doc, *min_letters, out),
            Kind::Emoticons => emoticons(self, doc, out),
        }
    }

    fn run_count(
        &self,
        doc: &Doc,
        what: Countable,
        max: Option<usize>,
        min: Option<usize>,
        out: &mut Vec<Finding>,
    ) {
        let items: Vec<(usize, usize)> = match what {
            Countable::Hashtags => ranges(&doc.hashtags),
            Countable::Mentions => ranges(&doc.mentions),
            Countable::Links => ranges(&doc.links),
            Countable::Emoji => ranges(&doc.emoji),
            Countable::Words => doc
                .words
                .iter()
                .map(|w| (w.bytes.start, w.bytes.end))
                .collect(),
            Countable::Sentences => doc
                .sentences
                .iter()
                .map(|s| (s.bytes.start, s.bytes.end))
                .collect(),
            Countable::ExclamationMarks => doc
                .text
                .match_indices('!')
                .filter(|(i, _)| !doc.masked(*i))
                .map(|(i, _)| (i, i + 1))
                .collect(),
        };
        let n = items.len();
        let pairs = |limit: usize| {
            vec![
                ("count", n.to_string()),
                ("max", limit.to_string()),
                ("min", limit.to_string()),
                ("what", what.name().to_string()),
            ]
        };
        if let Some(max) = max
            && n > max
        {
            // Point at the first one too many.
            out.push(self.finding(doc, items.get(max).copied(), self.msg(&pairs(max))));
        }
        if let Some(min) = min
            && n < min
        {
            out.push(self.finding(doc, None, self.msg(&pairs(min))));
        }
    }
}

fn ranges(rs: &[std::ops::Range<usize>]) -> Vec<(usize, usize)> {
    rs.iter().map(|r| (r.start, r.end)).collect()
}

fn make_span(doc: &Doc, start: usize, end: usize) -> Span {
    Span {
        start: Offset {
            byte: start,
            char: doc.char_of(start),
        },
        end: Offset {
            byte: end,
            char: doc.char_of(end),
        },
        text: doc.text.get(start..end).unwrap_or_default().to_string(),
    }
}

/// Lower-cases (unless case matters) and collapses white space, so "In  order to" finds
/// the entry "in order to".
pub(crate) fn normalise_phrase(s: &str, case_sensitive: bool) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if case_sensitive {
        joined
    } else {
        crate::text::lowercase(&joined)
    }
}

/// `fix` with the first letter capitalised when the match starts with a capital.
fn match_case(matched: &str, fix: &str) -> String {
    let starts_upper = matched.chars().next().is_some_and(char::is_uppercase);
    let all_upper = matched.chars().filter(|c| c.is_alphabetic()).count() > 1
        && matched
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if all_upper {
        return fix.to_uppercase();
    }
    if starts_upper {
        let mut c = fix.chars();
        return match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        };
    }
    fix.to_string()
}

/// The word right after `end` (or before `start`), separated only by spaces: punctuation
/// or a line break ends the phrase ("the key." has no next word).
fn next_word<'a>(doc: &'a Doc, end: usize) -> Option<&'a Word<'a>> {
    let i = doc.words.partition_point(|w| w.bytes.start < end);
    let w = doc.words.get(i)?;
    let gap = doc.text.get(end..w.bytes.start)?;
    (gap.chars().all(|c| c == ' ' || c == '\t') && !gap.is_empty()).then_some(w)
}

fn prev_word<'a>(doc: &'a Doc, start: usize) -> Option<&'a Word<'a>> {
    let i = doc.words.partition_point(|w| w.bytes.end <= start);
    let w = doc.words.get(i.checked_sub(1)?)?;
    let gap = doc.text.get(w.bytes.end..start)?;
    (gap.chars().all(|c| c == ' ' || c == '\t') && !gap.is_empty()).then_some(w)
}

impl AvoidEntry {
    fn applies(&self, doc: &Doc, start: usize, end: usize) -> bool {
        let next = next_word(doc, end).map(Word::lower);
        let prev = prev_word(doc, start).map(Word::lower);
        let within = |list: &[String], w: &Option<String>| {
            w.as_ref().is_some_and(|w| list.iter().any(|x| x == w))
        };
        if within(&self.unless_next, &next) || within(&self.unless_prev, &prev) {
            return false;
        }
        if !self.when_prev.is_empty() && !within(&self.when_prev, &prev) {
            return false;
        }
        if self.needs_next_word && next.is_none() {
            return false;
        }
        true
    }
}

/// Builds the single regular expression that finds every entry of an avoid list, and the
/// table from a normalised match back to its entry.
pub(crate) fn compile_avoid(
    entries: &[AvoidEntry],
    case_sensitive: bool,
) -> Result<(Option<Regex>, HashMap<String, usize>), regex::Error> {
    let mut lookup = HashMap::new();
    let mut alts: Vec<(usize, String)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for form in std::iter::once(&e.word).chain(&e.also) {
            let form = form.trim();
            if form.is_empty() {
                continue;
            }
            lookup.insert(normalise_phrase(form, case_sensitive), i);
            let body = form
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let lead = if form.starts_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            let trail = if form.ends_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            alts.push((form.len(), format!("{lead}{body}{trail}")));
        }
    }
    if alts.is_empty() {
        return Ok((None, lookup));
    }
    // Longest first, so "e.g." wins over "eg" and "going forward" over "going".
    alts.sort_by_key(|a| std::cmp::Reverse(a.0));
    let flags = if case_sensitive { "" } else { "(?i)" };
    let joined = alts
        .into_iter()
        .map(|(_, a)| a)
        .collect::<Vec<_>>()
        .join("|");
    let re = Regex::new(&format!("{flags}(?:{joined})"))?;
    Ok((Some(re), lookup))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_of_fixes_follows_the_match() {
        assert_eq!(match_case("Utilise", "use"), "Use");
        assert_eq!(match_case("utilise", "use"), "use");
        assert_eq!(match_case("IN ORDER TO", "to"), "TO");
    }
}
