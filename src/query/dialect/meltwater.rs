//! Meltwater. Sources: Meltwater's help centre, "Explore search performance and best practices"
//! (help.meltwater.com, article 11465451) and its Boolean operator guide.

use super::*;

pub(super) const RULES: Rules = Rules {
    label: "Meltwater",
    and: " AND ",
    not: NotRule::AndNot,
    // `NEAR/n`; a bare `NEAR` means NEAR/4, so the distance is always written. No ordered form.
    // Meltwater advises NEARs of 10 or less; larger ones are accepted.
    near: Some(NearRules {
        word: "NEAR/",
        ordered: Ordered::None,
        max: 100,
        offset: 0,
        bracketed: false,
    }),
    // "Use MAX 9 characters in front of a wildcard".
    wildcard: WildcardRules {
        supported: true,
        min_prefix: 1,
        advised_max_prefix: Some(9),
        question_mark: true,
        trailing_only: false,
        max_count: None,
        in_near: true,
        needs_plain_and: false,
    },
    case: CaseRule::None,
    fields: FieldRules {
        title: None,
        author: None,
        site: None,
        after: None,
        before: None,
    },
    stems: false,
    implicit_proximity: false,
    capitals_case_sensitive: false,
    comments: false,
};
