//! The skills Sandpit teaches, as programmes measure them (issue 19): a placement gives a
//! learner a level in each, plans and practice that comes back are organised by them, and a
//! team's needs are stated in them. The list is fixed here; every part of a programme names a
//! skill by its [`Skill::id`].

use serde::Serialize;

use super::exercises::{Exercise, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum Skill {
    /// Writing monitoring queries: words and their forms, OR, AND, NOT, phrases, NEAR,
    /// wildcards, fields.
    Operators,
    /// Reading what a query found: what it missed, what it let in, precision and recall.
    Reading,
    /// Sorting posts quickly: relevant, not relevant, escalate.
    Triage,
    /// Writing a post for each platform: its counting, its limits, its habits.
    Platforms,
    /// Plain English: short sentences, common words, the main point first.
    PlainEnglish,
    /// Accessible posts: alt text, camel-case hashtags, no meaning carried by emoji alone.
    Accessibility,
}

impl Skill {
    pub const ALL: [Skill; 6] = [
        Skill::Operators,
        Skill::Reading,
        Skill::Triage,
        Skill::Platforms,
        Skill::PlainEnglish,
        Skill::Accessibility,
    ];

    /// The id files, URLs and the database use.
    pub fn id(self) -> &'static str {
        match self {
            Skill::Operators => "operators",
            Skill::Reading => "reading",
            Skill::Triage => "triage",
            Skill::Platforms => "platforms",
            Skill::PlainEnglish => "plain-english",
            Skill::Accessibility => "accessibility",
        }
    }

    /// The name pages show.
    pub fn name(self) -> &'static str {
        match self {
            Skill::Operators => "Monitoring queries",
            Skill::Reading => "Reading results",
            Skill::Triage => "Triage",
            Skill::Platforms => "Writing for each platform",
            Skill::PlainEnglish => "Plain English",
            Skill::Accessibility => "Accessible posts",
        }
    }

    pub fn parse(id: &str) -> Option<Skill> {
        Skill::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The skills an exercise trains when its file does not say: a monitoring exercise trains
    /// queries and reading their results, a triage exercise triage and reading, a rewrite the
    /// three writing skills.
    pub fn of_kind(kind: Kind) -> &'static [Skill] {
        match kind {
            Kind::Monitor => &[Skill::Operators, Skill::Reading],
            Kind::Triage => &[Skill::Triage, Skill::Reading],
            Kind::Rewrite => &[Skill::Platforms, Skill::PlainEnglish, Skill::Accessibility],
        }
    }

    /// The skills an exercise trains: those its file names in `skills = [...]`, else
    /// [`Skill::of_kind`]'s (the catalog fills `Exercise::skills` either way).
    pub fn of_exercise(exercise: &Exercise) -> Vec<Skill> {
        if exercise.skills.is_empty() {
            Skill::of_kind(exercise.kind).to_vec()
        } else {
            exercise.skills.clone()
        }
    }
}

impl From<Skill> for &'static str {
    fn from(s: Skill) -> &'static str {
        s.id()
    }
}

impl std::fmt::Display for Skill {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_and_are_distinct() {
        for s in Skill::ALL {
            assert_eq!(Skill::parse(s.id()), Some(s));
        }
        assert_eq!(Skill::parse("Operators"), None);
        let ids: std::collections::BTreeSet<_> = Skill::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids.len(), Skill::ALL.len());
    }

    #[test]
    fn every_skill_is_trained_by_some_kind() {
        for s in Skill::ALL {
            assert!(
                [Kind::Monitor, Kind::Triage, Kind::Rewrite]
                    .iter()
                    .any(|k| Skill::of_kind(*k).contains(&s)),
                "{s:?}"
            );
        }
    }
}
