//! Generated exercise and rule-pack TOML, mostly valid so that the readers' checks are reached.

use super::*;

/// A TOML basic string holding `s`.
pub(crate) fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML value from hostile text: usually a well-formed string, now and then raw text, a
/// literal string or an array (which break the file or the field's type).
pub(crate) fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        24 => text().prop_map(|s| toml_string(&s)),
        1 => text(),
        1 => text().prop_map(|s| format!("'{s}'")),
        1 => text().prop_map(|s| format!("[{}]", toml_string(&s))),
    ]
}

/// A field that is usually `good` (so that files get past the first check) and else hostile.
pub(crate) fn usually(good: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![4 => select(good).prop_map(toml_string), 1 => toml_value()]
}

pub(crate) fn toml_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| toml_string(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

pub(crate) fn toml_query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(&["flood OR floods", "\"rest centre\" NEAR/5 open*", "#StormHarriet -football", "(a OR b) c title:x"][..])
            .prop_map(toml_string),
        3 => query_strategy().prop_map(|q| toml_string(&q)),
        1 => query_strategy(),
    ]
}

pub(crate) fn toml_number(good: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(good).prop_map(str::to_string),
        1 => select(&["0", "-1", "nan", "inf", "-inf", "1e308", "-0.0", "\"x\"", "99999999999999999999", "0x10", "1_000"][..])
            .prop_map(str::to_string),
        1 => any::<f64>().prop_map(|f| format!("{f:?}")),
        1 => any::<i64>().prop_map(|i| i.to_string()),
    ]
}

pub(crate) fn toml_choice(
    good: &'static [&'static str],
    bad: &'static str,
) -> impl Strategy<Value = String> {
    prop_oneof![8 => select(good).prop_map(toml_string), 1 => Just(toml_string(bad)), 1 => toml_value()]
}

pub(crate) fn exercise_toml() -> BoxedStrategy<String> {
    let monitor = (
        usually(&["storm-harriet", "kerrow-news"]),
        prop::collection::vec(prop_oneof![3 => select(&["m1", "a-1", "x"][..]).prop_map(str::to_string), 1 => text()], 1..4),
        toml_query(),
        prop::option::of(toml_query()),
        toml_number(&["0.8", "0.5", "1", "1.0"]),
        prop_oneof![4 => Just(0u8), 1 => Just(1), 1 => Just(2)],
    )
        .prop_map(|(corpus, ids, q, naive, mark, relevant)| {
            let relevant = match relevant {
                0 => format!("relevant = {}", toml_list(&ids)),
                1 => "relevant_file = \"labels/storm-01-sandbags.txt\"".to_string(),
                _ => format!("relevant_file = {}", toml_string(&ids.concat())),
            };
            format!(
                "[monitor]\ncorpus = {corpus}\n{relevant}\nmodel_query = {q}\n{}pass_mark = {mark}\n",
                naive.map(|n| format!("naive_query = {n}\n")).unwrap_or_default()
            )
        });
    let platform = prop_oneof![
        6 => select(&["x", "bluesky", "mastodon", "threads", "linkedin", "facebook", "instagram", "twitter", "X "][..])
            .prop_map(str::to_string),
        1 => text(),
    ];
    let rules = prop_oneof![
        6 => select(&["govuk-plain-english", "social-accessible"][..]).prop_map(str::to_string),
        1 => hostile(2),
    ];
    let fact = (text(), prop::collection::vec(text(), 0..3)).prop_map(|(f, accept)| {
        format!(
            "[[rewrite.facts]]\nfact = {}\naccept = {}\n",
            toml_string(&f),
            toml_list(&accept)
        )
    });
    let rewrite = (
        usually(&["press-releases/ferry-timetable.md", "../../../etc/passwd", "/etc/hostname", "press-releases"]),
        prop::collection::vec(platform, 0..3),
        prop::collection::vec(rules, 0..3),
        toml_number(&["70", "1", "100", "50.5"]),
        prop::collection::vec(text(), 0..2),
        prop::collection::vec(fact, 0..3),
    )
        .prop_map(|(source, platforms, rules, mark, answers, facts)| {
            format!(
                "[rewrite]\nsource = {source}\nplatforms = {}\nrules = {}\npass_mark = {mark}\nmodel_answers = {}\n{}",
                toml_list(&platforms),
                toml_list(&rules),
                toml_list(&answers),
                facts.concat()
            )
        });
    let item = (
        prop_oneof![3 => select(&["m1", "m2", "m3"][..]).prop_map(str::to_string), 1 => text()],
        toml_choice(&["relevant", "not-relevant", "escalate"], "maybe"),
        text(),
    )
        .prop_map(|(id, label, why)| {
            format!(
                "[[triage.items]]\nid = {}\nlabel = {label}\nwhy = {}\n",
                toml_string(&id),
                toml_string(&why)
            )
        });
    let triage = (
        usually(&["storm-harriet"]),
        toml_number(&["0.75", "1", "0.5"]),
        prop::collection::vec(item, 0..4),
    )
        .prop_map(|(corpus, mark, items)| {
            format!(
                "[triage]\ncorpus = {corpus}\npass_mark = {mark}\n{}",
                items.concat()
            )
        });
    let whole = (
        usually(&["ex-1", "storm-99-fuzz"]),
        prop_oneof![3 => Just(toml_string("A title")), 1 => toml_value()],
        prop_oneof![3 => Just(toml_string("Do this.")), 1 => toml_value()],
        prop::collection::vec(text(), 0..3),
        prop_oneof![
            3 => monitor.prop_map(|m| ("monitor", m)),
            3 => rewrite.prop_map(|r| ("rewrite", r)),
            3 => triage.prop_map(|t| ("triage", t)),
        ],
        prop::option::weighted(0.1, prop_oneof![Just("monitor"), Just("rewrite"), Just("triage"), Just("bogus")]),
        toml_choice(&["beginner", "intermediate", "advanced"], "guru"),
        prop::option::weighted(0.1, prop_oneof![Just("[triage]\ncorpus = \"c\"\npass_mark = 0.5\nitems = []\n"), Just("[monitor]\n")]),
    )
        .prop_map(|(id, title, brief, hints, (kind, section), other_kind, level, extra)| {
            format!(
                "id = {id}\ntitle = {title}\nkind = \"{}\"\nlevel = {level}\nbrief = {brief}\nhints = {}\n{section}{}",
                other_kind.unwrap_or(kind),
                toml_list(&hints),
                extra.unwrap_or_default()
            )
        })
        .boxed();
    let mangled = (whole.clone(), any::<prop::sample::Index>(), piece()).prop_map(|(s, at, p)| {
        let n = at.index(s.len() + 1);
        let n = (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        format!("{}{p}{}", &s[..n], &s[n..])
    });
    prop_oneof![8 => whole, 2 => mangled, 1 => text()].boxed()
}

/// Regular-expression pieces for `pattern` rules and `require` patterns.
pub(crate) const REGEX_PIECES: &[&str] = &[
    "(?P<m>",
    ")",
    "(",
    "[a-z]+",
    "\\b",
    "\\w+",
    ".*",
    ".+?",
    "|",
    "!{2,}",
    "\\s",
    "^",
    "$",
    "(?i)",
    "(?m)",
    "\\d{1,3}",
    "[",
    "]",
    "{2,}",
    "\\p{Han}",
    "\\p{Emoji}",
    "\\X",
    "(?=x)",
    "\\",
    "$1",
    "\u{1F600}",
    "é",
    "🏴",
    "x{1000}{1000}",
    "(?P<m>\\w+)",
    "(a|b)",
    "\\bthe\\b",
];

pub(crate) fn regex_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(
            prop_oneof![3 => select(REGEX_PIECES).prop_map(str::to_string), 1 => hostile(1)],
            1..8
        )
        .prop_map(|v| v.concat()),
        2 => select(&["(?P<m>\\w+)\\s+(?P=m)", "!{2,}", "(?i)\\butilise\\b", "\\p{Emoji}+", "(?P<m>[A-Z]{3,})", ""][..]).prop_map(str::to_string),
        1 => text(),
    ]
}

pub(crate) fn pack_toml() -> BoxedStrategy<String> {
    let words = prop::collection::vec(
        (text(), prop::collection::vec(text(), 0..2), prop::collection::vec(text(), 0..2), any::<bool>()),
        0..4,
    )
    .prop_map(|ws| {
        let list: Vec<String> = ws
            .iter()
            .map(|(w, also, instead, next)| {
                format!(
                    "{{ word = {}, also = {}, instead = {}, unless_next = {}, when_prev = {}, needs_next_word = {next} }}",
                    toml_string(w),
                    toml_list(also),
                    toml_list(instead),
                    toml_list(also),
                    toml_list(&instead[..instead.len().min(1)]),
                )
            })
            .collect();
        format!("words = [{}]\n", list.join(", "))
    });
    let swap = prop::collection::vec((text(), text()), 1..3).prop_map(|pairs| {
        let list: Vec<String> = pairs
            .iter()
            .map(|(a, b)| format!("{} = {}", toml_string(a), toml_string(b)))
            .collect();
        format!("swap = {{ {} }}\n", list.join(", "))
    });
    let what = toml_choice(
        &[
            "hashtags",
            "mentions",
            "links",
            "emoji",
            "words",
            "sentences",
            "exclamation-marks",
        ],
        "bogus",
    );
    let count = || toml_number(&["0", "1", "2", "25", "8.5"]);
    let kind_body = prop_oneof![
        (words, any::<bool>())
            .prop_map(|(w, cs)| format!("kind = \"avoid\"\ncase_sensitive = {cs}\n{w}")),
        swap.prop_map(|s| format!("kind = \"substitute\"\n{s}")),
        (
            prop::collection::vec(text(), 0..3),
            prop::option::of(regex_strategy())
        )
            .prop_map(|(any_of, p)| {
                format!(
                    "kind = \"require\"\nany_of = {}\n{}",
                    toml_list(&any_of),
                    p.map(|p| format!("pattern = {}\n", toml_string(&p)))
                        .unwrap_or_default()
                )
            }),
        (regex_strategy(), prop::option::of(text())).prop_map(|(p, fix)| {
            format!(
                "kind = \"pattern\"\npattern = {}\n{}",
                toml_string(&p),
                fix.map(|f| format!("fix = {}\n", toml_string(&f)))
                    .unwrap_or_default()
            )
        }),
        (what, prop::option::of(count()), prop::option::of(count())).prop_map(|(w, max, min)| {
            format!(
                "kind = \"count\"\nwhat = {w}\n{}{}",
                max.map(|m| format!("max = {m}\n")).unwrap_or_default(),
                min.map(|m| format!("min = {m}\n")).unwrap_or_default()
            )
        }),
        (
            toml_choice(
                &[
                    "sentence-length",
                    "passive-voice",
                    "there-is-opener",
                    "repeated-words",
                    "reading-grade",
                    "hashtag-case",
                    "hashtag-position",
                    "emoji-position",
                    "emoji-repeated",
                    "fancy-text",
                    "all-caps",
                    "emoticons",
                ],
                "frobnicate"
            ),
            prop::option::of((select(&["max", "min_words", "min_letters"][..]), count()))
        )
            .prop_map(|(k, n)| format!(
                "kind = {k}\n{}",
                n.map(|(key, n)| format!("{key} = {n}\n"))
                    .unwrap_or_default()
            )),
    ];
    let test = (
        text(),
        prop::collection::vec(
            select(&["r0", "r1", "govuk-plain-english.passive-voice"][..]),
            0..2,
        ),
    )
        .prop_map(|(t, expect)| {
            format!(
                "[[rule.test]]\ntext = {}\nexpect = [{}]\n",
                toml_string(&t),
                expect
                    .iter()
                    .map(|e| toml_string(e))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    let rule = (
        kind_body,
        toml_choice(&["suggestion", "warning", "error"], "fatal"),
        prop_oneof![3 => Just(toml_string("Found {match} ({count} of {max})")), 1 => toml_value()],
        prop::collection::vec(test, 0..2),
    );
    let extends = prop::collection::vec(
        prop_oneof![
            6 => select(&["govuk-plain-english", "social-accessible"][..]).prop_map(str::to_string),
            1 => hostile(1),
        ],
        0..3,
    );
    let override_ = (
        select(
            &[
                "govuk-plain-english.sentence-length",
                "govuk-plain-english.passive-voice",
                "social-accessible.all-caps",
                "r0",
                "nope",
            ][..],
        ),
        prop::option::of(count()),
        prop::option::of(any::<bool>()),
        prop::option::of(toml_choice(&["suggestion", "warning", "error"], "fatal")),
    )
        .prop_map(|(r, n, enabled, sev)| {
            format!(
                "[[override]]\nrule = \"{r}\"\n{}{}{}",
                n.map(|n| format!("max = {n}\n")).unwrap_or_default(),
                enabled
                    .map(|e| format!("enabled = {e}\n"))
                    .unwrap_or_default(),
                sev.map(|s| format!("severity = {s}\n")).unwrap_or_default()
            )
        });
    let whole = (
        usually(&["trainer", "port-ellis"]),
        extends,
        prop::collection::vec(rule, 0..4),
        prop::collection::vec(override_, 0..2),
    )
        .prop_map(|(id, extends, rules, overrides)| {
            let mut s = format!(
                "[pack]\nid = {id}\nname = \"n\"\nextends = {}\n",
                toml_list(&extends)
            );
            for (i, (body, sev, message, tests)) in rules.into_iter().enumerate() {
                s.push_str(&format!(
                    "\n[[rule]]\nid = \"r{i}\"\nseverity = {sev}\nmessage = {message}\n{body}{}",
                    tests.concat()
                ));
            }
            s.push_str(&overrides.concat());
            s
        })
        .boxed();
    let mangled = (whole.clone(), any::<prop::sample::Index>(), piece()).prop_map(|(s, at, p)| {
        let n = at.index(s.len() + 1);
        let n = (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        format!("{}{p}{}", &s[..n], &s[n..])
    });
    prop_oneof![8 => whole, 2 => mangled, 1 => text()].boxed()
}
