//! A room of players on one drill, shared by `tests/drill_stream.rs` (every response stored
//! once and delivered to every stream once) and `benches/drill_stream.rs` (how fast): each
//! player follows the drill's server-sent events, then publishes one response, sending its form
//! twice as a double click does. Every stream is read until it holds every player's marker.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What one player's stream saw.
#[derive(Debug, Default, Clone)]
pub struct Seen {
    /// How many times each player's marker arrived.
    pub markers: HashMap<usize, usize>,
    /// When each marker first arrived.
    pub arrived: HashMap<usize, Instant>,
    /// When each drill second (a post's `data-at`) first arrived.
    pub seconds: HashMap<u32, Instant>,
}

pub struct Outcome {
    pub seen: Vec<Seen>,
    /// When each player's first publish was sent, and how long each publish request took.
    pub sent: Vec<Instant>,
    pub publish: Vec<Duration>,
}

pub fn marker(i: usize) -> String {
    format!("PLAYER{i:03}MARK")
}

fn scan(text: &str, players: usize, seen: &mut Seen, at: Instant) {
    for i in 0..players {
        let n = text.matches(&marker(i)).count();
        if n > 0 {
            *seen.markers.entry(i).or_default() += n;
            seen.arrived.entry(i).or_insert(at);
        }
    }
    for part in text.split("data-at=\\\"").skip(1) {
        if let Some(s) = part.split('\\').next().and_then(|s| s.parse::<u32>().ok()) {
            seen.seconds.entry(s).or_insert(at);
        }
    }
}

/// Runs `players` players on the drill `id` of the server at `base` (self-learner mode: the
/// drill is the local learner's, and each player sends its own form key).
/// Each stream is read until it holds every marker and `linger` has passed since it opened.
pub async fn run(
    base: &str,
    id: &str,
    players: usize,
    linger: Duration,
    within: Duration,
) -> Outcome {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(players * 2)
        .build()
        .expect("client");
    let url = format!("{base}/drills/{id}/events");
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::new(Mutex::new(vec![Seen::default(); players]));
    let mut readers = Vec::new();
    let mut connected = Vec::new();
    for p in 0..players {
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        connected.push(rx);
        let http = http.clone();
        let url = url.clone();
        let seen = seen.clone();
        readers.push(tokio::spawn(async move {
            let mut r = http.get(&url).send().await.expect("events");
            assert_eq!(r.status(), 200);
            let _ = tx.send(());
            let opened = Instant::now();
            let deadline = tokio::time::Instant::now() + within;
            // Events are read whole (an event ends at a blank line), whatever the chunks.
            let mut buffer = String::new();
            loop {
                let done = {
                    let s = seen.lock().unwrap();
                    s[p].markers.len() == players && opened.elapsed() >= linger
                };
                if done {
                    break;
                }
                match tokio::time::timeout_at(deadline, r.chunk()).await {
                    Ok(Ok(Some(bytes))) => {
                        let now = Instant::now();
                        buffer.push_str(&String::from_utf8_lossy(&bytes));
                        if let Some(end) = buffer.rfind("\n\n") {
                            let whole: String = buffer.drain(..end + 2).collect();
                            scan(&whole, players, &mut seen.lock().unwrap()[p], now);
                        }
                    }
                    _ => break,
                }
            }
        }));
    }
    for rx in connected {
        let _ = rx.await;
    }
    // Publish: every player at once, each form sent twice.
    let mut publishers = Vec::new();
    for p in 0..players {
        let http = http.clone();
        let base = base.to_string();
        let id = id.to_string();
        publishers.push(tokio::spawn(async move {
            let form = [
                ("deliverable", "post".to_string()),
                ("platform", "mastodon".to_string()),
                (
                    "text",
                    format!(
                        "{} Check your heater's model number on the label.",
                        marker(p)
                    ),
                ),
                ("submission", format!("load-{p}")),
                ("action", "publish".to_string()),
            ];
            let body: String = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(form.iter().map(|(k, v)| (*k, v.as_str())))
                .finish();
            let sent = Instant::now();
            let mut took = Vec::new();
            for _ in 0..2 {
                let t = Instant::now();
                let r = http
                    .post(format!("{base}/drills/{id}/responses"))
                    .header("origin", &base)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body.clone())
                    .send()
                    .await
                    .expect("publish");
                assert_eq!(r.status(), 303, "{}", r.text().await.unwrap_or_default());
                took.push(t.elapsed());
            }
            (sent, took)
        }));
    }
    let mut sent = Vec::new();
    let mut publish = Vec::new();
    for p in publishers {
        let (s, took) = p.await.expect("publisher");
        sent.push(s);
        publish.extend(took);
    }
    for r in readers {
        r.await.expect("reader");
    }
    let seen = seen.lock().unwrap().clone();
    Outcome {
        seen,
        sent,
        publish,
    }
}
