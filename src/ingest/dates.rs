//! Dates as feeds really write them. RSS says RFC 822, Atom and JSON Feed say RFC 3339, and the
//! web writes both with mistakes and many other things besides: a wrong or missing weekday, long
//! month names, two-digit years, no seconds, no time zone, a zone by name (`EST`, `CEST`), ISO
//! 8601 with a space or without separators, a bare `2026-03` (W3C), `March 4, 2026 9:00 PM`,
//! asctime, `04.03.2026`, and month names in French, German, Spanish, Dutch and Welsh.
//!
//! A date without a zone is read as UTC. A date that could be read two ways (`03/04/2026`) is
//! not read at all: a wrong date is worse than none, which takes the feed's date and says so.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// Reads a date the way a lenient feed reader does; `None` when the text is not one.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let s = text.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.with_timezone(&Utc));
    }
    iso(s).or_else(|| numeric(s)).or_else(|| words(s))
}

/// A date and time with an offset east of UTC in seconds.
fn at(
    y: i32,
    mo: u32,
    d: u32,
    (h, mi, sec): (u32, u32, u32),
    offset_secs: i32,
) -> Option<DateTime<Utc>> {
    if !(1000..=2999).contains(&y) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y, mo, d)?;
    // 24:00 is the end of the day; a leap second is read as the second before it.
    let (date, h) = if h == 24 && mi == 0 && sec == 0 {
        (date.succ_opt()?, 0)
    } else {
        (date, h)
    };
    let time = NaiveTime::from_hms_opt(h, mi, sec.min(59))?;
    let local = NaiveDateTime::new(date, time);
    Some(Utc.from_utc_datetime(&local) - Duration::seconds(i64::from(offset_secs)))
}

/// ISO 8601 and its relatives: `2026-03-04`, `2026-03-04T09:00`, `2026-03-04 09:00:00.123 +0100`,
/// `20260304T090000Z`, `2026/03/04 09:00`, `2026-03`, `2026`.
fn iso(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = s.get(from..from + n)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let y = digits(0, 4)? as i32;
    if b.len() == 4 {
        return at(y, 1, 1, (0, 0, 0), 0);
    }
    let (mo, d, mut i) = match b.get(4) {
        Some(b'-' | b'/') => {
            let sep = b[4];
            let (mo, after_month) = match digits(5, 2) {
                Some(m) => (m, 7),
                None => (digits(5, 1)?, 6),
            };
            if after_month == b.len() && sep == b'-' {
                return at(y, mo, 1, (0, 0, 0), 0);
            }
            if b.get(after_month) != Some(&sep) {
                return None;
            }
            match digits(after_month + 1, 2) {
                Some(d) => (mo, d, after_month + 3),
                None => (mo, digits(after_month + 1, 1)?, after_month + 2),
            }
        }
        Some(c) if c.is_ascii_digit() => (digits(4, 2)?, digits(6, 2)?, 8),
        _ => return None,
    };
    if i == b.len() {
        return at(y, mo, d, (0, 0, 0), 0);
    }
    // Date and time are separated by T, a space, or both ("2026-03-04 T 09:00").
    let mut separated = false;
    while matches!(b.get(i), Some(b'T' | b't' | b' ')) {
        i += 1;
        separated = true;
    }
    if !separated {
        return None;
    }
    let rest = &s[i..];
    let (time, zone) = split_time(rest)?;
    let offset = match zone.trim() {
        "" => 0,
        z => zone_offset(z)?,
    };
    at(y, mo, d, time, offset)
}

/// `09:00`, `09:00:00`, `09:00:00.123`, `090000`, then whatever follows (a zone).
fn split_time(s: &str) -> Option<((u32, u32, u32), &str)> {
    let b = s.as_bytes();
    let num = |from: usize, n: usize| -> Option<u32> {
        let part = s.get(from..from + n)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (h, mut i) = match num(0, 2) {
        Some(h) => (h, 2),
        None => (num(0, 1)?, 1),
    };
    let colon = b.get(i) == Some(&b':');
    if colon {
        i += 1;
    }
    let m = num(i, 2)?;
    i += 2;
    let mut sec = 0;
    if colon && b.get(i) == Some(&b':') {
        sec = num(i + 1, 2)?;
        i += 3;
    } else if !colon && let Some(x) = num(i, 2) {
        sec = x;
        i += 2;
    }
    if matches!(b.get(i), Some(b'.' | b',')) {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    Some(((h, m, sec), &s[i..]))
}

/// `Z`, `+01:00`, `+0100`, `-05`, or a zone's name (`GMT`, `EST`, `CEST`, `GMT+1`).
fn zone_offset(z: &str) -> Option<i32> {
    let z = z.trim().trim_start_matches('(').trim_end_matches(')');
    if let Some(sign) = z.chars().next().filter(|c| *c == '+' || *c == '-') {
        let digits: String = z[1..].chars().filter(|c| *c != ':').collect();
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let (h, m): (i32, i32) = match digits.len() {
            1 | 2 => (digits.parse().ok()?, 0),
            3 => (digits[..1].parse().ok()?, digits[1..].parse().ok()?),
            4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
            _ => return None,
        };
        if h > 14 || m > 59 {
            return None;
        }
        let secs = h * 3600 + m * 60;
        return Some(if sign == '-' { -secs } else { secs });
    }
    let upper = z.to_ascii_uppercase();
    // "GMT+1", "UTC-05:00"
    for prefix in ["GMT", "UTC", "UT"] {
        if let Some(rest) = upper.strip_prefix(prefix)
            && (rest.starts_with('+') || rest.starts_with('-'))
        {
            return zone_offset(rest);
        }
    }
    let hours = |h: f32| Some((h * 3600.0) as i32);
    match upper.as_str() {
        "Z" | "UT" | "UTC" | "GMT" | "WET" | "Z0" => Some(0),
        "EST" => hours(-5.0),
        "EDT" => hours(-4.0),
        "CST" => hours(-6.0),
        "CDT" => hours(-5.0),
        "MST" => hours(-7.0),
        "MDT" => hours(-6.0),
        "PST" => hours(-8.0),
        "PDT" => hours(-7.0),
        "AKST" => hours(-9.0),
        "AKDT" => hours(-8.0),
        "HST" => hours(-10.0),
        "AST" => hours(-4.0),
        "ADT" => hours(-3.0),
        "NST" => hours(-3.5),
        "NDT" => hours(-2.5),
        "BST" | "WEST" | "CET" | "MET" => hours(1.0),
        "CEST" | "MEST" | "EET" | "SAST" => hours(2.0),
        "EEST" | "MSK" => hours(3.0),
        "IST" => hours(5.5),
        "SGT" | "HKT" | "AWST" => hours(8.0),
        "JST" | "KST" => hours(9.0),
        "ACST" => hours(9.5),
        "AEST" => hours(10.0),
        "ACDT" => hours(10.5),
        "AEDT" => hours(11.0),
        "NZST" => hours(12.0),
        "NZDT" => hours(13.0),
        _ => None,
    }
}

/// Day, month and year in numbers: `04.03.2026` (day first, as everywhere dots are used),
/// `25/12/2026` or `12/25/2026` (only when the day is over 12, which settles the order).
fn numeric(s: &str) -> Option<DateTime<Utc>> {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '/' || c == '.' || c == '-'))
        .unwrap_or(s.len());
    let (date, rest) = s.split_at(end);
    let sep = date.chars().find(|c| !c.is_ascii_digit())?;
    let parts: Vec<&str> = date.split(sep).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return None; // year first: `iso` reads those
    }
    let year = full_year(n[2], parts[2].len())?;
    let (d, mo) = match sep {
        '.' => (n[0], n[1]),
        _ if n[0] > 12 && n[1] <= 12 => (n[0], n[1]),
        _ if n[1] > 12 && n[0] <= 12 => (n[1], n[0]),
        _ if n[0] == n[1] => (n[0], n[1]),
        _ => return None,
    };
    let rest = rest.trim_start_matches([',', ' ', 'T']);
    let (time, zone) = if rest.is_empty() {
        ((0, 0, 0), "")
    } else {
        split_time(rest)?
    };
    let (time, zone) = am_pm(time, zone)?;
    let offset = match zone.trim() {
        "" => 0,
        z => zone_offset(z)?,
    };
    at(year, mo, d, time, offset)
}

fn full_year(y: u32, len: usize) -> Option<i32> {
    match len {
        4 => Some(y as i32),
        2 if y < 70 => Some(2000 + y as i32),
        2 => Some(1900 + y as i32),
        _ => None,
    }
}

/// Applies a trailing `AM`/`PM` to a time and returns what follows it.
fn am_pm((h, m, s): (u32, u32, u32), rest: &str) -> Option<((u32, u32, u32), &str)> {
    let t = rest.trim_start();
    let lower = t.to_ascii_lowercase();
    for (mark, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(after) = lower.strip_prefix(mark)
            && after
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_alphabetic())
        {
            if h == 0 || h > 12 {
                return None;
            }
            let h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            return Some(((h, m, s), &t[mark.len()..]));
        }
    }
    Some(((h, m, s), rest))
}

/// Dates with the month in words, in any order a publisher might choose: `Tue, 4 Mar 2026
/// 09:00 GMT`, `Tuesday, March 4th, 2026 at 9:00 PM EST`, `Tue Mar  4 09:00:00 2026`,
/// `4 mars 2026 09:00`, `Di, 04 Mär 2026 09:00:00 +0100`, `04-Mar-2026`.
fn words(s: &str) -> Option<DateTime<Utc>> {
    let mut tokens: Vec<String> = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        if raw.is_empty() {
            continue;
        }
        // "04-Mar-2026": a word between hyphens is split; "-0500" and "2026-03-04" are not.
        if raw.contains('-') && raw.chars().any(|c| c.is_alphabetic()) && !raw.starts_with('-') {
            let (head, zone) = match raw.find(['+']) {
                Some(i) if i > 0 => (&raw[..i], Some(&raw[i..])),
                _ => (raw, None),
            };
            tokens.extend(head.split('-').filter(|p| !p.is_empty()).map(String::from));
            tokens.extend(zone.map(String::from));
        } else {
            tokens.push(raw.to_string());
        }
    }
    let mut months: Vec<(usize, u32, bool)> = Vec::new(); // (token, month, also a weekday)
    let mut numbers: Vec<(u32, usize)> = Vec::new(); // (value, digits)
    let mut time: Option<(u32, u32, u32)> = None;
    let mut offset: Option<i32> = None;
    let mut pm: Option<bool> = None;
    for (i, tok) in tokens.iter().enumerate() {
        let t = tok.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        if t.is_empty() {
            continue;
        }
        let lower = t.to_lowercase();
        if t.contains(':') && t.starts_with(|c: char| c.is_ascii_digit()) {
            if time.is_some() {
                return None;
            }
            let (tm, rest) = split_time(t)?;
            let (tm, rest) = am_pm(tm, rest)?;
            if !rest.trim().is_empty() {
                offset = Some(zone_offset(rest.trim())?);
            }
            time = Some(tm);
        } else if (t.starts_with('+') || t.starts_with('-'))
            && t[1..].chars().all(|c| c.is_ascii_digit() || c == ':')
        {
            offset = Some(zone_offset(t)?);
        } else if t.chars().all(|c| c.is_ascii_digit()) {
            numbers.push((t.parse().ok()?, t.len()));
        } else if let Some(n) = ordinal(&lower) {
            numbers.push((n, 2));
        } else if let Some(m) = month(&lower) {
            months.push((i, m, weekday(&lower)));
        } else if weekday(&lower) || FILLERS.contains(&lower.as_str()) {
        } else if matches!(lower.as_str(), "am" | "a.m" | "pm" | "p.m") {
            pm = Some(lower.starts_with('p'));
        } else if let Some(z) = zone_offset(t) {
            offset = Some(z);
        } else {
            return None;
        }
    }
    // A word that is both a weekday and a month ("mar": Tuesday in French, March in Spanish)
    // is the weekday when another month word is there.
    while months.len() > 1 {
        match months.iter().position(|(_, _, also_weekday)| *also_weekday) {
            Some(i) => {
                months.remove(i);
            }
            None => return None,
        }
    }
    let [(_, mo, _)] = months[..] else {
        return None;
    };
    let (d, y) = match numbers[..] {
        [(a, la), (b, lb)] => {
            if la == 4 {
                (b, full_year(a, 4)?)
            } else {
                (a, full_year(b, lb)?)
            }
        }
        _ => return None,
    };
    let mut tm = time.unwrap_or((0, 0, 0));
    if let Some(pm) = pm {
        tm = am_pm(tm, if pm { "pm" } else { "am" })?.0;
    }
    at(y, mo, d, tm, offset.unwrap_or(0))
}

const FILLERS: &[&str] = &[
    "at", "on", "the", "of", "de", "del", "le", "um", "à", "a", "dydd",
];

fn ordinal(lower: &str) -> Option<u32> {
    let digits = lower.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &lower[digits.len()..];
    (!digits.is_empty() && matches!(suffix, "st" | "nd" | "rd" | "th" | "er"))
        .then(|| digits.parse().ok())?
}

/// Month names and abbreviations: English, French, German, Spanish, Dutch, Welsh.
fn month(lower: &str) -> Option<u32> {
    let m = match lower {
        "jan" | "january" | "janv" | "janvier" | "januar" | "jän" | "jänner" | "ene" | "enero"
        | "januari" | "ion" | "ionawr" => 1,
        "feb" | "february" | "févr" | "fevr" | "février" | "fevrier" | "fév" | "februar"
        | "febrero" | "februari" | "chwe" | "chwefror" => 2,
        "mar" | "march" | "mars" | "mär" | "märz" | "maerz" | "mrz" | "marzo" | "mrt" | "maart"
        | "maw" | "mawrth" => 3,
        "apr" | "april" | "avr" | "avril" | "abr" | "abril" | "ebr" | "ebrill" => 4,
        "may" | "mai" | "mayo" | "mei" => 5,
        "jun" | "june" | "juin" | "juni" | "junio" | "meh" | "mehefin" => 6,
        "jul" | "july" | "juil" | "juillet" | "juli" | "julio" | "gorff" | "gorffennaf" => 7,
        "aug" | "august" | "août" | "aout" | "ago" | "agosto" | "augustus" | "awst" => 8,
        "sep" | "sept" | "september" | "septembre" | "septiembre" | "medi" => 9,
        "oct" | "october" | "octobre" | "okt" | "oktober" | "octubre" | "hyd" | "hydref" => 10,
        "nov" | "november" | "novembre" | "noviembre" | "tach" | "tachwedd" => 11,
        "dec" | "december" | "déc" | "décembre" | "decembre" | "dez" | "dezember" | "dic"
        | "diciembre" | "rhag" | "rhagfyr" => 12,
        _ => return None,
    };
    Some(m)
}

/// Weekday names and abbreviations in the same languages. They say nothing the date does not.
fn weekday(lower: &str) -> bool {
    matches!(
        lower,
        "mon"
            | "monday"
            | "tue"
            | "tues"
            | "tuesday"
            | "wed"
            | "weds"
            | "wednesday"
            | "thu"
            | "thur"
            | "thurs"
            | "thursday"
            | "fri"
            | "friday"
            | "sat"
            | "saturday"
            | "sun"
            | "sunday"
            | "lun"
            | "lundi"
            | "mar"
            | "mardi"
            | "mer"
            | "mercredi"
            | "jeu"
            | "jeudi"
            | "ven"
            | "vendredi"
            | "sam"
            | "samedi"
            | "dim"
            | "dimanche"
            | "mo"
            | "montag"
            | "di"
            | "dienstag"
            | "mi"
            | "mittwoch"
            | "do"
            | "donnerstag"
            | "fr"
            | "freitag"
            | "sa"
            | "samstag"
            | "so"
            | "sonntag"
            | "lunes"
            | "martes"
            | "mié"
            | "mie"
            | "miércoles"
            | "miercoles"
            | "jue"
            | "jueves"
            | "vie"
            | "viernes"
            | "sáb"
            | "sab"
            | "sábado"
            | "sabado"
            | "dom"
            | "domingo"
            | "ma"
            | "maandag"
            | "dinsdag"
            | "wo"
            | "woensdag"
            | "donderdag"
            | "vr"
            | "vrijdag"
            | "za"
            | "zaterdag"
            | "zo"
            | "zondag"
            | "llun"
            | "maw"
            | "mawrth"
            | "mercher"
            | "gwener"
            | "sadwrn"
            | "iau"
            | "gwe"
            | "sad"
            | "sul"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_of(s: &str) -> String {
        parse(s)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_else(|| "none".into())
    }

    #[test]
    fn standard_forms() {
        assert_eq!(iso_of("2026-03-04T09:00:00Z"), "2026-03-04T09:00:00Z");
        assert_eq!(iso_of("2026-03-04T10:00:00+01:00"), "2026-03-04T09:00:00Z");
        assert_eq!(
            iso_of("Wed, 04 Mar 2026 09:00:00 GMT"),
            "2026-03-04T09:00:00Z"
        );
        assert_eq!(
            iso_of("Wed, 04 Mar 2026 04:00:00 -0500"),
            "2026-03-04T09:00:00Z"
        );
    }

    #[test]
    fn iso_relatives() {
        for (s, want) in [
            ("2026-03-04", "2026-03-04T00:00:00Z"),
            ("2026-03-04 09:00:00", "2026-03-04T09:00:00Z"),
            ("2026-03-04T09:00", "2026-03-04T09:00:00Z"),
            ("2026-03-04T09:00:00.123+0100", "2026-03-04T08:00:00Z"),
            ("2026-03-04T09:00:00 +01:00", "2026-03-04T08:00:00Z"),
            ("2026-03-04 09:00:00 EST", "2026-03-04T14:00:00Z"),
            ("20260304T090000Z", "2026-03-04T09:00:00Z"),
            ("2026/03/04 09:00", "2026-03-04T09:00:00Z"),
            ("2026-03", "2026-03-01T00:00:00Z"),
            ("2026-3-4", "2026-03-04T00:00:00Z"),
            ("1998-11-05T22:12", "1998-11-05T22:12:00Z"),
            ("2026-03-04T24:00:00Z", "2026-03-05T00:00:00Z"),
        ] {
            assert_eq!(iso_of(s), want, "{s}");
        }
    }

    #[test]
    fn words_in_any_order() {
        for (s, want) in [
            ("Tue, 4 Mar 2026 09:00 GMT", "2026-03-04T09:00:00Z"),
            ("Thursday, 04 Mar 2026 09:00:00 GMT", "2026-03-04T09:00:00Z"),
            ("Wed, 04 March 2026 09:00:00 +0000", "2026-03-04T09:00:00Z"),
            ("04 Mar 26 09:00:00 GMT", "2026-03-04T09:00:00Z"),
            ("Wed, 04 Mar 2026 09:00:00", "2026-03-04T09:00:00Z"),
            ("Wed, 04 Mar 2026 10:00:00 CET", "2026-03-04T09:00:00Z"),
            ("Wed, 04 Mar 2026 09:00:00 UTC", "2026-03-04T09:00:00Z"),
            ("March 4, 2026", "2026-03-04T00:00:00Z"),
            ("March 4th, 2026 at 9:00 PM", "2026-03-04T21:00:00Z"),
            ("Mar 4, 2026 4:00:00 AM EST", "2026-03-04T09:00:00Z"),
            ("Wed Mar  4 09:00:00 2026", "2026-03-04T09:00:00Z"),
            ("4 March 2026", "2026-03-04T00:00:00Z"),
            ("04-Mar-2026 09:00", "2026-03-04T09:00:00Z"),
            ("mer., 4 mars 2026 10:00:00 +0100", "2026-03-04T09:00:00Z"),
            ("mar., 3 mars 2026 09:00", "2026-03-03T09:00:00Z"),
            ("Mi, 04 Mär 2026 10:00:00 +0100", "2026-03-04T09:00:00Z"),
            ("4 de marzo de 2026", "2026-03-04T00:00:00Z"),
            ("Dydd Mercher 4 Mawrth 2026", "2026-03-04T00:00:00Z"),
            ("Dydd Mawrth 3 Mawrth 2026", "2026-03-03T00:00:00Z"),
            ("4 Mawrth 2026", "2026-03-04T00:00:00Z"),
            ("Wed, 04 Mar 2026 09:00:00 GMT+1", "2026-03-04T08:00:00Z"),
        ] {
            assert_eq!(iso_of(s), want, "{s}");
        }
    }

    #[test]
    fn numbers_only_when_unambiguous() {
        assert_eq!(iso_of("04.03.2026"), "2026-03-04T00:00:00Z");
        assert_eq!(iso_of("25/12/2026"), "2026-12-25T00:00:00Z");
        assert_eq!(iso_of("12/25/2026 9:30 PM"), "2026-12-25T21:30:00Z");
        assert_eq!(iso_of("03/04/2026"), "none");
    }

    #[test]
    fn junk_is_not_a_date() {
        for s in [
            "",
            "yesterday",
            "not a date",
            "2026-13-45",
            "Wed, 32 Mar 2026 09:00:00 GMT",
            "42",
            "0000-00-00 00:00:00",
            "soon, March 2026",
            "9999999999999999999999",
            "2026-03-04T25:61:00Z",
            "Mar Mar 2026",
        ] {
            assert_eq!(iso_of(s), "none", "{s}");
        }
    }
}
