//! The trainer's own drill scenarios (issue 18): `/trainer/scenarios` lists the uploaded ones
//! and takes a new file (multipart, field `file`); each can be deleted while no drill plays it.
//! In classroom mode the page is the trainer's; on localhost without `--classroom` the
//! self-learner is their own trainer and uses it too. The rules are in
//! `app::drills::uploaded`; this file turns HTTP into those calls.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Multipart, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use crate::app::drills::uploaded::{
    MAX_SCENARIO_BYTES, MAX_UPLOADED_POSTS, ScenarioUploaded, thousands,
};
use crate::error::Error;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::session::Trainer;

/// Who uploads: the trainer (classroom mode) or the self-learner on localhost (`local`).
pub struct ScenarioAuthor(pub &'static str);

impl FromRequestParts<AppState> for ScenarioAuthor {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if !state.app.config.classroom {
            return Ok(ScenarioAuthor("local"));
        }
        Trainer::from_request_parts(parts, state)
            .await
            .map(|_| ScenarioAuthor("trainer"))
    }
}

/// An uploaded scenario in the list.
pub struct ScenarioLine {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub posts: usize,
    pub file_name: String,
    pub uploaded_at: String,
    /// Drills made of it: it can be neither replaced nor deleted.
    pub drills: usize,
}

#[derive(Template)]
#[template(path = "trainer_scenarios.html")]
struct ScenariosPage {
    scenarios: Vec<ScenarioLine>,
    /// Where drills are made: the trainer's drills page, or the self-learner's.
    drills_page: &'static str,
    /// `1 MB`.
    max_size: String,
    /// `50,000`.
    max_posts: String,
    done: Option<ScenarioUploaded>,
    problems: Vec<String>,
}

impl ScenariosPage {
    fn failed(&self) -> bool {
        !self.problems.is_empty()
    }

    fn count(&self, n: &usize) -> String {
        thousands(*n)
    }
}

async fn page(
    state: &AppState,
    author: &ScenarioAuthor,
    done: Option<ScenarioUploaded>,
    problems: Vec<String>,
) -> Result<Response, PageError> {
    let app = &state.app;
    let mut scenarios = Vec::new();
    for p in app.playable_scenarios().await? {
        let Some(u) = &p.uploaded else { continue };
        scenarios.push(ScenarioLine {
            id: p.scenario.id.clone(),
            title: p.scenario.title.clone(),
            minutes: p.scenario.minutes,
            posts: p.stream.len(),
            file_name: u.file_name.clone(),
            uploaded_at: u.at.get(..16).unwrap_or_default().replace('T', " "),
            drills: app.store.drills_of_scenario(&p.scenario.id).await?.len(),
        });
    }
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((
        status,
        render(&ScenariosPage {
            scenarios,
            drills_page: if author.0 == "local" {
                "/drills"
            } else {
                "/trainer/drills"
            },
            max_size: format!("{} MB", MAX_SCENARIO_BYTES / (1024 * 1024)),
            max_posts: thousands(MAX_UPLOADED_POSTS),
            done,
            problems,
        }),
    )
        .into_response())
}

async fn list(
    author: ScenarioAuthor,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    page(&state, &author, None, Vec::new()).await
}

/// A file name to show: the last part of what the browser sent, printable and short.
fn shown_name(name: Option<&str>) -> String {
    let base = name
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(100).collect();
    if cleaned.trim().is_empty() {
        "scenario.toml".into()
    } else {
        cleaned
    }
}

async fn upload(
    author: ScenarioAuthor,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let too_big = |e: axum::extract::multipart::MultipartError| {
        Error::invalid(format!(
            "the upload did not arrive whole ({}); a scenario file may be at most 1 MB",
            e.body_text()
        ))
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart.next_field().await.map_err(too_big)? {
        if field.name() == Some("file") {
            let name = shown_name(field.file_name());
            let bytes = field.bytes().await.map_err(too_big)?;
            if !bytes.is_empty() {
                file = Some((name, bytes.to_vec()));
            }
        }
    }
    let Some((name, bytes)) = file else {
        let problems = vec!["Choose a scenario file (.toml) to upload".to_string()];
        return page(&state, &author, None, problems).await;
    };
    match state.app.upload_scenario(&name, bytes, author.0).await? {
        Ok(done) => page(&state, &author, Some(done), Vec::new()).await,
        Err(problems) => page(&state, &author, None, problems).await,
    }
}

async fn delete(
    _author: ScenarioAuthor,
    State(state): State<AppState>,
    Path(scenario): Path<String>,
) -> Result<Response, PageError> {
    state.app.delete_uploaded_scenario(&scenario).await?;
    Ok(Redirect::to("/trainer/scenarios").into_response())
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/trainer/scenarios",
            get(list)
                .post(upload)
                .layer(DefaultBodyLimit::max(MAX_SCENARIO_BYTES + 64 * 1024)),
        )
        .route("/trainer/scenarios/{scenario}/delete", post(delete))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_shown_without_their_folders() {
        assert_eq!(shown_name(Some("C:\\drills\\harbour.toml")), "harbour.toml");
        assert_eq!(shown_name(Some("../x/flood\n.toml")), "flood.toml");
        assert_eq!(shown_name(None), "scenario.toml");
    }
}
