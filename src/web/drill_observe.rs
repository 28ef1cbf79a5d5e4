//! An observer of a drill (issue 18): someone the trainer let in by a link of their own
//! (`/observe/{token}`; only the token's hash is stored). They see the trainer's board of that
//! one drill, read-only, and write notes; they cannot move the clock, see other drills or
//! reach any other page. The link works without a session, like the programmes' sign-in links,
//! and the trainer closes it from the drill's page.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::app::drills::review::NoteAuthor;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::trainer::drills::{DrillPage, NoteForm, SPEEDS};

pub async fn observe(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let (observer, drill) = state.app.drill_observer(&token).await?;
    let b = state.app.drill_board(&drill.id).await?;
    let mut page = render(&DrillPage {
        b,
        observer: Some(observer.name),
        notes_action: format!("/observe/{token}/notes"),
        speeds: SPEEDS,
        new_link: None,
    });
    page.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(page)
}

pub async fn note(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Form(form): Form<NoteForm>,
) -> Result<Response, PageError> {
    let (observer, drill) = state.app.drill_observer(&token).await?;
    state
        .app
        .add_drill_note(
            &drill.id,
            NoteAuthor::Observer(&observer),
            Some(&form.inject),
            Some(&form.learner),
            &form.text,
        )
        .await?;
    Ok(Redirect::to(&format!("/observe/{token}#notes")).into_response())
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/observe/{token}", get(observe))
        .route("/observe/{token}/notes", axum::routing::post(note))
}
