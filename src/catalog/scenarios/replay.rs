//! A shipped corpus replayed as the stream under a scenario: its documents between `from` and
//! `until`, in time order, their times squeezed into the first `compress_to` of the drill.
//! Three weeks into ninety minutes puts an hour of the corpus into about 16 seconds.

use chrono::{DateTime, Utc};

use super::time::Offset;
use super::{Channel, Post, Replay, Replayed};
use crate::ingest::Document;

/// Compresses the documents of `jsonl` (a shipped corpus's file) into `seconds`. Without
/// `until`, the last document lands at the very end; with it, `until` itself would.
pub(super) fn build(
    corpus: &str,
    jsonl: &str,
    from: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
    seconds: u32,
) -> Result<Replay, String> {
    let mut docs: Vec<Document> = Vec::new();
    for (n, line) in jsonl.lines().enumerate() {
        match crate::ingest::jsonl::parse_line(line, n + 1, corpus) {
            Ok(Some(d)) => docs.push(d.derive()),
            Ok(None) => {}
            Err(p) => return Err(format!("corpus {corpus:?} does not read: {p}")),
        }
    }
    // Stable: documents published at the same moment keep the corpus's order.
    docs.sort_by_key(|d| d.published);
    let first = docs.first().map(|d| d.published);
    let last = docs.last().map(|d| d.published);
    let (Some(first), Some(last)) = (first, last) else {
        return Err(format!("corpus {corpus:?} has no documents"));
    };
    let from = from.unwrap_or(first);
    let until_given = until.is_some();
    let until = until.unwrap_or(last);
    docs.retain(|d| {
        d.published >= from && (d.published < until || !until_given && d.published <= until)
    });
    if docs.is_empty() {
        return Err(format!(
            "corpus {corpus:?} has no documents from {from} to {until} (its documents run from {first} to {last})"
        ));
    }
    let span = (until - from).num_seconds().max(1);
    let documents = docs
        .into_iter()
        .map(|d| {
            let into = (d.published - from).num_seconds().clamp(0, span);
            // i128: three weeks of seconds times ten hours of seconds overflows nothing here,
            // but a corpus spanning years would come close in i64.
            let at = (i128::from(into) * i128::from(seconds) / i128::from(span)) as u32;
            Replayed {
                id: d.id.clone(),
                at: Offset(at),
                published: d.published,
                post: post_of(d),
            }
        })
        .collect();
    Ok(Replay {
        corpus: corpus.to_string(),
        from,
        until,
        seconds,
        documents,
    })
}

/// A corpus document as a post of the stream: news, press releases and blogs on the news
/// channel, everything else on the microblog; the handle from the URL's `/@name` when it has one.
fn post_of(d: Document) -> Post {
    let channel = match d.kind.as_str() {
        "news" | "press-release" | "blog" | "article" => Channel::News,
        _ => Channel::Microblog,
    };
    let handle = d
        .url
        .split("/@")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .filter(|h| !h.is_empty())
        .map(|h| format!("@{h}"))
        .unwrap_or_else(|| super::waves::handle_of(&d.author));
    Post {
        channel,
        venue: d.source_name,
        author: d.author,
        handle,
        title: d.title,
        text: d.body,
        lang: d.lang,
        images: Vec::new(),
        reply_to: None,
        repost_of: None,
        quote_of: None,
        likes: 0,
        reposts: 0,
        replies: 0,
        flags: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSONL: &str = r#"{"id":"c","published":"2026-01-03T00:00:00Z","body":"third"}
{"id":"a","published":"2026-01-01T00:00:00Z","body":"first"}
{"id":"b","published":"2026-01-02T00:00:00Z","body":"second","url":"https://social.example/@kim/1"}
"#;

    #[test]
    fn compresses_in_order() {
        let r = build("t", JSONL, None, None, 600).expect("replay");
        let got: Vec<(&str, u32)> = r
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.at.0))
            .collect();
        assert_eq!(got, [("a", 0), ("b", 300), ("c", 600)]);
        assert_eq!(r.documents[1].post.handle, "@kim");
    }

    #[test]
    fn a_window_keeps_only_its_documents() {
        let from = crate::ingest::jsonl::parse_date("2026-01-02");
        let until = crate::ingest::jsonl::parse_date("2026-01-03");
        let r = build("t", JSONL, from, until, 60).expect("replay");
        assert_eq!(r.documents.len(), 1);
        assert_eq!(r.documents[0].id, "b");
        let empty = build(
            "t",
            JSONL,
            until,
            crate::ingest::jsonl::parse_date("2026-01-02T12:00:00Z"),
            60,
        );
        assert!(empty.is_err());
    }
}
