//! The trainer's side of plans (docs/programmes.md "The cohort view", "Plans"): the cohort view
//! `/trainer/programmes/{cohort}/progress` (each learner on track, behind or stuck, per week and
//! per skill) and its CSV, and one learner's plan to start or adjust.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};

use super::plan::{AssignmentForm, PlanTable, StartForm, long_day, weekdays};
use crate::app::plans::rules::{MAX_WEEKS, MIN_WEEKS};
use crate::app::plans::{Adjuster, Change, CohortProgress, LearnerProgress, PlanView, Standing};
use crate::catalog::skills::Skill;
use crate::error::Error;
use crate::store::programmes::ProgrammeLearner;
use crate::web::AppState;
use crate::web::csv;
use crate::web::error::{PageError, render};
use crate::web::session::Trainer;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/programmes/{cohort}/progress", get(progress_page))
        .route(
            "/trainer/programmes/{cohort}/progress.csv",
            get(progress_csv),
        )
        .route(
            "/trainer/programmes/{cohort}/learners/{learner}/plan",
            get(learner_plan).post(start_learner_plan),
        )
        .route(
            "/trainer/programmes/{cohort}/learners/{learner}/plan/assignments",
            post(add_assignment),
        )
        .route(
            "/trainer/programmes/{cohort}/learners/{learner}/plan/assignments/{assignment}",
            post(change_assignment),
        )
}

#[derive(Template)]
#[template(path = "programmes_progress.html")]
struct ProgressPage {
    id: String,
    title: String,
    progress: CohortProgress,
    today: String,
    skills: Vec<&'static str>,
    counts: Vec<(&'static str, usize)>,
}

impl ProgressPage {
    fn tag(&self, l: &LearnerProgress) -> &'static str {
        match l.standing {
            Standing::OnTrack => "tag pass",
            Standing::Behind => "tag warn",
            Standing::Stuck => "tag fail",
            Standing::NoPlan => "tag",
        }
    }

    fn done_of(&self, l: &LearnerProgress) -> String {
        let (set, done) = l
            .by_week
            .iter()
            .fold((0, 0), |(s, d), w| (s + w.0, d + w.1));
        format!("{done} of {set}")
    }

    fn week_cell(&self, w: &(usize, usize, usize)) -> String {
        week_words(w)
    }

    fn skill_cell(&self, s: &(Skill, Option<f64>, usize, usize)) -> String {
        skill_words(s)
    }
}

fn week_words(w: &(usize, usize, usize)) -> String {
    match w {
        (0, _, _) => String::new(),
        (set, done, 0) => format!("{done}/{set} done"),
        (set, done, late) => format!("{done}/{set} done, {late} overdue"),
    }
}

fn skill_words(s: &(Skill, Option<f64>, usize, usize)) -> String {
    let level =
        s.1.map(|l| format!("{}%", (l * 100.0).round()))
            .unwrap_or_else(|| "not measured".into());
    if s.2 == 0 {
        level
    } else {
        format!("{level}; {}/{} done", s.3, s.2)
    }
}

async fn cohort_title(state: &AppState, id: &str) -> Result<String, PageError> {
    Ok(state
        .app
        .store
        .cohort(id)
        .await?
        .ok_or_else(|| PageError(Error::not_found("There is no such cohort")))?
        .title)
}

async fn progress_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let title = cohort_title(&state, &id).await?;
    let progress = state.app.cohort_progress(&id).await?;
    let counts = [
        Standing::OnTrack,
        Standing::Behind,
        Standing::Stuck,
        Standing::NoPlan,
    ]
    .into_iter()
    .map(|s| {
        (
            match s {
                Standing::NoPlan => "without a plan",
                Standing::OnTrack => "on track",
                Standing::Behind => "behind",
                Standing::Stuck => "stuck",
            },
            progress.learners.iter().filter(|l| l.standing == s).count(),
        )
    })
    .collect();
    Ok(render(&ProgressPage {
        today: long_day(progress.today),
        id,
        title,
        progress,
        skills: Skill::ALL.iter().map(|s| s.name()).collect(),
        counts,
    }))
}

/// The cohort view as CSV: one row a learner. Formula-safe as the links export.
async fn progress_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    cohort_title(&state, &id).await?;
    let progress = state.app.cohort_progress(&id).await?;
    let mut header_row: Vec<String> = ["name", "team", "status", "why", "set", "done", "overdue"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header_row.extend((1..=progress.weeks).map(|w| format!("week_{w}")));
    for s in Skill::ALL {
        header_row.push(format!("{}_level", s.id()));
        header_row.push(format!("{}_done", s.id()));
    }
    let mut out = header_row.join(",");
    out.push_str("\r\n");
    for l in &progress.learners {
        let (set, done, late) = l
            .by_week
            .iter()
            .fold((0, 0, 0), |(s, d, o), w| (s + w.0, d + w.1, o + w.2));
        let mut row: Vec<String> = vec![
            l.name.clone(),
            l.team.clone(),
            l.standing.id().to_string(),
            l.why.clone(),
            set.to_string(),
            done.to_string(),
            late.to_string(),
        ];
        row.extend(l.by_week.iter().map(|w| {
            if w.0 == 0 {
                String::new()
            } else {
                format!("{}/{}", w.1, w.0)
            }
        }));
        for s in &l.by_skill {
            row.push(s.1.map(|v| format!("{:.0}", v * 100.0)).unwrap_or_default());
            row.push(if s.2 == 0 {
                String::new()
            } else {
                format!("{}/{}", s.3, s.2)
            });
        }
        out.push_str(&csv::line(&row));
    }
    Ok(csv::download(&out, "cohort-progress.csv"))
}

#[derive(Template)]
#[template(path = "programmes_learner_plan.html")]
struct LearnerPlanPage {
    cohort_id: String,
    cohort_title: String,
    learner: ProgrammeLearner,
    plan: Option<PlanView>,
    why: String,
    standing: &'static str,
    table: PlanTable,
    weeks_choice: Vec<u32>,
    weekdays: Vec<(u32, &'static str)>,
}

async fn the_learner(
    state: &AppState,
    cohort: &str,
    learner: &str,
) -> Result<ProgrammeLearner, PageError> {
    state
        .app
        .store
        .programme_learner(cohort, learner)
        .await?
        .ok_or_else(|| PageError(Error::not_found("There is no such learner in this cohort")))
}

fn plan_address(cohort: &str, learner: &str) -> String {
    format!("/trainer/programmes/{cohort}/learners/{learner}/plan")
}

async fn learner_plan(
    _t: Trainer,
    State(state): State<AppState>,
    Path((cohort, learner)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let cohort_title = cohort_title(&state, &cohort).await?;
    let learner = the_learner(&state, &cohort, &learner).await?;
    let plan = state.app.plan(&learner.id).await?;
    let (standing, why) = state
        .app
        .learner_standing(&learner.id, plan.as_ref())
        .await?;
    let table = PlanTable::new(
        &state,
        plan.as_ref(),
        plan_address(&cohort, &learner.id),
        true,
    );
    Ok(render(&LearnerPlanPage {
        cohort_id: cohort,
        cohort_title,
        learner,
        plan,
        why,
        standing: standing.words(),
        table,
        weeks_choice: (MIN_WEEKS..=MAX_WEEKS).collect(),
        weekdays: weekdays(),
    }))
}

async fn start_learner_plan(
    _t: Trainer,
    State(state): State<AppState>,
    Path((cohort, learner)): Path<(String, String)>,
    Form(form): Form<StartForm>,
) -> Result<Response, PageError> {
    let learner = the_learner(&state, &cohort, &learner).await?;
    state
        .app
        .start_plan(&learner.id, &form.weeks, &form.weekday, Adjuster::Trainer)
        .await?;
    Ok(Redirect::to(&plan_address(&cohort, &learner.id)).into_response())
}

async fn change_assignment(
    _t: Trainer,
    State(state): State<AppState>,
    Path((cohort, learner, assignment)): Path<(String, String, String)>,
    Form(form): Form<AssignmentForm>,
) -> Result<Response, PageError> {
    let learner = the_learner(&state, &cohort, &learner).await?;
    let change = Change::from_form(&form.action, &form.due, &form.goal, &form.exercise)?;
    state
        .app
        .change_assignment(&learner.id, &assignment, change, Adjuster::Trainer)
        .await?;
    Ok(Redirect::to(&plan_address(&cohort, &learner.id)).into_response())
}

async fn add_assignment(
    _t: Trainer,
    State(state): State<AppState>,
    Path((cohort, learner)): Path<(String, String)>,
    Form(form): Form<AssignmentForm>,
) -> Result<Response, PageError> {
    let learner = the_learner(&state, &cohort, &learner).await?;
    state
        .app
        .add_assignment(
            &learner.id,
            &form.exercise,
            &form.due,
            &form.goal,
            Adjuster::Trainer,
        )
        .await?;
    Ok(Redirect::to(&plan_address(&cohort, &learner.id)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_say_what_is_done_and_overdue() {
        assert_eq!(week_words(&(0, 0, 0)), "");
        assert_eq!(week_words(&(2, 1, 0)), "1/2 done");
        assert_eq!(week_words(&(2, 0, 2)), "0/2 done, 2 overdue");
        assert_eq!(
            skill_words(&(Skill::Triage, Some(0.404), 3, 1)),
            "40%; 1/3 done"
        );
        assert_eq!(skill_words(&(Skill::Triage, None, 0, 0)), "not measured");
    }
}
