//! What the buttons of a class's console do (docs/design.md, "Module map"): the exercises'
//! order and locks, releasing them to everyone at once, and sharing answers for the debrief.
//! Each comes back to the console with a confirmation (`?done=…`) and focus on its button.

use axum::Form;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use serde::Deserialize;

use crate::app::console::{Release, Released};
use crate::error::Error;
use crate::web::AppState;
use crate::web::error::PageError;
use crate::web::pages::urlencode;
use crate::web::session::Trainer;

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

pub fn routes() -> Router<AppState> {
    Router::new()
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
}
