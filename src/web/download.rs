//! A file a page offers to download: its type, `no-store` (it holds learners' work), and the
//! name the browser saves it under. CSV exports (`csv::download`), the drill review's HTML and
//! the plan's calendar go through here.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// `body` as a download of `content_type` saved as `filename` (a name that cannot be a header
/// value is left out, and the browser picks one).
pub fn attachment(body: String, content_type: &'static str, filename: &str) -> Response {
    let mut response = (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}
