//! The hostile text and bytes every property draws from: every script with English glued on,
//! combining marks, astral letters, emoji sequences and their broken halves, control, bidi and
//! unassigned code points, the syntax each reader cares about, invalid UTF-8 and wrong labels.

use super::*;

// ---- Hostile text ---------------------------------------------------------------------------

/// English words, including those that reach every branch of the syllable counter.
pub(crate) const WORDS: &[&str] = &[
    "the",
    "announced",
    "created",
    "hospitals",
    "plan",
    "more",
    "there",
    "is",
    "are",
    "was",
    "decided",
    "by",
    "council",
    "creating",
    "theatre",
    "realisation",
    "idea",
    "radio",
    "video",
    "situation",
    "tourism",
    "happiest",
    "table",
    "makes",
    "buses",
    "churches",
    "well-known",
    "yes",
    "family",
    "utilise",
    "in order to",
    "e.g.",
    "etc.",
    "Mr.",
    "Dr.",
    "a.m.",
    "FLOOD",
    "WARNING",
    "Storm",
    "Harriet",
    "sandbags",
    "floodalert",
    "roadsafetyweek",
    "the the",
    "had had",
    "quiet",
    "create",
    "creature",
    "ruin",
    "fluid",
    "quiet",
    "genuine",
    "area",
];

/// Words and runs in many scripts.
pub(crate) const SCRIPTS: &[&str] = &[
    "café",
    "Ærøskøbing",
    "straße",
    "İstanbul",
    "ǅemal",
    "Ωμέγα",
    "ΣΊΣΥΦΟΣ",
    "Москва",
    "ЁЛКА",
    "Ѳеодоръ",
    "Երևան",
    "ქართული",
    "עִבְרִית",
    "שָׁלוֹם",
    "العربية",
    "مرحبا بالعالم",
    "ﷺ",
    "ﻻ",
    "اردو",
    "فارسی",
    "ܐܪܡܝܐ",
    "ދިވެހި",
    "नमस्ते",
    "क्षत्रिय",
    "হ্যালো",
    "ਪੰਜਾਬੀ",
    "ગુજરાતી",
    "ଓଡ଼ିଆ",
    "தமிழ்",
    "తెలుగు",
    "ಕನ್ನಡ",
    "മലയാളം",
    "සිංහල",
    "ไทย",
    "ภาษาไทย",
    "ລາວ",
    "བོད་ཡིག",
    "မြန်မာ",
    "ខ្មែរ",
    "ᠮᠣᠩᠭᠣᠯ",
    "ᎠᏂᏴᏫᏯ",
    "ᐃᓄᒃᑎᑐᑦ",
    "ኢትዮጵያ",
    "ߒߞߏ",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    "ꦧꦱꦗꦮ",
    "あ西花楼부月人共",
    "日本語",
    "ひらがな",
    "カタカナ",
    "ｶﾀｶﾅ",
    "한국어",
    "\u{1112}\u{1161}\u{11AB}",
    "中文",
    "繁體字",
    "〆",
    "〇",
    "ー",
    "ㄅㄆㄇ",
    "ꀀꀁ",
    "Ⅻ",
    "½",
    "²³",
    "١٢٣",
    "१२३",
    "๑๒๓",
    "０１２",
    "ＡＢＣ",
    "ﬁ",
    "ẞ",
    "ꝥ",
    "ǆ",
    "ŉ",
    "İ̇",
    "ΐ",
    "ﬃ",
    "Ꭰ",
    "ꭰ",
];

/// Emoji sequences, whole and broken.
pub(crate) const EMOJI: &[&str] = &[
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",
    "\u{1F9D1}\u{1F3FD}\u{200D}\u{1F91D}\u{200D}\u{1F9D1}\u{1F3FF}",
    "\u{1F44B}\u{1F3FF}",
    "\u{1F3FF}",
    "\u{1F1EC}\u{1F1E7}",
    "\u{1F1EC}",
    "\u{1F1FA}\u{1F1F8}\u{1F1EC}",
    "1\u{FE0F}\u{20E3}",
    "#\u{20E3}",
    "*\u{FE0F}\u{20E3}",
    "\u{20E3}",
    "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "\u{1F3F4}\u{E0067}\u{E0062}",
    "\u{E007F}",
    "\u{2764}\u{FE0F}",
    "\u{2764}",
    "\u{FE0F}",
    "\u{FE0E}",
    "\u{200D}",
    "\u{1F469}\u{200D}",
    "\u{200D}\u{1F469}",
    "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
    "\u{A9}",
    "\u{A9}\u{FE0F}",
    "\u{2122}",
    "\u{263A}",
    "\u{1FAE9}",
    "\u{1FAF9}\u{1F3FD}",
    "\u{1F600}",
    "\u{1F600}\u{1F600}\u{1F600}",
    ":)",
    ";-D",
    "<3",
    "\u{AF}\\_(\u{30C4})_/\u{AF}",
    "(\u{256F}\u{B0}\u{25A1}\u{B0})\u{256F}\u{FE35} \u{253B}\u{2501}\u{253B}",
];

/// Combining marks, alone and stacked.
pub(crate) const MARKS: &[&str] = &[
    "\u{301}",
    "\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
    "\u{334}\u{335}\u{336}\u{337}\u{338}",
    "\u{361}",
    "\u{1AB0}",
    "\u{20D0}\u{20D1}",
    "\u{93C}",
    "\u{94D}",
    "\u{E31}",
    "\u{5B4}",
    "\u{64B}\u{651}",
    "\u{3099}",
    "\u{1D165}\u{1D16D}",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30A}",
];

/// Control, format, bidi, private-use, noncharacter and replacement code points.
pub(crate) const CONTROLS: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{B}",
    "\u{C}",
    "\u{1B}",
    "\u{1F}",
    "\u{7F}",
    "\u{80}",
    "\u{85}",
    "\u{9F}",
    "\u{A0}",
    "\u{AD}",
    "\u{34F}",
    "\u{61C}",
    "\u{180E}",
    "\u{200B}",
    "\u{200C}",
    "\u{200E}",
    "\u{200F}",
    "\u{2028}",
    "\u{2029}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2060}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{206F}",
    "\u{3000}",
    "\u{FEFF}",
    "\u{FFF9}",
    "\u{FFFC}",
    "\u{FFFD}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{FDD0}",
    "\u{E000}",
    "\u{F8FF}",
    "\u{F0000}",
    "\u{FFFFD}",
    "\u{100000}",
    "\u{10FFFD}",
    "\u{10FFFF}",
    "\u{E0001}",
    "\u{E0020}",
    "\u{E0100}",
];

/// Unassigned code points (as of Unicode 16), in every plane.
pub(crate) const UNASSIGNED: &[&str] = &[
    "\u{378}",
    "\u{379}",
    "\u{38B}",
    "\u{2FE0}",
    "\u{1FFFE}",
    "\u{1FFFF}",
    "\u{2FFFF}",
    "\u{3FFFE}",
    "\u{40000}",
    "\u{9ABCD}",
    "\u{DFFFD}",
    "\u{E0080}",
    "\u{E01F0}",
];

/// Letters beyond the Basic Multilingual Plane.
pub(crate) const ASTRAL: &[&str] = &[
    "\u{1D401}\u{1D428}\u{1D425}\u{1D41D}",
    "𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐",
    "𝔉𝔯𝔞𝔨𝔱𝔲𝔯",
    "𝓈𝒸𝓇𝒾𝓅𝓉",
    "𝟘𝟙𝟚",
    "𠀀𠜎𡈽",
    "𐌰𐌱𐌲",
    "𐀀𐀁",
    "𒀀𒀁",
    "𓀀𓀁",
    "𝄞",
    "𞤀𞤢𞤤",
    "𐐀𐐨",
    "𑀅𑀆",
    "\u{1F1E6}",
    "\u{10000}",
    "\u{1D7FF}",
];

/// Syntax that the query language, URLs, mentions, markup and the readers care about.
pub(crate) const SYNTAX: &[&str] = &[
    "(",
    ")",
    "((",
    "))",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'",
    "\u{2019}",
    "-",
    "--",
    "*",
    "?",
    ":",
    "#",
    "@",
    "##",
    "@@",
    ".",
    "..",
    "...",
    "\u{2026}",
    "!",
    "!!!",
    "?!",
    ",",
    ";",
    "/",
    "\\",
    "_",
    "=",
    "+",
    "~",
    "|",
    "&",
    "<",
    ">",
    "[",
    "]",
    "{",
    "}",
    "$",
    "%",
    "^",
    "`",
    " OR ",
    " AND ",
    " NOT ",
    " NEAR/3 ",
    " NEAR/0f ",
    " NEAR/100 ",
    " NEAR/101 ",
    "NEAR/",
    "title:",
    "body:",
    "author:",
    "source:",
    "site:",
    "lang:",
    "after:",
    "before:",
    "Title:",
    "2025-03-01",
    "9999-12-31",
    "0000-00-00",
    "http://",
    "https://",
    "https://t.co/abc123",
    "HTTP://x.co",
    "www.",
    "gov.uk",
    ".com",
    ".co.uk",
    "xn--",
    "xn--p1ai",
    "example.com/a?b=c",
    "a@b.co",
    "user@host.example.org",
    "@user@mastodon.social",
    "#Tag",
    "#1",
    "#_",
    "@_x",
    "&amp;",
    "&lt;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&nbsp;",
    "&bogus;",
    "<![CDATA[",
    "]]>",
    "<b>",
    "</b>",
    "<p>",
    "<div>",
    "<br/>",
    "<script>",
    "<img alt=\"x\">",
    "<!--",
    "-->",
    "<?xml",
    "?>",
    "\\u0000",
    "\\ud800",
    "{{",
    "}}",
    "{match}",
    "$1",
    "${m}",
    "\u{FF03}",
    "\u{FF20}",
    "\u{3002}",
    "\u{FF0E}",
];

pub(crate) const SPACES: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u{A0}", "\u{3000}",
];

pub(crate) fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(WORDS).prop_map(str::to_string),
        4 => select(SCRIPTS).prop_map(str::to_string),
        3 => select(EMOJI).prop_map(str::to_string),
        2 => select(MARKS).prop_map(str::to_string),
        2 => select(CONTROLS).prop_map(str::to_string),
        1 => select(UNASSIGNED).prop_map(str::to_string),
        2 => select(ASTRAL).prop_map(str::to_string),
        4 => select(SYNTAX).prop_map(str::to_string),
        5 => select(SPACES).prop_map(str::to_string),
        3 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z0-9]{1,8}",
    ]
}

/// A piece, now and then repeated into a run (`x.x.x.`, `((((`, a wall of emoji).
pub(crate) fn run() -> impl Strategy<Value = String> {
    (
        piece(),
        prop_oneof![12 => Just(1usize), 2 => 2usize..12, 1 => 12usize..300],
    )
        .prop_map(|(p, n)| p.repeat(n))
}

/// Hostile text of up to `max` runs.
pub(crate) fn hostile(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(run(), 0..max).prop_map(|v| v.concat())
}

/// Hostile text, or a short piece, or a whole random string.
pub(crate) fn text() -> BoxedStrategy<String> {
    prop_oneof![
        6 => hostile(40),
        1 => hostile(4),
        1 => any::<String>(),
    ]
    .boxed()
}

/// Invalid UTF-8 and other byte-level trouble.
pub(crate) const BAD_BYTES: &[&[u8]] = &[
    b"\x80",
    b"\xBF",
    b"\xC0\x80",
    b"\xC1\xBF",
    b"\xE0\x80\x80",
    b"\xED\xA0\x80",
    b"\xED\xBF\xBF",
    b"\xF4\x90\x80\x80",
    b"\xF8\x88\x80\x80\x80",
    b"\xFE",
    b"\xFF",
    b"\xE2\x82",
    b"\xF0\x9F\x98",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\x00",
    b"\x00\x00\xFE\xFF",
    b"\x1F\x8B",
    b"\x89PNG",
    b"\x92\x93\x96\x97",
    b"\xE9t\xE9",
];

/// Bytes: hostile text with invalid sequences spliced in, random bytes, or UTF-16.
pub(crate) fn bytes_from(base: BoxedStrategy<Vec<u8>>) -> BoxedStrategy<Vec<u8>> {
    let splice = (
        base.clone(),
        prop::collection::vec((any::<prop::sample::Index>(), select(BAD_BYTES)), 0..6),
    )
        .prop_map(|(mut b, inserts)| {
            for (at, bad) in inserts {
                let i = if b.is_empty() {
                    0
                } else {
                    at.index(b.len() + 1)
                };
                b.splice(i..i, bad.iter().copied());
            }
            b
        });
    let mutate = (
        base.clone(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    )
        .prop_map(|(mut b, flips)| {
            for (at, byte) in flips {
                if !b.is_empty() {
                    let i = at.index(b.len());
                    b[i] = byte;
                }
            }
            b
        });
    let truncate = (base.clone(), any::<prop::sample::Index>()).prop_map(|(mut b, at)| {
        let keep = at.index(b.len() + 1);
        b.truncate(keep);
        b
    });
    let utf16 = (base.clone(), any::<bool>(), any::<bool>()).prop_map(|(b, le, bom)| {
        let s = String::from_utf8_lossy(&b).into_owned();
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    });
    prop_oneof![
        6 => base,
        3 => splice,
        2 => mutate,
        2 => truncate,
        1 => utf16,
        1 => prop::collection::vec(any::<u8>(), 0..600),
    ]
    .boxed()
}
