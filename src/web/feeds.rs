//! The trainer's Live feeds page: each corpus's feeds with their status in plain words, and
//! forms (POST, no JavaScript) to add a feed, import an OPML list or the starter list, fetch
//! now, remove a feed, and download the list as OPML. Fetching itself is the poller's job:
//! "Fetch now" makes feeds due, so one fetcher keeps every site to one request at a time.

use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::error::{PageError, render};
use super::session::Trainer;
use crate::app::App;
use crate::app::feeds::{self, AddFeed};
use crate::error::Error;
use crate::error::FieldError;
use crate::store::feeds::{FeedRecord, FeedStatus, parse_timestamp};

/// Who may manage live feeds: the trainer in classroom mode; the one user of a self-learner
/// Sandpit (no classroom) is their own trainer.
pub struct FeedManager;

impl axum::extract::FromRequestParts<AppState> for FeedManager {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if !state.app.config.classroom {
            return Ok(FeedManager);
        }
        Trainer::from_request_parts(parts, state)
            .await
            .map(|_| FeedManager)
    }
}

/// One feed as the page shows it.
pub struct Row {
    pub id: String,
    pub label: String,
    pub url: String,
    pub articles: bool,
    /// "Working", "Failing", "Not fetched yet".
    pub status: &'static str,
    /// `pass`, `fail` or empty, for the tag's colour.
    pub tag: &'static str,
    pub detail: String,
    pub last_success: String,
    pub failures: i64,
    pub items_added: i64,
    pub last_added: i64,
    pub next_fetch: String,
    pub notes: Vec<String>,
}

pub struct Group {
    pub corpus: String,
    pub rows: Vec<Row>,
}

/// What the add-a-feed form held, so it comes back filled in after an error.
#[derive(Default, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    pub corpus: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub articles: Option<String>,
    #[serde(default)]
    pub interval: Option<String>,
}

#[derive(Template)]
#[template(path = "feeds.html")]
struct FeedsPage {
    groups: Vec<Group>,
    corpora: Vec<String>,
    notice: Option<String>,
    /// (field id, message), in the order of the form.
    errors: Vec<(String, String)>,
    form: AddForm,
    /// Which form the errors belong to: `add`, `import` or `starter`.
    failed_form: &'static str,
    intervals: Vec<(i64, &'static str)>,
    starter_count: usize,
}

impl FeedsPage {
    fn error_for(&self, id: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, m)| m.as_str())
    }

    /// The interval the form shows: what was sent, else the default.
    fn selected_interval(&self) -> i64 {
        self.form
            .interval
            .as_deref()
            .and_then(|i| i.parse().ok())
            .unwrap_or(feeds::DEFAULT_INTERVAL_MINUTES)
    }
}

const INTERVALS: &[(i64, &str)] = &[
    (15, "every 15 minutes"),
    (30, "every 30 minutes"),
    (60, "every hour"),
    (180, "every 3 hours"),
    (360, "every 6 hours"),
    (1440, "once a day"),
];

fn when(t: Option<&str>) -> String {
    t.and_then(parse_timestamp)
        .map(|t| t.format("%-d %b, %H:%M UTC").to_string())
        .unwrap_or_else(|| "never".into())
}

fn row(f: FeedRecord) -> Row {
    let (status, tag, detail) = match f.last_status {
        FeedStatus::Ok => (
            "Working",
            "pass",
            format!(
                "Last fetch: {} new, {} updated.",
                f.last_added, f.last_replaced
            ),
        ),
        FeedStatus::NotModified => (
            "Working",
            "pass",
            "Unchanged since the fetch before.".to_string(),
        ),
        FeedStatus::Error => ("Failing", "fail", f.last_error.clone()),
        FeedStatus::New => ("Not fetched yet", "", String::new()),
    };
    Row {
        label: f.label().to_string(),
        id: f.id,
        url: f.url,
        articles: f.fetch_articles,
        status,
        tag,
        detail,
        last_success: when(f.last_success_at.as_deref()),
        failures: f.consecutive_failures,
        items_added: f.items_added,
        last_added: f.last_added,
        next_fetch: when(Some(&f.next_fetch_at)),
        notes: f
            .last_notes
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
    }
}

async fn page(
    app: &App,
    notice: Option<String>,
    errors: Vec<(String, String)>,
    form: AddForm,
    failed_form: &'static str,
) -> Result<FeedsPage, Error> {
    let mut groups: Vec<Group> = Vec::new();
    for f in app.store.feeds(None).await? {
        let corpus = f.corpus.clone();
        match groups.last_mut() {
            Some(g) if g.corpus == corpus => g.rows.push(row(f)),
            _ => groups.push(Group {
                corpus,
                rows: vec![row(f)],
            }),
        }
    }
    let corpora = app
        .store
        .corpora()
        .await?
        .into_iter()
        .map(|c| c.name)
        .collect();
    let starter_count = feeds::starter_opml()
        .and_then(|s| crate::ingest::opml::parse(s.as_bytes(), "starter").ok())
        .map(|l| l.feeds.len())
        .unwrap_or(0);
    Ok(FeedsPage {
        groups,
        corpora,
        notice,
        errors,
        form,
        failed_form,
        intervals: INTERVALS.to_vec(),
        starter_count,
    })
}

/// The outcome of the last action, carried through the redirect as a code and a count so
/// that no text from a link is echoed onto the page.
#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
    n: Option<usize>,
    skipped: Option<usize>,
}

fn notice(done: &Done) -> Option<String> {
    let n = done.n.unwrap_or(0);
    let s = |n: usize| if n == 1 { "" } else { "s" };
    Some(match done.done.as_deref()? {
        "added" => "Feed added. Sandpit fetches it within a few seconds; refresh this page to see how it went.".into(),
        "exists" => "That corpus already has this feed.".into(),
        "imported" => {
            let skipped = done.skipped.unwrap_or(0);
            let mut m = format!("{n} feed{} added from the list.", s(n));
            if skipped > 0 {
                m.push_str(&format!(
                    " {skipped} entr{} could not be used.",
                    if skipped == 1 { "y" } else { "ies" }
                ));
            }
            m.push_str(" Sandpit fetches new feeds within a few seconds.");
            m
        }
        "queued" => format!(
            "{n} feed{} will be fetched within a few seconds. Refresh this page to see how it went.",
            s(n)
        ),
        "removed" => "Feed removed. Its items stay in the corpus.".into(),
        _ => return None,
    })
}

/// GET /feeds
pub async fn show(
    _who: FeedManager,
    State(state): State<AppState>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let page = page(
        &state.app,
        notice(&done),
        Vec::new(),
        AddForm::default(),
        "",
    )
    .await?;
    Ok(render(&page))
}

fn see_other(query: &str) -> Response {
    Redirect::to(&format!("/feeds?{query}")).into_response()
}

async fn with_errors(
    app: &App,
    errors: Vec<(String, String)>,
    form: AddForm,
    failed_form: &'static str,
) -> Result<Response, PageError> {
    let page = page(app, None, errors, form, failed_form).await?;
    Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
}

fn field_id(e: &FieldError, form: &str) -> String {
    format!("{form}-{}", e.field)
}

/// POST /feeds/add
pub async fn add(
    _who: FeedManager,
    State(state): State<AppState>,
    Form(form): Form<AddForm>,
) -> Result<Response, PageError> {
    let interval = form.interval.as_deref().and_then(|i| i.parse::<i64>().ok());
    let req = AddFeed {
        corpus: form.corpus.trim().to_string(),
        url: form.url.trim().to_string(),
        title: form.title.clone(),
        fetch_articles: form.articles.is_some(),
        interval_minutes: interval,
    };
    let errors = feeds::check_add(&state.app, &req);
    if !errors.is_empty() {
        let errors = errors
            .iter()
            .map(|e| (field_id(e, "add"), e.message.clone()))
            .collect();
        return with_errors(&state.app, errors, form, "add").await;
    }
    let (_, created) = feeds::add_feed(&state.app, req).await?;
    Ok(see_other(if created {
        "done=added"
    } else {
        "done=exists"
    }))
}

/// POST /feeds/import (multipart: `corpus` and the `opml` file)
pub async fn import(
    _who: FeedManager,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let mut corpus = String::new();
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| Error::invalid(format!("the upload could not be read: {e}")))?
    {
        match field.name() {
            Some("corpus") => {
                corpus = field
                    .text()
                    .await
                    .map_err(|e| Error::invalid(format!("the upload could not be read: {e}")))?
                    .trim()
                    .to_string();
            }
            Some("opml") => {
                let name = field.file_name().unwrap_or("list.opml").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| Error::invalid(format!("the upload could not be read: {e}")))?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let mut errors = Vec::new();
    if let Err(e) = crate::app::validate_corpus_name(&corpus) {
        errors.push((
            "import-corpus".to_string(),
            if corpus.is_empty() {
                "Enter the name of the corpus the feeds' items go into".to_string()
            } else {
                e.to_string()
            },
        ));
    }
    let file = file.filter(|(_, b)| !b.is_empty());
    if file.is_none() {
        errors.push((
            "import-opml".to_string(),
            "Choose an OPML file (.opml) listing feeds".to_string(),
        ));
    }
    let form = AddForm {
        corpus: corpus.clone(),
        ..AddForm::default()
    };
    let Some((name, bytes)) = file.filter(|_| errors.is_empty()) else {
        return with_errors(&state.app, errors, form, "import").await;
    };
    match feeds::import_opml(&state.app, &corpus, &bytes, &name).await {
        Ok(done) => Ok(see_other(&format!(
            "done=imported&n={}&skipped={}",
            done.added.len(),
            done.problems.len()
        ))),
        Err(Error::Invalid(message)) => {
            with_errors(
                &state.app,
                vec![("import-opml".to_string(), message)],
                form,
                "import",
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct CorpusForm {
    #[serde(default)]
    corpus: String,
}

/// POST /feeds/starter
pub async fn starter(
    _who: FeedManager,
    State(state): State<AppState>,
    Form(form): Form<CorpusForm>,
) -> Result<Response, PageError> {
    let corpus = form.corpus.trim().to_string();
    let keep = AddForm {
        corpus: corpus.clone(),
        ..AddForm::default()
    };
    if let Err(e) = crate::app::validate_corpus_name(&corpus) {
        let message = if corpus.is_empty() {
            "Enter the name of the corpus the feeds' items go into".to_string()
        } else {
            e.to_string()
        };
        return with_errors(
            &state.app,
            vec![("starter-corpus".to_string(), message)],
            keep,
            "starter",
        )
        .await;
    }
    let list = feeds::starter_opml()
        .ok_or_else(|| Error::internal(anyhow::anyhow!("the starter list is missing")))?;
    let done = feeds::import_opml(&state.app, &corpus, list.as_bytes(), "starter.opml").await?;
    Ok(see_other(&format!(
        "done=imported&n={}&skipped={}",
        done.added.len(),
        done.problems.len()
    )))
}

#[derive(Deserialize)]
pub struct FetchForm {
    id: Option<String>,
    corpus: Option<String>,
}

/// POST /feeds/fetch: one feed (`id`) or a corpus's feeds (`corpus`) become due now.
pub async fn fetch(
    _who: FeedManager,
    State(state): State<AppState>,
    Form(form): Form<FetchForm>,
) -> Result<Response, PageError> {
    let id = form.id.filter(|s| !s.is_empty());
    let corpus = form.corpus.filter(|s| !s.is_empty());
    if id.is_none() && corpus.is_none() {
        return Err(Error::invalid("say which feed or corpus to fetch").into());
    }
    let n = state
        .app
        .store
        .make_feeds_due(corpus.as_deref(), id.as_deref())
        .await?;
    Ok(see_other(&format!("done=queued&n={n}")))
}

#[derive(Deserialize)]
pub struct IdForm {
    #[serde(default)]
    id: String,
}

/// POST /feeds/remove
pub async fn remove(
    _who: FeedManager,
    State(state): State<AppState>,
    Form(form): Form<IdForm>,
) -> Result<Response, PageError> {
    if !state.app.store.remove_feed(&form.id).await? {
        return Err(Error::not_found(
            "that feed is not on the list (perhaps it was removed already)",
        )
        .into());
    }
    Ok(see_other("done=removed"))
}

/// GET /feeds/export.opml
pub async fn export(
    _who: FeedManager,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    let text = feeds::export_opml(&state.app, None).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/x-opml; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"sandpit-feeds.opml\"",
            ),
        ],
        text,
    )
        .into_response())
}
