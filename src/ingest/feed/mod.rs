//! Feed files and fetched feeds (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF, JSON Feed) → documents.
//! XML feeds are first rewritten as plain Atom 1.0 by `normalise` (which knows the dialects and
//! mistakes feed-rs does not), then read by feed-rs; XML that is not well-formed goes to
//! feed-rs as it is, and `repair` mends what it can.
//!
//! An item's id is the feed's guid or id, else its link, else a hash of its content, prefixed
//! with the feed's identity (`FeedKey`: its address, or the file's path): guids are only unique
//! within their feed, and two feeds in one corpus must not overwrite each other's items. An item without a date takes the
//! feed's date, else the import time, and the summary says so.//!
//! This file: feeds into documents, and their ids. Reading the bytes (normalising, feed-rs, the
//! repairs) and naming what is wrong with a file that is not a feed are `read.rs`.

mod read;

pub use read::describe_error;
use read::{Failure, PANIC_MESSAGE, binary_kind, check_item_count, read, repair_xml};

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed};
use url::Url;

use super::clean::html_to_text;
use super::{Document, Parsed, Problem};
use super::{charset, dates, repair};

/// Where a feed came from, used for the documents' `source` and ids, and for messages.
pub struct FeedOrigin<'a> {
    /// File name or feed URL, for messages.
    pub origin: &'a str,
    /// Source id to give documents; derived from the feed's title or host when `None`.
    pub source: Option<&'a str>,
    /// Used for items without a date and no feed date.
    pub now: DateTime<Utc>,
    /// Which feed this is: item ids are made unique per feed with it.
    pub key: FeedKey<'a>,
}

/// A feed's identity, which prefixes its items' ids (`<identity>#<item id>`) so that ids are
/// unique per feed, while the same item read again from the same feed keeps its id.
#[derive(Debug, Clone, Copy)]
pub enum FeedKey<'a> {
    /// A fetched feed: its address.
    Url(&'a str),
    /// A feed file: its path under the folder imported (or its name, when imported alone).
    /// Not the address the feed states for itself: copies of one template feed often keep the
    /// template's, and two feeds taken for one would overwrite each other's items.
    File(&'a str),
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
    let note =
        |parsed: &mut Parsed, text: String| parsed.notes.push(format!("{}: {text}", from.origin));
    if let Some(what) = binary_kind(bytes) {
        parsed.problems.push(Problem {
            origin: from.origin.to_string(),
            line: None,
            message: format!("not a feed: this is {what}"),
        });
        return parsed;
    }
    let decoded = charset::to_utf8(bytes, http_charset);
    if let Some(n) = decoded.note {
        note(&mut parsed, n);
    }
    let (text, stripped) = repair::strip_control_chars(decoded.bytes);
    if stripped {
        note(
            &mut parsed,
            "control characters (which XML does not allow) were removed".into(),
        );
    }
    let is_json = text
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{');
    // For fetched feeds, relative links resolve against the feed's address.
    let base = Url::parse(from.origin)
        .ok()
        .filter(|u| u.scheme() == "http" || u.scheme() == "https");
    // A fresh parser for every attempt: a feed-rs parser that failed part-way through an item
    // keeps state that makes its next parse panic (feed-rs 3.0, mediarss scope).
    let parser = || {
        feed_rs::parser::Builder::new()
            .base_uri(base.as_ref().map(Url::as_str))
            // No generated ids: docs/design.md says link, else a hash of the content, done below.
            .id_generator(|links, _title, _uri| {
                links.first().map(|l| l.href.clone()).unwrap_or_default()
            })
            .timestamp_parser(dates::parse)
            .build()
    };
    let read = |bytes: &[u8]| read(&parser, bytes, is_json, base.as_ref());
    let feed = match read(&text) {
        Ok((feed, notes)) => {
            for n in notes {
                note(&mut parsed, n);
            }
            if !is_json {
                check_item_count(&text, &feed, from.origin, &mut parsed);
            }
            feed
        }
        Err(failure) => {
            let repaired = match &failure {
                Failure::Error(e) if !is_json => {
                    repair_xml(&read, &text, e, from.origin, &mut parsed)
                }
                _ => None,
            };
            match repaired {
                Some(feed) => feed,
                None => {
                    parsed.problems.push(Problem {
                        origin: from.origin.to_string(),
                        line: None,
                        message: match failure {
                            Failure::Error(e) => describe_error(&text, &e),
                            Failure::Panic => PANIC_MESSAGE.into(),
                        },
                    });
                    return parsed;
                }
            }
        }
    };
    if feed.entries.is_empty() {
        note(&mut parsed, "the feed has no items".into());
    }
    let base = base.or_else(|| {
        feed.links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .and_then(|l| Url::parse(&l.href).ok())
    });
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
    let identity = feed_identity(from.key);
    let feed_date = feed.published.or(feed.updated);
    let feed_lang = feed.language.clone().unwrap_or_default();
    let mut undated = 0;
    for entry in &feed.entries {
        let own = entry.published.or(entry.updated);
        if own.is_none() {
            undated += 1;
        }
        let published = own.or(feed_date);
        match to_document(
            entry,
            &identity,
            &source,
            &source_name,
            &feed_lang,
            published.unwrap_or(from.now),
            base.as_ref(),
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
    identity: &str,
    source: &str,
    source_name: &str,
    feed_lang: &str,
    published: DateTime<Utc>,
    base: Option<&Url>,
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
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.trim())
        .unwrap_or_default();
    let url = absolute(link, base);
    let id = if !entry.id.trim().is_empty() {
        // An id that is the item's relative link becomes the absolute link, like the URL.
        if entry.id.trim() == link {
            url.clone()
        } else {
            entry.id.trim().to_string()
        }
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
    let id = scoped_id(identity, &id);
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

/// The prefix that makes item ids unique per feed (see `FeedKey`).
fn feed_identity(key: FeedKey<'_>) -> String {
    match key {
        FeedKey::Url(url) => url.trim().to_string(),
        FeedKey::File(path) => path.replace('\\', "/"),
    }
}

/// `<identity>#<item id>`, hashed (with the identity) when that would be too long a key.
fn scoped_id(identity: &str, item: &str) -> String {
    let id = format!("{identity}#{item}");
    if id.len() > MAX_ID_BYTES {
        content_hash(&id, "")
    } else {
        id
    }
}

/// The id an item of a fetched feed had before ids were made unique per feed, where it
/// differs from its id now: ids that were URLs or URNs were not prefixed with the feed's
/// address then. `None` when the id is the same under both schemes (or cannot be told).
pub fn legacy_fetched_id(feed_url: &str, id: &str) -> Option<String> {
    let item = id.strip_prefix(feed_url.trim())?.strip_prefix('#')?;
    item.contains(':').then(|| item.to_string())
}

/// The id an item of a feed file had before ids were made unique per feed: the item's own id,
/// bare. `None` when `id` is not of the file's form (hashed for length, or not from it).
pub fn legacy_file_id(file_key: &str, id: &str) -> Option<String> {
    let identity = feed_identity(FeedKey::File(file_key));
    let item = id.strip_prefix(identity.as_str())?.strip_prefix('#')?;
    (!item.is_empty()).then(|| item.to_string())
}
/// A link made absolute against the feed's address or home page, when it is relative.
fn absolute(href: &str, base: Option<&Url>) -> String {
    if href.is_empty() {
        return String::new();
    }
    match (Url::parse(href), base) {
        (Err(url::ParseError::RelativeUrlWithoutBase), Some(base)) => base
            .join(href)
            .map(String::from)
            .unwrap_or_else(|_| href.to_string()),
        _ => href.to_string(),
    }
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
    let h = crate::text::stable_hash([title.as_bytes(), &[0u8], body.as_bytes()]);
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
            key: FeedKey::File("news/test.xml"),
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
        assert_eq!(a.id, "news/test.xml#https://portellisnews.example/a");
        assert_eq!(a.title, "Ferry & bus");
        assert_eq!(a.body, "New timetable #Ferry");
        assert_eq!(a.tags, ["ferry"]);
        assert_eq!(a.source, "portellisnews.example");
        assert_eq!(a.source_name, "Port Ellis News");
        assert!(p.documents[1].id.starts_with("news/test.xml#sha-"));
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
