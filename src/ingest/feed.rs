//! Feed files and fetched feeds (RSS 0.9x/1.0/2.0, Atom, JSON Feed) → documents, through feed-rs.
//! An item's id is the feed's guid or id, else its link, else a hash of its content; an item
//! without a date takes the feed's date, else the import time, and the summary says so.

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed};

use super::charset;
use super::clean::html_to_text;
use super::{Document, Parsed, Problem};

/// Where a feed came from, used for the documents' `source` and for messages.
pub struct FeedOrigin<'a> {
    /// File name or feed URL, for messages.
    pub origin: &'a str,
    /// Source id to give documents; derived from the feed's title or host when `None`.
    pub source: Option<&'a str>,
    /// Used for items without a date and no feed date.
    pub now: DateTime<Utc>,
}

/// Longest title kept; longer ones are junk (a whole article pasted in) and are cut.
const MAX_TITLE_CHARS: usize = 1_000;
/// Longest id kept as it is; longer ones are replaced by a hash so the index key stays small.
const MAX_ID_BYTES: usize = 1_000;

/// Parses feed bytes (whatever their encoding, see `charset`) into documents.
pub fn parse(bytes: &[u8], from: &FeedOrigin<'_>) -> Parsed {
    parse_with_charset(bytes, None, from)
}

/// Parses fetched feed bytes; `http_charset` is the charset of the response's Content-Type.
pub fn parse_with_charset(
    bytes: &[u8],
    http_charset: Option<&str>,
    from: &FeedOrigin<'_>,
) -> Parsed {
    let mut parsed = Parsed::default();
    let decoded = charset::to_utf8(bytes, http_charset);
    if let Some(note) = &decoded.note {
        parsed.notes.push(format!("{}: {note}", from.origin));
    }
    let bytes: &[u8] = &decoded.bytes;
    let parser = feed_rs::parser::Builder::new()
        // No generated ids: DESIGN says link, else a hash of the content, which we do below.
        .id_generator(|links, _title, _uri| {
            links.first().map(|l| l.href.clone()).unwrap_or_default()
        })
        .build();
    // feed-rs reads untrusted bytes; should it ever panic on them, that file is rejected with
    // a message instead of taking the import (or the server's poller) down with it.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser.parse(bytes)));
    let feed = match result {
        Ok(Ok(feed)) => feed,
        Ok(Err(e)) => {
            parsed.problems.push(Problem {
                origin: from.origin.to_string(),
                line: None,
                message: describe_error(bytes, &e),
            });
            return parsed;
        }
        Err(_) => {
            parsed.problems.push(Problem {
                origin: from.origin.to_string(),
                line: None,
                message: "the feed reader could not make sense of this file (it crashed on it); \
                          the file was skipped"
                    .into(),
            });
            return parsed;
        }
    };
    if feed.entries.is_empty() {
        parsed
            .notes
            .push(format!("{}: the feed has no items", from.origin));
    }
    let source_name = feed
        .title
        .as_ref()
        .map(|t| html_to_text(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| from.origin.to_string());
    let source = from
        .source
        .map(str::to_string)
        .unwrap_or_else(|| source_id(&feed, &source_name));
    let feed_date = feed.published.or(feed.updated);
    let feed_lang = feed.language.clone().unwrap_or_default();
    let mut undated = 0;
    for entry in &feed.entries {
        let published = entry.published.or(entry.updated).or(feed_date);
        if published.is_none() {
            undated += 1;
        }
        match to_document(
            entry,
            &source,
            &source_name,
            &feed_lang,
            published.unwrap_or(from.now),
        ) {
            Some(doc) => parsed.documents.push(doc),
            None => parsed.problems.push(Problem {
                origin: from.origin.to_string(),
                line: None,
                message: format!(
                    "item {} has no title and no text; skipped",
                    if entry.id.is_empty() {
                        "without an id"
                    } else {
                        &entry.id
                    }
                ),
            }),
        }
    }
    if undated > 0 {
        parsed.notes.push(format!(
            "{}: {undated} item(s) had no date{}",
            from.origin,
            if feed_date.is_some() {
                "; they took the feed's date"
            } else {
                "; they took the time of import"
            }
        ));
    }
    parsed
}

fn to_document(
    entry: &Entry,
    source: &str,
    source_name: &str,
    feed_lang: &str,
    published: DateTime<Utc>,
) -> Option<Document> {
    let title = entry
        .title
        .as_ref()
        .map(|t| cap_chars(html_to_text(&t.content), MAX_TITLE_CHARS))
        .unwrap_or_default();
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .or(entry.summary.as_ref().map(|s| s.content.as_str()))
        .map(html_to_text)
        .unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        return None;
    }
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone())
        .unwrap_or_default();
    let id = if !entry.id.trim().is_empty() {
        entry.id.trim().to_string()
    } else if !url.is_empty() {
        url.clone()
    } else {
        content_hash(&title, &body)
    };
    let id = if id.len() > MAX_ID_BYTES {
        content_hash(&id, "")
    } else {
        id
    };
    let author = entry
        .authors
        .iter()
        .filter_map(|p| p.name.as_deref().map(str::trim))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    Some(
        Document {
            id,
            title,
            body,
            author,
            source: source.to_string(),
            source_name: source_name.to_string(),
            url,
            published,
            lang: entry
                .language
                .clone()
                .unwrap_or_else(|| feed_lang.to_string()),
            kind: "news".into(),
            tags: Vec::new(),
            mentions: Vec::new(),
            host: String::new(),
        }
        .derive(),
    )
}

/// Cuts a string to at most `max` characters, marking the cut.
fn cap_chars(s: String, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

/// A stable id from the text, for items that have neither an id nor a link.
fn content_hash(title: &str, body: &str) -> String {
    // FNV-1a, 64 bits: stable across runs and versions, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in title.bytes().chain([0u8]).chain(body.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("sha-{h:016x}")
}

/// A source id such as `port-ellis-news` from the feed's link host or title.
fn source_id(feed: &Feed, name: &str) -> String {
    if let Some(host) = feed
        .links
        .iter()
        .find_map(|l| crate::text::url_host(&l.href))
    {
        return host.trim_start_matches("www.").to_string();
    }
    let slug: Vec<String> = crate::text::token_texts(name);
    if slug.is_empty() {
        "feed".into()
    } else {
        slug.join("-")
    }
}

/// Says in words what is wrong with something that is not a readable feed. Messages that start
/// "not a feed" or "this is a web page" are what the live-feed status calls "not a feed".
pub fn describe_error(bytes: &[u8], err: &feed_rs::parser::ParseFeedError) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return "the file is empty".into();
    }
    if head.contains("<html") || head.starts_with("<!doctype") {
        return "this is a web page (HTML), not a feed; look for the page's RSS or Atom link"
            .into();
    }
    let printable = bytes[..bytes.len().min(512)]
        .iter()
        .filter(|b| b.is_ascii_graphic() || b.is_ascii_whitespace() || **b >= 0x80)
        .count();
    if printable * 10 < bytes.len().min(512) * 9 || bytes.contains(&0) {
        return "not a feed: this is binary data, not text".into();
    }
    if !head.starts_with('<') && !head.starts_with('{') {
        return "not a feed: this is plain text, not RSS, Atom or JSON Feed".into();
    }
    if head.starts_with('{') {
        return format!("not a feed: this JSON is not a JSON Feed ({err})");
    }
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match err {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "not a feed: the XML has no RSS, RDF or Atom root element".into()
        }
        ParseFeedError::XmlReader(e) => {
            let text = e.to_string();
            if text.to_ascii_lowercase().contains("eof") || text.contains("unexpected end") {
                format!("not a feed: the XML stops part-way (the file is cut short): {text}")
            } else {
                format!("not a feed: the XML is broken: {text}")
            }
        }
        _ => format!("not a feed: not a readable RSS, Atom or JSON feed: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> FeedOrigin<'static> {
        FeedOrigin {
            origin: "test.xml",
            source: None,
            now: DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or_default(),
        }
    }

    #[test]
    fn rss_items_become_documents() {
        let xml =
            br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Port Ellis News</title>
            <link>https://www.portellisnews.example/</link>
            <item><title>Ferry &amp; bus</title><link>https://portellisnews.example/a</link>
            <description>&lt;p&gt;New &lt;b&gt;timetable&lt;/b&gt; #Ferry&lt;/p&gt;</description>
            <pubDate>Tue, 03 Feb 2026 09:00:00 GMT</pubDate></item>
            <item><description>No title, no link, no date</description></item>
            </channel></rss>"#;
        let p = parse(xml, &origin());
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert_eq!(p.documents.len(), 2);
        let a = &p.documents[0];
        assert_eq!(a.id, "https://portellisnews.example/a");
        assert_eq!(a.title, "Ferry & bus");
        assert_eq!(a.body, "New timetable #Ferry");
        assert_eq!(a.tags, ["ferry"]);
        assert_eq!(a.source, "portellisnews.example");
        assert_eq!(a.source_name, "Port Ellis News");
        assert!(p.documents[1].id.starts_with("sha-"));
        assert_eq!(p.notes.len(), 1);
    }

    #[test]
    fn html_page_is_named_as_such() {
        let p = parse(b"<!DOCTYPE html><html><body>hi</body></html>", &origin());
        assert!(p.documents.is_empty());
        assert!(
            p.problems[0].message.contains("web page"),
            "{}",
            p.problems[0]
        );
    }
}
