//! `sandpit serve`: the web interface on shipped and imported corpora.

use std::net::SocketAddr;
use std::path::Path;

use sandpit::config::Config;
use sandpit::error::{Error, Result};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (localhost only unless the classroom is on the network).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// A folder of exercise files to add to the shipped ones.
    #[arg(long, value_name = "DIR")]
    pub exercises: Option<std::path::PathBuf>,
    /// Allow live feeds on loopback, private and link-local addresses.
    #[arg(long)]
    pub allow_private_feeds: bool,
}

pub fn run(data_dir: &Path, args: ServeArgs) -> Result<()> {
    let addr: SocketAddr = args.bind.parse().map_err(|_| {
        Error::invalid(format!(
            "--bind {:?} is not an address such as 127.0.0.1:8080",
            args.bind
        ))
    })?;
    super::block_on(async move {
        let mut config = Config::new(data_dir);
        config.exercises_dir = args.exercises;
        config.allow_private_feeds = args.allow_private_feeds;
        let app = super::open_app(config).await?;
        // Polls live feeds on their schedule; does nothing when none are configured.
        let _poller = sandpit::ingest::feeds::spawn_poller(app.clone());
        sandpit::web::serve(app, addr).await
    })?
}
