//! The trainer's cohort pages under `/trainer/programmes` (docs/programmes.md).

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use crate::app::programmes::Added;
use crate::error::Error;
use crate::store::programmes::{CohortSummary, LearnerStatus};
use crate::web::error::{PageError, render};
use crate::web::session::Trainer;
use crate::web::trainer::join_base;
use crate::web::{AppState, csv};

/// The largest CSV file of names taken: thousands of rows with emails and teams.
const CSV_MAX: usize = 1024 * 1024;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/trainer/programmes",
            get(programmes_home).post(create_cohort),
        )
        .route("/trainer/programmes/{cohort}", get(cohort_page))
        .route("/trainer/programmes/{cohort}/learners", post(add_learners))
        .route(
            "/trainer/programmes/{cohort}/learners/{learner}/link",
            post(reissue_link),
        )
        .route("/trainer/programmes/{cohort}/links.csv", post(export_links))
}

#[derive(Template)]
#[template(path = "programmes_home.html")]
struct HomePage {
    cohorts: Vec<CohortSummary>,
}

async fn programmes_home(
    _t: Trainer,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    Ok(render(&HomePage {
        cohorts: state.app.store.cohorts().await?,
    }))
}

#[derive(Deserialize)]
struct CohortForm {
    #[serde(default)]
    title: String,
}

async fn create_cohort(
    _t: Trainer,
    State(state): State<AppState>,
    Form(form): Form<CohortForm>,
) -> Result<Response, PageError> {
    let cohort = state.app.create_cohort(&form.title).await?;
    Ok(Redirect::to(&format!("/trainer/programmes/{}", cohort.id)).into_response())
}

#[derive(Template)]
#[template(path = "programmes_cohort.html")]
struct CohortPage {
    id: String,
    title: String,
    learners: Vec<LearnerStatus>,
    problems: Vec<String>,
    names: String,
    sign_in_url: String,
}

impl CohortPage {
    fn status(&self, l: &LearnerStatus) -> String {
        let day = |at: &str| at.get(..16).unwrap_or_default().replace('T', " ");
        match (&l.last_seen_at, l.passphrase_set, &l.link_used_at) {
            (_, true, None) => "New link not used yet (passphrase set before)".into(),
            (Some(seen), true, _) => format!("Passphrase set · last seen {}", day(seen)),
            (None, true, _) => "Passphrase set".into(),
            (_, false, _) => match &l.link_issued_at {
                Some(at) => format!("Link not used yet (issued {})", day(at)),
                None => "No link".into(),
            },
        }
    }
}

async fn cohort_view(
    state: &AppState,
    headers: &HeaderMap,
    id: &str,
    problems: Vec<String>,
    names: String,
) -> Result<CohortPage, PageError> {
    let cohort = state
        .app
        .store
        .cohort(id)
        .await?
        .ok_or_else(|| PageError(Error::not_found("There is no such cohort")))?;
    Ok(CohortPage {
        id: cohort.id,
        title: cohort.title,
        learners: state.app.store.cohort_learners(id).await?,
        problems,
        names,
        sign_in_url: format!("{}/learn/sign-in", join_base(state, headers)),
    })
}

async fn cohort_page(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    Ok(render(
        &cohort_view(&state, &headers, &id, Vec::new(), String::new()).await?,
    ))
}

/// New links, shown to the trainer once (only their hashes are kept).
#[derive(Template)]
#[template(path = "programmes_links.html")]
struct LinksPage {
    cohort_id: String,
    cohort_title: String,
    heading: String,
    links: Vec<(String, String)>,
}

async fn add_learners(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let mut names = String::new();
    let mut csv: Option<(String, String)> = None;
    let bad = |m: String| PageError(Error::invalid(m));
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(format!("The form could not be read: {e}")))?
    {
        match field.name().unwrap_or_default() {
            "names" => {
                names = field
                    .text()
                    .await
                    .map_err(|e| bad(format!("The names could not be read: {e}")))?;
            }
            "csv" => {
                let file = field.file_name().unwrap_or("the CSV file").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| bad(format!("{file} could not be read: {e}")))?;
                if bytes.is_empty() {
                    continue;
                }
                if bytes.len() > CSV_MAX {
                    return Err(bad(format!("{file} is larger than 1 MB: split it")));
                }
                let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
                    bad(format!(
                        "{file} is not UTF-8 text (byte {}): save it as \"CSV UTF-8\"",
                        e.utf8_error().valid_up_to() + 1
                    ))
                })?;
                csv = Some((file, text));
            }
            _ => {}
        }
    }
    let csv_ref = csv.as_ref().map(|(f, t)| (f.as_str(), t.as_str()));
    match state.app.add_learners(&id, &names, csv_ref).await? {
        Added::Learners(added) => {
            let cohort = state.app.store.cohort(&id).await?;
            let base = join_base(&state, &headers);
            Ok(render(&LinksPage {
                cohort_id: id,
                cohort_title: cohort.map(|c| c.title).unwrap_or_default(),
                heading: format!(
                    "{} learner{} added",
                    added.len(),
                    if added.len() == 1 { "" } else { "s" }
                ),
                links: added
                    .into_iter()
                    .map(|(l, token)| (l.name, format!("{base}/learn/{token}")))
                    .collect(),
            }))
        }
        Added::Problems(problems) => {
            let problems = problems.iter().map(|p| p.message.clone()).collect();
            let page = cohort_view(&state, &headers, &id, problems, names).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
    }
}

async fn reissue_link(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((cohort, learner)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (l, token) = state.app.reissue_learner_link(&cohort, &learner).await?;
    let title = state
        .app
        .store
        .cohort(&cohort)
        .await?
        .map(|c| c.title)
        .unwrap_or_default();
    Ok(render(&LinksPage {
        cohort_id: cohort,
        cohort_title: title,
        heading: format!("A new link for {}", l.name),
        links: vec![(
            l.name,
            format!("{}/learn/{token}", join_base(&state, &headers)),
        )],
    }))
}

/// The links as CSV for a mail merge: `name,email,team,link,status`. Links are stored only as
/// hashes, so the export issues new links to the learners who have not set a passphrase yet
/// (their earlier, unused links stop working); learners who have set one sign in at the
/// sign-in address and get no link.
async fn export_links(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    if state.app.store.cohort(&id).await?.is_none() {
        return Err(PageError(Error::not_found("There is no such cohort")));
    }
    let base = join_base(&state, &headers);
    let mut out = String::from("name,email,team,link,status\r\n");
    for l in state.app.store.cohort_learners(&id).await? {
        let (link, status) = if l.passphrase_set {
            (
                format!("{base}/learn/sign-in"),
                "passphrase set: sign in with your name and passphrase",
            )
        } else {
            let (_, token) = state.app.reissue_learner_link(&id, &l.id).await?;
            (
                format!("{base}/learn/{token}"),
                "new: open the link and choose a passphrase",
            )
        };
        let row: [&str; 5] = [&l.name, &l.email, &l.team, &link, status];
        out.push_str(&csv::line(&row));
    }
    Ok(csv::download(&out, "programme-links.csv"))
}
