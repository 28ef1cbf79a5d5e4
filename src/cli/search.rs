//! `sandpit search`: one query, or a batch of queries from stdin.

#[derive(clap::Args)]
pub struct SearchArgs {
    #[arg(long)]
    pub corpus: String,
    pub query: Option<String>,
}

pub fn run(_data_dir: &std::path::Path, _args: SearchArgs) -> sandpit::error::Result<()> {
    Err(sandpit::error::Error::invalid("search is not built yet"))
}
