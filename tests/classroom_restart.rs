//! Restart in the middle of a class: the real `sandpit serve --classroom` binary on loopback with a
//! temporary data directory is killed (SIGKILL, no chance to tidy up) while trainees are
//! submitting, then started again on the same directory. Every attempt the server acknowledged
//! is still there exactly once, every trainee and the trainer are still signed in with the
//! cookies they had, and the trainer's link, the class's exercises, its lock, the uploaded
//! exercise and the evaluation survive.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use support::process::{Process, start_classroom};
use support::{Client, http_client, token_in};

const REWRITE: &str = "storm-17-rewrite-library";
const MONITOR: &str = "storm-01-sandbags";
const TRIAGE: &str = "storm-12-triage-consular-desk";
const TRAINEES: usize = 6;

/// Starts the server; returns it with its base address and the trainer key it printed.
fn start(data_dir: &Path) -> (Process, String, String) {
    let (server, base, key) = start_classroom(data_dir, Stdio::null(), Duration::from_secs(120))
        .expect("the server printed its address and the trainer link");
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    (server, base, key)
}

/// The exercise a trainer uploads: the shipped library rewrite under another id.
fn uploaded_exercise() -> String {
    let shipped = std::fs::read_to_string(format!(
        "{}/exercises/storm/17-rewrite-library.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("shipped exercise");
    shipped.replacen(&format!("id = \"{REWRITE}\""), "id = \"restart-check\"", 1)
}

async fn submit(c: &mut Client, exercise: &str, answer: &str) -> Option<String> {
    let r = c
        .post(
            &format!("/exercises/{exercise}/attempts"),
            &[("answer", answer)],
        )
        .await;
    (r.status == 303).then(|| {
        r.location
            .split("attempt=")
            .nth(1)
            .and_then(|rest| rest.split('#').next())
            .unwrap_or_default()
            .to_string()
    })
}

/// A request that may meet a dead server: the status, or None.
async fn try_submit(mut c: Client, exercise: &'static str, answer: String) -> Option<String> {
    let fut = async move {
        let r = http_client()
            .post(format!("{}/exercises/{exercise}/attempts", c.base))
            .header("cookie", format!("sandpit_session={}", c.cookie.take()?))
            .header("origin", c.base.clone())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "answer={}",
                url::form_urlencoded::byte_serialize(answer.as_bytes()).collect::<String>()
            ))
            .send()
            .await
            .ok()?;
        if r.status().as_u16() != 303 {
            return None;
        }
        let location = r.headers().get("location")?.to_str().ok()?.to_string();
        location
            .split("attempt=")
            .nth(1)
            .and_then(|rest| rest.split('#').next())
            .map(str::to_string)
    };
    tokio::time::timeout(Duration::from_secs(20), fut)
        .await
        .ok()
        .flatten()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_loses_no_attempt_and_no_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut server, base, key) = start(dir.path());

    // The trainer signs in, uploads an exercise, starts a class and locks one exercise.
    let mut t = Client::new(&base);
    let r = t.post("/trainer/login", &[("secret", &key)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    t.cookie = r.set_cookie.as_deref().and_then(token_in);
    let upload = uploaded_exercise();
    let r = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[],
            &[("files", "restart.toml", upload.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let (class, code) =
        support::classroom::class_with(&mut t, &[REWRITE, MONITOR, TRIAGE, "restart-check"]).await;
    let r = t
        .post(
            &format!("/trainer/classes/{class}/exercises/{TRIAGE}/lock"),
            &[("locked", "1")],
        )
        .await;
    assert_eq!(r.status, 303);

    // Trainees join and work; one sends the evaluation.
    let mut trainees = Vec::new();
    let mut acknowledged: Vec<(usize, &str, String)> = Vec::new();
    for i in 0..TRAINEES {
        let mut c = Client::new(&base);
        let name = format!("Trainee {i}");
        let r = c.post("/join", &[("code", &code), ("name", &name)]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        c.cookie = r.set_cookie.as_deref().and_then(token_in);
        for (exercise, answer) in [
            (
                REWRITE,
                format!("Library reopens Saturday, says trainee {i}"),
            ),
            (MONITOR, "sandbag*".to_string()),
        ] {
            let id = submit(&mut c, exercise, &answer)
                .await
                .expect("acknowledged");
            acknowledged.push((i, exercise, id));
        }
        trainees.push(c);
    }
    let r = trainees[0]
        .post(
            "/class/evaluation",
            &[("effective", "4"), ("do_differently", "Survives restarts")],
        )
        .await;
    assert_eq!(r.status, 303);

    // Mid-session: a burst of attempts from everyone, and the server is killed as it runs.
    let mut burst = tokio::task::JoinSet::new();
    for (i, c) in trainees.iter().enumerate() {
        for k in 0..4 {
            let exercise = if k % 2 == 0 { REWRITE } else { MONITOR };
            let answer = if exercise == MONITOR {
                format!("sandbags OR sandbag{k}")
            } else {
                format!("Burst {k} from {i}: library open Saturday")
            };
            let c = c.clone();
            burst.spawn(async move { (i, exercise, try_submit(c, exercise, answer).await) });
        }
    }
    let mut in_burst = 0;
    while let Some(done) = burst.join_next().await {
        if let Ok((i, exercise, Some(id))) = done {
            acknowledged.push((i, exercise, id));
            in_burst += 1;
            if in_burst == 3 {
                // SIGKILL: no graceful shutdown, no flush, whatever is in flight is cut.
                server.0.kill().expect("kill");
                let _ = server.0.wait();
            }
        }
    }
    assert!(
        in_burst >= 3,
        "the burst was under way when the server died"
    );
    eprintln!(
        "killed mid-burst: {in_burst} of {} burst attempts acknowledged",
        TRAINEES * 4
    );
    drop(server);

    // Start again on the same data directory.
    let (_server, base2, key2) = start(dir.path());
    assert_eq!(key2, key, "the trainer link survives a restart");
    let rebase = |c: &Client| {
        let mut c = c.clone();
        c.base = base2.clone();
        c.origin = Some(base2.clone());
        c
    };

    // Every trainee is still signed in, and every acknowledged attempt is theirs, once.
    for (i, c) in trainees.iter().enumerate() {
        let mut c = rebase(c);
        let page = c.get("/class").await;
        assert_eq!(
            page.status, 200,
            "trainee {i} must not rejoin: {}",
            page.location
        );
        assert!(page.body.contains(&format!("Trainee {i}")));
        assert!(page.body.contains("Locked"), "the lock survives");
        assert!(
            page.body.contains("restart-check"),
            "the uploaded exercise survives"
        );
    }
    for (i, exercise, id) in &acknowledged {
        let mut c = rebase(&trainees[*i]);
        let r = c.get(&format!("/exercises/{exercise}?attempt={id}")).await;
        assert_eq!(r.status, 200, "attempt {id} of trainee {i} at {exercise}");
    }
    let mut t = rebase(&t);
    assert_eq!(
        t.get("/trainer").await.status,
        200,
        "the trainer is still signed in"
    );
    let csv = t
        .get(&format!("/trainer/classes/{class}/attempts.csv"))
        .await
        .body;
    for (_, _, id) in &acknowledged {
        assert_eq!(
            csv.matches(id.as_str()).count(),
            1,
            "attempt {id} stored exactly once"
        );
    }
    let rows = csv.lines().filter(|l| l.starts_with("Trainee ")).count();
    assert!(
        rows >= acknowledged.len() && rows <= TRAINEES * 2 + TRAINEES * 4,
        "{rows} rows for {} acknowledged attempts",
        acknowledged.len()
    );
    let page = t.get(&format!("/trainer/classes/{class}/settings")).await;
    assert!(
        page.body.contains("Survives restarts"),
        "the evaluation survives"
    );
    assert!(
        page.body.matches("Trainee ").count() >= TRAINEES,
        "everyone is still in the class"
    );
}

#[test]
fn without_classroom_the_server_stays_on_this_computer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["serve", "--bind", "0.0.0.0:0"])
        .stdin(Stdio::null())
        .output()
        .expect("sandpit runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("add --classroom"), "{err}");
    let out = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["serve", "--classroom", "--bind", "127.0.0.1:0"])
        .env("SANDPIT_TRAINER_PASSWORD", "short")
        .stdin(Stdio::null())
        .output()
        .expect("sandpit runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 8 characters"));
}
