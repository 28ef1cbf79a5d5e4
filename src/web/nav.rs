//! The site's main navigation: which links each kind of viewer gets, and which one is the
//! section being viewed. The classroom gate (`session.rs`), which already knows who is asking,
//! sets the viewer for the length of each request; `base.html` asks for the links. Pages the
//! gate itself or an extractor renders (refusals, errors) get the same navigation as any page,
//! since they are rendered within the request too.

use std::future::Future;

tokio::task_local! {
    /// Who is viewing, and the path they asked for: set per request, never shared between
    /// requests (each request's future has its own).
    static VIEWING: Viewing;
}

/// Who is looking at a page, as far as the navigation is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// Sandpit without `--classroom`: one learner, no login.
    SelfLearner,
    /// Classroom mode, no session: only the ways in are open.
    Visitor,
    /// A trainee in a class.
    Trainee,
    /// The trainer, signed in.
    Trainer,
    /// A programme's learner, signed in to their account.
    Learner,
}

#[derive(Debug, Clone)]
struct Viewing {
    viewer: Viewer,
    path: String,
}

/// A link of the main navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: &'static str,
    pub label: &'static str,
    /// The value of `aria-current`: `page` on the page itself, `true` within its section.
    pub current: Option<&'static str>,
}

/// The links a viewer can use, in order. Nothing the viewer would be refused: a trainee does
/// not see the trainer's live feeds, a visitor sees only the way in.
fn destinations(viewer: Viewer) -> &'static [(&'static str, &'static str)] {
    const SEARCH: (&str, &str) = ("/search", "Monitoring search");
    const COMPOSE: (&str, &str) = ("/compose", "Post composer");
    const EXERCISES: (&str, &str) = ("/exercises", "Exercises");
    const PROGRESS: (&str, &str) = ("/progress", "Your progress");
    const FEEDS: (&str, &str) = ("/feeds", "Live feeds");
    match viewer {
        Viewer::SelfLearner => &[
            ("/programme", "Your programme"),
            SEARCH,
            COMPOSE,
            EXERCISES,
            PROGRESS,
            FEEDS,
        ],
        Viewer::Visitor => &[("/join", "Join your class")],
        Viewer::Trainee => &[
            SEARCH,
            COMPOSE,
            ("/class", "Your class"),
            EXERCISES,
            PROGRESS,
        ],
        Viewer::Learner => &[
            ("/learn", "Your programme"),
            SEARCH,
            COMPOSE,
            EXERCISES,
            PROGRESS,
        ],
        Viewer::Trainer => &[
            ("/trainer", "Your classes"),
            ("/trainer/programmes", "Programmes"),
            SEARCH,
            COMPOSE,
            EXERCISES,
            FEEDS,
        ],
    }
}

/// The links for `viewer` on `path`, the section the path is in marked current.
pub fn links_for(viewer: Viewer, path: &str) -> Vec<Link> {
    let within = |href: &str| {
        path == href
            || path
                .strip_prefix(href)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    // The longest match is the section: /trainer/upload is within "Your classes" only if no
    // link is nearer.
    let section = destinations(viewer)
        .iter()
        .filter(|(href, _)| within(href))
        .map(|(href, _)| *href)
        .max_by_key(|href| href.len());
    destinations(viewer)
        .iter()
        .map(|&(href, label)| Link {
            href,
            label,
            current: (section == Some(href)).then_some(if path == href { "page" } else { "true" }),
        })
        .collect()
}

/// The links for the request being answered; none outside a request (a template rendered in a
/// unit test), rather than links the viewer might not be allowed to follow.
pub fn links() -> Vec<Link> {
    VIEWING
        .try_with(|v| links_for(v.viewer, &v.path))
        .unwrap_or_default()
}

/// Whether the viewer may write reflections after attempts (docs/programmes.md): a programme's
/// learner, or the self-learner; not a trainee or the trainer.
pub fn reflects() -> bool {
    VIEWING
        .try_with(|v| matches!(v.viewer, Viewer::SelfLearner | Viewer::Learner))
        .unwrap_or(false)
}

/// Runs `f` (the rest of a request) with `viewer` looking at `path`.
pub async fn viewing<F: Future>(viewer: Viewer, path: String, f: F) -> F::Output {
    VIEWING.scope(Viewing { viewer, path }, f).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(viewer: Viewer) -> Vec<&'static str> {
        links_for(viewer, "/").iter().map(|l| l.label).collect()
    }

    #[test]
    fn each_viewer_gets_what_they_can_use() {
        assert_eq!(
            labels(Viewer::SelfLearner),
            [
                "Your programme",
                "Monitoring search",
                "Post composer",
                "Exercises",
                "Your progress",
                "Live feeds"
            ]
        );
        assert_eq!(
            labels(Viewer::Trainee),
            [
                "Monitoring search",
                "Post composer",
                "Your class",
                "Exercises",
                "Your progress"
            ]
        );
        assert!(labels(Viewer::Trainer).contains(&"Your classes"));
        assert!(labels(Viewer::Trainer).contains(&"Live feeds"));
        assert_eq!(labels(Viewer::Visitor), ["Join your class"]);
    }

    #[test]
    fn the_links_match_the_gate() {
        use super::super::session::{is_public, is_trainer_only};
        for viewer in [Viewer::Visitor, Viewer::Trainee] {
            for l in links_for(viewer, "/") {
                assert!(!is_trainer_only(l.href), "{viewer:?} sees {}", l.href);
                if viewer == Viewer::Visitor {
                    assert!(is_public(l.href), "{}", l.href);
                }
            }
        }
    }

    #[test]
    fn the_current_section_is_marked() {
        let current = |viewer, path| -> Vec<(&str, &str)> {
            links_for(viewer, path)
                .into_iter()
                .filter_map(|l| Some((l.href, l.current?)))
                .collect()
        };
        assert_eq!(
            current(Viewer::SelfLearner, "/exercises"),
            [("/exercises", "page")]
        );
        assert_eq!(
            current(Viewer::SelfLearner, "/exercises/storm-01"),
            [("/exercises", "true")]
        );
        assert_eq!(
            current(Viewer::Trainee, "/class/evaluation"),
            [("/class", "true")]
        );
        assert_eq!(
            current(Viewer::Trainer, "/trainer/classes/x/board"),
            [("/trainer", "true")]
        );
        assert!(current(Viewer::SelfLearner, "/").is_empty());
        assert!(current(Viewer::SelfLearner, "/exercisesx").is_empty());
        assert!(current(Viewer::Trainee, "/feeds").is_empty());
    }

    #[tokio::test]
    async fn the_viewer_lasts_for_the_request_only() {
        assert!(links().is_empty(), "no links outside a request");
        let inside = viewing(Viewer::Trainee, "/class".into(), async { links() }).await;
        assert_eq!(inside.len(), 5);
        assert_eq!(inside[2].current, Some("page"));
        assert!(links().is_empty());
    }
}
