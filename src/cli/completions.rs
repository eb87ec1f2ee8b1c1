//! `dx completions SHELL` and `dx man`: generated from the clap definition, in the
//! language of the rest of the output.

use std::io::Write;

use super::{Ctx, EXIT_OK, command};

/// Arguments of `dx completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// シェル
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub(super) fn completions(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    clap_complete::generate(args.shell, &mut command(ctx.lang()), "dx", out);
    Ok(EXIT_OK)
}

pub(super) fn man(ctx: &Ctx<'_>, out: &mut dyn Write) -> anyhow::Result<u8> {
    clap_mangen::Man::new(command(ctx.lang())).render(out)?;
    Ok(EXIT_OK)
}
