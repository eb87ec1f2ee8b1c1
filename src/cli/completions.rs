//! `dx completions SHELL` and `dx man`: generated from the clap definition.

use std::io::Write;

use clap::CommandFactory;

use super::{Cli, EXIT_OK};

/// Arguments of `dx completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// シェル
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub(super) fn completions(args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    clap_complete::generate(args.shell, &mut Cli::command(), "dx", out);
    Ok(EXIT_OK)
}

pub(super) fn man(out: &mut dyn Write) -> anyhow::Result<u8> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(EXIT_OK)
}
