//! Brandwatch Consumer Research. Sources: Brandwatch's "Advanced Query Operators" help page
//! (support.brandwatch.com, article 204114708) and its community guide "Boolean explained:
//! proximity operators" (community.brandwatch.com).

use super::*;

pub(super) const RULES: Rules = Rules {
    label: "Brandwatch",
    // Operators in capitals only; lower-case `and` is a word ("Boolean Operator Guide").
    and: " AND ",
    // `AND NOT` between two clauses; a query of exclusions only is refused.
    not: NotRule::AndNot,
    // `NEAR/n`, and `NEAR/nf` for "the first word first" (community guide; the advanced operators
    // page shows `logitech NEAR/2f keyboard`). No AND inside NEAR, which Sandpit refuses too.
    near: Some(NearRules {
        word: "NEAR/",
        ordered: Ordered::Suffix("f"),
        max: 100,
        offset: 0,
        bracketed: false,
    }),
    // `*` and `?` within a word; not at the start of a word.
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
    // `{BT}` matches only that letter case.
    case: CaseRule::Braces,
    // `title:`, `author:` and `site:` are on the advanced operators page; dates and languages
    // are set on the query, outside the Boolean.
    fields: FieldRules {
        title: Some("title:"),
        author: Some("author:"),
        site: Some("site:"),
        after: None,
        before: None,
    },
    stems: false,
    implicit_proximity: false,
    capitals_case_sensitive: false,
    // `<<<comment>>>` is ignored by the search.
    comments: true,
};
