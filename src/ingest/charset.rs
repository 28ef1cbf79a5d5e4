//! Character encodings of feed and OPML bytes: finding out what a file really is (byte-order
//! mark, XML declaration, HTTP charset, and whether the bytes are valid UTF-8) and turning it into
//! UTF-8 that the XML parser can read without second-guessing.
//!
//! Why not let feed-rs decode: it trusts the XML declaration, and on the real web the declaration
//! is often wrong (ISO-8859-1 bytes declared UTF-8 fail to parse; UTF-8 bytes declared
//! ISO-8859-1 come out as mojibake). Valid UTF-8 with non-ASCII bytes is almost never anything
//! but UTF-8, and invalid UTF-8 is most often Windows-1252, so the bytes get the last word.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Bytes ready for a UTF-8 parser, and what was done to get them.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// UTF-8 text; any XML declaration now says UTF-8.
    pub bytes: Cow<'a, [u8]>,
    /// Said to the trainer when the file's own label was wrong or characters were lost.
    pub note: Option<String>,
}

/// Turns feed or OPML bytes into UTF-8. `http_charset` is the `charset` parameter of the
/// response's Content-Type, when fetched.
pub fn to_utf8<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Decoded<'a> {
    // A byte-order mark is the strongest evidence there is (and what XML itself says to use).
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_8 {
            return utf8_body(body, None, http_charset);
        }
        return decode_with(body, encoding, None);
    }
    // UTF-16 without a mark still starts with '<' and a zero byte.
    if bytes.starts_with(&[b'<', 0]) {
        return decode_with(bytes, UTF_16LE, None);
    }
    if bytes.starts_with(&[0, b'<']) {
        return decode_with(bytes, UTF_16BE, None);
    }
    utf8_body(bytes, declared_encoding(bytes), http_charset)
}

/// The encoding label of an XML declaration (`<?xml version="1.0" encoding="X"?>`), if any.
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let close = value.find(quote)?;
    Some(value[..close].trim().to_string())
}

/// The `charset` parameter of a Content-Type header value.
pub fn charset_of_content_type(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| {
                value
                    .trim()
                    .trim_matches('"')
                    .trim_matches('\'')
                    .to_string()
            })
            .filter(|v| !v.is_empty())
    })
}

fn label_name(label: &str) -> String {
    match Encoding::for_label(label.as_bytes()) {
        Some(e) => e.name().to_string(),
        None => label.to_string(),
    }
}

/// Decides for bytes without a byte-order mark.
fn utf8_body<'a>(bytes: &'a [u8], declared: Option<String>, http: Option<&str>) -> Decoded<'a> {
    // The document's own declaration comes first; the server's header is a fallback, since
    // servers often label every .xml file with one default charset.
    let label = declared.or_else(|| http.map(str::to_string));
    let encoding = label
        .as_deref()
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match encoding {
        // Declared UTF-8, or nothing declared (UTF-8 is XML's and JSON's default).
        None => utf8_default(bytes, label, encoding, valid_utf8),
        Some(e) if e == UTF_8 => utf8_default(bytes, label, encoding, valid_utf8),
        // UTF-16 declared on bytes that had no mark and no zero bytes: the label is wrong.
        Some(e) if e == UTF_16LE || e == UTF_16BE => {
            if valid_utf8 {
                Decoded {
                    bytes: relabel(Cow::Borrowed(bytes)),
                    note: Some("says it is UTF-16 but is not; it was read as UTF-8".into()),
                }
            } else {
                let mut decoded = decode_with(bytes, WINDOWS_1252, None);
                decoded.note = Some(
                    "says it is UTF-16 but is not; it was read as Windows-1252 (Western European)"
                        .into(),
                );
                decoded
            }
        }
        Some(e) => {
            if valid_utf8 && !bytes.is_ascii() {
                // Valid UTF-8 with non-ASCII characters is, in practice, always UTF-8.
                Decoded {
                    bytes: relabel(Cow::Borrowed(bytes)),
                    note: Some(format!(
                        "says it is {} but is UTF-8; it was read as UTF-8",
                        e.name()
                    )),
                }
            } else if bytes.is_ascii() && e.is_ascii_compatible() {
                // Every ASCII-compatible encoding reads ASCII the same way: nothing to convert.
                Decoded {
                    bytes: relabel(Cow::Borrowed(bytes)),
                    note: None,
                }
            } else {
                decode_with(bytes, e, None)
            }
        }
    }
}

/// Bytes declared UTF-8 or not declared at all.
fn utf8_default<'a>(
    bytes: &'a [u8],
    label: Option<String>,
    encoding: Option<&'static Encoding>,
    valid_utf8: bool,
) -> Decoded<'a> {
    if valid_utf8 {
        let note = match (&label, encoding) {
            (Some(l), None) => Some(format!(
                "declares an unknown character encoding {l:?}; it was read as UTF-8"
            )),
            _ => None,
        };
        Decoded {
            bytes: relabel(Cow::Borrowed(bytes)),
            note,
        }
    } else {
        let said = match &label {
            Some(l) if encoding.is_some() => format!("says it is {}", label_name(l)),
            Some(l) => format!("declares an unknown character encoding {l:?}"),
            None => "declares no character encoding".to_string(),
        };
        let mut decoded = decode_with(bytes, WINDOWS_1252, None);
        decoded.note = Some(format!(
            "{said} but is not valid UTF-8; it was read as Windows-1252 (Western European)"
        ));
        decoded
    }
}

/// Decodes with a known encoding and relabels the XML declaration.
fn decode_with<'a>(
    bytes: &'a [u8],
    encoding: &'static Encoding,
    note: Option<String>,
) -> Decoded<'a> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let note = note.or_else(|| {
        had_errors.then(|| {
            format!(
                "some characters are not valid {}; they were replaced with \u{FFFD}",
                encoding.name()
            )
        })
    });
    let bytes = match text {
        Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
        Cow::Owned(s) => Cow::Owned(s.into_bytes()),
    };
    Decoded {
        bytes: relabel(bytes),
        note,
    }
}

/// Rewrites an XML declaration so that it says UTF-8, which the bytes now are.
fn relabel(bytes: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    let Some(label) = declared_encoding(&bytes) else {
        return bytes;
    };
    if Encoding::for_label(label.as_bytes()) == Some(UTF_8) {
        return bytes;
    }
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let Some(end) = bytes[start..].windows(2).position(|w| w == b"?>") else {
        return bytes;
    };
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    out.extend_from_slice(&bytes[start + end + 2..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: &Decoded<'_>) -> String {
        String::from_utf8(d.bytes.to_vec()).unwrap_or_default()
    }

    #[test]
    fn utf8_passes_through_untouched() {
        let xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>café</rss>".as_bytes();
        let d = to_utf8(xml, None);
        assert!(matches!(d.bytes, Cow::Borrowed(_)));
        assert!(d.note.is_none());
    }

    #[test]
    fn latin1_declared_latin1_is_decoded_and_relabelled() {
        let mut xml = b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>caf".to_vec();
        xml.push(0xE9);
        xml.extend_from_slice(b"</rss>");
        let d = to_utf8(&xml, None);
        assert_eq!(
            text(&d),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>café</rss>"
        );
        assert!(d.note.is_none());
    }

    #[test]
    fn latin1_declared_utf8_falls_back_with_a_note() {
        let mut xml = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>caf".to_vec();
        xml.push(0xE9);
        xml.extend_from_slice(b"</rss>");
        let d = to_utf8(&xml, None);
        assert!(text(&d).contains("café"));
        assert!(d.note.as_deref().unwrap_or("").contains("not valid UTF-8"));
    }

    #[test]
    fn utf8_declared_latin1_is_read_as_utf8() {
        let xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>café</rss>".as_bytes();
        let d = to_utf8(xml, Some("iso-8859-1"));
        assert!(text(&d).contains("café"));
        assert!(text(&d).contains("encoding=\"UTF-8\""));
        assert!(d.note.as_deref().unwrap_or("").contains("is UTF-8"));
    }

    #[test]
    fn http_charset_used_when_the_document_says_nothing() {
        let mut xml = b"<rss>caf".to_vec();
        xml.push(0xE9);
        xml.extend_from_slice(b"</rss>");
        let d = to_utf8(&xml, Some("windows-1252"));
        assert_eq!(text(&d), "<rss>café</rss>");
        assert!(d.note.is_none());
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>é</rss>".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = to_utf8(&bytes, None);
        assert_eq!(
            text(&d),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss>é</rss>"
        );
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(
            charset_of_content_type("application/rss+xml; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(charset_of_content_type("text/xml"), None);
    }

    #[test]
    fn junk_never_panics() {
        for junk in [
            &b""[..],
            b"<?xml",
            b"<?xml encoding=",
            b"\xff\xfe",
            b"\xfe\xff<",
            b"<\0",
        ] {
            let _ = to_utf8(junk, Some("nonsense"));
        }
    }
}
