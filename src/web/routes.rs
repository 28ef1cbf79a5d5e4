//! The whole route table, and the layers every response passes through (security headers,
//! compression, body limits, tracing).

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::routing::{get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use super::{
    AppState, api, assets, classroom, compose, drill_observe, drills, error, exercises, explain,
    feeds, linger, pages, programmes, session, trainer,
};

/// No inline script, no other hosts: everything Sandpit shows comes from Sandpit.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

pub fn router(state: AppState) -> Router {
    Router::new()
        // monitoring
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/search/compare", get(explain::compare))
        .route("/doc", get(pages::doc))
        .route("/api/search", get(api::search))
        // posting practice: the composer, its result fragment and its JSON API
        .merge(compose::routes())
        // exercises
        .merge(exercises::routes())
        .route("/exercises/{id}/explain", get(explain::exercise_explain))
        // live feeds (trainer)
        .route("/feeds", get(feeds::show))
        .route("/feeds/add", post(feeds::add))
        .route("/feeds/import", post(feeds::import))
        .route("/feeds/starter", post(feeds::starter))
        .route("/feeds/fetch", post(feeds::fetch))
        .route("/feeds/remove", post(feeds::remove))
        .route("/feeds/export.opml", get(feeds::export))
        // classroom: trainees (join, leave, class page, evaluation)
        .merge(classroom::routes())
        // classroom: the trainer (signing in, classes, the board, exports, uploads)
        .merge(trainer::routes())
        // programmes: cohorts for the trainer, accounts for their learners
        .merge(programmes::routes())
        // drills: the players' pages and their live events
        .merge(drills::routes())
        // drills: an observer's read-only view and notes, by the link the trainer gave them
        .merge(drill_observe::routes())
        // infrastructure
        .route("/healthz", get(api::healthz))
        .route("/trainer/test-clock", post(api::test_clock))
        .route("/static/{name}", get(assets::serve_asset))
        // No change of state from another site (every mode), inside the classroom gate: a
        // session for every request but the ways in (classroom mode only). The gate is the
        // outer layer because it also says who is viewing, for the navigation of every page,
        // the same-origin refusal's included.
        .layer(axum::middleware::from_fn(session::same_origin))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            session::classroom_gate,
        ))
        .with_state(state)
        // A bug that panics in a handler is a 500 page and a log line, never a dropped
        // connection: the trainee sees the apology, the trainer's log says where.
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(DefaultBodyLimit::max(2 * 1024 * 1024))
        // A body refused part-way (too large) is drained so the refusal reaches the client.
        .layer(axum::middleware::from_fn(linger::linger))
        // Brotli's default is its slowest setting (11). Pages and JSON here are a few kilobytes
        // on a room's network: quality 1 still shrinks them several times over, and under the
        // search benchmark's load quality 4 spent 8% of the server's CPU compressing.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(1)))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            // Not no-referrer: with it, browsers send `Origin: null` on every form, and the
            // same-origin check could not tell Sandpit's own forms from another site's.
            HeaderValue::from_static("same-origin"),
        ))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}
