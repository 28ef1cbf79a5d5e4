//! Reading a feed's bytes (docs/design.md, "Feed items"): XML through `normalise`, then feed-rs
//! (contained, should it panic on hostile bytes), the repairs of broken XML in turn, the check
//! that no item was dropped silently, and what to say about bytes that are not a feed.

use std::borrow::Cow;

use feed_rs::model::Feed;
use feed_rs::parser::{ParseErrorKind, ParseFeedError, Parser};
use url::Url;

use super::super::{Parsed, Problem, normalise, repair};

/// A feed read, and the notes on what normalising did to read it.
pub(super) type Read = (Feed, Vec<String>);

/// Reads a feed's text: XML through `normalise` first (falling back to the text as it is
/// when that cannot read it), JSON with its mends. The notes say what normalising did.
pub(super) fn read(
    parser: &dyn Fn() -> Parser,
    text: &[u8],
    is_json: bool,
    base: Option<&Url>,
) -> Result<Read, Failure> {
    // Like feed-rs, the normaliser reads untrusted bytes: should it ever panic, the text is
    // read as it is instead.
    let normalised = std::panic::catch_unwind(|| {
        if is_json {
            normalise::json(text)
        } else {
            normalise::xml(text, base).ok()
        }
    })
    .ok()
    .flatten();
    if let Some(n) = normalised
        && let Ok(feed) = try_parse(parser, &n.text)
    {
        return Ok((feed, n.notes));
    }
    try_parse(parser, text).map(|feed| (feed, Vec::new()))
}

/// What binary data is, when it is not text at all: a compressed file saved under a feed's
/// name, an image, or junk.
pub(super) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"\x1f\x8b",
            "compressed (gzip) data, not text; unpack it first",
        ),
        (b"PK\x03\x04", "a ZIP archive, not text; unpack it first"),
        (b"\x89PNG", "an image (PNG), not text"),
        (b"\xff\xd8\xff", "an image (JPEG), not text"),
        (b"GIF8", "an image (GIF), not text"),
        (b"%PDF", "a PDF document, not text"),
        (b"BZh", "compressed (bzip2) data, not text; unpack it first"),
        (
            b"\x28\xb5\x2f\xfd",
            "compressed (zstd) data, not text; unpack it first",
        ),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    // UTF-16 text has zero bytes too, but starts with a byte-order mark or "<\0" / "\0<".
    let utf16 = bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || bytes.starts_with(b"<\0")
        || bytes.starts_with(b"\0<");
    let head = &bytes[..bytes.len().min(1024)];
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    (!utf16 && !head.is_empty() && controls * 20 > head.len()).then_some("binary data, not text")
}
pub(super) const PANIC_MESSAGE: &str =
    "the feed reader could not make sense of this file (it crashed on it); the file was skipped";

pub(super) enum Failure {
    Error(ParseFeedError),
    Panic,
}

/// feed-rs reads untrusted bytes; should it ever panic on them, that file is rejected with a
/// message instead of taking the import (or the server's poller) down with it.
pub(super) fn try_parse(parser: &dyn Fn() -> Parser, bytes: &[u8]) -> Result<Feed, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parser().parse(bytes))) {
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(e)) => Err(Failure::Error(e)),
        Err(_) => Err(Failure::Panic),
    }
}

/// Tries the repairs of `repair` in turn on XML that did not parse: bare ampersands, and
/// last, keeping the complete items before the point where the file breaks. Says what it did
/// in notes (nothing lost) or problems (items lost).
pub(super) fn repair_xml(
    read: &dyn Fn(&[u8]) -> Result<Read, Failure>,
    text: &[u8],
    error: &ParseFeedError,
    origin: &str,
    parsed: &mut Parsed,
) -> Option<Feed> {
    let mut current: Cow<'_, [u8]> = Cow::Borrowed(text);
    let mut notes = Vec::new();
    if let Some(fixed) = repair::escape_bare_ampersands(&current) {
        current = Cow::Owned(fixed);
        if let Ok((feed, more)) = read(&current) {
            notes
                .push("bare '&' characters (which XML does not allow) were read as '&amp;'".into());
            notes.extend(more);
            parsed
                .notes
                .extend(notes.into_iter().map(|n| format!("{origin}: {n}")));
            return Some(feed);
        }
    }
    // Keep the longest run of complete items that parses. Whether a prefix parses only gets
    // worse as it grows past the break, so a binary search over item ends finds it.
    let closing = repair::closing_tags(&current)?;
    let ends = repair::item_ends(&current);
    let attempt = |k: usize| -> Option<Read> {
        let mut prefix = current[..ends[k - 1]].to_vec();
        prefix.extend_from_slice(closing.as_bytes());
        read(&prefix).ok()
    };
    let (mut lo, mut hi) = (0usize, ends.len());
    let mut best: Option<Read> = None;
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        match attempt(mid) {
            Some(feed) => {
                best = Some(feed);
                lo = mid;
            }
            None => hi = mid - 1,
        }
    }
    // `best` is always the parse of `lo` complete items.
    let (feed, more) = best.filter(|_| lo > 0)?;
    notes.extend(more);
    let why = describe_error(text, error);
    let why = why.strip_prefix("not a feed: ").unwrap_or(&why);
    parsed
        .notes
        .extend(notes.into_iter().map(|n| format!("{origin}: {n}")));
    parsed.problems.push(Problem {
        origin: origin.to_string(),
        line: None,
        message: format!(
            "{why}; the {} complete item(s) before the break were read and the rest of the file was skipped",
            feed.entries.len()
        ),
    });
    Some(feed)
}

/// Notices items that parsing dropped without an error (a second root element, items outside
/// the channel), so their loss is not silent.
pub(super) fn check_item_count(text: &[u8], feed: &Feed, origin: &str, parsed: &mut Parsed) {
    let in_file = repair::count_items(text);
    if in_file > feed.entries.len() {
        parsed.problems.push(Problem {
            origin: origin.to_string(),
            line: None,
            message: format!(
                "the file holds {in_file} items but only {} could be read; the others are outside the feed's structure",
                feed.entries.len()
            ),
        });
    }
}
/// Says in words what is wrong with something that is not a readable feed. Messages that start
/// "not a feed" or "this is a web page" are what the live-feed status calls "not a feed".
pub fn describe_error(bytes: &[u8], err: &ParseFeedError) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start();
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return "the file is empty".into();
    }
    if head.contains("<html") || head.starts_with("<!doctype") {
        return "this is a web page (HTML), not a feed; look for the page's RSS or Atom link"
            .into();
    }
    if head.starts_with('[') && serde_json::from_slice::<serde_json::Value>(bytes).is_ok() {
        return "not a feed: this JSON is not a JSON Feed (it is a list; a JSON Feed is an object with \"version\" and \"items\")".into();
    }
    if !head.starts_with('<') && !head.starts_with('{') {
        return "not a feed: this is plain text, not RSS, Atom or JSON Feed".into();
    }
    if head.starts_with('{') {
        let hint = if err.to_string().contains("trailing characters") {
            "; if it holds one document a line, it is a JSONL corpus: name it .jsonl"
        } else {
            ""
        };
        return format!("not a feed: this JSON is not a JSON Feed ({err}){hint}");
    }
    match err {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => match repair::root_name(bytes) {
            Some(root) if root.eq_ignore_ascii_case("rss") => {
                "not a feed: the <rss> element holds no <channel>".into()
            }
            Some(root) => format!(
                "not a feed: the XML's root element is <{root}>, not <rss>, <rdf:RDF> or <feed>"
            ),
            None => "not a feed: there is no XML element in the file".into(),
        },
        ParseFeedError::XmlReader(e) => {
            let text = e.to_string();
            let text = text.strip_prefix("Parser error: ").unwrap_or(&text);
            let lower = text.to_ascii_lowercase();
            if (lower.contains("end of input") && !lower.contains("reference"))
                || lower.contains("unexpected eof")
            {
                format!("not a feed: the file stops part-way (it was cut short): {text}")
            } else {
                format!("not a feed: the XML is broken: {text}")
            }
        }
        _ => format!("not a feed: not a readable RSS, Atom or JSON feed: {err}"),
    }
}
