//! A class's settings page (docs/design.md, "Module map"): the join panel with its QR code,
//! opening and closing the class to joins, the exports, who has joined and the evaluations
//! summed up.

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::class::{Done, Notice, notice};
use super::*;
use crate::error::Error;
use crate::store::classroom::{Class, Evaluation, TraineeRow};
use crate::web::AppState;
use crate::web::classroom::{AGREEMENT, EFFECTIVE_QUESTION};
use crate::web::error::{PageError, render};
use crate::web::session::Trainer;

/// The evaluations summed up: how many chose each point of the scale.
pub struct EvaluationSummary {
    pub question: &'static str,
    pub counts: Vec<(&'static str, usize, u32)>,
    pub total: usize,
    pub agree_percent: Option<u32>,
    pub answers: Vec<Evaluation>,
}

fn summarise(evaluations: Vec<Evaluation>) -> EvaluationSummary {
    let total = evaluations.len();
    let mut counts = [0usize; 5];
    for e in &evaluations {
        if let Some(c) = usize::try_from(e.effective - 1)
            .ok()
            .and_then(|i| counts.get_mut(i))
        {
            *c += 1;
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    EvaluationSummary {
        question: EFFECTIVE_QUESTION,
        counts: AGREEMENT
            .iter()
            .zip(counts)
            .map(|(w, c)| (*w, c, (c * 100 / max) as u32))
            .collect(),
        total,
        agree_percent: (total > 0).then(|| ((counts[3] + counts[4]) * 100 / total) as u32),
        answers: evaluations,
    }
}

#[derive(Template)]
#[template(path = "trainer_settings.html")]
struct SettingsPage {
    class: Class,
    join_url: String,
    trainees: Vec<TraineeRow>,
    evaluation: EvaluationSummary,
    notice: Option<Notice>,
}

/// The class's settings: the join panel with its QR code, open or closed to joins, the
/// exports, who has joined and the evaluations.
pub async fn settings_page(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(done): Query<Done>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let (notice, _) = notice(&done, &[]);
    Ok(render(&SettingsPage {
        join_url: format!("{}/join?code={}", join_base(&state, &headers), class.code),
        trainees: store.trainees(&class.id).await?,
        evaluation: summarise(store.evaluations(&class.id).await?),
        notice,
        class,
    }))
}

pub async fn class_qr(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    let url = format!("{}/join?code={}", join_base(&state, &headers), class.code);
    let svg =
        qr_svg(&url).ok_or_else(|| Error::invalid("the join address is too long for a QR code"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        svg,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    open: String,
    /// `settings` to come back to the settings page; else the console.
    #[serde(default)]
    back: String,
}

pub async fn set_open(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<OpenForm>,
) -> Result<Response, PageError> {
    let class = state.app.store.require_class(&id).await?;
    state
        .app
        .store
        .set_class_open(&class.id, form.open == "1")
        .await?;
    let done = if form.open == "1" {
        "reopened"
    } else {
        "closed"
    };
    let page = if form.back == "settings" {
        "/settings"
    } else {
        ""
    };
    Ok(Redirect::to(&format!("/trainer/classes/{}{page}?done={done}", class.id)).into_response())
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/classes/{class}/qr.svg", get(class_qr))
        .route("/trainer/classes/{class}/settings", get(settings_page))
        .route("/trainer/classes/{class}/open", post(set_open))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluation_summary_counts_agreement() {
        let e = |effective| Evaluation {
            effective,
            do_differently: String::new(),
            comments: String::new(),
            submitted_at: String::new(),
        };
        let s = summarise(vec![e(5), e(4), e(2), e(9)]);
        assert_eq!(s.total, 4);
        assert_eq!(s.agree_percent, Some(50));
        assert_eq!(s.counts[4].1, 1);
        assert_eq!(s.counts[1].1, 1);
        assert_eq!(summarise(Vec::new()).agree_percent, None);
    }
}
