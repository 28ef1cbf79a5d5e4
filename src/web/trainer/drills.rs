//! The trainer's drill pages (issue 18): the drills of the classes and making one, a drill's
//! page (the clock's controls, what is coming with its expected reactions, who answered what
//! and when with the marks, each trainee's saved searches and what they caught, observers and
//! notes), and the after-action review as a page, a self-contained HTML file and a CSV file.
//! The rules are in `app::drills`; this file turns HTTP into those calls.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, http::HeaderMap};
use serde::Deserialize;

use crate::app::Learner;
use crate::app::drills::DrillControl;
use crate::app::drills::review::overrides::{MarkChange, MarkEditor};
use crate::app::drills::review::{DrillBoard, DrillReview, Marked, NoteAuthor};
use crate::error::Error;
use crate::store::classroom::ClassSummary;
use crate::web::AppState;
use crate::web::csv;
use crate::web::download::attachment;
use crate::web::error::{PageError, render};
use crate::web::session::Trainer;

/// The speeds the trainer's page offers.
pub const SPEEDS: [u32; 6] = [1, 2, 5, 10, 30, 60];

/// A scenario as the form offers it.
pub struct ScenarioChoice {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    /// The trainer's own (uploaded), not shipped.
    pub uploaded: bool,
}

/// A drill in the list.
pub struct DrillLine {
    pub id: String,
    pub title: String,
    pub class: String,
    pub state: String,
    pub at: String,
    pub created_at: String,
}

#[derive(Template)]
#[template(path = "trainer_drills.html")]
struct DrillsPage {
    drills: Vec<DrillLine>,
    classes: Vec<ClassSummary>,
    scenarios: Vec<ScenarioChoice>,
}

pub async fn drills_page(
    _t: Trainer,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    let app = &state.app;
    let classes = app.store.classes().await?;
    let mut drills = Vec::new();
    for c in &classes {
        for d in app.drills(Some(&c.id)).await? {
            let status = d.status();
            drills.push(DrillLine {
                id: d.id.clone(),
                title: d.title.clone(),
                class: c.title.clone(),
                state: status.state.id().to_string(),
                at: status.at,
                created_at: d.created_at.get(..16).unwrap_or_default().replace('T', " "),
            });
        }
    }
    drills.sort_by(|a, b| b.created_at.cmp(&a.created_at));
    let scenarios = app
        .playable_scenarios()
        .await?
        .iter()
        .map(|p| ScenarioChoice {
            id: p.scenario.id.clone(),
            title: p.scenario.title.clone(),
            minutes: p.scenario.minutes,
            uploaded: p.uploaded.is_some(),
        })
        .collect();
    Ok(render(&DrillsPage {
        drills,
        classes,
        scenarios,
    }))
}

#[derive(Deserialize)]
pub struct NewDrillForm {
    #[serde(default)]
    scenario: String,
    #[serde(default)]
    class: String,
}

pub async fn create_drill(
    _t: Trainer,
    State(state): State<AppState>,
    Form(form): Form<NewDrillForm>,
) -> Result<Response, PageError> {
    if form.class.trim().is_empty() {
        return Err(Error::invalid("choose the class that plays the drill").into());
    }
    if form.scenario.trim().is_empty() {
        return Err(Error::invalid("choose the scenario to play").into());
    }
    let class = state.app.store.require_class(form.class.trim()).await?;
    let drill = state
        .app
        .create_drill(form.scenario.trim(), Some(&class.id))
        .await?;
    Ok(Redirect::to(&format!("/trainer/drills/{}", drill.id)).into_response())
}

/// A drill's page, the trainer's or an observer's: the same board, with or without the
/// trainer's controls.
#[derive(Template)]
#[template(path = "trainer_drill.html")]
pub struct DrillPage {
    pub b: DrillBoard,
    /// `None`: the trainer's page; else the observer's name and the address notes go to.
    pub observer: Option<String>,
    pub notes_action: String,
    pub speeds: [u32; 6],
    /// An observer link just made, shown once.
    pub new_link: Option<String>,
}

impl DrillPage {
    pub fn response(&self, i: &usize) -> &Marked {
        &self.b.responses[*i]
    }

    /// The responses "Who answered what" does not list: to no inject, or to one that asked for
    /// no reaction.
    pub fn others(&self) -> Vec<&Marked> {
        let listed: std::collections::HashSet<usize> = self
            .b
            .answers
            .iter()
            .flat_map(|a| a.players.iter())
            .flat_map(|p| p.responses.iter().copied())
            .collect();
        self.b
            .responses
            .iter()
            .enumerate()
            .filter(|(n, _)| !listed.contains(n))
            .map(|(_, m)| m)
            .collect()
    }

    pub fn player_name(&self, id: &str) -> String {
        self.b
            .players
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    /// The score that counts, for a cell: `72.5`.
    pub fn score(&self, m: &Marked) -> String {
        format!("{:.1}", m.score())
    }

    pub fn at(&self, ms: &i64) -> String {
        crate::catalog::scenarios::Offset(((*ms).max(0) / 1000) as u32).to_string()
    }

    pub fn speed_is(&self, s: &u32) -> bool {
        (f64::from(*s) - self.b.status.speed).abs() < 1e-9
    }

    pub fn running(&self) -> bool {
        self.b.status.state.id() == "running"
    }

    pub fn ended(&self) -> bool {
        self.b.status.state.id() == "ended"
    }
}

pub async fn drill_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let b = state.app.drill_board(&id).await?;
    Ok(render(&DrillPage {
        notes_action: format!("/trainer/drills/{}/notes", b.drill.id),
        b,
        observer: None,
        speeds: SPEEDS,
        new_link: None,
    }))
}

#[derive(Deserialize)]
pub struct ClockForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    speed: String,
}

/// Reads the clock form: `action=start|pause|speed|next|end`, `speed=` with `speed`.
pub fn control_of(form: &ClockForm) -> Result<DrillControl, Error> {
    Ok(match form.action.as_str() {
        "start" => DrillControl::Start,
        "pause" => DrillControl::Pause,
        "next" => DrillControl::NextInject,
        "end" => DrillControl::End,
        "speed" => {
            let s: f64 = form.speed.trim().parse().map_err(|_| {
                Error::invalid(format!(
                    "the speed {:?} is not a number: choose 1, 2, 5, 10, 30 or 60",
                    form.speed
                ))
            })?;
            DrillControl::Speed(s)
        }
        other => {
            return Err(Error::invalid(format!(
                "the clock has no action {other:?}: use start, pause, speed, next or end"
            )));
        }
    })
}

pub async fn clock(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ClockForm>,
) -> Result<Response, PageError> {
    let control = control_of(&form)?;
    let drill = state.app.control_drill(&id, control).await?;
    Ok(Redirect::to(&format!("/trainer/drills/{}", drill.id)).into_response())
}

#[derive(Deserialize)]
pub struct NoteForm {
    #[serde(default)]
    pub inject: String,
    #[serde(default)]
    pub learner: String,
    #[serde(default)]
    pub text: String,
}

pub async fn note(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<NoteForm>,
) -> Result<Response, PageError> {
    state
        .app
        .add_drill_note(
            &id,
            NoteAuthor::Trainer,
            Some(&form.inject),
            Some(&form.learner),
            &form.text,
        )
        .await?;
    Ok(Redirect::to(&format!("/trainer/drills/{id}#notes")).into_response())
}

#[derive(Deserialize)]
pub struct ObserverForm {
    #[serde(default)]
    name: String,
}

/// Lets an observer in: the drill's page again, with their link shown this once.
pub async fn add_observer(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(form): Form<ObserverForm>,
) -> Result<Response, PageError> {
    let (_, token) = state.app.add_drill_observer(&id, &form.name).await?;
    let base = super::join_base(&state, &headers);
    let b = state.app.drill_board(&id).await?;
    let mut page = render(&DrillPage {
        notes_action: format!("/trainer/drills/{}/notes", b.drill.id),
        b,
        observer: None,
        speeds: SPEEDS,
        new_link: Some(format!("{}/observe/{token}", base.trim_end_matches('/'))),
    });
    page.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(page)
}

pub async fn close_observer(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, observer)): Path<(String, String)>,
) -> Result<Response, PageError> {
    if !state
        .app
        .store
        .revoke_drill_observer(&id, &observer)
        .await?
    {
        return Err(Error::not_found("no open observer link of that id in this drill").into());
    }
    Ok(Redirect::to(&format!("/trainer/drills/{id}#observers")).into_response())
}

#[derive(Deserialize)]
pub struct MarkForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    score: String,
    #[serde(default)]
    reason: String,
}

/// The trainer changes a response's mark (`action=change`, `score`, `reason`) or goes back to
/// the automatic one (`action=automatic`); then the board again, at the response.
pub async fn change_mark(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, response)): Path<(String, String)>,
    Form(form): Form<MarkForm>,
) -> Result<Response, PageError> {
    let change = match form.action.as_str() {
        "" | "change" => MarkChange::Score {
            score: &form.score,
            reason: &form.reason,
        },
        "automatic" => MarkChange::Automatic {
            reason: &form.reason,
        },
        other => {
            return Err(Error::invalid(format!(
                "the mark's form has no action {other:?}: use change or automatic"
            ))
            .into());
        }
    };
    let trainer = Learner::trainer();
    let changed = state
        .app
        .change_drill_mark(&id, &response, MarkEditor::Learner(&trainer), change)
        .await?;
    Ok(Redirect::to(&format!(
        "/trainer/drills/{}#r-{}",
        changed.drill_id, changed.response_id
    ))
    .into_response())
}

/// The review, for the page and the HTML file.
#[derive(Template)]
#[template(path = "drill_review.html")]
struct ReviewPage {
    r: DrillReview,
    /// The stylesheet, inlined in the downloaded file (`None`: the page links it).
    inline_css: Option<&'static str>,
}

impl ReviewPage {
    fn score(&self, s: &Option<f64>) -> String {
        s.map(|s| format!("{s:.1}")).unwrap_or_default()
    }

    fn at(&self, ms: &i64) -> String {
        crate::catalog::scenarios::Offset(((*ms).max(0) / 1000) as u32).to_string()
    }

    fn responses_of(&self, player: &str) -> Vec<&Marked> {
        self.r
            .board
            .responses
            .iter()
            .filter(|m| m.response.learner == player)
            .collect()
    }
}

pub const REVIEW_CSS: &str = include_str!("../../../static/drills-trainer.css");

pub async fn review(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let r = state.app.drill_review(&id).await?;
    Ok(render(&ReviewPage {
        r,
        inline_css: None,
    }))
}

fn file_stem(r: &DrillReview) -> String {
    let scenario: String = r
        .board
        .drill
        .scenario()
        .id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!(
        "sandpit-drill-{scenario}-{}",
        r.board.drill.created_at.get(..10).unwrap_or_default()
    )
}

/// The review as one HTML file with its style inside, to keep or send after the class.
pub async fn review_html(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let r = state.app.drill_review(&id).await?;
    let name = format!("{}-review.html", file_stem(&r));
    let html = ReviewPage {
        r,
        inline_css: Some(REVIEW_CSS),
    }
    .render()
    .map_err(|e| Error::internal(anyhow::anyhow!("the review did not render: {e}")))?;
    Ok(attachment(html, "text/html; charset=utf-8", &name))
}

/// The review's timeline as CSV: one row per event, formula-safe.
pub async fn review_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let r = state.app.drill_review(&id).await?;
    let name = format!("{}-review.csv", file_stem(&r));
    Ok(csv::download(&review_csv_text(&r), &name))
}

pub fn review_csv_text(r: &DrillReview) -> String {
    let mut out = csv::line(
        &[
            "Drill time",
            "Drill seconds",
            "Kind",
            "Trainee",
            "Inject",
            "What",
            "Score",
            "Automatic score",
            "Mark changed by",
            "Reason for the change",
        ]
        .map(String::from),
    );
    for e in &r.events {
        out.push_str(&csv::line(&[
            e.at.clone(),
            (e.drill_ms / 1000).to_string(),
            e.kind.to_string(),
            e.player.clone(),
            e.inject.clone(),
            e.what.clone(),
            e.score.map(|s| format!("{s:.1}")).unwrap_or_default(),
            e.changed
                .as_ref()
                .map(|c| format!("{:.1}", c.automatic))
                .unwrap_or_default(),
            e.changed.as_ref().map(|c| c.by.clone()).unwrap_or_default(),
            e.changed
                .as_ref()
                .map(|c| c.reason.clone())
                .unwrap_or_default(),
        ]));
    }
    out
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/drills", get(drills_page).post(create_drill))
        .route("/trainer/drills/{id}", get(drill_page))
        .route("/trainer/drills/{id}/clock", post(clock))
        .route("/trainer/drills/{id}/notes", post(note))
        .route(
            "/trainer/drills/{id}/responses/{response}/mark",
            post(change_mark),
        )
        .route("/trainer/drills/{id}/observers", post(add_observer))
        .route(
            "/trainer/drills/{id}/observers/{observer}/close",
            post(close_observer),
        )
        .route("/trainer/drills/{id}/review", get(review))
        .route("/trainer/drills/{id}/review.html", get(review_html))
        .route("/trainer/drills/{id}/review.csv", get(review_csv))
}
