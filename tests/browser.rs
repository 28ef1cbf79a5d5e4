//! The browser suite: starts the real `sandpit serve` twice on free ports with empty data
//! directories (the shipped corpora and exercises load on first start), once as a
//! self-learner's server and once with `--classroom`, then runs
//! `tests/browser/run.js`, which drives Debian's headless Chromium through the journeys with
//! playwright-core, runs axe-core on every main page, checks the Chromebook budget (under
//! 100 KB a page, no other host, 200% zoom) and saves screenshots to `target/screenshots/`.
//!
//! Needs `/usr/bin/chromium` (or `SANDPIT_CHROMIUM`), `node`, and `npm ci --prefix
//! tests/browser`. Without them the test prints a notice and passes, unless
//! `SANDPIT_REQUIRE_BROWSER=1` (set by `.ci/run`), which makes a missing browser a failure.

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use support::process::{Process, spawn_watching};

/// What is missing for the suite to run, if anything.
fn missing_tools(root: &Path, chromium: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if !chromium.is_file() {
        missing.push(format!(
            "{} (apt-get install chromium chromium-driver)",
            chromium.display()
        ));
    }
    if Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .map_or(true, |s| !s.success())
    {
        missing.push("node".into());
    }
    for module in ["playwright-core", "axe-core"] {
        if !root
            .join("tests/browser/node_modules")
            .join(module)
            .is_dir()
        {
            missing.push(format!(
                "tests/browser/node_modules/{module} (npm ci --prefix tests/browser)"
            ));
        }
    }
    missing
}

/// `http://127.0.0.1:8080` out of a line such as `… open http://127.0.0.1:8080/join and …`.
fn origin_in(line: &str) -> Option<String> {
    let at = line.find("http://")?;
    let rest = &line[at + "http://".len()..];
    let host: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '/')
        .collect();
    (!host.is_empty()).then(|| format!("http://{host}"))
}

/// Starts `sandpit serve` (with `extra` arguments) on port 0 and returns it with the origin it
/// printed. Everything it prints goes to `log`.
fn start_server(data_dir: &Path, log: &Path, extra: &[&str]) -> (Process, String) {
    let log_file = std::fs::File::create(log).expect("server log file");
    let stderr = Stdio::from(log_file.try_clone().expect("log file"));
    let mut log_file = log_file;
    // Copies everything the server prints into the log (journeys read it, e.g. for the
    // trainer's secret) and takes the address once it is announced.
    let started = spawn_watching(
        Command::new(env!("CARGO_BIN_EXE_sandpit"))
            .arg("serve")
            // Journeys of programmes and drills move the clock (POST /trainer/test-clock).
            .arg("--test-clock")
            .args(extra)
            .arg("--data-dir")
            .arg(data_dir)
            .args(["--bind", "127.0.0.1:0"])
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stderr(stderr),
        move |line| {
            let _ = writeln!(log_file, "{line}");
            let _ = log_file.flush();
            origin_in(line)
        },
        Duration::from_secs(120),
    );
    started.unwrap_or_else(|e| {
        let log = std::fs::read_to_string(log).unwrap_or_default();
        panic!("sandpit serve never printed its address ({e}); its log:\n{log}");
    })
}

#[test]
fn browser_journeys_accessibility_and_budget() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let required = std::env::var("SANDPIT_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
    let chromium = std::env::var_os("SANDPIT_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let missing = missing_tools(&root, &chromium);
    if !missing.is_empty() {
        let what = missing.join(", ");
        assert!(
            !required,
            "SANDPIT_REQUIRE_BROWSER=1 but the browser suite cannot run; missing: {what}"
        );
        // Straight to stderr, past the test harness's capture, so the skip is always seen.
        let _ = writeln!(
            std::io::stderr(),
            "NOTICE: browser tests SKIPPED (missing: {what}). `.ci/run` installs them; \
             set SANDPIT_REQUIRE_BROWSER=1 to make this a failure."
        );
        return;
    }

    // target/debug/sandpit → target/, wherever the target directory is.
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_sandpit"));
    let target = bin
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("target"));
    let screenshots = target.join("screenshots");
    let report = target.join("browser-report.json");

    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("server.log");
    let classroom_log = dir.path().join("classroom.log");
    let (mut server, base) = start_server(&dir.path().join("data"), &log, &[]);
    let (mut classroom, classroom_base) = start_server(
        &dir.path().join("classroom-data"),
        &classroom_log,
        &["--classroom"],
    );

    let status = Command::new("node")
        .arg(root.join("tests/browser/run.js"))
        .env("SANDPIT_URL", &base)
        .env("SANDPIT_CHROMIUM", &chromium)
        .env("SANDPIT_SCREENSHOTS", &screenshots)
        .env("SANDPIT_BROWSER_REPORT", &report)
        .env("SANDPIT_SERVER_LOG", &log)
        .env("SANDPIT_CLASSROOM_URL", &classroom_base)
        .env("SANDPIT_CLASSROOM_LOG", &classroom_log)
        .current_dir(root.join("tests/browser"))
        .status()
        .expect("node runs");

    for (name, child, log) in [
        ("sandpit serve", &mut server, &log),
        ("sandpit serve --classroom", &mut classroom, &classroom_log),
    ] {
        let exit = child.0.try_wait().ok().flatten();
        if !status.success() || exit.is_some() {
            let log = std::fs::read_to_string(log).unwrap_or_default();
            let _ = writeln!(std::io::stderr(), "--- {name} log ---\n{log}");
        }
        assert!(exit.is_none(), "{name} stopped during the suite: {exit:?}");
    }
    assert!(
        status.success(),
        "browser suite failed ({status}); report in {}, screenshots in {}",
        report.display(),
        screenshots.display()
    );
    let _ = writeln!(
        std::io::stderr(),
        "browser suite passed; report {}, screenshots {}",
        report.display(),
        screenshots.display()
    );
}
