//! A pack file made into a `RulePack`: the packs it extends loaded first, each rule's kind
//! built and its expressions compiled, its tests given their line, and the overrides applied
//! to the rules they name. Every refusal says where in the file it is.

use std::collections::HashSet;
use std::path::Path;

use regex::Regex;
use toml::Spanned;

use super::format::{Ctx, Num, OverrideDef, PackFile, RuleDef, count_param, line_col, valid_id};
use super::{MAX_EXTENDS_DEPTH, PackError, load_depth};
use crate::compose::rules::{self, AvoidEntry, Kind, Pattern, Rule, RulePack, RuleTest, Severity};

pub(super) fn parse_depth(
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

#[cfg(test)]
mod tests {
    use crate::compose::packs::{load, parse};
    use crate::compose::prose::Doc;
    use crate::compose::rules::Severity;

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
