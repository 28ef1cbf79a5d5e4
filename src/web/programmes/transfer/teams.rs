//! The team view (docs/programmes.md, "The team view"): the trainer's list of teams
//! (`/trainer/teams`), each team's page with its needs and the manager's link, and the
//! manager's page `/team/{token}`, reached with that link and no account: the team's profile
//! against its needs, as a picture and a table, the gaps named, and the needs to change.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::app::transfer::teams::{TeamView, parse_needs};
use crate::catalog::skills::Skill;
use crate::error::{Error, FieldError};
use crate::store::teams::TeamSummary;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::session::{Trainer, classroom_off};
use crate::web::trainer::join_base;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/teams", get(teams_page))
        .route("/trainer/teams/{team}", get(trainer_team))
        .route("/trainer/teams/{team}/needs", post(trainer_needs))
        .route("/trainer/teams/{team}/link", post(new_link))
        .route("/team/{token}", get(manager_team).post(manager_needs))
}

/// A team's key in a URL: its bytes in hex (a team's name may hold any character).
fn slug(key: &str) -> String {
    key.bytes().map(|b| format!("{b:02x}")).collect()
}

fn unslug(slug: &str) -> Option<String> {
    if !slug.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..slug.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(slug.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

#[derive(Template)]
#[template(path = "trainer_teams.html")]
struct TeamsPage {
    teams: Vec<(String, String, usize)>,
}

async fn teams_page(_t: Trainer, State(state): State<AppState>) -> Result<Response, PageError> {
    let teams = state
        .app
        .teams()
        .await?
        .into_iter()
        .map(|t| (slug(&t.key), t.name, t.learners))
        .collect();
    Ok(render(&TeamsPage { teams }))
}

/// One bar of the team's picture.
struct ChartRow {
    y: u32,
    text_y: u32,
    name: &'static str,
    level_w: f32,
    gap_x: f32,
    gap_w: f32,
    need_x: Option<f32>,
    label: String,
    label_x: f32,
}

const CHART_LEFT: f32 = 200.0;
const CHART_BAR: f32 = 360.0;
const ROW: u32 = 34;

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

struct TableRow {
    id: &'static str,
    name: &'static str,
    need: String,
    need_value: String,
    level: String,
    measured: usize,
    below: usize,
    gap: bool,
}

#[derive(Template)]
#[template(path = "team_view.html")]
struct TeamPage {
    name: String,
    manager: bool,
    action: String,
    back: Option<(String, String)>,
    learners: usize,
    chart: Vec<ChartRow>,
    chart_height: u32,
    rows: Vec<TableRow>,
    gaps: Vec<String>,
    unmeasured: Vec<String>,
    /// The team has said it needs at least one skill.
    any_need: bool,
    errors: Vec<FieldError>,
    saved: bool,
    /// The trainer's page: the manager's link, shown once when issued.
    link: Option<String>,
    link_issued: Option<String>,
    link_action: String,
}

impl TeamPage {
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

fn team_page(view: &TeamView, manager: bool, action: String) -> TeamPage {
    let chart = view
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = i as u32 * ROW + 6;
            let level = r.mean.unwrap_or(0.0) as f32;
            let need = r.need.map(|n| n as f32);
            let (gap_x, gap_w) = match (r.gap(), need) {
                (Some(_), Some(n)) => (CHART_LEFT + level * CHART_BAR, (n - level) * CHART_BAR),
                _ => (0.0, 0.0),
            };
            let label = match (r.mean, r.need) {
                (None, _) => "not measured".to_string(),
                (Some(m), Some(n)) => format!("{} (needs {})", pct(m), pct(n)),
                (Some(m), None) => pct(m),
            };
            let end = need.unwrap_or(0.0).max(level);
            ChartRow {
                y,
                text_y: y + 16,
                name: r.skill.name(),
                level_w: level * CHART_BAR,
                gap_x,
                gap_w,
                need_x: need.map(|n| CHART_LEFT + n * CHART_BAR),
                label,
                label_x: CHART_LEFT + end * CHART_BAR + 8.0,
            }
        })
        .collect();
    let rows = view
        .rows
        .iter()
        .map(|r| TableRow {
            id: r.skill.id(),
            name: r.skill.name(),
            need: r.need.map(pct).unwrap_or_else(|| "not needed".into()),
            need_value: r
                .need
                .map(|n| format!("{:.0}", n * 100.0))
                .unwrap_or_default(),
            level: r.mean.map(pct).unwrap_or_else(|| "not measured".into()),
            measured: r.measured,
            below: r.below,
            gap: r.gap().is_some(),
        })
        .collect();
    TeamPage {
        name: view.name.clone(),
        manager,
        action,
        back: None,
        learners: view.learners,
        chart,
        chart_height: view.rows.len() as u32 * ROW + 12,
        rows,
        gaps: view.gaps.clone(),
        any_need: view.rows.iter().any(|r| r.need.is_some()),
        unmeasured: view.unmeasured.clone(),
        errors: Vec::new(),
        saved: false,
        link: None,
        link_issued: None,
        link_action: String::new(),
    }
}

async fn team_by_slug(state: &AppState, team: &str) -> Result<TeamSummary, Error> {
    let key = unslug(team).ok_or_else(|| Error::not_found("There is no such team."))?;
    state.app.team_named(&key).await
}

#[derive(Deserialize)]
struct Shown {
    saved: Option<String>,
}

async fn trainer_view(state: &AppState, team: &TeamSummary) -> Result<TeamPage, PageError> {
    let view = state.app.team_view(team).await?;
    let s = slug(&team.key);
    let mut page = team_page(&view, false, format!("/trainer/teams/{s}/needs"));
    page.back = Some(("/trainer/teams".into(), "All teams".into()));
    page.link_issued = state
        .app
        .store
        .team_link_issued(&team.key)
        .await?
        .map(|d| d.get(..10).unwrap_or_default().to_string());
    page.link_action = format!("/trainer/teams/{s}/link");
    Ok(page)
}

async fn trainer_team(
    _t: Trainer,
    State(state): State<AppState>,
    Path(team): Path<String>,
    Query(shown): Query<Shown>,
) -> Result<Response, PageError> {
    let team = team_by_slug(&state, &team).await?;
    let mut page = trainer_view(&state, &team).await?;
    page.saved = shown.saved.is_some();
    Ok(render(&page))
}

/// The needs form's fields, one a skill.
fn needs_fields(form: &[(String, String)]) -> Vec<(Skill, String)> {
    Skill::ALL
        .iter()
        .map(|s| {
            let value = form
                .iter()
                .find(|(k, _)| k == s.id())
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (*s, value)
        })
        .collect()
}

/// Saves the needs, or the page again with each field's problem.
async fn save_needs(
    state: &AppState,
    team: &TeamSummary,
    form: &[(String, String)],
    set_by: &str,
    mut page: impl FnMut(&TeamView) -> TeamPage,
) -> Result<Result<(), Response>, PageError> {
    let fields = needs_fields(form);
    match parse_needs(&fields) {
        Ok(needs) => {
            state.app.set_team_needs(team, &needs, set_by).await?;
            Ok(Ok(()))
        }
        Err(errors) => {
            let view = state.app.team_view(team).await?;
            let mut p = page(&view);
            for r in &mut p.rows {
                if let Some((_, v)) = fields.iter().find(|(s, _)| s.id() == r.id) {
                    r.need_value = v.clone();
                }
            }
            p.errors = errors;
            Ok(Err((StatusCode::BAD_REQUEST, render(&p)).into_response()))
        }
    }
}

async fn trainer_needs(
    _t: Trainer,
    State(state): State<AppState>,
    Path(slug_): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let team = team_by_slug(&state, &slug_).await?;
    let s = slug(&team.key);
    let page = |view: &TeamView| {
        let mut p = team_page(view, false, format!("/trainer/teams/{s}/needs"));
        p.back = Some(("/trainer/teams".into(), "All teams".into()));
        p.link_action = format!("/trainer/teams/{s}/link");
        p
    };
    Ok(
        match save_needs(&state, &team, &form, "trainer", page).await? {
            Ok(()) => Redirect::to(&format!("/trainer/teams/{s}?saved=1")).into_response(),
            Err(response) => response,
        },
    )
}

async fn new_link(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(slug_): Path<String>,
) -> Result<Response, PageError> {
    let team = team_by_slug(&state, &slug_).await?;
    let token = state.app.issue_team_link(&team).await?;
    let mut page = trainer_view(&state, &team).await?;
    page.link = Some(format!("{}/team/{token}", join_base(&state, &headers)));
    Ok(render(&page))
}

async fn manager_team(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(shown): Query<Shown>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    let team = state.app.team_of_link(&token).await?;
    let view = state.app.team_view(&team).await?;
    let mut page = team_page(&view, true, format!("/team/{token}"));
    page.saved = shown.saved.is_some();
    Ok(render(&page))
}

async fn manager_needs(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    let team = state.app.team_of_link(&token).await?;
    let action = format!("/team/{token}");
    let page = |view: &TeamView| team_page(view, true, action.clone());
    Ok(
        match save_needs(&state, &team, &form, "manager", page).await? {
            Ok(()) => Redirect::to(&format!("/team/{token}?saved=1")).into_response(),
            Err(response) => response,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_carry_any_name() {
        for key in ["press office", "comms/digital", "équipe ✓"] {
            assert_eq!(unslug(&slug(key)).as_deref(), Some(key));
        }
        assert_eq!(unslug("zz"), None);
        assert_eq!(unslug("abc"), None);
    }
}
