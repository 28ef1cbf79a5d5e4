//! What every property checks of an answer (offsets on character boundaries, counts that add
//! up, errors that are values), and running one input through each entry point.

use super::*;

// ---- Checks shared by the properties ------------------------------------------------------

pub(crate) fn offset_ok(text: &str, o: &Offset) -> Result<(), TestCaseError> {
    prop_assert!(o.byte <= text.len(), "offset {o:?} past the end");
    prop_assert!(
        text.is_char_boundary(o.byte),
        "offset {o:?} not on a boundary"
    );
    prop_assert_eq!(o.char, text[..o.byte].chars().count(), "char of {:?}", o);
    Ok(())
}

pub(crate) fn check_ok(text: &str, c: &Check, platforms: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(c.counts.len(), platforms);
    for count in &c.counts {
        for o in count.overflow.iter().chain(&count.fold) {
            offset_ok(text, o)?;
        }
        prop_assert!(count.notes.iter().all(|n| !n.is_empty()));
    }
    for f in &c.findings {
        // A trainer's pack may say `message = ""`; the built-in rules all say something.
        let builtin =
            f.rule.starts_with("govuk-plain-english.") || f.rule.starts_with("social-accessible.");
        prop_assert!(
            !builtin || !f.message.is_empty(),
            "{} has no message",
            f.rule
        );
        if let Some(s) = &f.span {
            offset_ok(text, &s.start)?;
            offset_ok(text, &s.end)?;
            prop_assert!(s.start.byte <= s.end.byte);
            prop_assert_eq!(&s.text, &text[s.start.byte..s.end.byte]);
        }
    }
    if let Some(r) = &c.readability {
        prop_assert!(r.words > 0 && r.sentences > 0 && r.syllables >= r.words);
        prop_assert!(r.flesch_reading_ease.is_finite() && r.flesch_kincaid_grade.is_finite());
    }
    Ok(())
}

pub(crate) fn profiles(limits: &[usize]) -> Vec<Profile> {
    Platform::ALL
        .iter()
        .zip(limits.iter().chain(std::iter::repeat(&usize::MAX)))
        .map(|(&p, &l)| Profile {
            platform: p,
            limit: if l == usize::MAX {
                p.default_limit()
            } else {
                l
            },
        })
        .collect()
}

pub(crate) fn builtin_packs() -> &'static [RulePack] {
    packs::builtin_shared().expect("built-in packs load")
}

/// Everything compose offers, on one draft: `check` with every platform and both built-in
/// packs, each pack and rule on its own, the counts at odd limits, readability and URLs.
pub(crate) fn exercise_draft(text: &str, limits: &[usize]) -> Result<(), TestCaseError> {
    let all: Vec<Profile> = Platform::ALL.iter().map(|p| p.profile()).collect();
    let c = compose::check(text, &all, builtin_packs());
    check_ok(text, &c, all.len())?;
    let odd = profiles(limits);
    let c = compose::check(text, &odd, &[] as &[RulePack]);
    check_ok(text, &c, odd.len())?;
    let doc = compose::prose::Doc::new(text);
    for r in doc
        .links
        .iter()
        .chain(&doc.hashtags)
        .chain(&doc.mentions)
        .chain(&doc.emails)
        .chain(&doc.emoji)
    {
        prop_assert!(r.start <= r.end && text.get(r.clone()).is_some(), "{r:?}");
    }
    for w in &doc.words {
        prop_assert_eq!(text.get(w.bytes.clone()), Some(w.text));
        prop_assert!(compose::readability::syllables(w.text) >= 1);
    }
    for s in &doc.sentences {
        prop_assert!(text.get(s.bytes.clone()).is_some(), "{:?}", s);
        let _ = doc.sentence_words(s);
    }
    let _ = compose::readability::score(&doc);
    prop_assert!(compose::readability::syllables(text) >= 1);
    let chars = text.chars().count();
    for config in [
        compose::twitter::Config::v1(),
        compose::twitter::Config::v2(),
        compose::twitter::Config::v3(),
    ] {
        let p = compose::twitter::parse(text, &config);
        prop_assert!(p.overflow_char.is_none_or(|c| c <= chars), "{p:?}");
        prop_assert!(p.invalid_chars.iter().all(|&c| c < chars), "{p:?}");
    }
    for e in compose::emoji::find_all(text) {
        prop_assert!(compose::emoji::is_emoji(&text[e.start..e.end]), "{e:?}");
    }
    for u in compose::twitter::extract_urls(text) {
        prop_assert!(u.start <= u.end && u.end <= chars, "{:?}", u);
    }
    Ok(())
}

pub(crate) fn document(
    title: String,
    body: String,
    author: String,
    extra: (String, String, i64),
) -> Document {
    let (url, lang, secs) = extra;
    Document {
        id: "d".into(),
        title,
        body,
        author: author.clone(),
        source: author,
        source_name: String::new(),
        url,
        published: DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default(),
        lang,
        kind: "post".into(),
        tags: Vec::new(),
        mentions: Vec::new(),
        host: String::new(),
    }
    .derive()
}

pub(crate) fn document_strategy() -> impl Strategy<Value = Document> {
    let url = prop_oneof![
        text(),
        hostile(6).prop_map(|s| format!("https://{s}")),
        select(
            &[
                "https://www.gov.uk/a",
                "http://[::1]/",
                "https://xn--p1ai.example/"
            ][..]
        )
        .prop_map(str::to_string),
    ];
    (
        text(),
        text(),
        hostile(4),
        (url, hostile(2), -99_999_999_999i64..99_999_999_999),
    )
        .prop_map(|(t, b, a, e)| document(t, b, a, e))
}

/// Queries: hostile text, or the language's own pieces mixed with hostile words.
pub(crate) const QUERY_PIECES: &[&str] = &[
    "storm",
    "flood*",
    "sandbag?",
    "aa*",
    "\"rest centre\"",
    "covid-19",
    "(",
    ")",
    "OR",
    "AND",
    "NOT",
    "-",
    "NEAR/0",
    "NEAR/3f",
    "NEAR/100",
    "title:",
    "body:",
    "author:",
    "site:gov.uk",
    "source:x",
    "lang:fr",
    "#floodalert",
    "#flood*",
    "@port_council",
    "after:2025-03-01",
    "before:2025-03-02",
    "\"",
    "*",
    ":",
    "#",
    "@",
    "\u{201C}",
    "\u{201D}",
    "or",
    "near/2",
    // The syntax shared with the listening tools: proximity, comments, case-sensitive words,
    // line breaks, and their broken halves.
    "\"flood warning\"~3",
    "\"a b c\"~0",
    "~",
    "~7",
    "<<<note>>>",
    "<<<",
    ">>>",
    "{NHS}",
    "{Kerrow",
    "{}",
    "}",
    "{COVID-19}",
    "\n",
];

pub(crate) fn query_strategy() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        3 => select(QUERY_PIECES).prop_map(str::to_string),
        2 => hostile(2),
    ];
    let mixed = prop::collection::vec(
        (piece, select(&[" ", " ", "", "\u{3000}", "\t"][..])),
        1..14,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect());
    prop_oneof![3 => mixed, 2 => text()].boxed()
}

pub(crate) fn exercise_query(
    q: &str,
    doc: &Document,
    other: &Document,
) -> Result<(), TestCaseError> {
    let parsed = match query::parse(q) {
        Err(e) => {
            let len = q.chars().count();
            prop_assert!(
                (1..=len + 1).contains(&e.column),
                "column {} outside 1..={} for {:?}",
                e.column,
                len + 1,
                q
            );
            prop_assert!(!e.message.is_empty());
            return Ok(());
        }
        Ok(p) => p,
    };
    let _ = parsed.display();
    let _ = parsed.ranks_apart();
    let _ = parsed.matches_document(doc);
    for clause in parsed.clauses() {
        let _ = clause.query.display();
        let _ = clause.query.matches_document(doc);
        let _ = clause.query.clauses();
    }
    let h = parsed.highlighter();
    for d in [doc, other] {
        for (field, text) in [
            (TextField::Title, &d.title),
            (TextField::Body, &d.body),
            (TextField::Author, &d.author),
        ] {
            let mut last = 0;
            for r in h.matches(field, text) {
                prop_assert!(r.start < r.end && r.end <= text.len(), "{r:?}");
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(r.start >= last);
                last = r.end;
            }
        }
    }
    let missed = grade::monitor::explain_missed(&parsed, Some(&parsed), doc);
    prop_assert!(!missed.reason.is_empty());
    let found = grade::monitor::explain_found(&parsed, other);
    prop_assert!(!found.reason.is_empty());
    Ok(())
}

pub(crate) fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_770_000_000, 0).unwrap_or_default()
}

pub(crate) fn problems_ok(problems: &[sandpit::ingest::Problem]) -> Result<(), TestCaseError> {
    for p in problems {
        prop_assert!(!p.message.is_empty(), "{p:?}");
        prop_assert!(p.line.is_none_or(|l| l >= 1), "{p:?}");
    }
    Ok(())
}

pub(crate) fn exercise_feed(bytes: &[u8]) -> Result<(), TestCaseError> {
    for origin in ["fuzz.xml", "https://example.org/feeds/rss.xml"] {
        let parsed = feed::parse(
            bytes,
            &feed::FeedOrigin {
                origin,
                source: None,
                now: now(),
                key: if origin.starts_with("http") {
                    feed::FeedKey::Url(origin)
                } else {
                    feed::FeedKey::File(origin)
                },
            },
        );
        problems_ok(&parsed.problems)?;
        for d in &parsed.documents {
            prop_assert!(!d.id.is_empty());
            prop_assert!(!(d.title.is_empty() && d.body.is_empty()));
        }
    }
    let parsed = feed::parse_with_charset(
        bytes,
        Some("iso-8859-1"),
        &feed::FeedOrigin {
            origin: "fuzz",
            source: Some("src"),
            now: now(),
            key: feed::FeedKey::File("fuzz"),
        },
    );
    problems_ok(&parsed.problems)?;
    // The HTML cleaner reads item content; the whole file is a hostile HTML fragment too (only
    // when small: html5ever takes time quadratic in nesting depth).
    if bytes.len() <= 8 << 10 {
        let html = String::from_utf8_lossy(bytes);
        let _ = clean::html_to_text(&html);
        let _ = sandpit::ingest::article::main_text(&html);
    }
    Ok(())
}

pub(crate) fn exercise_opml(bytes: &[u8]) -> Result<(), TestCaseError> {
    match opml::parse(bytes, "fuzz.opml") {
        Ok(list) => {
            problems_ok(&list.problems)?;
            for f in &list.feeds {
                prop_assert!(f.url.starts_with("http"), "{f:?}");
                prop_assert!(f.line >= 1);
            }
        }
        Err(p) => problems_ok(&[p])?,
    }
    Ok(())
}

pub(crate) fn exercise_jsonl(line: &str) -> Result<(), TestCaseError> {
    match jsonl::parse_line(line, 7, "fuzz.jsonl") {
        Ok(Some(doc)) => {
            prop_assert!(!doc.id.is_empty());
            prop_assert!(!doc.lang.is_empty());
        }
        Ok(None) => {
            let bom = '\u{feff}';
            prop_assert!(line.trim().trim_start_matches(bom).is_empty());
        }
        Err(p) => {
            prop_assert_eq!(p.line, Some(7));
            prop_assert!(!p.message.is_empty());
        }
    }
    let _ = jsonl::parse_date(line);
    Ok(())
}

pub(crate) fn exercise_exercise(text: &str, post: &str) -> Result<(), TestCaseError> {
    let catalog = exercises::from_text("uploads/fuzz.toml", text);
    problems_ok(&catalog.problems)?;
    for e in &catalog.exercises {
        match &e.task {
            Task::Rewrite(r) => {
                let packs: Vec<RulePack> =
                    r.rules.iter().filter_map(|p| packs::load(p).ok()).collect();
                let g =
                    grade::rewrite::grade(r, &packs, post, r.platforms.first().map(String::as_str));
                prop_assert!(g.score.is_finite(), "{}", g.score);
                let _ = grade::rewrite::match_facts(post, &r.facts);
            }
            Task::Triage(t) => {
                let labels: HashMap<String, Label> = t
                    .items
                    .iter()
                    .zip(Label::ALL.iter().cycle())
                    .map(|(i, l)| (i.id.clone(), *l))
                    .collect();
                let routes = t
                    .items
                    .iter()
                    .zip(t.routes.iter().cycle())
                    .map(|(i, r)| (i.id.clone(), r.clone()))
                    .collect();
                let g = grade::triage::grade(t, &Sorting { labels, routes });
                prop_assert!((0.0..=1.0).contains(&g.share), "{}", g.share);
            }
            Task::Monitor(m) => {
                prop_assert!(query::parse(&m.model_query).is_ok());
            }
        }
    }
    Ok(())
}

pub(crate) fn exercise_pack(source: &str, draft: &str) -> Result<(), TestCaseError> {
    match packs::parse(source, "fuzz.toml", None) {
        Ok(pack) => {
            let c = compose::check(draft, &[Platform::X.profile()], std::slice::from_ref(&pack));
            check_ok(draft, &c, 1)?;
            for outcome in packs::run_tests(&pack) {
                let _ = outcome.passed();
            }
        }
        Err(e) => {
            prop_assert!(!e.message.is_empty());
            prop_assert!(e.line.is_none_or(|l| l >= 1) && e.column.is_none_or(|c| c >= 1));
            let _ = e.to_string();
        }
    }
    Ok(())
}
