//! Marking a drill (docs/design.md, "Drills", "Marking"): each response against its inject's
//! expected reaction, and each alert a player set against the posts it should have caught.
//! Pure: values in, values out; `review.rs` fetches and stores.
//!
//! A response earns up to 100 points:
//! - key facts, 40: the rewrite exercises' reading (`grade::facts`), found less contradicted
//!   over the facts expected (all 40 when none are expected);
//! - the deliverable, 20: the kind the expectation asks for (a reply for a reply, a statement
//!   for a statement…); an escalation or a decision to hold back when another kind was wanted
//!   earns nothing here;
//! - the platform, 10: within the platform's limits by the composer's count (all 10 when the
//!   kind has no platform);
//! - style, 15: the built-in rule packs as the composer runs them, 5 off per error, 2 per
//!   warning, half a point per suggestion;
//! - time, 15: all of it by the expectation's `by` (or the enquiry's or countdown's deadline);
//!   after it the points fall in a straight line to none when it is as late again as the time
//!   it had.
//!
//! A response to no inject, or to one without an expectation, is marked on the platform and
//! style only (scaled to 100), so the trainer still sees the counts and findings.

use serde::{Deserialize, Serialize};

use crate::catalog::scenarios::{Content, Deliverable, Expectation, Inject, Offset};
use crate::compose::{self, Platform, RulePack, Severity};
use crate::grade::facts::{FactResult, FactStatus, match_facts};
use crate::ingest::Document;
use crate::query::ParsedQuery;

pub const FACT_POINTS: f64 = 40.0;
pub const DELIVERABLE_POINTS: f64 = 20.0;
pub const PLATFORM_POINTS: f64 = 10.0;
pub const STYLE_POINTS: f64 = 15.0;
pub const TIME_POINTS: f64 = 15.0;

/// One part of a response's mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkPart {
    pub name: String,
    pub points: f64,
    pub max: f64,
    pub why: String,
}

/// A style finding, as the mark keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StyleNote {
    pub rule: String,
    pub severity: String,
    pub message: String,
}

/// The marking of one response (stored as JSON in `drill_responses.mark`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mark {
    /// Out of 100.
    pub score: f64,
    pub parts: Vec<MarkPart>,
    /// The kind the expectation asked for, when there is one.
    pub expected: Option<String>,
    pub deliverable_ok: Option<bool>,
    pub facts: Vec<FactResult>,
    /// The platform counted against, its length and limit.
    pub platform: Option<String>,
    pub length: Option<usize>,
    pub limit: Option<usize>,
    pub fits: Option<bool>,
    pub style: Vec<StyleNote>,
    /// Drill milliseconds from the inject's moment to the response.
    pub took_ms: Option<i64>,
    /// When it was due (drill milliseconds), and how late it was (0: on time).
    pub due_ms: Option<i64>,
    pub late_ms: Option<i64>,
}

impl Mark {
    pub fn late(&self) -> bool {
        self.late_ms.is_some_and(|l| l > 0)
    }

    pub fn count(&self, status: FactStatus) -> usize {
        self.facts.iter().filter(|f| f.status == status).count()
    }
}

/// A response as marking reads it.
#[derive(Debug, Clone, Copy)]
pub struct Answer<'a> {
    pub deliverable: &'a str,
    pub platform: Option<&'a str>,
    pub text: &'a str,
    pub drill_ms: i64,
}

/// When an inject's answer is due: the expectation's `by`, else the enquiry's or countdown's
/// deadline.
pub fn due(inject: &Inject) -> Option<Offset> {
    inject
        .expect
        .as_ref()
        .and_then(|e| e.by)
        .or(match &inject.content {
            Content::MediaEnquiry(e) => Some(e.deadline),
            Content::Countdown(c) => Some(c.deadline),
            _ => None,
        })
}

fn ms(o: Offset) -> i64 {
    i64::from(o.0) * 1000
}

/// Marks a response to `inject` (`None`: on the player's own initiative).
pub fn mark(inject: Option<&Inject>, answer: Answer<'_>, packs: &[RulePack]) -> Mark {
    let expect: Option<&Expectation> = inject.and_then(|i| i.expect.as_ref());
    let mut parts = Vec::new();

    // The deliverable.
    let given = Deliverable::parse(answer.deliverable);
    let deliverable_ok = expect.map(|e| given == Some(e.deliverable));
    if let (Some(e), Some(ok)) = (expect, deliverable_ok) {
        parts.push(MarkPart {
            name: "Deliverable".into(),
            points: if ok { DELIVERABLE_POINTS } else { 0.0 },
            max: DELIVERABLE_POINTS,
            why: if ok {
                format!("a {} as expected", e.deliverable.id())
            } else {
                format!(
                    "a {} was expected, this is a {}",
                    e.deliverable.id(),
                    answer.deliverable
                )
            },
        });
    }

    // Key facts.
    let facts = match expect {
        Some(e) if given != Some(Deliverable::Nothing) => match_facts(answer.text, &e.facts),
        Some(e) => match_facts("", &e.facts),
        None => Vec::new(),
    };
    if expect.is_some() {
        let found = facts
            .iter()
            .filter(|f| f.status == FactStatus::Found)
            .count();
        let wrong = facts
            .iter()
            .filter(|f| f.status == FactStatus::Contradicted)
            .count();
        let (points, why) = if facts.is_empty() {
            (FACT_POINTS, "no key facts expected".to_string())
        } else {
            (
                FACT_POINTS * found.saturating_sub(wrong) as f64 / facts.len() as f64,
                format!(
                    "{found} of {} key facts stated, {wrong} stated wrongly",
                    facts.len()
                ),
            )
        };
        parts.push(MarkPart {
            name: "Key facts".into(),
            points,
            max: FACT_POINTS,
            why,
        });
    }

    // The platform's limits: the response's own platform, else the expected one, for the kinds
    // that are posted.
    let posted = matches!(given, Some(Deliverable::Post | Deliverable::Reply));
    let platform = answer
        .platform
        .filter(|p| !p.trim().is_empty())
        .or_else(|| expect.and_then(|e| e.platform.as_deref()))
        .and_then(|p| p.parse::<Platform>().ok())
        .filter(|_| posted);
    let (length, limit, fits) = match platform {
        Some(p) => {
            let c = compose::count(answer.text, p.profile());
            (Some(c.length), Some(c.limit), Some(c.valid))
        }
        None => (None, None, None),
    };
    parts.push(MarkPart {
        name: "Platform".into(),
        points: if fits == Some(false) {
            0.0
        } else {
            PLATFORM_POINTS
        },
        max: PLATFORM_POINTS,
        why: match (platform, length, limit) {
            (Some(p), Some(l), Some(max)) if fits == Some(true) => {
                format!("{l} of {max} on {}", p.name())
            }
            (Some(p), Some(l), Some(max)) => format!("too long for {}: {l} of {max}", p.name()),
            _ => "no platform limit applies".into(),
        },
    });

    // Style.
    let style: Vec<StyleNote> = if given == Some(Deliverable::Nothing)
        || answer.text.trim().is_empty()
    {
        Vec::new()
    } else {
        let profiles: Vec<compose::Profile> = platform.map(|p| p.profile()).into_iter().collect();
        compose::check(answer.text, &profiles, packs)
            .findings
            .into_iter()
            .map(|f| StyleNote {
                rule: f.rule,
                severity: f.severity.as_str().to_string(),
                message: f.message,
            })
            .collect()
    };
    let of = |s: Severity| style.iter().filter(|n| n.severity == s.as_str()).count();
    let (errors, warnings, suggestions) = (
        of(Severity::Error),
        of(Severity::Warning),
        of(Severity::Suggestion),
    );
    parts.push(MarkPart {
        name: "Style".into(),
        points: (STYLE_POINTS
            - 5.0 * errors as f64
            - 2.0 * warnings as f64
            - 0.5 * suggestions as f64)
            .max(0.0),
        max: STYLE_POINTS,
        why: format!("{errors} errors, {warnings} warnings, {suggestions} suggestions"),
    });

    // Time.
    let took_ms = inject.map(|i| answer.drill_ms - ms(i.at));
    let due_ms = inject.filter(|_| expect.is_some()).and_then(due).map(ms);
    let late_ms = due_ms.map(|d| (answer.drill_ms - d).max(0));
    if let Some(i) = inject.filter(|_| expect.is_some()) {
        let (points, why) = match (due_ms, late_ms) {
            (Some(d), Some(late)) if late > 0 => {
                let allowed = (d - ms(i.at)).max(1);
                let share = (1.0 - late as f64 / allowed as f64).max(0.0);
                (
                    TIME_POINTS * share,
                    format!(
                        "{} late (due {})",
                        duration(late),
                        Offset((d / 1000) as u32)
                    ),
                )
            }
            (Some(d), _) => (
                TIME_POINTS,
                format!("on time (due {})", Offset((d / 1000) as u32)),
            ),
            _ => (TIME_POINTS, "no time was set".into()),
        };
        parts.push(MarkPart {
            name: "Time".into(),
            points,
            max: TIME_POINTS,
            why,
        });
    }

    let (got, max) = parts
        .iter()
        .fold((0.0, 0.0), |(g, m), p| (g + p.points, m + p.max));
    let score = if max > 0.0 {
        (got / max * 1000.0).round() / 10.0
    } else {
        0.0
    };
    Mark {
        score,
        parts,
        expected: expect.map(|e| e.deliverable.id().to_string()),
        deliverable_ok,
        facts,
        platform: platform.map(|p| p.id().to_string()),
        length,
        limit,
        fits,
        style,
        took_ms,
        due_ms,
        late_ms,
    }
}

/// A drill duration for people: `4 min 30 s`, `45 s`, `1 h 05 min`.
pub fn duration(ms: i64) -> String {
    let s = ms.max(0) / 1000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s} s"),
        (0, m, 0) => format!("{m} min"),
        (0, m, s) => format!("{m} min {s} s"),
        (h, m, _) => format!("{h} h {m:02} min"),
    }
}

/// A post an alert should have caught.
#[derive(Debug, Clone)]
pub struct Target {
    pub post_id: String,
    /// What it belongs to: the inject that expected a reaction, or the wave or inject of a
    /// flagged post. Catching one post of a group is catching the group.
    pub group: String,
    /// Why it matters, in the trainer's words ("expected a reply", "abuse, campaign").
    pub why: String,
    pub at_ms: i64,
    /// The post as the drill's index holds it: the saved query is read against it by the
    /// index's own rules (`ParsedQuery::matches_document`), as the player's search and alert
    /// rules read it.
    pub document: Document,
}

/// A saved search, as alert catching reads it.
#[derive(Debug, Clone)]
pub struct Alert<'a> {
    pub id: &'a str,
    pub learner: &'a str,
    pub query: &'a str,
    pub created_ms: i64,
    pub deleted_ms: Option<i64>,
}

/// One learner's catching of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Catch {
    pub learner: String,
    pub group: String,
    pub why: String,
    /// When the group's first post came out.
    pub first_ms: i64,
    /// The first moment one of the learner's searches held one of its posts (`None`: missed).
    pub caught_ms: Option<i64>,
    /// The search that caught it first.
    pub search: Option<String>,
    /// How many of the group's posts the learner's searches caught, of how many released.
    pub posts_caught: usize,
    pub posts: usize,
}

impl Catch {
    /// How long after the group's first post the search was in place.
    pub fn delay_ms(&self) -> Option<i64> {
        self.caught_ms.map(|c| c - self.first_ms)
    }
}

/// For each learner and group of targets released by `now_ms`: whether and when their saved
/// searches caught it. A search catches a post when its query matches the post and the search
/// existed at the post's moment or was saved later, before `now_ms` and before it was deleted:
/// it is caught at the later of the post's moment and the search's saving. Queries that do not
/// parse catch nothing.
pub fn catches(
    targets: &[Target],
    alerts: &[Alert<'_>],
    learners: &[&str],
    now_ms: i64,
) -> Vec<Catch> {
    let parsed: Vec<Option<ParsedQuery>> = alerts
        .iter()
        .map(|a| crate::query::parse(a.query).ok())
        .collect();
    catches_by(targets, alerts, learners, now_ms, |alert, target| {
        parsed[alert]
            .as_ref()
            .is_some_and(|q| q.matches_document(&targets[target].document))
    })
}

/// `catches`, with whether alert `a` (an index into `alerts`) matches target `t` (an index into
/// `targets`) answered by `matches`: the trainer's board answers it from a cache, since the
/// same searches meet the same posts at every refresh.
pub fn catches_by(
    targets: &[Target],
    alerts: &[Alert<'_>],
    learners: &[&str],
    now_ms: i64,
    matches: impl Fn(usize, usize) -> bool,
) -> Vec<Catch> {
    let released: Vec<usize> = (0..targets.len())
        .filter(|&t| targets[t].at_ms <= now_ms)
        .collect();
    // Which alerts match which released post, once.
    let hits: Vec<Vec<usize>> = released
        .iter()
        .map(|&t| (0..alerts.len()).filter(|&a| matches(a, t)).collect())
        .collect();
    let released: Vec<&Target> = released.iter().map(|&t| &targets[t]).collect();
    let mut groups: Vec<&str> = Vec::new();
    for t in &released {
        if !groups.contains(&t.group.as_str()) {
            groups.push(&t.group);
        }
    }
    let mut out = Vec::new();
    for learner in learners {
        for g in &groups {
            let members: Vec<usize> = (0..released.len())
                .filter(|&i| released[i].group == *g)
                .collect();
            let first = &released[members[0]];
            let mut caught: Option<(i64, &str)> = None;
            let mut posts_caught = 0;
            for &i in &members {
                let t = released[i];
                let mut best: Option<(i64, &str)> = None;
                for &a in &hits[i] {
                    let alert = &alerts[a];
                    if alert.learner != *learner {
                        continue;
                    }
                    let at = t.at_ms.max(alert.created_ms);
                    let live = alert.deleted_ms.is_none_or(|d| d > at);
                    if at <= now_ms && live && best.is_none_or(|(b, _)| at < b) {
                        best = Some((at, alert.id));
                    }
                }
                if let Some(b) = best {
                    posts_caught += 1;
                    if caught.is_none_or(|(c, _)| b.0 < c) {
                        caught = Some(b);
                    }
                }
            }
            out.push(Catch {
                learner: learner.to_string(),
                group: g.to_string(),
                why: first.why.clone(),
                first_ms: first.at_ms,
                caught_ms: caught.map(|c| c.0),
                search: caught.map(|c| c.1.to_string()),
                posts_caught,
                posts: members.len(),
            });
        }
    }
    out
}

#[cfg(test)]
#[path = "marking_tests.rs"]
mod tests;
