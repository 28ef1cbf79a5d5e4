//! The live stream of a drill as server-sent events (`GET /drills/{id}/events`). Every half
//! second the connection reads the drill's row and responses from the database and sends what
//! the clock has released since its cursor, as one `batch` event (so a tick at 60x is one
//! message, not hundreds), with the trends section again each time the clock has moved
//! `TRENDS_STEP_SECONDS`. The event id is the cursor: a browser that reconnects sends it back as
//! `Last-Event-ID` and gets what it missed. Nothing lives in one node's memory but caches of
//! what the database and the clock decide (the connection's matches of its saved searches, the
//! trends of a drill second shared by every connection), so a client on any node sees the same.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::trends::TrendsFragment;
use super::view::{InboxFragment, ItemsFragment, merge};
use crate::app::Learner;
use crate::app::drills::DrillState;
use crate::app::drills::play::{self, AlertMemo, Cursor};
use crate::catalog::scenarios::Offset;
use crate::web::AppState;
use crate::web::error::PageError;

/// How often a connection looks at the clock and the database.
pub const TICK: Duration = Duration::from_millis(500);

/// How far the drill's clock moves before a connection sends the trends section again (drill
/// seconds): the section is sent whole, so at 1x it follows the clock every fifteen seconds
/// rather than every tick; once the clock stops, the last figures are sent at once.
pub const TRENDS_STEP_SECONDS: u32 = 15;

#[derive(Deserialize, Default)]
pub(super) struct EventsQuery {
    #[serde(default)]
    channel: String,
    /// The cursor of the page the events continue (`Cursor::id`).
    #[serde(default)]
    since: String,
}

struct Follow {
    state: AppState,
    who: Learner,
    id: String,
    channel: Option<crate::catalog::scenarios::Channel>,
    cursor: Cursor,
    memo: AlertMemo,
    last_clock: String,
    first: bool,
    /// The drill time the trends were last sent (or the page rendered them) for.
    trends_for: Offset,
}

pub(super) async fn events(
    State(state): State<AppState>,
    who: Learner,
    Path(id): Path<String>,
    Query(q): Query<EventsQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let drill = state.app.player_drill(&who, &id).await?;
    let channel = play::channel_filter(&q.channel)?;
    let resumed = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(Cursor::parse)
        .or_else(|| Cursor::parse(&q.since));
    let cursor = match resumed {
        Some(c) => c,
        None => Cursor {
            ms: drill.at_ms(),
            responses: state.app.drill_response_views(&drill).await?.len(),
        },
    };
    let follow = Follow {
        state,
        who,
        id,
        channel,
        cursor,
        memo: AlertMemo::default(),
        last_clock: String::new(),
        first: true,
        trends_for: Offset((cursor.ms / 1000).max(0) as u32),
    };
    let stream = futures_util::stream::unfold(follow, |mut f| async move {
        loop {
            if !f.first {
                tokio::time::sleep(TICK).await;
            }
            f.first = false;
            match next_event(&mut f).await {
                Ok(Some(event)) => return Some((Ok::<Event, Infallible>(event), f)),
                Ok(None) => continue,
                Err(e) => {
                    // A database hiccup: try again next tick; the cursor has not moved.
                    tracing::warn!("drill events for {}: {e}", f.id);
                    continue;
                }
            }
        }
    });
    Ok(Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}

/// The batch after the connection's cursor, or `None` when nothing changed.
async fn next_event(f: &mut Follow) -> crate::error::Result<Option<Event>> {
    let drill = f.state.app.drill(&f.id).await?;
    let batch = f
        .state
        .app
        .drill_events(&drill, &f.who, f.channel, f.cursor, &mut f.memo)
        .await?;
    let status = drill.status();
    let clock = format!("{}|{}|{}", status.at, status.state.id(), status.speed);
    let shown_to = Offset((batch.cursor.ms / 1000).max(0) as u32);
    let moved = shown_to.0.abs_diff(f.trends_for.0);
    let trends_html =
        if moved >= TRENDS_STEP_SECONDS || (moved > 0 && status.state != DrillState::Running) {
            f.trends_for = shown_to;
            TrendsFragment::shared(&drill, shown_to)?
        } else {
            Arc::from("")
        };
    let nothing = batch.posts.is_empty()
        && batch.inbox.is_empty()
        && batch.responses.is_empty()
        && batch.alerts.is_empty()
        && trends_html.is_empty();
    if nothing && clock == f.last_clock && batch.cursor == f.cursor {
        return Ok(None);
    }
    f.last_clock = clock;
    let items = merge(batch.posts, batch.responses);
    let stream_html = if items.is_empty() {
        String::new()
    } else {
        ItemsFragment { items: &items }
            .render()
            .map_err(crate::error::Error::internal)?
    };
    let inbox_html = if batch.inbox.is_empty() {
        String::new()
    } else {
        InboxFragment {
            inbox: &batch.inbox,
        }
        .render()
        .map_err(crate::error::Error::internal)?
    };
    let now = drill.at();
    // Every released deadline's time left, in the words the page uses.
    let deadlines: serde_json::Map<String, serde_json::Value> =
        play::inbox_between(&drill, None, now)
            .into_iter()
            .filter_map(|i| Some((i.id, serde_json::Value::String(i.remaining?))))
            .collect();
    let alerts: Vec<serde_json::Value> = batch
        .alerts
        .iter()
        .map(|(name, rule, fired)| {
            serde_json::json!({
                "search": name,
                "rule": rule,
                "at": Offset(fired.at).to_string(),
                "count": fired.count,
            })
        })
        .collect();
    let data = serde_json::json!({
        "clock": {
            "at": status.at,
            "state": status.state.words(),
            "speed": status.speed,
            "released": status.released_posts,
            "simulated": drill.simulated(now).format("%a %-d %b %Y %H:%M").to_string(),
        },
        "stream": stream_html,
        "posts": items.iter().filter(|i| i.post.is_some()).count(),
        "responses": items.iter().filter(|i| i.response.is_some()).count(),
        "inbox": inbox_html,
        "deadlines": deadlines,
        "alerts": alerts,
        "trends": &*trends_html,
    });
    f.cursor = batch.cursor;
    Ok(Some(
        Event::default()
            .event("batch")
            .id(f.cursor.id())
            .data(data.to_string()),
    ))
}
