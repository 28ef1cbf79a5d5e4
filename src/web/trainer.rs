//! The trainer's side of classroom mode: signing in (the secret link or the password), starting
//! a class, choosing and ordering its exercises, locking them, the live board of answers,
//! sharing answers for the debrief, the evaluations, the CSV exports, and uploading corpus and
//! exercise files from the browser. Every handler takes the `Trainer` extractor first.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::AppState;
use super::board::{self, Mistake};
use super::classroom::{AGREEMENT, EFFECTIVE_QUESTION, answer_text};
use super::error::{PageError, render};
use super::pages::urlencode;
use super::session::{
    ClientIp, Limiter, SESSION_HOURS, Trainer, Who, classroom_off, same_secret, session_cookie,
    too_many,
};
use crate::catalog::exercises::{self, Exercise};
use crate::error::Error;
use crate::store::classroom::{
    Class, ClassAttempt, ClassExercise, ClassSummary, Evaluation, Reveal, SessionOwner, TraineeRow,
};

/// Largest corpus upload: a few big JSONL files, still quick to take on a laptop.
pub const CORPUS_UPLOAD_MAX: usize = 64 * 1024 * 1024;

// --- signing in

#[derive(Template)]
#[template(path = "trainer_login.html")]
struct LoginPage {
    key: String,
    error: Option<String>,
    has_password: bool,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    key: Option<String>,
}

pub async fn login_form(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    Query(q): Query<LoginQuery>,
) -> Response {
    if !state.app.config.classroom {
        return classroom_off();
    }
    if matches!(&who, Some(Extension(w)) if w.owner == SessionOwner::Trainer) {
        return Redirect::to("/trainer").into_response();
    }
    render(&LoginPage {
        key: q.key.unwrap_or_default(),
        error: None,
        has_password: state.app.config.trainer_password.is_some(),
    })
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    secret: String,
}

pub async fn login(
    State(state): State<AppState>,
    Extension(limiter): Extension<Arc<Limiter>>,
    ClientIp(ip): ClientIp,
    who: Option<Extension<Who>>,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    if let Err(wait) = limiter.try_once(ip) {
        return Ok(too_many(wait));
    }
    let typed = form.secret.trim();
    let key = state.app.store.trainer_secret(false).await?;
    let by_password = state
        .app
        .config
        .trainer_password
        .as_deref()
        .is_some_and(|p| same_secret(typed, p));
    if !(same_secret(typed, &key) || by_password) {
        limiter.failed(ip);
        let page = LoginPage {
            key: String::new(),
            error: Some(if typed.is_empty() {
                "Enter the trainer key or password".into()
            } else {
                "That is not the trainer key or password. Open the trainer link Sandpit printed when it started".into()
            }),
            has_password: state.app.config.trainer_password.is_some(),
        };
        return Ok((StatusCode::UNAUTHORIZED, render(&page)).into_response());
    }
    if let Some(Extension(w)) = who {
        state.app.store.delete_session(&w.token).await?;
    }
    let token = state
        .app
        .store
        .create_session(&SessionOwner::Trainer, SESSION_HOURS)
        .await?;
    let mut response = Redirect::to("/trainer").into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(&token));
    Ok(response)
}

// --- where trainees go

/// The address trainees type: the one printed at start-up, else the one this page came from.
pub fn join_base(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.app.config.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost:8080");
    format!("http://{host}")
}

/// A QR code as SVG, or None if the text is too long for one.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
    )
}

/// A QR code drawn with block characters, light on dark so it scans from a dark terminal.
pub fn qr_terminal(text: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

// --- the trainer's home

#[derive(Template)]
#[template(path = "trainer_home.html")]
struct HomePage {
    classes: Vec<ClassSummary>,
    join_url: String,
}

pub async fn home(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let classes = state.app.store.classes().await?;
    Ok(render(&HomePage {
        classes,
        join_url: format!("{}/join", join_base(&state, &headers)),
    }))
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    title: String,
}

pub async fn start_class(
    _t: Trainer,
    State(state): State<AppState>,
    Form(form): Form<StartForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.create_class(&form.title).await?;
    Ok(Redirect::to(&format!("/trainer/classes/{}", class.id)).into_response())
}

// --- one class

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

const CHART_H: u32 = 80;
const BAND_W: u32 = 24;

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
async fn items(state: &AppState, class: &Class) -> Result<Vec<Item>, Error> {
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

// --- the live board

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
}

impl BoardPage {
    fn score(&self, s: &Option<f64>) -> String {
        s.map(|s| format!("{s:.0}")).unwrap_or_else(|| "–".into())
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
    live: bool,
    chart_h: u32,
    band_w: u32,
}

impl ExerciseBoardPage {
    fn score(&self, s: &Option<f64>) -> String {
        s.map(|s| format!("{s:.0}")).unwrap_or_else(|| "–".into())
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

// --- sharing answers for the debrief

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

// --- exports

fn csv_response(class: &Class, what: &str, body: String) -> Response {
    let disposition = format!(
        "attachment; filename=\"sandpit-{}-{what}.csv\"",
        class.code.to_lowercase()
    );
    let mut response = (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        // A byte-order mark, so spreadsheet programs read names with accents right.
        format!("\u{feff}{body}"),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

fn score_text(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.1}")).unwrap_or_default()
}

/// One row per trainee and exercise of the class (and any other exercise they tried).
pub async fn results_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let catalog = state.app.catalog();
    let order: Vec<String> = store
        .class_exercises(&class.id)
        .await?
        .into_iter()
        .map(|e| e.exercise_id)
        .collect();
    let standings = store.class_standings(&class.id).await?;
    let mut out = board::csv_line(
        &[
            "Trainee",
            "Exercise id",
            "Exercise",
            "Position in class",
            "Attempts",
            "Best score",
            "Passed",
            "First attempt",
            "Last attempt",
        ]
        .map(String::from),
    );
    for t in store.trainees(&class.id).await? {
        let mine: Vec<_> = standings.iter().filter(|s| s.trainee_id == t.id).collect();
        let mut ids: Vec<&str> = order.iter().map(String::as_str).collect();
        for s in &mine {
            if !ids.contains(&s.exercise_id.as_str()) {
                ids.push(&s.exercise_id);
            }
        }
        for ex in ids {
            let s = mine.iter().find(|s| s.exercise_id == ex);
            out.push_str(&board::csv_line(&[
                t.name.clone(),
                ex.to_string(),
                catalog.get(ex).map(|e| e.title.clone()).unwrap_or_default(),
                order
                    .iter()
                    .position(|o| o == ex)
                    .map(|p| (p + 1).to_string())
                    .unwrap_or_default(),
                s.map(|s| s.attempts).unwrap_or(0).to_string(),
                score_text(s.and_then(|s| s.best)),
                if s.is_some_and(|s| s.passed) {
                    "yes"
                } else {
                    "no"
                }
                .into(),
                s.map(|s| s.first_at.clone()).unwrap_or_default(),
                s.map(|s| s.last_at.clone()).unwrap_or_default(),
            ]));
        }
    }
    Ok(csv_response(&class, "results", out))
}

/// Every attempt of the class with its answer.
pub async fn attempts_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let mut out = board::csv_line(
        &[
            "Trainee",
            "Exercise id",
            "Attempt id",
            "Made at",
            "Score",
            "Passed",
            "Answer",
        ]
        .map(String::from),
    );
    for a in store.class_attempts(&class.id).await? {
        out.push_str(&board::csv_line(&[
            a.name,
            a.exercise_id,
            a.id,
            a.created_at,
            score_text(a.score),
            match a.passed {
                Some(true) => "yes",
                Some(false) => "no",
                None => "not graded",
            }
            .into(),
            answer_text(&a.answer),
        ]));
    }
    Ok(csv_response(&class, "attempts", out))
}

/// The evaluations, without names.
pub async fn evaluations_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let mut out = board::csv_line(&[
        format!("{EFFECTIVE_QUESTION} (1 strongly disagree to 5 strongly agree)"),
        "In words".into(),
        "What I will do differently".into(),
        "Comments".into(),
    ]);
    for e in store.evaluations(&class.id).await? {
        let words = usize::try_from(e.effective - 1)
            .ok()
            .and_then(|i| AGREEMENT.get(i))
            .copied()
            .unwrap_or_default();
        out.push_str(&board::csv_line(&[
            e.effective.to_string(),
            words.into(),
            e.do_differently,
            e.comments,
        ]));
    }
    Ok(csv_response(&class, "evaluations", out))
}

// --- uploads

#[derive(Template)]
#[template(path = "trainer_upload.html")]
struct UploadPage {
    corpora: Vec<String>,
    outcome: Option<Outcome>,
}

/// What an upload did, in the words the command line uses.
pub struct Outcome {
    pub title: String,
    pub ok: bool,
    pub summary: Vec<String>,
    pub problems: Vec<String>,
    pub notes: Vec<String>,
}

pub async fn upload_page(
    _t: Trainer,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    upload_result(&state, None, StatusCode::OK).await
}

async fn upload_result(
    state: &AppState,
    outcome: Option<Outcome>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let corpora = state
        .app
        .store
        .corpora()
        .await?
        .into_iter()
        .map(|c| c.name)
        .collect();
    Ok((status, render(&UploadPage { corpora, outcome })).into_response())
}

/// A file name safe to write in the upload folder, keeping the extension that says its format.
fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    if cleaned.is_empty() {
        "upload".into()
    } else {
        cleaned.chars().take(100).collect()
    }
}

fn multipart_error(e: axum::extract::multipart::MultipartError) -> Error {
    Error::invalid(format!(
        "the upload did not arrive whole ({}); files may be at most {} MB in all",
        e.body_text(),
        CORPUS_UPLOAD_MAX / (1024 * 1024)
    ))
}

/// A folder that is removed when the upload is done with, whatever happens.
struct UploadDir(PathBuf);

impl Drop for UploadDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub async fn upload_corpus(
    _t: Trainer,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let dir = UploadDir(std::env::temp_dir().join(format!(
        "sandpit-upload-{}",
        crate::store::classroom::new_token()
    )));
    std::fs::create_dir_all(&dir.0)?;
    let mut corpus = String::new();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut opml: Vec<(String, Vec<u8>)> = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("corpus") => corpus = field.text().await.map_err(multipart_error)?.trim().into(),
            Some("files") => {
                let name = field.file_name().map(safe_file_name).unwrap_or_default();
                let bytes = field.bytes().await.map_err(multipart_error)?;
                if name.is_empty() || bytes.is_empty() {
                    continue;
                }
                if name.to_ascii_lowercase().ends_with(".opml") {
                    opml.push((name, bytes.to_vec()));
                    continue;
                }
                // One folder per file keeps the trainer's file names, duplicates included.
                let folder = dir.0.join(format!("{:03}", files.len()));
                std::fs::create_dir_all(&folder)?;
                let path = folder.join(&name);
                tokio::fs::write(&path, &bytes).await?;
                files.push((path, name));
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    if let Err(e) = crate::app::validate_corpus_name(&corpus) {
        problems.push(if corpus.is_empty() {
            "Enter a corpus name, for example storm-harriet".to_string()
        } else {
            e.to_string()
        });
    }
    if files.is_empty() && opml.is_empty() {
        problems.push(
            "Choose at least one file: JSONL, a feed file (RSS, Atom, JSON Feed) or OPML".into(),
        );
    }
    if !problems.is_empty() {
        let outcome = Outcome {
            title: "The corpus was not imported".into(),
            ok: false,
            summary: Vec::new(),
            problems,
            notes: Vec::new(),
        };
        return upload_result(&state, Some(outcome), StatusCode::BAD_REQUEST).await;
    }
    let mut summary = Vec::new();
    let mut notes = Vec::new();
    let mut imported = 0;
    let mut rejected = 0;
    if !files.is_empty() {
        let paths = files.iter().map(|(p, _)| p.clone()).collect();
        let s = state.app.import_paths(&corpus, paths, |_| {}).await?;
        // Problems name the upload folder's copy; the trainer knows the file by its own name.
        let rename = |text: &str| {
            files.iter().fold(text.to_string(), |t, (path, name)| {
                t.replace(&path.display().to_string(), name)
            })
        };
        problems.extend(
            s.problems
                .iter()
                .map(|p| format!("rejected: {}", rename(p))),
        );
        notes.extend(s.notes.iter().map(|n| format!("note: {}", rename(n))));
        imported += s.added + s.replaced;
        rejected += s.rejected;
        summary.push(s.to_string());
    }
    for (name, bytes) in &opml {
        match crate::app::feeds::import_opml(&state.app, &corpus, bytes, name).await {
            Ok(import) => {
                problems.extend(import.problems.iter().map(|p| format!("skipped: {p}")));
                imported += import.added.len() + import.existing;
                summary.push(format!(
                    "{corpus}: {} feed(s) added, {} already there, {} skipped (fetch them with `sandpit feeds fetch {corpus}`)",
                    import.added.len(),
                    import.existing,
                    import.problems.len()
                ));
            }
            Err(Error::Invalid(m)) => {
                rejected += 1;
                problems.push(format!("rejected: {m}"));
            }
            Err(e) => return Err(e.into()),
        }
    }
    let ok = imported > 0 || rejected == 0;
    let outcome = Outcome {
        title: if ok {
            format!("Imported into {corpus}")
        } else {
            format!("Nothing imported into {corpus}: every input was rejected")
        },
        ok,
        summary,
        problems,
        notes,
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    upload_result(&state, Some(outcome), status).await
}

/// Largest exercise file: exercises are short TOML.
const EXERCISE_FILE_MAX: usize = 1024 * 1024;

pub async fn upload_exercises(
    _t: Trainer,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let mut uploads: Vec<(String, Vec<u8>)> = Vec::new();
    let mut pasted = String::new();
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("files") => {
                let name = field.file_name().map(safe_file_name).unwrap_or_default();
                let bytes = field.bytes().await.map_err(multipart_error)?;
                if !name.is_empty() && !bytes.is_empty() {
                    uploads.push((name, bytes.to_vec()));
                }
            }
            Some("text") => pasted = field.text().await.map_err(multipart_error)?,
            _ => {}
        }
    }
    if !pasted.trim().is_empty() {
        uploads.push(("pasted.toml".into(), pasted.into_bytes()));
    }
    let mut problems = Vec::new();
    let mut summary = Vec::new();
    if uploads.is_empty() {
        problems.push("Choose an exercise file (.toml) or paste one".to_string());
    }
    for (name, bytes) in uploads {
        if bytes.len() > EXERCISE_FILE_MAX {
            problems.push(format!(
                "{name}: larger than 1 MB; an exercise file is short TOML"
            ));
            continue;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            problems.push(format!(
                "{name}: not UTF-8 text; save it as UTF-8 and upload it again"
            ));
            continue;
        };
        let catalog = exercises::from_text(&name, &text);
        let mut found = state.app.validate_exercises(&catalog).await?;
        let current = state.app.catalog();
        for ex in &catalog.exercises {
            if let Some(first) = current.get(&ex.id) {
                found.push(ex.problem(
                    "id",
                    format!(
                        "id {:?} is already used by {}; give this exercise another id",
                        ex.id, first.origin
                    ),
                ));
            }
        }
        if !found.is_empty() {
            problems.extend(found.iter().map(ToString::to_string));
            continue;
        }
        for ex in &catalog.exercises {
            state
                .app
                .store
                .save_uploaded_exercise(&ex.id, &name, &text)
                .await?;
            summary.push(format!("{name}: added “{}” ({})", ex.title, ex.id));
        }
        state.app.add_exercises(catalog);
    }
    let ok = problems.is_empty();
    let outcome = Outcome {
        title: if ok {
            "Exercises added".into()
        } else if summary.is_empty() {
            "No exercise was added".into()
        } else {
            "Some exercises were added".into()
        },
        ok,
        summary,
        problems,
        notes: if ok {
            vec!["Choose them for a class on the class's page.".into()]
        } else {
            Vec::new()
        },
    };
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    upload_result(&state, Some(outcome), status).await
}

/// Loads the exercise files trainers uploaded earlier into the catalog (called at start-up).
pub async fn restore_uploads(app: &crate::app::App) -> crate::error::Result<usize> {
    let mut n = 0;
    for u in app.store.uploaded_exercises().await? {
        let catalog = exercises::from_text(&u.file_name, &u.text);
        if catalog.get(&u.exercise_id).is_some() && app.catalog().get(&u.exercise_id).is_none() {
            n += 1;
            app.add_exercises(catalog);
        } else {
            tracing::warn!(
                "uploaded exercise {} ({}) not loaded again",
                u.exercise_id,
                u.file_name
            );
        }
    }
    Ok(n)
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
    fn uploaded_file_names_are_made_safe() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            safe_file_name("C:\\Users\\me\\storm feed.xml"),
            "storm_feed.xml"
        );
        assert_eq!(safe_file_name(".hidden.jsonl"), "hidden.jsonl");
        assert_eq!(safe_file_name(""), "upload");
    }

    #[test]
    fn qr_codes_render() {
        let svg = qr_svg("http://192.168.1.20:8080/join?code=K7P3QX").expect("fits");
        assert!(svg.contains("<svg"));
        let text = qr_terminal("http://192.168.1.20:8080/join").expect("fits");
        assert!(text.lines().count() > 10);
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
