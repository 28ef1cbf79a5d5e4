//! One exercise's page (docs/design.md, "Module map"): the brief, the form (a query box, a
//! rewrite's boxes one a platform, or a triage's posts to sort), the feedback on an attempt, the
//! history, hints and the model answer when open.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::app::access::{ModelRule, REVEAL_AFTER, shows_model};
use crate::app::drafts::{ANSWER_MAX, PARTIAL_FIELD};
use crate::app::practice::NewsItem;
use crate::app::{Answer, App};
use crate::catalog::exercises::{Exercise, Label, Sorting, Task};
use crate::error::Error;
use crate::grade::Grade;
use crate::ingest::Document;
use crate::store::attempts::Attempt;
use crate::web::AppState;
use crate::web::classroom::answer_text;
use crate::web::error::{PageError, render};
use crate::web::learner::Learner;
use crate::web::text::{Block, blocks, capitalised};

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
pub(super) struct ExercisePage {
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
    dialect: crate::web::dialect::DialectPanel,
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
        page.dialect =
            crate::web::dialect::DialectPanel::new(&answer_text(&a.answer), q.to.as_deref());
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
pub(super) async fn exercise_page(
    app: &App,
    learner: &Learner,
    id: &str,
    attempt_id: Option<&str>,
    sent: Option<(Option<Answer>, Refusal)>,
) -> crate::error::Result<ExercisePage> {
    let ex = app.exercise(id)?;
    let (history, class) = app.open_exercise(learner, id).await?;
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
        show_model: shows_model(passed_ever, exercise_state.model_revealed, class),
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
