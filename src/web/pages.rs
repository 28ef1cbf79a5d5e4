//! The monitoring pages: home, search and one document. Server-rendered, working without
//! JavaScript; feed text is shown as escaped text only.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use super::AppState;
use super::api::{number, sort_order};
use super::charts::{SourcesChart, VolumeChart};
use super::error::{PageError, render};
use crate::app::{CorpusInfo, SearchParams};
use crate::error::{Error, QueryError};
use crate::index::search::{Fragment, Hit, SortOrder, fragments};
use crate::ingest::Document;
use crate::query::TextField;

pub const PAGE_SIZE: usize = 20;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    corpora: Vec<CorpusInfo>,
    exercises: usize,
    passed: usize,
    tried: usize,
}

pub async fn home(
    State(state): State<AppState>,
    learner: super::learner::Learner,
) -> Result<Response, PageError> {
    let corpora = state.app.corpora().await?;
    let standings = state.app.store.standings(&learner.id).await?;
    Ok(render(&HomePage {
        corpora,
        exercises: state.app.catalog().exercises.len(),
        passed: standings.iter().filter(|s| s.passed).count(),
        tried: standings.len(),
    }))
}

#[derive(Deserialize)]
pub struct SearchForm {
    corpus: Option<String>,
    q: Option<String>,
    page: Option<String>,
    sort: Option<String>,
    /// "1" asks for the query's tree and variants (`explain_body.html`).
    explain: Option<String>,
    /// Hits published in `[from, until)` only (Unix seconds): a bar of the volume chart.
    from: Option<String>,
    until: Option<String>,
    /// "Write it for": a tool to show the query for (`web/dialect.rs`).
    to: Option<String>,
}

/// The query with the character at the error column picked out.
pub struct MarkedQuery {
    pub before: String,
    pub at: String,
    pub after: String,
}

pub fn mark_column(query: &str, column: usize) -> MarkedQuery {
    let chars: Vec<char> = query.chars().collect();
    let i = column.saturating_sub(1).min(chars.len());
    MarkedQuery {
        before: chars[..i].iter().collect(),
        at: chars
            .get(i)
            .map(|c| c.to_string())
            .unwrap_or_else(|| " ".into()),
        after: chars
            .get(i + 1..)
            .map(|r| r.iter().collect())
            .unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    corpora: Vec<CorpusInfo>,
    corpus: String,
    q: String,
    newest: bool,
    error: Option<QueryError>,
    /// The error's hint, with `code` marked.
    hint: Vec<super::text::Span>,
    marked: Option<MarkedQuery>,
    warnings: Vec<String>,
    total: usize,
    hits: Vec<Hit>,
    page: usize,
    pages: usize,
    first: usize,
    volume: Option<VolumeChart>,
    sources: Option<SourcesChart>,
    searched: bool,
    /// The query's tree and variants, when asked for.
    explain: Option<super::explain::ExplainView>,
    /// "Did you mean" and operators in capitals.
    help: super::explain::HelpView,
    /// The time filter of a clicked bar: its bounds and its words.
    window: Option<(i64, i64, String)>,
    dialect: super::dialect::DialectPanel,
}

impl SearchPage {
    fn page_link(&self, page: usize) -> String {
        let mut url = format!(
            "/search?corpus={}&q={}&page={page}",
            urlencode(&self.corpus),
            urlencode(&self.q)
        );
        if self.newest {
            url.push_str("&sort=newest");
        }
        if let Some((from, until, _)) = &self.window {
            url.push_str(&format!("&from={from}&until={until}"));
        }
        if !self.dialect.to.is_empty() {
            url.push_str("&to=");
            url.push_str(&self.dialect.to);
        }
        url
    }

    /// The hits of one bar of the volume chart.
    fn bar_link(&self, from: &i64, until: &i64) -> String {
        let mut url = format!(
            "/search?corpus={}&q={}&from={from}&until={until}",
            urlencode(&self.corpus),
            urlencode(&self.q)
        );
        if self.newest {
            url.push_str("&sort=newest");
        }
        url
    }

    /// The same search without the time filter, or with the explanation.
    fn plain_link(&self) -> String {
        let mut url = format!(
            "/search?corpus={}&q={}",
            urlencode(&self.corpus),
            urlencode(&self.q)
        );
        if self.newest {
            url.push_str("&sort=newest");
        }
        url
    }

    fn explain_link(&self) -> String {
        format!("{}&explain=1#explain", self.plain_link())
    }

    fn compare_link(&self) -> String {
        format!(
            "/search/compare?corpus={}&q1={}",
            urlencode(&self.corpus),
            urlencode(&self.q)
        )
    }

    fn doc_link(&self, id: &str) -> String {
        format!(
            "/doc?corpus={}&id={}&q={}",
            urlencode(&self.corpus),
            urlencode(id),
            urlencode(&self.q)
        )
    }
}

/// The corpus a search form names, or the first one there is when it names none.
pub fn chosen_corpus(named: Option<String>, corpora: &[crate::app::CorpusInfo]) -> String {
    named
        .filter(|c| !c.is_empty())
        .or_else(|| corpora.first().map(|c| c.name.clone()))
        .unwrap_or_default()
}

pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub async fn search(
    State(state): State<AppState>,
    Query(form): Query<SearchForm>,
) -> Result<Response, PageError> {
    let corpora = state.app.corpora().await?;
    let corpus = chosen_corpus(form.corpus, &corpora);
    let q = form.q.unwrap_or_default();
    let order = sort_order(form.sort.as_deref())?;
    let page = number("page", form.page.as_deref(), 1)?.max(1);
    let mut view = SearchPage {
        corpora,
        corpus: corpus.clone(),
        q: q.clone(),
        newest: order == SortOrder::Newest,
        error: None,
        hint: Vec::new(),
        marked: None,
        warnings: Vec::new(),
        total: 0,
        hits: Vec::new(),
        page,
        pages: 0,
        first: 0,
        volume: None,
        sources: None,
        searched: false,
        explain: None,
        help: super::explain::HelpView::new(&corpus, &Default::default()),
        window: None,
        dialect: super::dialect::DialectPanel::new(&q, form.to.as_deref()),
    };
    if q.trim().is_empty() {
        return Ok(render(&view));
    }
    view.searched = true;
    let params = SearchParams {
        corpus: corpus.clone(),
        query: q.clone(),
        order,
        limit: PAGE_SIZE,
        offset: (page - 1).saturating_mul(PAGE_SIZE),
        facets: true,
    };
    let window = time_window(form.from.as_deref(), form.until.as_deref())?;
    let outcome = match window {
        Some((from, until)) => state.app.search_window(params, from, until).await,
        None => state.app.search(params).await,
    };
    view.window = window.map(|(from, until)| (from, until, window_words(from, until)));
    if outcome.is_ok() || matches!(outcome, Err(Error::Query(_))) {
        view.help =
            super::explain::HelpView::new(&corpus, &state.app.query_help(&corpus, &q).await?);
    }
    if outcome.is_ok() && form.explain.as_deref() == Some("1") {
        let explained = state.app.explain_search(&corpus, &q).await?;
        view.explain = Some(super::explain::ExplainView::new(&explained));
    }
    match outcome {
        Ok(outcome) => {
            let r = outcome.results;
            view.warnings = outcome.warnings;
            view.total = r.total;
            view.pages = r.total.div_ceil(PAGE_SIZE);
            view.first = (page - 1) * PAGE_SIZE + 1;
            view.volume = VolumeChart::new(&r.volume);
            view.sources = SourcesChart::new(&r.top_sources);
            view.hits = r.hits;
            Ok(render(&view))
        }
        Err(Error::Query(e)) => {
            view.marked = Some(mark_column(&q, e.column));
            view.hint = e
                .hint
                .as_deref()
                .map(super::text::spans)
                .unwrap_or_default();
            view.error = Some(e);
            let mut response = render(&view);
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// The time filter of the search page, both bounds or neither.
fn time_window(from: Option<&str>, until: Option<&str>) -> Result<Option<(i64, i64)>, Error> {
    let read = |name: &str, v: &str| {
        v.trim().parse::<i64>().map_err(|_| {
            Error::invalid(format!(
                "`{name}` must be a time in seconds since 1970 (as the chart's links give), not {v:?}"
            ))
        })
    };
    match (
        from.filter(|v| !v.is_empty()),
        until.filter(|v| !v.is_empty()),
    ) {
        (None, None) => Ok(None),
        (Some(f), Some(u)) => {
            let (f, u) = (read("from", f)?, read("until", u)?);
            if f >= u {
                return Err(Error::invalid(format!(
                    "the time filter ends (`until` {u}) before it starts (`from` {f})"
                )));
            }
            Ok(Some((f, u)))
        }
        _ => Err(Error::invalid(
            "give both `from` and `until` for a time filter, or neither",
        )),
    }
}

/// A time filter in words: "Mon 3 Mar 2025 09:00 to 10:00 UTC".
fn window_words(from: i64, until: i64) -> String {
    use chrono::{TimeZone, Utc};
    let (Some(f), Some(u)) = (
        Utc.timestamp_opt(from, 0).single(),
        Utc.timestamp_opt(until, 0).single(),
    ) else {
        return format!("{from} to {until}");
    };
    if f.date_naive() == u.date_naive() {
        format!(
            "{} to {} UTC",
            f.format("%a %-d %b %Y %H:%M"),
            u.format("%H:%M")
        )
    } else {
        format!(
            "{} to {} UTC",
            f.format("%a %-d %b %Y %H:%M"),
            u.format("%a %-d %b %Y %H:%M")
        )
    }
}

#[derive(Deserialize)]
pub struct DocForm {
    corpus: Option<String>,
    id: Option<String>,
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "doc.html")]
struct DocPage {
    corpus: String,
    q: String,
    doc: Document,
    title: Vec<Fragment>,
    paragraphs: Vec<Vec<Fragment>>,
    /// Only http(s) links are shown as links; anything else is shown as text.
    safe_url: Option<String>,
}

pub async fn doc(
    State(state): State<AppState>,
    Query(form): Query<DocForm>,
) -> Result<Response, PageError> {
    let corpus = form
        .corpus
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Error::invalid("`corpus` is required"))?;
    let id = form
        .id
        .filter(|c| !c.is_empty())
        .ok_or_else(|| Error::invalid("`id` is required"))?;
    let doc = state.app.document(&corpus, &id).await?;
    let q = form.q.unwrap_or_default();
    // Highlight what the query matched; a query that no longer parses just highlights nothing.
    let highlighter = crate::query::parse(&q).ok().map(|p| p.highlighter());
    let marks = |field, text: &str| {
        highlighter
            .as_ref()
            .map(|h| h.matches(field, text))
            .unwrap_or_default()
    };
    let title = fragments(
        &doc.title,
        &marks(TextField::Title, &doc.title),
        0..doc.title.len(),
    );
    let body_marks = marks(TextField::Body, &doc.body);
    let mut paragraphs = Vec::new();
    let mut at = 0;
    for para in doc.body.split("\n\n") {
        let start = at;
        let end = start + para.len();
        paragraphs.push(fragments(&doc.body, &body_marks, start..end));
        at = end + 2;
    }
    let safe_url = url::Url::parse(&doc.url)
        .ok()
        .filter(|u| u.scheme() == "http" || u.scheme() == "https")
        .map(|u| u.to_string());
    Ok(render(&DocPage {
        corpus,
        q,
        title,
        paragraphs,
        safe_url,
        doc,
    }))
}
