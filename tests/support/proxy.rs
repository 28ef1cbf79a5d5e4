//! HAProxy in front of Sandpit nodes on loopback, as an organisation's load balancer: round
//! robin, each node checked on `/healthz` (a node answering 503 while its index catches up gets
//! no traffic). Shared by the cluster test and the two-node load bench.
//!
//! A connection refused by a dead node is tried on another (`redispatch`): the request never
//! reached the dead one, so this cannot store anything twice. A request cut after it reached a
//! node is not retried by the proxy; the client sees an error and may send it again (the
//! submission key makes that safe).

/// How often HAProxy checks each node, and how many results turn it down or up.
pub struct HealthCheck {
    pub every: &'static str,
    pub fall: u32,
    pub rise: u32,
}

impl HealthCheck {
    /// For tests: a dead node is noticed within a second.
    pub const FAST: HealthCheck = HealthCheck {
        every: "300ms",
        fall: 2,
        rise: 2,
    };
    /// For the load bench: checks that cost the nodes little.
    pub const STEADY: HealthCheck = HealthCheck {
        every: "1s",
        fall: 2,
        rise: 2,
    };
}

/// A port free on loopback now.
pub fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// HAProxy's configuration: listen on `port`, balance over `nodes` (name, port). Each response
/// carries the node that answered in `X-Sandpit-Node`, so figures can be counted per node.
pub fn haproxy_config(port: u16, nodes: &[(&str, u16)], check: &HealthCheck) -> String {
    let mut config = format!(
        "global\n    maxconn 4000\n\
         defaults\n    mode http\n    timeout connect 2s\n    timeout client 60s\n    \
         timeout server 60s\n    timeout http-request 10s\n    option redispatch\n    retries 3\n\
         frontend sandpit\n    bind 127.0.0.1:{port}\n    default_backend nodes\n\
         backend nodes\n    balance roundrobin\n    option httpchk GET /healthz\n    \
         http-check expect status 200\n    option forwardfor\n    default-server inter {} fall {} rise {}\n    \
         http-response set-header X-Sandpit-Node %s\n",
        check.every, check.fall, check.rise
    );
    for (name, node_port) in nodes {
        config.push_str(&format!("    server {name} 127.0.0.1:{node_port} check\n"));
    }
    config
}
