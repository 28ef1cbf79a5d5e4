//! Mending the common mistakes of real-world feeds that `normalise` cannot read past, so that a
//! feed a browser would show is not lost over a detail: control characters XML forbids, bare
//! `&` in titles and URLs, and files that stop or break part-way (the complete items before the
//! break are kept). Pure byte work on text that `charset` has already made UTF-8; `feed`
//! decides when to use each repair and says so.

use std::borrow::Cow;

/// Removes C0 control characters other than tab, CR and LF (XML 1.0 forbids them, and they
/// have no business in a title). They are single bytes in UTF-8, never part of another
/// character, so removing them keeps the text valid UTF-8.
pub fn strip_control_chars(bytes: Cow<'_, [u8]>) -> (Cow<'_, [u8]>, bool) {
    let bad = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
    if !bytes.iter().any(bad) {
        return (bytes, false);
    }
    (
        Cow::Owned(bytes.iter().copied().filter(|b| !bad(b)).collect()),
        true,
    )
}

/// The name of the root element (`rss`, `feed`, `rdf:RDF`...), skipping the declaration,
/// comments and a DOCTYPE.
pub fn root_name(text: &[u8]) -> Option<&str> {
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let lt = rest.iter().position(|b| *b == b'<')?;
        let after = &rest[lt + 1..];
        if after.first().is_some_and(|b| b.is_ascii_alphabetic()) {
            let end = after
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
                .unwrap_or(after.len());
            return std::str::from_utf8(&after[..end]).ok();
        }
        i += lt + 1;
    }
    None
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Escapes each `&` that does not start an entity or character reference (`Fish & chips`,
/// `?a=1&b=2`), which XML rejects and browsers accept. `None` when there is none.
pub fn escape_bare_ampersands(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + 64);
    let mut changed = false;
    let mut in_cdata = false;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if !in_cdata && text[i..].starts_with(b"<![CDATA[") {
            in_cdata = true;
        } else if in_cdata && text[i..].starts_with(b"]]>") {
            in_cdata = false;
        }
        if b == b'&' && !in_cdata && !starts_reference(&text[i + 1..]) {
            out.extend_from_slice(b"&amp;");
            changed = true;
        } else {
            out.push(b);
        }
        i += 1;
    }
    changed.then_some(out)
}

fn starts_reference(after: &[u8]) -> bool {
    let end = after.iter().take(40).position(|b| *b == b';');
    let Some(end) = end else { return false };
    let name = &after[..end];
    match name {
        [] => false,
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
        _ => {
            name[0].is_ascii_alphabetic()
                && name
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':'))
        }
    }
}

/// Namespaces whose `item` and `entry` are a feed's items (RSS 0.90 and 1.0, Atom 0.3 and
/// 1.0); `content:item` and the like are not.
const FEED_NAMESPACES: &[&[u8]] = &[
    b"http://purl.org/rss/1.0/",
    b"http://my.netscape.com/rdf/simple/0.9/",
    b"http://www.w3.org/2005/Atom",
    b"http://purl.org/atom/ns#",
];

/// Prefixes the text binds to other namespaces than a feed's (`xmlns:content="..."`).
fn other_prefixes(text: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(pos) = find(&text[i..], b"xmlns:") {
        let start = i + pos + 6;
        i = start;
        let Some(eq) = text[start..].iter().take(64).position(|b| *b == b'=') else {
            continue;
        };
        let prefix = text[start..start + eq].trim_ascii();
        let value = text[start + eq + 1..].trim_ascii_start();
        let Some(&quote) = value.first().filter(|q| **q == b'"' || **q == b'\'') else {
            continue;
        };
        let Some(end) = value[1..].iter().take(512).position(|b| *b == quote) else {
            continue;
        };
        if !FEED_NAMESPACES.contains(&&value[1..1 + end]) {
            out.push(prefix);
        }
    }
    out
}

/// Whether an element name is a feed's item or entry (any case; a prefix bound to a feed's
/// namespace, or undeclared, is allowed).
fn is_item_name(name: &[u8], others: &[&[u8]]) -> bool {
    let (prefix, local) = match name.iter().position(|b| *b == b':') {
        Some(at) => (Some(&name[..at]), &name[at + 1..]),
        None => (None, name),
    };
    (local.eq_ignore_ascii_case(b"item") || local.eq_ignore_ascii_case(b"entry"))
        && prefix.is_none_or(|p| !others.contains(&p))
}

/// Offsets just after each `</item>` and `</entry>` (see `is_item_name`): the places where a
/// feed can be cut and still hold complete items.
pub fn item_ends(text: &[u8]) -> Vec<usize> {
    let others = other_prefixes(text);
    let mut ends = Vec::new();
    let mut i = 0;
    while let Some(pos) = find(&text[i..], b"</") {
        let start = i + pos + 2;
        let Some(close) = text[start..].iter().take(64).position(|b| *b == b'>') else {
            i = start;
            continue;
        };
        if is_item_name(text[start..start + close].trim_ascii_end(), &others) {
            ends.push(start + close + 1);
        }
        i = start + close + 1;
    }
    ends
}

/// What closes a document cut after an item, by its root: RSS items sit in `<channel>`; RSS
/// 1.0 items, Atom entries and CDF items sit directly in the root. Names keep their case.
pub fn closing_tags(text: &[u8]) -> Option<String> {
    let root = root_name(text)?;
    match local(root).to_ascii_lowercase().as_str() {
        "rss" => {
            let channel = find_ignore_case(text, b"<channel")
                .and_then(|at| std::str::from_utf8(&text[at + 1..at + 8]).ok())
                .unwrap_or("channel");
            Some(format!("</{channel}></{root}>"))
        }
        "rdf" | "feed" | "channel" => Some(format!("</{root}>")),
        _ => None,
    }
}

/// How many items the raw text holds (`<item>`, `<item ...>`, `<entry>`, `<entry ...>`), to
/// notice items that parsing silently dropped.
pub fn count_items(text: &[u8]) -> usize {
    let others = other_prefixes(text);
    let mut n = 0;
    let mut i = 0;
    while let Some(pos) = text[i..].iter().position(|b| *b == b'<') {
        let rest = &text[i + pos + 1..];
        let name_end = rest
            .iter()
            .take(64)
            .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            .unwrap_or(0);
        if is_item_name(&rest[..name_end], &others) && rest.get(name_end) != Some(&b'/') {
            n += 1;
        }
        i += pos + 1;
    }
    n
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[u8]) -> String {
        String::from_utf8_lossy(v).into_owned()
    }

    #[test]
    fn control_characters_go() {
        let (out, changed) = strip_control_chars(Cow::Borrowed(b"a\x00b\x07c\td\ne".as_slice()));
        assert!(changed);
        assert_eq!(s(&out), "abc\td\ne");
    }

    #[test]
    fn root_names() {
        assert_eq!(
            root_name(b"<?xml version='1.0'?><!-- c --><!DOCTYPE x><rss version='2.0'>"),
            Some("rss")
        );
        assert_eq!(root_name(b"\n<rdf:RDF xmlns:rdf='x'>"), Some("rdf:RDF"));
        assert_eq!(root_name(b"no tags"), None);
    }

    #[test]
    fn bare_ampersands() {
        let out = escape_bare_ampersands(
            b"<t>Fish & chips &amp; peas &#8211; &#x41; &nbsp; <![CDATA[a & b]]> ?a=1&b=2</t>",
        );
        assert_eq!(
            s(&out.unwrap_or_default()),
            "<t>Fish &amp; chips &amp; peas &#8211; &#x41; &nbsp; <![CDATA[a & b]]> ?a=1&amp;b=2</t>"
        );
        assert!(escape_bare_ampersands(b"<t>&amp;</t>").is_none());
    }

    #[test]
    fn item_boundaries_and_counts() {
        let text = b"<rss><channel><item><title>a</title></item><item/><item x='1'>b</item><atom:entry>c</atom:entry></channel></rss>";
        assert_eq!(item_ends(text).len(), 3);
        assert_eq!(count_items(text), 3);
        assert_eq!(closing_tags(text).as_deref(), Some("</channel></rss>"));
        assert_eq!(closing_tags(b"<rdf:RDF>").as_deref(), Some("</rdf:RDF>"));
        assert_eq!(
            closing_tags(b"<RSS><CHANNEL><ITEM>a</ITEM>").as_deref(),
            Some("</CHANNEL></RSS>")
        );
        assert_eq!(item_ends(b"<ITEM>a</ITEM><item>b</item>").len(), 2);
        let rdf = b"<rdf:RDF xmlns='http://purl.org/rss/1.0/' xmlns:rss='http://purl.org/rss/1.0/' \
            xmlns:content='http://purl.org/rss/1.0/modules/content/'><item><content:item>x</content:item></item>\
            <rss:item>y</rss:item></rdf:RDF>";
        assert_eq!(count_items(rdf), 2);
        assert_eq!(item_ends(rdf).len(), 2);
    }
}
