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
}

pub fn run(data_dir: &Path, args: ServeArgs) -> Result<()> {
    let addr: SocketAddr = args.bind.parse().map_err(|_| {
        Error::invalid(format!(
            "--bind {:?} is not an address such as 127.0.0.1:8080",
            args.bind
        ))
    })?;
    super::block_on(async move {
        let app = super::open_app(Config::new(data_dir)).await?;
        sandpit::web::serve(app, addr).await
    })?
}
