//! `sandpit corpus import|list|delete`.

use std::io::IsTerminal;
use std::path::PathBuf;

use sandpit::error::{Error, Result};

#[derive(clap::Subcommand)]
pub enum CorpusCommand {
    /// Import JSONL, feed files, or folders of them into a corpus (created if new).
    Import {
        /// Corpus name: lower-case letters, digits, '-' or '_'.
        name: String,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Delete an imported corpus: its documents, import log and live feeds.
    Delete {
        name: String,
        /// Delete it even when exercises use it (they stop working).
        #[arg(long)]
        force: bool,
    },
    /// List corpora with their document counts, sources and date span.
    List {
        /// JSON: [{"name","documents","sources","first","last"}].
        #[arg(long)]
        json: bool,
    },
}

pub fn run(home: &super::Home, cmd: CorpusCommand) -> Result<()> {
    super::block_on(async move {
        let app = super::open(home).await?;
        match cmd {
            CorpusCommand::Import { name, paths } => import(&app, &name, paths).await,
            CorpusCommand::List { json } => list(&app, json).await,
            CorpusCommand::Delete { name, force } => delete(&app, &name, force).await,
        }
    })?
}

async fn import(app: &sandpit::app::App, name: &str, paths: Vec<PathBuf>) -> Result<()> {
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents ({per_sec}) {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Some(bar)
    } else {
        None
    };
    let progress = {
        let bar = bar.clone();
        move |n: usize| {
            if let Some(bar) = &bar {
                bar.set_position(n as u64);
            }
        }
    };
    let summary = app.import_paths(name, paths, progress).await?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for problem in &summary.problems {
        eprintln!("rejected: {problem}");
    }
    for note in &summary.notes {
        eprintln!("note: {note}");
    }
    println!("{summary}");
    if summary.added + summary.replaced == 0 && summary.rejected > 0 {
        return Err(Error::invalid(format!(
            "nothing imported into {name}: every input was rejected"
        )));
    }
    Ok(())
}

async fn delete(app: &sandpit::app::App, name: &str, force: bool) -> Result<()> {
    let deleted = app.delete_corpus(name, force).await?;
    println!("deleted corpus {name}");
    if !deleted.exercises_broken.is_empty() {
        eprintln!(
            "note: these exercises used it and stop working: {}",
            deleted.exercises_broken.join(", ")
        );
    }
    if let sandpit::app::replica::IndexDeletion::LeftToServer(holder) = deleted.index {
        eprintln!("note: {holder}; it drops the corpus from its index within a few seconds");
    }
    Ok(())
}

async fn list(app: &sandpit::app::App, json: bool) -> Result<()> {
    let corpora = app.corpora().await?;
    if json {
        let rows: Vec<serde_json::Value> = corpora
            .iter()
            .map(|c| {
                serde_json::json!({
                    "name": c.name, "documents": c.documents, "sources": c.sources,
                    "first": c.first, "last": c.last,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(rows));
        return Ok(());
    }
    if corpora.is_empty() {
        println!("No corpora yet. Import one with: sandpit corpus import NAME FILE...");
    }
    for c in corpora {
        let span = match (&c.first, &c.last) {
            (Some(a), Some(b)) => format!("{} to {}", &a[..10.min(a.len())], &b[..10.min(b.len())]),
            _ => "empty".into(),
        };
        println!(
            "{:<24} {:>8} documents {:>4} sources  {}",
            c.name, c.documents, c.sources, span
        );
    }
    Ok(())
}
