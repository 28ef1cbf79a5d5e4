//! `sandpit feeds add|import-opml|list|fetch|export-opml|remove`: a corpus's live feed sources.

use std::path::PathBuf;
use std::sync::Arc;

use sandpit::app::App;
use sandpit::app::feeds::{self, AddFeed, Outcome};
use sandpit::error::{Error, Result};
use sandpit::fetch::{FetchOptions, Fetcher};
use sandpit::store::feeds::FeedStatus;

#[derive(clap::Args)]
pub struct FeedsArgs {
    /// Also fetch from loopback, private and link-local addresses (off by default: a classroom
    /// server must not become a way into the room's network).
    #[arg(long, global = true)]
    pub allow_private_feeds: bool,
    #[command(subcommand)]
    pub command: FeedsCommand,
}

#[derive(clap::Subcommand)]
pub enum FeedsCommand {
    /// Add a feed (RSS, Atom or JSON Feed address) to a corpus, created if new.
    Add {
        corpus: String,
        url: String,
        /// A name for the feed (default: the feed's own title, learnt at the first fetch).
        #[arg(long, default_value = "")]
        title: String,
        /// Also fetch each new item's web page and keep its main text.
        #[arg(long)]
        articles: bool,
        /// Minutes between fetches when `serve` polls (default 60).
        #[arg(long)]
        every: Option<i64>,
        /// Fetch it straight away.
        #[arg(long)]
        fetch: bool,
    },
    /// Add every feed of an OPML list to a corpus.
    ImportOpml {
        corpus: String,
        /// The OPML file.
        #[arg(required_unless_present = "starter")]
        file: Option<PathBuf>,
        /// Use Sandpit's starter list of public-sector and news feeds instead of a file.
        #[arg(long, conflicts_with = "file")]
        starter: bool,
        /// Fetch them straight away.
        #[arg(long)]
        fetch: bool,
    },
    /// List feeds with their status.
    List {
        /// Only this corpus's feeds.
        corpus: Option<String>,
        /// JSON: one object per feed.
        #[arg(long)]
        json: bool,
    },
    /// Fetch feeds now (all, or one corpus's), whatever the schedule says.
    Fetch {
        corpus: Option<String>,
        /// Only the feeds the schedule says are due (what `serve` does).
        #[arg(long)]
        due: bool,
        /// JSON: one report per feed.
        #[arg(long)]
        json: bool,
    },
    /// Write the feeds (all, or one corpus's) as an OPML list.
    ExportOpml {
        corpus: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Stop fetching a feed (its items stay in the corpus).
    Remove { corpus: String, url: String },
}

pub fn run(home: &super::Home, args: FeedsArgs) -> Result<()> {
    let mut config = home.config();
    config.allow_private_feeds = args.allow_private_feeds;
    super::block_on(async move {
        let app = super::open_app(config).await?;
        match args.command {
            FeedsCommand::Add {
                corpus,
                url,
                title,
                articles,
                every,
                fetch,
            } => {
                let (feed, created) = feeds::add_feed(
                    &app,
                    AddFeed {
                        corpus: corpus.clone(),
                        url,
                        title,
                        fetch_articles: articles,
                        interval_minutes: every,
                    },
                )
                .await?;
                if created {
                    println!("{corpus}: added {}", feed.url);
                } else {
                    println!("{corpus}: already has {}", feed.url);
                }
                if fetch {
                    let reports = feeds::fetch_all(&app, fetcher(&app)?, vec![feed]).await;
                    print_reports(&reports, false)?;
                }
                Ok(())
            }
            FeedsCommand::ImportOpml {
                corpus,
                file,
                starter: _,
                fetch,
            } => {
                let (bytes, origin) = match &file {
                    Some(file) => (
                        std::fs::read(file).map_err(|e| {
                            Error::invalid(format!("{}: cannot read: {e}", file.display()))
                        })?,
                        file.display().to_string(),
                    ),
                    // clap makes sure --starter was given when no file was.
                    None => (
                        feeds::starter_opml()
                            .ok_or_else(|| {
                                Error::internal(anyhow::anyhow!(
                                    "the starter list is missing from this build"
                                ))
                            })?
                            .as_bytes()
                            .to_vec(),
                        "starter.opml".to_string(),
                    ),
                };
                let import = feeds::import_opml(&app, &corpus, &bytes, &origin).await?;
                for problem in &import.problems {
                    eprintln!("skipped: {problem}");
                }
                println!(
                    "{corpus}: {} feed(s) added, {} already there, {} skipped",
                    import.added.len(),
                    import.existing,
                    import.problems.len()
                );
                if fetch {
                    let reports = feeds::fetch_all(&app, fetcher(&app)?, import.added).await;
                    print_reports(&reports, false)?;
                }
                Ok(())
            }
            FeedsCommand::List { corpus, json } => list(&app, corpus.as_deref(), json).await,
            FeedsCommand::Fetch { corpus, due, json } => {
                let fetcher = fetcher(&app)?;
                let reports = if due {
                    feeds::fetch_due(&app, fetcher).await?
                } else {
                    feeds::fetch_now(&app, fetcher, corpus.as_deref()).await?
                };
                if reports.is_empty() && !json {
                    println!("no feeds to fetch; add one with `sandpit feeds add CORPUS URL`");
                }
                print_reports(&reports, json)
            }
            FeedsCommand::ExportOpml { corpus, output } => {
                if let Some(c) = &corpus {
                    app.require_corpus(c).await?;
                }
                let text = feeds::export_opml(&app, corpus.as_deref()).await?;
                match output {
                    Some(path) => std::fs::write(&path, text).map_err(|e| {
                        Error::invalid(format!("{}: cannot write: {e}", path.display()))
                    })?,
                    None => print!("{text}"),
                }
                Ok(())
            }
            FeedsCommand::Remove { corpus, url } => {
                let feed = app
                    .store
                    .feed_by_url(&corpus, url.trim())
                    .await?
                    .ok_or_else(|| {
                        Error::not_found(format!(
                            "corpus {corpus:?} has no feed {url:?}; see `sandpit feeds list {corpus}`"
                        ))
                    })?;
                app.store.remove_feed(&feed.id).await?;
                println!(
                    "{corpus}: removed {} (its items stay in the corpus)",
                    feed.url
                );
                Ok(())
            }
        }
    })?
}

fn fetcher(app: &App) -> Result<Arc<Fetcher>> {
    Ok(Arc::new(Fetcher::new(FetchOptions::from_config(
        &app.config,
    ))?))
}

fn print_reports(reports: &[feeds::FetchReport], json: bool) -> Result<()> {
    if json {
        for r in reports {
            println!("{}", serde_json::to_string(r).map_err(Error::internal)?);
        }
        return Ok(());
    }
    for r in reports {
        match r.outcome {
            Outcome::Error => eprintln!("failed: {r}"),
            _ => println!("{r}"),
        }
        for note in &r.notes {
            eprintln!("  note: {note}");
        }
    }
    if reports.len() > 1 {
        let failed = reports
            .iter()
            .filter(|r| r.outcome == Outcome::Error)
            .count();
        let added: usize = reports.iter().map(|r| r.added).sum();
        println!(
            "{} feed(s): {} new item(s), {} failed",
            reports.len(),
            added,
            failed
        );
    }
    Ok(())
}

async fn list(app: &App, corpus: Option<&str>, json: bool) -> Result<()> {
    if let Some(c) = corpus {
        app.require_corpus(c).await?;
    }
    let feeds = app.store.feeds(corpus).await?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&feeds).map_err(Error::internal)?
        );
        return Ok(());
    }
    if feeds.is_empty() {
        println!("no feeds yet; add one with `sandpit feeds add CORPUS URL`");
        return Ok(());
    }
    for f in &feeds {
        let status = match f.last_status {
            FeedStatus::New => "not fetched yet".to_string(),
            FeedStatus::Ok => format!(
                "ok at {}, {} new",
                short_time(f.last_success_at.as_deref()),
                f.last_added
            ),
            FeedStatus::NotModified => {
                format!("unchanged at {}", short_time(f.last_success_at.as_deref()))
            }
            FeedStatus::Error => format!(
                "{} ({} failure(s) in a row; last success {})",
                f.last_error,
                f.consecutive_failures,
                short_time(f.last_success_at.as_deref())
            ),
        };
        println!("{}\t{}\t{}", f.corpus, f.label(), f.url);
        println!(
            "\t{status}; {} item(s) in all; next fetch {}",
            f.items_added,
            short_time(Some(&f.next_fetch_at))
        );
    }
    Ok(())
}

fn short_time(t: Option<&str>) -> String {
    t.and_then(sandpit::store::feeds::parse_timestamp)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "never".into())
}
