//! Waves: bulk stream material made by rules, so that the busiest hour of a drill can hold
//! thousands of posts without thousands of hand-written lines. A wave spreads `posts` posts
//! between `from` and `until` along a rate curve (`shape`: relative rates at evenly spaced
//! points, joined by straight lines), and writes each one from a template whose `{name}`
//! slots are filled from word lists. The times follow from the curve alone (post k goes where
//! the curve's area reaches (k + ½) / posts of the whole); the choices of template, words,
//! author and engagement come from a seeded generator. The same file always gives the same
//! posts.

use super::rng::Rng;
use super::time::Offset;
use super::{Post, Wave};

/// The `{name}` slots of a template, in order, or what is wrong with its braces.
pub(super) fn placeholders(template: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(format!("{template:?} has a `}}` with no `{{` before it"));
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(format!("{template:?} has a `{{` that is never closed"));
        };
        let name = &after[..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!(
                "{template:?}: {{{name}}} is not a slot: write {{word}} with letters, digits and _"
            ));
        }
        out.push(name);
        rest = &after[close + 1..];
    }
    Ok(out)
}

/// A handle made from a display name: `Dana Pellow` → `@danapellow`.
pub(super) fn handle_of(author: &str) -> String {
    let h: String = author
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_')
        .flat_map(char::to_lowercase)
        .collect();
    if h.is_empty() {
        "@anonymous".into()
    } else {
        format!("@{h}")
    }
}

impl Wave {
    /// The second (from the start of the drill) of each post, in order.
    pub fn times(&self) -> Vec<Offset> {
        let width = (self.until.0 - self.from.0).max(1) as usize;
        let n = self.posts as usize;
        // The rate at the middle of each second of the window, from the piecewise-linear curve.
        let rate = |x: f64| -> f64 {
            match self.shape.len() {
                0 => 1.0,
                1 => self.shape[0],
                k => {
                    let pos = x * (k - 1) as f64;
                    let i = (pos.floor() as usize).min(k - 2);
                    let t = pos - i as f64;
                    self.shape[i] * (1.0 - t) + self.shape[i + 1] * t
                }
            }
        };
        let mut cumulative = Vec::with_capacity(width);
        let mut sum = 0.0;
        for s in 0..width {
            sum += rate((s as f64 + 0.5) / width as f64);
            cumulative.push(sum);
        }
        let mut out = Vec::with_capacity(n);
        let mut s = 0;
        for k in 0..n {
            let target = (k as f64 + 0.5) / n as f64 * sum;
            while s + 1 < width && cumulative[s] < target {
                s += 1;
            }
            out.push(Offset(self.from.0 + s as u32));
        }
        out
    }

    /// Every post of the wave with its id (`<wave id>-00001` on) and time, in time order.
    pub fn generate(&self) -> Vec<(String, Offset, Post)> {
        let mut rng = Rng::new(self.seed, &self.id);
        let width = self.posts.to_string().len().max(5);
        self.times()
            .into_iter()
            .enumerate()
            .map(|(k, at)| {
                let template = &self.templates[rng.pick(self.templates.len())];
                let text = self.fill(template, &mut rng);
                let author_t = &self.authors[rng.pick(self.authors.len())];
                let author = self.fill(author_t, &mut rng);
                let post = Post {
                    channel: self.channel,
                    venue: self.venue.clone(),
                    handle: handle_of(&author),
                    author,
                    title: String::new(),
                    text: if self.repost_of.is_some() {
                        String::new()
                    } else {
                        text
                    },
                    lang: self.lang.clone(),
                    images: Vec::new(),
                    reply_to: self.reply_to.clone(),
                    repost_of: self.repost_of.clone(),
                    quote_of: self.quote_of.clone(),
                    likes: rng.between(self.likes.0, self.likes.1),
                    reposts: rng.between(self.reposts.0, self.reposts.1),
                    replies: rng.between(self.replies.0, self.replies.1),
                    flags: self.flags.clone(),
                };
                (format!("{}-{:0width$}", self.id, k + 1), at, post)
            })
            .collect()
    }

    /// A template with each slot filled: `{n}` a number from 2 to 9999, other slots a word of
    /// their list (checked to exist when the file loaded).
    fn fill(&self, template: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                break;
            };
            let name = &after[..close];
            if name == "n" {
                out.push_str(&rng.between(2, 9999).to_string());
            } else if let Some(list) = self.words.get(name).filter(|l| !l.is_empty()) {
                out.push_str(&list[rng.pick(list.len())]);
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::scenarios::Channel;

    fn wave(shape: Vec<f64>) -> Wave {
        Wave {
            id: "w".into(),
            from: Offset(600),
            until: Offset(1200),
            posts: 300,
            shape,
            channel: Channel::Microblog,
            venue: String::new(),
            lang: "en".into(),
            seed: 3,
            templates: vec!["{a} at {n}".into(), "just {a}".into()],
            authors: vec!["Kim {n}".into()],
            words: [("a".to_string(), vec!["x".to_string(), "y".to_string()])]
                .into_iter()
                .collect(),
            flags: Vec::new(),
            likes: (1, 4),
            reposts: (0, 0),
            replies: (0, 2),
            reply_to: None,
            repost_of: None,
            quote_of: None,
        }
    }

    #[test]
    fn times_follow_the_curve() {
        let flat = wave(vec![1.0]).times();
        assert_eq!(flat.len(), 300);
        assert!(flat.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(flat[0], Offset(600));
        assert!(flat.iter().all(|t| (600..1200).contains(&t.0)));
        // Rising: the second half holds three quarters of the posts.
        let rising = wave(vec![0.0, 1.0]).times();
        let late = rising.iter().filter(|t| t.0 >= 900).count();
        assert!((220..=230).contains(&late), "{late}");
    }

    #[test]
    fn posts_are_the_same_every_time() {
        let a = wave(vec![1.0, 3.0]).generate();
        let b = wave(vec![1.0, 3.0]).generate();
        assert_eq!(a, b);
        assert_eq!(a[0].0, "w-00001");
        assert!(
            a.iter()
                .all(|(_, _, p)| !p.text.contains('{') && (1..=4).contains(&p.likes))
        );
        assert!(a.iter().any(|(_, _, p)| p.text.starts_with("just")));
    }

    #[test]
    fn slots_are_checked() {
        assert_eq!(placeholders("a {b} {n}"), Ok(vec!["b", "n"]));
        assert!(placeholders("a {b").is_err());
        assert!(placeholders("a } b").is_err());
        assert!(placeholders("a {} b").is_err());
        assert_eq!(handle_of("Dana Pellow"), "@danapellow");
    }
}
