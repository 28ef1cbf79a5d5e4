//! Tests of `marking` (kept apart so the rules read on one screen).
use super::*;
use crate::catalog::exercises::{Fact, Rule};
use crate::catalog::scenarios::{Countdown, Enquiry};

fn fact(name: &str, rule: &str, contradicts: &[&str]) -> Fact {
    Fact {
        fact: name.into(),
        rule: Rule::parse(rule).unwrap(),
        contradicts: contradicts
            .iter()
            .map(|c| Rule::parse(c).unwrap())
            .collect(),
        gate: false,
    }
}

fn enquiry(by: Option<&str>) -> Inject {
    Inject {
        id: "echo".into(),
        at: Offset::minutes(18),
        content: Content::MediaEnquiry(Enquiry {
            outlet: "Vale Echo".into(),
            from: "A reporter".into(),
            text: "How many heaters are affected?".into(),
            deadline: Offset::minutes(50),
        }),
        expect: Some(Expectation {
            reaction: "Answer with the models and the number.".into(),
            deliverable: Deliverable::Statement,
            platform: None,
            by: by.map(|b| Offset::parse(b).unwrap()),
            facts: vec![
                fact("the models", "BX410 BX420", &[]),
                fact("the number", "\"0800 555 0177\"", &["\"0800 555 0171\""]),
            ],
            model: None,
        }),
        line: 1,
    }
}

fn packs() -> Vec<RulePack> {
    compose::packs::builtin().unwrap()
}

fn answer(deliverable: &'static str, text: &'static str, minute: i64) -> Answer<'static> {
    Answer {
        deliverable,
        platform: None,
        text,
        drill_ms: minute * 60_000,
    }
}

#[test]
fn facts_found_missing_and_wrong() {
    let i = enquiry(None);
    let packs = packs();
    let right = mark(
        Some(&i),
        answer(
            "statement",
            "The BX410 and BX420 are recalled. Call 0800 555 0177.",
            30,
        ),
        &packs,
    );
    assert_eq!(right.count(FactStatus::Found), 2);
    assert_eq!(right.parts[1].points, FACT_POINTS);
    let missing = mark(
        Some(&i),
        answer("statement", "The BX410 and BX420 are recalled.", 30),
        &packs,
    );
    assert_eq!(missing.count(FactStatus::Missing), 1);
    assert_eq!(missing.parts[1].points, FACT_POINTS / 2.0);
    let wrong = mark(
        Some(&i),
        answer(
            "statement",
            "The BX410 and BX420 are recalled. Call 0800 555 0171.",
            30,
        ),
        &packs,
    );
    assert_eq!(wrong.count(FactStatus::Contradicted), 1);
    assert_eq!(wrong.parts[1].points, 0.0, "one right, one wrong: nothing");
    assert!(right.score > missing.score && missing.score > wrong.score);
}

#[test]
fn lateness_after_by_or_the_deadline() {
    let packs = packs();
    let text = "The BX410 and BX420 are recalled. Call 0800 555 0177.";
    // Without `by`, the enquiry's deadline (T+00:50) is when it is due.
    let i = enquiry(None);
    let on_time = mark(Some(&i), answer("statement", text, 50), &packs);
    assert_eq!(on_time.due_ms, Some(50 * 60_000));
    assert!(!on_time.late());
    assert_eq!(on_time.took_ms, Some(32 * 60_000));
    let time = |m: &Mark| m.parts.iter().find(|p| p.name == "Time").unwrap().points;
    assert_eq!(time(&on_time), TIME_POINTS);
    // 32 minutes allowed; 16 minutes late loses half the time points.
    let late = mark(Some(&i), answer("statement", text, 66), &packs);
    assert_eq!(late.late_ms, Some(16 * 60_000));
    assert!((time(&late) - TIME_POINTS / 2.0).abs() < 1e-9);
    // `by` comes before the deadline.
    let i = enquiry(Some("T+00:30"));
    let m = mark(Some(&i), answer("statement", text, 40), &packs);
    assert_eq!(m.late_ms, Some(10 * 60_000));
    assert!(time(&m) < TIME_POINTS);
    // A countdown's deadline counts when there is no `by`.
    let c = Inject {
        id: "countdown".into(),
        at: Offset::minutes(1),
        content: Content::Countdown(Countdown {
            text: "Press conference".into(),
            deadline: Offset::minutes(60),
        }),
        expect: i.expect.clone().map(|mut e| {
            e.by = None;
            e
        }),
        line: 1,
    };
    assert_eq!(due(&c), Some(Offset::minutes(60)));
}

#[test]
fn the_deliverable_kind_counts() {
    let packs = packs();
    let i = enquiry(None);
    let text = "The BX410 and BX420 are recalled. Call 0800 555 0177.";
    let right = mark(Some(&i), answer("statement", text, 30), &packs);
    assert_eq!(right.deliverable_ok, Some(true));
    let wrong = mark(Some(&i), answer("post", text, 30), &packs);
    assert_eq!(wrong.deliverable_ok, Some(false));
    assert_eq!(wrong.parts[0].points, 0.0);
    assert!(wrong.parts[0].why.contains("statement was expected"));
    // Holding back states no facts, whatever the text says.
    let nothing = mark(Some(&i), answer("nothing", text, 30), &packs);
    assert_eq!(nothing.count(FactStatus::Found), 0);
    assert!(nothing.score < wrong.score);
}

#[test]
fn platform_limits_and_style() {
    let packs = packs();
    let long = "Heaters. ".repeat(60);
    let a = Answer {
        deliverable: "post",
        platform: Some("x"),
        text: &long,
        drill_ms: 0,
    };
    let m = mark(None, a, &packs);
    assert_eq!(m.fits, Some(false));
    assert_eq!(m.platform.as_deref(), Some("x"));
    assert!(
        m.parts
            .iter()
            .any(|p| p.name == "Platform" && p.points == 0.0)
    );
    let short = mark(
        None,
        Answer {
            text: "Stop using BX410 heaters now.",
            ..a
        },
        &packs,
    );
    assert_eq!(short.fits, Some(true));
    assert!(short.score > m.score);
    assert_eq!(short.took_ms, None, "no inject, no time taken");
}

fn target(post: &str, group: &str, minute: i64, text: &str) -> Target {
    Target {
        post_id: post.into(),
        group: group.into(),
        why: "test".into(),
        at_ms: minute * 60_000,
        document: Document {
            id: post.into(),
            title: String::new(),
            body: text.into(),
            author: "someone".into(),
            source: "microblog".into(),
            source_name: String::new(),
            url: String::new(),
            published: chrono::DateTime::UNIX_EPOCH,
            lang: "en".into(),
            kind: "post".into(),
            tags: Vec::new(),
            mentions: Vec::new(),
            host: String::new(),
        }
        .derive(),
    }
}

#[test]
fn alerts_catch_from_when_the_search_existed() {
    let targets = vec![
        target("p1", "scam", 10, "Claim your refund portal money now"),
        target("p2", "scam", 12, "Another refund portal link"),
        target("p3", "abuse", 15, "You useless press officer"),
        target("p4", "late", 40, "refund portal again"),
    ];
    let alerts = [
        // Saved at T+00:11: catches p1 when saved (1 min late) and p2 as it comes.
        Alert {
            id: "s1",
            learner: "ann",
            query: "\"refund portal\"",
            created_ms: 11 * 60_000,
            deleted_ms: None,
        },
        // Deleted at T+00:14, before p3 came: it catches nothing.
        Alert {
            id: "s2",
            learner: "ann",
            query: "useless",
            created_ms: 0,
            deleted_ms: Some(14 * 60_000),
        },
        Alert {
            id: "s3",
            learner: "bob",
            query: "useless OR (",
            created_ms: 0,
            deleted_ms: None,
        },
    ];
    let c = catches(&targets, &alerts, &["ann", "bob"], 30 * 60_000);
    let get = |l: &str, g: &str| c.iter().find(|x| x.learner == l && x.group == g).unwrap();
    let scam = get("ann", "scam");
    assert_eq!(scam.caught_ms, Some(11 * 60_000));
    assert_eq!(scam.delay_ms(), Some(60_000));
    assert_eq!((scam.posts_caught, scam.posts), (2, 2));
    assert_eq!(scam.search.as_deref(), Some("s1"));
    assert_eq!(get("ann", "abuse").caught_ms, None);
    // A query that does not parse catches nothing.
    assert_eq!(get("bob", "scam").caught_ms, None);
    // Not released yet at T+00:30: not a target.
    assert!(c.iter().all(|x| x.group != "late"));
    assert_eq!(c.len(), 4);
}
