//! `sandpit check`: count a draft for a platform and check it against rule packs.

#[derive(clap::Args)]
pub struct CheckArgs {
    /// The draft to check.
    pub text: Option<String>,
}

pub fn run(_args: CheckArgs) -> sandpit::error::Result<()> {
    Err(sandpit::error::Error::invalid("check is not built yet"))
}
