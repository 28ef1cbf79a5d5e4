//! Generated drill scenario TOML, mostly valid so that every check of the scenario reader is
//! reached: times, kinds, references, wave templates and curves, a replay window.

use super::*;
use sandpit::catalog::scenarios;

/// A field that is nearly always `good`: a file has some twenty fields, and each must be
/// right for the file to load and its stream to be checked.
fn mostly(good: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![16 => select(good).prop_map(toml_string), 1 => toml_value()]
}

fn number(good: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![16 => select(good).prop_map(str::to_string), 1 => toml_number(good)]
}

fn toml_time(good: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        30 => select(good).prop_map(toml_string),
        1 => select(&["T+", "T+:", "T+9999:59:59", "T+0:60", "T+00:05:", "T-00:05", "T+٣:٠٥", "T+1:30:00"][..]).prop_map(toml_string),
        1 => toml_value(),
    ]
}

/// One scenario file: a replay (sometimes), a wave and three injects, each field usually good.
pub(crate) fn scenario_toml() -> BoxedStrategy<String> {
    let head = (
        number(&["60", "90", "600"]),
        prop_oneof![3 => Just(String::new()), 1 => (
            mostly(&["storm-harriet", "trade-mission", "vaccination-drive"]),
            mostly(&["2026-02-03", "2026-02-01T00:00:00Z"]),
            mostly(&["45m", "1h", "90s", "2h30m", "45"]),
        ).prop_map(|(c, f, l)| format!("[replay]\ncorpus = {c}\nfrom = {f}\ncompress_to = {l}\n"))],
    );
    let wave = (
        toml_time(&["T+00:05", "T+00:00"]),
        toml_time(&["T+00:40", "T+01:00"]),
        number(&["500", "1", "20000"]),
        prop_oneof![
            16 => Just("[1, 4, 1]".to_string()),
            1 => prop::collection::vec(toml_number(&["0", "1", "2.5"]), 0..5).prop_map(|v| format!("[{}]", v.join(", "))),
        ],
        prop_oneof![16 => Just(toml_string("Water on {street} {n}")), 1 => text().prop_map(|s| toml_string(&s)), 1 => toml_value()],
        mostly(&["microblog", "group", "forum", "news"]),
        number(&["7", "0"]),
        prop_oneof![12 => Just(String::new()), 1 => usually(&["photo", "brief", "nothing"]).prop_map(|t| format!("quote_of = {t}\n"))],
    )
        .prop_map(|(from, until, posts, shape, template, platform, seed, link)| {
            format!(
                "[[waves]]\nid = \"w\"\nfrom = {from}\nuntil = {until}\nposts = {posts}\nshape = {shape}\nplatform = {platform}\nseed = {seed}\ntemplates = [{template}]\nauthors = [\"Resident {{n}}\"]\nwords.street = [\"Quay Street\"]\n{link}"
            )
        });
    let injects = (
        toml_time(&["T+00:05", "T+00:06"]),
        // Mostly the kind the fields below fit, so that most files load.
        prop_oneof![16 => Just(toml_string("media_enquiry")), 1 => usually(&["post", "brief", "countdown"])],
        prop_oneof![16 => text().prop_map(|t| toml_string(&format!("Q {t}"))), 1 => toml_value()],
        prop_oneof![12 => Just(String::new()), 1 => usually(&["photo", "brief", "later"]).prop_map(|t| format!("reply_to = {t}\n"))],
        toml_time(&["T+00:30", "T+00:59"]),
        mostly(&["post", "statement", "nothing"]),
        prop_oneof![
            8 => Just(String::new()),
            8 => select(&["quay OR street", "open* NEAR/3 street"][..]).prop_map(|q| format!("[[injects.expect.facts]]\nfact = \"f\"\nmatch = {}\n", toml_string(q))),
            1 => toml_query().prop_map(|q| format!("[[injects.expect.facts]]\nfact = \"f\"\nmatch = {q}\n")),
        ],
        prop_oneof![
            8 => Just(String::new()),
            8 => Just("model = \"Quay Street is open again.\"\n".to_string()),
            1 => toml_value().prop_map(|m| format!("model = {m}\n")),
        ],
    )
        .prop_map(|(at, kind, text, link, deadline, deliverable, fact, model)| {
            format!(
                "[[injects]]\nid = \"photo\"\nat = \"T+00:04\"\nkind = \"post\"\nplatform = \"microblog\"\nauthor = \"A\"\ntext = \"Quay Street\"\n\n\
                 [[injects]]\nid = \"brief\"\nat = {at}\nkind = {kind}\ntext = {text}\noutlet = \"News\"\ndeadline = {deadline}\n{link}\
                 [injects.expect]\nreaction = \"r\"\ndeliverable = {deliverable}\nplatform = \"x\"\n{model}{fact}\n\
                 [[injects]]\nid = \"later\"\nat = \"T+00:50\"\nkind = \"post\"\nplatform = \"forum\"\nauthor = \"C\"\nrepost_of = \"photo\"\n"
            )
        });
    (head, wave, injects)
        .prop_map(|((minutes, replay), wave, injects)| {
            format!(
                "id = \"fuzz\"\ntitle = \"Fuzz\"\nminutes = {minutes}\nstart = \"2026-02-04T17:00:00Z\"\n{replay}\n[[roles]]\nid = \"press\"\nname = \"Press\"\n\n{wave}\n{injects}"
            )
        })
        .boxed()
}

/// Reading never panics, problems carry a message and a line, and a scenario that loads lays
/// out a stream in time order inside the drill, counted the same by its timeline. Returns
/// whether the file loaded.
pub(crate) fn exercise_scenario(text: &str) -> Result<bool, TestCaseError> {
    let loaded = scenarios::from_text("fuzz.toml", text);
    problems_ok(&loaded.problems)?;
    for s in &loaded.scenarios {
        let stream = s.stream();
        prop_assert!(stream.windows(2).all(|w| w[0].at <= w[1].at));
        prop_assert!(stream.iter().all(|r| r.at <= s.end()));
        let t = s.timeline();
        prop_assert_eq!(t.posts as usize, stream.len());
        prop_assert!(t.events.windows(2).all(|w| w[0].at <= w[1].at));
    }
    Ok(!loaded.scenarios.is_empty())
}
