//! `sandpit corpus import|list`.

#[derive(clap::Subcommand)]
pub enum CorpusCommand {
    /// Import JSONL, feed files, OPML, or folders of them into a corpus.
    Import { name: String, paths: Vec<std::path::PathBuf> },
    /// List corpora.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(_data_dir: &std::path::Path, _cmd: CorpusCommand) -> sandpit::error::Result<()> {
    Err(sandpit::error::Error::invalid("corpus is not built yet"))
}
