//! One file per subcommand: turn parsed arguments into library calls and print the result.

pub mod check;
pub mod corpus;
pub mod exercises;
pub mod feeds;
pub mod rules;
pub mod scenarios;
pub mod search;
pub mod serve;
pub mod translate;

use std::path::PathBuf;

use sandpit::app::App;
use sandpit::config::Config;
use sandpit::error::{Error, Result};

/// Runs async library code from a synchronous command.
pub fn block_on<F: std::future::Future>(future: F) -> Result<F::Output> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(Error::internal)?;
    Ok(runtime.block_on(future))
}

/// Opens the data directory with the shipped corpora loaded.
pub async fn open_app(config: Config) -> Result<App> {
    let app = App::open(config).await?;
    sandpit::app::ensure_shipped(&app).await?;
    Ok(app)
}

/// Where a command finds its data: the data directory (the index, and the SQLite database
/// unless a database URL is given) and the database URL.
pub struct Home {
    pub data_dir: PathBuf,
    pub database_url: Option<String>,
}

impl Home {
    pub fn config(&self) -> Config {
        Config::new(&self.data_dir).with_database_url(self.database_url.clone())
    }
}

/// Opens the data directory and database named on the command line.
pub async fn open(home: &Home) -> Result<App> {
    open_app(home.config()).await
}
