//! `sandpit check`: count a draft for one or more platforms and check it against rule packs.
//!
//! ```text
//! sandpit check --platform x [--json] [--rules PACK[,PACK]] TEXT     (TEXT "-" reads stdin)
//! sandpit check --platform x --jsonl < drafts.jsonl
//! ```
//!
//! With `--jsonl`, each input line is a JSON string and each output line is
//! `{"platform","length","limit","remaining","valid","overflow","notes","findings","readability"}`
//! for the first platform (plus `"counts"` for all of them when several are named). A line
//! that is not a JSON string gets `{"line":N,"error":"…"}` in its place, the rest go on, and
//! the command then exits 1; it exits 0 when every line was read. So does a line that met a bug
//! (`"error":"line N: internal error on this line: …"`). No data directory is used.

use std::io::{BufRead, Read, Write};

use sandpit::compose::{self, Check, Platform, Profile, RulePack, Severity};
use sandpit::error::{Error, Result};
use serde_json::{Value, json};

/// Drafts longer than this are refused with a message rather than checked: no platform
/// accepts a post anywhere near this size, and it bounds the work per draft.
pub const MAX_DRAFT_BYTES: usize = 1 << 20;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Platforms, comma-separated: x (or twitter), bluesky, mastodon, threads, linkedin,
    /// facebook, instagram, or "all".
    #[arg(long, short = 'p')]
    pub platform: String,
    /// Print one JSON object instead of a report.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Read drafts from standard input, one JSON string a line; print one JSON object a line.
    #[arg(long, conflicts_with = "text")]
    pub jsonl: bool,
    /// Rule packs, comma-separated: built-in ids or .toml files; "none" to only count.
    /// Default: both built-in packs (govuk-plain-english, social-accessible).
    #[arg(long)]
    pub rules: Option<String>,
    /// Your Mastodon server's post limit.
    #[arg(long, default_value_t = 500)]
    pub mastodon_limit: usize,
    /// The draft; "-" reads it from standard input.
    #[arg(required_unless_present = "jsonl")]
    pub text: Option<String>,
}

pub fn run(args: CheckArgs) -> Result<()> {
    let profiles = parse_platforms(&args.platform, args.mastodon_limit)?;
    let packs = load_packs(args.rules.as_deref())?;
    if args.jsonl {
        return run_jsonl(&profiles, &packs);
    }
    let text = match args.text.as_deref() {
        Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .take(MAX_DRAFT_BYTES as u64 + 1)
                .read_to_string(&mut s)
                .map_err(|e| {
                    Error::invalid(format!("cannot read the draft from standard input: {e}"))
                })?;
            s
        }
        Some(t) => t.to_string(),
        None => return Err(Error::invalid("give the draft as TEXT, or use --jsonl")),
    };
    check_size(&text)?;
    let result = compose::check(&text, &profiles, &packs);
    let mut out = std::io::stdout().lock();

    if args.json {
        serde_json::to_string_pretty(&draft_json(&result))
            .map_err(Error::internal)
            .and_then(|s| writeln!(out, "{s}").map_err(Error::from))
    } else {
        writeln!(out, "{}", report(&text, &result)).map_err(Error::from)
    }
}

/// Platforms from a comma-separated list.
pub fn parse_platforms(list: &str, mastodon_limit: usize) -> Result<Vec<Profile>> {
    let mut out: Vec<Profile> = Vec::new();
    for id in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let platforms: Vec<Platform> = if id.eq_ignore_ascii_case("all") {
            Platform::ALL.to_vec()
        } else {
            vec![
                id.parse::<Platform>()
                    .map_err(|e| Error::invalid(format!("--platform: {e}")))?,
            ]
        };
        for p in platforms {
            let mut profile = p.profile();
            if p == Platform::Mastodon {
                profile.limit = mastodon_limit;
            }
            if !out.contains(&profile) {
                out.push(profile);
            }
        }
    }
    if out.is_empty() {
        return Err(Error::invalid("--platform: name at least one platform"));
    }
    Ok(out)
}

/// Rule packs from a comma-separated list (`None`: the built-in packs).
pub fn load_packs(list: Option<&str>) -> Result<Vec<RulePack>> {
    match list.map(str::trim) {
        None => Ok(compose::packs::builtin()?),
        Some("none") | Some("") => Ok(Vec::new()),
        Some(list) => list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|p| compose::packs::load(p).map_err(Error::from))
            .collect(),
    }
}

fn check_size(text: &str) -> Result<()> {
    if text.len() > MAX_DRAFT_BYTES {
        return Err(Error::invalid(format!(
            "the draft is over {} bytes; Sandpit checks drafts up to 1 MiB (the longest post any platform takes, on Facebook, is 63,206 characters)",
            MAX_DRAFT_BYTES
        )));
    }
    Ok(())
}

/// The JSON for one draft: the first platform's count at the top level, as docs/design.md's
/// `--jsonl` line, and every platform's under `counts` when there are several.
pub fn draft_json(result: &Check) -> Value {
    let mut v = match result.counts.first() {
        Some(c) => json!({
            "platform": c.platform,
            "length": c.length,
            "limit": c.limit,
            "remaining": c.remaining,
            "valid": c.valid,
            "overflow": c.overflow,
            "fold": c.fold,
            "notes": c.notes,
        }),
        None => json!({}),
    };
    v["findings"] = json!(result.findings);
    v["readability"] = json!(result.readability);
    if result.counts.len() > 1 {
        v["counts"] = json!(result.counts);
    }
    v
}

fn run_jsonl(profiles: &[Profile], packs: &[RulePack]) -> Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut bad = 0usize;
    let mut total = 0usize;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line_no = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                // Not UTF-8, or the stream broke: say so on this line and go on.
                bad += 1;
                total += 1;
                writeln!(
                    out,
                    "{}",
                    json!({"line": line_no, "error": format!("cannot read line {line_no}: {e}")})
                )?;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        total += 1;
        let value = match serde_json::from_str::<String>(&line) {
            Ok(text) if text.len() > MAX_DRAFT_BYTES => Err(format!(
                "line {line_no}: the draft is over {MAX_DRAFT_BYTES} bytes"
            )),
            // A panic is a bug; should one remain, it costs this line, not the batch.
            Ok(text) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                draft_json(&compose::check(&text, profiles, packs))
            }))
            .map_err(|panic| {
                format!(
                    "line {line_no}: internal error on this line: {}",
                    panic_message(&*panic)
                )
            }),
            Err(e) => Err(format!("line {line_no}: not a JSON string ({e})")),
        };
        match value {
            Ok(v) => writeln!(out, "{v}")?,
            Err(message) => {
                bad += 1;
                writeln!(out, "{}", json!({"line": line_no, "error": message}))?;
            }
        }
    }
    out.flush()?;
    if bad > 0 {
        return Err(Error::invalid(format!(
            "{bad} of {total} lines could not be checked; their output lines say why"
        )));
    }
    Ok(())
}

/// What a caught panic said, for the error line that replaces a batch line's result.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the check failed".to_string())
}

/// A report a trainer can read: counts per platform, then each finding with its why.
pub fn report(text: &str, result: &Check) -> String {
    let mut s = String::new();
    for c in &result.counts {
        let verdict = if c.valid {
            format!("{} left", c.remaining)
        } else if c.length > c.limit {
            format!("{} too many", c.length - c.limit)
        } else {
            "cannot be posted".to_string()
        };
        s.push_str(&format!(
            "{}: {} of {} {} ({verdict})\n",
            c.platform.name(),
            c.length,
            c.limit,
            c.unit
        ));
        if let Some(o) = c.overflow {
            let tail: String = text[o.byte..].chars().take(30).collect();
            s.push_str(&format!(
                "  passes the limit at character {}: \u{201C}{tail}\u{2026}\u{201D}\n",
                o.char
            ));
        }
        for note in &c.notes {
            s.push_str(&format!("  {note}\n"));
        }
    }
    if !result.findings.is_empty() {
        let count = |sev: Severity| result.findings.iter().filter(|f| f.severity == sev).count();
        s.push_str(&format!(
            "\n{} findings: {} errors, {} warnings, {} suggestions\n",
            result.findings.len(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Suggestion)
        ));
        for f in &result.findings {
            let place = f
                .span
                .as_ref()
                .map(|sp| format!(" at characters {}\u{2013}{}", sp.start.char, sp.end.char))
                .unwrap_or_default();
            s.push_str(&format!("\n{} [{}]{place}\n", f.severity.as_str(), f.rule));
            s.push_str(&format!("  {}\n", f.message));
            if let Some(fix) = &f.fix {
                s.push_str(&format!("  Suggested: \u{201C}{fix}\u{201D}\n"));
            }
            if !f.why.is_empty() {
                s.push_str(&format!("  Why: {}\n", f.why));
            }
            if let Some(link) = &f.link {
                s.push_str(&format!("  More: {link}\n"));
            }
        }
    } else {
        s.push_str("\nNo style findings.\n");
    }
    if let Some(r) = &result.readability {
        s.push_str(&format!(
            "\nReadability: Flesch-Kincaid grade {:.1}, reading ease {:.0} ({} words, {} sentences)\n",
            r.flesch_kincaid_grade, r.flesch_reading_ease, r.words, r.sentences
        ));
    }
    s.trim_end().to_string()
}
