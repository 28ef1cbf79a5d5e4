//! What a feed says, between reading its dialect and writing it as Atom, and the choices the
//! dialects share: the scope (base address and language) a part is read in, blank text counted
//! as none, the first date that reads, a person's name rather than their address.

use url::Url;

use super::tree::{El, Ns};
use crate::ingest::dates;

/// What a feed says, in the form written out.
#[derive(Default)]
pub(super) struct Model {
    pub(super) title: Option<String>,
    pub(super) id: Option<String>,
    pub(super) links: Vec<Link>,
    pub(super) lang: Option<String>,
    /// RFC 3339.
    pub(super) date: Option<String>,
    pub(super) entries: Vec<Entry>,
}

#[derive(Default)]
pub(super) struct Entry {
    pub(super) id: Option<String>,
    /// HTML.
    pub(super) title: Option<String>,
    pub(super) links: Vec<Link>,
    /// HTML: the fullest text the item has.
    pub(super) content: Option<String>,
    pub(super) published: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) lang: Option<String>,
}

pub(super) struct Link {
    pub(super) href: String,
    pub(super) rel: String,
}

/// Inherited context: the base for relative links and the language.
#[derive(Clone)]
pub(super) struct Scope {
    pub(super) base: Option<Url>,
    pub(super) lang: Option<String>,
}

impl Scope {
    pub(super) fn enter(&self, el: &El) -> Scope {
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

    pub(super) fn resolve(&self, href: &str) -> String {
        let href = href.trim();
        join(self.base.as_ref(), href)
            .map(String::from)
            .unwrap_or_else(|| href.to_string())
    }
}

pub(super) fn join(base: Option<&Url>, href: &str) -> Option<Url> {
    match Url::parse(href.trim()) {
        Ok(u) => Some(u),
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href.trim()).ok(),
        Err(_) => None,
    }
}

pub(super) fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    if t.is_empty() {
        None
    } else if t.len() == s.len() {
        Some(s)
    } else {
        Some(t.to_string())
    }
}

/// The first of the named elements with text in it, as HTML.
pub(super) fn first_text(el: &El, names: &[(Ns, &str)]) -> Option<String> {
    names
        .iter()
        .flat_map(|(ns, n)| el.children(*ns, n))
        .find_map(|e| non_empty(e.html()))
}

/// Dates picked in order of preference; the first that reads wins. Unreadable ones are counted.
pub(super) struct Dates<'a> {
    pub(super) unreadable: &'a mut Vec<String>,
}

impl Dates<'_> {
    pub(super) fn first<'e>(
        &mut self,
        candidates: impl IntoIterator<Item = &'e str>,
    ) -> Option<String> {
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
pub(super) fn person(raw: &str) -> Option<String> {
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
