//! The database is the source of truth; each node's index is a replica (docs/design.md). Several
//! apps ("nodes"), each with an index of its own, share one database: a SQLite file, or a fresh
//! PostgreSQL database when `SANDPIT_TEST_DATABASE_URL` names a server.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use sandpit::app::App;
use sandpit::config::Config;

/// A database every node of one test shares, and the folder the nodes' data directories go in.
struct Cluster {
    url: String,
    dir: tempfile::TempDir,
}

impl Cluster {
    async fn new() -> Cluster {
        let dir = tempfile::tempdir().expect("tempdir");
        let url = match std::env::var("SANDPIT_TEST_DATABASE_URL") {
            Ok(server) if !server.is_empty() => {
                let name = format!("sandpit_replica_{}", sandpit::store::new_id());
                let admin = sqlx::PgPool::connect(&server).await.expect("PostgreSQL");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&admin)
                    .await
                    .expect("create database");
                admin.close().await;
                let mut url = url::Url::parse(&server).expect("server URL");
                url.set_path(&name);
                url.to_string()
            }
            _ => format!("sqlite:{}", dir.path().join("shared.db").display()),
        };
        Cluster { url, dir }
    }

    /// A node: its own data directory (so its own index) on the shared database.
    async fn node(&self, name: &str) -> App {
        let config =
            Config::new(self.dir.path().join(name)).with_database_url(Some(self.url.clone()));
        App::open(config).await.expect("node opens")
    }

    fn jsonl(&self, name: &str, lines: &[&str]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, lines.join("\n")).expect("write jsonl");
        path
    }
}

const HARBOUR: &[&str] = &[
    r#"{"id":"h1","published":"2026-01-05","title":"Flood warning for Port Ellis","body":"A rest centre opens at the school.","source":"ellis-council"}"#,
    r#"{"id":"h2","published":"2026-01-06","title":"Ferry delayed","body":"Strong winds on the Kerrow crossing.","source":"kerrow-ferries"}"#,
];

const MORE: &[&str] = &[
    r#"{"id":"h3","published":"2026-01-07","title":"Flood barrier closed","body":"The harbour gate shuts at noon.","source":"ellis-council"}"#,
    r#"{"id":"h2","published":"2026-01-06","title":"Ferry cancelled","body":"No sailings to Kerrow today.","source":"kerrow-ferries"}"#,
];

async fn ids(app: &App, corpus: &str, query: &str) -> Vec<String> {
    let mut ids = app.matching_ids(corpus, query).await.expect("search");
    ids.sort();
    ids
}

async fn import(app: &App, corpus: &str, file: &Path) {
    let summary = app
        .import_paths(corpus, vec![file.to_path_buf()], |_| {})
        .await
        .expect("import");
    assert!(summary.problems.is_empty(), "{:?}", summary.problems);
}

#[tokio::test]
async fn imports_feeds_and_deletions_on_one_node_reach_the_other() {
    let cluster = Cluster::new().await;
    let (a, b) = (cluster.node("a").await, cluster.node("b").await);
    import(&a, "harbour", &cluster.jsonl("harbour.jsonl", HARBOUR)).await;
    // The importing node recorded what it wrote; the other is behind until it syncs.
    assert!(a.replica_status().await.unwrap().caught_up());
    assert_eq!(b.replica_status().await.unwrap().behind, vec!["harbour"]);
    assert_eq!(a.store.document_count("harbour").await.unwrap(), 2);
    let report = b.sync_replica().await.unwrap();
    assert_eq!(report.applied, vec!["harbour"]);
    assert!(b.replica_status().await.unwrap().caught_up());
    assert_eq!(ids(&b, "harbour", "flood").await, vec!["h1"]);
    assert_eq!(ids(&b, "harbour", "ferry kerrow").await, vec!["h2"]);

    // A second import adds one document and replaces another, on both nodes.
    import(&a, "harbour", &cluster.jsonl("more.jsonl", MORE)).await;
    assert!(a.replica_status().await.unwrap().caught_up());
    b.sync_replica().await.unwrap();
    assert_eq!(ids(&b, "harbour", "flood").await, vec!["h1", "h3"]);
    assert_eq!(ids(&b, "harbour", "cancelled").await, vec!["h2"]);
    assert!(ids(&b, "harbour", "delayed").await.is_empty());
    assert_eq!(
        b.document("harbour", "h2").await.unwrap().title,
        "Ferry cancelled"
    );
    // Nothing new: a second pass does nothing.
    let again = b.sync_replica().await.unwrap();
    assert!(
        again.applied.is_empty() && again.dropped.is_empty(),
        "{again:?}"
    );

    // Items of a fetched feed go the same way, imported on B this time.
    let items: Vec<_> = [
        r#"{"id":"f1","published":"2026-01-08","title":"Council update","body":"Sandbags at the depot on Quay Street."}"#,
    ]
    .iter()
    .enumerate()
    .filter_map(|(i, line)| sandpit::ingest::jsonl::parse_line(line, i + 1, "feed").unwrap())
    .collect();
    b.import_documents("harbour", items, Vec::new(), Vec::new())
        .await
        .unwrap();
    assert!(b.replica_status().await.unwrap().caught_up());
    assert_eq!(a.replica_status().await.unwrap().behind, vec!["harbour"]);
    a.sync_replica().await.unwrap();
    assert_eq!(ids(&a, "harbour", "sandbags").await, vec!["f1"]);

    // A deletion on A: gone from the database, and from B's index at its next sync.
    a.delete_corpus("harbour", false).await.unwrap();
    assert!(a.require_corpus("harbour").await.is_err());
    assert_eq!(b.replica_status().await.unwrap().behind, vec!["harbour"]);
    let report = b.sync_replica().await.unwrap();
    assert_eq!(report.dropped, vec!["harbour"]);
    assert_eq!(b.index.count("harbour").unwrap(), 0);
    assert!(b.require_corpus("harbour").await.is_err());
    assert!(b.replica_status().await.unwrap().caught_up());

    // A corpus made again under the same name starts from a new generation, never an old one.
    import(&b, "harbour", &cluster.jsonl("again.jsonl", &HARBOUR[..1])).await;
    a.sync_replica().await.unwrap();
    assert_eq!(ids(&a, "harbour", "flood OR ferry").await, vec!["h1"]);
}

#[tokio::test]
async fn a_new_node_says_it_is_catching_up_until_its_index_has_the_corpora() {
    let cluster = Cluster::new().await;
    let a = cluster.node("a").await;
    sandpit::app::ensure_shipped(&a).await.unwrap();
    import(&a, "harbour", &cluster.jsonl("harbour.jsonl", HARBOUR)).await;

    // A third node started later on the same database, with an empty index.
    let c = cluster.node("c").await;
    let status = c.replica_status().await.unwrap();
    assert!(status.behind.contains(&"harbour".to_string()), "{status:?}");
    let base = support::serve_app(&c).await;
    let health = |base: String| async move {
        let response = reqwest::get(format!("{base}/healthz")).await.unwrap();
        let status = response.status().as_u16();
        let body: serde_json::Value =
            serde_json::from_str(&response.text().await.unwrap()).unwrap();
        (status, body)
    };
    let (status, body) = health(base.clone()).await;
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], "catching-up");
    assert_eq!(body["index"], "catching-up");
    assert!(
        body["behind"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "harbour"),
        "{body}"
    );

    // The sync task (as `serve` runs it) brings it up, shipped corpora included.
    let _sync = sandpit::app::replica::spawn_sync(c.clone());
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let body = loop {
        let (status, body) = health(base.clone()).await;
        if status == 200 {
            break body;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "never caught up: {body}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(
        (body["status"].as_str(), body["index"].as_str()),
        (Some("ok"), Some("ok"))
    );
    assert_eq!(ids(&c, "harbour", "flood").await, vec!["h1"]);
    for corpus in a.corpora().await.unwrap() {
        let on_c = c.index.count(&corpus.name).unwrap();
        assert_eq!(
            on_c, corpus.documents,
            "corpus {} on the new node",
            corpus.name
        );
    }
    // Shipped corpora are loaded from the binary, not copied into the database.
    let shipped = sandpit::catalog::corpora::shipped();
    let first = shipped.first().expect("a shipped corpus");
    assert!(c.index.count(first.name).unwrap() > 0);
    assert_eq!(c.store.document_count(first.name).await.unwrap(), 0);
    // Starting again on its caught-up index, the node has nothing to load.
    assert!(sandpit::app::ensure_shipped(&c).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_index_from_before_replicas_gives_its_documents_to_the_database() {
    let cluster = Cluster::new().await;
    {
        let old = cluster.node("old").await;
        import(&old, "harbour", &cluster.jsonl("harbour.jsonl", HARBOUR)).await;
        // What an earlier version left: documents only in the index, no generation anywhere.
        old.store
            .run_sql("DELETE FROM documents", &[])
            .await
            .unwrap();
        old.store
            .run_sql("UPDATE corpora SET generation = 0", &[])
            .await
            .unwrap();
    }
    // ...and an index whose last commit carries no record of generations.
    let index_dir = cluster.dir.path().join("old").join("index");
    {
        let index = tantivy::Index::open_in_dir(&index_dir).unwrap();
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.prepare_commit().unwrap().commit().unwrap();
    }
    let upgraded = cluster.node("old").await;
    assert!(upgraded.index.is_unrecorded());
    sandpit::app::ensure_shipped(&upgraded).await.unwrap();
    assert!(!upgraded.index.is_unrecorded());
    assert_eq!(upgraded.store.document_count("harbour").await.unwrap(), 2);
    assert!(upgraded.replica_status().await.unwrap().caught_up());
    assert_eq!(ids(&upgraded, "harbour", "flood").await, vec!["h1"]);
    // Once: a second start copies nothing.
    assert_eq!(
        sandpit::app::replica::adopt_unrecorded_index(&upgraded)
            .await
            .unwrap(),
        0
    );

    // A node started afterwards gets the documents from the database.
    let other = cluster.node("other").await;
    other.sync_replica().await.unwrap();
    assert_eq!(ids(&other, "harbour", "ferry").await, vec!["h2"]);
    let doc = other.document("harbour", "h1").await.unwrap();
    assert_eq!(doc.source, "ellis-council");
    assert_eq!(doc.published.to_rfc3339(), "2026-01-05T00:00:00+00:00");
}
