//! Rule packs: the built-in packs (TOML compiled into the binary) and the loader for packs
//! that trainers write, with errors that give the file, line and column.
//!
//! The format, in brief (the built-in packs beside this file use all of it):
//!
//! ```toml
//! [pack]
//! id = "port-ellis"                 # letters, digits and '-'
//! name = "Port Ellis Council style"
//! extends = ["govuk-plain-english"] # built-in ids or paths relative to this file
//!
//! [[rule]]
//! id = "say-who-can-apply"
//! kind = "require"                  # avoid | substitute | require | pattern | count | a built-in kind
//! severity = "error"                # suggestion | warning | error
//! message = "Say who can apply"
//! why = "People stop reading when they cannot tell whether a post is for them."
//! any_of = ["who can apply", "you can apply if"]
//!
//! [[rule.test]]
//! text = "Apply now for a grant."
//! expect = ["say-who-can-apply"]    # rules that must fire; [] = a near miss
//!
//! [[override]]
//! rule = "govuk-plain-english.sentence-length"
//! severity = "error"
//! max = 20
//! ```
//!
//! Load a pack once and reuse it: loading parses TOML and compiles expressions.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::prose::Doc;
use super::rules::{
    self, AvoidEntry, Countable, Kind, Pattern, Rule, RulePack, RuleTest, Severity,
};

/// The built-in packs: id and TOML source.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "govuk-plain-english",
        include_str!("govuk-plain-english.toml"),
    ),
    ("social-accessible", include_str!("social-accessible.toml")),
];

/// A pack that cannot be loaded: which file, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackError {
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for PackError {}

impl From<PackError> for crate::error::Error {
    fn from(e: PackError) -> Self {
        crate::error::Error::invalid(e.to_string())
    }
}

/// Both built-in packs, the default rule set.
pub fn builtin() -> Result<Vec<RulePack>, PackError> {
    BUILTIN.iter().map(|(id, _)| load(id)).collect()
}

/// The built-in packs, parsed once per process: parsing compiles every rule's expressions, a few
/// milliseconds a pack, too slow to repeat for every draft checked or attempt graded.
pub fn builtin_shared() -> Result<&'static [RulePack], PackError> {
    static PACKS: OnceLock<Result<Vec<RulePack>, PackError>> = OnceLock::new();
    PACKS.get_or_init(builtin).as_deref().map_err(Clone::clone)
}

/// Like `load`, with the built-in packs taken from the shared copy.
pub fn load_shared(name_or_path: &str) -> Result<Cow<'static, RulePack>, PackError> {
    match BUILTIN.iter().position(|(id, _)| *id == name_or_path) {
        Some(i) => Ok(Cow::Borrowed(&builtin_shared()?[i])),
        None => load(name_or_path).map(Cow::Owned),
    }
}

/// Loads a built-in pack by id, or a pack file by path.
pub fn load(name_or_path: &str) -> Result<RulePack, PackError> {
    load_depth(name_or_path, None, 0)
}

/// Loads a pack from TOML text; `file` names it in errors, `base` resolves `extends`.
pub fn parse(source: &str, file: &str, base: Option<&Path>) -> Result<RulePack, PackError> {
    parse_depth(source, file, base, 0)
}

const MAX_EXTENDS_DEPTH: usize = 8;

fn load_depth(name: &str, base: Option<&Path>, depth: usize) -> Result<RulePack, PackError> {
    if let Some((id, src)) = BUILTIN.iter().find(|(id, _)| *id == name) {
        return parse_depth(src, &format!("built-in pack {id}"), None, depth);
    }
    let path = match base {
        Some(b) if Path::new(name).is_relative() => b.join(name),
        _ => PathBuf::from(name),
    };
    let file = path.display().to_string();
    let looks_like_file = name.ends_with(".toml") || name.contains('/') || name.contains('\\');
    if !path.is_file() {
        let ids: Vec<&str> = BUILTIN.iter().map(|(id, _)| *id).collect();
        return Err(PackError {
            file: name.to_string(),
            line: None,
            column: None,
            message: if looks_like_file {
                "no such rule pack file".to_string()
            } else {
                format!(
                    "unknown rule pack: use {} or the path of a .toml pack file",
                    ids.join(", ")
                )
            },
        });
    }
    let source = std::fs::read_to_string(&path).map_err(|e| PackError {
        file: file.clone(),
        line: None,
        column: None,
        message: format!("cannot read the pack: {e}"),
    })?;
    parse_depth(&source, &file, path.parent(), depth)
}

/// 1-based line and column of a byte offset.
fn line_col(source: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(source.len());
    let before = source.get(..byte).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

struct Ctx<'a> {
    source: &'a str,
    file: &'a str,
}

impl Ctx<'_> {
    fn err(&self, span: Option<std::ops::Range<usize>>, message: impl Into<String>) -> PackError {
        let (line, column) = match span {
            Some(s) => {
                let (l, c) = line_col(self.source, s.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        PackError {
            file: self.file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    pack: PackMeta,
    #[serde(default)]
    rule: Vec<Spanned<RuleDef>>,
    #[serde(default, rename = "override")]
    overrides: Vec<Spanned<OverrideDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackMeta {
    id: Spanned<String>,
    name: Option<String>,
    description: Option<String>,
    #[serde(default)]
    extends: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(untagged)]
enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: Spanned<String>,
    kind: Spanned<String>,
    severity: Option<Severity>,
    message: Option<String>,
    why: Option<String>,
    link: Option<String>,
    // avoid / substitute
    words: Option<Vec<WordDef>>,
    swap: Option<BTreeMap<String, String>>,
    case_sensitive: Option<bool>,
    // require / pattern
    any_of: Option<Vec<String>>,
    pattern: Option<Spanned<String>>,
    fix: Option<String>,
    // thresholds
    what: Option<Countable>,
    max: Option<Spanned<Num>>,
    min: Option<Spanned<Num>>,
    min_words: Option<Spanned<Num>>,
    min_letters: Option<Spanned<Num>>,
    #[serde(default)]
    test: Vec<Spanned<TestDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordDef {
    word: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    instead: Vec<String>,
    advice: Option<String>,
    #[serde(default)]
    unless_next: Vec<String>,
    #[serde(default)]
    unless_prev: Vec<String>,
    #[serde(default)]
    when_prev: Vec<String>,
    #[serde(default)]
    needs_next_word: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TestDef {
    text: String,
    #[serde(default)]
    expect: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideDef {
    rule: Spanned<String>,
    severity: Option<Severity>,
    message: Option<String>,
    why: Option<String>,
    enabled: Option<bool>,
    max: Option<Spanned<Num>>,
    min: Option<Spanned<Num>>,
    min_words: Option<Spanned<Num>>,
    min_letters: Option<Spanned<Num>>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn count_param(ctx: &Ctx, n: &Spanned<Num>, name: &str) -> Result<usize, PackError> {
    match *n.get_ref() {
        Num::Int(i) if i >= 0 => usize::try_from(i)
            .map_err(|_| ctx.err(Some(n.span()), format!("`{name}` is too large"))),
        _ => Err(ctx.err(
            Some(n.span()),
            format!("`{name}` must be a whole number of 0 or more"),
        )),
    }
}

fn parse_depth(
    source: &str,
    file: &str,
    base: Option<&Path>,
    depth: usize,
) -> Result<RulePack, PackError> {
    let ctx = Ctx { source, file };
    if depth > MAX_EXTENDS_DEPTH {
        return Err(ctx.err(None, "packs extend each other too deeply (a cycle?)"));
    }
    let parsed: PackFile =
        toml::from_str(source).map_err(|e| ctx.err(e.span(), e.message().trim().to_string()))?;
    let pack_id = parsed.pack.id.get_ref().clone();
    if !valid_id(&pack_id) {
        return Err(ctx.err(
            Some(parsed.pack.id.span()),
            "a pack id uses lower-case letters, digits and '-'",
        ));
    }

    let mut rules_out: Vec<Rule> = Vec::new();
    for ext in &parsed.pack.extends {
        let inner = load_depth(ext.get_ref(), base, depth + 1).map_err(|e| {
            ctx.err(
                Some(ext.span()),
                format!("cannot extend {:?}: {e}", ext.get_ref()),
            )
        })?;
        rules_out.extend(inner.rules);
    }

    let mut seen = HashSet::new();
    for spanned in &parsed.rule {
        let def = spanned.get_ref();
        let local = def.id.get_ref();
        if !valid_id(local) {
            return Err(ctx.err(
                Some(def.id.span()),
                "a rule id uses lower-case letters, digits and '-'",
            ));
        }
        if !seen.insert(local.clone()) {
            return Err(ctx.err(
                Some(def.id.span()),
                format!("rule {local:?} is defined twice"),
            ));
        }
        let id = format!("{pack_id}.{local}");
        let kind = build_kind(&ctx, def)?;
        let tests = def
            .test
            .iter()
            .map(|t| {
                let (line, _) = line_col(source, t.span().start);
                RuleTest {
                    text: t.get_ref().text.clone(),
                    expect: t
                        .get_ref()
                        .expect
                        .iter()
                        .map(|e| {
                            if e.contains('.') {
                                e.clone()
                            } else {
                                format!("{pack_id}.{e}")
                            }
                        })
                        .collect(),
                    origin: format!("{file}:{line}"),
                }
            })
            .collect();
        rules_out.push(Rule {
            id,
            severity: def.severity.unwrap_or(Severity::Warning),
            message: def
                .message
                .clone()
                .unwrap_or_else(|| default_message(&kind)),
            why: def.why.clone().unwrap_or_default(),
            link: def.link.clone(),
            kind,
            tests,
        });
    }

    for o in &parsed.overrides {
        apply_override(&ctx, &pack_id, o, &mut rules_out)?;
    }

    Ok(RulePack {
        id: pack_id.clone(),
        name: parsed.pack.name.unwrap_or(pack_id),
        description: parsed.pack.description.unwrap_or_default(),
        source: file.to_string(),
        rules: rules_out,
    })
}

fn default_message(kind: &Kind) -> String {
    match kind {
        Kind::Avoid { .. } => "Avoid \u{201C}{match}\u{201D}".to_string(),
        Kind::Pattern { .. } => "\u{201C}{match}\u{201D}".to_string(),
        Kind::Count { .. } => "{count} {what}".to_string(),
        _ => "Check this".to_string(),
    }
}

fn compile(ctx: &Ctx, p: &Spanned<String>) -> Result<Pattern, PackError> {
    let regex = Regex::new(p.get_ref()).map_err(|e| {
        let detail = e.to_string();
        let last = detail.lines().last().unwrap_or("").trim().to_string();
        ctx.err(Some(p.span()), format!("bad pattern: {last}"))
    })?;
    Ok(Pattern {
        source: p.get_ref().clone(),
        regex,
    })
}

fn build_kind(ctx: &Ctx, def: &RuleDef) -> Result<Kind, PackError> {
    let kind_span = Some(def.kind.span());
    let need = |what: &str| {
        ctx.err(
            kind_span.clone(),
            format!("a {:?} rule needs `{what}`", def.kind.get_ref()),
        )
    };
    let count = |n: &Option<Spanned<Num>>, name: &str| -> Result<Option<usize>, PackError> {
        n.as_ref().map(|n| count_param(ctx, n, name)).transpose()
    };
    Ok(match def.kind.get_ref().as_str() {
        "avoid" | "substitute" => {
            let case_sensitive = def.case_sensitive.unwrap_or(false);
            let mut entries: Vec<AvoidEntry> = def
                .words
                .iter()
                .flatten()
                .map(|w| AvoidEntry {
                    word: w.word.clone(),
                    also: w.also.clone(),
                    instead: w.instead.clone(),
                    advice: w.advice.clone(),
                    unless_next: w.unless_next.iter().map(|s| s.to_lowercase()).collect(),
                    unless_prev: w.unless_prev.iter().map(|s| s.to_lowercase()).collect(),
                    when_prev: w.when_prev.iter().map(|s| s.to_lowercase()).collect(),
                    needs_next_word: w.needs_next_word,
                })
                .collect();
            for (from, to) in def.swap.iter().flatten() {
                entries.push(AvoidEntry {
                    word: from.clone(),
                    also: Vec::new(),
                    instead: vec![to.clone()],
                    advice: None,
                    unless_next: Vec::new(),
                    unless_prev: Vec::new(),
                    when_prev: Vec::new(),
                    needs_next_word: false,
                });
            }
            if entries.is_empty() {
                return Err(need(if def.kind.get_ref() == "avoid" {
                    "words"
                } else {
                    "swap"
                }));
            }
            let (matcher, lookup) =
                rules::compile_avoid(&entries, case_sensitive).map_err(|e| {
                    ctx.err(
                        kind_span.clone(),
                        format!("the word list does not compile: {e}"),
                    )
                })?;
            Kind::Avoid {
                entries,
                case_sensitive,
                matcher,
                lookup,
            }
        }
        "require" => {
            let pattern = def.pattern.as_ref().map(|p| compile(ctx, p)).transpose()?;
            let any_of = def.any_of.clone().unwrap_or_default();
            if any_of.is_empty() && pattern.is_none() {
                return Err(need("any_of or pattern"));
            }
            Kind::Require { any_of, pattern }
        }
        "pattern" => Kind::Pattern {
            pattern: compile(ctx, def.pattern.as_ref().ok_or_else(|| need("pattern"))?)?,
            fix: def.fix.clone(),
        },
        "count" => {
            let max = count(&def.max, "max")?;
            let min = count(&def.min, "min")?;
            if max.is_none() && min.is_none() {
                return Err(need("max or min"));
            }
            Kind::Count {
                what: def.what.ok_or_else(|| need("what"))?,
                max,
                min,
            }
        }
        "sentence-length" => Kind::SentenceLength {
            max: count(&def.max, "max")?.unwrap_or(25),
        },
        "passive-voice" => Kind::PassiveVoice,
        "there-is-opener" => Kind::ThereIsOpener,
        "repeated-words" => Kind::RepeatedWords,
        "reading-grade" => Kind::ReadingGrade {
            max: def.max.as_ref().map_or(8.0, |m| m.get_ref().as_f64()),
            min_words: count(&def.min_words, "min_words")?.unwrap_or(20),
        },
        "hashtag-case" => Kind::HashtagCase,
        "hashtag-position" => Kind::HashtagPosition,
        "emoji-position" => Kind::EmojiPosition,
        "emoji-repeated" => Kind::EmojiRepeated,
        "fancy-text" => Kind::FancyText,
        "all-caps" => Kind::AllCaps {
            min_letters: count(&def.min_letters, "min_letters")?.unwrap_or(6),
        },
        "emoticons" => Kind::Emoticons,
        other => {
            return Err(ctx.err(
                kind_span,
                format!(
                    "unknown rule kind {other:?}: use avoid, substitute, require, pattern, count, sentence-length, passive-voice, there-is-opener, repeated-words, reading-grade, hashtag-case, hashtag-position, emoji-position, emoji-repeated, fancy-text, all-caps or emoticons"
                ),
            ));
        }
    })
}

fn apply_override(
    ctx: &Ctx,
    pack_id: &str,
    o: &Spanned<OverrideDef>,
    rules_out: &mut Vec<Rule>,
) -> Result<(), PackError> {
    let o_def = o.get_ref();
    let target = o_def.rule.get_ref();
    let full = if target.contains('.') {
        target.clone()
    } else {
        format!("{pack_id}.{target}")
    };
    let Some(pos) = rules_out.iter().position(|r| r.id == full) else {
        return Err(ctx.err(
            Some(o_def.rule.span()),
            format!("no rule {full:?} to override (does the pack extend the one that has it?)"),
        ));
    };
    if o_def.enabled == Some(false) {
        rules_out.remove(pos);
        return Ok(());
    }
    let rule = &mut rules_out[pos];
    if let Some(s) = o_def.severity {
        rule.severity = s;
    }
    if let Some(m) = &o_def.message {
        rule.message = m.clone();
    }
    if let Some(w) = &o_def.why {
        rule.why = w.clone();
    }
    let bad = |name: &str, span: std::ops::Range<usize>| {
        ctx.err(
            Some(span),
            format!("rule {full:?} has no `{name}` to override"),
        )
    };
    if let Some(m) = &o_def.max {
        match &mut rule.kind {
            Kind::Count { max, .. } => *max = Some(count_param(ctx, m, "max")?),
            Kind::SentenceLength { max } => *max = count_param(ctx, m, "max")?,
            Kind::ReadingGrade { max, .. } => *max = m.get_ref().as_f64(),
            _ => return Err(bad("max", m.span())),
        }
    }
    if let Some(m) = &o_def.min {
        match &mut rule.kind {
            Kind::Count { min, .. } => *min = Some(count_param(ctx, m, "min")?),
            _ => return Err(bad("min", m.span())),
        }
    }
    if let Some(m) = &o_def.min_words {
        match &mut rule.kind {
            Kind::ReadingGrade { min_words, .. } => *min_words = count_param(ctx, m, "min_words")?,
            _ => return Err(bad("min_words", m.span())),
        }
    }
    if let Some(m) = &o_def.min_letters {
        match &mut rule.kind {
            Kind::AllCaps { min_letters } => *min_letters = count_param(ctx, m, "min_letters")?,
            _ => return Err(bad("min_letters", m.span())),
        }
    }
    Ok(())
}

/// The result of one pack test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestOutcome {
    pub rule: String,
    pub origin: String,
    pub text: String,
    /// Rules the test expected that did not fire.
    pub missing: Vec<String>,
    /// The rule under test fired though the test did not expect it (a near miss hit).
    pub unexpected: Vec<String>,
}

impl TestOutcome {
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Runs every test the pack's rules carry, each against the whole pack.
pub fn run_tests(pack: &RulePack) -> Vec<TestOutcome> {
    let mut out = Vec::new();
    for rule in &pack.rules {
        for t in &rule.tests {
            let doc = Doc::new(&t.text);
            let fired: HashSet<String> = pack.check(&doc).into_iter().map(|f| f.rule).collect();
            let missing = t
                .expect
                .iter()
                .filter(|e| !fired.contains(*e))
                .cloned()
                .collect();
            let unexpected = if fired.contains(&rule.id) && !t.expect.contains(&rule.id) {
                vec![rule.id.clone()]
            } else {
                Vec::new()
            };
            out.push(TestOutcome {
                rule: rule.id.clone(),
                origin: t.origin.clone(),
                text: t.text.clone(),
                missing,
                unexpected,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_packs_load() {
        let packs = builtin().unwrap();
        assert_eq!(packs.len(), 2);
        assert!(packs.iter().all(|p| !p.rules.is_empty()));
    }

    #[test]
    fn every_builtin_rule_has_a_hit_and_a_near_miss_and_passes_them() {
        for pack in builtin().unwrap() {
            for rule in &pack.rules {
                assert!(
                    rule.tests.iter().any(|t| t.expect.contains(&rule.id)),
                    "{} has no test that hits",
                    rule.id
                );
                assert!(
                    rule.tests.iter().any(|t| !t.expect.contains(&rule.id)),
                    "{} has no near-miss test",
                    rule.id
                );
            }
            let failed: Vec<TestOutcome> = run_tests(&pack)
                .into_iter()
                .filter(|o| !o.passed())
                .collect();
            assert!(failed.is_empty(), "failing pack tests: {failed:#?}");
        }
    }

    #[test]
    fn errors_have_file_line_and_column() {
        let e = parse(
            "[pack]\nid = \"x\"\n[[rule]]\nid = \"r\"\nkind = \"avoid\"\nwords = 3\n",
            "p.toml",
            None,
        )
        .unwrap_err();
        assert_eq!(e.file, "p.toml");
        assert_eq!(e.line, Some(6));
        let e = parse(
            "[pack]\nid = \"x\"\n\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\npattern = \"(\"\n",
            "p.toml",
            None,
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (Some(7), Some(11)));
        assert!(e.message.starts_with("bad pattern"));
        let e = parse(
            "[pack]\nid = \"x\"\n[[rule]]\nid = \"r\"\nkind = \"frobnicate\"\n",
            "p.toml",
            None,
        )
        .unwrap_err();
        assert_eq!(e.line, Some(5));
        let e = parse("[pack\n", "p.toml", None).unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = load("no-such-pack").unwrap_err();
        assert!(e.message.contains("unknown rule pack"));
    }

    #[test]
    fn trainer_pack_with_extends_overrides_and_kinds() {
        let src = r#"
[pack]
id = "port-ellis"
extends = ["govuk-plain-english"]

[[rule]]
id = "who-can-apply"
kind = "require"
severity = "error"
message = "Say who can apply"
any_of = ["who can apply", "you can apply if"]

[[rule]]
id = "house-terms"
kind = "substitute"
swap = { "e-mail" = "email", "web site" = "website" }

[[rule]]
id = "no-shouting"
kind = "pattern"
pattern = "!{2,}"
fix = "!"

[[rule]]
id = "tags"
kind = "count"
what = "hashtags"
max = 1

[[override]]
rule = "govuk-plain-english.sentence-length"
severity = "error"
max = 5

[[override]]
rule = "govuk-plain-english.passive-voice"
enabled = false
"#;
        let pack = parse(src, "port-ellis.toml", None).unwrap();
        let doc = Doc::new(
            "Send an e-mail to apply now!! It was decided by the board today in full. #a #b",
        );
        let found = pack.check(&doc);
        let ids: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
        assert!(ids.contains(&"port-ellis.who-can-apply"));
        assert!(ids.contains(&"port-ellis.house-terms"));
        assert!(ids.contains(&"port-ellis.no-shouting"));
        assert!(ids.contains(&"port-ellis.tags"));
        assert!(!ids.contains(&"govuk-plain-english.passive-voice"));
        let long = found
            .iter()
            .find(|f| f.rule == "govuk-plain-english.sentence-length")
            .unwrap();
        assert_eq!(long.severity, Severity::Error);
        let swap = found
            .iter()
            .find(|f| f.rule == "port-ellis.house-terms")
            .unwrap();
        assert_eq!(swap.fix.as_deref(), Some("email"));
        assert_eq!(swap.span.as_ref().map(|s| s.start.char), Some(8));
    }
}
