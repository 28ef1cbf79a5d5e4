//! Google web search. Source: Google Search Help, "Refine web searches" (support.google.com,
//! answer 2466433) and Google Search Central's documentation of search operators.

use super::*;

pub(super) const RULES: Rules = Rules {
    label: "Google",
    // Words side by side must all appear; `OR` in capitals; `-` excludes. NOT is a word.
    and: " ",
    not: NotRule::Minus,
    // No proximity operator.
    near: None,
    // `*` stands for a whole word inside a phrase, never for part of a word.
    wildcard: WildcardRules {
        supported: false,
        min_prefix: 0,
        advised_max_prefix: None,
        question_mark: false,
        trailing_only: false,
        max_count: None,
        in_near: false,
        needs_plain_and: false,
    },
    case: CaseRule::None,
    // `intitle:`, `site:`, `after:` and `before:` (YYYY-MM-DD).
    fields: FieldRules {
        title: Some("intitle:"),
        author: None,
        site: Some("site:"),
        after: Some("after:"),
        before: Some("before:"),
    },
    // Google also finds other forms and synonyms of a word unless it is in quotes.
    stems: true,
    implicit_proximity: false,
    capitals_case_sensitive: false,
    comments: false,
};
