//! Where a hit's marks go on the page: the title cut into marked and unmarked pieces, and the
//! window of the body that holds the most marks, cut at word boundaries so no word is split.

use std::ops::Range;

use super::Fragment;

/// Cuts `text[window]` into marked and unmarked pieces.
pub fn fragments(text: &str, marks: &[Range<usize>], window: Range<usize>) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut at = window.start;
    for m in marks {
        if m.end <= at || m.start >= window.end {
            continue;
        }
        let start = m.start.max(at);
        let end = m.end.min(window.end);
        if start > at {
            out.push(Fragment {
                text: text[at..start].to_string(),
                marked: false,
            });
        }
        out.push(Fragment {
            text: text[start..end].to_string(),
            marked: true,
        });
        at = end;
    }
    if at < window.end {
        out.push(Fragment {
            text: text[at..window.end].to_string(),
            marked: false,
        });
    }
    out
}

/// The window of about `max_chars` characters holding the most marks, cut at word boundaries,
/// with an ellipsis where text was left out.
pub fn snippet(text: &str, marks: &[Range<usize>], max_chars: usize) -> Vec<Fragment> {
    let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    if char_starts.len() <= max_chars {
        return fragments(text, marks, 0..text.len());
    }
    // Best window start: the mark that begins the densest run within max_chars.
    let mut best = (0usize, 0usize); // (marks covered, byte start)
    for (i, m) in marks.iter().enumerate() {
        let start_char = char_starts.partition_point(|&b| b < m.start);
        let from_char = start_char.saturating_sub(max_chars / 4);
        let from = char_starts[from_char];
        let until = char_starts
            .get(from_char + max_chars)
            .copied()
            .unwrap_or(text.len());
        let covered = marks[i..].iter().take_while(|n| n.end <= until).count();
        if covered > best.0 {
            best = (covered, from);
        }
    }
    let from_char = char_starts.partition_point(|&b| b < best.1);
    let mut start = best.1;
    let mut end = char_starts
        .get(from_char + max_chars)
        .copied()
        .unwrap_or(text.len());
    // Snap to word boundaries so no word is cut in half.
    if start > 0
        && let Some(space) = text[start..end].find(char::is_whitespace)
    {
        start += space + 1;
    }
    if end < text.len()
        && let Some(space) = text[start..end].rfind(char::is_whitespace)
    {
        end = start + space;
    }
    let mut out = Vec::new();
    if start > 0 {
        out.push(Fragment {
            text: "… ".into(),
            marked: false,
        });
    }
    out.extend(fragments(text, marks, start..end));
    if end < text.len() {
        out.push(Fragment {
            text: " …".into(),
            marked: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_centres_on_marks_and_cuts_at_words() {
        let text = format!(
            "{} flood warning here {}",
            "word ".repeat(100),
            "tail ".repeat(100)
        );
        let at = text.find("flood").unwrap_or(0);
        let mark = at..at + 5;
        let s = snippet(&text, std::slice::from_ref(&mark), 60);
        let joined: String = s.iter().map(|f| f.text.as_str()).collect();
        assert!(joined.starts_with("… "));
        assert!(joined.ends_with(" …"));
        assert!(s.iter().any(|f| f.marked && f.text == "flood"));
        assert!(!joined.contains("wor …") && !joined.contains("… ord"));
    }

    #[test]
    fn fragments_split_marks() {
        let mark = 2..7;
        let f = fragments("a flood b", std::slice::from_ref(&mark), 0..9);
        assert_eq!(f.len(), 3);
        assert!(f[1].marked && f[1].text == "flood");
    }
}
