//! The main text of an article page, for feeds whose items carry only a summary. Pure: HTML in,
//! text out. The page's `<article>` or `<main>` is preferred; otherwise the element whose
//! paragraphs hold the most text wins (the idea behind Readability, much reduced). Navigation,
//! headers, footers, forms and asides never count.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};

use super::clean::{collapse, is_block};

/// Below this, a page's "main text" is more likely a cookie banner than an article.
const MIN_CHARS: usize = 200;
/// Elements whose text is never the article.
const CHROME: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "svg",
    "iframe", "button", "select", "figure",
];
/// Elements whose text makes up an article's body.
const TEXT_BLOCKS: &str = "p, h2, h3, h4, li, blockquote, pre";

/// The readable main text of an HTML page, if it has one worth keeping.
pub fn main_text(html: &str) -> Option<String> {
    let html = super::shallow::shallow(html, is_block);
    let doc = Html::parse_document(&html);
    let container = preferred_container(&doc).or_else(|| densest_container(&doc))?;
    let text = block_text(container);
    (text.chars().count() >= MIN_CHARS).then_some(text)
}

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// `<article>` (the longest, when a page has several, as related-story lists do) or `<main>`.
fn preferred_container(doc: &Html) -> Option<ElementRef<'_>> {
    for css in [
        "article",
        "main, [role=main]",
        "#content, .content, .article-body, .post-content, .entry-content",
    ] {
        let Some(sel) = selector(css) else { continue };
        let best = doc
            .select(&sel)
            .map(|el| (block_text(el).len(), el))
            .max_by_key(|(len, _)| *len);
        if let Some((len, el)) = best
            && len >= MIN_CHARS
        {
            return Some(el);
        }
    }
    None
}

/// The element whose direct paragraphs hold the most text.
fn densest_container(doc: &Html) -> Option<ElementRef<'_>> {
    let sel = selector("p")?;
    let mut scores: HashMap<NodeId, usize> = HashMap::new();
    for p in doc.select(&sel) {
        if in_chrome(p) {
            continue;
        }
        let len: usize = p.text().map(str::len).sum();
        if let Some(parent) = p.parent().and_then(ElementRef::wrap) {
            *scores.entry(parent.id()).or_default() += len;
        }
    }
    let (id, _) = scores.into_iter().max_by_key(|(_, score)| *score)?;
    doc.tree.get(id).and_then(ElementRef::wrap)
}

fn in_chrome(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| CHROME.contains(&a.value().name()))
}

/// The text of the article's paragraphs, headings and list items, a block a line.
fn block_text(container: ElementRef<'_>) -> String {
    let Some(sel) = selector(TEXT_BLOCKS) else {
        return String::new();
    };
    let mut out = String::new();
    for block in container.select(&sel) {
        if in_chrome(block) {
            continue;
        }
        // A list item holding paragraphs is counted through its paragraphs.
        if block.value().name() == "li" && block.select(&sel).next().is_some() {
            continue;
        }
        let text: String = block.text().collect::<Vec<_>>().join("");
        let text = collapse(&text.replace('\n', " "));
        if !text.is_empty() {
            out.push_str(&text);
            out.push_str("\n\n");
        }
    }
    collapse(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(n: usize) -> String {
        (0..n)
            .map(|i| format!("<p>Sentence {i} of the press release about the flood defences at Kerrow, which the council opened today.</p>"))
            .collect()
    }

    #[test]
    fn article_element_wins_over_chrome() {
        let html = format!(
            "<html><body><nav><p>Home News Contact {}</p></nav><article><h1>Title</h1>{}</article><footer><p>Cookies</p></footer></body></html>",
            "x".repeat(500),
            para(4)
        );
        let text = main_text(&html).unwrap_or_default();
        assert!(text.starts_with("Sentence 0"), "{text}");
        assert!(!text.contains("Cookies"));
        assert!(!text.contains("Home News"));
    }

    #[test]
    fn densest_block_without_semantic_markup() {
        let html = format!(
            "<html><body><div class=menu><p>a</p></div><div class=x><div class=story>{}</div></div></body></html>",
            para(5)
        );
        let text = main_text(&html).unwrap_or_default();
        assert_eq!(text.lines().filter(|l| !l.is_empty()).count(), 5);
    }

    #[test]
    fn thin_pages_give_nothing() {
        assert_eq!(
            main_text("<html><body><p>Accept cookies?</p></body></html>"),
            None
        );
        assert_eq!(main_text(""), None);
        assert_eq!(main_text("\u{0}\u{1}binary"), None);
    }
}
