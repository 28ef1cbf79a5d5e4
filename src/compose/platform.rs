//! What each platform asks of a post beyond its limit: where its feed folds a post away, and the
//! platform's own findings (links Instagram will not make tappable, a Mastodon link shortener,
//! more links than Threads takes…). [`check`](super::check) adds these findings to those of
//! the rule packs for every platform it is asked about; the rule ids all start `platform.`.
//!
//! The figures are the platforms' own where they publish them, else what is commonly measured,
//! each cited where it is defined. Counting itself (the limits and how links count) is in
//! `count.rs` and docs/design.md.

use super::count::{self, Offset, Platform};
use super::prose::Doc;
use super::rules::{Finding, Severity, Span, camel_case};

/// Instagram shows about the first 125 characters of a caption in the feed, then "more".
/// Instagram publishes only the 2,200 limit; 125 is the figure guides measure and quote
/// (charactercounter.com/instagram, bulkpublish.com/blog/instagram-character-limit).
pub const INSTAGRAM_PREVIEW_CHARS: usize = 125;

/// LinkedIn shows three lines of an organic post, then "…more": about 210 characters on
/// desktop, fewer on a phone (John Espirian, "See more breakpoints on LinkedIn posts",
/// September 2024; web-3-apps.com/char-counter/articles/linkedin-post-length). We fold at 210
/// characters or the end of the third line, whichever comes first.
pub const LINKEDIN_PREVIEW_CHARS: usize = 210;
pub const LINKEDIN_PREVIEW_LINES: usize = 3;

/// Long enough to inform, short enough to read: guides put strong LinkedIn posts at about 800 to
/// 1,500 characters, and announcements at 500 to 1,200 (lifa.st, "How long should a LinkedIn
/// post be"; edgarwrites.ai). Under 500 a LinkedIn post gives its readers too little context;
/// over 1,500 most stop before the end. The platform's own limit is 3,000.
pub const LINKEDIN_INFORM_MIN: usize = 500;
pub const LINKEDIN_READ_MAX: usize = 1500;

/// Threads refuses a post with more than 5 links (Threads API, "Text attachments": from
/// 22 December 2025 such posts fail with THREADS_API__LINK_LIMIT_EXCEEDED; every unique URL in
/// the text counts). A link counts in full towards the 500 characters.
pub const THREADS_MAX_LINKS: usize = 5;

/// Threads takes one topic tag a post: publishing tools report "Threads only allows 1 hashtag
/// per post" (ayrshare.com/apis/post/social-networks/threads).
pub const THREADS_MAX_TAGS: usize = 1;

/// Link shorteners: on Mastodon they hide where a link goes (Mastodon counts every link as 23
/// characters anyway, so they save nothing).
const SHORTENERS: &[&str] = &[
    "bit.ly",
    "bitly.com",
    "tinyurl.com",
    "t.co",
    "ow.ly",
    "buff.ly",
    "goo.gl",
    "is.gd",
    "v.gd",
    "lnkd.in",
    "rb.gy",
    "cutt.ly",
    "shorturl.at",
    "tiny.cc",
    "t.ly",
    "rebrand.ly",
    "bl.ink",
    "s.id",
    "dlvr.it",
    "trib.al",
    "fb.me",
    "wp.me",
    "shorturl.com",
];

/// Words that mean a post may need a content warning on Mastodon, where many servers expect one
/// before death, violence or abuse (docs.joinmastodon.org/user/posting, "Content warnings").
const SENSITIVE: &[&str] = &[
    "abuse",
    "abused",
    "assault",
    "assaulted",
    "dead",
    "death",
    "deaths",
    "died",
    "dies",
    "fatal",
    "fatalities",
    "killed",
    "murder",
    "murdered",
    "self-harm",
    "stabbed",
    "stabbing",
    "shooting",
    "suicide",
    "violence",
    "violent",
];

/// Where the platform's feed folds a post away behind "more" / "See more", if it does and the
/// post is long enough to fold: Facebook, Instagram and LinkedIn.
pub fn fold(text: &str, platform: Platform) -> Option<Offset> {
    let at = |chars: usize, lines: usize| {
        let mut newlines = 0;
        for (n, (b, ch)) in text.char_indices().enumerate() {
            if n == chars {
                return Some(Offset::at_byte(text, b));
            }
            if ch == '\n' {
                newlines += 1;
                if newlines == lines && b + 1 < text.len() {
                    return Some(Offset::at_byte(text, b + 1));
                }
            }
        }
        None
    };
    match platform {
        Platform::Facebook => at(count::FACEBOOK_FOLD_CHARS, count::FACEBOOK_FOLD_LINES),
        Platform::Instagram => at(INSTAGRAM_PREVIEW_CHARS, usize::MAX),
        Platform::Linkedin => at(LINKEDIN_PREVIEW_CHARS, LINKEDIN_PREVIEW_LINES),
        _ => None,
    }
}

/// The part of the post a reader sees in the feed before the fold (all of it when it does not
/// fold).
pub fn preview(text: &str, platform: Platform) -> &str {
    match fold(text, platform) {
        Some(at) => &text[..at.byte],
        None => text,
    }
}

fn span(text: &str, start: usize, end: usize) -> Span {
    Span {
        start: Offset::at_byte(text, start),
        end: Offset::at_byte(text, end),
        text: text[start..end].to_string(),
    }
}

fn finding(
    id: &str,
    severity: Severity,
    message: String,
    why: &str,
    link: Option<&str>,
    span: Option<Span>,
) -> Finding {
    Finding {
        rule: format!("platform.{id}"),
        severity,
        message,
        why: why.to_string(),
        link: link.map(str::to_string),
        span,
        fix: None,
    }
}

/// The host of a link as written (`https://bit.ly/x` → `bit.ly`), lower-cased, without `www.`.
fn link_host(link: &str) -> String {
    let rest = link.split_once("://").map_or(link, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

/// The findings of one platform about a draft.
pub fn findings(text: &str, platform: Platform) -> Vec<Finding> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(text);
    let mut out = Vec::new();
    match platform {
        Platform::Instagram => instagram(text, &doc, &mut out),
        Platform::Facebook => facebook(text, &doc, &mut out),
        Platform::Linkedin => linkedin(text, &mut out),
        Platform::Mastodon => mastodon(text, &doc, &mut out),
        Platform::Threads => threads(text, &doc, &mut out),
        Platform::X | Platform::Bluesky => {}
    }
    out
}

fn instagram(text: &str, doc: &Doc, out: &mut Vec<Finding>) {
    for r in &doc.links {
        out.push(finding(
            "instagram-link",
            Severity::Warning,
            "Links in an Instagram caption cannot be tapped".into(),
            "Instagram shows a web address in a caption as plain text: nobody can tap it, and few \
             will copy it out. Put the link in your profile and say so (\"link in bio\"), or give \
             a phone number or a short address people can remember.",
            None,
            Some(span(text, r.start, r.end)),
        ));
    }
    if let Some(at) = fold(text, Platform::Instagram) {
        let line_end = text.find('\n').unwrap_or(text.len());
        if line_end > at.byte {
            out.push(finding(
                "instagram-first-line",
                Severity::Suggestion,
                format!(
                    "Your first line runs past the {INSTAGRAM_PREVIEW_CHARS} characters Instagram shows before \"more\""
                ),
                "In the feed Instagram shows about the first 125 characters of a caption, then \
                 \"more\". Most people read no further: end your point before the fold, then break \
                 the line.",
                None,
                Some(span(text, at.byte, line_end)),
            ));
        }
    }
}

fn facebook(text: &str, doc: &Doc, out: &mut Vec<Finding>) {
    let Some(at) = fold(text, Platform::Facebook) else {
        return;
    };
    if let Some(first) = doc.links.first()
        && first.start >= at.byte
    {
        out.push(finding(
            "facebook-link-after-fold",
            Severity::Warning,
            "The link is hidden behind \"See more\"".into(),
            "Facebook shows the first three lines or so of a post (about 477 characters), then \
             \"See more\". A reader who does not open the post never sees a link below the fold: \
             put the link, or the phone number, near the top.",
            None,
            Some(span(text, first.start, first.end)),
        ));
    }
}

fn linkedin(text: &str, out: &mut Vec<Finding>) {
    let length = count::count(text, Platform::Linkedin.profile()).length;
    if length < LINKEDIN_INFORM_MIN {
        out.push(finding(
            "linkedin-short",
            Severity::Warning,
            format!(
                "Short for LinkedIn: {length} characters, and a post that informs takes {LINKEDIN_INFORM_MIN} or more"
            ),
            "People read LinkedIn for context: what happened, why it matters to them, what comes \
             next. A post of one or two lines reads as an advert there. Say who it is for and what \
             they can do.",
            None,
            None,
        ));
    } else if length > LINKEDIN_READ_MAX {
        out.push(finding(
            "linkedin-long",
            Severity::Warning,
            format!(
                "Long for LinkedIn: {length} characters, and most readers stop before {LINKEDIN_READ_MAX}"
            ),
            "LinkedIn takes 3,000 characters, but readers drop off long before that. Keep the \
             post to what your reader needs and link to the rest.",
            None,
            None,
        ));
    }
}

fn mastodon(text: &str, doc: &Doc, out: &mut Vec<Finding>) {
    for r in &doc.links {
        let host = link_host(&text[r.clone()]);
        if SHORTENERS.contains(&host.as_str()) {
            out.push(finding(
                "mastodon-shortener",
                Severity::Warning,
                format!("Use the full link, not a link shortener ({host})"),
                "Mastodon counts every link as 23 characters however long it is, so a shortener \
                 saves nothing. It hides where the link goes, which Mastodon readers expect to see, \
                 and it breaks if the service closes.",
                Some("https://docs.joinmastodon.org/user/posting/#links"),
                Some(span(text, r.start, r.end)),
            ));
        }
    }
    for r in &doc.hashtags {
        let tag = &text[r.start + 1..r.end];
        if let Some(fixed) = camel_case(tag) {
            let mut f = finding(
                "mastodon-hashtag-case",
                Severity::Warning,
                format!("Write #{tag} as {fixed}"),
                "Screen readers read a hashtag in CamelCase word by word and an all lower-case \
                 one as a single garbled word. Mastodon users ask for CamelCase tags, and Mastodon \
                 matches tags whatever their case, so nothing is lost.",
                Some("https://docs.joinmastodon.org/user/posting/#hashtags"),
                Some(span(text, r.start, r.end)),
            );
            f.fix = Some(fixed);
            out.push(f);
        }
    }
    let first_line = text.lines().next().unwrap_or_default().trim_start();
    let has_cw = ["cw:", "cw ", "content warning", "cn:"]
        .iter()
        .any(|p| first_line.to_lowercase().starts_with(p));
    if !has_cw
        && let Some(w) = doc
            .words
            .iter()
            .find(|w| SENSITIVE.contains(&w.lower().as_str()))
    {
        out.push(finding(
            "mastodon-content-warning",
            Severity::Suggestion,
            format!("\"{}\": consider a content warning", w.text),
            "On Mastodon a post about death, violence or abuse usually goes behind a content \
             warning, a short line readers see first and open when they choose. Write it as the \
             post's first line, starting \"CW:\", and put it in the content warning field when you \
             post.",
            Some("https://docs.joinmastodon.org/user/posting/#cw"),
            Some(span(text, w.bytes.start, w.bytes.end)),
        ));
    }
}

fn threads(text: &str, doc: &Doc, out: &mut Vec<Finding>) {
    let mut unique: Vec<&str> = Vec::new();
    for r in &doc.links {
        let link = &text[r.clone()];
        if !unique.contains(&link) {
            unique.push(link);
        }
    }
    if unique.len() > THREADS_MAX_LINKS {
        out.push(finding(
            "threads-links",
            Severity::Error,
            format!(
                "{} links: Threads refuses a post with more than {THREADS_MAX_LINKS}",
                unique.len()
            ),
            "Threads will not publish a post with more than five different links. Keep the one \
             people need.",
            None,
            None,
        ));
    } else if unique.len() > 1
        && let Some(second) = doc.links.iter().find(|r| &text[(*r).clone()] == unique[1])
    {
        out.push(finding(
            "threads-link-preview",
            Severity::Suggestion,
            "Only the first link gets a preview card on Threads".into(),
            "Threads shows a preview card for the first link of a text post; the others are \
             plain text, and each counts in full towards the 500 characters. Put the link people \
             need first, or keep only that one.",
            None,
            Some(span(text, second.start, second.end)),
        ));
    }
    if doc.hashtags.len() > THREADS_MAX_TAGS
        && let Some(second) = doc.hashtags.get(THREADS_MAX_TAGS)
    {
        out.push(finding(
            "threads-tags",
            Severity::Warning,
            format!(
                "{} hashtags: Threads takes one topic a post",
                doc.hashtags.len()
            ),
            "Threads turns one hashtag into the post's topic; the others are left as plain text \
             that a screen reader still reads out. Choose the one tag people follow.",
            None,
            Some(span(text, second.start, second.end)),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str, p: Platform) -> Vec<String> {
        findings(text, p).into_iter().map(|f| f.rule).collect()
    }

    #[test]
    fn instagram_links_and_first_line() {
        assert_eq!(
            ids("Apply at www.gov.uk/floodgrant", Platform::Instagram),
            ["platform.instagram-link"]
        );
        let long_line = "word ".repeat(40);
        let f = findings(&long_line, Platform::Instagram);
        assert_eq!(f[0].rule, "platform.instagram-first-line");
        assert_eq!(
            f[0].span.as_ref().map(|s| s.start.char),
            Some(INSTAGRAM_PREVIEW_CHARS)
        );
        // A first line that ends before the fold is what we ask for.
        let broken = format!("The library is open again.\n{long_line}");
        assert!(ids(&broken, Platform::Instagram).is_empty());
        assert_eq!(
            preview(&broken, Platform::Instagram).chars().count(),
            INSTAGRAM_PREVIEW_CHARS
        );
    }

    #[test]
    fn facebook_link_below_the_fold() {
        let text = format!("{}\nApply at https://www.gov.uk/x", "a\n".repeat(3));
        assert_eq!(
            ids(&text, Platform::Facebook),
            ["platform.facebook-link-after-fold"]
        );
        let text = format!("Apply at https://www.gov.uk/x\n{}", "a\n".repeat(3));
        assert!(ids(&text, Platform::Facebook).is_empty());
        assert_eq!(preview("short", Platform::Facebook), "short");
    }

    #[test]
    fn linkedin_length_between_inform_and_read() {
        assert_eq!(
            ids("We are going to Lindmark.", Platform::Linkedin),
            ["platform.linkedin-short"]
        );
        assert!(ids(&"word ".repeat(150), Platform::Linkedin).is_empty());
        assert_eq!(
            ids(&"word ".repeat(400), Platform::Linkedin),
            ["platform.linkedin-long"]
        );
        let three_lines = "one\ntwo\nthree\nfour";
        assert_eq!(
            preview(three_lines, Platform::Linkedin),
            "one\ntwo\nthree\n"
        );
    }

    #[test]
    fn mastodon_shorteners_tags_and_warnings() {
        let f = findings(
            "Read more: https://bit.ly/3xYz #traveladvice",
            Platform::Mastodon,
        );
        let rules: Vec<&str> = f.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(
            rules,
            [
                "platform.mastodon-shortener",
                "platform.mastodon-hashtag-case"
            ]
        );
        assert_eq!(f[1].fix.as_deref(), Some("#TravelAdvice"));
        assert!(
            ids(
                "Read more: https://www.gov.uk/advice #TravelAdvice",
                Platform::Mastodon
            )
            .is_empty()
        );
        assert_eq!(
            ids("Two people died in the flood.", Platform::Mastodon),
            ["platform.mastodon-content-warning"]
        );
        assert!(
            ids(
                "CW: death\nTwo people died in the flood.",
                Platform::Mastodon
            )
            .is_empty()
        );
        // Not Mastodon's business elsewhere.
        assert!(ids("https://bit.ly/3xYz", Platform::X).is_empty());
    }

    #[test]
    fn threads_links_and_tags() {
        let six: String = (1..=6)
            .map(|i| format!("https://www.gov.uk/flood/{i} "))
            .collect();
        assert_eq!(ids(&six, Platform::Threads), ["platform.threads-links"]);
        assert_eq!(
            ids(
                "See https://www.gov.uk/a and https://www.gov.uk/b",
                Platform::Threads
            ),
            ["platform.threads-link-preview"]
        );
        assert_eq!(
            ids("Recall #BX410 #ProductSafety", Platform::Threads),
            ["platform.threads-tags"]
        );
        assert!(
            ids(
                "Recall: https://www.gov.uk/a #ProductSafety",
                Platform::Threads
            )
            .is_empty()
        );
        assert_eq!(link_host("https://www.Bit.ly/x?y"), "bit.ly");
    }
}
