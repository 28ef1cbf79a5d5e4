//! The small tree a feed's XML is read into, once, so that each dialect's reader can look
//! anywhere in it. Elements keep only the namespaces a feed reader cares about, names are
//! compared without regard to case (`<ITEM>` is an item), and the mistakes publishers make that
//! a browser forgives (a bare `&`, `&nbsp;`) are forgiven here too and remembered for the
//! trainer; XML that is broken beyond that is refused, so that `feed` can fall back.

use std::collections::HashMap;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::Unread;

/// Elements deeper than this are skipped (their text too): no feed nests so deep, and the tree
/// is walked recursively.
const MAX_DEPTH: usize = 200;

/// The namespaces a feed's elements can be in, as far as reading feeds goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    /// No namespace.
    None,
    /// RSS 0.90 and 1.0, and the default namespaces some RSS 2.0 feeds declare.
    Rss,
    Atom10,
    Atom03,
    Rdf,
    Dc,
    DcTerms,
    Content,
    Xhtml,
    Itunes,
    Media,
    Feedburner,
    Xml,
    Other,
}

fn ns_of(uri: &str) -> Ns {
    let uri = uri.trim();
    match uri.trim_end_matches('/').trim_end_matches('#') {
        "http://purl.org/rss/1.0"
        | "http://my.netscape.com/rdf/simple/0.9"
        | "http://backend.userland.com/rss2"
        | "http://backend.userland.com/rss"
        | "http://blogs.law.harvard.edu/tech/rss"
        | "http://purl.org/net/rss1.1" => Ns::Rss,
        "http://www.w3.org/2005/Atom" => Ns::Atom10,
        "http://purl.org/atom/ns" => Ns::Atom03,
        "http://www.w3.org/1999/02/22-rdf-syntax-ns" => Ns::Rdf,
        "http://purl.org/dc/elements/1.1" => Ns::Dc,
        "http://purl.org/dc/terms" => Ns::DcTerms,
        "http://purl.org/rss/1.0/modules/content" => Ns::Content,
        "http://www.w3.org/1999/xhtml" => Ns::Xhtml,
        "http://www.itunes.com/dtds/podcast-1.0.dtd" => Ns::Itunes,
        "http://search.yahoo.com/mrss" => Ns::Media,
        "http://rssnamespace.org/feedburner/ext/1.0" => Ns::Feedburner,
        "http://www.w3.org/XML/1998/namespace" => Ns::Xml,
        _ => Ns::Other,
    }
}

/// A prefix used without being declared, read by the convention everyone follows.
fn ns_of_prefix(prefix: &str) -> Ns {
    match prefix.to_ascii_lowercase().as_str() {
        "dc" => Ns::Dc,
        "dcterms" => Ns::DcTerms,
        "content" => Ns::Content,
        "atom" | "atom10" => Ns::Atom10,
        "xhtml" => Ns::Xhtml,
        "itunes" => Ns::Itunes,
        "media" => Ns::Media,
        "rdf" => Ns::Rdf,
        "feedburner" => Ns::Feedburner,
        "xml" => Ns::Xml,
        _ => Ns::Other,
    }
}

#[derive(Debug)]
pub(super) struct El {
    pub(super) ns: Ns,
    /// Written with a prefix (`dc:title`) rather than in the default namespace.
    prefixed: bool,
    /// The local name as written (case kept).
    pub(super) name: String,
    attrs: Vec<Attr>,
    kids: Vec<Node>,
}

#[derive(Debug)]
struct Attr {
    ns: Ns,
    name: String,
    value: String,
}

#[derive(Debug)]
enum Node {
    El(El),
    /// Characters, entities resolved (CDATA included).
    Text(String),
}

impl El {
    pub(super) fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// An element of the feed's own vocabulary (RSS, CDF or Atom, whichever the root is): in no
    /// namespace, an RSS or Atom namespace, or whatever default namespace the file declares.
    /// Atom elements count only unprefixed: in an RSS feed `atom:link` is not the `<link>`.
    fn core(&self) -> bool {
        match self.ns {
            Ns::None | Ns::Rss => true,
            Ns::Atom10 | Ns::Atom03 | Ns::Other => !self.prefixed,
            _ => false,
        }
    }

    /// In an Atom feed, Atom elements are its own however written (`<atom:feed>`, `<atom:link>`).
    pub(super) fn unprefix_atom(&mut self) {
        if matches!(self.ns, Ns::Atom10 | Ns::Atom03) {
            self.prefixed = false;
        }
        for k in &mut self.kids {
            if let Node::El(e) = k {
                e.unprefix_atom();
            }
        }
    }

    pub(super) fn core_is(&self, name: &str) -> bool {
        self.core() && self.is(name)
    }

    pub(super) fn elements(&self) -> impl Iterator<Item = &El> {
        self.kids.iter().filter_map(|k| match k {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub(super) fn child(&self, ns: Ns, name: &str) -> Option<&El> {
        self.elements()
            .find(|e| e.is(name) && (e.ns == ns || (ns == Ns::None && e.core())))
    }

    pub(super) fn children<'a>(&'a self, ns: Ns, name: &'a str) -> impl Iterator<Item = &'a El> {
        self.elements()
            .filter(move |e| e.is(name) && (e.ns == ns || (ns == Ns::None && e.core())))
    }

    /// An attribute in no namespace (any case), or in the given one.
    pub(super) fn attr(&self, ns: Ns, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns == ns && a.name.eq_ignore_ascii_case(name))
            .map(|a| a.value.as_str())
    }

    pub(super) fn has_elements(&self) -> bool {
        self.elements().next().is_some()
    }

    /// All the characters inside, markup dropped.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for k in &self.kids {
            match k {
                Node::Text(t) => out.push_str(t),
                Node::El(e) => e.collect_text(out),
            }
        }
    }

    /// The content as HTML: text-only content is already HTML (escaped HTML is what RSS
    /// carries); content with elements in it (HTML written as markup, XHTML) is serialised,
    /// its text escaped.
    pub(super) fn html(&self) -> String {
        if self.has_elements() {
            let mut out = String::new();
            serialise_kids(self, &mut out);
            out
        } else {
            self.text()
        }
    }
}

const VOID: &[&str] = &[
    "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source",
    "track", "wbr",
];

pub(super) fn serialise_kids(el: &El, out: &mut String) {
    for k in &el.kids {
        match k {
            Node::Text(t) => out.push_str(&escape(t)),
            Node::El(e) => {
                let name = e.name.to_ascii_lowercase();
                out.push('<');
                out.push_str(&name);
                for a in &e.attrs {
                    if a.ns == Ns::None {
                        out.push(' ');
                        out.push_str(&a.name);
                        out.push_str("=\"");
                        out.push_str(&escape(&a.value));
                        out.push('"');
                    }
                }
                out.push('>');
                if VOID.contains(&name.as_str()) && e.kids.is_empty() {
                    continue;
                }
                serialise_kids(e, out);
                out.push_str("</");
                out.push_str(&name);
                out.push('>');
            }
        }
    }
}

pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// What reading the XML noticed along the way.
#[derive(Default)]
pub(super) struct Reading {
    pub(super) bare_ampersands: bool,
    pub(super) capitals: bool,
    entities: HashMap<String, Option<String>>,
}

/// Reads the document element into a tree. Everything after it (a second root) is ignored, as
/// XML says; `feed` notices items lost that way by counting them in the raw text.
pub(super) fn read_tree(text: &str, reading: &mut Reading) -> Result<El, Unread> {
    let mut reader = NsReader::from_str(text);
    let config = reader.config_mut();
    config.allow_dangling_amp = true;
    config.check_end_names = false;
    config.trim_text(false);
    let mut stack: Vec<El> = Vec::new();
    let mut skipped_depth = 0usize;
    loop {
        let (resolved, event) = match reader.read_resolved_event() {
            Ok((r, e)) => (resolve_ns(r), e),
            Err(e) => return Err(Unread::Broken(e.to_string())),
        };
        match event {
            Event::Start(start) => {
                if skipped_depth > 0 || stack.len() >= MAX_DEPTH {
                    skipped_depth += 1;
                    continue;
                }
                let el = new_element(&reader, &start, resolved, reading);
                stack.push(el);
            }
            Event::Empty(start) => {
                if skipped_depth > 0 || stack.len() >= MAX_DEPTH {
                    continue;
                }
                let el = new_element(&reader, &start, resolved, reading);
                match stack.last_mut() {
                    Some(parent) => parent.kids.push(Node::El(el)),
                    None => return Ok(el),
                }
            }
            Event::End(end) => {
                if skipped_depth > 0 {
                    skipped_depth -= 1;
                    continue;
                }
                let Some(el) = stack.pop() else {
                    return Err(Unread::Broken("a closing tag with no opening tag".into()));
                };
                let name = end.name().as_ref().to_string();
                let local = name.rsplit(':').next().unwrap_or(&name);
                if !local.eq_ignore_ascii_case(&el.name) {
                    return Err(Unread::Broken(format!(
                        "expected </{}>, found </{name}>",
                        el.name
                    )));
                }
                match stack.last_mut() {
                    Some(parent) => parent.kids.push(Node::El(el)),
                    None => return Ok(el),
                }
            }
            Event::Text(t) => {
                if skipped_depth == 0
                    && let Some(parent) = stack.last_mut()
                {
                    let s = t.xml10_content();
                    if s.contains('&') {
                        reading.bare_ampersands = true;
                    }
                    push_text(parent, &s);
                }
            }
            Event::CData(t) => {
                if skipped_depth == 0
                    && let Some(parent) = stack.last_mut()
                {
                    push_text(parent, &t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if skipped_depth == 0
                    && let Some(parent) = stack.last_mut()
                {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        Ok(None) | Err(_) => {
                            let name = r.xml10_content();
                            entity(&name, reading)
                        }
                    };
                    push_text(parent, &resolved);
                }
            }
            Event::Eof => {
                return Err(if stack.is_empty() {
                    Unread::NotAFeed
                } else {
                    Unread::CutShort
                });
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
}

fn resolve_ns(r: ResolveResult<'_>) -> Option<Ns> {
    match r {
        ResolveResult::Bound(ns) => Some(ns_of(ns.as_ref())),
        ResolveResult::Unbound => None,
        ResolveResult::Unknown(prefix) => Some(ns_of_prefix(&prefix)),
    }
}

fn push_text(parent: &mut El, s: &str) {
    if let Some(Node::Text(last)) = parent.kids.last_mut() {
        last.push_str(s);
    } else {
        parent.kids.push(Node::Text(s.to_string()));
    }
}

/// An entity XML does not define (`&nbsp;`, `&eacute;`, `&mdash;`): HTML's meaning, which is
/// what the publisher meant; one that HTML does not know either stays as written.
fn entity(name: &str, reading: &mut Reading) -> String {
    if let Some(c) = quick_xml::escape::resolve_predefined_entity(name) {
        return c.to_string();
    }
    let written = format!("&{name};");
    let known = reading.entities.entry(name.to_string()).or_insert_with(|| {
        if name.len() > 32 || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let fragment = scraper::Html::parse_fragment(&written);
        let text: String = fragment.root_element().text().collect();
        (text != written && !text.is_empty()).then_some(text)
    });
    known.clone().unwrap_or(written)
}

fn new_element(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    resolved: Option<Ns>,
    reading: &mut Reading,
) -> El {
    let qname = start.name().as_ref().to_string();
    let (prefix, local) = match qname.split_once(':') {
        Some((p, l)) => (Some(p), l.to_string()),
        None => (None, qname.clone()),
    };
    if local.chars().any(|c| c.is_ascii_uppercase()) && local.len() > 1 {
        let lower = local.to_ascii_lowercase();
        if ["rss", "channel", "item", "title", "link", "description"].contains(&lower.as_str()) {
            reading.capitals = true;
        }
    }
    let ns = resolved.unwrap_or(Ns::None);
    let mut attrs = Vec::new();
    for a in start.attributes().with_checks(false).flatten() {
        let key = a.key.as_ref().to_string();
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let (attr_ns, name) = match key.split_once(':') {
            Some((p, l)) => {
                let (r, _) = reader.resolver().resolve_attribute(a.key);
                (
                    resolve_ns(r).unwrap_or_else(|| ns_of_prefix(p)),
                    l.to_string(),
                )
            }
            None => (Ns::None, key.clone()),
        };
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| a.value.to_string());
        attrs.push(Attr {
            ns: attr_ns,
            name,
            value,
        });
    }
    El {
        ns,
        prefixed: prefix.is_some(),
        name: local,
        attrs,
        kids: Vec::new(),
    }
}
