//! The `sandpit` command: parse arguments, start logging, hand over to the library.
//! Exit status: 0 success, 1 a user error (the message says what and where), 2 bad usage
//! (and, for `translate`, an unknown tool or a query that does not parse).

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "sandpit",
    version,
    about = "A practice ground for public-sector social media work"
)]
struct Args {
    /// Where the index and the database live.
    #[arg(
        long,
        global = true,
        env = "SANDPIT_DATA",
        default_value = "./sandpit-data"
    )]
    data_dir: PathBuf,
    /// The database: `postgres://user:password@host/database` for an organisation's
    /// PostgreSQL shared by several nodes; by default a SQLite file in the data directory.
    #[arg(
        long,
        global = true,
        env = "SANDPIT_DATABASE_URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web interface (shipped corpora and exercises load on first start).
    Serve(cli::serve::ServeArgs),
    /// Import and list corpora.
    #[command(subcommand)]
    Corpus(cli::corpus::CorpusCommand),
    /// Run a monitoring query on a corpus.
    Search(cli::search::SearchArgs),
    /// Count a draft for a platform and check it against style rules.
    Check(cli::check::CheckArgs),
    /// Validate and list exercises.
    #[command(subcommand)]
    Exercises(cli::exercises::ExercisesCommand),
    /// Write a query's hits as a labelled set, to start a monitoring exercise.
    Label(cli::exercises::LabelArgs),
    /// Check, list and lay out drill scenarios.
    #[command(subcommand)]
    Scenarios(cli::scenarios::ScenariosCommand),
    /// Test and list rule packs.
    #[command(subcommand)]
    Rules(cli::rules::RulesCommand),
    /// Live feeds of a corpus: add, import or export OPML, list with status, fetch.
    Feeds(cli::feeds::FeedsArgs),
    /// Write a monitoring query for another tool (Brandwatch, Talkwalker, Meltwater, Pulsar,
    /// YouScan, Google), with what does not carry over.
    Translate(cli::translate::TranslateArgs),
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SANDPIT_LOG").unwrap_or_else(|_| {
                tracing_subscriber::EnvFilter::new("info,tantivy=warn,sqlx=warn")
            }),
        )
        .with_writer(std::io::stderr)
        .init();
    let home = cli::Home {
        data_dir: args.data_dir,
        database_url: args.database_url,
    };
    let result = match args.command {
        Command::Serve(a) => cli::serve::run(&home, a),
        Command::Corpus(c) => cli::corpus::run(&home, c),
        Command::Search(a) => cli::search::run(&home, a),
        Command::Check(a) => cli::check::run(a),
        Command::Exercises(c) => cli::exercises::run(&home, c),
        Command::Label(a) => cli::exercises::label(&home, a),
        Command::Rules(c) => cli::rules::run(c),
        Command::Scenarios(c) => cli::scenarios::run(c),
        Command::Feeds(a) => cli::feeds::run(&home, a),
        Command::Translate(a) => return cli::translate::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
