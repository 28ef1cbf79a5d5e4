//! Posting practice: platform character counting, the style rule engine and its packs, and
//! readability. Pure: text in, counts and findings out.
//!
//! The one call the rest of the program needs is [`check`]:
//!
//! ```
//! use sandpit::compose::{self, Platform};
//! let packs = compose::packs::builtin().unwrap();
//! let result = compose::check("Apply by Friday: gov.uk/apply", &[Platform::X.profile()], &packs);
//! assert_eq!(result.counts[0].length, 40);
//! ```

pub mod count; // platform profiles: length, limit, validity, overflow offset
pub mod emoji; // emoji sequences (generated Unicode table)
pub mod packs; // built-in rule packs and the TOML pack loader
pub mod platform; // each platform's own findings and where its feed folds a post
pub mod prose; // a draft as links, tags, sentences and words
pub mod readability; // Flesch reading ease, Flesch-Kincaid grade, syllables
pub mod rules; // the rule engine: rules, findings, built-in analysers
pub mod twitter; // X: twitter-text v3 weighted counting and URL extraction

use serde::Serialize;

pub use count::{Count, Offset, Platform, Profile, UnknownPlatform, count};
pub use packs::PackError;
pub use readability::Readability;
pub use rules::{Finding, RulePack, Severity, Span};

/// Everything Sandpit says about a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// One per platform asked for, in the order asked.
    pub counts: Vec<Count>,
    /// Findings of every pack, in draft order (findings about the whole draft last).
    pub findings: Vec<Finding>,
    /// `None` when the draft has no words.
    pub readability: Option<Readability>,
}

/// `check` with each platform's default profile and the built-in rule packs, as the composer
/// checks a draft: what drills and own-topic drafts are checked by.
pub fn check_with_builtin_packs(text: &str, platforms: &[Platform]) -> Result<Check, PackError> {
    let profiles: Vec<Profile> = platforms.iter().map(|p| p.profile()).collect();
    Ok(check(text, &profiles, packs::builtin_shared()?))
}

/// Counts `text` for each platform and checks it against each rule pack and each platform's own
/// findings (`platform.rs`).
pub fn check(
    text: &str,
    platforms: &[Profile],
    packs: &[impl std::borrow::Borrow<RulePack>],
) -> Check {
    let counts = platforms.iter().map(|&p| count::count(text, p)).collect();
    let doc = prose::Doc::new(text);
    let mut findings: Vec<Finding> = packs.iter().flat_map(|p| p.borrow().check(&doc)).collect();
    // Each platform's own findings, once per platform; one that says what a pack already says
    // (the same span and fix, e.g. a lower-case hashtag) is left out.
    let mut seen: Vec<Platform> = Vec::new();
    for profile in platforms {
        if seen.contains(&profile.platform) {
            continue;
        }
        seen.push(profile.platform);
        for f in platform::findings(text, profile.platform) {
            let said = findings
                .iter()
                .any(|g| g.fix.is_some() && g.fix == f.fix && g.span == f.span);
            if !said {
                findings.push(f);
            }
        }
    }
    // Stable sort: by position, whole-draft findings after the rest, pack order kept.
    findings.sort_by_key(|f| f.span.as_ref().map_or(usize::MAX, |s| s.start.byte));
    Check {
        counts,
        findings,
        readability: readability::score(&doc),
    }
}
