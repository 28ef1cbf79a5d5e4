//! `sandpit scenarios validate|list|timeline`: tools for trainers writing and preparing drill
//! scenarios. Everything here reads scenario files only: no data directory is opened.

use std::path::PathBuf;

use sandpit::catalog::scenarios::{self, Loaded, Scenario, Timeline};
use sandpit::error::{Error, Result};
use serde_json::json;

#[derive(clap::Subcommand)]
pub enum ScenariosCommand {
    /// Check scenario files: every problem with file and line. Without DIR, the shipped ones.
    Validate { dir: Option<PathBuf> },
    /// List the scenarios: id, length in minutes, number of injects, title.
    List {
        /// Print `[{"id","title","minutes","injects"}]`.
        #[arg(long)]
        json: bool,
        /// Scenarios from this folder or file instead of the shipped ones.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Every inject of a scenario with its time, kind and what it releases (and the expected
    /// reaction); the replay and each wave with its posts per five-minute bucket.
    Timeline {
        /// The scenario's id (`sandpit scenarios list`).
        id: String,
        /// Print the timeline as JSON.
        #[arg(long)]
        json: bool,
        /// Look for the scenario in this folder or file instead of the shipped ones.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

/// Writes to standard output; a reader that stops early (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn load(dir: &Option<PathBuf>) -> Loaded {
    match dir {
        Some(d) => scenarios::from_path(d),
        None => scenarios::shipped(),
    }
}

pub fn run(cmd: ScenariosCommand) -> Result<()> {
    match cmd {
        ScenariosCommand::Validate { dir } => {
            let loaded = load(&dir);
            for p in &loaded.problems {
                eprintln!("{p}");
            }
            let n = loaded.scenarios.len();
            if n == 0 && loaded.problems.is_empty() {
                return Err(Error::invalid(match &dir {
                    Some(d) => format!("no scenario files (.toml) in {}", d.display()),
                    None => "no scenarios are shipped in this build".to_string(),
                }));
            }
            if loaded.problems.is_empty() {
                let posts: u32 = loaded.scenarios.iter().map(|s| s.timeline().posts).sum();
                println!("{n} scenarios, no problems; {posts} posts in their streams");
                Ok(())
            } else {
                Err(Error::invalid(format!(
                    "{} problem(s) in the scenarios ({n} loaded)",
                    loaded.problems.len()
                )))
            }
        }
        ScenariosCommand::List { json, dir } => {
            let loaded = load(&dir);
            for p in &loaded.problems {
                eprintln!("{p}");
            }
            if json {
                let list: Vec<_> = loaded
                    .scenarios
                    .iter()
                    .map(|s| {
                        json!({
                            "id": s.id,
                            "title": s.title,
                            "minutes": s.minutes,
                            "injects": s.injects.len(),
                        })
                    })
                    .collect();
                emit(&format!("{}\n", serde_json::Value::Array(list)));
            } else {
                let mut out = String::new();
                for s in &loaded.scenarios {
                    out.push_str(&format!(
                        "{:<28} {:>4} min {:>4} injects  {}\n",
                        s.id,
                        s.minutes,
                        s.injects.len(),
                        s.title
                    ));
                }
                emit(&out);
            }
            Ok(())
        }
        ScenariosCommand::Timeline { id, json, dir } => {
            let loaded = load(&dir);
            let Some(scenario) = loaded.get(&id) else {
                for p in &loaded.problems {
                    eprintln!("{p}");
                }
                let ids: Vec<&str> = loaded.scenarios.iter().map(|s| s.id.as_str()).collect();
                return Err(Error::invalid(format!(
                    "no scenario {id:?}: the scenarios are {}",
                    if ids.is_empty() {
                        "none".to_string()
                    } else {
                        ids.join(", ")
                    }
                )));
            };
            let timeline = scenario.timeline();
            if json {
                let out = serde_json::to_string(&timeline).map_err(Error::internal)?;
                emit(&format!("{out}\n"));
            } else {
                emit(&text(scenario, &timeline));
            }
            Ok(())
        }
    }
}

/// The timeline for a terminal: one line an event, the expected reaction under it, then the
/// volume as a bar per five minutes.
fn text(s: &Scenario, t: &Timeline) -> String {
    let mut out = format!(
        "{} — {} ({} minutes from {}; {} posts in the stream)\n\n",
        s.id,
        s.title,
        s.minutes,
        s.start.format("%Y-%m-%d %H:%M UTC"),
        t.posts
    );
    for e in &t.events {
        out.push_str(&format!(
            "{:<11} {:<14} {:<26} {}\n",
            e.at.to_string(),
            e.kind,
            e.id,
            e.releases
        ));
        if let Some(d) = e.deadline {
            out.push_str(&format!("{:52}deadline {d}\n", ""));
        }
        if let Some(x) = &e.expect {
            out.push_str(&format!(
                "{:52}expect ({}{}): {}\n",
                "",
                x.deliverable.id(),
                x.platform
                    .as_deref()
                    .map(|p| format!(" on {p}"))
                    .unwrap_or_default(),
                x.reaction
            ));
        }
    }
    out.push_str("\nPosts entering the stream, per five minutes:\n");
    let peak = t.volume.iter().map(|b| b.total).max().unwrap_or(0).max(1);
    for b in &t.volume {
        let bar = "#".repeat((b.total as usize * 50).div_ceil(peak as usize));
        out.push_str(&format!("{:<11} {:>6}  {bar}\n", b.at.to_string(), b.total));
    }
    if let Some(h) = &t.busiest_hour {
        out.push_str(&format!(
            "\nBusiest hour: {} posts from {}\n",
            h.posts, h.from
        ));
    }
    out
}
