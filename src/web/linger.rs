//! Lingering reads: a request whose body a handler did not read to the end (it was refused as
//! too large, or the request was rejected before its body mattered) is drained before the
//! response goes out, so that the client sees the response.
//!
//! Without this, a server that answers while the client is still sending closes the connection
//! with bytes unread; the kernel then resets it, and the client (a browser posting an oversized
//! draft, a trainer uploading too big a corpus) loses the response and sees a dropped connection
//! instead of Sandpit's message. Web servers call the cure a lingering close: keep reading and
//! discarding for a while. Here the reading is bounded, by bytes and by time, so a client that
//! sends without end still cannot hold a connection open.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Frame, SizeHint};

/// How much more than a handler read is read and thrown away before the response is sent.
pub const DRAIN_MAX_BYTES: u64 = 64 << 20;

/// How long the draining may take in all.
pub const DRAIN_MAX_TIME: Duration = Duration::from_secs(20);

/// The middleware: the handler reads the body through a handle on it; once the handler has
/// answered, whatever the handle left unread is drained (within the bounds above).
pub async fn linger(req: Request, next: Next) -> Response {
    if req.body().is_end_stream() {
        // No body (every GET): nothing to drain, and nothing to wrap.
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let shared = Arc::new(Mutex::new(Some(body)));
    let handle = Body::new(Handle(shared.clone()));
    let response = next.run(Request::from_parts(parts, handle)).await;
    let rest = shared.lock().ok().and_then(|mut b| b.take());
    if let Some(rest) = rest
        && !rest.is_end_stream()
    {
        let _ = tokio::time::timeout(DRAIN_MAX_TIME, drain(rest, DRAIN_MAX_BYTES)).await;
    }
    response
}

/// Reads and discards up to `max` bytes of `body`, stopping early at its end or on an error.
async fn drain(mut body: Body, max: u64) {
    let mut read: u64 = 0;
    while read <= max {
        match std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    read += data.len() as u64;
                }
            }
            Some(Err(_)) | None => return,
        }
    }
}

/// The handler's view of a request body that the middleware keeps hold of.
struct Handle(Arc<Mutex<Option<Body>>>);

impl HttpBody for Handle {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let Ok(mut guard) = self.0.lock() else {
            return Poll::Ready(Some(Err(axum::Error::new(
                "the request body is unavailable",
            ))));
        };
        match guard.as_mut() {
            Some(body) => Pin::new(body).poll_frame(cx),
            None => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.0
            .lock()
            .map(|b| b.as_ref().is_none_or(|b| b.is_end_stream()))
            .unwrap_or(true)
    }

    fn size_hint(&self) -> SizeHint {
        self.0
            .lock()
            .ok()
            .and_then(|b| b.as_ref().map(|b| b.size_hint()))
            .unwrap_or_default()
    }
}
