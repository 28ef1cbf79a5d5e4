//! The learner's programme pages (docs/programmes.md "Plans", "Calendar"): the programme home
//! `/programme` (this week, due and overdue, progress per skill over time), the plan
//! `/programme/plan` (proposed, started, adjusted by the self-learner); the calendar is
//! `calendar.rs`. The rules are `app::plans`'; these handlers read forms and render.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::{NaiveDate, Weekday};
use serde::Deserialize;

use super::ProgrammeMember;
use super::skill_chart::{self, Row, SkillLine};
use crate::app::plans::rules::{self, MAX_WEEKS, MIN_WEEKS};
use crate::app::plans::{
    Adjuster, AssignmentView, Change, Goal, PlanView, Proposal, State as Due, adjusts_own_plan,
};
use crate::web::AppState;
use crate::web::error::{PageError, render};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/programme", get(home))
        .route("/programme/plan", get(plan_page).post(start_plan))
        .route("/programme/plan/assignments", post(add_assignment))
        .route(
            "/programme/plan/assignments/{assignment}",
            post(change_assignment),
        )
}

/// "Friday, 6 March 2026".
pub(super) fn long_day(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

/// The week-day names for a form's choices, Monday first.
pub(super) fn weekdays() -> Vec<(u32, &'static str)> {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .into_iter()
    .enumerate()
    .map(|(i, n)| (i as u32 + 1, n))
    .collect()
}

/// What a plan table needs besides the plan: where its forms go and what they offer.
pub(super) struct PlanTable {
    /// `/programme/plan` or `/trainer/programmes/{cohort}/learners/{learner}/plan`.
    pub action: String,
    pub can_adjust: bool,
    /// Every exercise of the catalog: (id, title, level), for swapping and adding.
    pub exercises: Vec<(String, String, &'static str)>,
    pub goals: Vec<(&'static str, &'static str)>,
    /// The plan's weeks, each with its assignments.
    pub weeks: Vec<(u32, String, Vec<AssignmentView>)>,
}

impl PlanTable {
    pub fn new(
        state: &AppState,
        plan: Option<&PlanView>,
        action: String,
        can_adjust: bool,
    ) -> Self {
        let catalog = state.app.catalog();
        let weeks = plan
            .map(|p| {
                (1..=p.last_week())
                    .map(|w| {
                        let due = rules::week_due(p.starts_on, p.weekday, w);
                        let mine: Vec<AssignmentView> = p
                            .assignments
                            .iter()
                            .filter(|a| a.week == w)
                            .cloned()
                            .collect();
                        (w, long_day(due), mine)
                    })
                    .filter(|(w, _, mine)| *w <= p.weeks || !mine.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        PlanTable {
            action,
            can_adjust,
            exercises: catalog
                .exercises
                .iter()
                .map(|e| (e.id.clone(), e.title.clone(), e.level.name()))
                .collect(),
            goals: Goal::ALL.iter().map(|g| (g.id(), g.label())).collect(),
            weeks,
        }
    }

    pub fn state_class(&self, a: &AssignmentView) -> &'static str {
        match a.state {
            Due::Done => "tag pass",
            Due::Overdue => "tag fail",
            Due::Due => "tag warn",
            Due::Upcoming => "tag",
        }
    }

    pub fn day(&self, a: &AssignmentView) -> String {
        long_day(a.due_on)
    }
}

#[derive(Template)]
#[template(path = "programme_home.html")]
struct Home {
    self_learner: bool,
    has_profile: bool,
    plan: Option<PlanView>,
    this_week: Vec<AssignmentView>,
    overdue: Vec<AssignmentView>,
    due: Vec<AssignmentView>,
    ends_on: String,
    done: usize,
    lines: Vec<SkillLine>,
    rows: Vec<Row>,
    width: f32,
    height: f32,
}

impl Home {
    fn day(&self, a: &AssignmentView) -> String {
        long_day(a.due_on)
    }
}

async fn home(
    member: ProgrammeMember,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    let plan = state.app.plan(&member.learner).await?;
    let history = state.app.store.skill_history(&member.learner).await?;
    let (lines, rows) = skill_chart::skill_lines(&history);
    let pick = |s: Due| -> Vec<AssignmentView> {
        plan.iter().flat_map(|p| p.in_state(s)).cloned().collect()
    };
    Ok(render(&Home {
        self_learner: member.cohort_id.is_none(),
        has_profile: !history.is_empty(),
        this_week: plan.iter().flat_map(|p| p.this_week()).cloned().collect(),
        overdue: pick(Due::Overdue),
        // Due within seven days but not this week's (those are listed above).
        due: pick(Due::Due)
            .into_iter()
            .filter(|a| plan.as_ref().is_some_and(|p| a.week != p.current_week))
            .collect(),
        done: pick(Due::Done).len(),
        ends_on: plan
            .as_ref()
            .map(|p| long_day(p.ends_on()))
            .unwrap_or_default(),
        plan,
        lines,
        rows,
        width: skill_chart::WIDTH,
        height: skill_chart::HEIGHT,
    }))
}

#[derive(Template)]
#[template(path = "programme_plan.html")]
struct PlanPage {
    plan: Option<PlanView>,
    proposal: Option<Proposal>,
    table: PlanTable,
    weeks_choice: Vec<u32>,
    weekdays: Vec<(u32, &'static str)>,
    chosen_weeks: u32,
    chosen_weekday: u32,
}

impl PlanPage {
    fn proposed_day(&self, d: &NaiveDate) -> String {
        long_day(*d)
    }
}

#[derive(Deserialize)]
struct ProposeQuery {
    weeks: Option<String>,
    weekday: Option<String>,
}

async fn plan_page(
    member: ProgrammeMember,
    State(state): State<AppState>,
    Query(q): Query<ProposeQuery>,
) -> Result<Response, PageError> {
    let plan = state.app.plan(&member.learner).await?;
    let weeks = match q.weeks.as_deref() {
        Some(w) => rules::parse_weeks(w)?,
        None => 6,
    };
    let weekday = match q.weekday.as_deref() {
        Some(d) => rules::parse_weekday(d)?,
        None => Weekday::Fri,
    };
    // The proposal is shown when there is no plan, or when the learner asks for a new one.
    let proposal = if plan.is_none() || q.weeks.is_some() {
        Some(
            state
                .app
                .propose_plan(&member.learner, weeks, weekday)
                .await?,
        )
    } else {
        None
    };
    let table = PlanTable::new(
        &state,
        plan.as_ref(),
        "/programme/plan".into(),
        adjusts_own_plan(&member.learner),
    );
    Ok(render(&PlanPage {
        plan,
        proposal,
        table,
        weeks_choice: (MIN_WEEKS..=MAX_WEEKS).collect(),
        weekdays: weekdays(),
        chosen_weeks: weeks,
        chosen_weekday: weekday.number_from_monday(),
    }))
}

#[derive(Deserialize)]
pub(super) struct StartForm {
    #[serde(default)]
    pub weeks: String,
    #[serde(default)]
    pub weekday: String,
}

async fn start_plan(
    member: ProgrammeMember,
    State(state): State<AppState>,
    Form(form): Form<StartForm>,
) -> Result<Response, PageError> {
    state
        .app
        .start_plan(
            &member.learner,
            &form.weeks,
            &form.weekday,
            Adjuster::Learner,
        )
        .await?;
    Ok(Redirect::to("/programme").into_response())
}

/// A change to an assignment, or a new one: the fields of every form of the plan table.
#[derive(Deserialize)]
pub(super) struct AssignmentForm {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub exercise: String,
}

async fn change_assignment(
    member: ProgrammeMember,
    State(state): State<AppState>,
    Path(assignment): Path<String>,
    Form(form): Form<AssignmentForm>,
) -> Result<Response, PageError> {
    let change = Change::from_form(&form.action, &form.due, &form.goal, &form.exercise)?;
    state
        .app
        .change_assignment(&member.learner, &assignment, change, Adjuster::Learner)
        .await?;
    Ok(Redirect::to("/programme/plan").into_response())
}

async fn add_assignment(
    member: ProgrammeMember,
    State(state): State<AppState>,
    Form(form): Form<AssignmentForm>,
) -> Result<Response, PageError> {
    state
        .app
        .add_assignment(
            &member.learner,
            &form.exercise,
            &form.due,
            &form.goal,
            Adjuster::Learner,
        )
        .await?;
    Ok(Redirect::to("/programme/plan").into_response())
}
