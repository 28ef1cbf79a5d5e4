//! `POST /api/check`: the composer's JSON API. The body is read as bytes and parsed here, not by
//! axum's `Json`, so that every bad body (too big, not UTF-8, not JSON, wrong fields) gets
//! Sandpit's own message in the API's error shape `{"error":{"message"}}`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::*;
use crate::compose::Check;
use crate::error::Error;
use crate::web::error::ApiError;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    text: Option<String>,
    platforms: Option<Vec<String>>,
    rules: Option<Vec<String>>,
    mastodon_limit: Option<usize>,
}

fn api_error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({"error": {"message": message.into()}}))).into_response()
}

/// `POST /api/check`: `{"text","platforms"?,"rules"?,"mastodon_limit"?}` →
/// `{"results":[…one per platform…],"findings":[…],"readability":{…}|null,"rules":[…]}`.
pub async fn api_check(body: Result<Bytes, BytesRejection>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return api_error(StatusCode::PAYLOAD_TOO_LARGE, body_too_big_message());
        }
        Err(e) => return api_error(e.status(), format!("Cannot read the request: {e}")),
    };
    let raw = match std::str::from_utf8(&body) {
        Ok(s) => s,
        Err(e) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                format!(
                    "The request is not valid UTF-8 (the first bad byte is at offset {}); send JSON encoded as UTF-8.",
                    e.valid_up_to()
                ),
            );
        }
    };
    let req: CheckRequest = match serde_json::from_str(raw) {
        Ok(r) => r,
        Err(e) => {
            return api_error(
                StatusCode::BAD_REQUEST,
                format!(
                    "The request is not the JSON this API takes ({e}). Send {{\"text\": \"…\", \"platforms\": [\"x\"], \"rules\": [\"govuk-plain-english\"]}}."
                ),
            );
        }
    };
    let Some(text) = req.text else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "\"text\" is missing: send the draft as {\"text\": \"…\"}.",
        );
    };
    if text.len() > MAX_DRAFT_BYTES {
        return api_error(StatusCode::PAYLOAD_TOO_LARGE, too_big_message(text.len()));
    }
    match api_result(text, req.platforms, req.rules, req.mastodon_limit).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => ApiError(e).into_response(),
    }
}

async fn api_result(
    text: String,
    platforms: Option<Vec<String>>,
    rules: Option<Vec<String>>,
    mastodon_limit: Option<usize>,
) -> Result<Value, Error> {
    if let Some(l) = mastodon_limit
        && !(1..=MASTODON_LIMIT_MAX).contains(&l)
    {
        return Err(Error::invalid(format!(
            "\"mastodon_limit\" must be between 1 and {MASTODON_LIMIT_MAX}, not {l}"
        )));
    }
    let platforms = platforms.unwrap_or_else(|| vec!["x".to_string()]);
    let profiles = profiles_named(&platforms, mastodon_limit)?;
    let packs = match rules {
        Some(names) => packs_named(&names)?,
        None => builtin_packs()?.iter().collect(),
    };
    let rule_ids: Vec<String> = packs.iter().map(|p| p.id.clone()).collect();
    let check = run_check(text, profiles, packs).await?;
    Ok(check_json(&check, &rule_ids))
}

/// The API's answer: one result per platform, the findings once (they do not depend on the
/// platform), readability, and the packs that were applied.
pub fn check_json(check: &Check, rule_ids: &[String]) -> Value {
    let results: Vec<Value> = check
        .counts
        .iter()
        .map(|c| {
            json!({
                "platform": c.platform,
                "name": c.platform.name(),
                "unit": c.unit,
                "length": c.length,
                "limit": c.limit,
                "remaining": c.remaining,
                "valid": c.valid,
                "overflow": c.overflow,
                "fold": c.fold,
                "notes": c.notes,
            })
        })
        .collect();
    json!({
        "results": results,
        "findings": check.findings,
        "readability": check.readability,
        "rules": rule_ids,
    })
}
