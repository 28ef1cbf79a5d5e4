//! What the trainees of the load test send: a monitoring query, a rewrite or a triage, in
//! turn, with good, poor and unparseable answers mixed so grading meets every path; and one
//! attempt as a browser makes it, the same for one node and for two behind the proxy.

use std::sync::Mutex;

use super::http::request;
use super::timings::Timings;
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

/// The trainer's choice for every class: the three exercises, in this order, as form fields.
pub fn chosen_exercises() -> Vec<(String, String)> {
    [MONITOR, REWRITE, TRIAGE]
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            [
                ("exercise".to_string(), e.to_string()),
                (format!("position:{e}"), (i + 1).to_string()),
            ]
        })
        .collect()
}

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

/// A learner at work: who it is in messages ("trainee 7", "learner 7"), its client and session.
pub struct Learner<'a> {
    pub who: &'a str,
    pub t: usize,
    pub http: &'a reqwest::Client,
    pub base: &'a str,
    pub cookie: &'a str,
}

/// Attempt `k`: submits the answer, then loads the feedback page the submission redirects to,
/// as a browser does, timing both by the node that answered. The attempt's id when the
/// submission was acknowledged, and how many requests failed.
pub async fn attempt(
    l: &Learner<'_>,
    k: usize,
    triage_ids: &[String],
    timings: &Mutex<Timings>,
) -> (Option<String>, usize) {
    let (exercise, kind, fields) = answer(l.t, k, triage_ids);
    let path = format!("/exercises/{exercise}/attempts");
    let who = l.who;
    let r = match request(l.http, l.base, &path, Some(l.cookie), Some(&fields)).await {
        Ok(a) if a.status == 303 => a,
        Ok(a) => {
            eprintln!("{who} attempt {k}: status {}", a.status);
            return (None, 1);
        }
        Err(e) => {
            eprintln!("{who} attempt {k}: {e}");
            return (None, 1);
        }
    };
    if let Ok(mut tm) = timings.lock() {
        tm.add(&r.node, "submit", r.took);
        tm.add(&r.node, kind, r.took);
    }
    let id = r
        .location
        .split("attempt=")
        .nth(1)
        .and_then(|s| s.split('#').next())
        .unwrap_or_default()
        .to_string();
    let feedback = r.location.split('#').next().unwrap_or_default();
    let errors = match request(l.http, l.base, feedback, Some(l.cookie), None).await {
        Ok(a) if a.status == 200 => {
            if let Ok(mut tm) = timings.lock() {
                tm.add(&a.node, "feedback", a.took);
            }
            0
        }
        Ok(a) => {
            eprintln!("{who} feedback {k}: status {}", a.status);
            1
        }
        Err(e) => {
            eprintln!("{who} feedback {k}: {e}");
            1
        }
    };
    (Some(id), errors)
}
