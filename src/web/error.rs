//! Turning errors into responses: a page that says what went wrong for HTML routes, a JSON
//! body for the API. User mistakes are 400/404 with their message; internal failures are logged
//! and shown as a short apology.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::error::{Error, FieldError, Refusal};

/// An error on an HTML page.
pub struct PageError(pub Error);

/// An error on a JSON route.
pub struct ApiError(pub Error);

impl<E: Into<Error>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl<E: Into<Error>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

pub fn status_of(e: &Error) -> StatusCode {
    match e {
        Error::Invalid(_) | Error::Query(_) => StatusCode::BAD_REQUEST,
        Error::NotFound(_) => StatusCode::NOT_FOUND,
        Error::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
        Error::Refused { refusal, .. } => match refusal {
            Refusal::Forbidden => StatusCode::FORBIDDEN,
            Refusal::NotYet => StatusCode::BAD_REQUEST,
        },
        Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The message a user sees; internal details stay in the log.
pub fn public_message(e: &Error) -> String {
    match e {
        Error::Internal(inner) => {
            tracing::error!("internal error: {inner:#}");
            "Something went wrong inside Sandpit. The details are in the server's log.".into()
        }
        other => other.to_string(),
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub title: String,
    pub message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        let page = match self.0 {
            Error::Refused { title, message, .. } => ErrorPage { title, message },
            other => ErrorPage {
                title: status.canonical_reason().unwrap_or("Error").to_string(),
                message: public_message(&other),
            },
        };
        (status, render(&page)).into_response()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        let body = match &self.0 {
            Error::Query(q) => serde_json::json!({ "error": q }),
            other => serde_json::json!({ "error": { "message": public_message(other) } }),
        };
        (status, axum::Json(body)).into_response()
    }
}

/// The answer to a request whose handler panicked (see `routes`): the internal error page, and
/// the panic's message in the log.
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!("a request panicked: {message}");
    let page = ErrorPage {
        title: "Internal Server Error".into(),
        message: "Something went wrong inside Sandpit. The details are in the server's log.".into(),
    };
    (StatusCode::INTERNAL_SERVER_ERROR, render(&page)).into_response()
}

/// Renders a template; a template failure is an internal error page.
pub fn render(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!("template failed: {e}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong rendering this page.",
            )
                .into_response()
        }
    }
}

/// A form page's field errors, as its template shows them: the error summary's links (each
/// field's id is its name) and the message beside each field.
pub trait FieldErrors {
    fn field_errors(&self) -> &[FieldError];

    fn error_links(&self) -> Vec<(String, String)> {
        self.field_errors()
            .iter()
            .map(|e| (e.field.to_string(), e.message.clone()))
            .collect()
    }

    fn error_for(&self, field: &str) -> Option<&str> {
        self.field_errors()
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}
