//! The shape of a pack file as written: what each table and key may hold, with the span of
//! every part an error may have to point at, so a trainer's mistake comes back with its line
//! and column.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::PackError;
use crate::compose::rules::{Countable, Severity};

/// 1-based line and column of a byte offset.
pub(super) fn line_col(source: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(source.len());
    let before = source.get(..byte).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

pub(super) struct Ctx<'a> {
    pub(super) source: &'a str,
    pub(super) file: &'a str,
}

impl Ctx<'_> {
    pub(super) fn err(
        &self,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
    ) -> PackError {
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
pub(super) struct PackFile {
    pub(super) pack: PackMeta,
    #[serde(default)]
    pub(super) rule: Vec<Spanned<RuleDef>>,
    #[serde(default, rename = "override")]
    pub(super) overrides: Vec<Spanned<OverrideDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PackMeta {
    pub(super) id: Spanned<String>,
    pub(super) name: Option<String>,
    pub(super) description: Option<String>,
    #[serde(default)]
    pub(super) extends: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(untagged)]
pub(super) enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    pub(super) fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RuleDef {
    pub(super) id: Spanned<String>,
    pub(super) kind: Spanned<String>,
    pub(super) severity: Option<Severity>,
    pub(super) message: Option<String>,
    pub(super) why: Option<String>,
    pub(super) link: Option<String>,
    // avoid / substitute
    pub(super) words: Option<Vec<WordDef>>,
    pub(super) swap: Option<BTreeMap<String, String>>,
    pub(super) case_sensitive: Option<bool>,
    // require / pattern
    pub(super) any_of: Option<Vec<String>>,
    pub(super) pattern: Option<Spanned<String>>,
    pub(super) fix: Option<String>,
    // thresholds
    pub(super) what: Option<Countable>,
    pub(super) max: Option<Spanned<Num>>,
    pub(super) min: Option<Spanned<Num>>,
    pub(super) min_words: Option<Spanned<Num>>,
    pub(super) min_letters: Option<Spanned<Num>>,
    #[serde(default)]
    pub(super) test: Vec<Spanned<TestDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WordDef {
    pub(super) word: String,
    #[serde(default)]
    pub(super) also: Vec<String>,
    #[serde(default)]
    pub(super) instead: Vec<String>,
    pub(super) advice: Option<String>,
    #[serde(default)]
    pub(super) unless_next: Vec<String>,
    #[serde(default)]
    pub(super) unless_prev: Vec<String>,
    #[serde(default)]
    pub(super) when_prev: Vec<String>,
    #[serde(default)]
    pub(super) needs_next_word: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TestDef {
    pub(super) text: String,
    #[serde(default)]
    pub(super) expect: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OverrideDef {
    pub(super) rule: Spanned<String>,
    pub(super) severity: Option<Severity>,
    pub(super) message: Option<String>,
    pub(super) why: Option<String>,
    pub(super) enabled: Option<bool>,
    pub(super) max: Option<Spanned<Num>>,
    pub(super) min: Option<Spanned<Num>>,
    pub(super) min_words: Option<Spanned<Num>>,
    pub(super) min_letters: Option<Spanned<Num>>,
}

pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(super) fn count_param(ctx: &Ctx, n: &Spanned<Num>, name: &str) -> Result<usize, PackError> {
    match *n.get_ref() {
        Num::Int(i) if i >= 0 => usize::try_from(i)
            .map_err(|_| ctx.err(Some(n.span()), format!("`{name}` is too large"))),
        _ => Err(ctx.err(
            Some(n.span()),
            format!("`{name}` must be a whole number of 0 or more"),
        )),
    }
}
