//! Static assets (`static/`) compiled into the binary: no request ever leaves Sandpit's own host.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use include_dir::{Dir, include_dir};

static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/static");

fn mime_of(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

pub async fn serve_asset(Path(name): Path<String>) -> Response {
    match ASSETS.get_file(&name) {
        Some(file) if !name.contains("..") => (
            [
                (header::CONTENT_TYPE, mime_of(&name)),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            file.contents(),
        )
            .into_response(),
        _ => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}
