//! Posts a learner pastes or uploads into their own-topic corpus (docs/programmes.md, "Your own
//! topic"): either corpus JSONL (the first line that is not blank starts with `{`), read line by
//! line as `jsonl` reads files, or plain text, where posts are separated by blank lines and each
//! post becomes one document dated `now`. Pure: text in, documents and problems (with their line)
//! out.

use chrono::{DateTime, Utc};

use super::{Document, Parsed, Problem, jsonl};

/// The most posts one paste or file may hold.
pub const MAX_POSTS: usize = 2_000;
/// The longest post taken, in characters.
pub const MAX_POST_CHARS: usize = 10_000;

/// Reads pasted or uploaded posts. `origin` names them in messages (`pasted text`, a file name).
pub fn parse(text: &str, origin: &str, now: DateTime<Utc>) -> Parsed {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    if first.is_some_and(|l| l.starts_with('{')) {
        return parse_jsonl(text, origin);
    }
    parse_text(text, origin, now)
}

fn problem(origin: &str, line: usize, message: String) -> Problem {
    Problem {
        origin: origin.to_string(),
        line: Some(line),
        message,
    }
}

fn too_many(origin: &str, line: usize) -> Problem {
    problem(
        origin,
        line,
        format!("more than {MAX_POSTS} posts: split them into several pastes or files"),
    )
}

fn parse_jsonl(text: &str, origin: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (n, line) in text.lines().enumerate() {
        match jsonl::parse_line(line, n + 1, origin) {
            Ok(Some(doc)) => {
                if parsed.documents.len() == MAX_POSTS {
                    parsed.problems.push(too_many(origin, n + 1));
                    break;
                }
                parsed.documents.push(doc);
            }
            Ok(None) => {}
            Err(p) => parsed.problems.push(p),
        }
    }
    parsed
}

fn parse_text(text: &str, origin: &str, now: DateTime<Utc>) -> Parsed {
    let mut parsed = Parsed::default();
    // (first line, lines) of each post.
    let mut posts: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            posts.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| (n + 1, Vec::new()))
                .1
                .push(line.trim_end());
        }
    }
    posts.extend(current);
    for (line, lines) in posts {
        if parsed.documents.len() == MAX_POSTS {
            parsed.problems.push(too_many(origin, line));
            break;
        }
        let body = lines.join("\n");
        let chars = body.chars().count();
        if chars > MAX_POST_CHARS {
            parsed.problems.push(problem(
                origin,
                line,
                format!(
                    "this post has {chars} characters, more than the {MAX_POST_CHARS} taken: is it a whole article?"
                ),
            ));
            continue;
        }
        let id = format!(
            "pasted-{:016x}",
            crate::text::stable_hash([body.as_bytes()])
        );
        let url = body
            .split_whitespace()
            .find(|w| w.starts_with("https://") || w.starts_with("http://"))
            .unwrap_or_default()
            .to_string();
        parsed.documents.push(
            Document {
                id,
                title: String::new(),
                body,
                author: String::new(),
                source: "pasted".into(),
                source_name: "Pasted".into(),
                url,
                published: now,
                lang: String::new(),
                kind: "post".into(),
                tags: Vec::new(),
                mentions: Vec::new(),
                host: String::new(),
            }
            .derive(),
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn text_posts_are_separated_by_blank_lines() {
        let text = "Bins go out on Tuesday in Marrowby.\n#Marrowby\n\n\n  \nThe library opens late today. https://marrowby.example/library\n";
        let parsed = parse(text, "pasted text", now());
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.documents.len(), 2);
        assert_eq!(
            parsed.documents[0].body,
            "Bins go out on Tuesday in Marrowby.\n#Marrowby"
        );
        assert_eq!(parsed.documents[0].tags, ["marrowby"]);
        assert_eq!(parsed.documents[1].url, "https://marrowby.example/library");
        assert_eq!(parsed.documents[1].published, now());
        // The same post pasted again has the same id, so it replaces rather than doubles.
        let again = parse(
            "The library opens late today. https://marrowby.example/library",
            "x",
            now(),
        );
        assert_eq!(again.documents[0].id, parsed.documents[1].id);
    }

    #[test]
    fn jsonl_is_read_line_by_line_with_its_problems() {
        let text = "{\"id\":\"a\",\"body\":\"Ferry delayed\",\"published\":\"2026-03-01T08:00:00Z\"}\n\n{\"id\":\"b\",\"body\":\"x\"}\n";
        let parsed = parse(text, "posts.jsonl", now());
        assert_eq!(parsed.documents.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        let p = parsed.problems[0].to_string();
        assert!(
            p.contains("posts.jsonl") && p.contains('3') && p.contains("published"),
            "{p}"
        );
    }

    #[test]
    fn a_whole_article_is_refused_with_its_line() {
        let long = "word ".repeat(2_500);
        let parsed = parse(&format!("Short post.\n\n{long}"), "pasted text", now());
        assert_eq!(parsed.documents.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].line, Some(3));
    }
}
