//! `dx gap`: the gap report.

use std::io::Write;

use super::output::{Output, emit};
use super::{Ctx, EXIT_OK};
use crate::report::gap::Gap;

/// Arguments of `dx gap`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// 一つの分野に絞る(例: kurashi)
    #[arg(long, value_name = "FIELD")]
    pub field: Option<String>,
    #[command(flatten)]
    pub output: Output,
}

pub(super) fn run(ctx: &Ctx<'_>, args: &Args, out: &mut dyn Write) -> anyhow::Result<u8> {
    let model = ctx.load()?;
    ctx.note_errors(&model);
    let gap = Gap::build(&model, ctx.today(), args.field.as_deref())
        .map_err(|e| ctx.unknown_field(&model, &e.0))?;
    emit(
        ctx,
        &args.output,
        ctx.dates(&model),
        &gap,
        || gap.doc(&model, ctx.lang()),
        out,
    )?;
    Ok(EXIT_OK)
}
