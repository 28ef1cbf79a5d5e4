//! A check's result as the pages show it: each platform's line in the words of GOV.UK's
//! character count component, the draft cut into marked pieces, the findings and readability.

use crate::compose::{self, Check, Count, Finding, Severity};

/// One platform's line, as GOV.UK's character count component words it.
pub struct CountView {
    pub name: &'static str,
    pub message: String,
    pub over: bool,
    pub notes: Vec<String>,
}

/// A run of the draft with the same highlighting.
pub struct Piece {
    pub text: String,
    /// `m-…` class of the most severe finding covering it.
    pub mark: Option<&'static str>,
    /// Past the limit of the strictest platform chosen.
    pub over: bool,
    /// The first piece past the limit: says so to screen readers.
    pub over_start: bool,
    /// Facebook's "See more" falls just before this piece.
    pub fold_before: bool,
    /// Numbers of findings whose span ends just before this piece.
    pub numbers_before: Vec<usize>,
}

pub struct FindingView {
    pub n: usize,
    pub severity: &'static str,
    pub message: String,
    pub why: String,
    pub link: Option<String>,
    pub fix: Option<String>,
    pub quote: Option<String>,
}

pub struct ResultView {
    pub counts: Vec<CountView>,
    pub pieces: Vec<Piece>,
    /// Numbers of findings ending at the very end of the draft.
    pub numbers_at_end: Vec<usize>,
    pub findings: Vec<FindingView>,
    pub summary: String,
    pub readability: Option<String>,
}

pub struct ExerciseRef {
    pub id: String,
    pub title: String,
}

pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        // "weighted characters" → "weighted character"
        unit.strip_suffix('s').unwrap_or(unit).to_string()
    } else {
        unit.to_string()
    }
}

/// "You have 12 characters remaining" / "You have 3 weighted characters too many".
pub fn count_message(c: &Count) -> String {
    let n = c.remaining.unsigned_abs();
    let (count, unit) = (thousands(n as usize), plural(n, &c.unit));
    if c.remaining >= 0 {
        format!("You have {count} {unit} remaining")
    } else {
        format!("You have {count} {unit} too many")
    }
}

/// Reading ease and grade in words, with GOV.UK's aim (a reading age of 9) in mind.
pub fn readability_words(r: &compose::Readability) -> String {
    let ease = r.flesch_reading_ease;
    let band = if ease >= 80.0 {
        "easy to read"
    } else if ease >= 60.0 {
        "plain English"
    } else if ease >= 50.0 {
        "fairly hard to read"
    } else if ease >= 30.0 {
        "hard to read"
    } else {
        "very hard to read"
    };
    let age = (r.flesch_kincaid_grade + 5.0).round().max(5.0);
    format!(
        "Reading ease {:.0} out of 100: {band}. Grade level {:.1}: a reading age of about {age:.0} \
         (GOV.UK aims for 9). {} word{}, {} sentence{}.",
        ease.clamp(0.0, 100.0),
        r.flesch_kincaid_grade,
        r.words,
        if r.words == 1 { "" } else { "s" },
        r.sentences,
        if r.sentences == 1 { "" } else { "s" },
    )
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "m-error",
        Severity::Warning => "m-warning",
        Severity::Suggestion => "m-suggestion",
    }
}

/// "3 findings: 1 error, 2 warnings, 0 suggestions" (or "No findings").
pub fn findings_summary(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "No style findings".to_string();
    }
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let part = |k: usize, word: &str| format!("{k} {word}{}", if k == 1 { "" } else { "s" });
    format!(
        "{}: {}, {}, {}",
        part(findings.len(), "finding"),
        part(n(Severity::Error), "error"),
        part(n(Severity::Warning), "warning"),
        part(n(Severity::Suggestion), "suggestion")
    )
}

/// The draft cut at every finding's start and end, the overflow and the fold; and the numbers
/// of findings that end at the very end of the draft.
pub fn pieces(text: &str, check: &Check) -> (Vec<Piece>, Vec<usize>) {
    // Past the limit of the strictest platform: the earliest overflow of any chosen.
    let overflow = check
        .counts
        .iter()
        .filter_map(|c| c.overflow.map(|o| o.byte))
        .min();
    let fold = check
        .counts
        .iter()
        .filter_map(|c| c.fold.map(|o| o.byte))
        .min();
    // (number, start, end, severity), by start.
    let mut spans: Vec<(usize, usize, usize, Severity)> = check
        .findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let s = f.span.as_ref()?;
            Some((
                i + 1,
                s.start.byte.min(text.len()),
                s.end.byte.min(text.len()),
                f.severity,
            ))
        })
        .collect();
    spans.sort_by_key(|&(n, a, ..)| (a, n));
    let mut ends: Vec<(usize, usize)> = spans.iter().map(|&(n, _, b, _)| (b, n)).collect();
    ends.sort_unstable();
    let ending_at = |p: usize| -> Vec<usize> {
        let from = ends.partition_point(|&(b, _)| b < p);
        ends[from..]
            .iter()
            .take_while(|&&(b, _)| b == p)
            .map(|&(_, n)| n)
            .collect()
    };
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(spans.iter().flat_map(|&(_, a, b, _)| [a, b]));
    cuts.extend(overflow);
    cuts.extend(fold);
    // Offsets come from the checker on character boundaries; keep only those, to be safe.
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    // A sweep, not a search per piece: a long draft can have thousands of findings.
    let mut next = 0;
    let mut active: Vec<(usize, Severity)> = Vec::new(); // (end, severity)
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next < spans.len() && spans[next].1 <= a {
            active.push((spans[next].2, spans[next].3));
            next += 1;
        }
        // Every start and end is a cut, so a span still open at `a` covers all of a..b.
        active.retain(|&(e, _)| e > a);
        out.push(Piece {
            text: text[a..b].to_string(),
            mark: active.iter().map(|&(_, s)| s).max().map(severity_class),
            over: overflow.is_some_and(|o| a >= o),
            over_start: overflow == Some(a),
            fold_before: fold == Some(a),
            numbers_before: ending_at(a),
        });
    }
    let at_end = if text.is_empty() {
        Vec::new()
    } else {
        ending_at(text.len())
    };
    (out, at_end)
}

/// The marked text, to print after a message that does not already quote it; long spans (a
/// whole sentence) are cut short, since the draft above shows them in full.
fn quote(message: &str, text: &str) -> Option<String> {
    const MAX: usize = 60;
    if text.trim().is_empty() || message.contains(text) {
        return None;
    }
    if text.chars().count() <= MAX {
        return Some(text.to_string());
    }
    let cut: String = text.chars().take(MAX).collect();
    Some(format!("{}\u{2026}", cut.trim_end()))
}

pub fn result_view(text: &str, check: &Check) -> ResultView {
    let counts = check
        .counts
        .iter()
        .map(|c| CountView {
            name: c.platform.name(),
            message: count_message(c),
            // Red when it cannot be posted there, too long or not (too many hashtags, say).
            over: !c.valid,
            // The "too many" note repeats the line above it.
            notes: {
                let repeated = compose::count::too_long_note(c);
                c.notes
                    .iter()
                    .filter(|n| Some(*n) != repeated.as_ref())
                    .cloned()
                    .collect()
            },
        })
        .collect();
    let (pieces, numbers_at_end) = pieces(text, check);
    let findings = check
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| FindingView {
            n: i + 1,
            severity: f.severity.as_str(),
            message: f.message.clone(),
            why: f.why.clone(),
            link: f.link.clone(),
            fix: f.fix.clone(),
            quote: f.span.as_ref().and_then(|s| quote(&f.message, &s.text)),
        })
        .collect();
    ResultView {
        counts,
        pieces,
        numbers_at_end,
        findings,
        summary: findings_summary(&check.findings),
        readability: check.readability.as_ref().map(readability_words),
    }
}
