//! YouScan. Source: YouScan's help centre, "Search query language" (help.youscan.io, article
//! 642981).

use super::*;

pub(super) const RULES: Rules = Rules {
    label: "YouScan",
    // A space also means AND; it is written out.
    and: " AND ",
    not: NotRule::AndNot,
    // `/N` sets the distance without fixing the order; `hand /2 cream` allows one word between,
    // so Sandpit's NEAR/n is `/n+1`, and `/1` is side by side.
    near: Some(NearRules {
        word: "/",
        ordered: Ordered::None,
        max: 100,
        offset: 1,
        bracketed: false,
    }),
    // "wildcards … only after at least 4 characters"; only `*` is documented.
    wildcard: WildcardRules {
        supported: true,
        min_prefix: 4,
        advised_max_prefix: None,
        question_mark: false,
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
    // `<<< >>>` adds comments; queries may run over several lines.
    comments: true,
};
