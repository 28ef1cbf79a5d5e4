//! CSV downloads, one way for every export (the class's results, a cohort's links and progress,
//! follow-ups, a drill's review): fields quoted when they must be and defused so a spreadsheet
//! does not run a name as a formula, CRLF lines, and a response with a byte-order mark (so
//! spreadsheets read accented names right) that is not cached.

use axum::response::Response;

/// One CSV field: quoted when it must be, and a leading `= + - @` defused so a spreadsheet
/// does not run a trainee's name as a formula.
pub fn field(s: &str) -> String {
    let defused = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if defused.contains([',', '"', '\n', '\r'])
        || defused.starts_with(' ')
        || defused.ends_with(' ')
    {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// A CSV line (CRLF, as RFC 4180 and spreadsheets expect).
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// A CSV file as a download named `filename`, with a byte-order mark so that spreadsheets read
/// it as UTF-8.
pub fn download(body: &str, filename: &str) -> Response {
    super::download::attachment(
        format!("\u{feff}{body}"),
        "text/csv; charset=utf-8",
        filename,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(field("Kim"), "Kim");
        assert_eq!(field("Lee, Sam"), "\"Lee, Sam\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(line(&["a", "b c"]), "a,b c\r\n");
        assert_eq!(line(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }
}
