//! One HTTP exchange: the request with its validators, the status read as success, 304,
//! redirect or failure, the body read under its cap, and reqwest's errors turned into what
//! happened.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use url::Url;

use super::refusal::{Refusal, Unresolved, refusal_error};
use super::{Body, FetchError, Fetched, Fetcher, Validators};

impl Fetcher {
    pub(super) async fn exchange(
        &self,
        url: Url,
        accept: &str,
        validators: &Validators,
    ) -> Result<Fetched, FetchError> {
        let https = url.scheme() == "https";
        let host = url.host_str().unwrap_or_default().to_string();
        let mut request = self.client.get(url).header(header::ACCEPT, accept);
        if let Some(etag) = &validators.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(modified) = &validators.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, modified);
        }
        let mut response = request
            .send()
            .await
            .map_err(|e| self.classify(&e, &host, https))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if status.is_redirection() {
            // reqwest hands back redirects it will not follow (to file:, data:, nowhere).
            let to = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            return Err(FetchError::BadRedirect(to));
        }
        if !status.is_success() {
            let retry_after = retry_after(response.headers(), self.options.max_retry_after);
            return Err(match status.as_u16() {
                404 | 410 => FetchError::NotFound(status.as_u16()),
                401 | 403 | 451 => FetchError::Denied(status.as_u16()),
                429 => FetchError::RateLimited { retry_after },
                500..=599 => FetchError::Server {
                    status: status.as_u16(),
                    retry_after,
                },
                code => FetchError::Status(code),
            });
        }
        let max = self.options.max_bytes;
        if response.content_length().is_some_and(|n| n > max as u64) {
            return Err(FetchError::TooLarge(max));
        }
        let headers = response.headers().clone();
        let final_url = response.url().to_string();
        let mut bytes = Vec::new();
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if bytes.len() + chunk.len() > max {
                        return Err(FetchError::TooLarge(max));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => return Err(self.classify(&e, &host, https)),
            }
        }
        let text = |name: header::HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        Ok(Fetched::Body(Body {
            bytes,
            final_url,
            content_type: text(header::CONTENT_TYPE),
            validators: Validators {
                etag: text(header::ETAG),
                last_modified: text(header::LAST_MODIFIED),
            },
        }))
    }

    /// Turns reqwest's error into what happened, looking through its chain of causes.
    fn classify(&self, err: &reqwest::Error, host: &str, https: bool) -> FetchError {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
        let mut chain = Vec::new();
        while let Some(e) = source {
            if let Some(Unresolved(name)) = e.downcast_ref::<Unresolved>() {
                return FetchError::NoSuchHost(name.clone());
            }
            if let Some(refusal) = e.downcast_ref::<Refusal>() {
                return refusal_error(match refusal {
                    Refusal::Blocked(b) => Refusal::Blocked(b.clone()),
                    Refusal::Scheme(s) => Refusal::Scheme(s.clone()),
                    Refusal::Loop => Refusal::Loop,
                    Refusal::TooMany(n) => Refusal::TooMany(*n),
                });
            }
            chain.push(e.to_string());
            source = e.source();
        }
        if err.is_timeout() {
            return FetchError::TimedOut(self.options.timeout);
        }
        let detail = chain.last().cloned().unwrap_or_default();
        let lower = chain.join(" | ").to_ascii_lowercase();
        if err.is_redirect() {
            return FetchError::TooManyRedirects(self.options.max_redirects);
        }
        if err.is_dns()
            || lower.contains("failed to lookup address")
            || lower.contains("name or service not known")
        {
            return FetchError::NoSuchHost(host.to_string());
        }
        if https
            && [
                "certificate",
                "tls",
                "handshake",
                "corrupt message",
                "peer",
                "alert",
            ]
            .iter()
            .any(|w| lower.contains(w))
        {
            return FetchError::Tls(detail);
        }
        if err.is_connect() {
            return FetchError::Connect(host.to_string());
        }
        if err.is_decode() || err.is_body() {
            return FetchError::Network(format!("the response could not be read ({detail})"));
        }
        FetchError::Network(detail)
    }
}

/// Reads Retry-After: a number of seconds or an HTTP date, capped.
fn retry_after(headers: &HeaderMap, cap: Duration) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    let wait = if let Ok(secs) = value.parse::<u64>() {
        Duration::from_secs(secs)
    } else {
        let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
        let secs = (when.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_seconds();
        Duration::from_secs(secs.max(0) as u64)
    };
    Some(wait.min(cap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        let mut h = HeaderMap::new();
        let cap = Duration::from_secs(3600);
        h.insert(header::RETRY_AFTER, header::HeaderValue::from_static("120"));
        assert_eq!(retry_after(&h, cap), Some(Duration::from_secs(120)));
        h.insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("999999999"),
        );
        assert_eq!(retry_after(&h, cap), Some(cap));
        h.insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h, cap), Some(Duration::ZERO));
        h.insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("soon"),
        );
        assert_eq!(retry_after(&h, cap), None);
    }
}
