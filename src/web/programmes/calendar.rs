//! The plan's deadlines as a calendar (docs/programmes.md, "Calendar"): a file to download
//! (`/programme/calendar.ics`), and a private address a calendar program subscribes to
//! (`/calendar/{token}.ics`, no session: the address is the key), made and stopped on
//! `/programme/calendar`. The rules are `app::plans::calendar`'s.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use super::ProgrammeMember;
use crate::app::plans::calendar::Deadline;
use crate::error::Error;
use crate::web::AppState;
use crate::web::download::attachment;
use crate::web::error::{PageError, render};
use crate::web::ics;
use crate::web::trainer::join_base;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/programme/calendar.ics", get(download))
        .route("/programme/calendar", get(page).post(change))
        .route("/calendar/{file}", get(subscribed))
}

/// The deadlines as an iCalendar file: one all-day event an assignment, on its due date, with a
/// UID that stays the same whatever changes, so a calendar updates its events.
fn ics_response(
    state: &AppState,
    headers: &HeaderMap,
    name: &str,
    deadlines: &[Deadline],
    download: bool,
) -> Response {
    let base = join_base(state, headers);
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or("sandpit")
        .split(['/', ':'])
        .next()
        .unwrap_or("sandpit")
        .to_string();
    let events: Vec<ics::Event> = deadlines
        .iter()
        .map(|d| ics::Event {
            uid: format!("plan-{}@{host}", d.assignment),
            sequence: d.revision,
            date: d.due_on,
            summary: d.goal_words.clone(),
            description: format!(
                "Week {} of your Sandpit plan{}. {}. Open the exercise: {base}/exercises/{}",
                d.week,
                d.skill
                    .as_ref()
                    .map(|s| format!(", {s}"))
                    .unwrap_or_default(),
                if d.done {
                    "Done"
                } else {
                    "Due by the end of the day"
                },
                d.exercise_id
            ),
            url: Some(format!("{base}/exercises/{}", d.exercise_id)),
        })
        .collect();
    let body = ics::calendar(&format!("Sandpit plan: {name}"), &events, state.app.now());
    const CALENDAR: &str = "text/calendar; charset=utf-8";
    if download {
        return attachment(body, CALENDAR, "sandpit-plan.ics");
    }
    (
        [
            (header::CONTENT_TYPE, CALENDAR),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

async fn download(
    member: ProgrammeMember,
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let deadlines = state.app.deadlines(&member.learner).await?;
    Ok(ics_response(
        &state,
        &headers,
        &member.name,
        &deadlines,
        true,
    ))
}

/// A calendar program's request for a private address: `{token}.ics`.
async fn subscribed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let token = file.strip_suffix(".ics").unwrap_or("");
    let owner = state.app.calendar_owner(token).await?;
    let deadlines = state.app.deadlines(&owner.learner).await?;
    Ok(ics_response(
        &state,
        &headers,
        &owner.name,
        &deadlines,
        false,
    ))
}

#[derive(Template)]
#[template(path = "programme_calendar.html")]
struct CalendarPage {
    /// When the live address was made (`7 December 2026`), if there is one.
    made: Option<String>,
    /// The address just made: shown this once.
    address: Option<String>,
    stopped: bool,
}

async fn page_for(
    state: &AppState,
    member: &ProgrammeMember,
    address: Option<String>,
    stopped: bool,
) -> Result<CalendarPage, Error> {
    let made = state
        .app
        .store
        .calendar_link_made(&member.learner)
        .await?
        .map(|at| {
            chrono::DateTime::parse_from_rfc3339(&at)
                .map(|t| t.format("%-d %B %Y").to_string())
                .unwrap_or(at)
        });
    Ok(CalendarPage {
        made,
        address,
        stopped,
    })
}

async fn page(
    member: ProgrammeMember,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    Ok(render(&page_for(&state, &member, None, false).await?))
}

#[derive(Deserialize)]
struct ChangeForm {
    #[serde(default)]
    action: String,
}

async fn change(
    member: ProgrammeMember,
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<ChangeForm>,
) -> Result<Response, PageError> {
    match form.action.as_str() {
        "make" => {
            let token = state
                .app
                .make_calendar_address(&member.learner, &member.name)
                .await?;
            let address = format!("{}/calendar/{token}.ics", join_base(&state, &headers));
            Ok(render(
                &page_for(&state, &member, Some(address), false).await?,
            ))
        }
        "stop" => {
            state.app.stop_calendar_address(&member.learner).await?;
            Ok(render(&page_for(&state, &member, None, true).await?))
        }
        other => Err(Error::invalid(format!(
            "unknown action {other:?}: make a new address or stop the one you have"
        ))
        .into()),
    }
}
