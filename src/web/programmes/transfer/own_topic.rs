//! The learner's own-topic pages (docs/programmes.md, "Your own topic"): each topic's page with
//! its forms (the list of topics is `home.rs`): material from a feed or pasted posts, the query, the
//! labelling of the samples, the draft, comments.

use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::view::{Typed, topic_page};
use crate::app::transfer::own_topic::{Access, Reader, SampleDoc};
use crate::error::Error;
use crate::store::transfer::OwnTopic;
use crate::web::AppState;
use crate::web::error::{PageError, render, status_of};
use crate::web::programmes::ProgrammeMember;

/// The largest upload of posts read (a file of a few thousand posts).
const POSTS_UPLOAD_MAX: usize = 8 << 20;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/programme/own-topic/{topic}", get(topic))
        .route("/programme/own-topic/{topic}/feed", post(add_feed))
        .route(
            "/programme/own-topic/{topic}/posts",
            post(add_posts).layer(DefaultBodyLimit::max(POSTS_UPLOAD_MAX)),
        )
        .route("/programme/own-topic/{topic}/query", post(set_query))
        .route(
            "/programme/own-topic/{topic}/label",
            get(label_form).post(save_labels),
        )
        .route("/programme/own-topic/{topic}/draft", post(save_draft))
        .route("/programme/own-topic/{topic}/comments", post(comment))
        .route("/programme/own-topic/{topic}/delete", post(delete_topic))
}

pub(super) fn reader(m: &ProgrammeMember) -> Reader {
    Reader::Learner {
        id: m.learner.clone(),
        name: m.name.clone(),
        cohort_id: m.cohort_id.clone(),
    }
}

#[derive(Deserialize)]
struct Done {
    done: Option<String>,
    added: Option<usize>,
}

fn notice(done: &Done) -> Option<String> {
    Some(match done.done.as_deref()? {
        "material" => format!(
            "{} document{} added or updated.",
            done.added.unwrap_or(0),
            if done.added == Some(1) { "" } else { "s" }
        ),
        "query" => "Your query is saved; the samples below follow it.".into(),
        "labels" => format!(
            "{} label{} saved.",
            done.added.unwrap_or(0),
            if done.added == Some(1) { "" } else { "s" }
        ),
        "draft" => "Your draft is saved and checked below.".into(),
        "comment" => "Your comment is added.".into(),
        _ => return None,
    })
}

/// The topic and the member's access to it.
async fn open(
    state: &AppState,
    m: &ProgrammeMember,
    id: &str,
) -> Result<(OwnTopic, Access), Error> {
    state.app.own_topic_for(id, &reader(m)).await
}

async fn page_for(
    state: &AppState,
    m: &ProgrammeMember,
    topic: OwnTopic,
    access: Access,
) -> Result<super::view::TopicPage, PageError> {
    let owner_name = if access == Access::Owner {
        m.name.clone()
    } else {
        owner_name(state, &topic).await?
    };
    let base = format!("/programme/own-topic/{}", topic.id);
    Ok(topic_page(
        &state.app,
        topic,
        access,
        base,
        ("/programme/transfer".into(), "Your work at work".into()),
        owner_name,
    )
    .await?)
}

pub(super) async fn owner_name(state: &AppState, topic: &OwnTopic) -> Result<String, PageError> {
    if let Some(cohort) = &topic.cohort_id {
        for l in state.app.store.cohort_learners(cohort).await? {
            if l.id == topic.learner {
                return Ok(l.name);
            }
        }
    }
    Ok(crate::app::Learner::local().name)
}

async fn topic(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    let mut page = page_for(&state, &m, topic, access).await?;
    page.notice = notice(&done);
    Ok(render(&page))
}

/// After a form: back to the topic with a notice, or the page again with the error beside the
/// form it concerns and what was typed.
async fn after(
    state: &AppState,
    m: &ProgrammeMember,
    topic: OwnTopic,
    access: Access,
    outcome: Result<String, Error>,
    field: &str,
    typed: Typed,
) -> Result<Response, PageError> {
    match outcome {
        Ok(to) => Ok(Redirect::to(&to).into_response()),
        Err(e @ (Error::Invalid(_) | Error::Query(_) | Error::Refused { .. })) => {
            let status = status_of(&e);
            let mut page = page_for(state, m, topic, access).await?;
            page.error = Some((field.to_string(), e.to_string()));
            if let Some(chosen) = &typed.platforms {
                for p in &mut page.platforms {
                    p.checked = chosen.iter().any(|c| c == p.id);
                }
            }
            page.typed = typed;
            Ok((status, render(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct FeedForm {
    #[serde(default)]
    url: String,
}

async fn add_feed(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<FeedForm>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    let outcome = state
        .app
        .add_feed_to_topic(&topic, access, &form.url)
        .await
        .map(|s| {
            format!(
                "/programme/own-topic/{id}?done=material&added={}",
                s.added + s.replaced
            )
        });
    let typed = Typed {
        feed_url: form.url,
        ..Typed::default()
    };
    after(&state, &m, topic, access, outcome, "url", typed).await
}

async fn add_posts(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    let mut pasted = String::new();
    let mut file: Option<(String, String)> = None;
    let mut problem: Option<Error> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                problem = Some(Error::invalid(format!("The form could not be read: {e}")));
                break;
            }
        };
        match field.name().unwrap_or_default() {
            "posts" => match field.text().await {
                Ok(t) => pasted = t,
                Err(e) => {
                    problem = Some(Error::invalid(format!(
                        "The pasted posts could not be read: {e}"
                    )))
                }
            },
            "file" => {
                let name = field.file_name().unwrap_or("the file").to_string();
                match field.bytes().await {
                    Ok(bytes) if bytes.is_empty() => {}
                    Ok(bytes) => match String::from_utf8(bytes.to_vec()) {
                        Ok(text) => file = Some((name, text)),
                        Err(e) => {
                            problem = Some(Error::invalid(format!(
                                "{name} is not UTF-8 text (byte {}): save it as UTF-8 text or JSONL",
                                e.utf8_error().valid_up_to() + 1
                            )))
                        }
                    },
                    Err(e) => {
                        problem = Some(Error::invalid(format!("{name} could not be read: {e}")))
                    }
                }
            }
            _ => {}
        }
    }
    let outcome = match problem {
        Some(e) => Err(e),
        None => {
            let mut added = 0;
            let mut result = Ok(());
            let mut any = false;
            for (text, origin) in [
                (
                    Some(pasted.as_str()).filter(|t| !t.trim().is_empty()),
                    "pasted text",
                ),
                (
                    file.as_ref().map(|(_, t)| t.as_str()),
                    file.as_ref().map_or("", |(n, _)| n.as_str()),
                ),
            ] {
                let Some(text) = text else { continue };
                any = true;
                match state
                    .app
                    .add_posts_to_topic(&topic, access, text, origin)
                    .await
                {
                    Ok(s) => added += s.added + s.replaced,
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            if !any {
                result = Err(Error::invalid(
                    "Paste some posts, or choose a file of posts to upload",
                ));
            }
            result.map(|()| format!("/programme/own-topic/{id}?done=material&added={added}"))
        }
    };
    let typed = Typed {
        posts: pasted,
        ..Typed::default()
    };
    after(&state, &m, topic, access, outcome, "posts", typed).await
}

#[derive(Deserialize)]
struct QueryForm {
    #[serde(default)]
    query: String,
}

async fn set_query(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<QueryForm>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    let outcome = state
        .app
        .set_topic_query(&topic, access, &form.query)
        .await
        .map(|()| format!("/programme/own-topic/{id}?done=query"));
    let typed = Typed {
        query: Some(form.query),
        ..Typed::default()
    };
    after(&state, &m, topic, access, outcome, "query", typed).await
}

#[derive(Template)]
#[template(path = "own_topic_label.html")]
struct LabelPage {
    id: String,
    title: String,
    docs: Vec<SampleDoc>,
    unlabelled: usize,
    error: Option<String>,
}

async fn label_page(
    state: &AppState,
    topic: &OwnTopic,
    error: Option<String>,
) -> Result<LabelPage, PageError> {
    let figures = state.app.topic_figures(topic).await?;
    // Inside and outside mixed, in the seeded order, so the page does not say which is which:
    // a label says whether the document is about the topic, whatever the query did.
    let mut docs: Vec<SampleDoc> = figures.inside.into_iter().chain(figures.outside).collect();
    docs.sort_by_key(|d| {
        crate::text::stable_hash([topic.sample_seed.as_bytes(), b"/", d.id.as_bytes()])
    });
    Ok(LabelPage {
        id: topic.id.clone(),
        title: topic.title.clone(),
        docs,
        unlabelled: figures.unlabelled,
        error,
    })
}

async fn label_form(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    if access != Access::Owner {
        return Err(Error::refused(
            "Only the learner labels their topic",
            "The labels are the learner's own judgement of their material.",
        )
        .into());
    }
    Ok(render(&label_page(&state, &topic, None).await?))
}

async fn save_labels(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    let mut labels = Vec::new();
    let mut bad = None;
    for (name, value) in &fields {
        let Some(doc) = name.strip_prefix("doc:") else {
            continue;
        };
        match value.as_str() {
            "relevant" => labels.push((doc.to_string(), true)),
            "not-relevant" => labels.push((doc.to_string(), false)),
            other => {
                bad = Some(format!(
                    "{other:?} is not a label: choose relevant or not relevant"
                ))
            }
        }
    }
    let outcome = match bad {
        Some(m) => Err(Error::invalid(m)),
        None if labels.is_empty() => Err(Error::invalid(
            "Choose relevant or not relevant for at least one document",
        )),
        None => state.app.label_topic(&topic, access, &labels).await,
    };
    match outcome {
        Ok(n) => Ok(
            Redirect::to(&format!("/programme/own-topic/{id}?done=labels&added={n}"))
                .into_response(),
        ),
        Err(e @ (Error::Invalid(_) | Error::Refused { .. })) => {
            let status = status_of(&e);
            Ok((
                status,
                render(&label_page(&state, &topic, Some(e.to_string())).await?),
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

async fn save_draft(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let platforms: Vec<String> = fields
        .iter()
        .filter(|(n, _)| n == "platform")
        .map(|(_, v)| v.clone())
        .collect();
    let (announcement, date, draft) = (get("announcement"), get("date"), get("draft"));
    let outcome = state
        .app
        .save_topic_draft(&topic, access, &announcement, &date, &draft, &platforms)
        .await
        .map(|()| format!("/programme/own-topic/{id}?done=draft#draft-check"));
    let field = match &outcome {
        Err(e) if e.to_string().contains("announcement date") => "date",
        Err(e) if e.to_string().contains("what the announcement") => "announcement",
        Err(e) if e.to_string().contains("platform") => "platform-x",
        _ => "draft",
    };
    let typed = Typed {
        announcement: Some(announcement),
        date: Some(date),
        draft: Some(draft),
        platforms: Some(platforms),
        ..Typed::default()
    };
    after(&state, &m, topic, access, outcome, field, typed).await
}

#[derive(Deserialize)]
struct CommentForm {
    #[serde(default)]
    body: String,
}

async fn comment(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<CommentForm>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    let outcome = state
        .app
        .comment_on_topic(&topic, access, &reader(&m), &form.body)
        .await
        .map(|()| format!("/programme/own-topic/{id}?done=comment#comments"));
    let typed = Typed {
        comment: form.body,
        ..Typed::default()
    };
    after(&state, &m, topic, access, outcome, "body", typed).await
}

async fn delete_topic(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (topic, access) = open(&state, &m, &id).await?;
    state.app.delete_own_topic(&topic, access).await?;
    Ok(Redirect::to("/programme/transfer?deleted=1").into_response())
}
