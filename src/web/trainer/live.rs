//! The live board: the class's answers as they arrive, per class and per exercise, with the
//! spread of scores and the common mistakes (figures from `web::board`).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

use super::class::{BAND_W, CHART_H, Item, items};
use crate::error::Error;
use crate::store::classroom::{Class, ClassAttempt};
use crate::web::AppState;
use crate::web::board::{self, Mistake};
use crate::web::classroom::answer_text;
use crate::web::error::{PageError, render};
use crate::web::session::Trainer;

#[derive(Template)]
#[template(path = "trainer_board.html")]
struct BoardPage {
    class: Class,
    items: Vec<Item>,
    trainees: usize,
    live: bool,
    chart_h: u32,
    band_w: u32,
}

#[derive(Deserialize)]
pub struct BoardQuery {
    /// `off` stops the no-script page refresh.
    refresh: Option<String>,
    /// What the trainer just did here, to confirm it (`locked`, `opened`, `shared`, `model`).
    done: Option<String>,
}

impl BoardPage {
    fn score(&self, s: &Option<f64>) -> String {
        crate::web::text::score(*s)
    }
}

pub async fn board_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<BoardQuery>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let items = items(&state, &class).await?;
    let trainees = state.app.store.trainees(&class.id).await?.len();
    Ok(no_store(render(&BoardPage {
        class,
        items,
        trainees,
        live: q.refresh.as_deref() != Some("off"),
        chart_h: CHART_H,
        band_w: BAND_W,
    })))
}

/// An answer on the trainer's board, with whose it is.
pub struct Answer {
    pub attempt_id: String,
    pub name: String,
    pub text: String,
    pub score: Option<f64>,
    pub passed: bool,
    pub shared: bool,
    pub error: Option<String>,
}

fn answers(list: &[ClassAttempt], shared: &[&str]) -> Vec<Answer> {
    list.iter()
        .map(|a| Answer {
            attempt_id: a.id.clone(),
            name: a.name.clone(),
            text: answer_text(&a.answer),
            score: a.score,
            passed: a.passed == Some(true),
            shared: shared.contains(&a.id.as_str()),
            error: a
                .result
                .as_deref()
                .filter(|_| a.score.is_none())
                .and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok())
                .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_string)),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "trainer_exercise.html")]
struct ExerciseBoardPage {
    class: Class,
    item: Item,
    trainees: usize,
    mistakes: Vec<Mistake>,
    best: Vec<Answer>,
    latest: Vec<Answer>,
    model_shared: bool,
    notice: Option<&'static str>,
    /// Focus back on the lock button that was just pressed.
    focus_lock: bool,
    live: bool,
    chart_h: u32,
    band_w: u32,
}

impl ExerciseBoardPage {
    fn score(&self, s: &Option<f64>) -> String {
        crate::web::text::score(*s)
    }
}

pub async fn exercise_board(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, exercise)): Path<(String, String)>,
    Query(q): Query<BoardQuery>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let item = items(&state, &class)
        .await?
        .into_iter()
        .find(|i| i.ex.id == exercise)
        .ok_or_else(|| Error::not_found(format!("exercise {exercise:?} is not in this class")))?;
    let best = store
        .class_attempts_per_trainee(&class.id, &exercise, true)
        .await?;
    let latest = store
        .class_attempts_per_trainee(&class.id, &exercise, false)
        .await?;
    let results: Vec<&str> = latest.iter().filter_map(|a| a.result.as_deref()).collect();
    let mistakes = board::common_mistakes(&results, 8);
    let reveals = store.reveals(&class.id).await?;
    let shared: Vec<&str> = reveals
        .iter()
        .filter(|r| r.exercise_id == exercise)
        .filter_map(|r| r.attempt_id.as_deref())
        .collect();
    let model_shared = reveals
        .iter()
        .any(|r| r.exercise_id == exercise && r.attempt_id.is_none());
    let mut latest = answers(&latest, &shared);
    latest.sort_by_key(|a| a.name.to_lowercase());
    let page = ExerciseBoardPage {
        trainees: store.trainees(&class.id).await?.len(),
        best: answers(&best, &shared),
        latest,
        mistakes,
        model_shared,
        focus_lock: matches!(q.done.as_deref(), Some("locked" | "opened")),
        notice: match q.done.as_deref() {
            Some("locked") => {
                Some("Locked: no new attempts. Trainees can now open the model answer.")
            }
            Some("opened") => Some("Open again for new attempts."),
            Some("shared") => Some("Shared with the class, without the name."),
            Some("model") => Some("The model answer is shared with the class."),
            _ => None,
        },
        live: q.refresh.as_deref() != Some("off"),
        chart_h: CHART_H,
        band_w: BAND_W,
        class,
        item,
    };
    Ok(no_store(render(&page)))
}

/// Boards change by the second: never from a cache.
fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/classes/{class}/board", get(board_page))
        .route(
            "/trainer/classes/{class}/board/{exercise}",
            get(exercise_board),
        )
}
