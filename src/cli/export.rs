//! `dx export`: the whole model with derived values, as JSON or YAML.

use std::io::Write;

use super::{Ctx, EXIT_OK};
use crate::report::export::Export;

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// JSON
    Json,
    /// YAML
    Yaml,
}

/// Arguments of `dx export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 出力形式
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    let export = Export::build(&model, ctx.today());
    // Written as it is made: a whole export in one string was the largest
    // thing in memory (200 MB at 100k records).
    let mut out = std::io::BufWriter::new(out);
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &export)?;
            writeln!(out)?;
        }
        Format::Yaml => crate::render::yaml::to_writer(&mut out, &export)?,
    }
    out.flush()?;
    Ok(EXIT_OK)
}
