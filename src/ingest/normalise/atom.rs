//! Atom 1.0 and Atom 0.3 (`mode="escaped"`, `mode="base64"`, `multipart/alternative`,
//! `issued` and `modified`), read into the model so that the Atom feed-rs is given holds only
//! what it reads: text and content of every type made HTML, and binary content dropped.

use super::model::{Dates, Entry, Link, Model, Scope, first_text, non_empty, person};
use super::tree::{El, Ns, escape, serialise_kids};

/// The text of an Atom text construct or content element, as HTML, whatever its type and mode;
/// `None` when it has no text a person could read (empty, out of line, binary).
pub(super) fn atom_text(el: &El) -> Option<String> {
    if el.attr(Ns::None, "src").is_some() && el.text().trim().is_empty() && !el.has_elements() {
        return None;
    }
    let ty = el
        .attr(Ns::None, "type")
        .map(|t| {
            t.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let mode = el
        .attr(Ns::None, "mode")
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    // Atom 0.3's multipart/alternative holds alternatives: the first readable one.
    if ty == "multipart/alternative" {
        return el
            .children(Ns::None, "content")
            .filter(|c| c.attr(Ns::None, "type").is_some_and(|t| t.contains("html")))
            .chain(el.children(Ns::None, "content"))
            .find_map(atom_text);
    }
    let is_html = matches!(ty.as_str(), "html" | "text/html");
    let is_xml = matches!(ty.as_str(), "xhtml" | "application/xhtml+xml")
        || ty.ends_with("+xml")
        || ty.ends_with("/xml");
    let is_text = matches!(ty.as_str(), "" | "text" | "text/plain") || ty.starts_with("text/");
    let base64 = mode == "base64" || (!is_html && !is_xml && !is_text);
    if base64 {
        let raw = el.text();
        let decoded = match decode_base64(&raw) {
            Some(bytes) => match String::from_utf8(bytes) {
                Ok(s) if !s.chars().any(|c| c.is_control() && !c.is_whitespace()) => s,
                // Binary (an image, a PDF): nothing a person reads.
                _ => return None,
            },
            // Not base64 after all (publishers mislabel): read it as text.
            None => raw,
        };
        if ty.starts_with("image/") || ty.starts_with("audio/") || ty.starts_with("video/") {
            return None;
        }
        return non_empty(if ty.contains("html") {
            decoded
        } else {
            escape(&decoded)
        });
    }
    let html = if el.has_elements() {
        // Inline XHTML (or HTML written as markup): serialised. An XHTML div wrapper goes too.
        let mut out = String::new();
        serialise_kids(el, &mut out);
        out
    } else if is_html || is_xml || mode == "escaped" && !ty.contains("plain") {
        // Escaped markup (also what type="xhtml" holds when the publisher escaped it).
        el.text()
    } else {
        escape(&el.text())
    };
    non_empty(html)
}

pub(super) fn atom_person(el: &El) -> Option<String> {
    el.child(Ns::None, "name")
        .and_then(|n| non_empty(n.text()))
        .or_else(|| {
            el.child(Ns::None, "email")
                .and_then(|n| non_empty(n.text()))
        })
        .or_else(|| (!el.has_elements()).then(|| el.text()).and_then(non_empty))
}

fn atom_links(el: &El, scope: &Scope) -> Vec<Link> {
    el.children(Ns::None, "link")
        .filter_map(|l| {
            let href = l
                .attr(Ns::None, "href")
                .map(str::to_string)
                .or_else(|| non_empty(l.text()))?;
            let href = scope.enter(l).resolve(&href);
            let rel = l
                .attr(Ns::None, "rel")
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .unwrap_or("alternate");
            // IANA's full form of the registered relations.
            let rel = rel
                .strip_prefix("http://www.iana.org/assignments/relation/")
                .unwrap_or(rel);
            (!href.is_empty()).then(|| Link {
                href,
                rel: rel.to_string(),
            })
        })
        .collect()
}

pub(super) fn read_atom(root: &El, doc: &Scope, dates: &mut Dates<'_>) -> Model {
    let scope = doc.enter(root);
    let mut model = Model::default();
    let entry_document = root.is("entry");
    let mut feed_authors = Vec::new();
    if !entry_document {
        model.title = root
            .child(Ns::None, "title")
            .and_then(atom_text)
            .or_else(|| first_text(root, &[(Ns::Dc, "title")]));
        model.id = root.child(Ns::None, "id").and_then(|i| non_empty(i.text()));
        model.links = atom_links(root, &scope);
        model.lang = scope.lang.clone().or_else(|| {
            root.child(Ns::Dc, "language")
                .and_then(|l| non_empty(l.text()))
        });
        let candidates = [
            (Ns::None, "updated"),
            (Ns::None, "modified"),
            (Ns::DcTerms, "modified"),
            (Ns::Dc, "date"),
        ]
        .iter()
        .flat_map(|(ns, n)| root.children(*ns, n))
        .map(El::text)
        .collect::<Vec<_>>();
        model.date = dates.first(candidates.iter().map(String::as_str));
        feed_authors = root
            .children(Ns::None, "author")
            .filter_map(atom_person)
            .collect();
    }
    let entries: Vec<&El> = if entry_document {
        vec![root]
    } else {
        root.children(Ns::None, "entry").collect()
    };
    for e in entries {
        let scope = if entry_document {
            scope.clone()
        } else {
            scope.enter(e)
        };
        let mut entry = Entry {
            id: e.child(Ns::None, "id").and_then(|i| non_empty(i.text())),
            title: e
                .child(Ns::None, "title")
                .and_then(atom_text)
                .or_else(|| first_text(e, &[(Ns::Dc, "title")])),
            links: atom_links(e, &scope),
            ..Entry::default()
        };
        let content = e
            .children(Ns::None, "content")
            .find_map(|c| atom_text(c).map(|t| (t, scope.enter(c).lang)));
        let (content, lang) = match content {
            Some((t, lang)) => (Some(t), lang),
            None => (
                e.child(Ns::None, "summary")
                    .and_then(atom_text)
                    .or_else(|| first_text(e, &[(Ns::Dc, "description")])),
                scope.lang.clone(),
            ),
        };
        entry.content = content;
        entry.lang = lang.or_else(|| {
            e.child(Ns::Dc, "language")
                .and_then(|l| non_empty(l.text()))
        });
        let texts = |names: &[(Ns, &str)]| -> Vec<String> {
            names
                .iter()
                .flat_map(|(ns, n)| e.children(*ns, n))
                .map(El::text)
                .collect()
        };
        let published = texts(&[
            (Ns::None, "published"),
            (Ns::None, "issued"),
            (Ns::None, "created"),
            (Ns::DcTerms, "issued"),
            (Ns::DcTerms, "created"),
            (Ns::Dc, "date"),
            (Ns::None, "pubDate"),
        ]);
        entry.published = dates.first(published.iter().map(String::as_str));
        let updated = texts(&[
            (Ns::None, "updated"),
            (Ns::None, "modified"),
            (Ns::DcTerms, "modified"),
        ]);
        entry.updated = dates.first(updated.iter().map(String::as_str));
        entry.authors = e
            .children(Ns::None, "author")
            .filter_map(atom_person)
            .collect();
        if entry.authors.is_empty() {
            entry.authors = texts(&[(Ns::Dc, "creator")])
                .iter()
                .filter_map(|a| person(a))
                .collect();
        }
        if entry.authors.is_empty() {
            // An entry without an author has the feed's (RFC 4287, 4.2.1).
            entry.authors = feed_authors.clone();
        }
        model.entries.push(entry);
    }
    model
}

/// Standard base64 (and the URL-safe alphabet), white space ignored; `None` if it is not.
pub(super) fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut seen = 0;
    let mut padding = false;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                padding = true;
                continue;
            }
            c if c.is_ascii_whitespace() => continue,
            _ => return None,
        };
        if padding {
            return None;
        }
        seen += 1;
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (seen > 0 && seen % 4 != 1).then_some(out)
}
