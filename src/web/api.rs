//! The JSON API: search and health. Shapes are fixed by docs/design.md, "Fixed routes".

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;

use super::AppState;
use super::error::ApiError;
use crate::app::SearchParams;
use crate::index::search::{SearchResults, SortOrder};

#[derive(Deserialize)]
pub struct SearchQuery {
    corpus: Option<String>,
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
    sort: Option<String>,
    /// `true` adds "volume" and "top_sources", computed over every hit.
    facets: Option<String>,
}

/// Parses a numeric query-string value with a clear message.
pub fn number(
    name: &str,
    value: Option<&str>,
    default: usize,
) -> Result<usize, crate::error::Error> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| {
            crate::error::Error::invalid(format!("`{name}` must be a whole number, not {v:?}"))
        }),
    }
}

pub fn sort_order(value: Option<&str>) -> Result<SortOrder, crate::error::Error> {
    match value.unwrap_or("relevance") {
        "" | "relevance" => Ok(SortOrder::Relevance),
        "newest" => Ok(SortOrder::Newest),
        other => Err(crate::error::Error::invalid(format!(
            "`sort` is relevance or newest, not {other:?}"
        ))),
    }
}

/// `{"total","hits":[{"id","title","source","published","url","snippet"}]}` plus the volume and
/// top sources.
pub fn search_json(results: &SearchResults) -> serde_json::Value {
    let hits: Vec<serde_json::Value> = results
        .hits
        .iter()
        .map(|h| {
            serde_json::json!({
                "id": h.id, "title": h.title, "source": h.source,
                "published": h.published.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "url": h.url, "snippet": h.snippet_text(),
            })
        })
        .collect();
    serde_json::json!({
        "total": results.total,
        "hits": hits,
        "volume": {
            "bucket": results.volume.bucket,
            "counts": results.volume.counts.iter().map(|(t, n)| serde_json::json!([t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), n])).collect::<Vec<_>>(),
        },
        "top_sources": results.top_sources.iter().map(|(s, n)| serde_json::json!({"source": s, "count": n})).collect::<Vec<_>>(),
    })
}

pub async fn search(
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let corpus = q
        .corpus
        .filter(|c| !c.is_empty())
        .ok_or_else(|| crate::error::Error::invalid("`corpus` is required"))?;
    let outcome = state
        .app
        .search(SearchParams {
            corpus,
            query: q.q.unwrap_or_default(),
            order: sort_order(q.sort.as_deref())?,
            limit: number("limit", q.limit.as_deref(), 10)?,
            offset: number("offset", q.offset.as_deref(), 0)?,
            facets: matches!(q.facets.as_deref(), Some("true" | "1" | "yes")),
        })
        .await?;
    let mut body = search_json(&outcome.results);
    if !matches!(q.facets.as_deref(), Some("true" | "1" | "yes"))
        && let Some(map) = body.as_object_mut()
    {
        map.remove("volume");
        map.remove("top_sources");
    }
    body["warnings"] = serde_json::json!(outcome.warnings);
    Ok(Json(body))
}

/// `{"status", "database", "index", "behind"}`: 200 with status "ok" when the index and the
/// database answer and the index holds every corpus as the database has it; 503 otherwise, with
/// status "unavailable" (index or database down) or "catching-up" (the index is still applying
/// changes, `behind` names the corpora), so a load balancer keeps traffic away until then.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let health = state.app.health().await;
    let code = if health.serving() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, Json(health))
}

/// How far `POST /trainer/test-clock` moves the clock.
#[derive(Deserialize)]
pub struct ClockMove {
    #[serde(default)]
    pub days: i64,
    #[serde(default)]
    pub seconds: i64,
}

/// Moves the clock forward, for tests of the real binary: only with `serve --test-clock`
/// (otherwise not found). Answers the new time as JSON.
pub async fn test_clock(
    State(state): State<AppState>,
    axum::Form(by): axum::Form<ClockMove>,
) -> axum::response::Response {
    let app = &state.app;
    if !app.config.test_clock {
        return StatusCode::NOT_FOUND.into_response();
    }
    let by = chrono::Duration::days(by.days.clamp(0, 3650))
        + chrono::Duration::seconds(by.seconds.clamp(0, 10 * 365 * 86_400));
    if !app.clock().advance(by) {
        return StatusCode::CONFLICT.into_response();
    }
    Json(serde_json::json!({ "now": app.now().to_rfc3339() })).into_response()
}
