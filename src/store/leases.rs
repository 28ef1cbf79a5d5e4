//! Work that must run on one node at a time (fetching live feeds; later a drill's clock): the
//! node that runs it holds a lead. On PostgreSQL a lead is a session-level advisory lock
//! (`pg_try_advisory_lock`) taken on a connection of its own and held for as long as the lead is
//! kept. When the node dies its connection closes, the server drops the lock, and the next node
//! that asks takes it. On SQLite there is one node, so the lead is always granted.

use sqlx::postgres::PgConnection;
use sqlx::{Connection, Executor};

use crate::error::Result;
use crate::store::{Engine, Store};

/// Work that runs once across the nodes, by name.
pub const FEED_POLLER: &str = "feed poller";

/// The advisory lock's key for a lead's name: a stable hash, the same on every node and
/// version, with Sandpit's name in it so another application's locks on the same database do
/// not collide with ours.
pub fn lock_key(name: &str) -> i64 {
    let hash = crate::text::stable_hash([b"sandpit lead: ".as_slice(), name.as_bytes()]);
    i64::from_ne_bytes(hash.to_ne_bytes())
}

/// This node leads the work named `name` while this value lives; dropping it lets go (on
/// PostgreSQL the connection closes, and with it the lock).
pub struct Lead {
    name: String,
    /// The connection holding the lock; None on SQLite.
    conn: Option<PgConnection>,
}

impl std::fmt::Debug for Lead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lead")
            .field("name", &self.name)
            .field("postgres", &self.conn.is_some())
            .finish()
    }
}

impl Lead {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the lead is still this node's: on PostgreSQL, whether the connection holding the
    /// lock still answers. A lost connection (the server restarted, the network dropped) has
    /// lost the lock too, and another node may have taken it: the work must stop.
    pub async fn still_held(&mut self) -> bool {
        match &mut self.conn {
            None => true,
            Some(conn) => conn.execute("SELECT 1").await.is_ok(),
        }
    }

    /// Lets go now, closing the connection politely (dropping the lead does the same, abruptly).
    pub async fn release(mut self) {
        if let Some(conn) = self.conn.take() {
            let _ = conn.close().await;
        }
    }
}

impl Store {
    /// Takes the lead for `name` when no other node holds it: Some(lead) to keep for as long as
    /// this node does the work, None when another node has it (ask again in a few seconds).
    pub async fn try_lead(&self, name: &str) -> Result<Option<Lead>> {
        let pool = match self.engine() {
            Engine::Sqlite { .. } => {
                return Ok(Some(Lead {
                    name: name.to_string(),
                    conn: None,
                }));
            }
            Engine::Postgres(pool) => pool,
        };
        let mut conn = pool.acquire().await?;
        let got: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(lock_key(name))
            .fetch_one(&mut *conn)
            .await?;
        if !got {
            // Nothing was taken on this connection: it goes back to the pool as it was.
            return Ok(None);
        }
        // The lock lives as long as this connection: it leaves the pool (which may open another
        // in its place) so that it is never handed to other work or closed as idle.
        Ok(Some(Lead {
            name: name.to_string(),
            conn: Some(conn.detach()),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_keys_are_stable_and_distinct() {
        assert_ne!(lock_key(FEED_POLLER), lock_key("drill clock"));
        // The same on every node and build: a change here would let two versions lead at once
        // during a rolling upgrade.
        assert_eq!(lock_key(FEED_POLLER), -3_243_905_499_009_916_518);
    }

    #[tokio::test]
    async fn one_node_on_sqlite_always_leads() {
        let store = Store::in_memory().await.expect("store");
        let mut lead = store.try_lead(FEED_POLLER).await.expect("lead");
        if store.engine_name() == "sqlite" {
            let lead = lead.as_mut().expect("sqlite always leads");
            assert!(lead.still_held().await);
            assert_eq!(lead.name(), FEED_POLLER);
        } else {
            // On PostgreSQL the first to ask leads, and asking again on another connection of
            // the same node is refused until it lets go.
            let mut lead = lead.expect("the first to ask leads");
            assert!(lead.still_held().await);
            assert!(store.try_lead(FEED_POLLER).await.expect("ask").is_none());
            lead.release().await;
            assert!(store.try_lead(FEED_POLLER).await.expect("ask").is_some());
        }
    }
}
