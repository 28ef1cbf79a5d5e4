//! Writing an iCalendar file (RFC 5545) of all-day events, for a plan's deadlines
//! (`/programme/calendar.ics`, docs/programmes.md "Calendar"). Hand-written rather than a crate:
//! the file needs a dozen properties, and the parts import tools are strict about are written
//! and tested here: CRLF line ends, lines folded at 75 octets without splitting a character,
//! TEXT values escaped, and all-day dates as `VALUE=DATE`.

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across downloads, so importing the file again updates rather than duplicates.
    pub uid: String,
    /// Raised each time the event changes.
    pub sequence: i64,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545, 3.1): no line longer than 75 octets, continuation lines
/// begin with a space, and a multi-octet UTF-8 character is never split. Ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// The calendar named `name` holding `events`, stamped `stamp` (DTSTAMP).
pub fn calendar(name: &str, events: &[Event], stamp: DateTime<Utc>) -> String {
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    let mut line = |s: String| out.push_str(&fold(&s));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Sandpit//Programme plans//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", escape(&e.uid)));
        line(format!("SEQUENCE:{}", e.sequence.max(0)));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")));
        line(format!(
            "DTEND;VALUE=DATE:{}",
            (e.date + Duration::days(1)).format("%Y%m%d")
        ));
        line(format!("SUMMARY:{}", escape(&e.summary)));
        line(format!("DESCRIPTION:{}", escape(&e.description)));
        if let Some(url) = &e.url {
            line(format!("URL:{url}"));
        }
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a calendar back as a reader does: unfolds, splits name and value, unescapes TEXT.
    fn parse(ics: &str) -> Vec<Vec<(String, String)>> {
        assert!(ics.ends_with("\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "a bare LF in {ics:?}"
        );
        let unfolded = ics.replace("\r\n ", "");
        let mut events = Vec::new();
        let mut current: Option<Vec<(String, String)>> = None;
        for l in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
            let (name, value) = l.split_once(':').expect("name:value");
            match (name, value) {
                ("BEGIN", "VEVENT") => current = Some(Vec::new()),
                ("END", "VEVENT") => events.push(current.take().expect("open event")),
                _ => {
                    if let Some(ev) = current.as_mut() {
                        ev.push((name.to_string(), unescape(value)));
                    }
                }
            }
        }
        events
    }

    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut chars = v.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => panic!("a lone backslash in {v:?}"),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn get<'a>(ev: &'a [(String, String)], name: &str) -> &'a str {
        &ev.iter().find(|(n, _)| n == name).expect(name).1
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("Pass 'Sandbags; again', a\\b\nnext\r\nline"),
            "Pass 'Sandbags\\; again'\\, a\\\\b\\nnext\\nline"
        );
    }

    #[test]
    fn long_and_non_ascii_lines_fold_at_75_octets_between_characters() {
        let ascii = format!("SUMMARY:{}", "a".repeat(200));
        let folded = fold(&ascii);
        for l in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        assert_eq!(folded.split("\r\n").next().unwrap().len(), 75);
        assert_eq!(folded.replace("\r\n ", ""), format!("{ascii}\r\n"));
        // Two- and four-octet characters: every physical line stays valid UTF-8 (the String
        // type guarantees it) and within 75 octets, and unfolding gives the line back.
        let wide = format!(
            "DESCRIPTION:{}",
            "Prévisions 🌧️ météo à Tollwick — ".repeat(8)
        );
        let folded = fold(&wide);
        let lines: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 4);
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        assert_eq!(folded.replace("\r\n ", ""), format!("{wide}\r\n"));
        // A short line is left alone.
        assert_eq!(fold("VERSION:2.0"), "VERSION:2.0\r\n");
    }

    #[test]
    fn a_calendar_reads_back() {
        let stamp = DateTime::parse_from_rfc3339("2026-03-02T09:05:07Z")
            .unwrap()
            .with_timezone(&Utc);
        let long = "Pass 'Flood warnings in Lower Tollwick, Brindle and Marsh End: every form \
                    of the word; with NEAR' without hints";
        let events = vec![
            Event {
                uid: "a1b2@sandpit".into(),
                sequence: 2,
                date: NaiveDate::from_ymd_opt(2026, 3, 6).unwrap(),
                summary: long.into(),
                description: "Week 1, due Friday.\nMonitoring queries, naïve café".into(),
                url: Some("http://127.0.0.1:8080/exercises/storm-01".into()),
            },
            Event {
                uid: "c3d4@sandpit".into(),
                sequence: 0,
                date: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
                summary: "Pass 'Year end'".into(),
                description: String::new(),
                url: None,
            },
        ];
        let ics = calendar("Sandpit plan, Ana", &events, stamp);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
        assert!(ics.contains("\r\nMETHOD:PUBLISH\r\n"));
        assert!(ics.contains("X-WR-CALNAME:Sandpit plan\\, Ana\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{l:?}");
        }
        let got = parse(&ics);
        assert_eq!(got.len(), 2);
        assert_eq!(get(&got[0], "UID"), "a1b2@sandpit");
        assert_eq!(get(&got[0], "SEQUENCE"), "2");
        assert_eq!(get(&got[0], "DTSTAMP"), "20260302T090507Z");
        assert_eq!(get(&got[0], "DTSTART;VALUE=DATE"), "20260306");
        assert_eq!(get(&got[0], "DTEND;VALUE=DATE"), "20260307");
        assert_eq!(get(&got[0], "SUMMARY"), long);
        assert_eq!(
            get(&got[0], "DESCRIPTION"),
            "Week 1, due Friday.\nMonitoring queries, naïve café"
        );
        assert_eq!(
            get(&got[0], "URL"),
            "http://127.0.0.1:8080/exercises/storm-01"
        );
        assert_eq!(get(&got[1], "DTEND;VALUE=DATE"), "20270101");
        assert!(!got[1].iter().any(|(n, _)| n == "URL"));
    }
}
