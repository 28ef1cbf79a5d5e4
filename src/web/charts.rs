//! Chart geometry for the server-rendered SVG charts (volume over time, top sources). Only
//! numbers and labels are computed here; the templates draw them, escaping the labels.

use chrono::{DateTime, Utc};

use crate::index::search::{Bucket, Volume};

pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 160;
const AXIS: u32 = 20;

pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// Bucket start in words, for the tooltip and the table.
    pub label: String,
    pub count: usize,
    /// The bucket's start and end (Unix seconds): a click on the bar shows its hits only.
    pub from: i64,
    pub until: i64,
}

pub struct Tick {
    pub x: f32,
    pub text: String,
}

pub struct VolumeChart {
    pub width: u32,
    pub height: u32,
    pub plot_height: u32,
    pub bars: Vec<Bar>,
    pub ticks: Vec<Tick>,
    pub max: usize,
    pub unit: &'static str,
}

fn label(at: DateTime<Utc>, bucket: Bucket) -> String {
    match bucket {
        Bucket::Hour => at.format("%a %-d %b %H:00").to_string(),
        Bucket::Day => at.format("%a %-d %b %Y").to_string(),
        Bucket::Week => format!("week of {}", at.format("%-d %b %Y")),
    }
}

fn tick(at: DateTime<Utc>, bucket: Bucket) -> String {
    match bucket {
        Bucket::Hour => at.format("%-d %b %H:00").to_string(),
        _ => at.format("%-d %b").to_string(),
    }
}

impl VolumeChart {
    pub fn new(volume: &Volume) -> Option<Self> {
        if volume.counts.is_empty() {
            return None;
        }
        let max = volume.counts.iter().map(|c| c.1).max().unwrap_or(0).max(1);
        let plot_height = HEIGHT - AXIS;
        let n = volume.counts.len() as f32;
        let slot = WIDTH as f32 / n;
        let gap = if slot > 4.0 { 1.0 } else { 0.0 };
        let step = match volume.bucket {
            Bucket::Hour => 3600,
            Bucket::Day => 86_400,
            Bucket::Week => 7 * 86_400,
        };
        let bars = volume
            .counts
            .iter()
            .enumerate()
            .map(|(i, (at, count))| {
                let h = (*count as f32 / max as f32) * (plot_height as f32 - 4.0);
                Bar {
                    x: i as f32 * slot,
                    y: plot_height as f32 - h,
                    w: (slot - gap).max(0.5),
                    h,
                    label: label(*at, volume.bucket),
                    count: *count,
                    from: at.timestamp(),
                    until: at.timestamp() + step,
                }
            })
            .collect();
        let every = (volume.counts.len() / 6).max(1);
        let ticks = volume
            .counts
            .iter()
            .enumerate()
            .filter(|(i, _)| i % every == 0)
            .map(|(i, (at, _))| Tick {
                x: i as f32 * slot,
                text: tick(*at, volume.bucket),
            })
            .collect();
        Some(VolumeChart {
            width: WIDTH,
            height: HEIGHT,
            plot_height,
            bars,
            ticks,
            max,
            unit: match volume.bucket {
                Bucket::Hour => "hour",
                Bucket::Day => "day",
                Bucket::Week => "week",
            },
        })
    }
}

pub struct SourceBar {
    pub name: String,
    pub count: usize,
    pub y: u32,
    pub w: f32,
}

pub struct SourcesChart {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<SourceBar>,
}

impl SourcesChart {
    pub fn new(sources: &[(String, usize)]) -> Option<Self> {
        let max = sources.iter().map(|s| s.1).max()?.max(1);
        let row = 22;
        Some(SourcesChart {
            width: 320,
            height: row * sources.len() as u32,
            bars: sources
                .iter()
                .enumerate()
                .map(|(i, (name, count))| SourceBar {
                    name: name.clone(),
                    count: *count,
                    y: i as u32 * row,
                    w: (*count as f32 / max as f32) * 150.0,
                })
                .collect(),
        })
    }
}
