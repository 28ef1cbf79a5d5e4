//! The whole route table, and the layers every response passes through (security headers,
//! compression, body limits, tracing).

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use super::{AppState, api, assets, exercises, pages};

/// No inline script, no other hosts: everything Sandpit shows comes from Sandpit.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

pub fn router(state: AppState) -> Router {
    Router::new()
        // monitoring
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/doc", get(pages::doc))
        .route("/api/search", get(api::search))
        // exercises
        .route("/exercises", get(exercises::list))
        .route("/exercises/{id}", get(exercises::show))
        .route("/exercises/{id}/attempts", post(exercises::submit))
        .route("/exercises/{id}/hint", post(exercises::hint))
        .route("/exercises/{id}/reveal", post(exercises::reveal))
        .route("/progress", get(exercises::progress))
        // infrastructure
        .route("/healthz", get(api::healthz))
        .route("/static/{name}", get(assets::serve_asset))
        .with_state(state)
        .layer(axum::extract::DefaultBodyLimit::max(2 * 1024 * 1024))
        .layer(CompressionLayer::new())
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
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}
