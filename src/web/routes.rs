//! The whole route table, and the layers every response passes through (security headers,
//! compression, body limits, tracing).

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use super::{AppState, api, assets, pages};

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
