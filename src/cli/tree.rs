//! `dx tree`: the hierarchy as an outline.

use std::io::Write;

use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::report::outline::Outline;

/// Arguments of `dx tree`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 一つの分野に絞る(例: kurashi)
    #[arg(long, value_name = "FIELD")]
    pub field: Option<String>,
    /// 表示する深さ: 1 分野, 2 領域, 3 課題, 4 手法, 5 技術
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u8).range(1..=5))]
    pub depth: u8,
    #[command(flatten)]
    pub output: Output,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    let outline = Outline::build(&model, args.field.as_deref(), usize::from(args.depth))
        .map_err(|e| ctx.unknown_field(&model, &e.0))?;
    emit(
        ctx,
        &args.output,
        ctx.dates(&model),
        &outline,
        || outline.doc(&model, ctx.lang()),
        out,
    )?;
    Ok(EXIT_OK)
}
