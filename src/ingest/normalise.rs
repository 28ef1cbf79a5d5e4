//! Every XML feed dialect rewritten as plain Atom 1.0 before feed-rs reads it, so that what the
//! leading readers (feedparser, Miniflux) read is read here too. feed-rs reads well-made RSS
//! 0.91/0.92/2.0, RSS 1.0 and Atom 1.0; it refuses or loses:
//!
//! - Atom 0.3 (`http://purl.org/atom/ns#`: `issued`, `modified`, `created`, `mode="escaped"`,
//!   `mode="base64"`, `multipart/alternative`);
//! - Atom text and content of any type but `text`, `html` and `xhtml` (`text/plain`,
//!   `application/xhtml+xml`, `text/xml`, base64 `application/octet-stream`...), and empty
//!   titles or summaries, which refuse the whole feed;
//! - RSS items whose text is only in Dublin Core (`dc:title`, `dc:description`), `xhtml:body`,
//!   `body`, `fullitem`, `itunes:summary` or `media:description`, and titles with unescaped
//!   HTML in them (it keeps the text before the first tag);
//! - RSS 1.0 items without a `<link>` (dropped) and RSS 0.90 (its namespace is not known);
//! - RSS with a default namespace (UserLand's, Harvard's), an unknown version or none;
//! - element names in capitals (`<RSS>`, `<CHANNEL>`, `<ITEM>`, `<TITLE>`);
//! - CDF, the Channel Definition Format (`<CHANNEL HREF>`, `<ITEM HREF LASTMOD>`, `<ABSTRACT>`);
//! - bare `&` and undeclared entities such as `&nbsp;`;
//! - dates in the many forms the web writes them (see `dates`).
//!
//! The XML is read once into a small tree (namespace-aware, names compared without regard to
//! case), the feed's title, links, language and dates and each item's id, title, links,
//! text, authors, dates and language are picked the way those readers pick them, and plain
//! Atom 1.0 is written: every text as HTML, every date as RFC 3339, every link made absolute
//! where a base (`xml:base`, the feed's address) allows. XML that is not well-formed is not
//! guessed at here: `feed` falls back to reading it as it is, with its repairs and messages.

use std::collections::HashMap;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use url::Url;

use super::dates;

/// The rewritten feed and what was done to get it, worth telling the trainer.
#[derive(Debug)]
pub struct Normalised {
    pub text: Vec<u8>,
    pub notes: Vec<String>,
}

/// Why the XML was left as it was.
#[derive(Debug, PartialEq, Eq)]
pub enum Unread {
    /// Not well-formed XML (the reason, from the XML reader).
    Broken(String),
    /// The file ends inside an element.
    CutShort,
    /// Well-formed, but its root is not a feed's (or an `<rss>` holds no `<channel>`).
    NotAFeed,
}

/// Elements deeper than this are skipped (their text too): no feed nests so deep, and the tree
/// is walked recursively.
const MAX_DEPTH: usize = 200;

// ------------------------------------------------------------------------------- the tree

/// The namespaces a feed's elements can be in, as far as reading feeds goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
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
struct El {
    ns: Ns,
    /// Written with a prefix (`dc:title`) rather than in the default namespace.
    prefixed: bool,
    /// The local name as written (case kept).
    name: String,
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
    fn is(&self, name: &str) -> bool {
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
    fn unprefix_atom(&mut self) {
        if matches!(self.ns, Ns::Atom10 | Ns::Atom03) {
            self.prefixed = false;
        }
        for k in &mut self.kids {
            if let Node::El(e) = k {
                e.unprefix_atom();
            }
        }
    }

    fn core_is(&self, name: &str) -> bool {
        self.core() && self.is(name)
    }

    fn elements(&self) -> impl Iterator<Item = &El> {
        self.kids.iter().filter_map(|k| match k {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    fn child(&self, ns: Ns, name: &str) -> Option<&El> {
        self.elements()
            .find(|e| e.is(name) && (e.ns == ns || (ns == Ns::None && e.core())))
    }

    fn children<'a>(&'a self, ns: Ns, name: &'a str) -> impl Iterator<Item = &'a El> {
        self.elements()
            .filter(move |e| e.is(name) && (e.ns == ns || (ns == Ns::None && e.core())))
    }

    /// An attribute in no namespace (any case), or in the given one.
    fn attr(&self, ns: Ns, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.ns == ns && a.name.eq_ignore_ascii_case(name))
            .map(|a| a.value.as_str())
    }

    fn has_elements(&self) -> bool {
        self.elements().next().is_some()
    }

    /// All the characters inside, markup dropped.
    fn text(&self) -> String {
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
    fn html(&self) -> String {
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

fn serialise_kids(el: &El, out: &mut String) {
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

fn escape(s: &str) -> String {
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
struct Reading {
    bare_ampersands: bool,
    capitals: bool,
    entities: HashMap<String, Option<String>>,
}

/// Reads the document element into a tree. Everything after it (a second root) is ignored, as
/// XML says; `feed` notices items lost that way by counting them in the raw text.
fn read_tree(text: &str, reading: &mut Reading) -> Result<El, Unread> {
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

// ------------------------------------------------------------------------------ the model

/// What a feed says, in the form written out.
#[derive(Default)]
struct Model {
    title: Option<String>,
    id: Option<String>,
    links: Vec<Link>,
    lang: Option<String>,
    /// RFC 3339.
    date: Option<String>,
    entries: Vec<Entry>,
}

#[derive(Default)]
struct Entry {
    id: Option<String>,
    /// HTML.
    title: Option<String>,
    links: Vec<Link>,
    /// HTML: the fullest text the item has.
    content: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    authors: Vec<String>,
    lang: Option<String>,
}

struct Link {
    href: String,
    rel: String,
}

/// Inherited context: the base for relative links and the language.
#[derive(Clone)]
struct Scope {
    base: Option<Url>,
    lang: Option<String>,
}

impl Scope {
    fn enter(&self, el: &El) -> Scope {
        let mut scope = self.clone();
        if let Some(b) = el.attr(Ns::Xml, "base") {
            scope.base = join(self.base.as_ref(), b).or(scope.base);
        }
        if let Some(l) = el
            .attr(Ns::Xml, "lang")
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            scope.lang = Some(l.to_string());
        }
        scope
    }

    fn resolve(&self, href: &str) -> String {
        let href = href.trim();
        join(self.base.as_ref(), href)
            .map(String::from)
            .unwrap_or_else(|| href.to_string())
    }
}

fn join(base: Option<&Url>, href: &str) -> Option<Url> {
    match Url::parse(href.trim()) {
        Ok(u) => Some(u),
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href.trim()).ok(),
        Err(_) => None,
    }
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    if t.is_empty() {
        None
    } else if t.len() == s.len() {
        Some(s)
    } else {
        Some(t.to_string())
    }
}

/// Dates picked in order of preference; the first that reads wins. Unreadable ones are counted.
struct Dates<'a> {
    unreadable: &'a mut Vec<String>,
}

impl Dates<'_> {
    fn first<'e>(&mut self, candidates: impl IntoIterator<Item = &'e str>) -> Option<String> {
        let mut bad = None;
        for c in candidates {
            let c = c.trim();
            if c.is_empty() {
                continue;
            }
            match dates::parse(c) {
                Some(t) => return Some(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                None => bad = bad.or(Some(c)),
            }
        }
        if let Some(b) = bad {
            self.unreadable.push(b.chars().take(60).collect());
        }
        None
    }
}

/// An RSS `<author>` is an e-mail address, perhaps with a name: `jo@x.org (Jo Bloggs)`,
/// `Jo Bloggs <jo@x.org>`. The name is what people read.
fn person(raw: &str) -> Option<String> {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if let (Some(open), Some(close)) = (s.find('('), s.rfind(')'))
        && open < close
    {
        let inside = s[open + 1..close].trim();
        let outside = format!("{}{}", &s[..open], &s[close + 1..]);
        if !inside.is_empty() && outside.contains('@') {
            return Some(inside.to_string());
        }
    }
    if let (Some(open), Some(close)) = (s.find('<'), s.rfind('>'))
        && open < close
        && s[open..close].contains('@')
    {
        let name = format!("{}{}", &s[..open], &s[close + 1..]);
        let name = name.trim().trim_matches('"').trim();
        if !name.is_empty() {
            return Some(name.to_string());
        }
        return non_empty(s[open + 1..close].to_string());
    }
    let s = s.strip_prefix("mailto:").unwrap_or(&s);
    non_empty(s.to_string())
}

// ------------------------------------------------------------- RSS 0.9x, 1.0, 2.0 and CDF

/// RSS of every version, RSS 1.0 (RDF), and CDF. Returns `None` for an `<rss>` without a
/// channel, which `feed` reports as such.
fn read_rss(root: &El, doc: &Scope, dates: &mut Dates<'_>) -> Option<Model> {
    let root_scope = channel_scope(doc, root);
    let channel = if root.is("channel") {
        Some(root)
    } else {
        root.elements().find(|e| e.core_is("channel"))
    };
    if channel.is_none() && root.is("rss") {
        return None;
    }
    let mut model = Model::default();
    let scope = match channel {
        Some(c) if !std::ptr::eq(c, root) => channel_scope(&root_scope, c),
        _ => root_scope.clone(),
    };
    if let Some(ch) = channel {
        model.title = first_text(ch, &[(Ns::None, "title"), (Ns::Dc, "title")])
            .or_else(|| ch.attr(Ns::None, "title").map(str::to_string));
        if let Some(href) = rss_link(ch, &scope, false) {
            model.links.push(Link {
                href,
                rel: "alternate".into(),
            });
        }
        // The channel's Atom links too (its self link), as feed-rs gives them.
        for l in ch.children(Ns::Atom10, "link") {
            if let Some(href) = l.attr(Ns::None, "href").filter(|h| !h.trim().is_empty()) {
                let rel = l
                    .attr(Ns::None, "rel")
                    .map(str::trim)
                    .unwrap_or("alternate");
                if !model
                    .links
                    .iter()
                    .any(|k| k.href == href.trim() && k.rel == rel)
                {
                    model.links.push(Link {
                        href: scope.resolve(href),
                        rel: rel.to_string(),
                    });
                }
            }
        }
        model.lang = first_text(ch, &[(Ns::None, "language"), (Ns::Dc, "language")])
            .or_else(|| scope.lang.clone());
        let published = [
            (Ns::None, "pubDate"),
            (Ns::Dc, "date"),
            (Ns::DcTerms, "issued"),
            (Ns::None, "lastBuildDate"),
            (Ns::Atom10, "updated"),
            (Ns::DcTerms, "modified"),
        ]
        .iter()
        .flat_map(|(ns, n)| ch.children(*ns, n))
        .map(|e| e.text())
        .collect::<Vec<_>>();
        let lastmod = ch.attr(Ns::None, "lastmod").map(str::to_string);
        model.date = dates.first(
            published
                .iter()
                .map(String::as_str)
                .chain(lastmod.as_deref()),
        );
    } else {
        model.lang = root_scope.lang.clone();
    }
    let mut items = Vec::new();
    collect_items(root, &root_scope, &mut items, 0);
    for (item, parent_scope) in items {
        let scope = parent_scope.enter(item);
        model.entries.push(rss_item(item, &scope, dates));
    }
    Some(model)
}

/// The scope inside a channel (or the root): `xml:base`, `xml:lang`, and CDF's `BASE`, the base
/// of the channel's relative HREFs.
fn channel_scope(outer: &Scope, el: &El) -> Scope {
    let scope = outer.enter(el);
    match el.attr(Ns::None, "base") {
        Some(b) => Scope {
            base: join(scope.base.as_ref(), b).or(scope.base.clone()),
            ..scope
        },
        None => scope,
    }
}

/// Items under the root, under its channel, and under CDF's nested channels; not inside items.
fn collect_items<'a>(el: &'a El, scope: &Scope, out: &mut Vec<(&'a El, Scope)>, depth: usize) {
    for e in el.elements() {
        if e.core_is("item") {
            out.push((e, scope.clone()));
        } else if e.core_is("channel") && depth < 16 {
            collect_items(e, &channel_scope(scope, e), out, depth + 1);
        }
    }
}

/// The first of the named elements with text in it, as HTML.
fn first_text(el: &El, names: &[(Ns, &str)]) -> Option<String> {
    names
        .iter()
        .flat_map(|(ns, n)| el.children(*ns, n))
        .find_map(|e| non_empty(e.html()))
}

/// The link of a channel or item: `<link>`, else an Atom alternate link, else CDF's HREF.
fn rss_link(el: &El, scope: &Scope, item: bool) -> Option<String> {
    if let Some(l) = el
        .children(Ns::None, "link")
        .find_map(|l| non_empty(l.text()).or_else(|| l.attr(Ns::None, "href").map(String::from)))
    {
        return Some(scope.resolve(&l));
    }
    for l in el.children(Ns::Atom10, "link") {
        let rel = l.attr(Ns::None, "rel").unwrap_or("alternate").trim();
        if rel == "alternate"
            && let Some(href) = l.attr(Ns::None, "href").filter(|h| !h.trim().is_empty())
        {
            return Some(scope.resolve(href));
        }
    }
    if let Some(href) = el.attr(Ns::None, "href").filter(|h| !h.trim().is_empty()) {
        return Some(scope.resolve(href));
    }
    if !item {
        return None;
    }
    if let Some(orig) = el
        .child(Ns::Feedburner, "origLink")
        .and_then(|l| non_empty(l.text()))
    {
        return Some(scope.resolve(&orig));
    }
    // A guid that is a permalink (the default) is the item's address.
    if let Some(g) = el.child(Ns::None, "guid") {
        let permalink = g
            .attr(Ns::None, "isPermaLink")
            .is_none_or(|v| !v.trim().eq_ignore_ascii_case("false"));
        let text = g.text();
        let text = text.trim();
        if permalink && (text.starts_with("http://") || text.starts_with("https://")) {
            return Some(text.to_string());
        }
    }
    el.attr(Ns::Rdf, "about")
        .map(str::trim)
        .filter(|a| a.starts_with("http://") || a.starts_with("https://"))
        .map(String::from)
}

fn rss_item(item: &El, scope: &Scope, dates: &mut Dates<'_>) -> Entry {
    let mut entry = Entry {
        id: item
            .child(Ns::None, "guid")
            .and_then(|g| non_empty(g.text())),
        title: first_text(item, &[(Ns::None, "title"), (Ns::Dc, "title")])
            .or_else(|| item.child(Ns::Atom10, "title").and_then(atom_text))
            .or_else(|| first_text(item, &[(Ns::Media, "title")])),
        ..Entry::default()
    };
    if let Some(href) = rss_link(item, scope, true) {
        entry.links.push(Link {
            href,
            rel: "alternate".into(),
        });
    }
    // The fullest text: the full content if there is one, else the description, else the
    // summaries other vocabularies give.
    entry.content = item
        .child(Ns::Content, "encoded")
        .and_then(|e| non_empty(e.html()))
        .or_else(|| {
            item.child(Ns::Xhtml, "body")
                .or_else(|| item.child(Ns::None, "body"))
                .and_then(|b| {
                    let mut out = String::new();
                    serialise_kids(b, &mut out);
                    non_empty(out)
                })
        })
        .or_else(|| first_text(item, &[(Ns::None, "fullitem")]))
        .or_else(|| item.child(Ns::Atom10, "content").and_then(atom_text))
        .or_else(|| {
            first_text(
                item,
                &[
                    (Ns::None, "description"),
                    (Ns::None, "abstract"),
                    (Ns::Dc, "description"),
                ],
            )
        })
        .or_else(|| item.child(Ns::Atom10, "summary").and_then(atom_text))
        .or_else(|| {
            first_text(
                item,
                &[
                    (Ns::Itunes, "summary"),
                    (Ns::Media, "description"),
                    (Ns::Itunes, "subtitle"),
                ],
            )
        })
        .or_else(|| {
            item.children(Ns::Media, "group")
                .chain(item.children(Ns::Media, "content"))
                .find_map(|g| first_text(g, &[(Ns::Media, "description")]))
        });
    let texts = |names: &[(Ns, &str)]| -> Vec<String> {
        names
            .iter()
            .flat_map(|(ns, n)| item.children(*ns, n))
            .map(El::text)
            .collect()
    };
    let published = texts(&[
        (Ns::None, "pubDate"),
        (Ns::Dc, "date"),
        (Ns::DcTerms, "issued"),
        (Ns::DcTerms, "created"),
        (Ns::DcTerms, "date"),
        (Ns::Atom10, "published"),
        (Ns::None, "date"),
    ]);
    let lastmod = item.attr(Ns::None, "lastmod").map(str::to_string);
    entry.published = dates.first(
        published
            .iter()
            .map(String::as_str)
            .chain(lastmod.as_deref()),
    );
    let updated = texts(&[
        (Ns::Atom10, "updated"),
        (Ns::DcTerms, "modified"),
        (Ns::None, "updated"),
    ]);
    entry.updated = dates.first(updated.iter().map(String::as_str));
    for a in item.children(Ns::None, "author") {
        let who = if a.has_elements() {
            a.child(Ns::None, "name").map(El::text).unwrap_or_default()
        } else {
            a.text()
        };
        entry.authors.extend(person(&who));
    }
    for name in texts(&[(Ns::Dc, "creator")]) {
        entry.authors.extend(person(&name));
    }
    if entry.authors.is_empty() {
        for a in item.children(Ns::Atom10, "author") {
            entry.authors.extend(atom_person(a));
        }
    }
    if entry.authors.is_empty() {
        entry.authors.extend(
            texts(&[(Ns::Itunes, "author")])
                .iter()
                .filter_map(|a| person(a)),
        );
    }
    entry.authors.dedup();
    entry.lang = item
        .child(Ns::Dc, "language")
        .and_then(|l| non_empty(l.text()))
        .or_else(|| scope.lang.clone());
    entry
}

// ----------------------------------------------------------------------- Atom 0.3 and 1.0

/// The text of an Atom text construct or content element, as HTML, whatever its type and mode;
/// `None` when it has no text a person could read (empty, out of line, binary).
fn atom_text(el: &El) -> Option<String> {
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

fn atom_person(el: &El) -> Option<String> {
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

fn read_atom(root: &El, doc: &Scope, dates: &mut Dates<'_>) -> Model {
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

// ---------------------------------------------------------------------------- the writer

fn write_atom(model: &Model) -> Vec<u8> {
    let mut out = String::with_capacity(4096 + model.entries.len() * 1024);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    if let Some(lang) = &model.lang {
        out.push_str(&format!(" xml:lang=\"{}\"", escape(lang.trim())));
    }
    out.push_str(">\n");
    if let Some(t) = &model.title {
        out.push_str(&format!("<title type=\"html\">{}</title>\n", escape(t)));
    }
    if let Some(id) = &model.id {
        out.push_str(&format!("<id>{}</id>\n", escape(id)));
    }
    write_links(&model.links, &mut out);
    if let Some(d) = &model.date {
        out.push_str(&format!("<updated>{d}</updated>\n"));
    }
    for e in &model.entries {
        out.push_str("<entry>\n");
        if let Some(id) = &e.id {
            out.push_str(&format!("<id>{}</id>\n", escape(id)));
        }
        if let Some(t) = &e.title {
            out.push_str(&format!("<title type=\"html\">{}</title>\n", escape(t)));
        }
        write_links(&e.links, &mut out);
        if let Some(d) = &e.published {
            out.push_str(&format!("<published>{d}</published>\n"));
        }
        if let Some(d) = &e.updated {
            out.push_str(&format!("<updated>{d}</updated>\n"));
        }
        for a in &e.authors {
            out.push_str(&format!("<author><name>{}</name></author>\n", escape(a)));
        }
        if let Some(c) = &e.content {
            match &e.lang {
                Some(l) => out.push_str(&format!(
                    "<content type=\"html\" xml:lang=\"{}\">",
                    escape(l.trim())
                )),
                None => out.push_str("<content type=\"html\">"),
            }
            out.push_str(&escape(c));
            out.push_str("</content>\n");
        }
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

fn write_links(links: &[Link], out: &mut String) {
    for l in links {
        out.push_str(&format!(
            "<link rel=\"{}\" href=\"{}\"/>\n",
            escape(&l.rel),
            escape(&l.href)
        ));
    }
}

// ---------------------------------------------------------------------------- entry point

/// Rewrites an XML feed (UTF-8 text) as Atom 1.0. `base` is the feed's address, for relative
/// links, when it was fetched.
pub fn xml(text: &[u8], base: Option<&Url>) -> Result<Normalised, Unread> {
    let text = String::from_utf8_lossy(text);
    // Nothing may come before the XML declaration; some servers send white space first.
    let start = text
        .find(|c: char| !c.is_whitespace() && c != '\u{feff}')
        .unwrap_or(text.len());
    let mut reading = Reading::default();
    let mut root = read_tree(&text[start..], &mut reading)?;
    let mut notes = Vec::new();
    let doc = Scope {
        base: base.cloned(),
        lang: None,
    };
    let mut unreadable = Vec::new();
    let mut dates = Dates {
        unreadable: &mut unreadable,
    };
    let local = root.name.to_ascii_lowercase();
    let model = match local.as_str() {
        "feed" | "entry" => {
            if root.ns == Ns::Atom03 {
                notes.push("Atom 0.3 was read as Atom 1.0".to_string());
            }
            root.unprefix_atom();
            read_atom(&root, &doc, &mut dates)
        }
        "rss" | "rdf" | "channel" => {
            if local == "rss" {
                match root.attr(Ns::None, "version").map(str::trim) {
                    Some("0.91" | "0.92" | "2.0") => {}
                    Some("") | None => {
                        notes.push("the RSS has no version; it was read as RSS 2.0".into())
                    }
                    Some(v) => notes.push(format!("RSS version {v} was read as RSS 2.0")),
                }
            }
            if local == "channel" && root.attr(Ns::None, "href").is_some() {
                notes.push("Channel Definition Format (CDF) was read as a feed".into());
            } else if reading.capitals {
                notes.push("element names in capitals (<CHANNEL>, <ITEM>) were read as RSS".into());
            }
            read_rss(&root, &doc, &mut dates).ok_or(Unread::NotAFeed)?
        }
        _ => return Err(Unread::NotAFeed),
    };
    if reading.bare_ampersands {
        notes.push("bare '&' characters (which XML does not allow) were read as '&amp;'".into());
    }
    if !unreadable.is_empty() {
        notes.push(format!(
            "{} date(s) could not be read, such as {:?}",
            unreadable.len(),
            unreadable[0]
        ));
    }
    Ok(Normalised {
        text: write_atom(&model),
        notes,
    })
}

/// Mends a JSON Feed in the ways real ones differ from the spec and feed-rs's reading of it:
/// `http://` in the version, no version or title, ids written as numbers, authors written as
/// strings, attachments without a URL or type. `None` when there is nothing to mend (or it is
/// not JSON at all, which feed-rs then says).
pub fn json(text: &[u8]) -> Option<Normalised> {
    use serde_json::Value;
    let mut feed: Value = serde_json::from_slice(text).ok()?;
    let obj = feed.as_object_mut()?;
    let mut notes = Vec::new();
    let mut changed = false;
    match obj.get("version").and_then(Value::as_str) {
        Some(v) if v.starts_with("http://jsonfeed.org/version/1") => {
            let fixed = v.replacen("http://", "https://", 1);
            obj.insert("version".into(), Value::String(fixed));
            changed = true;
        }
        Some(_) => {}
        None if obj.get("items").is_some_and(Value::is_array) => {
            obj.insert(
                "version".into(),
                Value::String("https://jsonfeed.org/version/1.1".into()),
            );
            notes.push("the JSON Feed says no version; it was read as JSON Feed 1.1".into());
            changed = true;
        }
        None => {}
    }
    if !obj.get("title").is_some_and(Value::is_string) {
        obj.insert("title".into(), Value::String(String::new()));
        changed = true;
    }
    let fix_author = |a: &mut Value| -> bool {
        match a {
            Value::String(s) => {
                *a = serde_json::json!({ "name": s.clone() });
                true
            }
            Value::Object(_) => false,
            _ => {
                *a = Value::Null;
                true
            }
        }
    };
    let fix_people = |o: &mut serde_json::Map<String, Value>| -> bool {
        let mut changed = false;
        if let Some(a) = o.get_mut("author") {
            changed |= fix_author(a);
        }
        match o.get_mut("authors") {
            Some(Value::Array(list)) => {
                for a in list.iter_mut() {
                    changed |= fix_author(a);
                }
                let before = list.len();
                list.retain(|a| !a.is_null());
                changed |= list.len() != before;
            }
            Some(Value::Null) | None => {}
            Some(other) => {
                *other = Value::Null;
                changed = true;
            }
        }
        changed
    };
    changed |= fix_people(obj);
    if let Some(Value::Array(items)) = obj.get_mut("items") {
        for item in items.iter_mut() {
            let Some(o) = item.as_object_mut() else {
                continue;
            };
            for key in [
                "id",
                "url",
                "external_url",
                "title",
                "content_html",
                "content_text",
                "summary",
                "date_published",
                "date_modified",
            ] {
                match o.get(key) {
                    Some(Value::String(_) | Value::Null) | None => {}
                    Some(Value::Number(n)) => {
                        let s = n.to_string();
                        o.insert(key.into(), Value::String(s));
                        changed = true;
                    }
                    Some(_) => {
                        o.remove(key);
                        changed = true;
                    }
                }
            }
            changed |= fix_people(o);
            if let Some(tags) = o.get_mut("tags") {
                match tags {
                    Value::Array(list) if list.iter().all(Value::is_string) => {}
                    Value::Array(list) => {
                        list.retain(Value::is_string);
                        changed = true;
                    }
                    _ => {
                        o.remove("tags");
                        changed = true;
                    }
                }
            }
            if let Some(Value::Array(list)) = o.get_mut("attachments") {
                let before = list.len();
                list.retain(|a| {
                    a.get("url").is_some_and(Value::is_string)
                        && a.get("mime_type").is_some_and(Value::is_string)
                });
                changed |= list.len() != before;
            } else if o.get("attachments").is_some_and(|a| !a.is_null()) {
                o.remove("attachments");
                changed = true;
            }
        }
    }
    changed.then(|| Normalised {
        text: serde_json::to_vec(&feed).unwrap_or_else(|_| text.to_vec()),
        notes,
    })
}

/// Standard base64 (and the URL-safe alphabet), white space ignored; `None` if it is not.
fn decode_base64(s: &str) -> Option<Vec<u8>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn atom_of(xml: &str) -> String {
        match super::xml(xml.as_bytes(), None) {
            Ok(n) => String::from_utf8(n.text).unwrap_or_default(),
            Err(e) => format!("{e:?}"),
        }
    }

    #[test]
    fn base64_round_trip() {
        assert_eq!(
            decode_base64("Rmxvb2Qgd2FybmluZw==").as_deref(),
            Some(&b"Flood warning"[..])
        );
        assert_eq!(decode_base64("not base64!"), None);
    }

    #[test]
    fn rss_item_text_from_dublin_core_and_xhtml() {
        let out = atom_of(
            r#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><title>T</title>
            <item><dc:title>Ferry news</dc:title><xhtml:body><p>Sailings <b>resume</b></p></xhtml:body><dc:date>2026-03-04</dc:date></item>
            </channel></rss>"#,
        );
        assert!(
            out.contains("<title type=\"html\">Ferry news</title>"),
            "{out}"
        );
        assert!(out.contains("&lt;p&gt;Sailings &lt;b&gt;resume"), "{out}");
        assert!(
            out.contains("<published>2026-03-04T00:00:00Z</published>"),
            "{out}"
        );
    }

    #[test]
    fn capitals_and_cdf() {
        let out = atom_of(
            r#"<CHANNEL HREF="https://cdf.example.org/"><TITLE>Old channel</TITLE>
            <ITEM HREF="a.html" LASTMOD="1999-05-01T10:00"><TITLE>First</TITLE><ABSTRACT>Text</ABSTRACT></ITEM></CHANNEL>"#,
        );
        assert!(out.contains("href=\"a.html\""), "{out}");
        assert!(
            out.contains("<published>1999-05-01T10:00:00Z</published>"),
            "{out}"
        );
        assert!(out.contains(">Text</content>"), "{out}");
    }

    #[test]
    fn atom03_modes() {
        let out = atom_of(
            r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
            <entry><title mode="escaped" type="text/html">A &amp;lt;b&amp;gt;</title><issued>2005-02-28T10:00:00Z</issued>
            <content type="text/plain" mode="base64">Rmxvb2Qgd2FybmluZw==</content></entry></feed>"#,
        );
        assert!(out.contains(">Flood warning</content>"), "{out}");
        assert!(
            out.contains("<published>2005-02-28T10:00:00Z</published>"),
            "{out}"
        );
    }

    #[test]
    fn not_feeds_and_broken_xml_are_left_alone() {
        assert_eq!(atom_of("<html><body/></html>"), "NotAFeed");
        assert_eq!(atom_of("<rss><channel><item>"), "CutShort");
        assert!(atom_of("<rss><channel></item></channel></rss>").starts_with("Broken"));
        assert_eq!(atom_of("<rss version=\"2.0\"></rss>"), "NotAFeed");
    }
}
