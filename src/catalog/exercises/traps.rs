//! The skills an exercise trains (`skills = ["operators", "reading"]`, ids of
//! `catalog::skills`; left out, the rule of `Skill::of_kind`) and the trap it teaches
//! (`trap = "word-forms"`): an id that the variants of one trap share, so that practice that
//! comes back can serve a different exercise with the same trap (docs/programmes.md,
//! "Practice that comes back"). Both are checked here, each problem with its line.

use super::Kind;
use crate::catalog::skills::Skill;

/// The longest trap id, in characters.
pub const TRAP_CHARS: usize = 40;

/// The skills of an exercise of `kind` whose file says `given` (None: left out).
pub(super) fn skills(
    kind: Kind,
    given: Option<&[String]>,
    bad: &mut dyn FnMut(&str, String),
) -> Vec<Skill> {
    let Some(given) = given else {
        return Skill::of_kind(kind).to_vec();
    };
    if given.is_empty() {
        bad(
            "skills",
            "skills is empty: name at least one skill, or leave the line out to use the \
             exercise kind's skills"
                .into(),
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for id in given {
        match Skill::parse(id.trim()) {
            Some(skill) if out.contains(&skill) => {
                bad("skills", format!("skills names {id:?} twice"));
            }
            Some(skill) => out.push(skill),
            None => bad(
                "skills",
                format!(
                    "skills: unknown skill {id:?}; the skills are {}",
                    Skill::ALL.map(|s| format!("{:?}", s.id())).join(", ")
                ),
            ),
        }
    }
    out
}

/// The trap id of a file that says `given`, checked.
pub(super) fn trap(given: Option<&str>, bad: &mut dyn FnMut(&str, String)) -> Option<String> {
    let id = given?;
    let fits = !id.is_empty()
        && id.chars().count() <= TRAP_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if !fits {
        bad(
            "trap",
            format!(
                "trap {id:?}: use lower-case letters, digits and '-' (up to {TRAP_CHARS} \
                 characters, not starting or ending with '-'), for example \"word-forms\""
            ),
        );
        return None;
    }
    Some(id.to_string())
}

/// How pages name a trap: its id with the hyphens as spaces and a capital first letter
/// ("word-forms" is "Word forms").
pub fn trap_name(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::from_text;

    const BASE: &str =
        "id = \"a\"\ntitle = \"t\"\nkind = \"triage\"\nlevel = \"beginner\"\nbrief = \"b\"\n";

    fn with(extra: &str) -> crate::catalog::exercises::Catalog {
        from_text(
            "x.toml",
            &format!(
                "{BASE}{extra}\n[triage]\ncorpus = \"storm-harriet\"\npass_mark = 0.5\n\
                 [[triage.items]]\nid = \"d1\"\nlabel = \"relevant\"\n"
            ),
        )
    }

    #[test]
    fn skills_default_to_the_kind_and_can_be_named() {
        let c = with("");
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.exercises[0].skills, [Skill::Triage, Skill::Reading]);
        assert_eq!(c.exercises[0].trap, None);
        let c = with("skills = [\"triage\"]\ntrap = \"hidden-escalation\"");
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        assert_eq!(c.exercises[0].skills, [Skill::Triage]);
        assert_eq!(c.exercises[0].trap.as_deref(), Some("hidden-escalation"));
        assert_eq!(Skill::of_exercise(&c.exercises[0]), [Skill::Triage]);
    }

    #[test]
    fn bad_skills_and_traps_are_named_with_their_line() {
        let c = with("skills = [\"triage\", \"tweeting\"]");
        assert!(c.exercises.is_empty());
        assert_eq!(c.problems[0].line, Some(6), "{:?}", c.problems);
        assert!(c.problems[0].message.contains("\"tweeting\""));
        assert!(c.problems[0].message.contains("\"plain-english\""));
        let c = with("skills = []");
        assert!(c.problems[0].message.contains("skills is empty"));
        let c = with("skills = [\"triage\", \"triage\"]");
        assert!(c.problems[0].message.contains("twice"));
        let c = with("\ntrap = \"Word Forms\"");
        assert_eq!(c.problems[0].line, Some(7), "{:?}", c.problems);
        assert!(c.problems[0].message.contains("lower-case"));
        let c = with(&format!("trap = \"{}\"", "a".repeat(TRAP_CHARS + 1)));
        assert!(!c.problems.is_empty());
        let c = with("trap = \"-x\"");
        assert!(!c.problems.is_empty());
    }

    #[test]
    fn trap_names_read_as_words() {
        assert_eq!(trap_name("word-forms"), "Word forms");
        assert_eq!(trap_name("x"), "X");
        assert_eq!(trap_name(""), "");
    }
}

#[cfg(test)]
mod shipped_traps {
    use std::collections::BTreeMap;

    use crate::catalog::skills::Skill;

    /// Practice that comes back needs, for every skill, a trap it can serve again as another
    /// exercise.
    #[test]
    fn every_skill_has_a_trap_with_two_variants_or_more() {
        let catalog = crate::catalog::exercises::shipped();
        let mut traps: BTreeMap<&str, Vec<&crate::catalog::exercises::Exercise>> = BTreeMap::new();
        for e in &catalog.exercises {
            if let Some(t) = &e.trap {
                traps.entry(t).or_default().push(e);
            }
        }
        for skill in Skill::ALL {
            let found = traps.iter().find(|(_, es)| {
                es.len() >= 2 && es.iter().all(|e| Skill::of_exercise(e).contains(&skill))
            });
            assert!(found.is_some(), "no trap of {skill:?} has two variants");
        }
        // The variants of a trap are of one kind: a trap is one mistake, practised again.
        for (trap, es) in &traps {
            assert!(es.iter().all(|e| e.kind == es[0].kind), "{trap}");
        }
    }
}
