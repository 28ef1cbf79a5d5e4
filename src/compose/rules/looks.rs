//! The built-in analysers of a post's look (docs/design.md, "Rule packs"): where emoji stand and
//! how often one repeats, fancy Unicode letters, words in capitals, and emoticons.

use super::*;

pub(super) fn emoji_position(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    let text = doc.text;
    // As bullets: two or more lines that start with an emoji.
    let line_starts: Vec<&std::ops::Range<usize>> = doc
        .emoji
        .iter()
        .filter(|e| {
            text[..e.start].trim_end_matches([' ', '\t']).is_empty()
                || text[..e.start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with('\n')
        })
        .collect();
    if line_starts.len() >= 2 {
        for e in line_starts {
            out.push(rule.finding(
                doc,
                Some((e.start, e.end)),
                rule.msg(&[
                    ("match", text[e.clone()].to_string()),
                    ("where", "as a bullet".into()),
                ]),
            ));
        }
    }
    // Mid-sentence: a word before it and a lower-case word after it on the same line.
    for e in &doc.emoji {
        let before = prev_word(doc, e.start);
        let after = next_word(doc, e.end);
        if let (Some(_), Some(a)) = (before, after)
            && a.text.chars().next().is_some_and(char::is_lowercase)
        {
            out.push(rule.finding(
                doc,
                Some((e.start, e.end)),
                rule.msg(&[
                    ("match", text[e.clone()].to_string()),
                    ("where", "in the middle of a sentence".into()),
                ]),
            ));
        }
    }
}

pub(super) fn emoji_repeated(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < doc.emoji.len() {
        let first = &doc.emoji[i];
        let same = &doc.text[first.clone()];
        let mut j = i + 1;
        let mut end = first.end;
        while j < doc.emoji.len() {
            let e = &doc.emoji[j];
            let gap = &doc.text[end..e.start];
            if !gap.chars().all(char::is_whitespace) || &doc.text[e.clone()] != same {
                break;
            }
            end = e.end;
            j += 1;
        }
        if j - i >= 2 {
            let mut f = rule.finding(
                doc,
                Some((first.start, end)),
                rule.msg(&[
                    ("match", doc.text[first.start..end].to_string()),
                    ("count", (j - i).to_string()),
                ]),
            );
            f.fix = Some(same.to_string());
            out.push(f);
        }
        i = j;
    }
}

/// Letters from the Mathematical Alphanumeric Symbols block (𝐛𝐨𝐥𝐝, 𝑖𝑡𝑎𝑙𝑖𝑐, 𝓈𝒸𝓇𝒾𝓅𝓉), which
/// screen readers spell out or skip.
fn is_fancy(c: char) -> bool {
    ('\u{1D400}'..='\u{1D7FF}').contains(&c)
}

pub(super) fn fancy_text(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    let text = doc.text;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_fancy(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_fancy(d) || (d == ' ' && text[j + 1..].starts_with(is_fancy)) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let run = &text[i..end];
        let mut f = rule.finding(doc, Some((i, end)), rule.msg(&[("match", run.to_string())]));
        f.fix = Some(run.nfkc().collect());
        out.push(f);
    }
}

/// Acronyms that are fine in capitals however long.
const ACRONYMS: &[&str] = &[
    "UNICEF", "UNESCO", "COVID", "OFSTED", "DEFRA", "HMRC", "NATO", "GOV", "DVLA", "CCTV", "ASAP",
];

pub(super) fn all_caps(rule: &Rule, doc: &Doc, min_letters: usize, out: &mut Vec<Finding>) {
    let caps = |w: &Word| {
        let letters: Vec<char> = w.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let mut i = 0;
    let words = &doc.words;
    while i < words.len() {
        if !caps(&words[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && caps(&words[j])
            && doc.text[words[j - 1].bytes.end..words[j].bytes.start]
                .chars()
                .all(|c| !c.is_alphanumeric() && c != '\n')
        {
            j += 1;
        }
        let run = &words[i..j];
        let letters: usize = run
            .iter()
            .map(|w| w.text.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        let acronym = run.len() == 1 && ACRONYMS.contains(&run[0].text);
        let shouting = (run.len() >= 2 && letters >= min_letters)
            || (run.len() == 1 && letters >= 6 && !acronym);
        if shouting {
            let (s, e) = (run[0].bytes.start, run[run.len() - 1].bytes.end);
            let mut f = rule.finding(
                doc,
                Some((s, e)),
                rule.msg(&[("match", doc.text[s..e].to_string())]),
            );
            f.fix = Some(sentence_case(&doc.text[s..e]));
            out.push(f);
        }
        i = j;
    }
}

fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub(super) fn emoticons(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    use std::sync::OnceLock;
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE.get_or_init(|| {
        // Western smileys (":)", ";-D", ":P", "<3"), and kaomoji and text art built from
        // brackets around symbols ("¯\_(ツ)_/¯", "(╯°□°)╯︵ ┻━┻", "( ͡° ͜ʖ ͡°)").
        Regex::new(concat!(
            r"(?:^|[\s(])(?P<m>[:;=][-'^o]?[)(\]\[DPpOo3|/\\*]+|<3+|[xX]D\b)(?:$|[\s.,!?])",
            r"|(?P<art>¯\\_\(.{1,4}\)_/¯|\([^\sa-zA-Z0-9()]{0,3}[°ಠ•ᴗ◕ʖ͜͡ツ□][^a-zA-Z0-9()]{0,8}\)[╯ノ]?|┻━┻)"
        ))
        .ok()
    });
    let Some(re) = re else { return };
    for caps in re.captures_iter(doc.text) {
        let Some(m) = caps.name("m").or_else(|| caps.name("art")) else {
            continue;
        };
        if doc.masked(m.start()) {
            continue;
        }
        out.push(rule.finding(
            doc,
            Some((m.start(), m.end())),
            rule.msg(&[("match", m.as_str().to_string())]),
        ));
    }
}
