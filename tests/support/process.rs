//! The real `sandpit` binary as a server: started on a free port, watched for what it prints
//! (its address, the trainer's link), and killed however the test ends. Also compiled into the
//! classroom load benchmark and the cluster test, so it names nothing of the test support but
//! `database` (which those include beside it).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A server process, killed when dropped so a failing test leaves nothing running.
pub struct Process(pub Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `command` with its standard output piped, and hands every line it prints to `watch`
/// on a thread of its own (reading on, so the process never blocks on a full pipe). Returns
/// once `watch` has found what it looks for, or an error after `wait`.
pub fn spawn_watching<T: Send + 'static>(
    command: &mut Command,
    mut watch: impl FnMut(&str) -> Option<T> + Send + 'static,
    wait: Duration,
) -> Result<(Process, T), String> {
    let child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start sandpit: {e}"))?;
    let mut process = Process(child);
    let stdout = process.0.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut tx = Some(tx);
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(found) = watch(&line)
                && let Some(tx) = tx.take()
            {
                let _ = tx.send(found);
            }
        }
    });
    match rx.recv_timeout(wait) {
        Ok(found) => Ok((process, found)),
        Err(_) => {
            let status = process.0.try_wait().ok().flatten();
            Err(format!(
                "the server did not print what was awaited within {wait:?} (exit: {status:?})"
            ))
        }
    }
}

/// `sandpit serve --classroom` on 127.0.0.1:0 with `data_dir`, and no trainer password, so it
/// prints the trainer's link. Returns the process, its base address and the trainer key. The
/// database is the SQLite file in `data_dir`, or, when `SANDPIT_TEST_DATABASE_URL` names a
/// PostgreSQL server, the database made for `data_dir` on it (the same one on every start).
pub fn start_classroom(
    data_dir: &Path,
    stderr: Stdio,
    wait: Duration,
) -> Result<(Process, String, String), String> {
    let database = super::database::database_for(data_dir)?;
    start_classroom_on(data_dir, database.as_deref(), "127.0.0.1:0", stderr, wait)
}

/// `sandpit serve --classroom` on `bind` with `data_dir` and, if given, the database at
/// `database_url` (else the SQLite file in `data_dir`); as `start_classroom`.
pub fn start_classroom_on(
    data_dir: &Path,
    database_url: Option<&str>,
    bind: &str,
    stderr: Stdio,
    wait: Duration,
) -> Result<(Process, String, String), String> {
    let mut base = None;
    let mut command = Command::new(env!("CARGO_BIN_EXE_sandpit"));
    command.arg("--data-dir").arg(data_dir);
    match database_url {
        Some(url) => command.arg("--database-url").arg(url),
        None => command.env_remove("SANDPIT_DATABASE_URL"),
    };
    let (process, (base, key)) = spawn_watching(
        command
            .args(["serve", "--classroom", "--bind", bind])
            .env_remove("SANDPIT_TRAINER_PASSWORD")
            .env("SANDPIT_LOG", "warn")
            .stdin(Stdio::null())
            .stderr(stderr),
        move |line| {
            if base.is_none()
                && let Some(at) = line.find("http://")
            {
                let url: String = line[at..]
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .collect();
                base = url.strip_suffix("/join").map(str::to_string);
            }
            let at = line.find("/trainer/login?key=")?;
            let key = line[at + "/trainer/login?key=".len()..].trim().to_string();
            Some((base.clone().unwrap_or_default(), key))
        },
        wait,
    )?;
    Ok((process, base, key))
}
