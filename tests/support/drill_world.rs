//! A drill's world for the tests over HTTP (`drill_run.rs`, `drill_play.rs`): Sandpit (in
//! classroom mode unless told otherwise) in this process on loopback with a manual clock at
//! `t0()`, a client signed in by a form, and CSV read as a spreadsheet reads it.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sandpit::app::App;
use sandpit::app::clock::{Clock, ManualClock};

use super::{Client, Setup, open_app, serve_app, token_in};

pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-07T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub struct World {
    pub base: String,
    pub app: App,
    pub clock: Arc<ManualClock>,
    _dir: tempfile::TempDir,
}

/// Classroom mode.
pub async fn world() -> World {
    world_with(Setup::CLASSROOM).await
}

pub async fn world_with(setup: Setup) -> World {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at(t0());
    let app = open_app(dir.path(), setup)
        .await
        .with_clock(clock.clone() as Arc<dyn Clock>);
    World {
        base: serve_app(&app).await,
        app,
        clock,
        _dir: dir,
    }
}

pub async fn signed_in(base: &str, path: &str, form: &[(&str, &str)]) -> Client {
    let mut c = Client::new(base);
    let r = c.post(path, form).await;
    assert_eq!(r.status, 303, "{}", r.body);
    c.cookie = r.set_cookie.as_deref().and_then(token_in);
    assert!(c.cookie.is_some());
    c
}

/// Reads CSV as a spreadsheet would: quoted fields, doubled quotes, CRLF rows.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}
