//! The URL finder: twitter-text's `extractUrlsWithIndices`, with or without a scheme.
//!
//! It mirrors the official library's regular expression, which needs look-ahead and
//! backtracking that the `regex` crate does not have: the domain part is matched by hand,
//! the path and query by `regex`, whose leftmost-first semantics give the same match as
//! JavaScript's backtracking engine.
//!
//! It runs on every keystroke of a draft, so the common cases are kept cheap: no work at
//! all without a '.', table look-ups for ASCII characters, no allocation while matching a
//! top-level domain, and the path matched on the run of text up to the next space.

use std::sync::OnceLock;

use regex::Regex;

use super::Chars;

#[path = "../data/tlds.rs"]
mod tlds;

/// A URL entity found on a scalar view of the text (offsets in scalars).
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    /// Where `parseTweet` resumes after the URL: the reference advances by the length of the
    /// entity's `url` string, which for a bare domain with a path is not always `end`.
    pub skip_to: usize,
    pub has_protocol: bool,
    /// The entity's `url` string, as two scalar ranges to join: for a bare domain with a
    /// path the reference keeps the domain's ASCII part and everything after the whole
    /// domain. Kept as ranges so that counting builds no strings.
    url: [(usize, usize); 2],
}

impl Found {
    fn new(start: usize, end: usize, has_protocol: bool) -> Self {
        Found {
            start,
            end,
            skip_to: end,
            has_protocol,
            url: [(start, end), (end, end)],
        }
    }

    /// The entity's `url` string.
    pub fn url(&self, t: &Chars) -> String {
        self.url.iter().map(|&(a, b)| t.str(a, b)).collect()
    }
}

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const MAX_DOMAIN_LABEL_LENGTH: usize = 63;

/// The ASCII characters that may not appear in a domain label: punctuation, and the
/// white space of `invalidDomainChars`. A table, as nearly every character is asked.
const ASCII_NOT_IN_DOMAIN: [bool; 128] = {
    let mut table = [false; 128];
    let punctuation = b"!'#%&()*+,\\-./:;<=>?@[]^_{|}~$ \t\n\x0B\x0C\r";
    let mut i = 0;
    while i < punctuation.len() {
        table[punctuation[i] as usize] = true;
        i += 1;
    }
    table
};

/// Characters that may appear in a domain label: all but twitter-text's
/// `invalidDomainChars` (punctuation, spaces, invalid characters and directional marks).
fn is_domain_char(c: char) -> bool {
    if c.is_ascii() {
        return !ASCII_NOT_IN_DOMAIN[c as usize];
    }
    !matches!(c,
        '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{180E}'
        | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}'
        | '\u{3000}' | '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}'
        | '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
}

/// A character that may come right before a URL (`validUrlPrecedingChars`).
fn is_valid_preceding(c: char) -> bool {
    !(c.is_ascii_alphanumeric()
        || matches!(
            c,
            '@' | '\u{FF20}' | '$' | '#' | '\u{FF03}' | '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}'
        ))
}

/// Latin letters with accents that twitter-text accepts in ASCII-ish domains and paths.
fn is_latin_accent(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{FF}' | '\u{100}'..='\u{24F}'
        | '\u{253}' | '\u{254}' | '\u{256}' | '\u{257}' | '\u{259}' | '\u{25B}' | '\u{263}'
        | '\u{268}' | '\u{26F}' | '\u{272}' | '\u{289}' | '\u{28B}' | '\u{2BB}'
        | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}')
}

fn is_ascii_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

/// The character after a top-level domain must not continue it (`(?=[^0-9a-zA-Z@+-]|$)`).
fn ends_tld(next: Option<char>) -> bool {
    !next.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-'))
}

/// Case-folds like a JavaScript `/i` regular expression without the `u` flag: ASCII
/// letters fold, and non-ASCII letters fold unless folding would make them ASCII.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if !l.is_ascii() => l,
        _ => c,
    }
}

/// The end of the top-level domain starting at `pos`, looking no further than `limit`
/// (the end of the text, or of the domain when searching inside one). Generic domains are
/// tried before country codes, longer before shorter (the reference's alternation order),
/// then Punycode (`xn--…`).
fn match_tld(t: &[char], pos: usize, limit: usize) -> Option<usize> {
    // The folded candidate, in a buffer on the stack: at most the longest top-level domain,
    // and no further than the first ASCII character other than a letter, which no
    // top-level domain contains. `ends[k]` is its length in bytes after k + 1 characters.
    let mut buf = [0u8; tlds::MAX_TLD_CHARS * 4];
    let mut ends = [0usize; tlds::MAX_TLD_CHARS];
    let mut n = 0;
    let mut len = 0;
    while pos + n < limit && n < tlds::MAX_TLD_CHARS {
        let c = t[pos + n];
        if c.is_ascii() && !c.is_ascii_alphabetic() {
            break;
        }
        len += fold(c).encode_utf8(&mut buf[len..]).len();
        ends[n] = len;
        n += 1;
    }
    for list in [tlds::GENERIC, tlds::COUNTRY] {
        for k in (0..n).rev() {
            let end = pos + k + 1;
            let next = t[..limit].get(end).copied();
            let candidate = &buf[..ends[k]];
            if ends_tld(next)
                && list
                    .binary_search_by(|tld| tld.as_bytes().cmp(candidate))
                    .is_ok()
            {
                return Some(end);
            }
        }
    }
    let xn = ['x', 'n', '-', '-'];
    if pos + 4 < limit && (0..4).all(|k| fold(t[pos + k]) == xn[k]) {
        let mut end = pos + 4;
        while end < limit && (t[end].is_ascii_alphanumeric() || t[end] == '-') {
            end += 1;
        }
        if end > pos + 4 {
            return Some(end);
        }
    }
    None
}

/// Per-text tables that make domain matching linear: where each run of label characters
/// ends, and a memo of domain matches starting at each full label.
struct DomainScan {
    /// `run_end[i]`: first index ≥ i whose char is not a domain char, `-` or `_`.
    run_end: Vec<usize>,
    memo: Vec<Option<Option<usize>>>,
}

impl DomainScan {
    fn new(t: &[char]) -> Self {
        let n = t.len();
        let mut run_end = vec![n; n + 1];
        for i in (0..n).rev() {
            let c = t[i];
            run_end[i] = if is_domain_char(c) || c == '-' || c == '_' {
                run_end[i + 1]
            } else {
                i
            };
        }
        DomainScan {
            run_end,
            memo: vec![None; n + 1],
        }
    }

    /// Whether the run of label characters from `p` ends in '.', as a first label must.
    fn run_ends_in_dot(&self, t: &[char], p: usize) -> bool {
        self.run_end.get(p).and_then(|&e| t.get(e)) == Some(&'.')
    }

    /// The label starting at `p`, if it is one: its end (the index of the `.` after it).
    fn label(&self, t: &[char], p: usize) -> Option<usize> {
        let e = *self.run_end.get(p)?;
        (e > p && e < t.len() && t[e] == '.' && is_domain_char(t[p]) && is_domain_char(t[e - 1]))
            .then_some(e)
    }

    /// `validSubdomain* validDomainName TLD` from `p`: the end of the domain, preferring
    /// the most subdomains, as the greedy `*` with backtracking does. Iterative and
    /// memoised, so a text of a million dots costs a linear pass, not a deep recursion.
    fn domain(&mut self, t: &[char], p: usize) -> Option<usize> {
        let mut pending = Vec::new();
        let mut q = p;
        let mut tail = loop {
            if let Some(done) = self.memo.get(q).copied().flatten() {
                break done;
            }
            match self.label(t, q) {
                Some(e) => {
                    pending.push((q, e));
                    q = e + 1;
                }
                None => {
                    if let Some(slot) = self.memo.get_mut(q) {
                        *slot = Some(None);
                    }
                    break None;
                }
            }
        };
        while let Some((q, e)) = pending.pop() {
            // As a subdomain (`_` allowed) when more of the domain follows; otherwise as the
            // domain name (no `_`) right before the top-level domain. Each label is looked
            // at once (the memo), so scanning it for `_` keeps the whole linear.
            let result = if tail.is_some() {
                tail
            } else if !t[q..e].contains(&'_') {
                match_tld(t, e + 1, t.len())
            } else {
                None
            };
            if let Some(slot) = self.memo.get_mut(q) {
                *slot = Some(result);
            }
            tail = result;
        }
        tail
    }
}

struct Patterns {
    /// `/` and the path after a domain (`(?:/{validUrlPath}*)` of the reference).
    path: Regex,
    /// `?` and the query (`(?:\?{validUrlQueryChars}*{validUrlQueryEndingChars})`).
    query: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        const LA: &str = r"\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{FF}\x{100}-\x{24F}\x{253}\x{254}\x{256}\x{257}\x{259}\x{25B}\x{263}\x{268}\x{26F}\x{272}\x{289}\x{28B}\x{2BB}\x{300}-\x{36F}\x{1E00}-\x{1EFF}";
        let gp = format!(r"[a-zA-Z\x{{400}}-\x{{4FF}}0-9!*';:=+,.$/%#\[\]\-\x{{2013}}_~@|&{LA}]");
        let end = format!(r"[+\-a-zA-Z\x{{400}}-\x{{4FF}}0-9=_#/{LA}]");
        let bal = format!(r"\((?:{gp}+|(?:{gp}*\({gp}+\){gp}*))\)");
        let unit = format!(r"(?:{gp}*(?:{bal}{gp}*)*{end}|{bal}|@{gp}+/)");
        let qc = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]";
        let qe = r"[a-zA-Z0-9\-_&=#/]";
        // The patterns are fixed strings: a failure here is a programming error caught by
        // every test, never something a user can cause.
        #[allow(clippy::expect_used)]
        Patterns {
            path: Regex::new(&format!(r"^/{unit}*")).expect("path pattern"),
            query: Regex::new(&format!(r"^\?{qc}*{qe}")).expect("query pattern"),
        }
    })
}

/// Where `pattern` (anchored) matches in `t[pos..limit]`, as the scalar index of the
/// match's end. The pattern sees only the text up to the next space or control character,
/// which none of its classes contains: the match is the same, and the search is short.
fn match_end(t: &Chars, pattern: &Regex, pos: usize, limit: usize) -> Option<usize> {
    let from = t.byte(pos);
    let rest = &t.text[from..t.byte(limit)];
    let run = rest.bytes().position(|b| b <= b' ').unwrap_or(rest.len());
    let m = pattern.find(&rest[..run])?;
    Some(t.char_at_byte(from + m.end()))
}

/// One match of the reference's `extractUrl` expression.
struct RawMatch {
    before: Option<char>,
    url_start: usize,
    protocol_end: usize,
    domain_end: usize,
    /// Whether a path follows the domain (and port).
    has_path: bool,
    end: usize,
}

/// Whether the text at `i` starts with `word` (ASCII), ASCII case-insensitively.
fn starts_with_ascii(c: &[char], i: usize, word: &str) -> bool {
    c.get(i..i + word.len()).is_some_and(|s| {
        s.iter()
            .zip(word.chars())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b))
    })
}

fn match_url_at(t: &Chars, scan: &mut DomainScan, u: usize) -> Option<RawMatch> {
    let c = &t.chars;
    let mut protocol_end = u;
    if starts_with_ascii(c, u, "http") {
        let k = u + 4 + usize::from(starts_with_ascii(c, u + 4, "s"));
        if c.get(k..k + 3) == Some(&[':', '/', '/']) {
            protocol_end = k + 3;
        }
    }
    // Without a scheme the first label must end in '.': this rules out most words at once.
    if protocol_end == u && !scan.run_ends_in_dot(c, u) {
        return None;
    }
    let domain_end = scan.domain(c, protocol_end)?;
    let mut pos = domain_end;
    if pos + 1 < c.len() && c[pos] == ':' && c[pos + 1].is_ascii_digit() {
        pos += 1;
        while pos < c.len() && c[pos].is_ascii_digit() {
            pos += 1;
        }
    }
    // The path, then the query: as the reference's `(path)?(query)?` with leftmost-first
    // choice, the path takes its preferred match and the query is tried where it ends.
    let mut has_path = false;
    if c.get(pos) == Some(&'/')
        && let Some(end) = match_end(t, &patterns().path, pos, c.len())
    {
        has_path = end > pos;
        pos = end;
    }
    if c.get(pos) == Some(&'?')
        && let Some(end) = match_end(t, &patterns().query, pos, c.len())
    {
        pos = end;
    }
    Some(RawMatch {
        before: None,
        url_start: u,
        protocol_end,
        domain_end,
        has_path,
        end: pos,
    })
}

/// The next match of the URL expression at or after `from` (JavaScript's `lastIndex`).
fn next_match(t: &Chars, scan: &mut DomainScan, from: usize) -> Option<RawMatch> {
    for s in from..=t.len() {
        if s < t.len() && is_valid_preceding(t.chars[s]) {
            let u = s + 1;
            if u < t.len()
                && is_domain_char(t.chars[u])
                && let Some(mut m) = match_url_at(t, scan, u)
            {
                m.before = Some(t.chars[s]);
                return Some(m);
            }
        }
        if s == 0
            && !t.chars.is_empty()
            && is_domain_char(t.chars[0])
            && let Some(m) = match_url_at(t, scan, 0)
        {
            return Some(m);
        }
    }
    None
}

/// A t.co link (`https?://t.co/slug` and an optional query) at the start of
/// `t[from..to]`: the length of its slug and where it ends.
fn match_tco(t: &Chars, from: usize, to: usize) -> Option<(usize, usize)> {
    let c = &t.chars[..to];
    if !starts_with_ascii(c, from, "http") {
        return None;
    }
    let mut i = from + 4;
    i += usize::from(starts_with_ascii(c, i, "s"));
    if !starts_with_ascii(c, i, "://t.co/") {
        return None;
    }
    i += 8;
    let slug = c[i..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if slug == 0 {
        return None;
    }
    i += slug;
    if c.get(i) == Some(&'?')
        && let Some(end) = match_end(t, &patterns().query, i, to)
    {
        i = end;
    }
    Some((slug, i))
}

/// Each label's length once Punycode-encoded must be 1 to 63 (the reference's `idna`).
fn labels_ok(domain: &str) -> bool {
    if domain.starts_with("xn--") && !has_ascii_domain(domain) {
        return false;
    }
    domain.split('.').all(|label| {
        // punycode.js splits further on the ideographic and full-width full stops.
        let mut len = 0;
        for (k, part) in label
            .split(['\u{3002}', '\u{FF0E}', '\u{FF61}'])
            .enumerate()
        {
            len += usize::from(k > 0);
            len += if part.bytes().any(|b| b > 0x7E) {
                idna::punycode::encode_str(part)
                    .map_or(MAX_DOMAIN_LABEL_LENGTH + 1, |p| "xn--".len() + p.len())
            } else {
                part.len()
            };
        }
        (1..=MAX_DOMAIN_LABEL_LENGTH).contains(&len)
    })
}

fn has_ascii_domain(domain: &str) -> bool {
    let d: Vec<char> = domain.chars().collect();
    !ascii_domains(&d, 0, d.len()).is_empty()
}

/// Every match of `validAsciiDomain` inside `t[from..to]`, as scalar ranges.
fn ascii_domains(t: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = from;
    while let Some((s, end)) = next_ascii_domain(t, pos, to) {
        out.push((s, end));
        pos = end;
    }
    out
}

/// The leftmost `validAsciiDomain` match starting at or after `from`.
fn next_ascii_domain(t: &[char], from: usize, to: usize) -> Option<(usize, usize)> {
    let mut dots = Vec::new();
    for s in from..to {
        if !is_ascii_domain_char(t[s]) {
            continue;
        }
        // Labels from s, each a run of ASCII domain characters ending in '.'; the most
        // labels that leave a top-level domain after them win, as greedy `+` backtracks.
        dots.clear();
        let mut i = s;
        loop {
            let mut e = i;
            while e < to && is_ascii_domain_char(t[e]) {
                e += 1;
            }
            if e == i || e >= to || t[e] != '.' {
                break;
            }
            dots.push(e);
            i = e + 1;
        }
        for &dot in dots.iter().rev() {
            if let Some(end) = match_tld(t, dot + 1, to) {
                return Some((s, end));
            }
        }
    }
    None
}

/// The URLs of `t`, as the reference finds them.
pub(super) fn find(t: &Chars) -> Vec<Found> {
    let mut out = Vec::new();
    // Every URL has a '.' before its top-level domain; most short texts have none.
    if !t.text.contains('.') {
        return out;
    }
    let mut scan = DomainScan::new(&t.chars);
    let mut last = 0;
    while last <= t.len() {
        let Some(m) = next_match(t, &mut scan, last) else {
            break;
        };
        last = m.end.max(m.url_start + 1);
        let protocol_len = m.protocol_end - m.url_start;
        let domain = t.str(m.protocol_end, m.domain_end);
        let url_u16 = t.u16_len(m.url_start, m.end);
        let protocol_u16 = if protocol_len > 0 { protocol_len } else { 8 };
        if !labels_ok(domain) || protocol_u16 + url_u16 > MAX_URL_LENGTH {
            continue;
        }
        if protocol_len > 0 {
            let mut end = m.end;
            if let Some((slug, tco_end)) = match_tco(t, m.url_start, m.end) {
                if slug > MAX_TCO_SLUG_LENGTH {
                    continue;
                }
                end = tco_end;
            }
            out.push(Found::new(m.url_start, end, true));
            continue;
        }
        if matches!(m.before, Some('-' | '_' | '.' | '/')) {
            continue;
        }
        let found = ascii_domains(&t.chars, m.protocol_end, m.domain_end);
        let Some((&(last_start, last_end), others)) = found.split_last() else {
            continue;
        };
        for &(s, e) in others {
            out.push(Found::new(s, e, false));
        }
        if m.has_path {
            // The reference keeps the path: the URL is the ASCII domain plus everything
            // after the whole domain, and it skips that string's length from the start.
            let skip_u16 = t.u16_len(last_start, last_end) + t.u16_len(m.domain_end, m.end);
            out.push(Found {
                start: last_start,
                end: m.end,
                skip_to: t.char_at_u16(t.u16_at(last_start) + skip_u16),
                has_protocol: false,
                url: [(last_start, last_end), (m.domain_end, m.end)],
            });
        } else {
            out.push(Found::new(last_start, last_end, false));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::extract_urls;

    fn urls(text: &str) -> Vec<String> {
        extract_urls(text).into_iter().map(|u| u.url).collect()
    }

    #[test]
    fn bare_domains_and_schemes() {
        assert_eq!(urls("see example.com now"), ["example.com"]);
        assert_eq!(urls("https://gov.uk/x."), ["https://gov.uk/x"]);
        assert_eq!(urls("example.comx"), Vec::<String>::new());
        assert_eq!(urls("a.co.uk.x"), ["a.co.uk"]);
        assert_eq!(urls("テストexample.com"), ["example.com"]);
        assert_eq!(urls("foo_bar.example.com"), ["bar.example.com"]);
    }

    #[test]
    fn paths_queries_and_tco() {
        assert_eq!(urls("go to gov.uk/a?b=c now"), ["gov.uk/a?b=c"]);
        assert_eq!(
            urls("x https://t.co/abc?amp=1 y"),
            ["https://t.co/abc?amp=1"]
        );
        assert_eq!(urls("https://t.co/abc."), ["https://t.co/abc"]);
    }
}
