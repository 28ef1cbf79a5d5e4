//! Which server, if any, is running on a data directory. `sandpit serve` leaves a small file,
//! `server.json`, in the data directory while it runs (its address and process id), so that a
//! command run beside it on the same directory can say which server holds the index and what to
//! do instead, rather than repeating the index library's lock error.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::App;
use crate::error::Error;

const FILE: &str = "server.json";

/// What a running server says about itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Serving {
    pub address: String,
    pub pid: u32,
}

/// Removes the server's note when the server stops (or the guard is dropped on an error).
pub struct ServingMark(Option<PathBuf>);

impl Drop for ServingMark {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn note_path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// The server running on this data directory, if its note is there and (where the system
/// says so) its process is alive: a server killed outright leaves its note behind.
pub fn running_server(data_dir: &Path) -> Option<Serving> {
    let text = std::fs::read_to_string(note_path(data_dir)).ok()?;
    let serving: Serving = serde_json::from_str(&text).ok()?;
    let proc = Path::new("/proc");
    if proc.is_dir() && !proc.join(serving.pid.to_string()).exists() {
        return None;
    }
    Some(serving)
}

impl App {
    /// Notes, for commands run beside it, that this process serves the data directory at
    /// `addr`. An app without a data directory on disk (tests in memory) notes nothing.
    pub fn mark_serving(&self, addr: SocketAddr) -> ServingMark {
        if !self.config.data_dir.is_dir() {
            return ServingMark(None);
        }
        let path = note_path(&self.config.data_dir);
        let host = if addr.ip().is_unspecified() {
            format!("127.0.0.1:{}", addr.port())
        } else {
            addr.to_string()
        };
        let note = Serving {
            address: self
                .config
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{host}")),
            pid: std::process::id(),
        };
        match serde_json::to_string(&note).map(|json| std::fs::write(&path, json)) {
            Ok(Ok(())) => ServingMark(Some(path)),
            Ok(Err(e)) => {
                tracing::warn!("cannot write {}: {e}", path.display());
                ServingMark(None)
            }
            Err(e) => {
                tracing::warn!("cannot note the server: {e}");
                ServingMark(None)
            }
        }
    }

    /// A refusal to change the index because another process holds it, said with the server
    /// that does and what to do instead.
    pub(super) fn busy(&self, what: &str) -> Error {
        Error::Busy(match running_server(&self.config.data_dir) {
            Some(s) => format!(
                "a Sandpit server is running on this data directory ({}, process {}), and only \
                 it may change the search index while it runs. Make the change through it \
                 (import files on {}/trainer/upload, live feeds on {}/feeds), or stop it \
                 (Ctrl-C where it runs) and run this command again. Commands that only read \
                 (corpus list, search, label, exercises, feeds list) work beside it.",
                s.address, s.pid, s.address, s.address
            ),
            None => format!(
                "{what}: another Sandpit process is changing this data directory's search \
                 index. Wait for it to finish, or stop it, and run this command again."
            ),
        })
    }
}
