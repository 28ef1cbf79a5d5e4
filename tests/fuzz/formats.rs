//! Generated feeds, OPML lists and JSONL lines: well-formed, broken and in between.

use super::*;

// ---- Feeds, OPML, JSONL, TOML ---------------------------------------------------------------

pub(crate) fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text as it may sit in XML: escaped, raw (often breaking the file), in CDATA, or as HTML
/// escaped once more (what a description holds).
pub(crate) fn xml_text() -> impl Strategy<Value = String> {
    (text(), 0u8..5).prop_map(|(s, how)| match how {
        0 | 1 => xml_escape(&s),
        2 => s,
        3 => format!("<![CDATA[{s}]]>"),
        _ => xml_escape(&format!("<p>{s}</p><div><b>{s}</b><img alt=\"{s}\"></div>")),
    })
}

pub(crate) fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "Tue, 03 Feb 2026 09:00:00 GMT",
                "2026-02-03T09:00:00Z",
                "2026-02-03",
                "Mon, 31 Feb 2026 25:61:61 +9999",
                "9999-12-31T23:59:60Z",
                "+275760-09-13T00:00:00Z",
                "0000-01-01T00:00:00-23:59",
                "-1",
                "",
            ][..]
        )
        .prop_map(str::to_string),
        text(),
    ]
}

pub(crate) fn feed_bytes() -> BoxedStrategy<Vec<u8>> {
    let item = (xml_text(), xml_text(), xml_text(), date_text(), 0u8..4).prop_map(
        |(title, link, body, date, kind)| match kind {
            0 => format!(
                "<item><title>{title}</title><link>{link}</link><guid>{link}</guid><description>{body}</description><pubDate>{}</pubDate><author>{title}</author><category>{title}</category></item>",
                xml_escape(&date)
            ),
            1 => format!(
                "<entry><id>{link}</id><title type=\"html\">{title}</title><link href=\"{link}\"/><updated>{}</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{body}</div></content><author><name>{title}</name></author></entry>",
                xml_escape(&date)
            ),
            2 => format!("<item><description>{body}</description></item>"),
            _ => format!("<entry><summary type=\"html\">{body}</summary></entry>"),
        },
    );
    let decl = select(
        &[
            "",
            "<?xml version=\"1.0\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
            "<?xml version=\"1.0\" encoding=\"windows-1252\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
            "<?xml version=\"1.0\" encoding=\"shift_jis\"?>",
            "<?xml version=\"1.0\" encoding=\"bogus-8\"?>",
            "\u{FEFF}<?xml version=\"1.0\"?>",
        ][..],
    );
    let root = select(
        &[
            "<rss version=\"2.0\"><channel>|</channel></rss>",
            "<rss version=\"0.94\"><channel>|</channel></rss>",
            "<rss><channel>|</channel></rss>",
            "<rss version=\"2.0\"><channel>|",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">|</feed>",
            "<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\">|</feed>",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>t</title></channel>|</rdf:RDF>",
            "<html><body>|</body></html>",
            "<opml>|</opml>",
            "|",
        ][..],
    );
    let xml = (
        decl,
        root,
        xml_text(),
        xml_text(),
        prop::collection::vec(item, 0..5),
    )
        .prop_map(|(decl, root, title, link, items)| {
            let inner = format!(
                "<title>{title}</title><link>{link}</link>{}",
                items.concat()
            );
            format!("{decl}{}", root.replacen('|', &inner, 1)).into_bytes()
        });
    let json = (
        text(),
        prop::collection::vec((text(), text(), text(), date_text()), 0..4),
    )
        .prop_map(|(title, items)| {
            let items: Vec<serde_json::Value> = items
                .into_iter()
                .map(|(id, html, url, date)| {
                    serde_json::json!({"id": id, "content_html": html, "url": url, "date_published": date, "title": id})
                })
                .collect();
            serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "title": title, "items": items})
                .to_string()
                .into_bytes()
        });
    let base = prop_oneof![
        5 => xml,
        1 => json,
        1 => text().prop_map(String::into_bytes),
    ]
    .boxed();
    bytes_from(base)
}

pub(crate) fn opml_bytes() -> BoxedStrategy<Vec<u8>> {
    let url = prop_oneof![
        text(),
        hostile(4).prop_map(|s| format!("https://{s}/feed")),
        hostile(4).prop_map(|s| format!("feed://{s}")),
        Just("https://example.org/rss".to_string()),
    ];
    let outline = (xml_text(), url, any::<bool>(), 0u8..4).prop_map(|(t, u, lower, open)| {
        let key = if lower { "xmlurl" } else { "xmlUrl" };
        let u = xml_escape(&u);
        match open {
            0 => format!("<outline text=\"{t}\" {key}=\"{u}\" htmlUrl=\"{u}\"/>"),
            1 => format!("<outline text=\"{t}\">"),
            2 => "</outline>".to_string(),
            _ => format!("<outline title=\"{t}\" type=\"rss\" url=\"{u}\"></outline>"),
        }
    });
    let xml = (
        select(
            &[
                "",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"latin1\"?>",
            ][..],
        ),
        select(
            &[
                "<opml version=\"2.0\">",
                "<opml>",
                "<OPML>",
                "<rss>",
                "<html>",
                "",
            ][..],
        ),
        xml_text(),
        prop::collection::vec(outline, 0..12),
        any::<bool>(),
    )
        .prop_map(|(decl, root, title, outlines, close)| {
            format!(
                "{decl}{root}<head><title>{title}</title></head><body>{}</body>{}",
                outlines.concat(),
                if close { "</opml>" } else { "" }
            )
            .into_bytes()
        });
    let base = prop_oneof![5 => xml, 1 => text().prop_map(String::into_bytes)].boxed();
    bytes_from(base)
}

pub(crate) fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        4 => text().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

pub(crate) fn jsonl_line() -> BoxedStrategy<String> {
    const FIELDS: &[&str] = &[
        "id",
        "title",
        "body",
        "author",
        "source",
        "source_name",
        "url",
        "published",
        "lang",
        "kind",
        "extra",
    ];
    let object = prop::collection::vec(
        (
            select(FIELDS),
            prop_oneof![
                3 => text().prop_map(serde_json::Value::String),
                2 => date_text().prop_map(serde_json::Value::String),
                1 => json_value(),
            ],
        ),
        0..10,
    )
    .prop_map(|fields| {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), "x".into());
        m.insert("published".into(), "2026-01-01".into());
        for (k, v) in fields {
            m.insert(k.to_string(), v);
        }
        serde_json::Value::Object(m).to_string()
    });
    let cut = (object.clone(), any::<prop::sample::Index>()).prop_map(|(s, at)| {
        let n = at.index(s.len() + 1);
        let n = (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        s[..n].to_string()
    });
    prop_oneof![
        5 => object,
        1 => cut,
        1 => json_value().prop_map(|v| v.to_string()),
        1 => text(),
    ]
    .boxed()
}
