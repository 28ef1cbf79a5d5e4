//! HTML nested too deeply for the HTML parser, made shallow first. html5ever's tree builder
//! looks through the stack of open elements on many start and end tags, so its time grows with
//! the square of the nesting: 20,000 nested `<div>`s in one feed item took 5 s, 40,000 took
//! 18 s, and a feed can hold more. Browsers stop nesting at a fixed depth too (Chromium at 512).
//! Past `MAX_DEPTH`, tags are dropped (a block's tag leaves a line break, so words stay apart);
//! the text is kept whole. HTML within the limit is returned as it is.

use std::borrow::Cow;

/// The deepest nesting of elements handed to the HTML parser.
pub const MAX_DEPTH: usize = 512;

/// Elements with no end tag: they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// `html`, with the tags nested deeper than `MAX_DEPTH` dropped (each block element's tag becomes
/// a line break). Borrowed, and untouched, when nothing is that deep.
pub fn shallow(html: &str, is_block: impl Fn(&str) -> bool) -> Cow<'_, str> {
    // Fewer tags than the limit cannot nest past it.
    if memchr_count(html.as_bytes(), b'<') <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    let mut dropped: Vec<(usize, usize, bool)> = Vec::new();
    let (mut depth, mut overflow) = (0usize, 0usize);
    for tag in Tags::new(html) {
        match tag.kind {
            Kind::Start if VOID.contains(&tag.name.as_str()) => {}
            Kind::Start if depth < MAX_DEPTH => depth += 1,
            Kind::Start => {
                overflow += 1;
                dropped.push((tag.from, tag.to, is_block(&tag.name)));
            }
            Kind::End if overflow > 0 => {
                overflow -= 1;
                dropped.push((tag.from, tag.to, is_block(&tag.name)));
            }
            Kind::End => depth = depth.saturating_sub(1),
        }
    }
    if dropped.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (from, to, block) in dropped {
        out.push_str(&html[at..from]);
        if block {
            out.push('\n');
        }
        at = to;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

fn memchr_count(bytes: &[u8], b: u8) -> usize {
    bytes.iter().filter(|&&x| x == b).count()
}

#[derive(Debug, PartialEq)]
enum Kind {
    Start,
    End,
}

/// A start or end tag: its lower-case name and its byte range.
#[derive(Debug)]
struct Tag {
    kind: Kind,
    name: String,
    from: usize,
    to: usize,
}

/// The start and end tags of an HTML text, in one pass, skipping comments, doctypes and the
/// content of raw-text elements (a `<div>` inside a script is not a tag).
struct Tags<'a> {
    html: &'a str,
    at: usize,
}

impl<'a> Tags<'a> {
    fn new(html: &'a str) -> Self {
        Tags { html, at: 0 }
    }

    /// Where `needle` (ASCII, compared without case) next occurs from `from`, or the end.
    fn find_ci(&self, from: usize, needle: &str) -> usize {
        let (hay, n) = (self.html.as_bytes(), needle.as_bytes());
        (from..hay.len().saturating_sub(n.len() - 1))
            .find(|&i| hay[i..i + n.len()].eq_ignore_ascii_case(n))
            .unwrap_or(hay.len())
    }

    /// The end of a tag whose name ends at `from`: after its `>`, quotes respected.
    fn tag_end(&self, from: usize) -> usize {
        let bytes = self.html.as_bytes();
        let mut quote = None;
        for (i, &b) in bytes.iter().enumerate().skip(from) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), _) if b == q => quote = None,
                (None, b'>') => return i + 1,
                _ => {}
            }
        }
        bytes.len()
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        let bytes = self.html.as_bytes();
        loop {
            let lt = self.at + bytes.get(self.at..)?.iter().position(|&b| b == b'<')?;
            let rest = &bytes[lt + 1..];
            if rest.starts_with(b"!--") {
                let close = self.find_ci(lt + 4, "-->");
                self.at = (close + 3).min(bytes.len());
                continue;
            }
            if matches!(rest.first(), Some(b'!' | b'?')) {
                self.at = self.tag_end(lt + 1);
                continue;
            }
            let (kind, name_at) = match rest {
                [b'/', c, ..] if c.is_ascii_alphabetic() => (Kind::End, lt + 2),
                [c, ..] if c.is_ascii_alphabetic() => (Kind::Start, lt + 1),
                _ => {
                    self.at = lt + 1;
                    continue;
                }
            };
            let name_len = bytes[name_at..]
                .iter()
                .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
                .unwrap_or(bytes.len() - name_at);
            let name = self.html[name_at..name_at + name_len].to_ascii_lowercase();
            let to = self.tag_end(name_at + name_len);
            self.at = to;
            if kind == Kind::Start && RAW_TEXT.contains(&name.as_str()) {
                // Its content is text: carry on at its end tag.
                self.at = self.find_ci(to, &format!("</{name}"));
            }
            return Some(Tag {
                kind,
                name,
                from: lt,
                to,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(name: &str) -> bool {
        name == "div" || name == "p"
    }

    #[test]
    fn html_within_the_limit_is_untouched() {
        let html = "<div>".repeat(MAX_DEPTH) + "text" + &"</div>".repeat(MAX_DEPTH);
        assert!(matches!(shallow(&html, block), Cow::Borrowed(_)));
        let flat = "<p>a</p>".repeat(5_000);
        assert!(matches!(shallow(&flat, block), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_go_and_the_text_stays() {
        let n = MAX_DEPTH + 100;
        let html = "<div><span>".repeat(n) + "deep text" + &"</span></div>".repeat(n);
        let out = shallow(&html, block);
        assert!(out.contains("deep text"));
        let opens = out.matches("<div>").count() + out.matches("<span>").count();
        assert_eq!(opens, MAX_DEPTH);
        assert_eq!(
            out.matches("</div>").count() + out.matches("</span>").count(),
            MAX_DEPTH
        );
        // A dropped block leaves a line break; a dropped inline tag leaves nothing.
        assert_eq!(out.matches('\n').count(), 2 * n - MAX_DEPTH);
    }

    #[test]
    fn comments_scripts_and_quoted_angles_are_not_tags() {
        let many = "<br>".repeat(MAX_DEPTH);
        let html = format!(
            "{many}<!-- <div><div> --><script>{}</script><a title=\"x>y\">{}</a>",
            "<div>".repeat(2 * MAX_DEPTH),
            "<b>".repeat(10)
        );
        assert!(matches!(shallow(&html, block), Cow::Borrowed(_)));
        // Unclosed comments and tags end the text rather than loop.
        for cut in [
            "<!-- open",
            "<div title=\"open",
            "<script>never closed",
            "<",
            "</",
        ] {
            let html = format!("{many}{cut}");
            assert!(matches!(shallow(&html, block), Cow::Borrowed(_)), "{cut}");
        }
    }
}
