//! Who is in a class, on the trainer's screen: each trainee with their rejoin word (to let
//! someone back in), renaming, merging two trainees and removing one (merging and removing
//! ask first), and the holds on the ways in, each with a Clear button. Every action comes back
//! to this page with a note of what was done, which takes the keyboard focus.

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::app::trainees::HoldView;
use crate::error::Error;
use crate::store::classroom::{Class, TraineeIdentity};
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::pages::urlencode;
use crate::web::session::Trainer;
use crate::web::text::plural;

#[derive(Template)]
#[template(path = "trainer_trainees.html")]
struct TraineesPage {
    class: Class,
    trainees: Vec<TraineeIdentity>,
    holds: Vec<HoldView>,
    /// What was just done, for the note that takes the focus.
    done: Option<String>,
    /// Where the note goes: "trainees" or "holds".
    done_at: &'static str,
    /// Wrong codes an address may send before it is held.
    max_guesses: usize,
}

impl TraineesPage {
    /// The others a trainee may be merged into.
    fn others(&self, id: &str) -> Vec<&TraineeIdentity> {
        self.trainees.iter().filter(|t| t.id != id).collect()
    }
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
    /// The trainee the action was about (renamed, or merged into).
    t: Option<String>,
}

pub async fn trainees_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let trainees = store.trainee_identities(&class.id).await?;
    let holds = state.app.holds(&class.id).await?;
    let named = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| trainees.iter().find(|t| t.id == id))
            .map(|t| t.name.clone())
    };
    // Only fixed sentences and names from the database: nothing from the address is echoed.
    let (done, done_at) = match q.done.as_deref() {
        Some("renamed") => match named(&q.t) {
            Some(name) => (
                Some(format!("Renamed: this trainee is now {name}.")),
                "trainees",
            ),
            None => (None, "trainees"),
        },
        Some("merged") => match named(&q.t) {
            Some(name) => (
                Some(format!(
                    "Merged: {name} now has the attempts of both, and the other name is gone."
                )),
                "trainees",
            ),
            None => (None, "trainees"),
        },
        Some("removed") => (
            Some("Removed the trainee and their attempts.".to_string()),
            "trainees",
        ),
        Some("cleared") => (
            Some("Cleared the hold: joining from there works again straight away.".to_string()),
            "holds",
        ),
        _ => (None, "trainees"),
    };
    Ok(render(&TraineesPage {
        class,
        trainees,
        holds,
        done,
        done_at,
        max_guesses: crate::app::classroom::MAX_FAILURES,
    }))
}

/// Back to the trainees page with a note of what was done. No #fragment: a page opened at a
/// fragment skips `autofocus`, and the note (beside what it is about) must take the focus.
fn back(class: &str, done: &str, trainee: Option<&str>) -> Response {
    let t = trainee
        .map(|t| format!("&t={}", urlencode(t)))
        .unwrap_or_default();
    Redirect::to(&format!("/trainer/classes/{class}/trainees?done={done}{t}")).into_response()
}

#[derive(Deserialize)]
pub struct RenameForm {
    #[serde(default)]
    name: String,
}

pub async fn rename(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, trainee)): Path<(String, String)>,
    Form(form): Form<RenameForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    state
        .app
        .rename_trainee(&class.id, &trainee, &form.name)
        .await?;
    Ok(back(&class.id, "renamed", Some(&trainee)))
}

#[derive(Template)]
#[template(path = "trainer_trainee_confirm.html")]
struct ConfirmPage {
    class: Class,
    title: String,
    message: String,
    action: String,
    button: String,
    /// Fields the confirming form sends again.
    fields: Vec<(&'static str, String)>,
}

#[derive(Deserialize)]
pub struct MergeForm {
    #[serde(default)]
    into: String,
    #[serde(default)]
    confirm: String,
}

pub async fn merge(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, trainee)): Path<(String, String)>,
    Form(form): Form<MergeForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    if form.confirm != "yes" {
        let rows = state.app.store.trainee_identities(&class.id).await?;
        let find = |id: &str| rows.iter().find(|t| t.id == id.trim());
        let Some(from) = find(&trainee) else {
            return Err(Error::not_found(format!(
                "No trainee with id {trainee:?} in this class: they may have been merged or removed"
            ))
            .into());
        };
        let Some(into) = find(&form.into).filter(|i| i.id != from.id) else {
            return Err(Error::invalid(format!(
                "Choose another trainee for {} to be merged into",
                from.name
            ))
            .into());
        };
        let page = ConfirmPage {
            title: format!("Merge {} into {}?", from.name, into.name),
            message: format!(
                "{}'s {} will be {}'s, and the name {} goes from the class. Do this when one \
                 person joined twice. It cannot be undone.",
                from.name,
                plural(from.attempts, "attempt", "attempts"),
                into.name,
                from.name
            ),
            action: format!(
                "/trainer/classes/{}/trainees/{}/merge",
                class.id,
                urlencode(&from.id)
            ),
            button: format!("Yes, merge into {}", into.name),
            fields: vec![("into", into.id.clone()), ("confirm", "yes".into())],
            class,
        };
        return Ok(render(&page));
    }
    state
        .app
        .merge_trainees(&class.id, &trainee, &form.into)
        .await?;
    Ok(back(&class.id, "merged", Some(form.into.trim())))
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    confirm: String,
}

pub async fn remove(
    _t: Trainer,
    State(state): State<AppState>,
    Path((id, trainee)): Path<(String, String)>,
    Form(form): Form<RemoveForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    if form.confirm != "yes" {
        let rows = state.app.store.trainee_identities(&class.id).await?;
        let Some(t) = rows.iter().find(|t| t.id == trainee.trim()) else {
            return Err(Error::not_found(format!(
                "No trainee with id {trainee:?} in this class: they may have been merged or removed"
            ))
            .into());
        };
        let page = ConfirmPage {
            title: format!("Remove {}?", t.name),
            message: format!(
                "{} and their {} go from the class, the board and the exports, and any \
                 Chromebook they are signed in on is signed out. It cannot be undone.",
                t.name,
                plural(t.attempts, "attempt", "attempts")
            ),
            action: format!(
                "/trainer/classes/{}/trainees/{}/remove",
                class.id,
                urlencode(&t.id)
            ),
            button: format!("Yes, remove {}", t.name),
            fields: vec![("confirm", "yes".into())],
            class,
        };
        return Ok(render(&page));
    }
    state.app.remove_trainee(&class.id, &trainee).await?;
    Ok(back(&class.id, "removed", None))
}

#[derive(Deserialize)]
pub struct ClearForm {
    #[serde(default)]
    hold: String,
}

pub async fn clear_hold(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ClearForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    state.app.clear_hold(&class.id, &form.hold).await?;
    Ok(back(&class.id, "cleared", None))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/classes/{class}/trainees", get(trainees_page))
        .route(
            "/trainer/classes/{class}/trainees/{trainee}/rename",
            post(rename),
        )
        .route(
            "/trainer/classes/{class}/trainees/{trainee}/merge",
            post(merge),
        )
        .route(
            "/trainer/classes/{class}/trainees/{trainee}/remove",
            post(remove),
        )
        .route("/trainer/classes/{class}/holds/clear", post(clear_hold))
}
