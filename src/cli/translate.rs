//! `sandpit translate --to VENDOR [--json] QUERY`: a monitoring query written for another tool,
//! with a warning at the column of everything that does not carry over. Needs no data
//! directory. Exit status 2 for an unknown tool or a query that does not parse.

use std::process::ExitCode;

use sandpit::query::{self, dialect::Vendor};

#[derive(clap::Args)]
pub struct TranslateArgs {
    /// The tool to write the query for: brandwatch, talkwalker, meltwater, pulsar, youscan or
    /// google.
    #[arg(long = "to", value_name = "VENDOR")]
    pub to: String,
    /// Print {"dialect","query","translated","warnings":[{"message","column"}]}; "translated"
    /// is null when the query cannot be written for that tool.
    #[arg(long)]
    pub json: bool,
    /// The Sandpit query, e.g. 'flood NEAR/3 (warning OR alert) -football'.
    pub query: String,
}

pub fn run(args: TranslateArgs) -> ExitCode {
    let Some(vendor) = Vendor::from_name(&args.to) else {
        eprintln!(
            "error: `{}` is not a tool Sandpit can write queries for; choose one of {}.",
            args.to,
            Vendor::names()
        );
        return ExitCode::from(2);
    };
    let parsed = match query::parse(&args.query) {
        Ok(p) => p,
        Err(e) => {
            // Show the line the problem is on, with a caret under its column.
            let (line_text, column) = match e.line {
                Some((line, column)) => (
                    args.query
                        .lines()
                        .nth(line - 1)
                        .unwrap_or_default()
                        .to_string(),
                    column,
                ),
                None => (args.query.clone(), e.column),
            };
            eprintln!("{line_text}");
            eprintln!("{}^", " ".repeat(column.saturating_sub(1)));
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let t = parsed.translate(vendor);
    if args.json {
        println!("{}", t.to_json());
        return ExitCode::SUCCESS;
    }
    match &t.translated {
        Some(q) => println!("{}: {q}", vendor.label()),
        None => println!("{}: this query cannot be written there.", vendor.label()),
    }
    for w in &t.warnings {
        println!("  column {}: {}", w.column, w.message);
    }
    ExitCode::SUCCESS
}
