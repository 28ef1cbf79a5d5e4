//! The exercise pages: the list, one exercise with its form, hints, feedback on an attempt and the
//! model answer when earned, and the learner's progress. A trainee works on the exercises the
//! trainer chose for their class, and sees a model answer when they pass or at the debrief.

use std::collections::HashMap;

use askama::Template;
use axum::Extension;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::classroom::{ClassItem, answer_text, class_items};
use super::error::{PageError, public_message, render, status_of};
use super::learner::{Learner, learner_of};
use super::session::Who;
use super::text::{Block, blocks, capitalised};
use crate::app::access::{ModelRule, REVEAL_AFTER, not_in_class};
use crate::app::drafts::{ANSWER_MAX, PARTIAL_FIELD, is_empty, read_form};
use crate::app::mastery::{self, passed_words};
use crate::app::practice::NewsItem;
use crate::app::{Answer, App};
use crate::catalog::exercises::{Exercise, Label, Level, Sorting, Task};
use crate::error::{Error, FieldError};
use crate::grade::Grade;
use crate::ingest::Document;
use crate::store::attempts::{Attempt, Standing};

pub struct Row {
    pub ex: Exercise,
    pub standing: Option<Standing>,
}

#[derive(Template)]
#[template(path = "exercises.html")]
struct ListPage {
    groups: Vec<(Level, Vec<Row>)>,
    /// A trainee's list: the exercises of their class, in the trainer's order.
    class: Option<Vec<ClassItem>>,
}

impl ListPage {
    fn score(&self, s: &Option<f64>) -> String {
        crate::web::text::score(*s)
    }
}

pub async fn list(State(state): State<AppState>, learner: Learner) -> Result<Response, PageError> {
    if let Some(class_id) = &learner.class_id {
        let items = class_items(&state.app, class_id, &learner.id).await?;
        return Ok(render(&ListPage {
            groups: Vec::new(),
            class: Some(items),
        }));
    }
    let standings: HashMap<String, Standing> = state
        .app
        .store
        .standings(&learner.id)
        .await?
        .into_iter()
        .map(|s| (s.exercise_id.clone(), s))
        .collect();
    let catalog = state.app.catalog();
    let groups = crate::catalog::exercises::by_level(&catalog.exercises)
        .into_iter()
        .map(|(level, exs)| {
            (
                level,
                exs.into_iter()
                    .map(|e| Row {
                        standing: standings.get(&e.id).cloned(),
                        ex: e.clone(),
                    })
                    .collect(),
            )
        })
        .collect();
    Ok(render(&ListPage {
        groups,
        class: None,
    }))
}

/// One document of a triage exercise, shown in full.
pub struct TriageDoc {
    pub doc: Document,
    pub given: Option<Label>,
    /// Who the trainee sends it to, if escalated.
    pub route: Option<String>,
    /// Left unsorted in an answer the page is asking about again.
    pub unsorted: bool,
}

/// One earlier attempt in the page's history.
pub struct HistoryRow {
    pub id: String,
    /// 1 for the first attempt.
    pub number: usize,
    /// "2026-12-06 at 14:05" (UTC).
    pub made: String,
    pub score: Option<f64>,
    pub passed: bool,
    /// The start of the answer, to tell attempts apart.
    pub preview: String,
    /// This attempt's feedback is the one shown.
    pub shown: bool,
}

/// 63206 → "63,206".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// One box of a rewrite's form: the post for one platform.
pub struct PostBox {
    /// The platform id, as the exercise names it (and the field's name, `post:<id>`).
    pub id: String,
    /// The box's element id: `answer` for the first (where the page's error summary and the
    /// links to the answer point), `post-<id>` for the others.
    pub dom_id: String,
    /// "LinkedIn"
    pub name: String,
    /// "3,000 characters"
    pub limit: String,
    pub text: String,
}

/// The boxes of a rewrite's form, filled from `in_box`: one post a platform, or (an attempt made
/// before one post a platform) a single post, which goes in its platform's box.
fn post_boxes(ex: &Exercise, in_box: Option<&Answer>) -> Vec<PostBox> {
    let Task::Rewrite(r) = &ex.task else {
        return Vec::new();
    };
    r.platforms
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let platform = id.parse::<crate::compose::Platform>().ok();
            let text = match in_box {
                Some(Answer::Posts { posts }) => posts.get(id).cloned().unwrap_or_default(),
                Some(Answer::Post { platform, text })
                    if platform.as_deref() == Some(id.as_str())
                        || (i == 0
                            && platform.as_ref().is_none_or(|p| !r.platforms.contains(p))) =>
                {
                    text.clone()
                }
                _ => String::new(),
            };
            let (name, limit) = match platform {
                Some(p) => {
                    let c = crate::compose::count("", p.profile());
                    (
                        p.name().to_string(),
                        format!("{} {}", thousands(c.limit), c.unit),
                    )
                }
                None => (id.clone(), String::new()),
            };
            PostBox {
                dom_id: if i == 0 {
                    "answer".to_string()
                } else {
                    format!("post-{id}")
                },
                id: id.clone(),
                name,
                limit,
                text,
            }
        })
        .collect()
}

/// Why a submission (or a hint, or the model answer) was refused, shown beside the draft.
pub struct Refusal {
    pub title: String,
    pub message: String,
    /// The id of the field the message is about, for the error summary's link.
    pub field: String,
}

#[derive(Template)]
#[template(path = "exercise.html")]
struct ExercisePage {
    ex: Exercise,
    brief: Vec<Block>,
    source: Vec<Block>,
    hints: Vec<String>,
    hints_left: usize,
    attempts: usize,
    answer: String,
    /// The box holds words not submitted yet (kept from a refusal, a hint or a reveal).
    unsent: bool,
    /// A rewrite's boxes, one a platform.
    post_boxes: Vec<PostBox>,
    /// The exercise's built-in rule packs, for the live check beside each box.
    live_rules: Vec<String>,
    triage_docs: Vec<TriageDoc>,
    /// Posts left unsorted in the answer the page asks about again (triage).
    unsorted: usize,
    partial_field: &'static str,
    labels: [Label; 3],
    attempt: Option<Attempt>,
    grade: Option<Grade>,
    grade_error: Option<String>,
    /// Earlier attempts, newest first.
    history: Vec<HistoryRow>,
    /// Why the last thing sent was refused.
    refusal: Option<Refusal>,
    /// After a pass: the exercise to go on to, or None when nothing is left to pass.
    next_ex: Option<Exercise>,
    passed_ever: bool,
    can_reveal: bool,
    show_model: bool,
    model_rule: ModelRule,
    reveal_after: usize,
    /// False when the trainer has closed the exercise, or taken it out of the class.
    takes_attempts: bool,
    /// Why, for a trainee, the exercise takes no attempts.
    closed: Option<&'static str>,
    /// For a trainee: what the trainer shares of this exercise, and the class's news version
    /// (for the live notice's script).
    news: Option<NewsItem>,
    news_version: Option<String>,
    answer_max: usize,
    /// This rendering's key, sent back with the answer form so that the form arriving twice
    /// stores one attempt (`App::submit_once`).
    submission: String,
    /// Monitoring feedback: the query written for the tool the trainee chose (`to`).
    dialect: super::dialect::DialectPanel,
}

impl ExercisePage {
    fn pct(&self, x: &f64) -> String {
        format!("{:.0}%", x * 100.0)
    }

    /// The name of the `i`-th platform of a rewrite (its model answer's), or "".
    fn platform_name(&self, i: impl std::borrow::Borrow<usize>) -> String {
        self.post_boxes
            .get(*i.borrow())
            .map(|b| b.name.clone())
            .unwrap_or_default()
    }

    /// The feedback shown is on the latest attempt.
    fn shows_latest(&self) -> bool {
        self.history.first().is_some_and(|h| h.shown)
    }

    /// How many things the trainer shares of this exercise.
    fn shared_count(&self, n: &NewsItem) -> usize {
        n.shared + usize::from(n.model_shared)
    }
}

#[derive(Deserialize)]
pub struct ShowQuery {
    attempt: Option<String>,
    /// "Write it for": a tool to show the attempt's query for (`web/dialect.rs`).
    to: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    learner: Learner,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let mut page = exercise_page(&state.app, &learner, &id, q.attempt.as_deref(), None).await?;
    if let (Task::Monitor(_), Some(a)) = (&page.ex.task, &page.attempt) {
        page.dialect = super::dialect::DialectPanel::new(&answer_text(&a.answer), q.to.as_deref());
    }
    Ok(render(&page))
}

/// When an attempt was made, as the page says it.
fn made_at(created_at: &str) -> String {
    created_at
        .get(..16)
        .unwrap_or_default()
        .replace('T', " at ")
}

/// The exercise page of `learner`: the feedback on `attempt_id` (else on the latest attempt),
/// the history, hints, the model answer when open, and in the box the words they were working
/// on: `sent` (a refused submission, with why), else their kept draft, else the attempt's.
async fn exercise_page(
    app: &App,
    learner: &Learner,
    id: &str,
    attempt_id: Option<&str>,
    sent: Option<(Option<Answer>, Refusal)>,
) -> crate::error::Result<ExercisePage> {
    let ex = app.exercise(id)?;
    let history = app.store.attempts(&learner.id, Some(id)).await?;
    let class = app.in_class(learner, id).await?;
    if class.is_some_and(|c| !c.may_open(history.len())) {
        return Err(not_in_class());
    }
    let exercise_state = app.store.exercise_state(&learner.id, id).await?;
    let attempt = match attempt_id {
        Some(aid) => Some(
            history
                .iter()
                .find(|a| a.id == aid)
                .cloned()
                .ok_or_else(|| Error::not_found("no such attempt of yours"))?,
        ),
        // Hints and the model answer open beside the latest feedback, not instead of it.
        None => history.last().cloned(),
    };
    // The grade recorded when the attempt was submitted.
    let (grade, grade_error) = match &attempt {
        None => (None, None),
        Some(a) => match app.feedback(&ex, a).await? {
            Ok(g) => (Some(g), None),
            Err(ungraded) => (None, Some(capitalised(&ungraded.to_string()))),
        },
    };
    let latest = history.last().map(|a| a.created_at.as_str());
    let (refusal, draft) = match sent {
        Some((Some(answer), refusal)) => (Some(refusal), Some(answer)),
        Some((None, refusal)) => (Some(refusal), app.draft(learner, &ex, latest).await?),
        None => (None, app.draft(learner, &ex, latest).await?),
    };
    let unsent = draft.is_some();
    let refusal_shown = refusal.is_some();
    let in_box = draft.or_else(|| {
        attempt
            .as_ref()
            .map(|a| Answer::from_stored(&ex, &a.answer))
    });
    let post_boxes = post_boxes(&ex, in_box.as_ref());
    let (answer, given) = match in_box {
        Some(Answer::Text(t)) => (t, Sorting::default()),
        Some(Answer::Post { text, .. }) => (text, Sorting::default()),
        Some(Answer::Posts { .. }) => (String::new(), Sorting::default()),
        Some(Answer::Labels(l)) => (String::new(), l),
        None => (String::new(), Sorting::default()),
    };
    let live_rules = match &ex.task {
        Task::Rewrite(r) => {
            let builtin: Vec<String> = crate::compose::packs::builtin_shared()
                .map(|packs| packs.iter().map(|p| p.id.clone()).collect())
                .unwrap_or_default();
            r.rules
                .iter()
                .filter(|id| builtin.contains(id))
                .cloned()
                .collect()
        }
        _ => Vec::new(),
    };
    // a refused sorting with posts left: the page marks them and offers to count it as it stands
    let asking = refusal_shown && !given.is_empty();
    let triage_docs = match &ex.task {
        Task::Triage(t) => {
            let mut docs = Vec::new();
            for item in &t.items {
                if let Ok(doc) = app.document(&t.corpus, &item.id).await {
                    docs.push(TriageDoc {
                        given: given.labels.get(&item.id).copied(),
                        route: given.routes.get(&item.id).cloned(),
                        unsorted: asking && !given.labels.contains_key(&item.id),
                        doc,
                    });
                }
            }
            docs
        }
        _ => Vec::new(),
    };
    let source = match &ex.task {
        Task::Rewrite(r) => blocks(&r.source_text),
        _ => Vec::new(),
    };
    let passed_ever = history.iter().any(|a| a.passed == Some(true));
    let shown = (exercise_state.hints_shown.max(0) as usize).min(ex.hints.len());
    let shown_passed = attempt.as_ref().is_some_and(|a| a.passed == Some(true));
    let next_ex = if shown_passed {
        app.next_exercise(learner, id).await?
    } else {
        None
    };
    let history_rows: Vec<HistoryRow> = history
        .iter()
        .enumerate()
        .rev()
        .map(|(i, a)| HistoryRow {
            id: a.id.clone(),
            number: i + 1,
            made: made_at(&a.created_at),
            score: a.score,
            passed: a.passed == Some(true),
            preview: preview(&answer_text(&a.answer)),
            shown: attempt.as_ref().is_some_and(|s| s.id == a.id),
        })
        .collect();
    let (news, news_version) = match &learner.class_id {
        Some(class_id) => {
            let news = app.class_news(class_id).await?;
            (news.item(id).cloned(), Some(news.version))
        }
        None => (None, None),
    };
    let model_rule = ModelRule::of(class.as_ref());
    Ok(ExercisePage {
        brief: blocks(&ex.brief),
        source,
        hints: ex.hints[..shown].to_vec(),
        hints_left: ex.hints.len() - shown,
        attempts: history.len(),
        answer,
        unsent,
        post_boxes,
        live_rules,
        unsorted: triage_docs.iter().filter(|d| d.unsorted).count(),
        partial_field: PARTIAL_FIELD,
        triage_docs,
        labels: Label::ALL,
        attempt,
        grade,
        grade_error,
        history: history_rows,
        refusal,
        next_ex,
        passed_ever,
        can_reveal: model_rule.may_reveal(history.len(), passed_ever),
        show_model: passed_ever
            || exercise_state.model_revealed
            || class.is_some_and(|c| c.model_shared),
        model_rule,
        reveal_after: REVEAL_AFTER,
        takes_attempts: class.is_none_or(|c| c.takes_attempts()),
        closed: class.and_then(|c| c.closed()),
        news,
        news_version,
        answer_max: ANSWER_MAX,
        submission: crate::app::submission_key(),
        dialect: Default::default(),
        ex,
    })
}

/// The first line of an answer, cut to a length a list can show.
fn preview(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let cut: String = line.chars().take(80).collect();
    if cut.len() < text.trim_end().len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The fields of a form body, read leniently: bad percent-escapes and bytes that are not UTF-8
/// become replacement characters instead of refusing the whole form (and the answer with it).
fn fields_of(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// True when the form carried an answer (the exercise's own form, not a bare button).
fn carries_answer(fields: &[(String, String)]) -> bool {
    fields.iter().any(|(k, _)| {
        k == "answer"
            || k.starts_with("label:")
            || k.starts_with("route:")
            || k.starts_with("post:")
    })
}

/// The field a refusal's message links to: the answer box, or the first post to sort.
fn answer_field(ex: &Exercise) -> String {
    match &ex.task {
        Task::Triage(t) => t
            .items
            .first()
            .map(|i| format!("l-{}-{}", i.id, Label::ALL[0].id()))
            .unwrap_or_else(|| "answer-form".into()),
        _ => "answer".into(),
    }
}

/// The refusal of `e` as the page says it.
fn refusal_of(ex: &Exercise, e: &Error) -> Refusal {
    let (title, message) = match e {
        Error::Refused { title, message, .. } => (title.clone(), message.clone()),
        other => (
            "Your answer was not sent".to_string(),
            public_message(other),
        ),
    };
    Refusal {
        title,
        message,
        field: answer_field(ex),
    }
}

/// The request's learner and the form it sent, read so that nothing typed is thrown away.
struct Sent {
    learner: Option<Learner>,
    fields: Vec<(String, String)>,
    /// Why the body itself could not be taken (too large), if so.
    unreadable: Option<Error>,
}

fn sent(
    state: &AppState,
    who: Option<Extension<Who>>,
    body: Result<Bytes, BytesRejection>,
) -> Sent {
    let learner = learner_of(state.app.config.classroom, who.as_ref().map(|w| &w.0));
    match body {
        Ok(bytes) => Sent {
            learner,
            fields: fields_of(&bytes),
            unreadable: None,
        },
        Err(rejection) => Sent {
            learner,
            fields: Vec::new(),
            unreadable: Some(Error::invalid(format!(
                "Sandpit could not read what was sent ({}). Answers are at most 100,000 \
                 characters: shorten yours and submit again.",
                rejection.body_text().to_lowercase().trim_end_matches('.')
            ))),
        },
    }
}

/// The exercise page again, with the learner's answer in the box and why it was refused; kept
/// as their draft too, so reloading the page keeps it. When the page itself cannot be shown
/// (an exercise outside their class, or the database down), a plain page still gives the
/// words back.
async fn refused(
    app: &App,
    learner: &Learner,
    ex: &Exercise,
    answer: Answer,
    carried: bool,
    e: Error,
) -> Response {
    let status = status_of(&e);
    let refusal = refusal_of(ex, &e);
    if carried && let Err(err) = app.keep_draft(learner, &ex.id, &answer).await {
        tracing::error!("keeping a draft failed: {err:#}");
    }
    let message = refusal.message.clone();
    let title = refusal.title.clone();
    let shown = carried.then(|| answer.clone());
    match exercise_page(app, learner, &ex.id, None, Some((shown, refusal))).await {
        Ok(page) => (status, render(&page)).into_response(),
        Err(_) => draft_page(DraftPage {
            status,
            title,
            message,
            ex: Some(ex.clone()),
            draft: carried
                .then(|| answer_text(&answer.stored()))
                .filter(|d| !d.trim().is_empty()),
            carry: None,
            errors: Vec::new(),
            code: String::new(),
            name: String::new(),
        }),
    }
}

/// The answer form's hidden field that carries the page's submission key.
const SUBMISSION_FIELD: &str = "submission";

pub async fn submit(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let sent = sent(&state, who, body);
    let app = &state.app;
    let Some(ex) = id.ok().and_then(|Path(id)| app.exercise(&id).ok()) else {
        return unknown_exercise(&sent.fields);
    };
    let read = read_form(&ex, &sent.fields);
    let Some(learner) = sent.learner else {
        return session_ended(&ex, &read.answer);
    };
    // A body that could not be read carries nothing: the kept draft stays as it was.
    let carried = sent.unreadable.is_none();
    if let Some(e) = sent.unreadable.or(read.problem) {
        return refused(app, &learner, &ex, read.answer, carried, e).await;
    }
    let key = sent
        .fields
        .iter()
        .find(|(k, _)| k == SUBMISSION_FIELD)
        .map(|(_, v)| v.as_str());
    match app
        .submit_once(&learner, &ex.id, read.answer.clone(), key)
        .await
    {
        Ok(submitted) => Redirect::to(&format!(
            "/exercises/{}?attempt={}#feedback",
            super::pages::urlencode(&ex.id),
            submitted.attempt_id
        ))
        .into_response(),
        Err(e) => refused(app, &learner, &ex, read.answer, true, e).await,
    }
}

/// A hint or the model answer: the page's answer form is sent with the button, so the words in
/// the box are kept as the learner's draft and are there when the page comes back.
async fn open_help(
    state: AppState,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
    hint: bool,
) -> Response {
    let sent = sent(&state, who, body);
    let app = &state.app;
    let Some(ex) = id.ok().and_then(|Path(id)| app.exercise(&id).ok()) else {
        return unknown_exercise(&sent.fields);
    };
    let read = read_form(&ex, &sent.fields);
    let carried = carries_answer(&sent.fields);
    let Some(learner) = sent.learner else {
        return session_ended(&ex, &read.answer);
    };
    let opened = if hint {
        app.unlock_hint(&learner, &ex.id).await
    } else {
        app.reveal_model(&learner, &ex.id).await
    };
    if let Err(e) = opened {
        return refused(app, &learner, &ex, read.answer, carried, e).await;
    }
    if carried && let Err(e) = app.keep_draft(&learner, &ex.id, &read.answer).await {
        return PageError(e).into_response();
    }
    Redirect::to(&format!(
        "/exercises/{}#{}",
        super::pages::urlencode(&ex.id),
        if hint { "hints" } else { "model" }
    ))
    .into_response()
}

pub async fn hint(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    open_help(state, who, id, body, true).await
}

pub async fn reveal(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    open_help(state, who, id, body, false).await
}

/// The page that gives back an answer when the exercise page cannot be shown: the session has
/// ended (a join form carries the answer back to the exercise), or the exercise is unknown.
#[derive(Template)]
#[template(path = "draft_kept.html")]
pub struct DraftPage {
    status: StatusCode,
    title: String,
    message: String,
    ex: Option<Exercise>,
    /// The answer as text, to read and copy.
    draft: Option<String>,
    /// The answer as stored, carried through joining again (None: no join form).
    carry: Option<String>,
    errors: Vec<FieldError>,
    code: String,
    name: String,
}

impl DraftPage {
    fn error_links(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|e| (e.field.to_string(), e.message.clone()))
            .collect()
    }

    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

fn draft_page(page: DraftPage) -> Response {
    let status = page.status;
    let mut response = (status, render(&page)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Nobody is signed in on this browser any more (the session expired, the trainee left in
/// another tab, the server's data was replaced): the answer is shown to copy, and joining again
/// from this page puts it back in the exercise's box.
pub fn session_ended(ex: &Exercise, answer: &Answer) -> Response {
    let stored = (!is_empty(answer)).then(|| answer.stored());
    draft_page(DraftPage {
        status: StatusCode::UNAUTHORIZED,
        title: "Join the class again to send your answer".into(),
        message: "This computer is no longer signed in to the class (you may have left in \
                  another tab, or the session ended), so your answer was not sent. It is \
                  below: join again and it goes back in the box, ready to submit."
            .into(),
        draft: stored.as_deref().map(answer_text),
        carry: Some(stored.unwrap_or_default()),
        ex: Some(ex.clone()),
        errors: Vec::new(),
        code: String::new(),
        name: String::new(),
    })
}

fn unknown_exercise(fields: &[(String, String)]) -> Response {
    // The answer box, else a rewrite's posts (each under its platform's field name).
    let draft = fields
        .iter()
        .find(|(k, _)| k == "answer")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            let posts: Vec<String> = fields
                .iter()
                .filter(|(k, v)| k.starts_with("post:") && !v.trim().is_empty())
                .map(|(k, v)| format!("{}: {v}", &k["post:".len()..]))
                .collect();
            (!posts.is_empty()).then(|| posts.join("\n\n"))
        });
    draft_page(DraftPage {
        status: StatusCode::NOT_FOUND,
        title: "There is no such exercise".into(),
        message: "Sandpit has no exercise at this address, so your answer was not sent. \
                  Copy it from below, then choose the exercise from the list."
            .into(),
        draft,
        carry: None,
        ex: None,
        errors: Vec::new(),
        code: String::new(),
        name: String::new(),
    })
}

/// The fields the session-ended page adds to the join form.
#[derive(Deserialize, Default)]
pub struct Carried {
    /// The exercise to go back to.
    #[serde(default)]
    pub exercise: Option<String>,
    /// The answer as stored.
    #[serde(default)]
    pub draft: Option<String>,
}

/// After joining from the session-ended page: the carried answer becomes the trainee's draft
/// of the exercise, and the exercise is where they go. None when nothing was carried.
pub async fn after_join(app: &App, token: &str, carried: &Carried) -> Option<String> {
    let ex = app.exercise(carried.exercise.as_deref()?).ok()?;
    if let Some(draft) = carried.draft.as_deref().filter(|d| !d.trim().is_empty())
        && let Ok(Some(owner)) = app.store.session(token).await
        && let Some(learner) = learner_of(
            true,
            Some(&Who {
                owner,
                token: token.to_string(),
            }),
        )
    {
        let answer = Answer::from_stored(&ex, draft);
        if let Err(e) = app.keep_draft(&learner, &ex.id, &answer).await {
            tracing::error!("keeping a carried draft failed: {e:#}");
        }
    }
    Some(format!(
        "/exercises/{}#answer-form",
        super::pages::urlencode(&ex.id)
    ))
}

/// Joining from the session-ended page was refused: the same page again, with the reasons and
/// the answer still carried.
pub fn rejoin_refused(
    app: &App,
    carried: &Carried,
    code: String,
    name: String,
    errors: Vec<FieldError>,
) -> Option<Response> {
    let ex = app.exercise(carried.exercise.as_deref()?).ok()?;
    let stored = carried.draft.clone().unwrap_or_default();
    let answer = Answer::from_stored(&ex, &stored);
    Some(draft_page(DraftPage {
        status: StatusCode::BAD_REQUEST,
        title: "Join the class again to send your answer".into(),
        message: "Your answer was not sent. It is below: join again and it goes back in the \
                  box, ready to submit."
            .into(),
        draft: (!is_empty(&answer)).then(|| answer_text(&answer.stored())),
        carry: Some(stored),
        ex: Some(ex),
        errors,
        code,
        name,
    }))
}

pub struct ProgressRow {
    pub title: String,
    pub id: String,
    pub level: &'static str,
    pub attempts: i64,
    pub best: Option<f64>,
    pub passed: bool,
    /// "Passed" or "Passed with 2 hints".
    pub passed_words: String,
}

pub struct Dot {
    pub x: f32,
    pub y: f32,
    pub label: String,
    pub passed: bool,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressPage {
    name: String,
    /// A trainee's figures count the exercises of their class.
    in_class: bool,
    rows: Vec<ProgressRow>,
    done: usize,
    total: usize,
    dots: Vec<Dot>,
    line: String,
    attempts: usize,
    /// Passes counted with hints taken into account (`app::mastery`), e.g. "3.75".
    mastery: String,
}

pub async fn progress(
    State(state): State<AppState>,
    learner: Learner,
) -> Result<Response, PageError> {
    let catalog = state.app.catalog();
    let standings = state.app.store.standings(&learner.id).await?;
    let attempts = state.app.store.attempts(&learner.id, None).await?;
    let rows: Vec<ProgressRow> = standings
        .iter()
        .filter_map(|s| {
            let ex = catalog.get(&s.exercise_id)?;
            Some(ProgressRow {
                title: ex.title.clone(),
                id: ex.id.clone(),
                level: ex.level.name(),
                attempts: s.attempts,
                best: s.best,
                passed: s.passed,
                passed_words: passed_words(s.hints_at_pass),
            })
        })
        .collect();
    let mastery = mastery::mastery(&standings);
    let graded: Vec<&Attempt> = attempts.iter().filter(|a| a.score.is_some()).collect();
    let n = graded.len().max(2) as f32 - 1.0;
    let dots: Vec<Dot> = graded
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let score = a.score.unwrap_or(0.0) as f32;
            Dot {
                x: 20.0 + 600.0 * i as f32 / n,
                y: 150.0 - 1.3 * score,
                label: format!(
                    "{} on {}: {:.0}",
                    catalog
                        .get(&a.exercise_id)
                        .map(|e| e.title.as_str())
                        .unwrap_or(&a.exercise_id),
                    a.created_at.get(..10).unwrap_or_default(),
                    score
                ),
                passed: a.passed == Some(true),
            }
        })
        .collect();
    let line = dots
        .iter()
        .map(|d| format!("{:.1},{:.1}", d.x, d.y))
        .collect::<Vec<_>>()
        .join(" ");
    // A trainee counts against the exercises of their class, not the whole catalogue.
    let (done, total) = match &learner.class_id {
        Some(class_id) => {
            let chosen = state.app.store.class_exercises(class_id).await?;
            let passed = chosen
                .iter()
                .filter(|ce| rows.iter().any(|r| r.passed && r.id == ce.exercise_id))
                .count();
            (passed, chosen.len())
        }
        None => (
            rows.iter().filter(|r| r.passed).count(),
            catalog.exercises.len(),
        ),
    };
    Ok(render(&ProgressPage {
        in_class: learner.class_id.is_some(),
        name: learner.name,
        done,
        total,
        rows,
        attempts: graded.len(),
        dots,
        line,
        mastery: format!("{mastery:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
    }))
}
