//! The post composer: `POST /api/check` (JSON) and the composer page `GET|POST /compose`.
//!
//! Both parse their input, call [`compose::check`] once and render. The page works without
//! JavaScript (the form posts and the server renders the result); `static/compose.js` calls the
//! API as the trainee types and redraws the same result in the browser.
//!
//! The API body is read as bytes and parsed here, not by axum's `Json`, so that every bad body
//! (too big, not UTF-8, not JSON, wrong fields) gets Sandpit's own message in the API's error
//! shape `{"error":{"message"}}`.

use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::AppState;
use super::error::{ApiError, render};
use crate::catalog::exercises::Task;
use crate::compose::{self, Check, Count, Finding, Platform, Profile, RulePack, Severity};
use crate::error::Error;

/// The largest draft checked: no platform takes a post anywhere near this (Facebook's 63,206
/// characters is the longest), and it bounds the work one request can ask for.
pub const MAX_DRAFT_BYTES: usize = 1 << 20;

/// The largest request body these routes read. Larger than the draft cap because JSON escapes
/// and form encoding can make a 1 MiB draft several times bigger on the wire; the draft itself
/// is measured after decoding.
pub const BODY_MAX: usize = 8 << 20;

/// A Mastodon server's limit can be set this high at most, here.
const MASTODON_LIMIT_MAX: usize = 1_000_000;

/// The built-in packs (parsed once per process, see `packs::builtin_shared`).
fn builtin_packs() -> Result<&'static [RulePack], Error> {
    // A built-in pack that does not load is Sandpit's fault; the message keeps file and line.
    compose::packs::builtin_shared().map_err(|e| Error::internal(anyhow::anyhow!("{e}")))
}

/// The packs named, in the order named. Only built-in packs by id: a web request never names
/// a file on the server.
fn packs_named(names: &[String]) -> Result<Vec<&'static RulePack>, Error> {
    let all = builtin_packs()?;
    let mut out: Vec<&'static RulePack> = Vec::new();
    for name in names {
        let name = name.trim();
        let pack = all.iter().find(|p| p.id == name).ok_or_else(|| {
            let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
            Error::invalid(format!(
                "unknown rule pack {name:?}: use {} (packs are named by id; files cannot be loaded over the web)",
                ids.join(" or ")
            ))
        })?;
        if !out.iter().any(|p| p.id == pack.id) {
            out.push(pack);
        }
    }
    Ok(out)
}

/// Profiles for the platform ids, in the order named, each once.
fn profiles_named(ids: &[String], mastodon_limit: Option<usize>) -> Result<Vec<Profile>, Error> {
    let mut out: Vec<Profile> = Vec::new();
    for id in ids {
        let platform: Platform = id
            .parse()
            .map_err(|e: compose::UnknownPlatform| Error::invalid(e.to_string()))?;
        let mut profile = platform.profile();
        if let (Platform::Mastodon, Some(limit)) = (platform, mastodon_limit) {
            profile.limit = limit;
        }
        if !out.iter().any(|p| p.platform == platform) {
            out.push(profile);
        }
    }
    if out.is_empty() {
        return Err(Error::invalid(
            "choose at least one platform (for example \"x\")",
        ));
    }
    Ok(out)
}

fn too_big_message(bytes: usize) -> String {
    format!(
        "The draft is {bytes} bytes; Sandpit checks drafts up to 1 MB (1,048,576 bytes). \
         The longest post any platform takes, on Facebook, is 63,206 characters."
    )
}

/// For a request body over [`BODY_MAX`], which was not read to the end and so not measured.
fn body_too_big_message() -> String {
    format!(
        "The request is over {} MB; Sandpit checks drafts up to 1 MB (1,048,576 bytes).",
        BODY_MAX >> 20
    )
}

/// Runs the check off the async runtime: rules on a long draft are CPU work.
async fn run_check(
    text: String,
    profiles: Vec<Profile>,
    packs: Vec<&'static RulePack>,
) -> Result<Check, Error> {
    tokio::task::spawn_blocking(move || compose::check(&text, &profiles, &packs))
        .await
        .map_err(Error::internal)
}

// ----------------------------------------------------------------------------------------
// The JSON API

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    text: Option<String>,
    platforms: Option<Vec<String>>,
    rules: Option<Vec<String>>,
    mastodon_limit: Option<usize>,
}

fn api_error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"error": {"message": message.into()}}))).into_response()
}

/// `POST /api/check`: `{"text","platforms"?,"rules"?,"mastodon_limit"?}` →
/// `{"results":[…one per platform…],"findings":[…],"readability":{…}|null,"rules":[…]}`.
pub async fn api_check(body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return api_error(StatusCode::PAYLOAD_TOO_LARGE, body_too_big_message());
        }
        Err(e) => return api_error(e.status(), format!("Cannot read the request: {e}")),
    };
    let raw = match std::str::from_utf8(&body) {
        Ok(s) => s,
        Err(e) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                format!(
                    "The request is not valid UTF-8 (the first bad byte is at offset {}); send JSON encoded as UTF-8.",
                    e.valid_up_to()
                ),
            );
        }
    };
    let req: CheckRequest = match serde_json::from_str(raw) {
        Ok(r) => r,
        Err(e) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                format!(
                    "The request is not the JSON this API takes ({e}). Send {{\"text\": \"…\", \"platforms\": [\"x\"], \"rules\": [\"govuk-plain-english\"]}}."
                ),
            );
        }
    };
    let Some(text) = req.text else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "\"text\" is missing: send the draft as {\"text\": \"…\"}.",
        );
    };
    if text.len() > MAX_DRAFT_BYTES {
        return api_error(StatusCode::PAYLOAD_TOO_LARGE, too_big_message(text.len()));
    }
    match api_result(text, req.platforms, req.rules, req.mastodon_limit).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => ApiError(e).into_response(),
    }
}

async fn api_result(
    text: String,
    platforms: Option<Vec<String>>,
    rules: Option<Vec<String>>,
    mastodon_limit: Option<usize>,
) -> Result<Value, Error> {
    if let Some(l) = mastodon_limit
        && !(1..=MASTODON_LIMIT_MAX).contains(&l)
    {
        return Err(Error::invalid(format!(
            "\"mastodon_limit\" must be between 1 and {MASTODON_LIMIT_MAX}, not {l}"
        )));
    }
    let platforms = platforms.unwrap_or_else(|| vec!["x".to_string()]);
    let profiles = profiles_named(&platforms, mastodon_limit)?;
    let packs = match rules {
        Some(names) => packs_named(&names)?,
        None => builtin_packs()?.iter().collect(),
    };
    let rule_ids: Vec<String> = packs.iter().map(|p| p.id.clone()).collect();
    let check = run_check(text, profiles, packs).await?;
    Ok(check_json(&check, &rule_ids))
}

/// The API's answer: one result per platform, the findings once (they do not depend on the
/// platform), readability, and the packs that were applied.
pub fn check_json(check: &Check, rule_ids: &[String]) -> Value {
    let results: Vec<Value> = check
        .counts
        .iter()
        .map(|c| {
            json!({
                "platform": c.platform,
                "name": c.platform.name(),
                "unit": c.unit,
                "length": c.length,
                "limit": c.limit,
                "remaining": c.remaining,
                "valid": c.valid,
                "overflow": c.overflow,
                "fold": c.fold,
                "notes": c.notes,
            })
        })
        .collect();
    json!({
        "results": results,
        "findings": check.findings,
        "readability": check.readability,
        "rules": rule_ids,
    })
}

// ----------------------------------------------------------------------------------------
// The page

pub struct PlatformChoice {
    pub id: &'static str,
    pub name: &'static str,
    /// "63,206"
    pub limit: String,
    pub checked: bool,
}

pub struct PackChoice {
    pub id: String,
    pub name: String,
    pub checked: bool,
}

/// One platform's line, as GOV.UK's character count component words it.
pub struct CountView {
    pub name: &'static str,
    pub message: String,
    pub over: bool,
    pub valid: bool,
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

#[derive(Template)]
#[template(path = "compose.html")]
pub struct ComposePage {
    pub text: String,
    pub platforms: Vec<PlatformChoice>,
    pub packs: Vec<PackChoice>,
    pub text_error: Option<String>,
    pub platform_error: Option<String>,
    pub result: Option<ResultView>,
    pub exercise: Option<ExerciseRef>,
}

impl ComposePage {
    fn has_errors(&self) -> bool {
        self.text_error.is_some() || self.platform_error.is_some()
    }
}

fn page(text: String, platforms: &[Platform], packs: &[String]) -> Result<ComposePage, Error> {
    Ok(ComposePage {
        text,
        platforms: Platform::ALL
            .iter()
            .map(|&p| PlatformChoice {
                id: p.id(),
                name: p.name(),
                limit: thousands(p.default_limit()),
                checked: platforms.contains(&p),
            })
            .collect(),
        packs: builtin_packs()?
            .iter()
            .map(|p| PackChoice {
                id: p.id.clone(),
                name: p.name.clone(),
                checked: packs.contains(&p.id),
            })
            .collect(),
        text_error: None,
        platform_error: None,
        result: None,
        exercise: None,
    })
}

#[derive(Deserialize)]
pub struct ComposeQuery {
    exercise: Option<String>,
}

/// `GET /compose`: the empty composer (X and both packs chosen), or set up for a rewrite
/// exercise with `?exercise=ID` (its press release as the starting text, its platforms and packs).
pub async fn page_get(
    State(state): State<AppState>,
    Query(q): Query<ComposeQuery>,
) -> Result<Response, super::error::PageError> {
    let all_packs: Vec<String> = builtin_packs()?.iter().map(|p| p.id.clone()).collect();
    let catalog = state.app.catalog();
    let exercise = q.exercise.as_deref().filter(|id| !id.is_empty()).map(|id| {
        catalog
            .get(id)
            .ok_or_else(|| Error::not_found(format!("there is no exercise {id:?}")))
    });
    let mut p = match exercise.transpose()? {
        Some(ex) => match &ex.task {
            Task::Rewrite(r) => {
                let platforms: Vec<Platform> =
                    r.platforms.iter().filter_map(|p| p.parse().ok()).collect();
                let packs: Vec<String> = r
                    .rules
                    .iter()
                    .filter(|id| all_packs.contains(id))
                    .cloned()
                    .collect();
                let mut p = page(r.source_text.clone(), &platforms, &packs)?;
                p.exercise = Some(ExerciseRef {
                    id: ex.id.clone(),
                    title: ex.title.clone(),
                });
                p
            }
            _ => {
                return Err(Error::invalid(format!(
                    "exercise {:?} is not a rewrite exercise, so it has no draft to compose",
                    ex.id
                ))
                .into());
            }
        },
        None => page(String::new(), &[Platform::X], &all_packs)?,
    };
    if !p.platforms.iter().any(|c| c.checked)
        && let Some(x) = p.platforms.first_mut()
    {
        x.checked = true;
    }
    Ok(render(&p))
}

/// `POST /compose` (the form, for browsers without JavaScript): the same page with the result.
pub async fn page_post(
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, super::error::PageError> {
    let all_packs: Vec<String> = builtin_packs()?.iter().map(|p| p.id.clone()).collect();
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let mut p = page(String::new(), &[Platform::X], &all_packs)?;
            p.text_error = Some(body_too_big_message());
            return Ok((StatusCode::PAYLOAD_TOO_LARGE, render(&p)).into_response());
        }
        Err(e) => return Err(Error::invalid(format!("cannot read the form: {e}")).into()),
    };
    // Repeated keys (one per ticked box) are why this is parsed here and not with `Form`.
    let mut text = String::new();
    let mut ids: Vec<String> = Vec::new();
    let mut packs: Vec<String> = Vec::new();
    for (k, v) in url::form_urlencoded::parse(&body) {
        match k.as_ref() {
            "text" => text = v.into_owned(),
            "platforms" => ids.push(v.into_owned()),
            "rules" => packs.push(v.into_owned()),
            _ => {}
        }
    }
    // Browsers send CRLF line ends from a textarea; count what the trainee typed.
    let text = text.replace("\r\n", "\n");
    let mut platforms: Vec<Platform> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for id in &ids {
        match id.parse::<Platform>() {
            Ok(p) if !platforms.contains(&p) => platforms.push(p),
            Ok(_) => {}
            Err(e) => unknown.push(e.to_string()),
        }
    }
    packs.retain(|id| all_packs.contains(id));
    let too_big = text.len() > MAX_DRAFT_BYTES;
    // A draft too big to check is not sent back either: it would make the page as big.
    let mut p = page(
        if too_big { String::new() } else { text.clone() },
        &platforms,
        &packs,
    )?;
    if too_big {
        p.text_error = Some(too_big_message(text.len()));
    } else if text.trim().is_empty() {
        p.text_error = Some("Enter your draft post".to_string());
    }
    if let Some(e) = unknown.first() {
        p.platform_error = Some(format!("Choose from the list: {e}"));
    } else if platforms.is_empty() {
        p.platform_error = Some("Choose at least one platform".to_string());
    }
    if p.has_errors() {
        return Ok((StatusCode::BAD_REQUEST, render(&p)).into_response());
    }
    let profiles: Vec<Profile> = platforms.iter().map(|p| p.profile()).collect();
    let chosen = packs_named(&packs)?;
    let check = run_check(text.clone(), profiles, chosen).await?;
    p.result = Some(result_view(&text, &check));
    Ok(render(&p))
}

// ----------------------------------------------------------------------------------------
// Presentation of a check (the same wording as static/compose.js)

fn thousands(n: usize) -> String {
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
            valid: c.valid,
            // The "too many" note repeats the line above it.
            notes: c
                .notes
                .iter()
                .filter(|n| !n.starts_with("You have "))
                .cloned()
                .collect(),
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
