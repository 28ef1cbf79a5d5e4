//! Grading a rewrite answered as a set of posts, one for each platform of the exercise. Each post
//! is marked by the single-post grader ([`rewrite::grade`]) for its own platform, which brings in
//! that platform's findings from `compose::platform`; then the part the feed shows before its
//! fold (Facebook's "See more", Instagram's and LinkedIn's "more") must carry at least one key
//! fact. The attempt's score is the mean of the posts' scores, a missing post scoring 0, and it
//! passes only when every platform has a post and every post passes (docs/design.md, "Rewrite
//! answers with one post a platform").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::rewrite::{self, RewriteGrade};
use crate::catalog::exercises::Rewrite;
use crate::compose::{self, Platform, RulePack};

/// Points off a post whose feed preview (the text before the fold) holds none of the key facts.
pub const FOLD_POINTS: f64 = 10.0;

/// What the reader sees before the fold, for a platform that folds long posts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FoldCheck {
    /// Characters shown before the fold.
    pub shown: usize,
    /// The key facts found before the fold.
    pub facts_before: Vec<String>,
    /// Points taken off the post (0 or [`FOLD_POINTS`]).
    pub penalty: f64,
}

/// One platform's post and its mark.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PostGrade {
    /// The platform id, as the exercise names it.
    pub platform: String,
    /// The name people know it by ("LinkedIn").
    pub name: String,
    /// `None` when no post was written for this platform.
    pub grade: Option<RewriteGrade>,
    /// Present when the post is long enough to fold on this platform.
    pub fold: Option<FoldCheck>,
    /// Out of 100, after the fold check; 0 for a missing post.
    pub score: f64,
    pub passed: bool,
}

/// The mark of a whole answer: every platform's post.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PostsGrade {
    /// One per platform of the exercise, in its order.
    pub posts: Vec<PostGrade>,
    /// The names of the platforms with no post.
    pub missing: Vec<String>,
    /// Posts written for platforms the exercise does not name (ignored).
    pub extra: Vec<String>,
    pub score: f64,
    pub pass_mark: f64,
    pub passed: bool,
}

fn platform_name(id: &str) -> String {
    id.parse::<Platform>()
        .map_or_else(|_| id.to_string(), |p| p.name().to_string())
}

/// Grades one post a platform. `posts` maps platform ids to texts; a blank text is a missing
/// post.
pub fn grade(
    task: &Rewrite,
    packs: &[impl std::borrow::Borrow<RulePack>],
    posts: &BTreeMap<String, String>,
) -> PostsGrade {
    let mut graded = Vec::new();
    let mut missing = Vec::new();
    for id in &task.platforms {
        let name = platform_name(id);
        let text = posts.get(id).map(String::as_str).unwrap_or_default();
        if text.trim().is_empty() {
            missing.push(name.clone());
            graded.push(PostGrade {
                platform: id.clone(),
                name,
                grade: None,
                fold: None,
                score: 0.0,
                passed: false,
            });
            continue;
        }
        let g = rewrite::grade(task, packs, text, Some(id));
        let fold = id.parse::<Platform>().ok().and_then(|p| {
            let at = compose::platform::fold(text, p)?;
            let shown = &text[..at.byte];
            // The same fact matching as the whole post, on the part the feed shows.
            let facts_before: Vec<String> = rewrite::grade(task, packs, shown, Some(id))
                .facts
                .into_iter()
                .filter(|f| f.found.is_some())
                .map(|f| f.fact)
                .collect();
            let penalty = if task.facts.is_empty() || !facts_before.is_empty() {
                0.0
            } else {
                FOLD_POINTS
            };
            Some(FoldCheck {
                shown: at.char,
                facts_before,
                penalty,
            })
        });
        let penalty = fold.as_ref().map_or(0.0, |f| f.penalty);
        let score = ((g.score - penalty).max(0.0) * 10.0).round() / 10.0;
        let passed = g.passed && score + 1e-9 >= task.pass_mark;
        graded.push(PostGrade {
            platform: id.clone(),
            name,
            grade: Some(g),
            fold,
            score,
            passed,
        });
    }
    let extra = posts
        .iter()
        .filter(|(id, text)| !text.trim().is_empty() && !task.platforms.contains(id))
        .map(|(id, _)| id.clone())
        .collect();
    let score = if graded.is_empty() {
        0.0
    } else {
        let sum: f64 = graded.iter().map(|p| p.score).sum();
        (sum / graded.len() as f64 * 10.0).round() / 10.0
    };
    let passed = !graded.is_empty() && graded.iter().all(|p| p.passed);
    PostsGrade {
        posts: graded,
        missing,
        extra,
        score,
        pass_mark: task.pass_mark,
        passed,
    }
}

impl PostsGrade {
    /// What went wrong, in the trainer's words: a missing post, then each post's own mistakes
    /// prefixed with its platform.
    pub fn mistakes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.posts {
            match &p.grade {
                None => out.push(format!("No post for {}", p.name)),
                Some(g) => {
                    for m in super::Grade::Rewrite(g.clone()).mistakes() {
                        out.push(format!("{}: {m}", p.name));
                    }
                    if p.fold.as_ref().is_some_and(|f| f.penalty > 0.0) {
                        out.push(format!("{}: no key fact before the fold", p.name));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::Fact;

    fn task(platforms: &[&str]) -> Rewrite {
        Rewrite {
            source: String::new(),
            source_text: String::new(),
            platforms: platforms.iter().map(|p| p.to_string()).collect(),
            rules: vec![],
            pass_mark: 70.0,
            model_answers: vec![],
            facts: vec![Fact::new("date", r#""16 February""#, &[], false).expect("a rule")],
        }
    }

    fn posts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn every_platform_needs_its_post() {
        let t = task(&["x", "facebook"]);
        let good = "The ferry runs 3 times a day from 16 February.";
        let g = grade(
            &t,
            &[] as &[RulePack],
            &posts(&[("x", good), ("facebook", good)]),
        );
        assert!(g.passed, "{g:?}");
        assert_eq!(g.score, 100.0);
        assert!(g.missing.is_empty());

        let g = grade(
            &t,
            &[] as &[RulePack],
            &posts(&[("x", good), ("facebook", "  ")]),
        );
        assert!(!g.passed);
        assert_eq!(g.missing, ["Facebook"]);
        assert_eq!(g.score, 50.0);
        assert_eq!(g.mistakes(), ["No post for Facebook"]);
    }

    #[test]
    fn each_post_is_marked_for_its_own_platform() {
        let t = task(&["x", "mastodon"]);
        // 400 characters: fits Mastodon, not X.
        let long = format!(
            "From 16 February the ferry runs 3 times a day. {}",
            "Book ahead. ".repeat(29)
        );
        let g = grade(
            &t,
            &[] as &[RulePack],
            &posts(&[("x", &long), ("mastodon", &long)]),
        );
        assert!(!g.posts[0].passed);
        assert!(g.posts[1].passed, "{:?}", g.posts[1]);
        assert!(!g.passed);
        assert!(g.mistakes().iter().any(|m| m.starts_with("X: Too long")));
        // Extra platforms are noted, not graded.
        let g = grade(
            &t,
            &[] as &[RulePack],
            &posts(&[
                ("x", "16 February"),
                ("mastodon", "16 February"),
                ("threads", "hi"),
            ]),
        );
        assert_eq!(g.extra, ["threads"]);
        assert_eq!(g.posts.len(), 2);
    }

    #[test]
    fn the_fold_must_carry_a_key_fact() {
        let t = task(&["instagram"]);
        let late = format!(
            "{}\nFrom 16 February.",
            "The island ferry is changing. ".repeat(5)
        );
        let g = grade(&t, &[] as &[RulePack], &posts(&[("instagram", &late)]));
        let fold = g.posts[0].fold.as_ref().expect("folds");
        assert_eq!(fold.penalty, FOLD_POINTS);
        assert!(fold.facts_before.is_empty());
        let base = g.posts[0].grade.as_ref().expect("graded").score;
        assert_eq!(g.posts[0].score, base - FOLD_POINTS);
        assert!(g.mistakes().iter().any(|m| m.contains("before the fold")));

        let early = format!(
            "From 16 February the ferry changes.\n{}",
            "More news. ".repeat(15)
        );
        let g = grade(&t, &[] as &[RulePack], &posts(&[("instagram", &early)]));
        let fold = g.posts[0].fold.as_ref().expect("folds");
        assert_eq!(fold.penalty, 0.0);
        assert_eq!(fold.facts_before, ["date"]);
    }
}
