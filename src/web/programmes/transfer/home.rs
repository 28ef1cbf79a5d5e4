//! The learner's transfer page, `/programme/transfer` (docs/programmes.md, "Your own topic"):
//! their topics, their peers' when the trainer allows reviews, the follow-up when it is due,
//! and the form that starts a topic (`POST /programme/own-topic`).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::app::transfer::follow_up::FollowUp;
use crate::app::transfer::own_topic::updated;
use crate::error::Error;
use crate::store::transfer::OwnTopic;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::programmes::ProgrammeMember;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/programme/transfer", get(transfer_home))
        .route("/programme/own-topic", post(start_topic))
}

struct TopicRow {
    id: String,
    title: String,
    query: String,
    updated: String,
    who: String,
}

fn row(t: &OwnTopic, who: String) -> TopicRow {
    TopicRow {
        id: t.id.clone(),
        title: t.title.clone(),
        query: t.query.clone(),
        updated: updated(t),
        who,
    }
}

#[derive(Template)]
#[template(path = "transfer_home.html")]
struct TransferHome {
    name: String,
    topics: Vec<TopicRow>,
    peers: Vec<TopicRow>,
    due: Vec<(String, String)>,
    waiting: Vec<String>,
    title: String,
    error: Option<String>,
    /// A topic was deleted just before (`?deleted=1`).
    deleted: bool,
}

async fn home_page(
    state: &AppState,
    m: &ProgrammeMember,
    title: String,
    error: Option<String>,
) -> Result<TransferHome, PageError> {
    let app = &state.app;
    let topics = app
        .store
        .own_topics_of(&m.learner)
        .await?
        .iter()
        .map(|t| row(t, String::new()))
        .collect();
    let names: std::collections::HashMap<String, String> = match &m.cohort_id {
        Some(c) => app
            .store
            .cohort_learners(c)
            .await?
            .into_iter()
            .map(|l| (l.id, l.name))
            .collect(),
        None => Default::default(),
    };
    let peers = app
        .peer_topics(&m.learner, m.cohort_id.as_deref())
        .await?
        .iter()
        .map(|t| row(t, names.get(&t.learner).cloned().unwrap_or_default()))
        .collect();
    let mut due = Vec::new();
    let mut waiting = Vec::new();
    for (e, state) in app.follow_ups(&m.learner).await? {
        match state {
            FollowUp::Due { closes } => {
                due.push((e.id, closes.format("%-d %B %Y").to_string()));
            }
            FollowUp::NotYet { opens } => waiting.push(opens.format("%-d %B %Y").to_string()),
            _ => {}
        }
    }
    Ok(TransferHome {
        name: m.name.clone(),
        topics,
        peers,
        due,
        waiting,
        title,
        error,
        deleted: false,
    })
}

#[derive(Deserialize, Default)]
struct HomeQuery {
    #[serde(default)]
    deleted: Option<String>,
}

async fn transfer_home(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Query(q): Query<HomeQuery>,
) -> Result<Response, PageError> {
    let mut page = home_page(&state, &m, String::new(), None).await?;
    page.deleted = q.deleted.is_some();
    Ok(render(&page))
}

#[derive(Deserialize)]
struct StartForm {
    #[serde(default)]
    title: String,
}

async fn start_topic(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Form(form): Form<StartForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .start_own_topic(&m.learner, m.cohort_id.as_deref(), &form.title)
        .await
    {
        Ok(topic) => {
            Ok(Redirect::to(&format!("/programme/own-topic/{}", topic.id)).into_response())
        }
        Err(Error::Invalid(message)) => {
            let page = home_page(&state, &m, form.title, Some(message)).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
