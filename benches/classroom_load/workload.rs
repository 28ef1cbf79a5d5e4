//! What the trainees of the load test send: a monitoring query, a rewrite or a triage, in
//! turn, with good, poor and unparseable answers mixed so grading meets every path.

use super::{MONITOR, REWRITE, TRIAGE};

pub const QUERIES: &[&str] = &[
    "sandbag*",
    "sandbags OR sandbag",
    "sandbag* AND (storm OR harriet)",
    "sandbag* NOT football",
    "(sandbag OR sandbags",
    "sand*",
    "\"sand bags\" OR sandbag*",
    "sandbag* NEAR/5 (depot OR collect*)",
];
pub const POSTS: &[&str] = &[
    "The library reopens on Saturday at 9am. Children's books are upstairs. No fines. Staff can help with flood grant forms. #PortEllisLibrary",
    "Library open again soon!!! Come along",
    "Port Ellis Library reopens this Saturday after the flood. Kids' books have moved upstairs and there are no fines for late returns.",
];

/// The answer for attempt `k` of trainee `t`, as form fields, and which exercise it is for.
pub fn answer(
    t: usize,
    k: usize,
    triage_ids: &[String],
) -> (&'static str, &'static str, Vec<(String, String)>) {
    match (t + k) % 3 {
        0 => (
            MONITOR,
            "monitor",
            vec![("answer".into(), QUERIES[(t * 7 + k) % QUERIES.len()].into())],
        ),
        1 => (
            REWRITE,
            "rewrite",
            vec![
                ("answer".into(), POSTS[(t + k) % POSTS.len()].into()),
                ("platform".into(), "instagram".into()),
            ],
        ),
        _ => {
            let labels = ["relevant", "not-relevant", "escalate"];
            let fields = triage_ids
                .iter()
                .enumerate()
                .map(|(i, id)| (format!("label:{id}"), labels[(i + t + k) % 3].to_string()))
                .collect();
            (TRIAGE, "triage", fields)
        }
    }
}
