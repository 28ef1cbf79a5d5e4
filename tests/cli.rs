//! The command line as trainers script it: imports, listing, search in single and batch mode,
//! and the exit statuses of docs/design.md ("Command line") (0 ok, 1 user error with a message, 2 bad usage).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sandpit(data: &std::path::Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sandpit binary starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("sandpit finishes")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/data/corpus/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_reports_bad_lines_and_replaces_by_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = sandpit(
        dir.path(),
        &["corpus", "import", "mini", &fixture("mini.jsonl")],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("mini: 5 added, 0 replaced, 2 rejected"),
        "{stdout}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("mini.jsonl:5: not a JSON object"),
        "{stderr}"
    );
    assert!(
        stderr.contains("mini.jsonl:6: document m5: needs a `title` or a `body`"),
        "{stderr}"
    );

    let out = sandpit(
        dir.path(),
        &["corpus", "import", "mini", &fixture("update.jsonl")],
        None,
    );
    assert!(
        text(&out.stdout).contains("mini: 1 added, 1 replaced, 0 rejected"),
        "{}",
        text(&out.stdout)
    );

    let out = sandpit(dir.path(), &["corpus", "list", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mini = list
        .as_array()
        .and_then(|a| a.iter().find(|c| c["name"] == "mini"))
        .expect("mini listed");
    assert_eq!(mini["documents"], 6);
    assert_eq!(mini["first"], "2026-02-03T09:15:00+00:00");
    assert_eq!(mini["last"], "2026-02-06T11:00:00+00:00");
}

#[test]
fn import_of_unreadable_files_fails_without_losing_the_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    sandpit(
        dir.path(),
        &["corpus", "import", "mini", &fixture("mini.jsonl")],
        None,
    );
    let out = sandpit(
        dir.path(),
        &["corpus", "import", "mini", "/no/such/file.jsonl"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("/no/such/file.jsonl: cannot read"),
        "{}",
        text(&out.stderr)
    );
    let out = sandpit(
        dir.path(),
        &["search", "--corpus", "mini", "--jsonl"],
        Some("\"storm\"\n"),
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(line["total"].as_u64().unwrap_or(0) >= 1, "{line}");
}

#[test]
fn search_batch_gives_every_id_or_an_error_with_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    sandpit(
        dir.path(),
        &["corpus", "import", "mini", &fixture("mini.jsonl")],
        None,
    );
    let out = sandpit(
        dir.path(),
        &["search", "--corpus", "mini", "--jsonl"],
        Some("\"harriet NOT #HarrietRovers\"\n\"(flood\"\n\"parcels\"\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    let mut ids: Vec<String> = serde_json::from_value(lines[0]["ids"].clone()).expect("ids");
    ids.sort();
    assert_eq!(ids, ["m1", "m4"]);
    assert_eq!(lines[0]["total"], 2);
    assert_eq!(lines[1]["query"], "(flood");
    assert_eq!(lines[1]["error"]["column"], 1);
    assert_eq!(lines[2]["ids"], serde_json::json!(["m6"]));
}

#[test]
fn user_errors_exit_1_with_a_message_and_bad_usage_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    sandpit(
        dir.path(),
        &["corpus", "import", "mini", &fixture("mini.jsonl")],
        None,
    );

    let out = sandpit(dir.path(), &["search", "--corpus", "nosuch", "flood"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no corpus named \"nosuch\""),
        "{}",
        text(&out.stderr)
    );

    let out = sandpit(
        dir.path(),
        &["search", "--corpus", "mini", "flood AND (rain"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("column"),
        "{}",
        text(&out.stderr)
    );

    let long = "flood ".repeat(1000);
    let out = sandpit(dir.path(), &["search", "--corpus", "mini", &long], None);
    assert_eq!(out.status.code(), Some(1));

    let out = sandpit(
        dir.path(),
        &["corpus", "import", "Bad Name!", &fixture("mini.jsonl")],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("corpus name"),
        "{}",
        text(&out.stderr)
    );

    let out = sandpit(dir.path(), &["search", "--no-such-flag"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn search_json_has_the_documented_shape() {
    let dir = tempfile::tempdir().expect("tempdir");
    sandpit(
        dir.path(),
        &["corpus", "import", "mini", &fixture("mini.jsonl")],
        None,
    );
    let out = sandpit(
        dir.path(),
        &[
            "search",
            "--corpus",
            "mini",
            "--json",
            "--limit",
            "1",
            "storm OR tempête",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["total"], 3);
    let hits = v["hits"].as_array().expect("hits");
    assert_eq!(hits.len(), 1);
    for key in ["id", "title", "source", "published", "url", "snippet"] {
        assert!(hits[0].get(key).is_some(), "hit lacks {key}: {}", hits[0]);
    }
}

/// `sandpit exercises grade` marks an answer as the exercise page does: the model query
/// passes and the naive one does not, a post is marked per platform, a triage file of
/// `id label` lines is read with its problems on their lines, and `--json` has the documented keys.
#[test]
fn exercises_grade_marks_queries_posts_and_triage_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let grade = |args: &[&str], stdin: Option<&str>| {
        let mut all = vec!["exercises", "grade"];
        all.extend_from_slice(args);
        sandpit(dir.path(), &all, stdin)
    };
    let json = |out: &Output| -> serde_json::Value {
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("one JSON object")
    };
    let model = json(&grade(
        &[
            "--json",
            "storm-01-sandbags",
            "sandbag OR sandbags OR \"sand bags\"",
        ],
        None,
    ));
    assert_eq!(model["exercise"], "storm-01-sandbags");
    assert_eq!(model["pass_mark"], 80.0);
    assert_eq!(model["passed"], true, "{model}");
    assert_eq!(model["grade"]["kind"], "monitor", "{model}");
    assert!(model["grade"]["false_positives"].is_array(), "{model}");
    let naive = grade(&["storm-01-sandbags", "sandbag"], None);
    assert_eq!(naive.status.code(), Some(0), "{}", text(&naive.stderr));
    let words = text(&naive.stdout);
    assert!(
        words.starts_with("storm-01-sandbags: ") && words.contains("(pass mark 80): not passed"),
        "{words}"
    );
    // A post, read from standard input, for one platform.
    let post = json(&grade(
        &["--json", "--platform", "x", "storm-13-rewrite-ferry", "-"],
        Some("test post"),
    ));
    assert_eq!(post["passed"], false, "{post}");
    assert!(post["score"].as_f64().expect("score") < 70.0);
    // Key facts found, missing and stated wrongly, each with the post's own words.
    let wrong = json(&grade(
        &["--json", "--platform", "x", "storm-13-rewrite-ferry", "-"],
        Some(
            "From 16 Feb the ferry runs 3 sailings a day. Foot passengers must book. Drivers do not need to book.",
        ),
    ));
    assert_eq!(wrong["passed"], false, "{wrong}");
    let facts = wrong["grade"]["facts"].as_array().expect("facts");
    let status = |name: &str| {
        facts
            .iter()
            .find(|f| f["fact"] == name)
            .unwrap_or_else(|| panic!("no fact {name}: {wrong}"))
    };
    assert_eq!(
        status("when the reduced timetable starts")["status"],
        "found"
    );
    assert_eq!(
        status("when the reduced timetable starts")["found"],
        "From 16 Feb the ferry runs 3 sailings a day."
    );
    assert_eq!(status("where to find times and book")["status"], "missing");
    let drivers = status("vehicles must be booked");
    assert_eq!(drivers["status"], "contradicted", "{wrong}");
    assert_eq!(drivers["contradicted"], "Drivers do not need to book.");
    assert_eq!(drivers["gate"], true);
    assert_eq!(
        status("foot passengers travel as normal")["status"],
        "contradicted"
    );
    let blocked = wrong["grade"]["blocked"].as_array().expect("blocked");
    assert_eq!(blocked.len(), 2, "{wrong}");
    let mistakes = wrong["mistakes"].as_array().expect("mistakes");
    assert!(
        mistakes
            .iter()
            .any(|m| m == "States wrongly: vehicles must be booked"),
        "{wrong}"
    );
    let words = text(
        &grade(
            &[
                "--platform",
                "x",
                "storm-13-rewrite-ferry",
                "Drivers do not need to book.",
            ],
            None,
        )
        .stdout,
    );
    assert!(
        words.contains("States wrongly: vehicles must be booked"),
        "{words}"
    );
    let wrong = grade(
        &["--platform", "myspace", "storm-13-rewrite-ferry", "x"],
        None,
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong.stderr).contains("--platform myspace is not one of them"));
    // Triage: a labels file, and one with mistakes on numbered lines.
    let labels = dir.path().join("labels.txt");
    std::fs::write(
        &labels,
        "# my sort\nsh-0486 escalate duty officer (control room)\nsh-0495 escalate\n",
    )
    .expect("write");
    let triage = json(&grade(
        &[
            "--json",
            "storm-11-triage-duty-desk",
            labels.to_str().expect("utf-8"),
        ],
        None,
    ));
    assert_eq!(triage["exercise"], "storm-11-triage-duty-desk");
    assert!(triage["score"].is_number());
    let items = triage["grade"]["items"].as_array().expect("items");
    let routed = |id: &str| items.iter().find(|i| i["id"] == id).expect("item").clone();
    assert_eq!(routed("sh-0486")["outcome"], "right", "{triage}");
    assert_eq!(routed("sh-0495")["outcome"], "wrong-route", "{triage}");
    assert_eq!(
        triage["grade"]["unsorted"].as_array().map(Vec::len),
        Some(items.len() - 2),
        "{triage}"
    );
    std::fs::write(
        &labels,
        "sh-0486 escalate\nsh-0495 urgent\nnope relevant\nsh-0520 relevant the mayor\n",
    )
    .expect("write");
    let bad = grade(
        &["storm-11-triage-duty-desk", labels.to_str().expect("utf-8")],
        None,
    );
    assert_eq!(bad.status.code(), Some(1));
    let stderr = text(&bad.stderr);
    assert!(
        stderr.contains("labels.txt:2: unknown label \"urgent\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("labels.txt:3: \"nope\" is not one of this exercise's items"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "labels.txt:4: \"the mayor\" after \"relevant\": only an escalation takes a route"
        ),
        "{stderr}"
    );
    let unknown = grade(&["no-such-exercise", "x"], None);
    assert_eq!(unknown.status.code(), Some(1), "{}", text(&unknown.stderr));
}

/// `sandpit exercises grade ID --post P=TEXT …` marks one post a platform together, as the
/// exercise page does: a missing post fails and is named, `P=@FILE` reads a post from a file,
/// and a platform the exercise does not name is refused.
#[test]
fn exercises_grade_marks_one_post_a_platform() {
    let dir = tempfile::tempdir().expect("tempdir");
    let grade = |args: &[&str]| {
        let mut all = vec!["exercises", "grade", "storm-16-rewrite-consular"];
        all.extend_from_slice(args);
        sandpit(dir.path(), &all, None)
    };
    let x = "Marenne travel advice update: travel to most of the north coast is possible again. We still advise against all but essential travel to Port-Vallon. Read the full advice before you go: travel.foreign.gov.ex/marenne In Marenne and need help? Call +99 20 555 0100";
    let mastodon = dir.path().join("mastodon.txt");
    std::fs::write(
        &mastodon,
        format!("{x}\n\nIn Marenne and need help? Call the embassy, day or night."),
    )
    .expect("write");
    let both = grade(&[
        "--json",
        &format!("--post=x={x}"),
        &format!("--post=mastodon=@{}", mastodon.display()),
    ]);
    assert_eq!(both.status.code(), Some(0), "{}", text(&both.stderr));
    let v: serde_json::Value = serde_json::from_slice(&both.stdout).expect("JSON");
    assert_eq!(v["grade"]["kind"], "posts", "{v}");
    let posts = v["grade"]["posts"].as_array().expect("posts");
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0]["platform"], "x");
    assert_eq!(posts[1]["platform"], "mastodon");
    assert!(posts[1]["grade"]["breakdown"].is_array(), "{v}");

    let alone = grade(&[&format!("--post=x={x}")]);
    assert_eq!(alone.status.code(), Some(0), "{}", text(&alone.stderr));
    let words = text(&alone.stdout);
    assert!(
        words.contains("not passed") && words.contains("- No post for Mastodon"),
        "{words}"
    );

    let wrong = grade(&["--post", "threads=hello"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        text(&wrong.stderr).contains("asks for posts on x, mastodon"),
        "{}",
        text(&wrong.stderr)
    );
    let both_ways = grade(&["--post", "x=hello", "hello"]);
    assert_eq!(
        both_ways.status.code(),
        Some(2),
        "--post and ANSWER do not mix"
    );
}
