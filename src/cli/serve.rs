//! `sandpit serve`: the web interface.

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: String,
}

pub fn run(_data_dir: &std::path::Path, _args: ServeArgs) -> sandpit::error::Result<()> {
    Err(sandpit::error::Error::invalid("serve is not built yet"))
}
