//! The built-in packs: TOML beside this file, compiled into the binary, and parsed once per
//! process for everyone who checks a draft or grades an attempt.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::{PackError, load};
use crate::compose::rules::RulePack;

/// The built-in packs: id and TOML source.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "govuk-plain-english",
        include_str!("govuk-plain-english.toml"),
    ),
    ("social-accessible", include_str!("social-accessible.toml")),
];

/// Both built-in packs, the default rule set.
pub fn builtin() -> Result<Vec<RulePack>, PackError> {
    BUILTIN.iter().map(|(id, _)| load(id)).collect()
}

/// The built-in packs, parsed once per process: parsing compiles every rule's expressions, a few
/// milliseconds a pack, too slow to repeat for every draft checked or attempt graded.
pub fn builtin_shared() -> Result<&'static [RulePack], PackError> {
    static PACKS: OnceLock<Result<Vec<RulePack>, PackError>> = OnceLock::new();
    PACKS.get_or_init(builtin).as_deref().map_err(Clone::clone)
}

/// Like `load`, with the built-in packs taken from the shared copy.
pub fn load_shared(name_or_path: &str) -> Result<Cow<'static, RulePack>, PackError> {
    match BUILTIN.iter().position(|(id, _)| *id == name_or_path) {
        Some(i) => Ok(Cow::Borrowed(&builtin_shared()?[i])),
        None => load(name_or_path).map(Cow::Owned),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::packs::{TestOutcome, run_tests};

    #[test]
    fn builtin_packs_load() {
        let packs = builtin().unwrap();
        assert_eq!(packs.len(), 2);
        assert!(packs.iter().all(|p| !p.rules.is_empty()));
    }

    #[test]
    fn every_builtin_rule_has_a_hit_and_a_near_miss_and_passes_them() {
        for pack in builtin().unwrap() {
            for rule in &pack.rules {
                assert!(
                    rule.tests.iter().any(|t| t.expect.contains(&rule.id)),
                    "{} has no test that hits",
                    rule.id
                );
                assert!(
                    rule.tests.iter().any(|t| !t.expect.contains(&rule.id)),
                    "{} has no near-miss test",
                    rule.id
                );
            }
            let failed: Vec<TestOutcome> = run_tests(&pack)
                .into_iter()
                .filter(|o| !o.passed())
                .collect();
            assert!(failed.is_empty(), "failing pack tests: {failed:#?}");
        }
    }
}
