//! The composer page: the form, and the result the server renders under it. Works without
//! JavaScript (the form posts); with it, the page's script asks for the result fragment alone.

use askama::Template;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::view::{ExerciseRef, ResultView, thousands};
use super::*;
use crate::catalog::exercises::Task;
use crate::compose::{Platform, Profile};
use crate::error::Error;
use crate::web::AppState;
use crate::web::error::render;

pub struct PlatformChoice {
    pub id: &'static str,
    pub name: &'static str,
    /// "63,206"
    pub limit: String,
    pub checked: bool,
}

pub struct PackChoice {
    pub id: String,
    pub name: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "compose.html")]
pub struct ComposePage {
    pub text: String,
    pub platforms: Vec<PlatformChoice>,
    pub packs: Vec<PackChoice>,
    pub text_error: Option<String>,
    pub platform_error: Option<String>,
    pub result: Option<ResultView>,
    pub exercise: Option<ExerciseRef>,
}

impl ComposePage {
    fn has_errors(&self) -> bool {
        self.text_error.is_some() || self.platform_error.is_some()
    }

    /// The error summary's links, in the order of the form.
    fn error_links(&self) -> Vec<(String, String)> {
        let platform = self
            .platform_error
            .iter()
            .map(|e| ("platform-x".to_string(), e.clone()));
        let text = self
            .text_error
            .iter()
            .map(|e| ("text".to_string(), e.clone()));
        platform.chain(text).collect()
    }
}

fn page(text: String, platforms: &[Platform], packs: &[String]) -> Result<ComposePage, Error> {
    Ok(ComposePage {
        text,
        platforms: Platform::ALL
            .iter()
            .map(|&p| PlatformChoice {
                id: p.id(),
                name: p.name(),
                limit: thousands(p.default_limit()),
                checked: platforms.contains(&p),
            })
            .collect(),
        packs: builtin_packs()?
            .iter()
            .map(|p| PackChoice {
                id: p.id.clone(),
                name: p.name.clone(),
                checked: packs.contains(&p.id),
            })
            .collect(),
        text_error: None,
        platform_error: None,
        result: None,
        exercise: None,
    })
}

#[derive(Deserialize)]
pub struct ComposeQuery {
    exercise: Option<String>,
}

/// `GET /compose`: the empty composer (X and both packs chosen), or set up for a rewrite
/// exercise with `?exercise=ID` (its press release as the starting text, its platforms and packs).
pub async fn page_get(
    State(state): State<AppState>,
    Query(q): Query<ComposeQuery>,
) -> Result<Response, crate::web::error::PageError> {
    let all_packs: Vec<String> = builtin_packs()?.iter().map(|p| p.id.clone()).collect();
    let catalog = state.app.catalog();
    let exercise = q.exercise.as_deref().filter(|id| !id.is_empty()).map(|id| {
        catalog
            .get(id)
            .ok_or_else(|| Error::not_found(format!("there is no exercise {id:?}")))
    });
    let mut p = match exercise.transpose()? {
        Some(ex) => match &ex.task {
            Task::Rewrite(r) => {
                let platforms: Vec<Platform> =
                    r.platforms.iter().filter_map(|p| p.parse().ok()).collect();
                let packs: Vec<String> = r
                    .rules
                    .iter()
                    .filter(|id| all_packs.contains(id))
                    .cloned()
                    .collect();
                let mut p = page(r.source_text.clone(), &platforms, &packs)?;
                p.exercise = Some(ExerciseRef {
                    id: ex.id.clone(),
                    title: ex.title.clone(),
                });
                p
            }
            _ => {
                return Err(Error::invalid(format!(
                    "exercise {:?} is not a rewrite exercise, so it has no draft to compose",
                    ex.id
                ))
                .into());
            }
        },
        None => page(String::new(), &[Platform::X], &all_packs)?,
    };
    if !p.platforms.iter().any(|c| c.checked)
        && let Some(x) = p.platforms.first_mut()
    {
        x.checked = true;
    }
    Ok(render(&p))
}

/// The composer form as posted: the draft, the platforms and packs ticked, and what is wrong
/// with it (the same for the page and for the result fragment).
struct Draft {
    text: String,
    platforms: Vec<Platform>,
    packs: Vec<String>,
    /// Over the size Sandpit checks: the draft is not sent back either (the page would be as big).
    too_big: bool,
    /// The body was too big to read at all (answered 413, not 400).
    unread: bool,
    text_error: Option<String>,
    platform_error: Option<String>,
}

impl Draft {
    /// Reads the form body. Repeated keys (one per ticked box) are why it is parsed here and not
    /// with `Form`.
    fn read(body: Result<Bytes, BytesRejection>) -> Result<Draft, Error> {
        let all_packs: Vec<String> = builtin_packs()?.iter().map(|p| p.id.clone()).collect();
        let body = match body {
            Ok(b) => b,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Ok(Draft {
                    text: String::new(),
                    platforms: vec![Platform::X],
                    packs: all_packs,
                    too_big: true,
                    unread: true,
                    text_error: Some(body_too_big_message()),
                    platform_error: None,
                });
            }
            Err(e) => return Err(Error::invalid(format!("cannot read the form: {e}"))),
        };
        let mut text = String::new();
        let mut ids: Vec<String> = Vec::new();
        let mut packs: Vec<String> = Vec::new();
        for (k, v) in url::form_urlencoded::parse(&body) {
            match k.as_ref() {
                "text" => text = v.into_owned(),
                "platforms" => ids.push(v.into_owned()),
                "rules" => packs.push(v.into_owned()),
                _ => {}
            }
        }
        // Browsers send CRLF line ends from a textarea; count what the trainee typed.
        let text = text.replace("\r\n", "\n");
        let mut platforms: Vec<Platform> = Vec::new();
        let mut unknown: Vec<String> = Vec::new();
        for id in &ids {
            match id.parse::<Platform>() {
                Ok(p) if !platforms.contains(&p) => platforms.push(p),
                Ok(_) => {}
                Err(e) => unknown.push(e.to_string()),
            }
        }
        packs.retain(|id| all_packs.contains(id));
        let too_big = text.len() > MAX_DRAFT_BYTES;
        let text_error = if too_big {
            Some(too_big_message(text.len()))
        } else if text.trim().is_empty() {
            Some("Enter your draft post".to_string())
        } else {
            None
        };
        let platform_error = if let Some(e) = unknown.first() {
            Some(format!("Choose from the list: {e}"))
        } else if platforms.is_empty() {
            Some("Choose at least one platform".to_string())
        } else {
            None
        };
        Ok(Draft {
            text: if too_big { String::new() } else { text },
            platforms,
            packs,
            too_big,
            unread: false,
            text_error,
            platform_error,
        })
    }

    fn has_errors(&self) -> bool {
        self.text_error.is_some() || self.platform_error.is_some()
    }

    /// Counts and checks the draft (call only without errors).
    async fn check(&self) -> Result<ResultView, Error> {
        let profiles: Vec<Profile> = self.platforms.iter().map(|p| p.profile()).collect();
        let chosen = packs_named(&self.packs)?;
        let check = run_check(self.text.clone(), profiles, chosen).await?;
        Ok(result_view(&self.text, &check))
    }
}

/// `POST /compose` (the form, for browsers without JavaScript): the same page with the result.
pub async fn page_post(
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, crate::web::error::PageError> {
    let draft = Draft::read(body)?;
    let mut p = page(draft.text.clone(), &draft.platforms, &draft.packs)?;
    p.text_error = draft.text_error.clone();
    p.platform_error = draft.platform_error.clone();
    if draft.has_errors() {
        let status = if draft.unread {
            StatusCode::PAYLOAD_TOO_LARGE
        } else {
            StatusCode::BAD_REQUEST
        };
        return Ok((status, render(&p)).into_response());
    }
    p.result = Some(draft.check().await?);
    Ok(render(&p))
}

/// The result alone, for the page's script to swap in as the trainee types.
#[derive(Template)]
#[template(path = "compose_result.html")]
struct ResultFragment {
    /// The one line under the box (the first platform's count), or what is missing.
    summary: String,
    /// What a screen reader hears once typing pauses.
    said: String,
    r: Option<ResultView>,
}

/// `POST /compose/result`: the composer's form in, the result fragment out. An empty draft or no
/// platform is not an error here: the trainee is still typing, so the fragment is empty and the
/// line under the box says what is missing.
pub async fn result_fragment(
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, crate::web::error::PageError> {
    let draft = Draft::read(body)?;
    let fragment = if let Some(e) = draft.platform_error.clone() {
        ResultFragment {
            said: e.clone(),
            summary: e,
            r: None,
        }
    } else if draft.too_big {
        let e = draft.text_error.clone().unwrap_or_default();
        ResultFragment {
            said: e.clone(),
            summary: e,
            r: None,
        }
    } else if draft.has_errors() {
        ResultFragment {
            summary: String::new(),
            said: String::new(),
            r: None,
        }
    } else {
        let r = draft.check().await?;
        let summary = r
            .counts
            .first()
            .map(|c| format!("{}: {}", c.name, c.message))
            .unwrap_or_default();
        ResultFragment {
            said: format!("{summary}. {}.", r.summary),
            summary,
            r: Some(r),
        }
    };
    Ok(render(&fragment))
}
