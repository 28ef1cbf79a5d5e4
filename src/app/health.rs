//! Whether this node can serve: what `/healthz` answers a load balancer (docs/deployment.md).

use serde::Serialize;

use super::App;

/// The node's state: `status` is "ok" when the index and the database answer and the index holds
/// every corpus as the database has it, "catching-up" while the index is still applying changes
/// (`behind` names the corpora), "unavailable" when the index or the database does not answer.
#[derive(Debug, Clone, Serialize)]
pub struct Health {
    pub status: &'static str,
    /// The engine ("sqlite", "postgres"), or "unavailable".
    pub database: &'static str,
    /// "ok", "catching-up" or "unavailable".
    pub index: &'static str,
    pub behind: Vec<String>,
}

impl Health {
    /// Whether a load balancer should send this node traffic.
    pub fn serving(&self) -> bool {
        self.status == "ok"
    }
}

impl App {
    pub async fn health(&self) -> Health {
        // Straight to the index rather than through `on_index`: a health check must not queue
        // behind searches, or a busy node would look like a dead one. Counting a term no
        // document has costs next to nothing.
        let index_ok = self.index.count("\u{0}health").is_ok();
        let (database_ok, behind) = match self.replica_status().await {
            Ok(status) => (true, status.behind),
            Err(_) => (false, Vec::new()),
        };
        let (status, index) = match (index_ok, database_ok, behind.is_empty()) {
            (true, true, true) => ("ok", "ok"),
            (true, true, false) => ("catching-up", "catching-up"),
            (false, _, _) => ("unavailable", "unavailable"),
            (true, false, _) => ("unavailable", "ok"),
        };
        Health {
            status,
            database: if database_ok {
                self.store.engine_name()
            } else {
                "unavailable"
            },
            index,
            behind,
        }
    }
}
