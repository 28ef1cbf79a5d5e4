//! The trainer running a class over HTTP on loopback: locking exercises, sharing answers
//! anonymously, the board, evaluations and exports, and uploads of corpora and exercises with
//! the same messages as the CLI.

mod support;

use support::classroom::{class_with, join, submit, trainer};
use support::{Setup, start};

const REWRITE: &str = "storm-17-rewrite-library";

#[tokio::test]
async fn locks_sharing_board_evaluation_and_exports() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut a = join(&server, &code, "Ana").await;
    let mut b = join(&server, &code, "=Bob").await;
    let good = "The library reopens on Saturday 10 May at 9am. Children's books are upstairs. \
                No fines. Staff can help with flood grant forms. #PortEllisLibrary";
    let a_attempt = submit(&mut a, REWRITE, good).await;
    submit(&mut b, REWRITE, "library").await;

    // Lock: no new attempts, none stored; reopen: attempts again.
    let lock = format!("/trainer/classes/{class}/exercises/{REWRITE}/lock");
    assert_eq!(t.post(&lock, &[("locked", "1")]).await.status, 303);
    let r = b
        .post(
            &format!("/exercises/{REWRITE}/attempts"),
            &[("answer", "more")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("locked"), "{}", r.body);
    assert!(b.get("/class").await.body.contains("Locked"));
    assert_eq!(t.post(&lock, &[("locked", "0")]).await.status, 303);
    submit(&mut b, REWRITE, "Library reopens Saturday").await;
    let stored = server
        .app
        .store
        .class_attempts(&class)
        .await
        .expect("attempts");
    assert_eq!(stored.len(), 3, "the refused attempt was not stored");

    // The board: who tried, and the answers with their authors, for the trainer.
    let board = t.get(&format!("/trainer/classes/{class}/board")).await;
    assert_eq!(board.status, 200);
    assert!(board.body.contains("2 of 2"), "two of two tried");
    assert!(board.body.contains("/static/board.js"));
    assert_eq!(board.headers["cache-control"], "no-store");
    let detail = t
        .get(&format!("/trainer/classes/{class}/board/{REWRITE}"))
        .await;
    assert_eq!(detail.status, 200);
    assert!(detail.body.contains("Common mistakes"));
    assert!(detail.body.contains("Leaves out:"), "{}", detail.body);
    assert!(detail.body.contains("Ana") && detail.body.contains("#PortEllisLibrary"));

    // Sharing: B sees A's answer, never A's name.
    let r = t
        .post(
            &format!("/trainer/classes/{class}/reveals"),
            &[("exercise", REWRITE), ("attempt", &a_attempt)],
        )
        .await;
    assert_eq!(r.status, 303);
    let seen = b.get("/class").await.body;
    assert!(seen.contains("#PortEllisLibrary"), "shared answer shown");
    assert!(seen.contains("A classmate&#39;s answer") || seen.contains("A classmate's answer"));
    assert!(!seen.contains("Ana"), "no name with it");

    // Evaluation: the question, a clear error, then saved.
    let form = a.get("/class/evaluation").await;
    assert!(
        form.body
            .contains("I will be more effective at work as a result of this session")
    );
    assert!(form.body.contains("Strongly disagree") && form.body.contains("Strongly agree"));
    let r = a
        .post("/class/evaluation", &[("do_differently", "x")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Choose how far you agree"));
    let r = a
        .post(
            "/class/evaluation",
            &[
                ("effective", "5"),
                ("do_differently", "Put the date in the first line"),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/class/evaluation?saved=1")
    );
    let r = b
        .post(
            "/class/evaluation",
            &[("effective", "2"), ("do_differently", "")],
        )
        .await;
    assert_eq!(r.status, 303);
    let page = t.get(&format!("/trainer/classes/{class}/settings")).await;
    assert!(
        page.body.contains("50% agree or strongly agree"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Put the date in the first line"));

    // Exports: results and attempts by name (a formula-like name defused), evaluations without.
    let results = t
        .get(&format!("/trainer/classes/{class}/results.csv"))
        .await;
    assert_eq!(results.status, 200);
    assert!(
        results.headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    assert!(
        results.headers["content-disposition"]
            .to_str()
            .unwrap_or_default()
            .contains("results.csv")
    );
    assert!(results.body.contains("Trainee,Exercise id,Exercise"));
    assert!(results.body.contains(&format!("Ana,{REWRITE},")));
    assert!(
        results.body.contains(&format!("'=Bob,{REWRITE},")),
        "{}",
        results.body
    );
    let attempts = t
        .get(&format!("/trainer/classes/{class}/attempts.csv"))
        .await;
    assert_eq!(attempts.body.matches(REWRITE).count(), 3);
    let evaluations = t
        .get(&format!("/trainer/classes/{class}/evaluations.csv"))
        .await;
    assert!(
        evaluations
            .body
            .contains("5,Strongly agree,Put the date in the first line")
    );
    assert!(evaluations.body.contains("2,Disagree"));
    assert!(!evaluations.body.contains("Ana") && !evaluations.body.contains("Bob"));

    let qr = t.get(&format!("/trainer/classes/{class}/qr.svg")).await;
    assert_eq!(qr.headers["content-type"], "image/svg+xml");
    assert!(qr.body.contains("<svg"));
}

#[tokio::test]
async fn uploads_report_problems_like_the_cli() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let jsonl = concat!(
        r#"{"id":"u1","title":"Ferry cancelled","body":"The ferry is cancelled.","published":"2025-03-01T10:00:00Z","source":"port"}"#,
        "\n",
        "not json at all\n",
        r#"{"id":"u3","title":"Ferry back","body":"The ferry runs again.","published":"2025-03-02T10:00:00Z","source":"port"}"#,
        "\n"
    );
    let r = t
        .post_multipart(
            "/trainer/upload/corpus",
            &[("corpus", "ferry-news")],
            &[("files", "ferry.jsonl", jsonl.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body
            .contains("ferry-news: 2 added, 0 replaced, 1 rejected"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("rejected: ferry.jsonl:2:"),
        "file and line: {}",
        r.body
    );
    assert!(
        !r.body.contains("sandpit-upload-"),
        "no temporary paths shown"
    );

    // Over the upload limit: the page says so, though the server stopped reading part-way.
    let huge = vec![b'x'; 65 << 20];
    let r = t
        .post_multipart(
            "/trainer/upload/corpus",
            &[("corpus", "ferry-news")],
            &[("files", "huge.jsonl", &huge)],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("at most 64 MB"), "{}", r.body);
    drop(huge);

    let r = t
        .post_multipart(
            "/trainer/upload/corpus",
            &[("corpus", "Bad Name")],
            &[("files", "ferry.jsonl", jsonl.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("corpus name"), "{}", r.body);

    // An exercise with a mistake: not added, the problem with its line.
    let broken = "id = \"ferry-watch\"\ntitle = \"Ferry\"\nkind = \"monitor\"\nlevel = \"beginner\"\nbrief = \"Find the ferry news.\"\n\n[monitor]\ncorpus = \"ferry-news\"\nrelevant = [\"u1\", \"u9\"]\nmodel_query = 'ferry'\npass_mark = 0.5\n";
    let r = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[],
            &[("files", "ferry.toml", broken.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body.contains("ferry.toml:9:"),
        "line of the unknown id: {}",
        r.body
    );
    assert!(r.body.contains("u9"));
    assert!(
        server
            .app
            .store
            .uploaded_exercises()
            .await
            .expect("uploads")
            .is_empty()
    );

    let fixed = broken.replace(", \"u9\"", ", \"u3\"");
    let r = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[("text", "")],
            &[("files", "ferry.toml", fixed.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Exercises added"));
    assert!(server.app.exercise("ferry-watch").is_ok());
    assert_eq!(
        server
            .app
            .store
            .uploaded_exercises()
            .await
            .expect("uploads")
            .len(),
        1
    );
    // Again: the id is taken.
    let r = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[],
            &[("files", "ferry.toml", fixed.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("already used"));
}
