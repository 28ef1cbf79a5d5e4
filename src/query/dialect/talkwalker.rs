//! Talkwalker. Source: Talkwalker's developer documentation, "Query syntax" and "Special
//! transformations" (developer.talkwalker.com/docs/query-syntax).

use super::*;

pub(super) const RULES: Rules = Rules {
    label: "Talkwalker",
    // Words side by side with no operator are a proximity search ("cat dog mouse bird" runs as
    // `"cat dog mouse bird"~30`), so AND is always written.
    and: " AND ",
    not: NotRule::AndNot,
    // `NEAR/n`, and `ONEAR/n` for the ordered form.
    near: Some(NearRules {
        word: "NEAR/",
        ordered: Ordered::Prefix("O"),
        max: 100,
        offset: 0,
        bracketed: false,
    }),
    wildcard: WildcardRules {
        supported: true,
        min_prefix: 1,
        advised_max_prefix: None,
        question_mark: true,
        trailing_only: false,
        max_count: None,
        in_near: true,
        needs_plain_and: false,
    },
    // A word in capitals alone is searched in exactly that case; there is no operator for a
    // mixed-case word.
    case: CaseRule::None,
    fields: FieldRules {
        title: Some("title:"),
        author: None,
        site: None,
        after: None,
        before: None,
    },
    stems: false,
    implicit_proximity: true,
    capitals_case_sensitive: true,
    comments: false,
};
