//! Pulsar TRAC. Sources: Pulsar's help centre, "TRAC Boolean special operators reference sheet"
//! (intercom.help/pulsar, article 11778545) and "Keyword filtering operator guide" (article
//! 2089410).

use super::*;

pub(super) const RULES: Rules = Rules {
    label: "Pulsar",
    // "Keyword groups must be enclosed in parentheses regardless of the order of operators":
    // the writer brackets every group where AND and OR meet.
    and: " AND ",
    // `orange AND -juice`.
    not: NotRule::AndMinus,
    // `(Term NEAR/N Term)` with N at most 7, brackets around the whole; no ordered form.
    near: Some(NearRules {
        word: "NEAR/",
        ordered: Ordered::None,
        max: 7,
        offset: 0,
        bracketed: true,
    }),
    // Only at the end of a word, after at least four letters; at most 5 wildcard words; never
    // inside another special operator; a wildcard needs a word without one beside it in an AND.
    wildcard: WildcardRules {
        supported: true,
        min_prefix: 4,
        advised_max_prefix: None,
        question_mark: false,
        trailing_only: true,
        max_count: Some(5),
        in_near: false,
        needs_plain_and: true,
    },
    // `!"NASA"`.
    case: CaseRule::Bang,
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
