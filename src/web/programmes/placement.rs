//! The placement diagnostic and the skill profile on the web (docs/programmes.md,
//! "Placement"): `/programme/placement` shows the start page or the learner's current item,
//! one at a time, with plain forms; `/programme/profile` draws the levels it measured (a
//! server-rendered SVG with the same numbers in a table), the starting point per skill and
//! every measurement so far. The rules are `app::placement`; these handlers only render.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};

use super::ProgrammeMember;
use crate::app::placement::{Answered, Profile, Status};
use crate::catalog::exercises::Label;
use crate::catalog::placement::{Item, ItemKind};
use crate::catalog::skills::Skill;
use crate::error::Error;
use crate::web::AppState;
use crate::web::error::{PageError, render};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/programme/placement", get(placement_page))
        .route("/programme/placement/start", post(start))
        .route("/programme/placement/answer", post(answer))
        .route("/programme/profile", get(profile_page))
}

#[derive(Template)]
#[template(path = "placement_start.html")]
struct StartPage {
    items: usize,
    minutes: u32,
    taken: usize,
    skills: Vec<&'static str>,
}

#[derive(Template)]
#[template(path = "placement_item.html")]
struct ItemPage {
    item: &'static Item,
    number: usize,
    total: usize,
    minutes_left: u32,
    labels: [Label; 3],
    platforms: Vec<String>,
    /// The refusal of the answer just sent, and the field it is about.
    error: Option<(String, String)>,
    /// What was sent, kept when it is refused.
    sent: Vec<(String, String)>,
}

impl ItemPage {
    fn text(&self) -> &str {
        self.sent
            .iter()
            .find(|(k, _)| k == "text")
            .map_or("", |(_, v)| v.as_str())
    }

    fn checked(&self, name: &str, value: &str) -> bool {
        self.sent.iter().any(|(k, v)| k == name && v == value)
    }

    fn is(&self, kind: &str) -> bool {
        let k = match self.item.kind {
            ItemKind::Query => "query",
            ItemKind::Pick => "pick",
            ItemKind::Sort => "sort",
            ItemKind::Write => "write",
        };
        k == kind
    }
}

fn item_page(
    status: Status,
    error: Option<(String, String)>,
    sent: Vec<(String, String)>,
) -> Response {
    match status {
        Status::At {
            item,
            number,
            total,
            minutes_left,
        } => {
            let platforms = item
                .write
                .iter()
                .flat_map(|w| &w.platforms)
                .filter_map(|p| p.parse::<crate::compose::Platform>().ok())
                .map(|p| {
                    let profile = crate::compose::Profile::from(p);
                    format!("{} ({} characters)", p.name(), profile.limit)
                })
                .collect();
            let refused = error.is_some();
            let page = render(&ItemPage {
                item,
                number,
                total,
                minutes_left,
                labels: Label::ALL,
                platforms,
                error,
                sent,
            });
            if refused {
                (StatusCode::BAD_REQUEST, page).into_response()
            } else {
                page
            }
        }
        Status::Idle { .. } => Redirect::to("/programme/placement").into_response(),
    }
}

async fn placement_page(
    State(state): State<AppState>,
    member: ProgrammeMember,
) -> Result<Response, PageError> {
    let status = state.app.placement_status(&member.learner).await?;
    match status {
        Status::Idle { taken } => {
            let placement = state.app.placement()?;
            Ok(render(&StartPage {
                items: placement.items.len(),
                minutes: placement.minutes(),
                taken,
                skills: Skill::ALL.iter().map(|s| s.name()).collect(),
            }))
        }
        at => Ok(item_page(at, None, Vec::new())),
    }
}

async fn start(
    State(state): State<AppState>,
    member: ProgrammeMember,
) -> Result<Response, PageError> {
    state.app.start_placement(&member.learner).await?;
    Ok(Redirect::to("/programme/placement").into_response())
}

async fn answer(
    State(state): State<AppState>,
    member: ProgrammeMember,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let field = |name: &str| form.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let item = field("item").unwrap_or_default();
    let skip = field("skip").is_some();
    let outcome = state
        .app
        .answer_placement(&member.learner, &item, &form, skip)
        .await;
    let refusal = match outcome {
        Ok(Answered::Next) => return Ok(Redirect::to("/programme/placement").into_response()),
        Ok(Answered::Finished) => return Ok(Redirect::to("/programme/profile").into_response()),
        Err(Error::Query(e)) => {
            let at = match e.line {
                Some((line, column)) => format!("Line {line}, column {column}"),
                None => format!("Column {}", e.column),
            };
            let hint = e.hint.map(|h| format!(" {h}")).unwrap_or_default();
            format!("{at}: {}{hint}", e.message)
        }
        Err(Error::Invalid(message)) => message,
        Err(other) => return Err(other.into()),
    };
    let status = state.app.placement_status(&member.learner).await?;
    let anchor = match &status {
        Status::At { item, .. } if item.kind == ItemKind::Sort => "posts",
        _ => "text",
    };
    Ok(item_page(status, Some((anchor.into(), refusal)), form))
}

/// One bar of the profile's picture.
struct Bar {
    name: &'static str,
    /// The level in percent, as the table shows it.
    percent: String,
    y: u32,
    width: f64,
    measured: bool,
}

struct SkillRow {
    name: &'static str,
    percent: String,
    start: &'static str,
    exercise: Option<(String, String)>,
}

/// A measurement of the history: when and what measured it.
struct HistoryHead {
    when: String,
    source: String,
}

/// A skill's levels in the history's measurements, the latest first.
struct HistoryRow {
    name: &'static str,
    levels: Vec<String>,
}

struct Review {
    title: String,
    skill: &'static str,
    percent: String,
    skipped: bool,
    notes: Vec<String>,
}

#[derive(Template)]
#[template(path = "placement_profile.html")]
struct ProfilePage {
    measured: bool,
    in_progress: bool,
    bars: Vec<Bar>,
    chart_height: u32,
    rows: Vec<SkillRow>,
    history_heads: Vec<HistoryHead>,
    history: Vec<HistoryRow>,
    /// Measurements older than the ones shown.
    earlier: usize,
    review: Vec<Review>,
    bar_x: u32,
    bar_max: f64,
}

/// The width of a full bar, and where bars start (after the skills' names).
const BAR_MAX: f64 = 340.0;
const BAR_X: u32 = 200;
const ROW: u32 = 34;
/// How many measurements the history table shows.
const HISTORY_SHOWN: usize = 4;

fn percent(level: Option<f64>) -> String {
    level.map_or("not measured".into(), |l| format!("{:.0}%", l * 100.0))
}

fn when(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.format("%-d %b %Y, %H:%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}

fn profile_view(p: Profile) -> ProfilePage {
    // The latest measurements, as columns: a table a skill a row stays narrow enough for a
    // Chromebook at 200% zoom.
    let shown: Vec<_> = p.history.iter().rev().take(HISTORY_SHOWN).collect();
    let measured = p.skills.iter().any(|s| s.level.is_some());
    let bars = p
        .skills
        .iter()
        .enumerate()
        .map(|(i, s)| Bar {
            name: s.skill.name(),
            percent: percent(s.level),
            y: i as u32 * ROW,
            width: (s.level.unwrap_or(0.0) * BAR_MAX).max(2.0),
            measured: s.level.is_some(),
        })
        .collect();
    ProfilePage {
        measured,
        in_progress: p.in_progress,
        bars,
        chart_height: Skill::ALL.len() as u32 * ROW,
        rows: p
            .skills
            .iter()
            .map(|s| SkillRow {
                name: s.skill.name(),
                percent: percent(s.level),
                start: s.start.name(),
                exercise: s.exercise.clone(),
            })
            .collect(),
        history_heads: shown
            .iter()
            .map(|m| HistoryHead {
                when: when(&m.measured_at),
                source: m.source.clone(),
            })
            .collect(),
        history: Skill::ALL
            .iter()
            .enumerate()
            .map(|(i, skill)| HistoryRow {
                name: skill.name(),
                levels: shown
                    .iter()
                    .map(|m| m.levels[i].map_or("–".into(), |l| format!("{:.0}%", l * 100.0)))
                    .collect(),
            })
            .collect(),
        earlier: p.history.len() - shown.len(),
        review: p
            .last_take
            .into_iter()
            .map(|r| Review {
                title: r.title,
                skill: r.skill.name(),
                percent: format!("{:.0}%", r.score * 100.0),
                skipped: r.skipped,
                notes: r.notes,
            })
            .collect(),
        bar_x: BAR_X,
        bar_max: BAR_MAX,
    }
}

async fn profile_page(
    State(state): State<AppState>,
    member: ProgrammeMember,
) -> Result<Response, PageError> {
    let profile = state.app.skill_profile(&member.learner).await?;
    Ok(render(&profile_view(profile)))
}
