//! The trainer's side of transfer (docs/programmes.md): a cohort's own-topic work with peer
//! review switched on or off, each topic to review with comments, the learners' reflections, and
//! the end-of-session statements beside their follow-ups with the summary of change (and CSV).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::view::{TopicPage, Typed, topic_page};
use crate::app::transfer::follow_up::{FollowUp, Pair, agreement_words};
use crate::app::transfer::own_topic::{Access, Reader, updated};
use crate::error::Error;
use crate::store::programmes::Cohort;
use crate::store::transfer::OwnTopic;
use crate::web::AppState;
use crate::web::csv;
use crate::web::error::{PageError, render, status_of};
use crate::web::session::Trainer;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/programmes/{cohort}/transfer", get(transfer_page))
        .route(
            "/trainer/programmes/{cohort}/peer-review",
            post(set_peer_review),
        )
        .route(
            "/trainer/programmes/{cohort}/follow-up.csv",
            get(follow_up_csv),
        )
        .route(
            "/trainer/programmes/{cohort}/own-topic/{topic}",
            get(review_topic),
        )
        .route(
            "/trainer/programmes/{cohort}/own-topic/{topic}/comments",
            post(comment),
        )
}

async fn cohort(state: &AppState, id: &str) -> Result<Cohort, Error> {
    state
        .app
        .store
        .cohort(id)
        .await?
        .ok_or_else(|| Error::not_found(format!("There is no cohort {id:?}.")))
}

struct TopicLine {
    id: String,
    who: String,
    title: String,
    query: String,
    documents: usize,
    precision: String,
    comments: usize,
    updated: String,
}

struct PairLine {
    name: String,
    asked: String,
    before: String,
    comment: String,
    after: String,
    done: String,
    state: &'static str,
}

#[derive(Template)]
#[template(path = "trainer_transfer.html")]
struct TransferPage {
    id: String,
    title: String,
    peer_review: bool,
    topics: Vec<TopicLine>,
    reflections: Vec<(String, String, String, String)>,
    pairs: Vec<PairLine>,
    summary: Vec<String>,
}

fn state_words(s: FollowUp) -> &'static str {
    match s {
        FollowUp::NotYet { .. } => "not asked yet",
        FollowUp::Due { .. } => "asked, waiting",
        FollowUp::Answered => "answered",
        FollowUp::Missed => "missed",
    }
}

fn pair_line(p: &Pair) -> PairLine {
    PairLine {
        name: p.name.clone(),
        asked: p.asked_at.get(..10).unwrap_or_default().to_string(),
        before: format!("{} ({})", p.before, agreement_words(p.before)),
        comment: p.comment.clone(),
        after: p
            .after
            .map(|a| format!("{a} ({})", agreement_words(a)))
            .unwrap_or_default(),
        done: p.done_differently.clone(),
        state: state_words(p.state),
    }
}

async fn transfer_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let c = cohort(&state, &id).await?;
    let app = &state.app;
    let learners = app.store.cohort_learners(&id).await?;
    let name_of = |learner: &str| {
        learners
            .iter()
            .find(|l| l.id == learner)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    };
    let mut topics = Vec::new();
    for t in app.store.own_topics_of_cohort(&id).await? {
        let figures = app.topic_figures(&t).await?;
        let precision = figures
            .estimates
            .as_ref()
            .and_then(|e| e.precision)
            .map(|p| format!("{:.0}% of {} labelled", p.estimate * 100.0, p.labelled))
            .unwrap_or_else(|| "not yet".into());
        topics.push(TopicLine {
            who: name_of(&t.learner),
            documents: figures.documents,
            precision,
            comments: app.store.topic_comments(&t.id).await?.len(),
            updated: updated(&t),
            id: t.id,
            title: t.title,
            query: t.query,
        });
    }
    let catalog = app.catalog();
    let mut reflections = Vec::new();
    for l in &learners {
        for r in app.reflections(&l.id).await? {
            let title = catalog
                .exercises
                .iter()
                .find(|e| e.id == r.exercise_id)
                .map_or_else(|| r.exercise_id.clone(), |e| e.title.clone());
            reflections.push((r.created_at.clone(), l.name.clone(), title, r.body));
        }
    }
    reflections.sort_by(|a, b| b.0.cmp(&a.0));
    for r in &mut reflections {
        r.0 = r.0.get(..10).unwrap_or_default().to_string();
    }
    let (pairs, change) = app.cohort_follow_up(&id).await?;
    let mut summary = vec![format!(
        "{} statement{} at the end of a session: {} followed up, {} still to come or waiting, {} missed.",
        change.statements,
        if change.statements == 1 { "" } else { "s" },
        change.answered,
        change.waiting,
        change.missed
    )];
    if let (Some(b), Some(a), Some(d)) = (change.mean_before, change.mean_after, change.mean_change)
    {
        summary.push(format!(
            "Over the {} followed up: {:.1} out of 5 at the end of the session, {:.1} four to six weeks later (a change of {:+.1}).",
            change.answered, b, a, d
        ));
        summary.push(format!(
            "{} agree more than before, {} the same, {} less.",
            change.higher, change.same, change.lower
        ));
    }
    Ok(render(&TransferPage {
        peer_review: app.store.peer_review(&id).await?,
        id,
        title: c.title,
        topics,
        reflections,
        pairs: pairs.iter().map(pair_line).collect(),
        summary,
    }))
}

#[derive(Deserialize)]
struct PeerForm {
    allowed: Option<String>,
}

async fn set_peer_review(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<PeerForm>,
) -> Result<Response, PageError> {
    cohort(&state, &id).await?;
    let allowed = form.allowed.as_deref() == Some("1");
    state.app.store.set_peer_review(&id, allowed).await?;
    Ok(Redirect::to(&format!("/trainer/programmes/{id}/transfer")).into_response())
}

async fn follow_up_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    cohort(&state, &id).await?;
    let (pairs, _) = state.app.cohort_follow_up(&id).await?;
    let mut out = String::from(
        "name,session,effective_then,comment,follow_up_state,effective_after,change,done_differently,answered\r\n",
    );
    for p in &pairs {
        let change = p
            .after
            .map(|a| (a - p.before).to_string())
            .unwrap_or_default();
        let fields = [
            p.name.clone(),
            p.asked_at.get(..10).unwrap_or_default().to_string(),
            p.before.to_string(),
            p.comment.clone(),
            state_words(p.state).to_string(),
            p.after.map(|a| a.to_string()).unwrap_or_default(),
            change,
            p.done_differently.clone(),
            p.answered_at.get(..10).unwrap_or_default().to_string(),
        ];
        out.push_str(&csv::line(&fields));
    }
    Ok(csv::download(&out, "follow-up.csv"))
}

/// The topic, if it belongs to a learner of the cohort.
async fn cohort_topic(state: &AppState, cohort_id: &str, id: &str) -> Result<OwnTopic, Error> {
    let (topic, _) = state.app.own_topic_for(id, &Reader::Trainer).await?;
    if topic.cohort_id.as_deref() != Some(cohort_id) {
        return Err(Error::not_found("This cohort has no such topic."));
    }
    Ok(topic)
}

async fn trainer_page(
    state: &AppState,
    cohort_id: &str,
    topic: OwnTopic,
) -> Result<TopicPage, PageError> {
    let name = super::own_topic::owner_name(state, &topic).await?;
    let base = format!("/trainer/programmes/{cohort_id}/own-topic/{}", topic.id);
    Ok(topic_page(
        &state.app,
        topic,
        Access::Trainer,
        base,
        (
            format!("/trainer/programmes/{cohort_id}/transfer"),
            "The cohort's work at work".into(),
        ),
        name,
    )
    .await?)
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
}

async fn review_topic(
    _t: Trainer,
    State(state): State<AppState>,
    Path((cohort_id, id)): Path<(String, String)>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let topic = cohort_topic(&state, &cohort_id, &id).await?;
    let mut page = trainer_page(&state, &cohort_id, topic).await?;
    if done.done.is_some() {
        page.notice = Some("Your comment is added; the learner sees it on their topic.".into());
    }
    Ok(render(&page))
}

#[derive(Deserialize)]
struct CommentForm {
    #[serde(default)]
    body: String,
}

async fn comment(
    _t: Trainer,
    State(state): State<AppState>,
    Path((cohort_id, id)): Path<(String, String)>,
    Form(form): Form<CommentForm>,
) -> Result<Response, PageError> {
    let topic = cohort_topic(&state, &cohort_id, &id).await?;
    match state
        .app
        .comment_on_topic(&topic, Access::Trainer, &Reader::Trainer, &form.body)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!(
            "/trainer/programmes/{cohort_id}/own-topic/{id}?done=comment#comments"
        ))
        .into_response()),
        Err(e @ Error::Invalid(_)) => {
            let status = status_of(&e);
            let mut page = trainer_page(&state, &cohort_id, topic).await?;
            page.error = Some(("body".into(), e.to_string()));
            page.typed = Typed {
                comment: form.body,
                ..Typed::default()
            };
            Ok((status, render(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
