//! The web interface: an axum server rendering HTML pages (askama, escaping on) and a JSON API.
//! Handlers are thin: take input, call one domain function, render.

pub mod api;
pub mod assets;
pub mod board;
pub mod charts;
pub mod classroom;
pub mod compose;
pub mod csv; // CSV downloads: quoting, formula defusing, the response
pub mod dialect;
pub mod download; // a file offered for download: type, no-store, its name
pub mod drill_observe;
pub mod drills;
pub mod error;
pub mod exercises;
pub mod explain;
pub mod feeds;
pub mod ics; // iCalendar files: a plan's deadlines
pub mod learner;
pub mod linger;
pub mod nav;
pub mod pages;
pub mod programmes;
pub mod routes;
pub mod session;
pub mod text;
pub mod trainer;

use std::net::SocketAddr;

use crate::app::App;
use crate::error::{Error, Result};

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
}

/// Serves until the process is stopped (Ctrl-C).
pub async fn serve(app: App, addr: SocketAddr) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Error::invalid(format!("cannot listen on {addr}: {e}")))?;
    let local = listener.local_addr().map_err(Error::internal)?;
    println!("Sandpit is running. Open http://{local}/ in a browser (Ctrl-C stops it).");
    run(app, listener, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// Serves on a bound listener until `shutdown` completes (tests pass a listener on port 0).
pub async fn run(
    app: App,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<()> {
    // Exercises trainers uploaded before a restart, and sessions past their time. (Following
    // other nodes' uploads is one of the node's background tasks, `App::start_background`.)
    app.restore_uploaded_exercises().await?;
    app.store.purge_expired_sessions().await?;
    // The server is the one writer of its data directory's index while it runs; commands run
    // beside it learn from the note which server holds it.
    if let Err(e) = app.index.hold_writer() {
        tracing::warn!("the search index is busy; the server writes to it when it is free: {e}");
    }
    let _serving = listener.local_addr().map(|addr| app.mark_serving(addr));
    // With the client's address, for the rate limit on joining and signing in.
    let service =
        routes::router(AppState { app }).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(Error::internal)
}
