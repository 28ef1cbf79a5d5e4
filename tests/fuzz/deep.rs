//! Deep nesting and very long input, each on a thread with the server's 2 MiB stack.

use super::*;

// ---- Deep nesting and very long input -----------------------------------------------------

pub(crate) fn must_not_panic_query(q: String) {
    on_small_stack(move || {
        // A short document: the point is the depth of the query, not the size of the text.
        let doc = document(
            "a b x".into(),
            "#aa a".into(),
            "a".into(),
            (String::new(), "en".into(), 0),
        );
        let r: Result<(), TestCaseError> = exercise_query(&q, &doc, &doc);
        if let Err(e) = r {
            panic!("{e}");
        }
    });
}

#[test]
pub(crate) fn deep_queries_are_refused_or_run_without_overflow() {
    // Over the length limit: refused before parsing.
    must_not_panic_query(format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000)));
    must_not_panic_query("(".repeat(10_000));
    // As deep as the length limit allows, in every shape that recurses.
    let n = query::MAX_QUERY_CHARS / 2 - 1;
    must_not_panic_query(format!("{}a{}", "(".repeat(n), ")".repeat(n)));
    must_not_panic_query(format!("{}x", "-".repeat(query::MAX_QUERY_CHARS - 1)));
    must_not_panic_query(format!(
        "{}x",
        "NOT ".repeat(query::MAX_QUERY_CHARS / 4 - 1)
    ));
    must_not_panic_query(format!("{}x", "-(".repeat(n / 2)) + &")".repeat(n / 2));
    must_not_panic_query(format!("{}x{}", "(a -(b ".repeat(580), "))".repeat(580)));
    must_not_panic_query(format!("{}x{}", "(a OR (b ".repeat(450), "))".repeat(450)));
    must_not_panic_query(format!("a{}", " NEAR/1 a".repeat(450)));
    must_not_panic_query("a ".repeat(2000));
    must_not_panic_query("a OR ".repeat(800) + "a");
    must_not_panic_query(format!("\"{}\"", "a ".repeat(2000)));
    must_not_panic_query(format!("aa{}", "*?".repeat(2000)));
    must_not_panic_query(format!("#aa{}", "*".repeat(4000)));
}

/// A NEAR chain as long as the length limit allows (455 links) nests as deep as 455
/// brackets: searching it overflowed a 2 MiB stack in the debug build. Each link now counts
/// towards `MAX_NESTING`.
#[test]
pub(crate) fn regression_near_chain_overflow() {
    let links = (query::MAX_QUERY_CHARS - 1) / " NEAR/9 a".len();
    let q = format!("a{}", " NEAR/9 a".repeat(links));
    let e = on_small_stack(move || query::parse(&q).map(|_| ()).unwrap_err());
    assert!(e.message.contains("NEAR chain"), "{e}");
    // At the NEAR of link 51: "a", 50 links of " NEAR/9 a", a space, then 1-based.
    assert_eq!(e.column, 1 + query::MAX_NESTING * " NEAR/9 a".len() + 2);
    let q = format!("(((a{}))) b", " NEAR/9 a".repeat(query::MAX_NESTING - 3));
    assert!(query::parse(&q).is_ok());
}

#[test]
pub(crate) fn a_refused_deep_query_says_why() {
    let q = format!("{}a{}", "(".repeat(500), ")".repeat(500));
    let e = query::parse(&q).expect_err("500 nested brackets are refused");
    assert!(e.message.contains("nested"), "{e}");
    let q = format!("{}x", "NOT ".repeat(300));
    let e = query::parse(&q).expect_err("300 NOTs in a row are refused");
    assert!(
        e.message.contains("nested") || e.message.contains("NOT"),
        "{e}"
    );
    // Up to the limit, nesting still parses; one more level is refused at its bracket.
    let n = query::MAX_NESTING;
    let q = format!("{}a{}", "(".repeat(n), ")".repeat(n));
    assert!(query::parse(&q).is_ok());
    let q = format!("{}a{}", "(".repeat(n + 1), ")".repeat(n + 1));
    assert_eq!(query::parse(&q).map(|_| ()).unwrap_err().column, n + 1);
    let q = format!("a {}b", "NOT ".repeat(n));
    assert!(query::parse(&q).is_ok());
}

/// Whether this is the long run (release, or `SANDPIT_FUZZ_CASES` set): then every very long
/// input is at full size.
pub(crate) fn long_run() -> bool {
    !cfg!(debug_assertions) || std::env::var_os("SANDPIT_FUZZ_CASES").is_some()
}

/// 1 MB drafts (the most the CLI and the web page accept) of the kinds that make counting and
/// rule-checking work hard. The short run in the debug build keeps three at 1 MB and cuts the
/// slow ones (5 to 20 s each there) to 128 KB.
pub(crate) fn megabyte_drafts() -> Vec<String> {
    const MB: usize = 1 << 20;
    let short = if long_run() { MB } else { MB / 8 };
    let fill = |unit: &str, size: usize| unit.repeat(size / unit.len().max(1));
    vec![
        fill("hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝 ", MB),
        format!("e{}", "\u{301}".repeat(MB / 2 - 1)),
        fill("\u{1F1EC}", MB),
        fill("#", short),
        fill("x.", short),
        fill("@a@b.", short),
        fill("\u{1F468}\u{200D}", short),
        fill("There is the the UTILISE!! ", short),
        fill("a", short),
        fill("https://x.co/", short),
    ]
}

#[test]
pub(crate) fn megabyte_drafts_are_checked_without_panic() {
    on_small_stack(|| {
        for d in megabyte_drafts() {
            let started = std::time::Instant::now();
            let all: Vec<Profile> = Platform::ALL.iter().map(|p| p.profile()).collect();
            let c = compose::check(&d, &all, builtin_packs());
            if let Err(e) = check_ok(&d, &c, all.len()) {
                panic!("{e}");
            }
            let _ = compose::readability::syllables(&d);
            eprintln!(
                "{} KB draft starting {:?}: {:?}",
                d.len() >> 10,
                d.chars().take(6).collect::<String>(),
                started.elapsed()
            );
        }
    });
}

#[test]
pub(crate) fn deeply_nested_markup_reads_without_overflow() {
    on_small_stack(|| {
        let n = 100_000;
        // html5ever takes time quadratic in the nesting depth (100,000 levels: two minutes in
        // the debug build), so escaped HTML nests less deeply: still far past what overflowed.
        let h = 10_000;
        // Nested elements inside an item, and escaped HTML nested in a description.
        let nested_xml = format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>{}x{}</item></channel></rss>",
            "<x>".repeat(n),
            "</x>".repeat(n)
        );
        let nested_html = format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><description>{}deep{}</description></item></channel></rss>",
            "&lt;div&gt;".repeat(h),
            "&lt;/div&gt;".repeat(h)
        );
        let nested_xhtml = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>1</id><title>a</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{}deep{}</div></content></entry></feed>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let unclosed = format!(
            "<rss version=\"2.0\"><channel>{}",
            "<item><title>".repeat(n)
        );
        let many_items = format!(
            "<rss version=\"2.0\"><channel><title>t</title>{}</channel></rss>",
            "<item><title>a &amp; b</title><description>&lt;b&gt;x&lt;/b&gt;</description></item>"
                .repeat(10_000)
        );
        let laughs = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">{}]><rss version=\"2.0\"><channel><title>&e9;</title><item><title>&e9;</title></item></channel></rss>",
            (1..10)
                .map(|i| format!("<!ENTITY e{i} \"{}\">", format!("&e{};", i - 1).repeat(10)))
                .collect::<String>()
                .replace("&e0;", "&a;")
        );
        for xml in [
            nested_xml,
            nested_html,
            nested_xhtml,
            unclosed,
            many_items,
            laughs,
        ] {
            if let Err(e) = exercise_feed(xml.as_bytes()) {
                panic!("{e}");
            }
        }
        let _ = clean::html_to_text(&format!("{}x", "<b><i>".repeat(h / 2)));
        let _ = clean::html_to_text(&format!("{}x", "<table><tr><td>".repeat(h / 3)));
    });
}

#[test]
pub(crate) fn deep_and_long_opml_reads_without_overflow() {
    on_small_stack(|| {
        let n = 100_000;
        let nested = format!(
            "<opml version=\"2.0\"><body>{}<outline text=\"f\" xmlUrl=\"https://example.org/f\"/>{}</body></opml>",
            "<outline text=\"c\">".repeat(n),
            "</outline>".repeat(n)
        );
        let long = format!(
            "<opml version=\"2.0\"><body>{}</body></opml>",
            (0..20_000)
                .map(|i| format!("<outline text=\"f{i}\" xmlUrl=\"https://example.org/{i}\"/>\n"))
                .collect::<String>()
        );
        let nested_feeds = format!(
            "<opml version=\"2.0\"><body>{}{}</body></opml>",
            "<outline text=\"category\">".repeat(20_000),
            (0..2_000)
                .map(|i| format!("<outline xmlUrl=\"https://example.org/{i}\"/>"))
                .collect::<String>()
        );
        for xml in [nested, long, nested_feeds] {
            let started = std::time::Instant::now();
            if let Err(e) = exercise_opml(xml.as_bytes()) {
                panic!("{e}");
            }
            eprintln!("OPML of {} bytes: {:?}", xml.len(), started.elapsed());
        }
    });
}

#[test]
pub(crate) fn deep_and_long_jsonl_toml_and_packs_read_without_overflow() {
    on_small_stack(|| {
        let n = 10_000;
        let deep_json = format!(
            "{{\"id\":\"x\",\"published\":\"2026-01-01\",\"title\":\"t\",\"extra\":{}1{}}}",
            "[".repeat(n),
            "]".repeat(n)
        );
        let deep_object = format!("{}{}", "{\"a\":".repeat(n), "}".repeat(n));
        let long =
            serde_json::json!({"id": "x", "published": "2026-01-01", "body": megabyte_drafts()[0]})
                .to_string();
        for line in [deep_json, deep_object, long] {
            if let Err(e) = exercise_jsonl(&line) {
                panic!("{e}");
            }
        }
        let deep_toml = format!("id = {}1{}\n", "[".repeat(n), "]".repeat(n));
        let deep_inline = format!("id = {}1{}\n", "{a = ".repeat(n), "}".repeat(n));
        let deep_tables = (0..2_000)
            .map(|i| format!("[{}]\n", vec!["a"; i % 200 + 1].join(".")))
            .collect::<String>();
        let long_brief = format!(
            "id = \"x\"\ntitle = \"t\"\nkind = \"rewrite\"\nlevel = \"beginner\"\nbrief = {}\n[rewrite]\nsource = \"press-releases/ferry-timetable.md\"\nplatforms = [\"x\"]\nrules = [\"govuk-plain-english\"]\npass_mark = 70\n",
            toml_string(&megabyte_drafts()[0])
        );
        let deep_query = format!(
            "id = \"x\"\ntitle = \"t\"\nkind = \"monitor\"\nlevel = \"beginner\"\nbrief = \"b\"\n[monitor]\ncorpus = \"c\"\nrelevant = [\"a\"]\nmodel_query = {}\npass_mark = 0.8\n",
            toml_string(&format!("{}a{}", "(".repeat(2000), ")".repeat(2000)))
        );
        for text in [
            &deep_toml,
            &deep_inline,
            &deep_tables,
            &long_brief,
            &deep_query,
        ] {
            if let Err(e) = exercise_exercise(text, "post") {
                panic!("{e}");
            }
        }
        let deep_pattern = format!(
            "[pack]\nid = \"p\"\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\npattern = {}\n",
            toml_string(&format!("{}a{}", "(".repeat(n), ")".repeat(n)))
        );
        let huge_pattern = "[pack]\nid = \"p\"\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\npattern = \"((a{1000}){1000}){1000}\"\n".to_string();
        let many_words = format!(
            "[pack]\nid = \"p\"\n[[rule]]\nid = \"r\"\nkind = \"avoid\"\nwords = [{}]\n",
            (0..20_000)
                .map(|i| format!("{{ word = \"w{i} x{i}\" }}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let self_extending = "[pack]\nid = \"p\"\nextends = [\"fuzz-self.toml\"]\n".to_string();
        for src in [
            &deep_toml,
            &deep_inline,
            &deep_pattern,
            &huge_pattern,
            &many_words,
            &self_extending,
        ] {
            if let Err(e) = exercise_pack(
                src,
                "There is the the UTILISE!! hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝",
            ) {
                panic!("{e}");
            }
        }
    });
}
