//! OPML lists of feeds: reading them as the wild writes them (OPML 1.0 and 2.0, categories as
//! nested outlines, `xmlUrl` in any letter case, stray ampersands, wrong encodings) and writing
//! them for `sandpit feeds export-opml`. Pure: bytes in, feeds and problems out.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::Problem;
use super::charset;

/// One feed named by an OPML list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub url: String,
    pub title: String,
    pub site_url: String,
    /// The texts of the outlines around it, outermost first, joined with " / ".
    pub category: String,
    /// 1-based line of its outline.
    pub line: usize,
}

/// What a list held: its title, its feeds, and the outlines that could not be used.
#[derive(Debug, Clone, Default)]
pub struct OpmlList {
    pub title: String,
    pub feeds: Vec<OpmlFeed>,
    pub problems: Vec<Problem>,
}

/// Reads an OPML list. Fails only when the file is not OPML at all; a list that breaks part-way
/// keeps the feeds before the break and says where it broke.
pub fn parse(bytes: &[u8], origin: &str) -> Result<OpmlList, Problem> {
    let problem = |line: Option<usize>, message: String| Problem {
        origin: origin.to_string(),
        line,
        message,
    };
    let decoded = charset::to_utf8(bytes, None);
    let text = String::from_utf8_lossy(&decoded.bytes).into_owned();
    if text.trim().is_empty() {
        return Err(problem(None, "the file is empty".into()));
    }
    // Lines counted on from the last position asked about (positions only grow): counting from
    // the start for every outline took minutes on a list of a few thousand feeds.
    let mut counted = (0usize, 1usize); // (byte, its line)
    let mut line_of = |pos: u64| -> usize {
        let pos = (pos as usize).min(text.len());
        if pos < counted.0 {
            counted = (0, 1);
        }
        counted.1 += text.as_bytes()[counted.0..pos]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted.0 = pos;
        counted.1
    };
    let mut reader = Reader::from_str(&text);
    {
        let config = reader.config_mut();
        // Real lists have bare '&' in titles and mismatched tags; be lenient, as browsers are.
        config.allow_dangling_amp = true;
        config.check_end_names = false;
    }
    let mut list = OpmlList::default();
    let mut seen_root = false;
    let mut in_title = false;
    // For each open outline: the category text it pushed, if any.
    let mut stack: Vec<Option<String>> = Vec::new();
    loop {
        let position = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let line = line_of(reader.error_position());
                if !seen_root {
                    return Err(problem(Some(line), format!("not an OPML list: {e}")));
                }
                list.problems.push(problem(
                    Some(line),
                    format!(
                        "the list is broken here ({e}); {} feed(s) before this point were read",
                        list.feeds.len()
                    ),
                ));
                break;
            }
        };
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name().as_ref().to_ascii_lowercase();
                if !seen_root {
                    if name != "opml" {
                        return Err(problem(
                            Some(line_of(position)),
                            if name == "html" {
                                "not an OPML list: this is a web page (HTML)".to_string()
                            } else if matches!(name.as_str(), "rss" | "feed" | "rdf") {
                                format!(
                                    "not an OPML list: this is a feed (<{name}>); import it with `sandpit corpus import`"
                                )
                            } else {
                                format!(
                                    "not an OPML list: the root element is <{name}>, not <opml>"
                                )
                            },
                        ));
                    }
                    seen_root = true;
                    continue;
                }
                match name.as_str() {
                    "title" if stack.is_empty() && !empty => in_title = true,
                    "outline" => {
                        let outline = Outline::read(e);
                        let line = line_of(position);
                        let pushed = match outline.xml_url.as_deref() {
                            Some(url) => {
                                match check_feed_url(url) {
                                    Ok(url) => list.feeds.push(OpmlFeed {
                                        url,
                                        title: outline.label(),
                                        site_url: outline.html_url.clone().unwrap_or_default(),
                                        category: category(&stack),
                                        line,
                                    }),
                                    Err(why) => list.problems.push(problem(
                                        Some(line),
                                        format!("outline {:?}: {why}", outline.label()),
                                    )),
                                }
                                None
                            }
                            None => Some(outline.label()).filter(|l| !l.is_empty()),
                        };
                        if !empty {
                            stack.push(pushed);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                match name.as_str() {
                    "outline" => {
                        stack.pop();
                    }
                    "title" => in_title = false,
                    _ => {}
                }
            }
            Event::Text(ref t) if in_title => {
                list.title
                    .push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
            }
            Event::CData(ref t) if in_title => {
                list.title
                    .push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0));
            }
            // Entities arrive as their own events: `&amp;` in a title is one of these.
            Event::GeneralRef(ref r) if in_title => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    list.title.push(c);
                } else {
                    let name = r.xml_content(quick_xml::XmlVersion::Implicit1_0);
                    let resolved = quick_xml::escape::resolve_predefined_entity(&name);
                    list.title.push_str(resolved.unwrap_or(" "));
                }
            }
            _ => {}
        }
    }
    if !seen_root {
        return Err(problem(None, "not an OPML list: no <opml> element".into()));
    }
    list.title = super::clean::collapse(&list.title);
    // The same feed listed twice (in two categories, say) is one feed.
    let mut seen = std::collections::HashSet::new();
    list.feeds.retain(|f| seen.insert(f.url.clone()));
    if list.feeds.is_empty() && list.problems.is_empty() {
        list.problems.push(problem(
            None,
            "the list names no feeds (no outline has an xmlUrl)".into(),
        ));
    }
    Ok(list)
}

/// The attributes of an outline that matter, whatever their letter case.
#[derive(Default)]
struct Outline {
    text: Option<String>,
    title: Option<String>,
    xml_url: Option<String>,
    html_url: Option<String>,
}

impl Outline {
    fn read(e: &BytesStart<'_>) -> Self {
        let mut o = Outline::default();
        for attr in e.attributes().with_checks(false).flatten() {
            let key = attr.key.local_name().as_ref().to_ascii_lowercase();
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                // An unknown entity such as &nbsp; is not worth losing the outline for.
                .unwrap_or_else(|_| attr.value.replace("&amp;", "&"));
            let value = value.trim().to_string();
            if value.is_empty() {
                continue;
            }
            match key.as_str() {
                "text" => o.text = Some(value),
                "title" => o.title = Some(value),
                "xmlurl" => o.xml_url = Some(value),
                "htmlurl" => o.html_url = Some(value),
                // Some writers put a feed's address in `url` with type="rss".
                "url" if o.xml_url.is_none() => o.xml_url = Some(value),
                _ => {}
            }
        }
        o
    }

    fn label(&self) -> String {
        self.title
            .clone()
            .or_else(|| self.text.clone())
            .unwrap_or_default()
    }
}

/// Outlines around a feed that name its category; deeper ones are left out, so that a list
/// nesting thousands of outlines does not give each feed a category of thousands of names.
const MAX_CATEGORY_DEPTH: usize = 16;

fn category(stack: &[Option<String>]) -> String {
    stack
        .iter()
        .flatten()
        .take(MAX_CATEGORY_DEPTH)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A feed address must be an absolute http(s) URL.
pub fn check_feed_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    // "feed:" and "feed://" are old browser-specific schemes for http feeds.
    let url = url
        .strip_prefix("feed://")
        .map(|rest| format!("http://{rest}"))
        .or_else(|| url.strip_prefix("feed:").map(str::to_string))
        .unwrap_or_else(|| url.to_string());
    match url::Url::parse(&url) {
        Ok(u) if u.scheme() == "http" || u.scheme() == "https" => {
            if u.host_str().is_none_or(str::is_empty) {
                Err(format!("{url:?} has no host name"))
            } else {
                Ok(u.to_string())
            }
        }
        Ok(u) => Err(format!(
            "{url:?} is a {}: address; feeds are fetched over http or https",
            u.scheme()
        )),
        Err(e) => Err(format!("{url:?} is not a web address ({e})")),
    }
}

/// A feed to write into an OPML list.
#[derive(Debug, Clone)]
pub struct ExportFeed {
    pub url: String,
    pub title: String,
    pub site_url: String,
}

/// Writes an OPML 2.0 list with one outline per group (a corpus), feeds inside.
pub fn write(title: &str, groups: &[(String, Vec<ExportFeed>)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n",
    );
    out.push_str(&format!("    <title>{}</title>\n", esc(title)));
    out.push_str(&format!(
        "    <dateCreated>{}</dateCreated>\n  </head>\n  <body>\n",
        chrono::Utc::now().to_rfc2822()
    ));
    for (group, feeds) in groups {
        out.push_str(&format!(
            "    <outline text=\"{0}\" title=\"{0}\">\n",
            esc(group)
        ));
        for feed in feeds {
            let label = if feed.title.trim().is_empty() {
                &feed.url
            } else {
                &feed.title
            };
            out.push_str(&format!(
                "      <outline type=\"rss\" text=\"{0}\" title=\"{0}\" xmlUrl=\"{1}\"",
                esc(label),
                esc(&feed.url)
            ));
            if !feed.site_url.is_empty() {
                out.push_str(&format!(" htmlUrl=\"{}\"", esc(&feed.site_url)));
            }
            out.push_str("/>\n");
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Escapes for an attribute or text, dropping control characters XML 1.0 cannot hold.
fn esc(s: &str) -> String {
    let clean: String = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    quick_xml::escape::escape(clean.as_str()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Public sector</title></head>
  <body>
    <outline text="UK">
      <outline text="GOV.UK" type="rss" xmlUrl="https://www.gov.uk/government/feed" htmlUrl="https://www.gov.uk/"/>
      <outline title="Bad one" xmlUrl="javascript:alert(1)"/>
      <outline text="Cabinet Office &amp; friends" XMLURL="https://www.gov.uk/government/organisations/cabinet-office.atom"/>
    </outline>
    <outline text="No category" xmlUrl="feed://example.org/rss"/>
    <outline text="Dup" xmlUrl="https://www.gov.uk/government/feed"/>
  </body>
</opml>"#;

    #[test]
    fn reads_feeds_categories_and_problems() {
        let list = parse(LIST.as_bytes(), "list.opml").unwrap_or_default();
        assert_eq!(list.title, "Public sector");
        let urls: Vec<&str> = list.feeds.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://www.gov.uk/government/feed",
                "https://www.gov.uk/government/organisations/cabinet-office.atom",
                "http://example.org/rss"
            ]
        );
        assert_eq!(list.feeds[0].category, "UK");
        assert_eq!(list.feeds[0].line, 6);
        assert_eq!(list.feeds[1].title, "Cabinet Office & friends");
        assert_eq!(list.feeds[2].category, "");
        assert_eq!(list.problems.len(), 1);
        assert_eq!(list.problems[0].line, Some(7));
        assert!(list.problems[0].message.contains("javascript"));
    }

    #[test]
    fn not_opml_says_what_it_is() {
        let e = parse(b"<rss version=\"2.0\"><channel/></rss>", "x.opml").err();
        assert!(e.is_some_and(|p| p.message.contains("this is a feed")));
        let e = parse(b"<!DOCTYPE html><html></html>", "x.opml").err();
        assert!(e.is_some_and(|p| p.message.contains("web page")));
        assert!(parse(b"", "x.opml").is_err());
        assert!(parse(b"\x00\x01\x02junk", "x.opml").is_err());
    }

    #[test]
    fn broken_list_keeps_what_came_before() {
        let text = "<opml><body><outline text=\"a\" xmlUrl=\"https://a.example/feed\"/>\n<outline text=\"b\" xmlUrl=\"https://b.example/feed\"";
        let list = parse(text.as_bytes(), "x.opml").unwrap_or_default();
        assert_eq!(list.feeds.len(), 1);
        assert_eq!(list.problems.len(), 1);
        assert_eq!(list.problems[0].line, Some(2));
    }

    #[test]
    fn written_lists_read_back() {
        let out = write(
            "Sandpit <feeds>",
            &[(
                "storm".to_string(),
                vec![ExportFeed {
                    url: "https://example.org/feed?a=1&b=2".into(),
                    title: "Quotes \" & <tags>".into(),
                    site_url: String::new(),
                }],
            )],
        );
        let list = parse(out.as_bytes(), "out.opml").unwrap_or_default();
        assert_eq!(list.title, "Sandpit <feeds>");
        assert_eq!(list.feeds.len(), 1);
        assert_eq!(list.feeds[0].url, "https://example.org/feed?a=1&b=2");
        assert_eq!(list.feeds[0].title, "Quotes \" & <tags>");
        assert_eq!(list.feeds[0].category, "storm");
    }
}
