//! The pages of a query that explains itself: the tree and variants (on the search page, in a
//! section of their own, and for a monitoring attempt at `/exercises/{id}/explain`), the
//! precision-recall plot beside its table, and comparing up to four queries at
//! `/search/compare`. Geometry and wording only: the figures come from `app::explain`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::AppState;
use super::charts::{HEIGHT, WIDTH};
use super::error::{PageError, render};
use super::learner::Learner;
use super::pages::urlencode;
use super::text::{Span, spans};
use crate::app::CorpusInfo;
use crate::app::explain::{
    BranchCount, Comparison, Explanation, MAX_COMPARED, QueryHelp, VariantScore,
};
use crate::error::{Error, QueryError};
use crate::index::search::Bucket;

/// A branch of the tree as the page lists it.
pub struct TreeRow {
    pub label: String,
    /// The branch as written, when it says more than the label (operators).
    pub text: Option<String>,
    /// `and`, `or`, `not`, `near` or `leaf`, for the style of its label.
    pub kind: &'static str,
    pub has_children: bool,
    pub closes: usize,
    /// "12 documents", "excludes 3 documents", or "not counted".
    pub hits: String,
    /// In an exercise: "5 relevant, 7 false hits, 2 missed".
    pub labelled: Option<String>,
}

fn tree_rows(branches: &[BranchCount]) -> Vec<TreeRow> {
    use crate::query::explain::BranchKind as K;
    branches
        .iter()
        .map(|b| {
            let kind = match b.kind {
                K::And => "and",
                K::Or => "or",
                K::Not => "not",
                K::Near => "near",
                K::Leaf => "leaf",
            };
            let docs = |n: usize| super::text::plural(n as i64, "document", "documents");
            let hits = match (b.hits, b.kind) {
                (None, _) => "not counted".to_string(),
                (Some(n), K::Not) => format!("excludes {}", docs(n)),
                (Some(n), _) => docs(n),
            };
            let labelled = match (b.relevant, b.false_hits, b.misses) {
                (Some(r), Some(f), Some(_)) if b.kind == K::Not => {
                    Some(format!("of them {r} relevant, {f} off-topic"))
                }
                (Some(r), Some(f), Some(m)) => Some(format!(
                    "{r} relevant, {}, {m} missed",
                    super::text::plural(f as i64, "false hit", "false hits")
                )),
                _ => None,
            };
            TreeRow {
                text: (b.kind != K::Leaf && !b.label.starts_with("NOT ") && b.text != b.label)
                    .then(|| b.text.clone()),
                label: b.label.clone(),
                kind,
                has_children: b.has_children,
                closes: b.closes,
                hits,
                labelled,
            }
        })
        .collect()
}

/// A variant as the page lists it.
pub struct VariantRow {
    /// Its number on the plot.
    pub n: usize,
    pub describe: Vec<Span>,
    pub query: String,
    pub hits: usize,
    /// Hits more (+) or fewer (−) than the query.
    pub delta: String,
    pub precision: String,
    pub recall: String,
    pub f1: String,
    /// Better F1 than the query.
    pub pays: bool,
}

fn pct(x: Option<f64>) -> String {
    x.map(|x| format!("{:.0}%", x * 100.0))
        .unwrap_or_else(|| "–".into())
}

fn variant_rows(e: &Explanation) -> Vec<VariantRow> {
    e.variants
        .iter()
        .enumerate()
        .map(|(i, v): (usize, &VariantScore)| VariantRow {
            n: i + 1,
            describe: spans(&v.describe),
            query: v.query.clone(),
            hits: v.hits,
            delta: match v.hits as i64 - e.hits as i64 {
                0 => "same".into(),
                d if d > 0 => format!("+{d}"),
                d => format!("−{}", -d),
            },
            precision: pct(v.precision),
            recall: pct(v.recall),
            f1: v
                .f1
                .map(|f| format!("{f:.2}"))
                .unwrap_or_else(|| "–".into()),
            pays: matches!((v.f1, e.f1), (Some(a), Some(b)) if a > b + 1e-9),
        })
        .collect()
}

/// A point of the precision-recall plot.
pub struct PlotPoint {
    pub x: f32,
    pub y: f32,
    /// The variant's number, or empty for the query itself.
    pub label: String,
    pub is_query: bool,
    pub title: String,
}

/// Recall across, precision up, both 0 to 100%: the query and each variant.
pub struct Plot {
    pub size: u32,
    pub left: u32,
    pub top: u32,
    pub side: u32,
    pub points: Vec<PlotPoint>,
}

const PLOT_SIDE: u32 = 240;
const PLOT_LEFT: u32 = 44;
const PLOT_TOP: u32 = 12;

fn plot(e: &Explanation) -> Option<Plot> {
    let (Some(p), Some(r)) = (e.precision, e.recall) else {
        return None;
    };
    let at = |r: f64, p: f64| {
        (
            PLOT_LEFT as f32 + (r as f32) * PLOT_SIDE as f32,
            PLOT_TOP as f32 + (1.0 - p as f32) * PLOT_SIDE as f32,
        )
    };
    let mut points = Vec::new();
    for (i, v) in e.variants.iter().enumerate() {
        if let (Some(vp), Some(vr)) = (v.precision, v.recall) {
            let (x, y) = at(vr, vp);
            points.push(PlotPoint {
                x,
                y,
                label: (i + 1).to_string(),
                is_query: false,
                title: format!(
                    "Variant {}: precision {}, recall {}",
                    i + 1,
                    pct(Some(vp)),
                    pct(Some(vr))
                ),
            });
        }
    }
    let (x, y) = at(r, p);
    points.push(PlotPoint {
        x,
        y,
        label: String::new(),
        is_query: true,
        title: format!(
            "Your query: precision {}, recall {}",
            pct(Some(p)),
            pct(Some(r))
        ),
    });
    Some(Plot {
        size: PLOT_SIDE + PLOT_LEFT + 28,
        left: PLOT_LEFT,
        top: PLOT_TOP,
        side: PLOT_SIDE,
        points,
    })
}

/// The explanation, ready for the templates (`explain_body.html`).
pub struct ExplainView {
    pub corpus: String,
    pub query: String,
    pub hits: usize,
    pub precision: String,
    pub recall: String,
    pub f1: String,
    pub relevant: Option<usize>,
    pub labelled: bool,
    pub tree: Vec<TreeRow>,
    pub variants: Vec<VariantRow>,
    pub plot: Option<Plot>,
}

impl ExplainView {
    pub fn new(e: &Explanation) -> Self {
        ExplainView {
            corpus: e.corpus.clone(),
            query: e.query.clone(),
            hits: e.hits,
            precision: pct(e.precision),
            recall: pct(e.recall),
            f1: e
                .f1
                .map(|f| format!("{f:.2}"))
                .unwrap_or_else(|| "–".into()),
            relevant: e.relevant,
            labelled: e.relevant.is_some(),
            tree: tree_rows(&e.branches),
            variants: variant_rows(e),
            plot: plot(e),
        }
    }

    /// Runs a variant on the search page.
    pub fn search_link(&self, query: &str) -> String {
        format!(
            "/search?corpus={}&q={}",
            urlencode(&self.corpus),
            urlencode(query)
        )
    }
}

/// "Did you mean" and the capitals fix, with links that run the corrected query.
pub struct HelpView {
    pub suggestions: Vec<(String, String, usize, String)>,
    pub capitalised: Option<(String, String)>,
}

impl HelpView {
    pub fn new(corpus: &str, help: &QueryHelp) -> Self {
        let link = |q: &str| format!("/search?corpus={}&q={}", urlencode(corpus), urlencode(q));
        HelpView {
            suggestions: help
                .suggestions
                .iter()
                .map(|s| {
                    (
                        s.word.clone(),
                        s.instead.clone(),
                        s.documents,
                        link(&s.query),
                    )
                })
                .collect(),
            capitalised: help.capitalised.as_ref().map(|q| (q.clone(), link(q))),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.suggestions.is_empty() && self.capitalised.is_none()
    }
}

// ---- a monitoring attempt explained ------------------------------------------------------

#[derive(Template)]
#[template(path = "exercise_explain.html")]
struct AttemptExplainPage {
    exercise_id: String,
    title: String,
    attempt: String,
    view: ExplainView,
}

#[derive(Deserialize)]
pub struct AttemptForm {
    attempt: Option<String>,
}

pub async fn exercise_explain(
    State(state): State<AppState>,
    learner: Learner,
    Path(id): Path<String>,
    Query(form): Query<AttemptForm>,
) -> Result<Response, PageError> {
    let (explained, attempt) = state
        .app
        .explain_attempt(&learner, &id, form.attempt.as_deref())
        .await?;
    let ex = state.app.exercise(&id)?;
    Ok(render(&AttemptExplainPage {
        exercise_id: id,
        title: ex.title.clone(),
        attempt,
        view: ExplainView::new(&explained),
    }))
}

// ---- queries compared ------------------------------------------------------------------

#[derive(Deserialize)]
pub struct CompareForm {
    corpus: Option<String>,
    q1: Option<String>,
    q2: Option<String>,
    q3: Option<String>,
    q4: Option<String>,
}

/// One series of the comparison chart.
pub struct Series {
    /// 1 to 4: the style (colour and dash) of its line and key.
    pub n: usize,
    pub query: String,
    pub total: usize,
    pub points: String,
    pub top_sources: Vec<(String, usize)>,
    pub search_link: String,
}

pub struct CompareChart {
    pub width: u32,
    pub height: u32,
    pub plot_height: u32,
    pub max: usize,
    pub unit: &'static str,
    pub series: Vec<Series>,
    /// Bucket labels with each query's count, for the table.
    pub rows: Vec<(String, Vec<usize>)>,
    pub ticks: Vec<(f32, String)>,
}

fn compare_chart(c: &Comparison) -> CompareChart {
    let plot_height = HEIGHT - 20;
    let n = c.buckets.len().max(1);
    let max = c
        .queries
        .iter()
        .flat_map(|q| q.volume.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let step = if n > 1 {
        WIDTH as f32 / (n - 1) as f32
    } else {
        0.0
    };
    let x = |i: usize| {
        if n > 1 {
            i as f32 * step
        } else {
            WIDTH as f32 / 2.0
        }
    };
    let y = |v: usize| plot_height as f32 - (v as f32 / max as f32) * (plot_height as f32 - 6.0);
    let series = c
        .queries
        .iter()
        .enumerate()
        .map(|(i, q)| Series {
            n: i + 1,
            query: q.query.clone(),
            total: q.total,
            points: q
                .volume
                .iter()
                .enumerate()
                .map(|(j, v)| format!("{:.1},{:.1}", x(j), y(*v)))
                .collect::<Vec<_>>()
                .join(" "),
            top_sources: q.top_sources.clone(),
            search_link: format!(
                "/search?corpus={}&q={}",
                urlencode(&c.corpus),
                urlencode(&q.query)
            ),
        })
        .collect();
    let label = |at: &DateTime<Utc>| match c.bucket {
        Bucket::Hour => at.format("%a %-d %b %H:00").to_string(),
        Bucket::Day => at.format("%a %-d %b %Y").to_string(),
        Bucket::Week => format!("week of {}", at.format("%-d %b %Y")),
    };
    let rows = c
        .buckets
        .iter()
        .enumerate()
        .map(|(j, at)| {
            (
                label(at),
                c.queries
                    .iter()
                    .map(|q| q.volume.get(j).copied().unwrap_or(0))
                    .collect(),
            )
        })
        .collect();
    let every = (n / 6).max(1);
    let ticks = c
        .buckets
        .iter()
        .enumerate()
        .filter(|(j, _)| j % every == 0)
        .map(|(j, at)| {
            (
                x(j).min(WIDTH as f32 - 60.0),
                match c.bucket {
                    Bucket::Hour => at.format("%-d %b %H:00").to_string(),
                    _ => at.format("%-d %b").to_string(),
                },
            )
        })
        .collect();
    CompareChart {
        width: WIDTH,
        height: HEIGHT,
        plot_height,
        max,
        unit: match c.bucket {
            Bucket::Hour => "hour",
            Bucket::Day => "day",
            Bucket::Week => "week",
        },
        series,
        rows,
        ticks,
    }
}

#[derive(Template)]
#[template(path = "search_compare.html")]
struct ComparePage {
    corpora: Vec<CorpusInfo>,
    corpus: String,
    /// The four boxes, blank ones included.
    boxes: Vec<String>,
    error: Option<QueryError>,
    chart: Option<CompareChart>,
    /// Query numbers and shared documents, for each pair.
    overlaps: Vec<(usize, usize, usize)>,
}

pub async fn compare(
    State(state): State<AppState>,
    Query(form): Query<CompareForm>,
) -> Result<Response, PageError> {
    let corpora = state.app.corpora().await?;
    let corpus = super::pages::chosen_corpus(form.corpus, &corpora);
    let boxes: Vec<String> = [form.q1, form.q2, form.q3, form.q4]
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect();
    debug_assert_eq!(boxes.len(), MAX_COMPARED);
    let mut page = ComparePage {
        corpora,
        corpus: corpus.clone(),
        boxes: boxes.clone(),
        error: None,
        chart: None,
        overlaps: Vec::new(),
    };
    if boxes.iter().all(|b| b.trim().is_empty()) {
        return Ok(render(&page));
    }
    match state.app.compare(&corpus, &boxes).await {
        Ok(c) => {
            page.overlaps = c
                .overlaps
                .iter()
                .map(|o| (o.a + 1, o.b + 1, o.shared))
                .collect();
            page.chart = Some(compare_chart(&c));
            Ok(render(&page))
        }
        Err(Error::Query(e)) => {
            page.error = Some(e);
            let mut response = render(&page);
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}
