//! The trends section of the player's drill page: posts per five drill minutes per channel (a
//! chart with its table) and the rising words and hashtags (`app::drills::trends` counts them).
//! The page renders it, and the live events send it again as the drill moves on, so the
//! markup is the same in both.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use askama::Template;

use crate::app::drills::Drill;
use crate::app::drills::play;
use crate::app::drills::trends::{self, Rising, VolumeRow};
use crate::catalog::scenarios::{Channel, Offset};
use crate::error::{Error, Result};

/// How many rising terms the section lists.
const RISING_SHOWN: usize = 12;

/// The section last built per drill: its drill time and markup.
type Built = HashMap<String, (Offset, Arc<str>)>;

#[derive(Template)]
#[template(path = "drill_trends.html")]
pub struct TrendsFragment {
    /// The drill time the figures are for (`T+00:35`).
    pub at: String,
    pub channels: Vec<(&'static str, &'static str)>,
    pub volume: Vec<VolumeRow>,
    pub bars: Vec<ChartBar>,
    pub chart_width: f32,
    pub chart_height: f32,
    pub rising: Vec<Rising>,
}

impl TrendsFragment {
    /// The trends of what the drill had released by `at`.
    pub fn at(drill: &Drill, at: Offset) -> TrendsFragment {
        let volume = trends::volume(drill.released_by(at), at);
        TrendsFragment {
            at: at.to_string(),
            channels: Channel::ALL
                .iter()
                .map(|c| (c.id(), play::channel_name(*c)))
                .collect(),
            bars: chart(&volume),
            volume,
            chart_width: CHART_WIDTH,
            chart_height: CHART_HEIGHT,
            rising: trends::rising_in(drill, at, RISING_SHOWN),
        }
    }

    pub fn html(&self) -> Result<String> {
        self.render().map_err(Error::internal)
    }

    /// The section's markup at `at`, built once for all the connections following the drill:
    /// forty players' streams reach the same drill second together, and each would otherwise
    /// count the whole stream again.
    pub fn shared(drill: &Drill, at: Offset) -> Result<Arc<str>> {
        static LAST: OnceLock<Mutex<Built>> = OnceLock::new();
        let last = LAST.get_or_init(Default::default);
        if let Some((o, html)) = last
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&drill.id)
            && *o == at
        {
            return Ok(html.clone());
        }
        let html: Arc<str> = Arc::from(TrendsFragment::at(drill, at).html()?);
        let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
        // One entry a drill being followed; a long-lived server forgets finished ones.
        if last.len() >= 256 {
            last.clear();
        }
        last.insert(drill.id.clone(), (at, html.clone()));
        Ok(html)
    }
}

/// A bar of the volume chart: one channel's posts in one five-minute window.
pub struct ChartBar {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub class: &'static str,
    pub label: String,
}

pub const CHART_WIDTH: f32 = 640.0;
pub const CHART_HEIGHT: f32 = 140.0;

fn chart(rows: &[VolumeRow]) -> Vec<ChartBar> {
    let max = rows.iter().map(|r| r.total).max().unwrap_or(0).max(1) as f32;
    let slot = CHART_WIDTH / rows.len().max(1) as f32;
    let mut bars = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut y = CHART_HEIGHT;
        for (c, n) in row.counts.iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let h = *n as f32 / max * CHART_HEIGHT;
            y -= h;
            bars.push(ChartBar {
                x: i as f32 * slot + 1.0,
                y,
                w: (slot - 2.0).max(1.0),
                h,
                class: ["ch-microblog", "ch-group", "ch-forum", "ch-news"][c],
                label: format!(
                    "{}: {} {} posts",
                    row.from,
                    n,
                    play::channel_name(Channel::ALL[c])
                ),
            });
        }
    }
    bars
}
