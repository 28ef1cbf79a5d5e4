//! The normaliser end to end, from a feed's XML to the Atom written, one quirk of the dialects
//! at a time; and the base64 decoding that Atom 0.3's `mode="base64"` needs.

use super::atom::decode_base64;

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
