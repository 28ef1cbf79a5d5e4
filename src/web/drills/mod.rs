//! The players' drill pages (issue 18; docs/design.md, "Drills"): `/drills` (the drills open to
//! me; the self-learner starts one here), `/drills/{id}` (the stream, inbox, trends, saved
//! searches and the publish form), its search, its server-sent events (`events.rs`), and the
//! forms that publish, save a search and run the self-learner's clock. The rules are in
//! `app::drills::play`; these handlers read the request, make one call and render.

mod events;
mod trends;
mod view;

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::Learner;
use crate::app::drills::alerts::AlertRule;
use crate::app::drills::play::{self, Publish};
use crate::app::drills::{DrillControl, DrillSearch, DrillState};
use crate::error::Error;
use crate::web::AppState;
use crate::web::error::{PageError, render};
pub use view::{DrillPage, StreamItem};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/drills", get(list).post(start))
        .route("/drills/{id}", get(page))
        .route("/drills/{id}/events", get(events::events))
        .route("/drills/{id}/search", get(search))
        .route("/drills/{id}/searches", post(save_search))
        .route("/drills/{id}/searches/{search}/delete", post(delete_search))
        .route("/drills/{id}/responses", post(publish))
        .route("/drills/{id}/clock", post(clock))
}

#[derive(Template)]
#[template(path = "drills.html")]
struct DrillsPage {
    drills: Vec<(String, String, &'static str, String)>,
    /// The self-learner may start a drill of these: (id, title, summary, minutes).
    scenarios: Vec<(String, String, String, u32)>,
    self_learner: bool,
}

async fn list(State(state): State<AppState>, who: Learner) -> Result<Response, PageError> {
    let drills = state
        .app
        .player_drills(&who)
        .await?
        .into_iter()
        .map(|d| {
            let at = d.at().to_string();
            (d.id.clone(), d.title.clone(), d.state().words(), at)
        })
        .collect();
    let self_learner = who.id == Learner::local().id;
    let scenarios = if self_learner {
        state
            .app
            .playable_scenarios()
            .await?
            .iter()
            .map(|p| {
                let s = &p.scenario;
                (s.id.clone(), s.title.clone(), s.summary.clone(), s.minutes)
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(render(&DrillsPage {
        drills,
        scenarios,
        self_learner,
    }))
}

#[derive(Deserialize)]
struct StartForm {
    #[serde(default)]
    scenario: String,
}

async fn start(
    State(state): State<AppState>,
    who: Learner,
    Form(f): Form<StartForm>,
) -> Result<Response, PageError> {
    let drill = state.app.start_own_drill(&who, &f.scenario).await?;
    Ok(Redirect::to(&format!("/drills/{}", drill.id)).into_response())
}

#[derive(Deserialize, Default)]
pub(super) struct PageQuery {
    #[serde(default)]
    channel: String,
    #[serde(default)]
    published: String,
}

async fn page(
    State(state): State<AppState>,
    who: Learner,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let drill = state.app.player_drill(&who, &id).await?;
    let channel = play::channel_filter(&q.channel)?;
    let mut page = DrillPage::build(&state.app, &drill, &who, channel).await?;
    if !q.published.is_empty() {
        page.show_published(&q.published)?;
    }
    Ok(render(&page))
}

#[derive(Deserialize)]
struct PublishForm {
    #[serde(default)]
    inject: String,
    #[serde(default)]
    deliverable: String,
    #[serde(default)]
    platform: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    submission: String,
    /// `check` shows the counts and problems without publishing.
    #[serde(default)]
    action: String,
}

async fn publish(
    State(state): State<AppState>,
    who: Learner,
    Path(id): Path<String>,
    Form(f): Form<PublishForm>,
) -> Result<Response, PageError> {
    let drill = state.app.player_drill(&who, &id).await?;
    let form = Publish {
        inject: f.inject,
        deliverable: f.deliverable,
        platform: f.platform,
        text: f.text,
        submission: f.submission,
    };
    let outcome = if f.action == "check" {
        play::check_response(&drill, &form).map(|_| None)
    } else {
        state
            .app
            .publish_drill_response_as(&drill, &who, &form)
            .await
            .map(Some)
    };
    match outcome {
        Ok(Some((response, _))) => {
            Ok(Redirect::to(&format!("/drills/{id}?published={response}#publish")).into_response())
        }
        Ok(None) => {
            let mut page = DrillPage::build(&state.app, &drill, &who, None).await?;
            page.keep_form(&form, None);
            Ok(render(&page))
        }
        Err(Error::Invalid(message)) => {
            let mut page = DrillPage::build(&state.app, &drill, &who, None).await?;
            page.keep_form(&form, Some(message));
            let mut response = render(&page);
            *response.status_mut() = StatusCode::BAD_REQUEST;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
struct SearchQuery {
    #[serde(default)]
    q: String,
}

#[derive(Template)]
#[template(path = "drill_search.html")]
struct SearchPage {
    id: String,
    title: String,
    at: String,
    q: String,
    total: usize,
    items: Vec<StreamItem>,
    /// The query's problem and where: (message, column, hint).
    error: Option<(String, usize, String)>,
    default_rule: String,
}

async fn search_page(
    state: &AppState,
    who: &Learner,
    id: &str,
    q: &str,
    save_error: Option<String>,
) -> Result<Response, PageError> {
    let drill = state.app.player_drill(who, id).await?;
    let mut page = SearchPage {
        id: drill.id.clone(),
        title: drill.title.clone(),
        at: drill.at().to_string(),
        q: q.to_string(),
        total: 0,
        items: Vec::new(),
        error: save_error.map(|m| (m, 0, String::new())),
        default_rule: AlertRule::DEFAULT_SPIKE.words(),
    };
    if q.trim().is_empty() {
        return Ok(render(&page));
    }
    let outcome = state
        .app
        .drill_search(
            &drill,
            DrillSearch {
                query: q.to_string(),
                order: crate::index::search::SortOrder::Newest,
                limit: 50,
                offset: 0,
                facets: false,
            },
        )
        .await;
    match outcome {
        Ok(found) => {
            page.total = found.results.total;
            let ids: Vec<&str> = found.results.hits.iter().map(|h| h.id.as_str()).collect();
            page.items = view::posts_by_id(&drill, &ids);
            Ok(render(&page))
        }
        Err(Error::Query(e)) => {
            page.error = Some((e.message, e.column, e.hint.unwrap_or_default()));
            let mut response = render(&page);
            *response.status_mut() = StatusCode::BAD_REQUEST;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

async fn search(
    State(state): State<AppState>,
    who: Learner,
    Path(id): Path<String>,
    Query(q): Query<SearchQuery>,
) -> Result<Response, PageError> {
    search_page(&state, &who, &id, &q.q, None).await
}

#[derive(Deserialize)]
struct SaveForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    query: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    window: String,
    #[serde(default)]
    k: String,
    #[serde(default)]
    min: String,
    #[serde(default)]
    count: String,
}

async fn save_search(
    State(state): State<AppState>,
    who: Learner,
    Path(id): Path<String>,
    Form(f): Form<SaveForm>,
) -> Result<Response, PageError> {
    let drill = state.app.player_drill(&who, &id).await?;
    let rule = match AlertRule::from_form(&f.rule, &f.window, &f.k, &f.min, &f.count) {
        Ok(rule) => rule,
        Err(message) => {
            let mut r = search_page(&state, &who, &id, &f.query, Some(message)).await?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            return Ok(r);
        }
    };
    match state
        .app
        .save_drill_search_as(&drill, &who, &f.name, &f.query, rule)
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/drills/{id}#alerts")).into_response()),
        Err(Error::Query(_)) => search_page(&state, &who, &id, &f.query, None).await,
        Err(Error::Invalid(message)) => {
            let mut r = search_page(&state, &who, &id, &f.query, Some(message)).await?;
            *r.status_mut() = StatusCode::BAD_REQUEST;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete_search(
    State(state): State<AppState>,
    who: Learner,
    Path((id, search)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let drill = state.app.player_drill(&who, &id).await?;
    state
        .app
        .delete_drill_search_as(&drill, &who, &search)
        .await?;
    Ok(Redirect::to(&format!("/drills/{id}#alerts")).into_response())
}

#[derive(Deserialize)]
struct ClockForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    speed: String,
}

/// Reads the clock form (`action` = start, pause, speed, next or end; `speed=` for speed).
pub fn control_of(action: &str, speed: &str) -> Result<DrillControl, Error> {
    Ok(match action.trim() {
        "start" => DrillControl::Start,
        "pause" => DrillControl::Pause,
        "next" => DrillControl::NextInject,
        "end" => DrillControl::End,
        "speed" => DrillControl::Speed(speed.trim().parse::<f64>().map_err(|_| {
            Error::invalid(format!(
                "Speed: {speed:?} is not a number of drill seconds per second"
            ))
        })?),
        other => {
            return Err(Error::invalid(format!(
                "{other:?} is not a control of the clock: start, pause, speed, next or end"
            )));
        }
    })
}

async fn clock(
    State(state): State<AppState>,
    who: Learner,
    Path(id): Path<String>,
    Form(f): Form<ClockForm>,
) -> Result<Response, PageError> {
    let control = control_of(&f.action, &f.speed)?;
    state.app.control_own_drill(&who, &id, control).await?;
    Ok(Redirect::to(&format!("/drills/{id}")).into_response())
}

/// The state's words, for templates.
pub fn state_words(s: DrillState) -> &'static str {
    s.words()
}
