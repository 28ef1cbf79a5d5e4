//! Light formatting for trusted shipped text (exercise briefs, press releases): paragraphs,
//! bullet lists, headings, `code` and **bold** — turned into values the templates escape, never
//! into raw HTML. Also the small wording helpers the pages share (a count with its noun, a
//! capital letter).

/// `n` with its noun: "1 try", "3 tries".
pub fn plural(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A score out of 100 as the pages show it: a whole number, or "–" when there is none.
pub fn score(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.0}")).unwrap_or_else(|| "–".into())
}

/// `s` with its first letter a capital.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A run of text, plain, code or bold.
pub struct Span {
    pub text: String,
    pub code: bool,
    pub bold: bool,
}

pub enum Block {
    Heading(Vec<Span>),
    Paragraph(Vec<Span>),
    List(Vec<Vec<Span>>),
}

pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let next_code = rest.find('`');
        let next_bold = rest.find("**");
        let (at, code) = match (next_code, next_bold) {
            (Some(c), Some(b)) if b < c => (b, false),
            (Some(c), _) => (c, true),
            (None, Some(b)) => (b, false),
            (None, None) => break,
        };
        let marker = if code { "`" } else { "**" };
        let after = &rest[at + marker.len()..];
        let Some(end) = after.find(marker) else { break };
        if at > 0 {
            out.push(Span {
                text: rest[..at].to_string(),
                code: false,
                bold: false,
            });
        }
        out.push(Span {
            text: after[..end].to_string(),
            code,
            bold: !code,
        });
        rest = &after[end + marker.len()..];
    }
    if !rest.is_empty() {
        out.push(Span {
            text: rest.to_string(),
            code: false,
            bold: false,
        });
    }
    out
}

/// Splits text into blocks at blank lines; lines starting `- ` or `* ` are list items, `#` headings.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for chunk in text.split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if lines
            .iter()
            .all(|l| l.starts_with("- ") || l.starts_with("* ") || l.starts_with("  "))
        {
            let mut items: Vec<String> = Vec::new();
            for l in lines {
                if let Some(item) = l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")) {
                    items.push(item.to_string());
                } else if let Some(last) = items.last_mut() {
                    last.push(' ');
                    last.push_str(l.trim());
                }
            }
            out.push(Block::List(items.iter().map(|i| spans(i)).collect()));
        } else if lines.len() == 1 && lines[0].starts_with('#') {
            out.push(Block::Heading(spans(
                lines[0].trim_start_matches('#').trim(),
            )));
        } else {
            out.push(Block::Paragraph(spans(&lines.join(" "))));
        }
    }
    out
}
