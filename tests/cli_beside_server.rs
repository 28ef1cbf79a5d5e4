//! The command line beside a running server on the same data directory, as a trainer scripts it
//! during a class: every command that reads works, and a command that would change the search
//! index says which server holds it (address and process id) and what to do instead, in
//! Sandpit's words, never the index library's. Starts the real binary for both.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sandpit(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .stdin(Stdio::null())
        .output()
        .expect("the sandpit binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/data/corpus/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// `sandpit serve` on a free port; returns the process and its address once it answers.
struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(data: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(data)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("SANDPIT_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("sandpit serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines
            .next()
            .expect("the server prints its address")
            .expect("a line");
        if let Some(at) = line.find("http://") {
            let url = line[at..].split_whitespace().next().unwrap_or_default();
            break url.trim_end_matches('/').to_string();
        }
    };
    let mut server = Server { child, base };
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let ok = std::net::TcpStream::connect(server.base.trim_start_matches("http://")).is_ok();
        if ok && server.data_noted(data) {
            return server;
        }
        assert!(Instant::now() < deadline, "the server did not come up");
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("the server stopped: {status}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl Server {
    fn data_noted(&self, data: &std::path::Path) -> bool {
        data.join("server.json").exists()
    }
}

#[test]
fn every_command_beside_a_running_server() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    // A corpus of the trainer's own, imported before the class starts.
    let out = sandpit(data, &["corpus", "import", "mini", &fixture("mini.jsonl")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = sandpit(
        data,
        &["corpus", "import", "scratch", &fixture("mini.jsonl")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let server = serve(data);
    let pid = server.child.id().to_string();

    // Reading commands work beside it.
    let out = sandpit(data, &["corpus", "list", "--json"]);
    assert!(out.status.success(), "corpus list: {}", text(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        list.as_array()
            .is_some_and(|l| l.iter().any(|c| c["name"] == "mini")),
        "{list}"
    );
    let out = sandpit(data, &["search", "--corpus", "mini", "--json", "harriet"]);
    assert!(out.status.success(), "search: {}", text(&out.stderr));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(found["total"].as_u64().unwrap_or(0) > 0, "{found}");
    let out = sandpit(data, &["label", "--corpus", "mini", "harriet"]);
    assert!(out.status.success(), "label: {}", text(&out.stderr));
    for args in [
        &["exercises", "list"][..],
        &["exercises", "validate"][..],
        &["feeds", "list"][..],
        &["feeds", "export-opml"][..],
    ] {
        let out = sandpit(data, args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }

    // Deleting a corpus goes through the database; the server drops it from its index.
    assert_eq!(
        http_status(&server.base, "/api/search?corpus=scratch&q=harriet"),
        200
    );
    let out = sandpit(data, &["corpus", "delete", "scratch"]);
    assert!(out.status.success(), "corpus delete: {}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(&server.base),
        "says the server drops it: {}",
        text(&out.stderr)
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while http_status(&server.base, "/api/search?corpus=scratch&q=harriet") != 404 {
        assert!(
            Instant::now() < deadline,
            "the server drops the deleted corpus"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let out = sandpit(data, &["corpus", "delete", "storm-harriet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("comes with Sandpit"),
        "{}",
        text(&out.stderr)
    );
    let out = sandpit(data, &["corpus", "delete", "no-such"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no corpus named"),
        "{}",
        text(&out.stderr)
    );

    // A command that would change the index refuses, naming the server and what to do.
    let out = sandpit(
        data,
        &["corpus", "import", "mini", &fixture("update.jsonl")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(said.contains(&server.base), "the address: {said}");
    assert!(said.contains(&pid), "the process id: {said}");
    assert!(
        said.contains("/trainer/upload"),
        "what to do instead: {said}"
    );
    for internal in ["LockBusy", "Lockfile", "tantivy", "Tantivy"] {
        assert!(!said.contains(internal), "no library words: {said}");
    }

    // Nothing was lost, and once the server stops (Ctrl-C) the import goes through.
    let mut server = server;
    let stopped = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill runs");
    assert!(stopped.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.child.try_wait().expect("wait").is_none() {
        assert!(Instant::now() < deadline, "the server stops on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        !data.join("server.json").exists(),
        "the note goes with the server"
    );
    let out = sandpit(
        data,
        &["corpus", "import", "mini", &fixture("update.jsonl")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// The status of a GET on the server, read off the raw response's first line.
fn http_status(base: &str, path: &str) -> u16 {
    use std::io::{Read, Write};
    let host = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(host).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}
