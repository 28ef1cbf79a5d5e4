//! Two `sandpit serve --classroom` nodes on one PostgreSQL database behind HAProxy, for the
//! cluster test (`tests/cluster.rs`): starting, killing and restarting a node, waiting for
//! health, and the database the nodes share.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::database::{fresh_database, test_server};
use super::process::{Process, start_classroom_on};
use super::proxy::{HealthCheck, free_port, haproxy_config};

/// The PostgreSQL server and HAProxy, or None (with the reason printed) when either is missing
/// and the cluster is not required.
pub fn prerequisites() -> Option<(String, PathBuf)> {
    let server = test_server();
    let haproxy = [
        "/usr/sbin/haproxy",
        "/usr/local/sbin/haproxy",
        "/usr/bin/haproxy",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists());
    let why = match (&server, &haproxy) {
        (Some(_), Some(_)) => None,
        (None, _) => Some("SANDPIT_TEST_DATABASE_URL names no PostgreSQL server"),
        (_, None) => Some("HAProxy is not installed (apt-get install haproxy)"),
    };
    if let Some(why) = why {
        if std::env::var("SANDPIT_REQUIRE_CLUSTER").is_ok_and(|v| v == "1") {
            panic!("the cluster test is required (SANDPIT_REQUIRE_CLUSTER=1), but {why}");
        }
        eprintln!("skipping the two-node cluster test: {why}");
        return None;
    }
    Some((server?, haproxy?))
}

/// One web node: its data directory, its port and, while it runs, its process.
pub struct Node {
    name: &'static str,
    dir: PathBuf,
    port: u16,
    process: Option<Process>,
}

impl Node {
    /// A node not yet started, with its data directory under `root` and a free port.
    pub fn new(name: &'static str, root: &Path) -> Node {
        Node {
            name,
            dir: root.join(format!("node-{name}")),
            port: free_port().expect("a free port"),
            process: None,
        }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Two nodes on one database behind HAProxy.
pub struct Cluster {
    root: tempfile::TempDir,
    pub database: String,
    nodes: Vec<Node>,
    pub proxy: String,
    _haproxy: Process,
    pub trainer_key: String,
}

impl Cluster {
    pub fn start(server: &str, haproxy: &Path) -> Cluster {
        let root = tempfile::tempdir().expect("tempdir");
        let database = fresh_database(server).expect("a fresh database");
        let mut nodes: Vec<Node> = ["a", "b"]
            .into_iter()
            .map(|name| Node {
                name,
                dir: root.path().join(format!("node-{name}")),
                port: free_port().expect("a free port"),
                process: None,
            })
            .collect();
        let mut keys = Vec::new();
        for node in &mut nodes {
            keys.push(start_node(root.path(), &database, node));
        }
        assert_eq!(keys[0], keys[1], "one trainer key, kept in the database");
        let proxy_port = free_port().expect("a free port");
        let config = root.path().join("haproxy.cfg");
        std::fs::write(
            &config,
            haproxy_config(
                proxy_port,
                &nodes.iter().map(|n| (n.name, n.port)).collect::<Vec<_>>(),
                &HealthCheck::FAST,
            ),
        )
        .expect("write config");
        let log = File::create(root.path().join("haproxy.log")).expect("log");
        let child = Command::new(haproxy)
            .arg("-f")
            .arg(&config)
            .arg("-db")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .spawn()
            .expect("HAProxy starts");
        let cluster = Cluster {
            trainer_key: keys.remove(0),
            proxy: format!("http://127.0.0.1:{proxy_port}"),
            _haproxy: Process(child),
            database,
            nodes,
            root,
        };
        cluster.wait_healthy(&cluster.proxy, Duration::from_secs(30));
        cluster
    }

    pub fn base(&self, node: usize) -> String {
        self.nodes[node].base()
    }

    /// SIGKILL: no graceful shutdown, whatever is in flight is cut.
    pub fn kill(&mut self, node: usize) {
        if let Some(mut p) = self.nodes[node].process.take() {
            p.0.kill().expect("kill");
            let _ = p.0.wait();
        }
    }

    pub fn restart(&mut self, node: usize) {
        let key = start_node(self.root.path(), &self.database, &mut self.nodes[node]);
        assert_eq!(key, self.trainer_key, "the trainer link survives");
    }

    /// Waits until `base` answers `/healthz` with 200.
    pub fn wait_healthy(&self, base: &str, within: Duration) {
        let started = Instant::now();
        loop {
            let ok = std::thread::spawn({
                let url = format!("{base}/healthz");
                move || {
                    std::net::TcpStream::connect_timeout(
                        &url_addr(&url),
                        Duration::from_millis(500),
                    )
                    .ok()
                    .and_then(|mut s| {
                        use std::io::{Read, Write};
                        s.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
                        s.write_all(b"GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n")
                            .ok()?;
                        let mut text = String::new();
                        s.read_to_string(&mut text).ok()?;
                        Some(text.starts_with("HTTP/1.1 200") || text.starts_with("HTTP/1.0 200"))
                    })
                    .unwrap_or(false)
                }
            })
            .join()
            .unwrap_or(false);
            if ok {
                return;
            }
            if started.elapsed() > within {
                panic!(
                    "{base} not healthy within {within:?}; HAProxy's log:\n{}",
                    std::fs::read_to_string(self.root.path().join("haproxy.log"))
                        .unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    pub async fn pool(&self) -> sqlx::PgPool {
        sqlx::PgPool::connect(&self.database)
            .await
            .expect("the test reaches the cluster's database")
    }
}

fn url_addr(url: &str) -> std::net::SocketAddr {
    let authority = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or_default();
    authority.parse().expect("a loopback address")
}

/// Starts a node on its port; returns the trainer key it printed.
pub fn start_node(root: &Path, database: &str, node: &mut Node) -> String {
    let log = File::options()
        .create(true)
        .append(true)
        .open(root.join(format!("node-{}.log", node.name)))
        .expect("node log");
    let bind = format!("127.0.0.1:{}", node.port);
    let (process, base, key) = start_classroom_on(
        &node.dir,
        Some(database),
        &bind,
        Stdio::from(log),
        Duration::from_secs(180),
    )
    .unwrap_or_else(|e| {
        panic!(
            "node {} did not start: {e}\n{}",
            node.name,
            std::fs::read_to_string(root.join(format!("node-{}.log", node.name)))
                .unwrap_or_default()
        )
    });
    assert!(base.ends_with(&format!(":{}", node.port)), "{base}");
    node.process = Some(process);
    key
}
