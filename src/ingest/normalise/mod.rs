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

mod atom;
mod json_feed;
mod model;
mod rss;
mod tree;
mod write;

#[cfg(test)]
mod tests;

use url::Url;

use atom::read_atom;
pub use json_feed::json;
use model::{Dates, Scope};
use rss::read_rss;
use tree::{Ns, Reading, read_tree};
use write::write_atom;

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
