//! One class on the trainer's screen: its page (code, address, open or closed to joins), the
//! choice and order of its exercises, locking them for the debrief, sharing answers with the
//! class, and the evaluations summed up.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::*;
use crate::catalog::exercises::Exercise;
use crate::error::Error;
use crate::store::classroom::{Class, ClassExercise, Evaluation, Reveal, TraineeRow};
use crate::web::AppState;
use crate::web::board::{self};
use crate::web::classroom::{AGREEMENT, EFFECTIVE_QUESTION, answer_text};
use crate::web::error::{PageError, render};
use crate::web::pages::urlencode;
use crate::web::session::Trainer;

/// An exercise of the class, with its figures, for the class page and the board.
pub struct Item {
    pub ex: Exercise,
    pub locked: bool,
    pub number: usize,
    pub attempts: i64,
    pub tried: i64,
    pub passed: i64,
    pub median: Option<f64>,
    pub bands: Vec<Band>,
}

/// One bar of a score distribution, laid out for the SVG.
pub struct Band {
    pub label: String,
    pub count: usize,
    pub x: u32,
    pub y: u32,
    pub h: u32,
}

pub(super) const CHART_H: u32 = 80;
pub(super) const BAND_W: u32 = 24;

fn bands(best: &[f64]) -> Vec<Band> {
    let counts = board::distribution(best);
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let h = (count as u32 * CHART_H) / max as u32;
            Band {
                label: if i == board::BANDS - 1 {
                    "90 to 100".into()
                } else {
                    format!("{} to {}", i * 10, i * 10 + 9)
                },
                count,
                x: i as u32 * (BAND_W + 4),
                y: CHART_H - h,
                h,
            }
        })
        .collect()
}

/// The class's exercises in order, with figures from SQL only: cheap enough to refresh live.
pub(super) async fn items(state: &AppState, class: &Class) -> Result<Vec<Item>, Error> {
    let store = &state.app.store;
    let catalog = state.app.catalog();
    let figures: HashMap<String, _> = store
        .class_figures(&class.id)
        .await?
        .into_iter()
        .map(|f| (f.exercise_id.clone(), f))
        .collect();
    let mut best: HashMap<String, Vec<f64>> = HashMap::new();
    for s in store.class_standings(&class.id).await? {
        if let Some(b) = s.best {
            best.entry(s.exercise_id).or_default().push(b);
        }
    }
    Ok(store
        .class_exercises(&class.id)
        .await?
        .into_iter()
        .filter_map(|ce: ClassExercise| {
            let ex = catalog.get(&ce.exercise_id)?.clone();
            Some((ce.locked, ex))
        })
        .enumerate()
        .map(|(i, (locked, ex))| {
            let f = figures.get(&ex.id).cloned().unwrap_or_default();
            let scores = best.get(&ex.id).cloned().unwrap_or_default();
            Item {
                number: i + 1,
                locked,
                attempts: f.attempts,
                tried: f.trainees,
                passed: f.passed,
                median: board::median(&scores),
                bands: bands(&scores),
                ex,
            }
        })
        .collect())
}

/// The evaluations summed up: how many chose each point of the scale.
pub struct EvaluationSummary {
    pub question: &'static str,
    pub counts: Vec<(&'static str, usize, u32)>,
    pub total: usize,
    pub agree_percent: Option<u32>,
    pub answers: Vec<Evaluation>,
}

fn summarise(evaluations: Vec<Evaluation>) -> EvaluationSummary {
    let total = evaluations.len();
    let mut counts = [0usize; 5];
    for e in &evaluations {
        if let Some(c) = usize::try_from(e.effective - 1)
            .ok()
            .and_then(|i| counts.get_mut(i))
        {
            *c += 1;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    EvaluationSummary {
        question: EFFECTIVE_QUESTION,
        counts: AGREEMENT
            .iter()
            .zip(counts)
            .map(|(w, c)| (*w, c, (c * 100 / max) as u32))
            .collect(),
        total,
        agree_percent: (total > 0).then(|| ((counts[3] + counts[4]) * 100 / total) as u32),
        answers: evaluations,
    }
}

#[derive(Template)]
#[template(path = "trainer_class.html")]
struct ClassPage {
    class: Class,
    join_url: String,
    items: Vec<Item>,
    all: Vec<(Exercise, Option<usize>)>,
    trainees: Vec<TraineeRow>,
    reveals: Vec<(Reveal, String)>,
    evaluation: EvaluationSummary,
}

impl ClassPage {
    /// A shared answer, cut short for the list.
    fn answer_preview(&self, stored: &str) -> String {
        let text = answer_text(stored);
        if text.chars().count() > 160 {
            format!("{}…", text.chars().take(160).collect::<String>())
        } else {
            text
        }
    }
}

pub async fn class_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let items = items(&state, &class).await?;
    let chosen: HashMap<&str, usize> = items.iter().map(|i| (i.ex.id.as_str(), i.number)).collect();
    let catalog = state.app.catalog();
    let all = catalog
        .exercises
        .iter()
        .map(|e| (e.clone(), chosen.get(e.id.as_str()).copied()))
        .collect();
    let titles: HashMap<&str, &str> = catalog
        .exercises
        .iter()
        .map(|e| (e.id.as_str(), e.title.as_str()))
        .collect();
    let reveals = store
        .reveals(&class.id)
        .await?
        .into_iter()
        .map(|r| {
            let title = titles
                .get(r.exercise_id.as_str())
                .copied()
                .unwrap_or(&r.exercise_id)
                .to_string();
            (r, title)
        })
        .collect();
    let page = ClassPage {
        join_url: format!("{}/join?code={}", join_base(&state, &headers), class.code),
        trainees: store.trainees(&class.id).await?,
        evaluation: summarise(store.evaluations(&class.id).await?),
        all,
        items,
        reveals,
        class,
    };
    Ok(render(&page))
}

pub async fn class_qr(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let url = format!("{}/join?code={}", join_base(&state, &headers), class.code);
    let svg =
        qr_svg(&url).ok_or_else(|| Error::invalid("the join address is too long for a QR code"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        svg,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    open: String,
}

pub async fn set_open(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<OpenForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    state
        .app
        .store
        .set_class_open(&class.id, form.open == "1")
        .await?;
    Ok(Redirect::to(&format!("/trainer/classes/{}", class.id)).into_response())
}

/// The chosen exercises from the form: `exercise=ID` for each ticked box and `position:ID=N`
/// for its place; unnumbered ones follow in catalog order.
fn chosen_order(form: &[(String, String)], catalog_order: &[String]) -> Result<Vec<String>, Error> {
    let mut chosen: Vec<(u32, usize, String)> = Vec::new();
    for (key, value) in form {
        if key != "exercise" {
            continue;
        }
        let Some(rank) = catalog_order.iter().position(|id| id == value) else {
            return Err(Error::invalid(format!("no exercise with id {value:?}")));
        };
        let position_key = format!("position:{value}");
        let position = match form.iter().find(|(k, _)| *k == position_key) {
            Some((_, p)) if !p.trim().is_empty() => p.trim().parse::<u32>().map_err(|_| {
                Error::invalid(format!(
                    "the position of {value:?} must be a whole number, like 1, 2 or 3"
                ))
            })?,
            _ => u32::MAX,
        };
        if !chosen.iter().any(|(_, _, id)| id == value) {
            chosen.push((position, rank, value.clone()));
        }
    }
    chosen.sort();
    Ok(chosen.into_iter().map(|(_, _, id)| id).collect())
}

pub async fn set_exercises(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let catalog: Vec<String> = state
        .app
        .catalog()
        .exercises
        .iter()
        .map(|e| e.id.clone())
        .collect();
    let ids = chosen_order(&form, &catalog)?;
    state.app.store.set_class_exercises(&class.id, &ids).await?;
    Ok(Redirect::to(&format!("/trainer/classes/{}#exercises", class.id)).into_response())
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    direction: String,
}

pub async fn move_exercise(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, exercise)): Path<(String, String)>,
    Form(form): Form<MoveForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let up = match form.direction.as_str() {
        "up" => true,
        "down" => false,
        other => {
            return Err(Error::invalid(format!("direction {other:?}: use up or down")).into());
        }
    };
    state
        .app
        .store
        .move_class_exercise(&class.id, &exercise, up)
        .await?;
    Ok(Redirect::to(&format!("/trainer/classes/{}#exercises", class.id)).into_response())
}

#[derive(Deserialize)]
pub struct LockForm {
    #[serde(default)]
    locked: String,
    /// Which page to go back to: `board` (the exercise's board) or the class page.
    #[serde(default)]
    back: String,
}

pub async fn lock_exercise(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, exercise)): Path<(String, String)>,
    Form(form): Form<LockForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    state
        .app
        .store
        .set_exercise_locked(&class.id, &exercise, form.locked == "1")
        .await?;
    let to = if form.back == "board" {
        format!(
            "/trainer/classes/{}/board/{}",
            class.id,
            urlencode(&exercise)
        )
    } else {
        format!("/trainer/classes/{}#exercises", class.id)
    };
    Ok(Redirect::to(&to).into_response())
}

#[derive(Deserialize)]
pub struct RevealForm {
    #[serde(default)]
    exercise: String,
    /// Empty: the model answer.
    #[serde(default)]
    attempt: String,
}

pub async fn reveal(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<RevealForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    state.app.exercise(&form.exercise)?;
    let attempt = Some(form.attempt.trim()).filter(|a| !a.is_empty());
    state
        .app
        .store
        .reveal(&class.id, &form.exercise, attempt)
        .await?;
    Ok(Redirect::to(&format!(
        "/trainer/classes/{}/board/{}#shared",
        class.id,
        urlencode(&form.exercise)
    ))
    .into_response())
}

pub async fn unreveal(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, reveal)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    state.app.store.unreveal(&class.id, &reveal).await?;
    Ok(Redirect::to(&format!("/trainer/classes/{}#shared", class.id)).into_response())
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/classes/{class}", get(class_page))
        .route("/trainer/classes/{class}/qr.svg", get(class_qr))
        .route("/trainer/classes/{class}/open", post(set_open))
        .route("/trainer/classes/{class}/exercises", post(set_exercises))
        .route(
            "/trainer/classes/{class}/exercises/{exercise}/move",
            post(move_exercise),
        )
        .route(
            "/trainer/classes/{class}/exercises/{exercise}/lock",
            post(lock_exercise),
        )
        .route("/trainer/classes/{class}/reveals", post(reveal))
        .route(
            "/trainer/classes/{class}/reveals/{reveal}/delete",
            post(unreveal),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_exercises_follow_positions_then_catalog_order() {
        let catalog: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        let form: Vec<(String, String)> = [
            ("exercise", "c"),
            ("position:c", "1"),
            ("exercise", "a"),
            ("position:a", "2"),
            ("exercise", "d"),
            ("position:b", "1"),
            ("exercise", "b"),
            ("position:d", ""),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .to_vec();
        assert_eq!(
            chosen_order(&form, &catalog).expect("valid"),
            vec!["b", "c", "a", "d"]
        );
        let bad = vec![("exercise".to_string(), "zzz".to_string())];
        assert!(chosen_order(&bad, &catalog).is_err());
        let bad_position = vec![
            ("exercise".to_string(), "a".to_string()),
            ("position:a".to_string(), "first".to_string()),
        ];
        assert!(chosen_order(&bad_position, &catalog).is_err());
    }

    #[test]
    fn evaluation_summary_counts_agreement() {
        let e = |effective| Evaluation {
            effective,
            do_differently: String::new(),
            comments: String::new(),
            submitted_at: String::new(),
        };
        let s = summarise(vec![e(5), e(4), e(2), e(9)]);
        assert_eq!(s.total, 4);
        assert_eq!(s.agree_percent, Some(50));
        assert_eq!(s.counts[4].1, 1);
        assert_eq!(s.counts[1].1, 1);
        assert_eq!(summarise(Vec::new()).agree_percent, None);
    }
}
