//! `sandpit exercises validate [DIR]` and `sandpit label`: tools for trainers writing exercises.

use std::io::Write;
use std::path::{Path, PathBuf};

use sandpit::catalog::exercises;
use sandpit::error::{Error, Result};

#[derive(clap::Subcommand)]
pub enum ExercisesCommand {
    /// Check exercise files: every problem with file and line. Without DIR, the shipped ones.
    Validate { dir: Option<PathBuf> },
    /// List the exercises.
    List,
}

pub fn run(data_dir: &Path, cmd: ExercisesCommand) -> Result<()> {
    super::block_on(async move {
        match cmd {
            ExercisesCommand::List => {
                for e in exercises::shipped().exercises {
                    println!(
                        "{:<36} {:<8} {:<13} {}",
                        e.id,
                        e.kind.name(),
                        e.level.name(),
                        e.title
                    );
                }
                Ok(())
            }
            ExercisesCommand::Validate { dir } => {
                let app = super::open(data_dir).await?;
                let catalog = match &dir {
                    Some(d) => exercises::from_path(d),
                    None => exercises::shipped(),
                };
                let problems = app.validate_exercises(&catalog).await?;
                for p in &problems {
                    eprintln!("{p}");
                }
                let n = catalog.exercises.len();
                if problems.is_empty() {
                    println!("{n} exercises, no problems");
                    Ok(())
                } else {
                    Err(Error::invalid(format!(
                        "{} problem(s) in the exercises ({n} loaded)",
                        problems.len()
                    )))
                }
            }
        }
    })?
}

#[derive(clap::Args)]
pub struct LabelArgs {
    /// The corpus to search.
    #[arg(long)]
    pub corpus: String,
    /// Write the ids here (one a line) instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The query whose hits become the labelled set to edit.
    pub query: String,
}

/// Runs a query and writes every hit as a labelled set (one id a line, with its title as a
/// comment to help the trainer prune it).
pub fn label(data_dir: &Path, args: LabelArgs) -> Result<()> {
    super::block_on(async move {
        let app = super::open(data_dir).await?;
        app.require_corpus(&args.corpus).await?;
        let mut ids = app.matching_ids(&args.corpus, &args.query).await?;
        ids.sort();
        let mut out = String::new();
        out.push_str(&format!(
            "# {} documents of corpus {} matching: {}\n# Delete the lines of documents that are not relevant; lines starting with # are ignored.\n",
            ids.len(),
            args.corpus,
            args.query
        ));
        for id in &ids {
            let doc = app.document(&args.corpus, id).await?;
            let about: String = if doc.title.is_empty() {
                doc.body
            } else {
                doc.title
            }
            .chars()
            .take(70)
            .collect::<String>()
            .replace('\n', " ");
            out.push_str(&format!("{id}\n# ^ {about}\n"));
        }
        match &args.output {
            Some(path) => std::fs::write(path, out)
                .map_err(|e| Error::invalid(format!("cannot write {}: {e}", path.display())))?,
            None => std::io::stdout()
                .write_all(out.as_bytes())
                .map_err(Error::internal)?,
        }
        eprintln!("{} documents labelled", ids.len());
        Ok(())
    })?
}
