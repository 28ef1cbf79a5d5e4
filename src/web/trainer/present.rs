//! The presenter view, for the projector: the class code and the join address full-screen, an
//! anonymised board (counts, pass rates, the spread of best scores) and the debrief of one
//! exercise (the answers the trainer shared, the common mistakes, the model answer once
//! shared), in type readable from the back of a room. Nothing here names a trainee: the pages
//! are built from figures, stored grades and shared answers only, never from a trainee's row.
//!
//! The optional countdown is part of the address (`?ends=…`, set from `?minutes=N`), so it needs
//! no state, survives a reload and works without JavaScript as a stated end time; a small
//! script (`static/present.js`) ticks it.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use chrono::{DateTime, Local, Utc};
use serde::Deserialize;

use super::class::{Item, items, no_store};
use super::join_base;
use crate::error::Error;
use crate::store::classroom::Class;
use crate::web::AppState;
use crate::web::board::{self, Mistake};
use crate::web::classroom::{answer_text, model_answer};
use crate::web::error::{PageError, render};
use crate::web::pages::urlencode;
use crate::web::session::Trainer;

/// Longest countdown, in minutes: a long exercise, not a whole day.
const MAX_MINUTES: i64 = 180;

#[derive(Deserialize)]
pub struct PresentQuery {
    /// Start a countdown of this many minutes (empty: stop it).
    minutes: Option<String>,
    /// The countdown's end, as RFC 3339.
    ends: Option<String>,
}

/// A countdown running to `ends`.
pub struct Countdown {
    /// The end as the room's clock shows it ("14:40").
    pub until: String,
    /// Seconds left when the page was made (the script counts down from here, so the
    /// projector's clock need not agree with the server's).
    pub left: i64,
    /// `ends=…` for the links between the presenter's pages.
    pub query: String,
}

/// Reads `?minutes=` (a redirect to the address with the end in it) and `?ends=`.
fn countdown(q: &PresentQuery, path: &str) -> Result<Result<Option<Countdown>, Response>, Error> {
    if let Some(minutes) = &q.minutes {
        let minutes = minutes.trim();
        if minutes.is_empty() {
            return Ok(Err(Redirect::to(path).into_response()));
        }
        let n: i64 = minutes
            .parse()
            .ok()
            .filter(|n| (1..=MAX_MINUTES).contains(n))
            .ok_or_else(|| {
                Error::invalid(format!(
                    "The countdown is a whole number of minutes, from 1 to {MAX_MINUTES}"
                ))
            })?;
        let ends = Utc::now() + chrono::Duration::minutes(n);
        let ends = ends.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        return Ok(Err(Redirect::to(&format!(
            "{path}?ends={}",
            urlencode(&ends)
        ))
        .into_response()));
    }
    let Some(ends) = q.ends.as_deref().filter(|e| !e.trim().is_empty()) else {
        return Ok(Ok(None));
    };
    let ends = DateTime::parse_from_rfc3339(ends.trim())
        .map_err(|_| {
            Error::invalid("The countdown's end is not a time: start the countdown again")
        })?
        .with_timezone(&Utc);
    Ok(Ok(Some(Countdown {
        until: ends.with_timezone(&Local).format("%H:%M").to_string(),
        left: (ends - Utc::now()).num_seconds().max(0),
        query: format!(
            "?ends={}",
            urlencode(&ends.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        ),
    })))
}

/// What every presenter page has: the class, its exercises for the steps, the countdown.
pub struct Frame {
    pub class: Class,
    pub steps: Vec<(usize, String, String)>,
    pub countdown: Option<Countdown>,
    /// This page's path, for the countdown form.
    pub here: String,
    /// Which step is showing: `join`, `board` or an exercise id.
    pub current: String,
}

impl Frame {
    fn keep(&self) -> &str {
        self.countdown.as_ref().map_or("", |c| c.query.as_str())
    }
}

fn frame(
    class: Class,
    items: &[Item],
    q: &PresentQuery,
    here: String,
    current: &str,
) -> Result<Result<Frame, Response>, Error> {
    let countdown = match countdown(q, &here)? {
        Ok(c) => c,
        Err(redirect) => return Ok(Err(redirect)),
    };
    Ok(Ok(Frame {
        steps: items
            .iter()
            .map(|i| (i.number, i.ex.id.clone(), i.ex.title.clone()))
            .collect(),
        class,
        countdown,
        here,
        current: current.to_string(),
    }))
}

#[derive(Template)]
#[template(path = "present_join.html")]
struct JoinScreen {
    f: Frame,
    join_address: String,
}

pub async fn join_screen(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<PresentQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let items = items(&state, &class).await?;
    let here = format!("/trainer/classes/{}/present", class.id);
    let f = match frame(class, &items, &q, here, "join")? {
        Ok(f) => f,
        Err(redirect) => return Ok(redirect),
    };
    Ok(no_store(render(&JoinScreen {
        join_address: format!("{}/join", join_base(&state, &headers)),
        f,
    })))
}

/// An exercise's figures on the projector, with no name in them.
pub struct Card {
    pub item: Item,
    pub pass_rate: Option<u32>,
    /// The spread of best scores, in words, for the chart's label.
    pub spread: String,
}

fn card(item: Item) -> Card {
    let spread = item
        .bands
        .iter()
        .filter(|b| b.count > 0)
        .map(|b| format!("{} scored {}", b.count, b.label))
        .collect::<Vec<_>>()
        .join(", ");
    Card {
        pass_rate: (item.tried > 0).then(|| (item.passed * 100 / item.tried) as u32),
        spread: if spread.is_empty() {
            "no scores yet".into()
        } else {
            spread
        },
        item,
    }
}

#[derive(Template)]
#[template(path = "present_board.html")]
struct BoardScreen {
    f: Frame,
    cards: Vec<Card>,
    trainees: usize,
}

impl BoardScreen {
    fn score(&self, s: &Option<f64>) -> String {
        crate::web::text::score(*s)
    }
}

pub async fn board_screen(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<PresentQuery>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let items = items(&state, &class).await?;
    let trainees = state.app.store.trainees(&class.id).await?.len();
    let here = format!("/trainer/classes/{}/present/board", class.id);
    let f = match frame(class, &items, &q, here, "board")? {
        Ok(f) => f,
        Err(redirect) => return Ok(redirect),
    };
    Ok(no_store(render(&BoardScreen {
        f,
        cards: items.into_iter().map(card).collect(),
        trainees,
    })))
}

#[derive(Template)]
#[template(path = "present_debrief.html")]
struct DebriefScreen {
    f: Frame,
    card: Card,
    trainees: usize,
    /// Shared answers: the text and its score, never whose it is.
    shared: Vec<(String, Option<f64>)>,
    mistakes: Vec<Mistake>,
    /// How many latest answers the mistakes were read from.
    answered: usize,
    model: Option<String>,
    previous: Option<(String, String)>,
    next: Option<(String, String)>,
}

impl DebriefScreen {
    fn score(&self, s: &Option<f64>) -> String {
        crate::web::text::score(*s)
    }
}

pub async fn debrief_screen(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, exercise)): Path<(String, String)>,
    Query(q): Query<PresentQuery>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let all = items(&state, &class).await?;
    let at = all
        .iter()
        .position(|i| i.ex.id == exercise)
        .ok_or_else(|| Error::not_found(format!("exercise {exercise:?} is not in this class")))?;
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| all.get(i))
            .map(|i| (i.ex.id.clone(), format!("{}. {}", i.number, i.ex.title)))
    };
    let previous = neighbour(at.checked_sub(1));
    let next = neighbour(Some(at + 1));
    // Only the stored grades of each trainee's latest attempt: the names in those rows are
    // never read.
    let latest = store
        .class_attempts_per_trainee(&class.id, &exercise, false)
        .await?;
    let results: Vec<&str> = latest.iter().filter_map(|a| a.result.as_deref()).collect();
    let mistakes = board::common_mistakes(&results, 6);
    let reveals = store.reveals(&class.id).await?;
    let mine = reveals.iter().filter(|r| r.exercise_id == exercise);
    let shared = mine
        .clone()
        .filter_map(|r| Some((answer_text(r.answer.as_deref()?), r.score)))
        .collect();
    let model_shared = mine.clone().any(|r| r.attempt_id.is_none());
    let trainees = store.trainees(&class.id).await?.len();
    let here = format!(
        "/trainer/classes/{}/present/debrief/{}",
        class.id,
        urlencode(&exercise)
    );
    let f = match frame(class, &all, &q, here, &exercise)? {
        Ok(f) => f,
        Err(redirect) => return Ok(redirect),
    };
    let item = all
        .into_iter()
        .nth(at)
        .ok_or_else(|| Error::not_found("that exercise is no longer in this class"))?;
    Ok(no_store(render(&DebriefScreen {
        model: model_shared.then(|| model_answer(&item.ex)),
        card: card(item),
        answered: latest.len(),
        trainees,
        shared,
        mistakes,
        previous,
        next,
        f,
    })))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/classes/{class}/present", get(join_screen))
        .route("/trainer/classes/{class}/present/board", get(board_screen))
        .route(
            "/trainer/classes/{class}/present/debrief/{exercise}",
            get(debrief_screen),
        )
}
