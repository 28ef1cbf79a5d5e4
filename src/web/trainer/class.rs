//! One class on the trainer's screen. Its page is the console used during a session: the code,
//! the class's exercises in order with their locks, releasing them to everyone at once, the grid
//! of trainees × exercises with who may need help (rules in `app::console`), and what is shared.
//! The class's settings page has the join panel with its QR code, the exports and the
//! evaluations summed up; choosing exercises has its own page (`picker.rs`). Every action comes
//! back to the page it was made on with a confirmation (`?done=…`) and focus on its button.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::*;
use crate::app::console::{Cell, Help, Release, Released, Row};
use crate::app::mastery::passed_words;
use crate::catalog::exercises::Exercise;
use crate::error::Error;
use crate::store::classroom::{Class, ClassExercise, Evaluation, Reveal, TraineeRow};
use crate::web::AppState;
use crate::web::board::{self};
use crate::web::classroom::{AGREEMENT, EFFECTIVE_QUESTION, answer_text};
use crate::web::error::{PageError, render};
use crate::web::pages::urlencode;
use crate::web::session::Trainer;
use crate::web::text::{plural, score};

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

/// What an action did, carried back to the page it was made on (`?done=…&ex=…`) so the page
/// can confirm it in words and put focus back on the button that did it.
#[derive(Deserialize, Default)]
pub struct Done {
    #[serde(default)]
    done: String,
    #[serde(default)]
    ex: String,
}

/// A confirmation to show, and the button that should have focus again.
pub struct Notice {
    pub text: String,
    /// Where it is shown: `top` (the class bar) or `exercises`.
    pub at: &'static str,
}

/// One trainee's row of the grid, in words.
pub struct GridRow {
    pub name: String,
    pub cells: Vec<GridCell>,
    pub passed: usize,
    /// Hints opened over the class's exercises, in words.
    pub hints: String,
    /// The passes as they count with hints taken into account, e.g. "1.75".
    pub mastery: String,
    pub help: Vec<String>,
}

/// One cell of the grid: the words, and a class for the look (never the only signal).
pub struct GridCell {
    pub words: String,
    pub look: &'static str,
    pub stuck: bool,
}

/// The grid's rows in words, from the rules of `app::console`.
fn grid_rows(rows: Vec<Row>, items: &[Item]) -> Vec<GridRow> {
    rows.into_iter()
        .map(|r| GridRow {
            help: r
                .help
                .iter()
                .map(|h| match h {
                    Help::Stuck { exercise, attempts } => {
                        let title = items.get(*exercise).map(|i| i.ex.title.as_str());
                        format!(
                            "Stuck on {}{} ({} without a pass)",
                            exercise + 1,
                            title.map(|t| format!(". {t}")).unwrap_or_default(),
                            plural(*attempts, "try", "tries")
                        )
                    }
                    Help::Quiet {
                        minutes,
                        since_joining: true,
                    } => format!(
                        "No attempt yet, {} after joining",
                        plural(*minutes, "minute", "minutes")
                    ),
                    Help::Quiet { minutes, .. } => {
                        format!("No attempt for {}", plural(*minutes, "minute", "minutes"))
                    }
                })
                .collect(),
            cells: r
                .cells
                .iter()
                .map(|c| match c {
                    Cell::NotStarted => GridCell {
                        words: "Not started".into(),
                        look: "cell-none",
                        stuck: false,
                    },
                    Cell::Trying {
                        attempts,
                        best,
                        stuck,
                        hints,
                    } => GridCell {
                        words: format!(
                            "{}, best {}{}",
                            plural(*attempts, "try", "tries"),
                            score(*best),
                            if *hints > 0 {
                                format!(", {}", plural(*hints, "hint", "hints"))
                            } else {
                                String::new()
                            }
                        ),
                        look: if *stuck { "cell-stuck" } else { "cell-trying" },
                        stuck: *stuck,
                    },
                    Cell::Passed {
                        attempts,
                        best,
                        hints,
                    } => GridCell {
                        words: format!(
                            "{}, {} ({})",
                            passed_words(Some(*hints)),
                            score(*best),
                            plural(*attempts, "try", "tries")
                        ),
                        look: "cell-passed",
                        stuck: false,
                    },
                })
                .collect(),
            passed: r.passed,
            hints: if r.hints == 0 {
                "None".into()
            } else {
                r.hints.to_string()
            },
            mastery: format!("{:.2}", r.mastery)
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string(),
            name: r.name,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "trainer_class.html")]
struct ClassPage {
    class: Class,
    join_url: String,
    items: Vec<Item>,
    rows: Vec<GridRow>,
    reveals: Vec<(Reveal, String)>,
    notice: Option<Notice>,
    /// The exercise whose button gets focus back, and which button (`up`, `down`, `lock`).
    focus: Option<(String, &'static str)>,
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

    /// Whether this exercise's button `which` should take focus when the page opens.
    fn focus_on(&self, exercise: &str, which: &str) -> bool {
        self.focus
            .as_ref()
            .is_some_and(|(id, w)| id == exercise && *w == which)
    }

    fn needing_help(&self) -> usize {
        self.rows.iter().filter(|r| !r.help.is_empty()).count()
    }
}

/// The confirmation for `done`, in the trainer's words, and which button gets focus back.
fn notice(done: &Done, items: &[Item]) -> (Option<Notice>, Option<(String, &'static str)>) {
    let item = items.iter().find(|i| i.ex.id == done.ex);
    let title = |i: &Item| format!("“{}”", i.ex.title);
    let total = items.len();
    let say = |text: String, at: &'static str| Some(Notice { text, at });
    match (done.done.as_str(), item) {
        ("up" | "down", Some(i)) => {
            // The button pressed, unless the move made it the end of the list (then disabled).
            let which = match done.done.as_str() {
                "up" if i.number > 1 => "up",
                "down" if i.number < total => "down",
                "up" => "down",
                _ => "up",
            };
            (
                say(
                    format!("Moved {} to place {} of {total}.", title(i), i.number),
                    "exercises",
                ),
                Some((i.ex.id.clone(), which)),
            )
        }
        ("locked", Some(i)) => (
            say(
                format!("Locked {}: no new attempts.", title(i)),
                "exercises",
            ),
            Some((i.ex.id.clone(), "lock")),
        ),
        ("opened", Some(i)) => (
            say(
                format!("Opened {}: trainees can try it.", title(i)),
                "exercises",
            ),
            Some((i.ex.id.clone(), "lock")),
        ),
        ("opened-next", Some(i)) => (
            say(
                format!("Opened {}, exercise {} of {total}.", title(i), i.number),
                "exercises",
            ),
            None,
        ),
        ("nothing-locked", _) => (
            say("Every exercise is already open.".into(), "exercises"),
            None,
        ),
        ("opened-all", _) => (
            say(
                format!(
                    "Opened all {}.",
                    plural(total as i64, "exercise", "exercises")
                ),
                "exercises",
            ),
            None,
        ),
        ("locked-all", _) => (
            say(
                format!(
                    "Locked all {}: no new attempts.",
                    plural(total as i64, "exercise", "exercises")
                ),
                "exercises",
            ),
            None,
        ),
        ("closed", _) => (
            say(
                "Closed to new joins. Trainees already in carry on.".into(),
                "top",
            ),
            None,
        ),
        ("reopened", _) => (say("Open to new joins.".into(), "top"), None),
        ("unshared", _) => (say("Stopped sharing that answer.".into(), "shared"), None),
        _ => (None, None),
    }
}

pub async fn class_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(done): Query<Done>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let items = items(&state, &class).await?;
    let (_, rows) = state.app.console_grid(&class.id).await?;
    let catalog = state.app.catalog();
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
    let (notice, focus) = notice(&done, &items);
    let page = ClassPage {
        join_url: format!("{}/join", join_base(&state, &headers)),
        rows: grid_rows(rows, &items),
        items,
        reveals,
        notice,
        focus,
        class,
    };
    Ok(no_store(render(&page)))
}

#[derive(Template)]
#[template(path = "trainer_settings.html")]
struct SettingsPage {
    class: Class,
    join_url: String,
    trainees: Vec<TraineeRow>,
    evaluation: EvaluationSummary,
    notice: Option<Notice>,
}

/// The class's settings: the join panel with its QR code, open or closed to joins, the
/// exports, who has joined and the evaluations.
pub async fn settings_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(done): Query<Done>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let (notice, _) = notice(&done, &[]);
    Ok(render(&SettingsPage {
        join_url: format!("{}/join?code={}", join_base(&state, &headers), class.code),
        trainees: store.trainees(&class.id).await?,
        evaluation: summarise(store.evaluations(&class.id).await?),
        notice,
        class,
    }))
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
    /// `settings` to come back to the settings page; else the console.
    #[serde(default)]
    back: String,
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
    let done = if form.open == "1" {
        "reopened"
    } else {
        "closed"
    };
    let page = if form.back == "settings" {
        "/settings"
    } else {
        ""
    };
    Ok(Redirect::to(&format!("/trainer/classes/{}{page}?done={done}", class.id)).into_response())
}

/// The chosen exercises from the form: `exercise=ID` for each ticked box and `position:ID=N`
/// for its place; unnumbered ones follow in catalog order.
pub(super) fn chosen_order(
    form: &[(String, String)],
    catalog_order: &[String],
) -> Result<Vec<String>, Error> {
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
    Ok(Redirect::to(&format!(
        "/trainer/classes/{}?done={}&ex={}",
        class.id,
        form.direction,
        urlencode(&exercise)
    ))
    .into_response())
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
            "/trainer/classes/{}/board/{}?done={}",
            class.id,
            urlencode(&exercise),
            if form.locked == "1" {
                "locked"
            } else {
                "opened"
            }
        )
    } else {
        format!(
            "/trainer/classes/{}?done={}&ex={}",
            class.id,
            if form.locked == "1" {
                "locked"
            } else {
                "opened"
            },
            urlencode(&exercise)
        )
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
        "/trainer/classes/{}/board/{}?done={}",
        class.id,
        urlencode(&form.exercise),
        if attempt.is_some() { "shared" } else { "model" }
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
    Ok(Redirect::to(&format!("/trainer/classes/{}?done=unshared", class.id)).into_response())
}

#[derive(Deserialize)]
pub struct ReleaseForm {
    #[serde(default)]
    release: String,
}

/// Opens or locks exercises for the whole class at once.
pub async fn release(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ReleaseForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let what = match form.release.as_str() {
        "open-all" => Release::OpenAll,
        "lock-all" => Release::LockAll,
        "open-next" => Release::OpenNext,
        other => {
            return Err(Error::invalid(format!(
                "release {other:?}: use open-all, lock-all or open-next"
            ))
            .into());
        }
    };
    let done = match state.app.release(&class.id, what).await? {
        Released::All { locked: true, .. } => "done=locked-all".to_string(),
        Released::All { locked: false, .. } => "done=opened-all".to_string(),
        Released::Opened { exercise_id, .. } => {
            format!("done=opened-next&ex={}", urlencode(&exercise_id))
        }
        Released::NothingLocked => "done=nothing-locked".to_string(),
    };
    Ok(Redirect::to(&format!("/trainer/classes/{}?{done}", class.id)).into_response())
}

/// Pages that change by the minute (the console, the boards): never from a cache.
pub(super) fn no_store(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/classes/{class}", get(class_page))
        .route("/trainer/classes/{class}/qr.svg", get(class_qr))
        .route("/trainer/classes/{class}/settings", get(settings_page))
        .route("/trainer/classes/{class}/open", post(set_open))
        .route("/trainer/classes/{class}/release", post(release))
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
