//! Corpus JSONL (docs/design.md, "File formats"): one document a line. A bad line is a `Problem` with
//! its line number; the other lines still load.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::{Document, Problem};

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    source_name: Option<String>,
    #[serde(default)]
    url: Option<String>,
    published: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    kind: Option<String>,
}

/// Parses one line of a corpus file. `Ok(None)` for a blank line.
pub fn parse_line(line: &str, line_no: usize, origin: &str) -> Result<Option<Document>, Problem> {
    let problem = |message: String| Problem {
        origin: origin.to_string(),
        line: Some(line_no),
        message,
    };
    let trimmed = line.trim().trim_start_matches('\u{feff}');
    if trimmed.is_empty() {
        return Ok(None);
    }
    let raw: Line = serde_json::from_str(trimmed).map_err(|e| {
        problem(format!(
            "not a JSON object with the corpus fields ({e}; column {})",
            e.column()
        ))
    })?;
    let id = match raw.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => return Err(problem("`id` must be a non-empty string".into())),
        None => return Err(problem("`id` is missing".into())),
    };
    let published = match raw.published.as_deref() {
        None => return Err(problem(format!("document {id}: `published` is missing"))),
        Some(s) => parse_date(s).ok_or_else(|| {
            problem(format!(
                "document {id}: `published` is {s:?}, not an RFC 3339 date such as 2026-03-01T09:30:00Z"
            ))
        })?,
    };
    let title = raw.title.unwrap_or_default();
    let body = raw.body.unwrap_or_default();
    if title.trim().is_empty() && body.trim().is_empty() {
        return Err(problem(format!(
            "document {id}: needs a `title` or a `body` with some text"
        )));
    }
    let source = raw.source.unwrap_or_default().trim().to_string();
    let source_name = raw.source_name.unwrap_or_else(|| source.clone());
    Ok(Some(
        Document {
            id,
            title,
            body,
            author: raw.author.unwrap_or_default(),
            source,
            source_name,
            url: raw.url.unwrap_or_default(),
            published,
            lang: raw.lang.unwrap_or_default(),
            kind: raw.kind.unwrap_or_else(|| "post".into()),
            tags: Vec::new(),
            mentions: Vec::new(),
            host: String::new(),
        }
        .derive(),
    ))
}

/// RFC 3339, also accepting a bare date (midnight UTC) since hand-written corpora use them.
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_line() {
        let d = parse_line(
            r##"{"id":"a1","title":"Flood","body":"#StormHarriet @Port_Council https://x","url":"https://www.kerrow.gov.ex/a","published":"2026-02-03T09:15:00+01:00","source":"kc"}"##,
            1,
            "f.jsonl",
        )
        .unwrap()
        .unwrap();
        assert_eq!(d.published.to_rfc3339(), "2026-02-03T08:15:00+00:00");
        assert_eq!(d.tags, ["stormharriet"]);
        assert_eq!(d.mentions, ["port_council"]);
        assert_eq!(d.host, "www.kerrow.gov.ex");
        assert_eq!(d.lang, "en");
    }

    #[test]
    fn bad_lines_say_what() {
        let err = |l: &str| parse_line(l, 7, "f.jsonl").unwrap_err().to_string();
        assert!(err("{nope").starts_with("f.jsonl:7: not a JSON object"));
        assert!(err(r#"{"title":"x","published":"2026-01-01"}"#).contains("`id` is missing"));
        assert!(
            err(r#"{"id":"x","title":"x","published":"yesterday"}"#).contains("not an RFC 3339")
        );
        assert!(
            err(r#"{"id":"x","published":"2026-01-01"}"#).contains("needs a `title` or a `body`")
        );
        assert_eq!(parse_line("   ", 1, "f").unwrap(), None);
    }
}
