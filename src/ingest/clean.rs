//! HTML in feed content → plain text for indexing and display. Feed content is untrusted: only
//! its text survives; scripts, styles and markup are dropped.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements after which the text breaks, so words from neighbouring blocks do not run together.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "table",
    "dd",
    "dt",
    "aside",
    "nav",
    "main",
];
/// Elements whose content is never text for a reader.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "object", "svg", "head",
];

/// Whether the text breaks at the element `name` (lower case).
pub fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name)
}

/// Whether `s` looks like HTML rather than plain text.
pub fn looks_like_html(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'<'
            && bytes
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!')
    }) || s.contains("&amp;")
        || s.contains("&#")
        || s.contains("&nbsp;")
        || s.contains("&lt;")
}

/// Extracts readable text from an HTML fragment: entities decoded, blocks separated by line
/// breaks, runs of white space collapsed.
pub fn html_to_text(html: &str) -> String {
    if !looks_like_html(html) {
        return collapse(html);
    }
    let html = super::shallow::shallow(html, is_block);
    let fragment = Html::parse_fragment(&html);
    let mut out = String::with_capacity(html.len() / 2);
    walk(fragment.tree.root(), &mut out);
    collapse(&out)
}

/// The text of every node under `node`, in document order. A loop over open and close edges
/// rather than recursion: feed content can nest elements a hundred thousand deep, which would
/// overflow the stack.
fn walk(node: ego_tree::NodeRef<'_, Node>, out: &mut String) {
    // Elements being skipped (a script and what is in it) that are open around the current edge.
    let mut skipping = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(child) if child.id() != node.id() => match child.value() {
                Node::Text(text) if skipping == 0 => out.push_str(text),
                Node::Element(el) => {
                    let name = el.name();
                    if skipping > 0 || SKIPPED.contains(&name) {
                        skipping += 1;
                    } else if BLOCKS.contains(&name) {
                        out.push('\n');
                    }
                }
                _ => {}
            },
            Edge::Close(child) if child.id() != node.id() => {
                let Node::Element(el) = child.value() else {
                    continue;
                };
                let name = el.name();
                if skipping > 0 {
                    skipping -= 1;
                } else if BLOCKS.contains(&name) {
                    out.push('\n');
                } else if name == "img"
                    && let Some(alt) = el.attr("alt")
                {
                    out.push(' ');
                    out.push_str(alt);
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// Collapses spaces and tabs within lines and keeps at most one blank line between paragraphs.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_scripts_and_decodes_entities() {
        let html = "<p>Flood &amp; storm<script>alert(1)</script></p><p>Stay <b>safe</b>&nbsp;now</p><img src=x alt=\"map of Kerrow\">";
        assert_eq!(
            html_to_text(html),
            "Flood & storm\n\nStay safe now\nmap of Kerrow"
        );
    }

    #[test]
    fn deep_nesting_keeps_its_text_and_its_line_breaks() {
        let n = 20_000;
        let html = "<div>".repeat(n) + "flood warning" + &"</div><p>next</p>".repeat(3);
        let text = html_to_text(&html);
        assert!(text.starts_with("flood warning"), "{text}");
        assert!(text.ends_with("next\n\nnext\n\nnext"), "{text}");
    }

    #[test]
    fn plain_text_passes_through() {
        assert_eq!(html_to_text("a  b\n\n\n c"), "a b\n\nc");
        assert!(!looks_like_html("5 < 6 and x > 2"));
    }
}
