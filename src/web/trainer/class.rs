//! One class on the trainer's screen (docs/design.md, "Module map"). Its page is the console
//! used during a session: the code, the class's exercises in order with their locks, releasing
//! them to everyone at once, the grid of trainees × exercises with who may need help (rules in
//! `app::console`), and what is shared. What the console's buttons do (order, locks, sharing,
//! releasing) is `actions.rs`; the class's settings page (the join panel with its QR code, the
//! exports, the evaluations summed up) is `settings.rs`; choosing exercises has its own page
//! (`picker.rs`). Every action comes back to the page it was made on with a confirmation
//! (`?done=…`) and focus on its button.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;

use super::*;
use crate::app::console::{Cell, Help, Row};
use crate::app::mastery::passed_words;
use crate::catalog::exercises::Exercise;
use crate::error::Error;
use crate::store::classroom::{Class, ClassExercise, Reveal};
use crate::web::AppState;
use crate::web::board::{self};
use crate::web::classroom::answer_text;
use crate::web::error::{PageError, render};
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
pub(super) fn notice(
    done: &Done,
    items: &[Item],
) -> (Option<Notice>, Option<(String, &'static str)>) {
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
        .merge(super::actions::routes())
        .merge(super::settings::routes())
}
