//! RSS of every version (0.90 to 2.0, with a default namespace or none), RSS 1.0 (RDF) and CDF,
//! the Channel Definition Format: one reader, since they share the channel-and-items shape and
//! feeds mix their vocabularies freely. Each text, link, date and author is picked from the
//! elements the leading readers look at, in their order of preference.

use super::atom::{atom_person, atom_text};
use super::model::{Dates, Entry, Link, Model, Scope, first_text, join, non_empty, person};
use super::tree::{El, Ns, serialise_kids};

/// RSS of every version, RSS 1.0 (RDF), and CDF. Returns `None` for an `<rss>` without a
/// channel, which `feed` reports as such.
pub(super) fn read_rss(root: &El, doc: &Scope, dates: &mut Dates<'_>) -> Option<Model> {
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
