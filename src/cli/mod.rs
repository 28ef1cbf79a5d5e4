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

use std::path::Path;

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

/// Opens the data directory named on the command line.
pub async fn open(data_dir: &Path) -> Result<App> {
    open_app(Config::new(data_dir)).await
}
